// SPDX-License-Identifier: MIT
/*
 * kernel/sched/prio.c on the simulated core of sched_sim.h: the highest
 * non-empty level always runs, round-robin within a level, wake-ups and
 * priority changes preempt, the bitmap matches the queues, and the pick
 * touches no task but the one it takes and its neighbour (checked by
 * poisoning every other task for AddressSanitizer).
 */
#include <sanitizer/asan_interface.h>

#include "sched_sim.h"

#define SLICE		(CONFIG_SCHED_RR_SLICE_MS * SIM_MSEC)
#define SLICE_TICKS	(SLICE / TICK_NSEC)	/* the tests' HZ divides the slice */

static struct sim sim;

static unsigned long long rng_state = 1;

static unsigned int rnd(unsigned int bound)
{
	return harness_rnd(&rng_state, bound);
}

#include "sched_put_prev.h"

/* Bit p set exactly when level p is not empty; queued tasks are at their level. */
static void check_bitmap(struct sim *s)
{
	int p;

	for (p = 0; p < SCHED_PRIO_LEVELS; p++) {
		bool set = s->rq.prio_bitmap & (1u << p);
		struct task *t;

		if (set == list_empty(&s->rq.prio_queue[p])) {
			FAIL("tick %lu: level %d bit %d, queue %s", s->ticks, p, set,
			     set ? "empty" : "not empty");
			s->broken = true;
			return;
		}
		list_for_each_entry(t, &s->rq.prio_queue[p], se.run_list)
			if (t->se.prio != p) {
				FAIL("tick %lu: task of prio %d in level %d", s->ticks,
				     t->se.prio, p);
				s->broken = true;
				return;
			}
	}
}

/* No queued task has a higher priority than curr. */
static void check_highest_runs(struct sim *s)
{
	int top = s->rq.prio_bitmap ? 31 - __builtin_clz(s->rq.prio_bitmap) : -1;

	check_bitmap(s);
	if (s->broken)
		return;
	if (s->rq.curr == s->rq.idle ? top >= 0 : top > s->rq.curr->se.prio) {
		FAIL("tick %lu: level %d waits while curr (prio %d) runs", s->ticks, top,
		     s->rq.curr == s->rq.idle ? -1 : s->rq.curr->se.prio);
		s->broken = true;
	}
}

static struct sim_task *spawn_at(int prio)
{
	struct sim_task *st = sim_create(&sim);

	st->t.se.prio = prio;
	sim_wake_now(&sim, st);
	return st;
}

TEST(named_priority)
{
	EXPECT_STREQ(sched_policy.name, "priority");
}

TEST(new_tasks_get_the_default_priority)
{
	sim_init(&sim, SIM_MSEC);
	EXPECT_EQ(sim_create(&sim)->t.se.prio, SCHED_PRIO_DEFAULT);
}

/* One task on each level of a set: the pick takes the highest. */
static void pick_order(u32 levels)
{
	int p, i = 0;
	struct task *t;

	sim_init(&sim, SIM_MSEC);
	for (p = 0; p < SCHED_PRIO_LEVELS; p++)
		if (levels & (1u << p)) {
			struct sim_task *st = sim_create(&sim);

			st->t.se.prio = p;
			st->t.state = TASK_RUNNING;
			sched_policy.enqueue(&sim.rq, &st->t, ENQUEUE_WAKEUP);
		}
	EXPECT_EQ(sim.rq.prio_bitmap, levels);
	for (p = SCHED_PRIO_LEVELS - 1; p >= 0; p--)
		if (levels & (1u << p)) {
			t = sched_policy.pick_next(&sim.rq);
			if (!EXPECT(t && t->se.prio == p)) {
				FAIL("levels %#x: pick %d is not level %d", levels, i, p);
				return;
			}
			i++;
		}
	EXPECT(sched_policy.pick_next(&sim.rq) == NULL);
	EXPECT_EQ(sim.rq.prio_bitmap, 0);
}

TEST(pick_takes_the_highest_level)
{
	int p, q, i;

	for (p = 0; p < SCHED_PRIO_LEVELS; p++) {
		pick_order(1u << p);
		for (q = 0; q < p; q++)
			pick_order(1u << p | 1u << q);
	}
	pick_order(0xffffffffu);
	for (i = 0; i < 2000; i++)
		pick_order((u32)rnd(1u << 16) << 16 | rnd(1u << 16));
}

