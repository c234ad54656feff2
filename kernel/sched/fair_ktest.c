// SPDX-License-Identifier: MIT
/*
 * The fair policy in the running kernel: CPU-bound threads share
 * scheduler-accounted runtime in proportion to their nice weights (nice 0
 * against nice 5: 1024 to 335).  Needs the timer tick; nothing here reads
 * a clock except to give up when no tick comes.
 */
#include <tern/ktest.h>
#include <tern/mutex.h>
#include <tern/sched.h>
#include <tern/timer.h>

#include "policy.h"

#define MAX_SPINNERS	3
#define POLL_MS		100		/* the test thread looks rarely, to disturb little */

static volatile bool fair_stop;

struct spinner {
	struct task *task;
	struct completion done;
	unsigned long count;
};

static int fair_spinner(void *arg)
{
	struct spinner *s = arg;

	while (!READ_ONCE(fair_stop)) {
		s->count++;
		cond_resched();
	}
	complete(&s->done);
	return 0;
}

/*
 * Starts n spinners at the given nice values, sleeps until they together
 * have been charged ticks ticks, copies their runtimes into ran[] at one
 * moment and stops them.  False if a thread could not be made or the
 * runtime never came.
 */
static bool run_spinners(struct ktest *t, int n, const int *nice, unsigned int ticks, u64 *ran)
{
	struct spinner s[MAX_SPINNERS];
	u64 sum = 0;
	int i, naps;

	fair_stop = false;
	for (i = 0; i < n; i++) {
		s[i].count = 0;
		init_completion(&s[i].done);
		s[i].task = kthread_create(fair_spinner, &s[i], "ktest-fair");
		if (!s[i].task) {
			KTEST_EXPECT(t, s[i].task != NULL);
			WRITE_ONCE(fair_stop, true);
			while (i--)
				wait_for_completion(&s[i].done);
			return false;
		}
		set_user_nice(s[i].task, nice[i]);
		wake_up_process(s[i].task);
	}
	for (naps = 0; naps < 200 && sum < ticks * TICK_NSEC; naps++) {
		msleep(POLL_MS);
		for (sum = 0, i = 0; i < n; i++)
			sum += task_runtime_ns(s[i].task);
	}
	preempt_disable();
	for (i = 0; i < n; i++)
		ran[i] = task_runtime_ns(s[i].task);
	WRITE_ONCE(fair_stop, true);
	preempt_enable();
	for (i = 0; i < n; i++) {
		wait_for_completion(&s[i].done);
		KTEST_EXPECT_GT(t, s[i].count, 0);
	}
	KTEST_EXPECT_GE(t, sum, ticks * TICK_NSEC);
	return sum >= ticks * TICK_NSEC;
}

static u64 weight(int nice)
{
	return sched_nice_to_weight[nice - NICE_MIN];
}

static void nice_0_and_nice_5_split_1024_to_335(struct ktest *t)
{
	static const int nice[2] = { 0, 5 };
	u64 ran[2], lhs, rhs;

	if (!run_spinners(t, 2, nice, 100, ran))
		return;
	/* ran[0] / ran[1] within 10% of 1024 / 335 */
	lhs = ran[0] * weight(5);
	rhs = ran[1] * weight(0);
	KTEST_EXPECT_LE(t, lhs * 10, rhs * 11);
	KTEST_EXPECT_GE(t, lhs * 10, rhs * 9);
}

static void equal_nice_equal_shares(struct ktest *t)
{
	static const int nice[3] = { 0, 0, 0 };
	u64 ran[3], mean;
	int i;

	if (!run_spinners(t, 3, nice, 90, ran))
		return;
	mean = ran[0] / 3 + ran[1] / 3 + ran[2] / 3;
	for (i = 0; i < 3; i++) {
		KTEST_EXPECT_LE(t, ran[i] * 10, mean * 11);
		KTEST_EXPECT_GE(t, ran[i] * 10, mean * 9);
	}
}

KTEST_SUITE(sched_fair,
	    KTEST_CASE(nice_0_and_nice_5_split_1024_to_335),
	    KTEST_CASE(equal_nice_equal_shares));
