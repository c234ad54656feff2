// SPDX-License-Identifier: MIT
/*
 * The round-robin policy in the running kernel: equal CPU-bound threads
 * get equal shares of scheduler-accounted runtime, and yields keep FIFO
 * order.  Needs the timer tick (slices end on it); nothing here reads a
 * clock except to give up when no tick comes.
 */
#include <tern/ktest.h>
#include <tern/sched.h>
#include <tern/timer.h>

#include "ktest_threads.h"

#define NR_SPINNERS	3
#define TURNS_EACH	20		/* slices each spinner should get: a spinner one
				   slice ahead is 5% ahead, inside the 10% allowed */

static void cpu_bound_threads_get_equal_shares(struct ktest *t)
{
	struct spinner_run run;
	u64 slice = (u64)CONFIG_SCHED_RR_SLICE_MS * NSEC_PER_MSEC, mean = 0;
	int i;

	KTEST_ASSERT(t, ktest_run_spinners(NR_SPINNERS, NULL,
					   NR_SPINNERS * TURNS_EACH * MAX(slice, TICK_NSEC), &run) == 0);
	for (i = 0; i < NR_SPINNERS; i++)
		mean += run.s[i].ran / NR_SPINNERS;
	for (i = 0; i < NR_SPINNERS; i++) {
		KTEST_EXPECT_LE(t, run.s[i].ran * 10, mean * 11);	/* within 10% */
		KTEST_EXPECT_GE(t, run.s[i].ran * 10, mean * 9);
	}
}

/* A yield (or a slice ending between two of them) sends a thread to the tail. */
static void yielding_threads_take_turns(struct ktest *t)
{
	struct yield_log log;
	int i;

	KTEST_ASSERT(t, ktest_run_yielders(3, &log) == 0);
	KTEST_ASSERT(t, log.len == 3 * KTEST_YIELDS_EACH);
	for (i = 0; i < log.len; i++)
		KTEST_EXPECT_EQ(t, log.ids[i], i % 3);
}

KTEST_SUITE(sched_rr,
	    KTEST_CASE(cpu_bound_threads_get_equal_shares),
	    KTEST_CASE(yielding_threads_take_turns));