/*
 * 32 levels of 30 tasks.  Before each pick every task but the first two
 * of the highest level is poisoned: the pick may read and unlink the
 * first and touch its neighbour, and nothing else, however many tasks
 * wait (ASan stops the test on any other access).
 */
TEST(pick_touches_only_the_task_it_takes)
{
	enum { PER_LEVEL = 30 };
	struct sim_task *st;
	int p, i, n = SCHED_PRIO_LEVELS * PER_LEVEL;

	sim_init(&sim, SIM_MSEC);
	for (i = 0; i < n; i++) {
		st = sim_create(&sim);
		st->t.se.prio = i % SCHED_PRIO_LEVELS;
		st->t.state = TASK_RUNNING;
		sched_policy.enqueue(&sim.rq, &st->t, ENQUEUE_WAKEUP);
	}
	for (p = SCHED_PRIO_LEVELS - 1; p >= 0; p--) {
		for (i = 0; i < PER_LEVEL; i++) {
			struct sim_task *want = &sim.tasks[i * SCHED_PRIO_LEVELS + p];
			struct sim_task *next = i + 1 < PER_LEVEL ? want + SCHED_PRIO_LEVELS : NULL;
			struct task *got;
			int j;

			for (j = 0; j < n; j++)
				if (&sim.tasks[j] != want && &sim.tasks[j] != next)
					ASAN_POISON_MEMORY_REGION(&sim.tasks[j], sizeof(sim.tasks[j]));
			got = sched_policy.pick_next(&sim.rq);
			ASAN_UNPOISON_MEMORY_REGION(sim.tasks, n * sizeof(sim.tasks[0]));
			if (!EXPECT(got == &want->t))
				return;
		}
	}
	EXPECT(sched_policy.pick_next(&sim.rq) == NULL);
}

TEST(higher_level_takes_all_equal_levels_share)
{
	struct sim_task *low, *mid[3];
	int i;

	sim_init(&sim, SIM_MSEC);
	sim.check = check_highest_runs;
	low = spawn_at(5);
	for (i = 0; i < 3; i++)
		mid[i] = spawn_at(20);
	ASSERT(sim_run(&sim, 3000));
	EXPECT_EQ(sim_runtime(low), 0);
	for (i = 0; i < 3; i++)
		EXPECT(within_pct(sim_runtime(mid[i]), 1000 * SIM_MSEC, 2));
	/* mid[0] preempted low as it woke; then turns of one slice, FIFO. */
	for (i = 0; i < 3000; i++)
		if (!EXPECT_EQ(sim.trace[i], mid[i / SLICE_TICKS % 3]->id))
			return;
}

/* Late ticks and switches after them do not stretch a turn by a tick. */
TEST(equal_level_turns_with_late_ticks)
{
	struct sim_task *mid[3];
	int i;

	sim_init(&sim, TICK_NSEC);
	sim.late_ns = TICK_NSEC * 2 / 5;
	sim.switch_ns = TICK_NSEC / 200;
	for (i = 0; i < 3; i++)
		mid[i] = spawn_at(20);
	ASSERT(sim_run(&sim, 3000));
	for (i = 0; i < 3000; i++)
		if (!EXPECT_EQ(sim.trace[i], mid[i / SLICE_TICKS % 3]->id))
			return;
}

TEST(alone_on_its_level_it_keeps_the_cpu)
{
	struct sim_task *hi;

	sim_init(&sim, SIM_MSEC);
	spawn_at(3);
	hi = spawn_at(9);
	ASSERT(sim_run(&sim, 500));
	EXPECT_EQ(sim_runtime(hi), 500 * SIM_MSEC);
	EXPECT_EQ(sim.switches, 2);	/* idle -> low -> hi */
	EXPECT(!sched_policy.tick(&sim.rq, &hi->t));
}

TEST(higher_wake_up_preempts_at_once_equal_does_not)
{
	struct sim_task *busy, *hi, *peer;

	sim_init(&sim, SIM_MSEC);
	sim.check = check_highest_runs;
	busy = spawn_at(10);
	hi = sim_create(&sim);
	hi->t.se.prio = 11;
	peer = sim_create(&sim);
	peer->t.se.prio = 10;
	ASSERT(sim_run(&sim, 3));
	sim_wake_now(&sim, peer);
	EXPECT(sim.rq.curr == &busy->t);
	sim_wake_now(&sim, hi);
	EXPECT(sim.rq.curr == &hi->t);
	EXPECT(sched_policy.wakeup_preempt(&sim.rq, &busy->t, &hi->t));
	EXPECT(!sched_policy.wakeup_preempt(&sim.rq, &busy->t, &peer->t));
	EXPECT(!sched_policy.wakeup_preempt(&sim.rq, &hi->t, &busy->t));
}

