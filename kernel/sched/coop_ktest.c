// SPDX-License-Identifier: MIT
/*
 * The cooperative policy in the running kernel: threads run in FIFO order
 * and keep the CPU through ticks, wake-ups and cond_resched() until they
 * yield, sleep or exit.  Needs the timer tick: a thread spins until the
 * scheduler has charged it several ticks, which a preemptive policy would
 * not let it do in one go.
 */
#include <tern/ktest.h>
#include <tern/mutex.h>
#include <tern/sched.h>
#include <tern/smp.h>
#include <tern/timer.h>

#include "ktest_threads.h"

#define SPIN_TICKS	5

static volatile int coop_seq;

struct coop_thread {
	struct completion done;
	int start, end;			/* coop_seq when it started and ended */
	u64 ran;			/* runtime the scheduler charged it */
	bool no_tick;			/* gave up: the tick never charged it */
};

static int coop_spinner(void *arg)
{
	struct coop_thread *c = arg;
	u64 start = task_runtime_ns(current);

	c->start = ++coop_seq;
	c->no_tick = !ktest_spin_for_ticks(SPIN_TICKS);
	c->end = ++coop_seq;
	c->ran = task_runtime_ns(current) - start;
	complete(&c->done);
	return 0;
}

static void non_yielding_threads_run_one_after_the_other(struct ktest *t)
{
	struct coop_thread c[2];
	int i;

	coop_seq = 0;
	for (i = 0; i < 2; i++) {
		c[i] = (struct coop_thread){ .start = 0 };
		init_completion(&c[i].done);
		KTEST_ASSERT(t, kthread_run_on_cpu(coop_spinner, &c[i], "ktest-coop", smp_processor_id()) != NULL);
	}
	KTEST_EXPECT_EQ(t, coop_seq, 0);	/* woken, but we did not give way */
	for (i = 0; i < 2; i++)
		wait_for_completion(&c[i].done);
	KTEST_EXPECT(t, !c[0].no_tick && !c[1].no_tick);
	KTEST_EXPECT_EQ(t, c[0].start, 1);
	KTEST_EXPECT_EQ(t, c[0].end, 2);
	KTEST_EXPECT_EQ(t, c[1].start, 3);
	KTEST_EXPECT_EQ(t, c[1].end, 4);
	for (i = 0; i < 2; i++)
		KTEST_EXPECT_GE(t, c[i].ran, SPIN_TICKS * TICK_NSEC);
}

static void yield_goes_to_the_tail(struct ktest *t)
{
	struct yield_log log;
	int i;

	KTEST_ASSERT(t, ktest_run_yielders(3, &log) == 0);
	KTEST_ASSERT(t, log.len == 3 * KTEST_YIELDS_EACH);
	for (i = 0; i < log.len; i++)
		KTEST_EXPECT_EQ(t, log.ids[i], i % 3);
}

static void ticks_and_wake_ups_do_not_preempt(struct ktest *t)
{
	struct coop_thread c = { .start = 0 };

	coop_seq = 0;
	init_completion(&c.done);
	KTEST_ASSERT(t, kthread_run_on_cpu(coop_spinner, &c, "ktest-coop", smp_processor_id()) != NULL);
	/* The woken thread waits while we run through several ticks. */
	KTEST_EXPECT(t, ktest_spin_for_ticks(SPIN_TICKS));
	KTEST_EXPECT_EQ(t, coop_seq, 0);
	wait_for_completion(&c.done);
	KTEST_EXPECT_EQ(t, c.start, 1);
}

KTEST_SUITE(sched_coop,
	    KTEST_CASE(non_yielding_threads_run_one_after_the_other),
	    KTEST_CASE(yield_goes_to_the_tail),
	    KTEST_CASE(ticks_and_wake_ups_do_not_preempt));
