// SPDX-License-Identifier: MIT
/*
 * The fair policy in the running kernel: CPU-bound threads share
 * scheduler-accounted runtime in proportion to their nice weights (nice 0
 * against nice 5: 1024 to 335).  Needs the timer tick; nothing here reads
 * a clock except to give up when no tick comes.
 */
#include <tern/ktest.h>
#include <tern/sched.h>
#include <tern/timer.h>

#include "ktest_threads.h"
#include "policy.h"

static u64 weight(int nice)
{
	return sched_nice_to_weight[nice - NICE_MIN];
}

static void nice_0_and_nice_5_split_1024_to_335(struct ktest *t)
{
	static const int nice[2] = { 0, 5 };
	u64 ran[2], lhs, rhs;

	KTEST_ASSERT(t, ktest_run_spinners(2, nice, 100 * TICK_NSEC, ran) == 0);
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

	KTEST_ASSERT(t, ktest_run_spinners(3, nice, 90 * TICK_NSEC, ran) == 0);
	mean = ran[0] / 3 + ran[1] / 3 + ran[2] / 3;
	for (i = 0; i < 3; i++) {
		KTEST_EXPECT_LE(t, ran[i] * 10, mean * 11);
		KTEST_EXPECT_GE(t, ran[i] * 10, mean * 9);
	}
}

KTEST_SUITE(sched_fair,
	    KTEST_CASE(nice_0_and_nice_5_split_1024_to_335),
	    KTEST_CASE(equal_nice_equal_shares));
