// SPDX-License-Identifier: MIT
/*
 * The deadline policy in the running kernel: CPU-bound threads get at
 * least their reservations and a background thread the rest, in
 * scheduler-accounted runtime; admission control refuses past
 * SCHED_DEADLINE_BW_PERCENT and takes bandwidth back; of two deadline
 * threads woken together the earlier deadline runs first, and both before
 * the test thread (a background task).  Needs the timer tick; nothing here
 * reads a clock except to give up when no tick comes.  Assumes no other
 * reservation exists, and that the limit leaves room for 8%.
 */
#include <tern/errno.h>
#include <tern/ktest.h>
#include <tern/mutex.h>
#include <tern/sched.h>
#include <tern/smp.h>
#include <tern/timer.h>

#include "ktest_threads.h"

#define PCT		CONFIG_SCHED_DEADLINE_BW_PERCENT
#define PERIOD_NS	(10 * TICK_NSEC)
/* 20% and 50% of a CPU, scaled down with the limit so that both fit */
#define RES_A_PERMILLE	(2 * PCT)
#define RES_B_PERMILLE	(5 * PCT)
#define SHARE_PERIODS	20
#define SPIN_TICKS	2
#define POLL_MS		100		/* the test thread looks rarely, to disturb little */
#define MAX_NAPS	200

struct dl_thread {
	void (*fn)(struct dl_thread *d);
	struct task *task;
	struct completion done;
	bool skip;			/* its reservation was refused: just exit */
	unsigned long count;
	int start, end;			/* dl_seq when it started and ended */
	bool no_tick;
};

static volatile bool dl_stop;
static volatile int dl_seq;

static int dl_thread_main(void *arg)
{
	struct dl_thread *d = arg;

	if (!d->skip)
		d->fn(d);
	complete(&d->done);
	return 0;
}

/*
 * Creates a sleeping thread that runs fn(d), with a reservation (runtime
 * 0: a background thread).  Every thread of this suite starts here, the
 * one place to pin them to a hart.  Returns 0 or an error, and then no
 * thread is left.
 */
static int dl_kthread(void (*fn)(struct dl_thread *), struct dl_thread *d, u64 runtime,
		      u64 deadline, u64 period)
{
	int err = 0;

	*d = (struct dl_thread){ .fn = fn };
	init_completion(&d->done);
	/* On the runner's CPU: EDF and the shares are per run queue. */
	d->task = kthread_create_on_cpu(dl_thread_main, d, "ktest-dl", smp_processor_id());
	if (!d->task)
		return -ENOMEM;
	if (runtime)
		err = sched_set_deadline(d->task, runtime, deadline, period);
	if (err) {
		d->skip = true;
		wake_up_process(d->task);
		wait_for_completion(&d->done);
	}
	return err;
}

/* Wakes n threads made by dl_kthread and waits for them to end. */
static void dl_run_to_end(struct dl_thread *d, int n)
{
	int i;

	for (i = 0; i < n; i++)
		wake_up_process(d[i].task);
	for (i = 0; i < n; i++)
		wait_for_completion(&d[i].done);
}

static void spin(struct dl_thread *d)
{
	while (!READ_ONCE(dl_stop)) {
		d->count++;
		cond_resched();
	}
}

static u64 runtime_sum(const struct dl_thread *d, int n)
{
	u64 sum = 0;

	while (n--)
		sum += task_runtime_ns(d[n].task);
	return sum;
}

/* Three spinners, dl_stop already false; false if one could not start. */
static bool start_spinners(struct ktest *t, struct dl_thread *d, const u64 *permille)
{
	int i, err;

	for (i = 0; i < 3; i++) {
		err = dl_kthread(spin, &d[i], PERIOD_NS * permille[i] / 1000, PERIOD_NS, PERIOD_NS);
		if (err) {
			KTEST_EXPECT_EQ(t, err, 0);
			WRITE_ONCE(dl_stop, true);
			dl_run_to_end(d, i);
			return false;
		}
	}
	preempt_disable();	/* none runs before all are queued */
	for (i = 0; i < 3; i++)
		wake_up_process(d[i].task);
	preempt_enable();
	return true;
}

/*
 * Shares over SHARE_PERIODS periods: each reservation at least 90% of what
 * it reserves (more in fact: the throttled spinners share the spare time
 * with the background one), the background spinner some of what is left
 * and no more.
 */
