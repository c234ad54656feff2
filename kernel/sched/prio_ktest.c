// SPDX-License-Identifier: MIT
/*
 * The fixed-priority policy in the running kernel: of two ready threads
 * the higher priority runs first and to the end, a waking higher priority
 * takes the CPU from a lower one, and equal priorities share it.  Needs
 * the timer tick: threads spin until the scheduler has charged them
 * several ticks.  The test thread raises its own priority while it sets
 * things up and restores it after.
 */
#include <tern/ktest.h>
#include <tern/mutex.h>
#include <tern/sched.h>
#include <tern/smp.h>
#include <tern/timer.h>

#include "ktest_threads.h"

#define PRIO_LOW	5
#define PRIO_MID	10
#define PRIO_HIGH	20
#define PRIO_TOP	(SCHED_PRIO_LEVELS - 1)
#define SPIN_TICKS	3
#define WAKE_AT		1000		/* low_spinner's round that wakes the high thread */
#define POLL_MS		100		/* the test thread looks rarely, to disturb little */

static volatile int prio_seq;
static volatile bool prio_stop;
static volatile unsigned long low_count;

struct prio_thread {
	struct task *task;
	struct completion done;
	int start, end;			/* prio_seq when it started and ended */
	struct task *wakes;		/* low_spinner wakes it */
	unsigned long wake_count, at_wake, after;	/* low_count */
	unsigned long count;
	bool no_tick;
};

static struct task *create_at(int (*fn)(void *), struct prio_thread *p, int prio)
{
	init_completion(&p->done);
	p->task = kthread_create_on_cpu(fn, p, "ktest-prio", smp_processor_id());
	if (p->task)
		sched_set_prio(p->task, prio);
	return p->task;
}

static int prio_runner(void *arg)
{
	struct prio_thread *p = arg;

	p->start = ++prio_seq;
	p->no_tick = !ktest_spin_for_ticks(SPIN_TICKS);
	p->end = ++prio_seq;
	complete(&p->done);
	return 0;
}

static void higher_priority_runs_first(struct ktest *t)
{
	struct prio_thread lo = { .start = 0 }, hi = { .start = 0 };
	int old = current->se.prio;

	prio_seq = 0;
	KTEST_ASSERT(t, create_at(prio_runner, &lo, PRIO_LOW));
	KTEST_ASSERT(t, create_at(prio_runner, &hi, PRIO_HIGH));
	sched_set_prio(current, PRIO_TOP);
	wake_up_process(lo.task);	/* the lower one is ready first */
	wake_up_process(hi.task);
	KTEST_EXPECT_EQ(t, prio_seq, 0);	/* we are higher still */
	sched_set_prio(current, old);
	wait_for_completion(&hi.done);
	wait_for_completion(&lo.done);
	KTEST_EXPECT(t, !hi.no_tick && !lo.no_tick);
	KTEST_EXPECT_EQ(t, hi.start, 1);
	KTEST_EXPECT_EQ(t, hi.end, 2);
	KTEST_EXPECT_EQ(t, lo.start, 3);
	KTEST_EXPECT_EQ(t, lo.end, 4);
}

/* Spins; after WAKE_AT rounds it wakes p->wakes, then offers the CPU. */
static int low_spinner(void *arg)
{
	struct prio_thread *p = arg;

	while (!READ_ONCE(prio_stop)) {
		if (++low_count == WAKE_AT) {
			p->wake_count = low_count;
			wake_up_process(p->wakes);
		}
		cond_resched();
	}
	complete(&p->done);
	return 0;
}

/* Woken by the low thread, spins: low must not move until it is done. */
static int high_runner(void *arg)
{
	struct prio_thread *p = arg;

	p->at_wake = low_count;
	p->no_tick = !ktest_spin_for_ticks(SPIN_TICKS);
	p->after = low_count;
	complete(&p->done);
	return 0;
}

/*
 * The low thread wakes the high one and reaches a preemption point
 * (cond_resched, or wake_up_process itself with the PREEMPT option): the
 * high one must run there, before low counts once more, and keep the CPU.
 */
static void waking_higher_priority_preempts_lower(struct ktest *t)
{
	struct prio_thread lo = { .start = 0 }, hi = { .start = 0 };

	prio_stop = false;
	low_count = 0;
	KTEST_ASSERT(t, create_at(high_runner, &hi, PRIO_HIGH));
	lo.wakes = hi.task;
	KTEST_ASSERT(t, create_at(low_spinner, &lo, PRIO_LOW));
	wake_up_process(lo.task);
	wait_for_completion(&hi.done);
	WRITE_ONCE(prio_stop, true);
	wait_for_completion(&lo.done);
	KTEST_EXPECT(t, !hi.no_tick);
	KTEST_EXPECT_EQ(t, lo.wake_count, WAKE_AT);
	KTEST_EXPECT_EQ(t, hi.at_wake, lo.wake_count);	/* it ran at once */
	KTEST_EXPECT_EQ(t, hi.after, hi.at_wake);	/* and low did not run meanwhile */
}

static int mid_spinner(void *arg)
{
	struct prio_thread *p = arg;

	while (!READ_ONCE(prio_stop)) {
		p->count++;
		cond_resched();
	}
	complete(&p->done);
	return 0;
}

static void equal_priorities_share_the_cpu(struct ktest *t)
{
	struct prio_thread s[2] = { { .start = 0 }, { .start = 0 } };
	u64 slice = (u64)CONFIG_SCHED_RR_SLICE_MS * NSEC_PER_MSEC;
	u64 total = 2 * 40 * MAX(slice, TICK_NSEC), sum = 0, ran[2], mean;
	int i, naps;

	prio_stop = false;
	for (i = 0; i < 2; i++) {
		if (!create_at(mid_spinner, &s[i], PRIO_MID)) {
			KTEST_EXPECT(t, s[i].task != NULL);
			WRITE_ONCE(prio_stop, true);
			if (i)
				wait_for_completion(&s[0].done);
			return;
		}
		wake_up_process(s[i].task);
	}
	/* We (the default priority, above theirs) wake up to look. */
	for (naps = 0; naps < 200 && sum < total; naps++) {
		msleep(POLL_MS);
		sum = task_runtime_ns(s[0].task) + task_runtime_ns(s[1].task);
	}
	for (i = 0; i < 2; i++)
		ran[i] = task_runtime_ns(s[i].task);
	WRITE_ONCE(prio_stop, true);
	for (i = 0; i < 2; i++)
		wait_for_completion(&s[i].done);
	KTEST_EXPECT_GE(t, sum, total);
	mean = ran[0] / 2 + ran[1] / 2;
	for (i = 0; i < 2; i++) {
		KTEST_EXPECT_GT(t, s[i].count, 0);
		KTEST_EXPECT_LE(t, ran[i] * 10, mean * 11);	/* within 10% */
		KTEST_EXPECT_GE(t, ran[i] * 10, mean * 9);
	}
}

KTEST_SUITE(sched_prio,
	    KTEST_CASE(higher_priority_runs_first),
	    KTEST_CASE(waking_higher_priority_preempts_lower),
	    KTEST_CASE(equal_priorities_share_the_cpu));
