// SPDX-License-Identifier: MIT
/*
 * kernel/sched/fair.c on the simulated core of sched_sim.h: CPU shares in
 * proportion to the nice weights, bounded credit for sleepers, prompt
 * wake-ups, a monotonic min_vruntime (also across the 64-bit wrap), and
 * enqueue work that grows with the tree's height, not with the number of
 * tasks.
 */
#include "sched_sim.h"

#define GRAN	(CONFIG_SCHED_MIN_GRANULARITY_MS * SIM_MSEC)

static struct sim sim;

static unsigned long long rng_state = 7;

static unsigned int rnd(unsigned int bound)
{
	return harness_rnd(&rng_state, bound);
}

#include "sched_put_prev.h"

static u32 weight_of(int nice)
{
	return sched_nice_to_weight[nice - NICE_MIN];
}

/* a:b within pct% of wa:wb, in integers */
static bool ratio_within(u64 a, u64 b, u32 wa, u32 wb, unsigned int pct)
{
	return within_pct(a * wb, b * wa, pct);
}

static u64 prev_min_vruntime;

/* min_vruntime never goes back; the queue is in vruntime order. */
static void check_fair(struct sim *s)
{
	struct rb_node *n, *prev = NULL;

	if ((s64)(s->rq.min_vruntime - prev_min_vruntime) < 0) {
		FAIL("tick %lu: min_vruntime went back", s->ticks);
		s->broken = true;
	}
	prev_min_vruntime = s->rq.min_vruntime;
	if (s->rq.tree.rb_leftmost != rb_first(&s->rq.tree.rb_root)) {
		FAIL("tick %lu: stale leftmost", s->ticks);
		s->broken = true;
	}
	for (n = rb_first(&s->rq.tree.rb_root); n; prev = n, n = rb_next(n)) {
		struct task *a = prev ? rb_entry(prev, struct task, se.rb_node) : NULL;
		struct task *b = rb_entry(n, struct task, se.rb_node);

		if (a && (s64)(b->se.vruntime - a->se.vruntime) < 0) {
			FAIL("tick %lu: queue out of vruntime order", s->ticks);
			s->broken = true;
			return;
		}
	}
}

static void fair_sim_init(u64 tick_ns)
{
	sim_init(&sim, tick_ns);
	sim.check = check_fair;
	prev_min_vruntime = sim.rq.min_vruntime;
}

static struct sim_task *spawn_nice(int nice)
{
	struct sim_task *st = sim_create(&sim);

	sim_set_nice(&sim, st, nice);
	sim_wake_now(&sim, st);
	return st;
}

TEST(named_fair)
{
	EXPECT_STREQ(sched_policy.name, "fair");
}

TEST(weight_table)
{
	int nice;

	EXPECT_EQ(weight_of(0), 1024);
	EXPECT_EQ(weight_of(5), 335);
	EXPECT_EQ(weight_of(NICE_MIN), 88761);
	EXPECT_EQ(weight_of(NICE_MAX), 15);
	/* Each step is about 1.25x (1.20x to 1.30x). */
	for (nice = NICE_MIN; nice < NICE_MAX; nice++)
		EXPECT(weight_of(nice) * 100 >= weight_of(nice + 1) * 120 &&
		       weight_of(nice) * 100 <= weight_of(nice + 1) * 130);
}

TEST(new_task_weight_follows_nice)
{
	struct sim_task *st;

	fair_sim_init(SIM_MSEC);
	st = sim_create(&sim);
	EXPECT_EQ(st->t.se.weight, 1024);
	sim_set_nice(&sim, st, -3);
	EXPECT_EQ(st->t.se.weight, weight_of(-3));
}

TEST(vruntime_is_weighted_runtime)
{
	struct sim_task *a;

	fair_sim_init(SIM_MSEC);
	a = spawn_nice(5);
	sched_policy.update_curr(&sim.rq, &a->t, 335 * 1000);
	EXPECT_EQ(a->t.se.vruntime, 1024 * 1000);
}

