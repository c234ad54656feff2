// SPDX-License-Identifier: MIT
/*
 * kernel/sched/rr.c on the simulated core of sched_sim.h: equal shares
 * for equal CPU-bound tasks, turns one slice long in FIFO order, a fresh
 * slice at the tail after a preemption or a yield, no wake-up preemption.
 */
#include "sched_sim.h"

#define SLICE		(CONFIG_SCHED_RR_SLICE_MS * SIM_MSEC)
#define SLICE_TICKS	(SLICE / TICK_NSEC)	/* the tests' HZ divides the slice */

static struct sim sim;

TEST(named_round_robin)
{
	EXPECT_STREQ(sched_policy.name, "round-robin");
}

/* n CPU-bound tasks for ticks ticks of tick_ns: shares within 10%, and 1% */
static void equal_shares(unsigned int n, u64 tick_ns, unsigned long ticks)
{
	u64 fair = ticks * tick_ns / n;
	unsigned int i;

	sim_init(&sim, tick_ns);
	for (i = 0; i < n; i++)
		sim_spawn(&sim);
	ASSERT(sim_run(&sim, ticks));
	EXPECT_EQ(sim.idle_ticks, 0);
	for (i = 0; i < n; i++) {
		u64 r = sim_runtime(&sim.tasks[i]);

		if (!within_pct(r, fair, 10))
			FAIL("%u tasks, tick %llu ns: task %u ran %llu ns, fair share %llu",
			     n, (unsigned long long)tick_ns, i, (unsigned long long)r,
			     (unsigned long long)fair);
		/* In fact the shares differ by at most one turn. */
		EXPECT(r + SLICE + tick_ns >= fair && r <= fair + SLICE + tick_ns);
	}
}

TEST(equal_cpu_bound_tasks_get_equal_shares)
{
	equal_shares(3, SIM_MSEC, 3000);
	equal_shares(2, SIM_MSEC, 1001);
	equal_shares(7, SIM_MSEC, 10000);
}

/* The slice is only checked on the tick: a tick longer than a slice, or not a divisor. */
TEST(equal_shares_with_coarse_ticks)
{
	equal_shares(3, 4 * SIM_MSEC, 3000);
	equal_shares(3, 10 * SIM_MSEC, 3000);
	equal_shares(4, 25 * SIM_MSEC, 400);
}

TEST(turns_are_one_slice_in_fifo_order)
{
	unsigned long i;
	unsigned int slice_ticks = SLICE_TICKS;

	sim_init(&sim, SIM_MSEC);
	for (i = 0; i < 3; i++)
		sim_spawn(&sim);
	ASSERT(sim_run(&sim, 30 * slice_ticks));
	for (i = 0; i < 30 * slice_ticks; i++)
		if (!EXPECT_EQ(sim.trace[i], (int)(i / slice_ticks % 3)))
			return;
}

/*
 * As on real hardware: the tick comes a little late or a switch a little
 * after it, so a task switched in at one tick has a hair less than a
 * slice spent at the tick a slice later.  That is its turn: it must not
 * run one more tick for the hair.
 */
TEST(slice_ends_at_the_nearest_tick)
{
	static const u64 late[] = { 0, TICK_NSEC / 50, TICK_NSEC / 5, TICK_NSEC * 2 / 5 };
	unsigned long i, k;

	for (k = 0; k < ARRAY_SIZE(late); k++) {
		sim_init(&sim, TICK_NSEC);
		sim.late_ns = late[k];
		sim.switch_ns = TICK_NSEC / 200;
		for (i = 0; i < 3; i++)
			sim_spawn(&sim);
		ASSERT(sim_run(&sim, 3000 * SLICE_TICKS));
		for (i = 0; i < 3000 * SLICE_TICKS; i++)
			if (!EXPECT_EQ(sim.trace[i], (int)(i / SLICE_TICKS % 3))) {
				FAIL("late by up to %llu ns", (unsigned long long)late[k]);
				break;
			}
		for (i = 0; i < 3; i++)
			EXPECT(within_pct(sim_runtime(&sim.tasks[i]), 1000 * SLICE, 2));
	}
}

TEST(alone_it_keeps_the_cpu)
{
	struct sim_task *a;

	sim_init(&sim, SIM_MSEC);
	a = sim_spawn(&sim);
	ASSERT(sim_run(&sim, 1000));
	EXPECT_EQ(sim.switches, 1);	/* from idle to a, and no other */
	EXPECT_EQ(sim_runtime(a), 1000 * SIM_MSEC);
	EXPECT(a->t.se.slice_left > 0);	/* renewed in place */
}

