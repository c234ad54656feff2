// SPDX-License-Identifier: MIT
/*
 * kernel/sched/coop.c on the simulated core of sched_sim.h: FIFO order,
 * no preemption by the tick or by wake-ups, yield to the tail.
 */
#include "sched_sim.h"

#define TICK	SIM_MSEC

static struct sim sim;

TEST(named_cooperative)
{
	EXPECT_STREQ(sched_policy.name, "cooperative");
}

TEST(empty_queue_picks_nothing)
{
	sim_init(&sim, TICK);
	EXPECT(sched_policy.pick_next(&sim.rq) == NULL);
	EXPECT(sim_run(&sim, 10));
	EXPECT_EQ(sim.idle_ticks, 10);
}

/* Tasks that never yield run one after the other, each to the end. */
TEST(runs_to_completion_in_fifo_order)
{
	static const int work[] = { 5, 3, 7, 1, 4 };
	unsigned long i, t = 0;
	int id;

	sim_init(&sim, TICK);
	for (i = 0; i < ARRAY_SIZE(work); i++)
		sim_spawn(&sim)->work_ns = work[i] * TICK;
	ASSERT(sim_run(&sim, 30));
	for (id = 0; id < (int)ARRAY_SIZE(work); id++)
		for (i = 0; i < (unsigned long)work[id]; i++, t++)
			if (!EXPECT_EQ(sim.trace[t], id))
				return;
	EXPECT_EQ(sim.trace[t], -1);	/* then idle */
	/* One switch to each task, then to idle: none in between. */
	EXPECT_EQ(sim.switches, ARRAY_SIZE(work) + 1);
}

TEST(tick_never_preempts)
{
	struct sim_task *a, *b;

	sim_init(&sim, TICK);
	a = sim_spawn(&sim);
	b = sim_spawn(&sim);
	ASSERT(sim_run(&sim, 10000));
	EXPECT_EQ(sim_runtime(a), 10000 * TICK);
	EXPECT_EQ(sim_runtime(b), 0);
	EXPECT_EQ(sim.switches, 1);
	EXPECT(!sched_policy.tick(&sim.rq, &a->t));
}

TEST(wake_up_never_preempts)
{
	struct sim_task *busy, *sleeper;

	sim_init(&sim, TICK);
	sleeper = sim_spawn(&sim);
	sleeper->burst_ns = TICK;
	sleeper->sleep_ns = 5 * TICK;
	busy = sim_spawn(&sim);
	/* sleeper runs a tick and sleeps; busy then keeps the CPU for good. */
	ASSERT(sim_run(&sim, 1000));
	EXPECT_EQ(sim_runtime(sleeper), TICK);
	EXPECT_EQ(sim_runtime(busy), 999 * TICK);
	EXPECT(sleeper->t.se.on_rq);	/* woken, waiting */
	EXPECT(!sched_policy.wakeup_preempt(&sim.rq, &busy->t, &sleeper->t));
}

TEST(yield_goes_to_the_tail)
{
	unsigned long i;

	sim_init(&sim, TICK);
	for (i = 0; i < 3; i++)
		sim_spawn(&sim)->yields = true;
	ASSERT(sim_run(&sim, 300));
	for (i = 0; i < 300; i++)
		if (!EXPECT_EQ(sim.trace[i], (int)(i % 3)))
			return;
}

/* A woken task joins the tail, behind the tasks already waiting. */
TEST(woken_task_queues_at_the_tail)
{
	struct sim_task *a, *b, *c;

	sim_init(&sim, TICK);
	a = sim_create(&sim);
	b = sim_spawn(&sim);
	c = sim_spawn(&sim);
	b->yields = c->yields = true;
	ASSERT(sim_run(&sim, 1));	/* b ran and yielded: c runs, b waits */
	sim_wake_now(&sim, a);		/* b, a wait */
	ASSERT(sim_run(&sim, 3));
	EXPECT_EQ(sim.trace[1], c->id);
	EXPECT_EQ(sim.trace[2], b->id);
	EXPECT_EQ(sim.trace[3], a->id);
}

TEST(dequeue_takes_a_task_out_of_the_middle)
{
	struct sim_task *st[3];
	int i;

	sim_init(&sim, TICK);
	for (i = 0; i < 3; i++) {
		st[i] = sim_create(&sim);
		st[i]->t.state = TASK_RUNNING;
		sched_policy.enqueue(&sim.rq, &st[i]->t, ENQUEUE_WAKEUP);
	}
	sched_policy.dequeue(&sim.rq, &st[1]->t);
	EXPECT(!st[1]->t.se.on_rq);
	EXPECT_EQ(sim.rq.nr_queued, 2);
	sched_policy.dequeue(&sim.rq, &st[1]->t);	/* not queued: no-op */
	EXPECT_EQ(sim.rq.nr_queued, 2);
	EXPECT(sched_policy.pick_next(&sim.rq) == &st[0]->t);
	EXPECT(sched_policy.pick_next(&sim.rq) == &st[2]->t);
	EXPECT(sched_policy.pick_next(&sim.rq) == NULL);
	EXPECT_EQ(sim.rq.nr_queued, 0);
}

TEST_MAIN()