static u64 split_late_ns;	/* how late the ticks of two_task_split come */

static void two_task_split(int nice_a, int nice_b, u64 tick_ns, unsigned long ticks)
{
	struct sim_task *a, *b;

	fair_sim_init(tick_ns);
	sim.late_ns = split_late_ns;
	sim.switch_ns = split_late_ns ? tick_ns / 200 : 0;
	a = spawn_nice(nice_a);
	b = spawn_nice(nice_b);
	ASSERT(sim_run(&sim, ticks));
	if (!ratio_within(sim_runtime(a), sim_runtime(b), weight_of(nice_a), weight_of(nice_b), 10))
		FAIL("nice %d vs %d, tick %llu: ran %llu vs %llu ns, want %u:%u", nice_a, nice_b,
		     (unsigned long long)tick_ns, (unsigned long long)sim_runtime(a),
		     (unsigned long long)sim_runtime(b), weight_of(nice_a), weight_of(nice_b));
	/* In fact much closer than 10%. */
	EXPECT(ratio_within(sim_runtime(a), sim_runtime(b), weight_of(nice_a), weight_of(nice_b), 3));
}

TEST(nice_0_vs_nice_5_split_1024_to_335)
{
	two_task_split(0, 5, SIM_MSEC, 20000);
	two_task_split(0, 5, 4 * SIM_MSEC, 5000);
	two_task_split(0, 5, 10 * SIM_MSEC, 2000);
	/* Ticks late by up to 40% of a tick, switches a little after them. */
	split_late_ns = TICK_NSEC * 2 / 5;
	two_task_split(0, 5, TICK_NSEC, 20000);
	split_late_ns = 0;
}

TEST(other_nice_pairs_split_by_weight)
{
	two_task_split(0, 0, SIM_MSEC, 10000);
	two_task_split(-5, 3, SIM_MSEC, 20000);
	two_task_split(0, 10, SIM_MSEC, 50000);
}

TEST(three_tasks_split_by_weight)
{
	struct sim_task *st[3];
	static const int nice[3] = { -5, 0, 5 };
	u64 total = 0, wsum = 0;
	int i;

	fair_sim_init(SIM_MSEC);
	for (i = 0; i < 3; i++)
		st[i] = spawn_nice(nice[i]);
	ASSERT(sim_run(&sim, 30000));
	for (i = 0; i < 3; i++) {
		total += sim_runtime(st[i]);
		wsum += weight_of(nice[i]);
	}
	for (i = 0; i < 3; i++)
		EXPECT(within_pct(sim_runtime(st[i]), total * weight_of(nice[i]) / wsum, 10));
}

TEST(nice_change_changes_the_share)
{
	struct sim_task *a, *b;
	u64 a0, b0;

	fair_sim_init(SIM_MSEC);
	a = spawn_nice(0);
	b = spawn_nice(0);
	ASSERT(sim_run(&sim, 2000));
	EXPECT(within_pct(sim_runtime(a), sim_runtime(b), 5));
	sim_set_nice(&sim, b, 5);
	EXPECT_EQ(b->t.se.weight, 335);
	a0 = sim_runtime(a);
	b0 = sim_runtime(b);
	ASSERT(sim_run(&sim, 20000));
	EXPECT(ratio_within(sim_runtime(a) - a0, sim_runtime(b) - b0, 1024, 335, 10));
}

/* Many equal tasks: each gets its share, turns of about the granularity. */
TEST(hundred_equal_tasks_share_equally)
{
	int i;

	fair_sim_init(SIM_MSEC);
	for (i = 0; i < 100; i++)
		spawn_nice(0);
	ASSERT(sim_run(&sim, 30000));
	for (i = 0; i < 100; i++)
		EXPECT(within_pct(sim_runtime(&sim.tasks[i]), 300 * SIM_MSEC, 10));
	/* No thrashing: about one switch per granularity. */
	EXPECT(sim.switches <= 30000 / CONFIG_SCHED_MIN_GRANULARITY_MS + 100);
}