/* Preempted mid-slice by a higher level, a task resumes before its peers. */
TEST(preempted_task_keeps_its_turn)
{
	struct sim_task *a, *b, *hi;
	unsigned long i;

	sim_init(&sim, SIM_MSEC);
	a = spawn_at(10);
	b = spawn_at(10);
	hi = sim_create(&sim);
	hi->t.se.prio = 20;
	hi->burst_ns = 2 * SIM_MSEC;
	hi->sleep_ns = 1000 * SIM_MSEC;
	ASSERT(sim_run(&sim, 3));		/* a: 3 ticks */
	sim_wake_now(&sim, hi);
	ASSERT(sim_run(&sim, 2 + SLICE_TICKS + 1));
	for (i = 0; i < 3; i++)
		EXPECT_EQ(sim.trace[i], a->id);
	EXPECT_EQ(sim.trace[3], hi->id);
	EXPECT_EQ(sim.trace[4], hi->id);
	for (i = 5; i < 5 + SLICE_TICKS - 3; i++)	/* the rest of a's slice */
		EXPECT_EQ(sim.trace[i], a->id);
	EXPECT_EQ(sim.trace[5 + SLICE_TICKS - 3], b->id);
}

TEST(prio_change_requeues)
{
	struct sim_task *st[4];
	int i;

	sim_init(&sim, SIM_MSEC);
	sim.check = check_highest_runs;
	for (i = 0; i < 4; i++)
		st[i] = spawn_at(4);
	ASSERT(sim_run(&sim, 1));
	/* Raise a waiting task above curr: it runs from the next tick. */
	sim_set_prio(&sim, st[3], 7);
	check_bitmap(&sim);
	ASSERT(sim_run(&sim, 1));
	EXPECT(sim.rq.curr == &st[3]->t);
	/* Lower curr below the rest: it gives way at the next preemption point. */
	sim_set_prio(&sim, st[3], 1);
	ASSERT(sim_run(&sim, 1));
	EXPECT(sim.rq.curr->se.prio == 4);
	/* Move the only task of a level out of it: the level's bit goes. */
	sim_set_prio(&sim, st[3], 30);
	EXPECT(!(sim.rq.prio_bitmap & (1u << 1)));
	check_bitmap(&sim);
	/* A sleeping task's change only takes effect when it wakes. */
	st[0]->t.state = TASK_SLEEPING;
	EXPECT_EQ(sim.rq.nr_queued, 3);
}

/* Random priorities, bursts, sleeps, yields, exits and priority changes. */
/* Four levels, so that prev's is often the highest, often not; some slices spent. */
static void pp_prio_task(struct task *t, int i, const unsigned int r[PP_RANDOM])
{
	t->se.prio = SCHED_PRIO_DEFAULT + (int)(r[0] % 4);
	t->se.slice_left = r[1] % 3 ? r[2] % SLICE : TICK_NSEC / 2;
}

/* prio's shortcut: nothing above prev's level, so the pick stays on it. */
TEST(put_prev_pick_next_equals_enqueue_then_pick)
{
	static const struct pp_policy prio = { pp_prio_task, NULL, NULL };
	static const unsigned int flags[] = { 0, ENQUEUE_YIELD, ENQUEUE_PREEMPT };

	pp_compare(&prio, 20000, flags, 3);
}

TEST(highest_level_always_runs_under_random_load)
{
	int i, round;

	sim_init(&sim, SIM_MSEC);
	sim.check = check_highest_runs;
	for (i = 0; i < 60; i++) {
		struct sim_task *st = sim_create(&sim);

		st->t.se.prio = rnd(SCHED_PRIO_LEVELS);
		st->burst_ns = (1 + rnd(20)) * SIM_MSEC;
		st->sleep_ns = rnd(50) * SIM_MSEC;
		st->yields = rnd(4) == 0;
		st->work_ns = rnd(3) == 0 ? (1 + rnd(400)) * SIM_MSEC : 0;
		sim_wake_now(&sim, st);
	}
	for (round = 0; round < 2000; round++) {
		struct sim_task *st = &sim.tasks[rnd(sim.nr_tasks)];

		if (st->t.state != TASK_DEAD)
			sim_set_prio(&sim, st, rnd(SCHED_PRIO_LEVELS));
		if (!sim_run(&sim, 5))
			return;
	}
}

TEST_MAIN()