static void reservations_are_met_and_background_gets_the_rest(struct ktest *t)
{
	static const u64 permille[3] = { RES_A_PERMILLE, RES_B_PERMILLE, 0 };
	struct dl_thread d[3];
	u64 ran[3], sum;
	int i, naps;

	dl_stop = false;
	if (!start_spinners(t, d, permille))
		return;
	for (naps = 0; naps < MAX_NAPS && runtime_sum(d, 3) < SHARE_PERIODS * PERIOD_NS; naps++)
		msleep(POLL_MS);
	preempt_disable();	/* the copy is of one moment */
	for (i = 0; i < 3; i++)
		ran[i] = task_runtime_ns(d[i].task);
	WRITE_ONCE(dl_stop, true);
	preempt_enable();
	for (i = 0; i < 3; i++)
		wait_for_completion(&d[i].done);
	sum = ran[0] + ran[1] + ran[2];
	KTEST_EXPECT_GE(t, sum, SHARE_PERIODS * PERIOD_NS);
	for (i = 0; i < 2; i++)
		KTEST_EXPECT_GE(t, ran[i] * 1000 * 10, sum * permille[i] * 9);
	KTEST_EXPECT_GT(t, d[2].count, 0);
	KTEST_EXPECT_GT(t, ran[2], 0);
	KTEST_EXPECT_LE(t, ran[2] * 1000 * 10,
			sum * (1000 - RES_A_PERMILLE - RES_B_PERMILLE) * 11);
}

static void nothing(struct dl_thread *d)
{
}

/* 1 us under the limit in a 1 ms period, then 2 us more. */
static void admission_refuses_past_the_limit(struct ktest *t)
{
	const u64 period = NSEC_PER_MSEC, us = NSEC_PER_MSEC / 1000;
	const u64 under = period * PCT / 100 - us;
	struct dl_thread d[2];

	KTEST_ASSERT(t, dl_kthread(nothing, &d[0], under, period, period) == 0);
	if (dl_kthread(nothing, &d[1], 0, 0, 0)) {
		dl_run_to_end(d, 1);
		KTEST_ASSERT(t, false);
	}
	KTEST_EXPECT_EQ(t, sched_set_deadline(d[1].task, 2 * us, period, period), -EBUSY);
	KTEST_EXPECT_EQ(t, sched_set_deadline(d[1].task, 2 * us, us, period), -EINVAL);
	KTEST_EXPECT_EQ(t, sched_set_deadline(d[1].task, us, period, period / 2), -EINVAL);
	KTEST_EXPECT_EQ(t, sched_set_deadline(d[1].task, us, period,
					      SCHED_DL_PERIOD_MAX_NS + 1), -EINVAL);
	KTEST_EXPECT_EQ(t, sched_set_deadline(d[0].task, 0, 0, 0), 0);	/* given back */
	KTEST_EXPECT_EQ(t, sched_set_deadline(d[1].task, under, period, period), 0);
	KTEST_EXPECT_EQ(t, sched_set_deadline(d[0].task, 2 * us, period, period), -EBUSY);
	/* d[1] exits holding it: the bandwidth comes back then. */
	dl_run_to_end(d, 2);
	KTEST_ASSERT(t, dl_kthread(nothing, &d[0], under, period, period) == 0);
	dl_run_to_end(d, 1);
}

static void log_spin_log(struct dl_thread *d)
{
	d->start = ++dl_seq;
	d->no_tick = !ktest_spin_for_ticks(SPIN_TICKS);
	d->end = ++dl_seq;
}

/*
 * Woken together, the later deadline first: the earlier runs first and to
 * its end (its runtime outlasts the spin), then the later, and only then
 * the test thread.
 */
static void earlier_deadline_runs_first(struct ktest *t)
{
	const u64 runtime = (SPIN_TICKS + 2) * TICK_NSEC, period = 100 * TICK_NSEC;
	struct dl_thread d[2];		/* [0] due later */

	dl_seq = 0;
	KTEST_ASSERT(t, dl_kthread(log_spin_log, &d[0], runtime, 2 * runtime, period) == 0);
	if (dl_kthread(log_spin_log, &d[1], runtime, runtime, period)) {
		dl_run_to_end(d, 1);
		KTEST_ASSERT(t, false);
	}
	preempt_disable();
	wake_up_process(d[0].task);
	wake_up_process(d[1].task);
	preempt_enable();
	cond_resched();		/* without PREEMPT, the switch waits for this */
	KTEST_EXPECT_EQ(t, dl_seq, 4);
	wait_for_completion(&d[0].done);
	wait_for_completion(&d[1].done);
	KTEST_EXPECT(t, !d[0].no_tick && !d[1].no_tick);
	KTEST_EXPECT_EQ(t, d[1].start, 1);
	KTEST_EXPECT_EQ(t, d[1].end, 2);
	KTEST_EXPECT_EQ(t, d[0].start, 3);
	KTEST_EXPECT_EQ(t, d[0].end, 4);
}

KTEST_SUITE(sched_deadline,
	    KTEST_CASE(reservations_are_met_and_background_gets_the_rest),
	    KTEST_CASE(admission_refuses_past_the_limit),
	    KTEST_CASE(earlier_deadline_runs_first));