/*
 * A task that slept 10 s while another ran gets no 10 s of credit: it
 * runs first, for a few granularities, then they alternate again.
 */
TEST(sleepers_do_not_bank_credit)
{
	struct sim_task *busy, *sleeper;
	unsigned long i, run = 0, longest = 0, start;

	fair_sim_init(SIM_MSEC);
	sleeper = sim_create(&sim);
	busy = spawn_nice(0);
	ASSERT(sim_run(&sim, 10000));
	start = sim.ticks;
	sim_wake_now(&sim, sleeper);
	EXPECT(sim.rq.curr == &sleeper->t);	/* it preempts at once */
	ASSERT(sim_run(&sim, 4000));
	for (i = start; i < sim.ticks; i++) {
		run = sim.trace[i] == sleeper->id ? run + 1 : 0;
		if (run > longest)
			longest = run;
	}
	EXPECT(longest * SIM_MSEC <= 4 * GRAN + 2 * SIM_MSEC);
	EXPECT(within_pct(sim_runtime(sleeper), 2000 * SIM_MSEC, 10));
	EXPECT(within_pct(sim_runtime(busy) - 10000 * SIM_MSEC, 2000 * SIM_MSEC, 10));
}

/* A task that runs a little and sleeps runs as soon as it wakes. */
TEST(interactive_task_runs_on_wake_up)
{
	struct sim_task *busy[3], *inter;
	int i;

	fair_sim_init(SIM_MSEC);
	for (i = 0; i < 3; i++)
		busy[i] = spawn_nice(0);
	inter = spawn_nice(0);
	inter->burst_ns = SIM_MSEC;
	inter->sleep_ns = 20 * SIM_MSEC;
	ASSERT(sim_run(&sim, 21000));
	/* Woken at the end of a tick, it runs the next: one tick in 21. */
	EXPECT(within_pct(sim_runtime(inter), 1000 * SIM_MSEC, 2));
	for (i = 0; i < 3; i++)
		EXPECT(within_pct(sim_runtime(busy[i]), 20000 * SIM_MSEC / 3, 10));
}

TEST(tick_waits_for_the_granularity_and_a_smaller_vruntime)
{
	struct sim_task *a, *b;

	fair_sim_init(SIM_MSEC);
	a = spawn_nice(0);
	b = spawn_nice(0);
	EXPECT(sim.rq.curr == &a->t);
	EXPECT_EQ(a->t.se.vruntime, b->t.se.vruntime);
	/* b is smaller, but a has not run the granularity (to the nearest tick) */
	sched_policy.update_curr(&sim.rq, &a->t, GRAN - TICK_NSEC / 2 - 1);
	EXPECT(!sched_policy.tick(&sim.rq, &a->t));
	sched_policy.update_curr(&sim.rq, &a->t, 1);
	EXPECT(sched_policy.tick(&sim.rq, &a->t));
	/* Nobody smaller: keep running. */
	b->t.se.vruntime = a->t.se.vruntime + 1;
	sched_policy.dequeue(&sim.rq, &b->t);
	sched_policy.enqueue(&sim.rq, &b->t, 0);
	EXPECT(!sched_policy.tick(&sim.rq, &a->t));
}

TEST(wake_up_preempts_only_beyond_the_granularity)
{
	struct sim_task *a, *b;

	fair_sim_init(SIM_MSEC);
	a = spawn_nice(0);
	b = sim_create(&sim);
	a->t.se.vruntime = 100 * GRAN;
	b->t.se.vruntime = 99 * GRAN;
	EXPECT(!sched_policy.wakeup_preempt(&sim.rq, &a->t, &b->t));
	b->t.se.vruntime = 99 * GRAN - 1;
	EXPECT(sched_policy.wakeup_preempt(&sim.rq, &a->t, &b->t));
	EXPECT(!sched_policy.wakeup_preempt(&sim.rq, &b->t, &a->t));
}

