// SPDX-License-Identifier: MIT
/*
 * The fair policy in the running kernel: CPU-bound threads share
 * scheduler-accounted runtime in proportion to their nice weights (nice 0
 * against nice 5: 1024 to 335).  Needs the timer tick; nothing here reads
 * a clock except to give up when no tick comes.
 *
 * The tolerance follows from the mechanism, not from a percentage.  The
 * spinners are all placed at the same vruntime before any runs, and a
 * task is only ever switched to when its vruntime is the smallest; from
 * then on the others' only grow.  So at any moment, for any two of them,
 *
 *	vruntime_i - vruntime_j <= what i gained in its last stint,
 *
 * and runtime weighted by 1024 / weight is vruntime, except that each
 * vruntime update rounds down by under 1 ns.  A late tick (QEMU without
 * -icount on a busy host) lengthens a stint and with it the allowance, as
 * it lengthens the lead it allows; a scheduler that ignored the weights
 * would miss by a third of the run.
 */
#include <tern/ktest.h>
#include <tern/sched.h>
#include <tern/timer.h>

#include "ktest_threads.h"
#include "policy.h"

#define NICE_0_WEIGHT	1024

static u64 weight(int nice)
{
	return sched_nice_to_weight[nice - NICE_MIN];
}

/* Runtime in vruntime units: ns * 1024 / weight, rounded up. */
static u64 weighted(u64 ns, int nice)
{
	return (ns * NICE_0_WEIGHT + weight(nice) - 1) / weight(nice);
}

/*
 * For every pair, i's weighted runtime leads j's by no more than i's last
 * stint, weighted, plus the rounding: under 1 ns per update, and the
 * updates are the ticks (scheduler_tick) and the switches (one for the
 * task switched from, one for the task woken or picked).
 */
static void expect_fair_shares(struct ktest *t, int n, const int *nice,
			       const struct spinner_run *run)
{
	u64 rounding = run->ticks + 2 * run->switches;
	int i, j;

	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++)
			KTEST_EXPECT_LE(t, weighted(run->s[i].ran, nice[i]),
					weighted(run->s[j].ran, nice[j]) +
					weighted(run->s[i].last_stint, nice[i]) + rounding);
	/* The bound means something only if the run had many stints. */
	KTEST_EXPECT_GE(t, run->switches, 2 * (unsigned long)n);
}

static void nice_0_and_nice_5_split_1024_to_335(struct ktest *t)
{
	static const int nice[2] = { 0, 5 };
	struct spinner_run run;

	KTEST_ASSERT(t, ktest_run_spinners(2, nice, 40 * TICK_NSEC, &run) == 0);
	expect_fair_shares(t, 2, nice, &run);
}

static void equal_nice_equal_shares(struct ktest *t)
{
	static const int nice[3] = { 0, 0, 0 };
	struct spinner_run run;

	KTEST_ASSERT(t, ktest_run_spinners(3, nice, 45 * TICK_NSEC, &run) == 0);
	expect_fair_shares(t, 3, nice, &run);
}

KTEST_SUITE(sched_fair,
	    KTEST_CASE(nice_0_and_nice_5_split_1024_to_335),
	    KTEST_CASE(equal_nice_equal_shares));