TEST(tick_asks_only_when_the_slice_is_nearly_spent)
{
	struct sim_task *a, *b;

	sim_init(&sim, SIM_MSEC);
	a = sim_spawn(&sim);
	b = sim_spawn(&sim);
	EXPECT(sim.rq.curr == &a->t);
	/* Spent: less than half a tick left, the nearest tick is now. */
	sched_policy.update_curr(&sim.rq, &a->t, SLICE - TICK_NSEC / 2 - 1);
	EXPECT(!sched_policy.tick(&sim.rq, &a->t));
	sched_policy.update_curr(&sim.rq, &a->t, 1);
	EXPECT(sched_policy.tick(&sim.rq, &a->t));
	sched_policy.update_curr(&sim.rq, &a->t, TICK_NSEC / 2);
	EXPECT_EQ(a->t.se.slice_left, 0);
	EXPECT(sched_policy.tick(&sim.rq, &a->t));
	/* More than is left does not wrap. */
	sched_policy.update_curr(&sim.rq, &a->t, 5 * SLICE);
	EXPECT_EQ(a->t.se.slice_left, 0);
	(void)b;
}

TEST(yield_and_preemption_give_a_fresh_slice_at_the_tail)
{
	struct sim_task *st[3];
	int i;

	sim_init(&sim, SIM_MSEC);
	for (i = 0; i < 3; i++) {
		st[i] = sim_create(&sim);
		st[i]->t.state = TASK_RUNNING;
		st[i]->t.se.slice_left = SLICE / 2;
	}
	sched_policy.enqueue(&sim.rq, &st[0]->t, ENQUEUE_WAKEUP);
	sched_policy.enqueue(&sim.rq, &st[1]->t, ENQUEUE_YIELD);
	sched_policy.enqueue(&sim.rq, &st[2]->t, ENQUEUE_PREEMPT);
	EXPECT_EQ(st[0]->t.se.slice_left, SLICE / 2);	/* a sleeper keeps what it had */
	EXPECT_EQ(st[1]->t.se.slice_left, SLICE);
	EXPECT_EQ(st[2]->t.se.slice_left, SLICE);
	for (i = 0; i < 3; i++)
		EXPECT(sched_policy.pick_next(&sim.rq) == &st[i]->t);
	EXPECT(sched_policy.pick_next(&sim.rq) == NULL);
}

TEST(spent_slice_is_renewed_on_wake_up)
{
	struct sim_task *a;

	sim_init(&sim, SIM_MSEC);
	a = sim_create(&sim);
	a->t.state = TASK_RUNNING;
	a->t.se.slice_left = 0;
	sched_policy.enqueue(&sim.rq, &a->t, ENQUEUE_WAKEUP);
	EXPECT_EQ(a->t.se.slice_left, SLICE);
}

/* A woken task waits for the running task's slice to end, then runs. */
TEST(wake_up_waits_for_its_turn)
{
	struct sim_task *busy, *sleeper;
	unsigned long i;

	sim_init(&sim, SIM_MSEC);
	sleeper = sim_spawn(&sim);
	sleeper->burst_ns = SIM_MSEC;
	sleeper->sleep_ns = 3 * SIM_MSEC;
	busy = sim_spawn(&sim);
	ASSERT(sim_run(&sim, 1000));
	EXPECT(!sched_policy.wakeup_preempt(&sim.rq, &busy->t, &sleeper->t));
	/* Pattern: sleeper 1 tick, busy one whole slice, and again. */
	for (i = 0; i < 1000; i++) {
		int want = i % (CONFIG_SCHED_RR_SLICE_MS + 1) == 0 ? sleeper->id : busy->id;

		if (!EXPECT_EQ(sim.trace[i], want))
			return;
	}
}

TEST(exits_and_sleeps_keep_the_queue_consistent)
{
	unsigned int i;

	sim_init(&sim, SIM_MSEC);
	for (i = 0; i < 20; i++) {
		struct sim_task *st = sim_spawn(&sim);

		st->work_ns = (5 + 7 * i) * SIM_MSEC;
		st->burst_ns = (1 + i % 4) * SIM_MSEC;
		st->sleep_ns = (i % 5) * SIM_MSEC;
		st->yields = i % 3 == 0;
	}
	EXPECT(sim_run(&sim, 5000));	/* sim_check_common after every tick */
	for (i = 0; i < 20; i++)
		EXPECT(sim.tasks[i].exited_at != 0);
	EXPECT_EQ(sim.rq.nr_queued, 0);
}

TEST_MAIN()