TEST(placement_of_new_and_waking_tasks)
{
	struct sim_task *st;

	fair_sim_init(SIM_MSEC);
	sim.rq.min_vruntime = 1000 * GRAN;
	st = sim_create(&sim);
	st->t.state = TASK_RUNNING;
	sched_policy.enqueue(&sim.rq, &st->t, ENQUEUE_NEW);
	EXPECT_EQ(st->t.se.vruntime, 1000 * GRAN);	/* no credit for new tasks */
	sched_policy.dequeue(&sim.rq, &st->t);

	st->t.se.vruntime = 0;				/* slept very long */
	sched_policy.enqueue(&sim.rq, &st->t, ENQUEUE_WAKEUP);
	EXPECT(st->t.se.vruntime < 1000 * GRAN);
	EXPECT(st->t.se.vruntime >= 1000 * GRAN - 4 * GRAN);
	sched_policy.dequeue(&sim.rq, &st->t);

	st->t.se.vruntime = 1005 * GRAN;		/* ahead: keeps its own */
	sched_policy.enqueue(&sim.rq, &st->t, ENQUEUE_WAKEUP);
	EXPECT_EQ(st->t.se.vruntime, 1005 * GRAN);
}

TEST(equal_vruntimes_run_in_insertion_order)
{
	struct sim_task *st[5];
	int i;

	fair_sim_init(SIM_MSEC);
	for (i = 0; i < 5; i++) {
		st[i] = sim_create(&sim);
		st[i]->t.state = TASK_RUNNING;
		st[i]->t.se.vruntime = 42;
		sched_policy.enqueue(&sim.rq, &st[i]->t, 0);
	}
	for (i = 0; i < 5; i++)
		EXPECT(sched_policy.pick_next(&sim.rq) == &st[i]->t);
	EXPECT(sched_policy.pick_next(&sim.rq) == NULL);
}

/* Yield goes behind the first waiter, whatever their vruntimes. */
TEST(yield_lets_the_other_run)
{
	struct sim_task *y, *busy;
	unsigned long i;

	fair_sim_init(SIM_MSEC);
	y = spawn_nice(-10);	/* heavy: its vruntime grows slowly */
	busy = spawn_nice(0);
	y->yields = true;
	ASSERT(sim_run(&sim, 2000));
	for (i = 0; i + 1 < sim.ticks; i++)
		if (sim.trace[i] == y->id && !EXPECT_EQ(sim.trace[i + 1], busy->id))
			return;
	EXPECT(sim_runtime(y) > 0);
}

/* vruntimes compare by signed difference: the 64-bit wrap is harmless. */
TEST(shares_hold_across_the_vruntime_wrap)
{
	struct sim_task *a, *b;
	u64 start = (u64)0 - 50 * SIM_MSEC;

	fair_sim_init(SIM_MSEC);
	sim.rq.min_vruntime = prev_min_vruntime = start;
	a = sim_create(&sim);
	b = sim_create(&sim);
	sim_set_nice(&sim, b, 5);
	a->t.se.vruntime = b->t.se.vruntime = start;
	sim_wake_now(&sim, a);
	sim_wake_now(&sim, b);
	ASSERT(sim_run(&sim, 20000));
	EXPECT(sim.rq.min_vruntime < start);	/* it wrapped */
	EXPECT(ratio_within(sim_runtime(a), sim_runtime(b), 1024, 335, 10));
}

/* Depth of a node: the key comparisons its enqueue made. */
/* Small vruntimes, so that ties are common. */
static void pp_fair_task(struct task *t, int i, const unsigned int r[PP_RANDOM])
{
	t->se.vruntime = 100 + r[0] % 8;
}

static void pp_fair_rq(struct rq *rq, unsigned int r)
{
	rq->min_vruntime = 100 + r % 4;
}

static bool pp_fair_leftmost_cached(struct rq *rq)
{
	return rq->tree.rb_leftmost == rb_first(&rq->tree.rb_root);
}

/* fair's shortcuts: prev keeps the CPU, or takes the leftmost task's place. */
TEST(put_prev_pick_next_equals_enqueue_then_pick)
{
	static const struct pp_policy fair = {
		pp_fair_task, pp_fair_rq, pp_fair_leftmost_cached
	};
	static const unsigned int flags[] = { 0, ENQUEUE_YIELD, ENQUEUE_PREEMPT };

	pp_compare(&fair, 20000, flags, 3);
}

static int depth(struct rb_node *n)
{
	int d = 0;

	for (; n; n = n->rb_parent)
		d++;
	return d;
}

static int log2_ceil(unsigned int n)
{
	int r = 0;

	while ((1u << r) < n)
		r++;
	return r;
}

/*
 * Enqueue cost with 10, 100 and 1000 tasks waiting, in key comparisons
 * (the depth the new node lands at), under churn: it stays within the
 * red-black bound 2 * log2(n + 1), far below n; the pick itself reads the
 * cached leftmost node.
 */
TEST(enqueue_and_pick_cost_grow_with_log_n)
{
	static const unsigned int sizes[] = { 10, 100, 1000 };
	int worst[3];
	unsigned int k, i;

	for (k = 0; k < ARRAY_SIZE(sizes); k++) {
		unsigned int n = sizes[k];

		fair_sim_init(SIM_MSEC);
		worst[k] = 0;
		for (i = 0; i < n; i++) {
			struct sim_task *st = sim_create(&sim);

			st->t.state = TASK_RUNNING;
			st->t.se.vruntime = rnd(1000000);
			sched_policy.enqueue(&sim.rq, &st->t, 0);
		}
		/* Churn: pick the smallest, run it a random while, queue it again. */
		for (i = 0; i < 20 * n; i++) {
			struct task *t = sched_policy.pick_next(&sim.rq);
			int d;

			ASSERT(t);
			EXPECT(!t->se.on_rq);
			t->se.vruntime += rnd(100000);
			sched_policy.enqueue(&sim.rq, t, ENQUEUE_PREEMPT);
			d = depth(&t->se.rb_node);
			if (d > worst[k])
				worst[k] = d;
			EXPECT(sim.rq.tree.rb_leftmost == rb_first(&sim.rq.tree.rb_root));
		}
		EXPECT(worst[k] <= 2 * log2_ceil(n + 1));
		printf("# %u tasks: at most %d comparisons per enqueue (bound %d)\n", n,
		       worst[k], 2 * log2_ceil(n + 1));
	}
	/* 100 times the tasks, not 100 times the work. */
	EXPECT(worst[2] < 4 * worst[0]);
}

/* Random nice values, bursts, sleeps, yields, exits and nice changes. */
TEST(invariants_hold_under_random_load)
{
	int i, round;

	fair_sim_init(SIM_MSEC);
	for (i = 0; i < 60; i++) {
		struct sim_task *st = sim_create(&sim);

		sim_set_nice(&sim, st, NICE_MIN + (int)rnd(40));
		st->burst_ns = (1 + rnd(20)) * SIM_MSEC;
		st->sleep_ns = rnd(50) * SIM_MSEC;
		st->yields = rnd(4) == 0;
		st->work_ns = rnd(3) == 0 ? (1 + rnd(400)) * SIM_MSEC : 0;
		sim_wake_now(&sim, st);
	}
	for (round = 0; round < 2000; round++) {
		struct sim_task *st = &sim.tasks[rnd(sim.nr_tasks)];

		if (st->t.state != TASK_DEAD)
			sim_set_nice(&sim, st, NICE_MIN + (int)rnd(40));
		if (!sim_run(&sim, 5))
			return;
	}
}

TEST_MAIN()
