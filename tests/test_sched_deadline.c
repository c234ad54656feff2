// SPDX-License-Identifier: MIT
/*
 * kernel/sched/deadline.c on the simulated core of sched_sim.h: earliest
 * deadline first among ready reservations, before every background task;
 * the CBS wake-up and overrun rules, and throttling that keeps an
 * overrunning task off other reservations but lets it use spare time;
 * admission control at its limit; round-robin among background tasks;
 * and the queues' order and bookkeeping under random load.
 *
 * The bandwidth admitted is the policy's, not the run queue's: it outlives
 * a simulation, so dl_sim_init gives back what the previous test's tasks
 * still hold.
 */
#include "sched_sim.h"
#include <tern/errno.h>

#define MS		SIM_MSEC
#define SLICE		(CONFIG_SCHED_RR_SLICE_MS * MS)
#define SLICE_TICKS	(SLICE / TICK_NSEC)
#define BW_ONE		(1u << 20)
/* The admission limit in units of 2^-20 of a CPU, rounded up as the policy does. */
#define BW_LIMIT	(((CONFIG_SCHED_DEADLINE_BW_PERCENT << 20) + 99) / 100)

static struct sim sim;

static unsigned long long rng_state = 11;

static unsigned int rnd(unsigned int bound)
{
	return harness_rnd(&rng_state, bound);
}

#include "sched_put_prev.h"

/* The core's sched_set_deadline, on the simulated run queue. */
static int set_dl(struct sim_task *st, u64 runtime, u64 deadline, u64 period)
{
	struct sim *s = &sim;
	struct task *t = &st->t;
	int err;

	sim_update_curr(s);
	err = sched_policy.set_deadline(&s->rq, t, runtime, deadline, period);
	if (!err && (t == s->rq.curr || (t->se.on_rq && s->rq.curr != s->rq.idle &&
					 sched_policy.wakeup_preempt(&s->rq, s->rq.curr, t))))
		s->rq.need_resched = true;
	return err;
}

static bool dl_ready(const struct task *t)
{
	return t->se.dl_runtime && !t->se.dl_throttled;
}

static struct task *task_at(struct rb_node *n)
{
	return rb_entry(n, struct task, se.rb_node);
}

static u64 period_start(const struct task *t)
{
	return t->se.dl_abs_deadline - t->se.dl_deadline;
}

/* One tree: leftmost cached, keys in order; returns its size, -1 if broken. */
static int check_tree(struct sim *s, struct rb_root_cached *root, bool throttled)
{
	struct rb_node *n;
	u64 prev = 0;
	int count = 0;

	if (root->rb_leftmost != rb_first(&root->rb_root))
		return FAIL("tick %lu: stale leftmost", s->ticks), -1;
	for (n = rb_first(&root->rb_root); n; n = rb_next(n), count++) {
		struct task *t = task_at(n);
		u64 key = throttled ? period_start(t) : t->se.dl_abs_deadline;

		if (!t->se.on_rq || !t->se.dl_runtime || t->se.dl_throttled != throttled)
			return FAIL("tick %lu: task in the wrong tree", s->ticks), -1;
		if (key < prev)
			return FAIL("tick %lu: tree out of order", s->ticks), -1;
		if (throttled && list_empty(&t->se.run_list))
			return FAIL("tick %lu: throttled task not in the queue", s->ticks), -1;
		prev = key;
	}
	return count;
}

static bool check_queue(struct sim *s)
{
	struct task *t, *first = s->rq.dl_tree.rb_leftmost ? task_at(s->rq.dl_tree.rb_leftmost) : NULL;
	int ready = check_tree(s, &s->rq.dl_tree, false);
	unsigned int queued = 0;

	if (ready < 0 || check_tree(s, &s->rq.dl_throttled, true) < 0)
		return false;
	list_for_each_entry(t, &s->rq.queue, se.run_list) {
		if (dl_ready(t))
			return FAIL("tick %lu: ready deadline task in the background", s->ticks);
		queued++;
	}
	if (queued + (unsigned int)ready != s->rq.nr_queued)
		return FAIL("tick %lu: %u + %d queued, nr_queued %u", s->ticks, queued, ready,
			    s->rq.nr_queued);
	/* EDF, and deadlines before background: nothing ready is more urgent than curr. */
	if (first && (!dl_ready(s->rq.curr) ||
		      first->se.dl_abs_deadline < s->rq.curr->se.dl_abs_deadline))
		return FAIL("tick %lu: a ready deadline waits behind curr", s->ticks);
	return true;
}

/* The runtime left of every live reservation is in (0, runtime]. */
static bool check_runtime_left(struct sim *s)
{
	int i;

	for (i = 0; i < s->nr_tasks; i++) {
		struct sched_entity *se = &s->tasks[i].t.se;

		if (s->tasks[i].t.state != TASK_DEAD && se->dl_runtime &&
		    (se->dl_runtime_left <= 0 || (u64)se->dl_runtime_left > se->dl_runtime))
			return FAIL("tick %lu: task %d has %lld ns left of %llu", s->ticks, i,
				    (long long)se->dl_runtime_left,
				    (unsigned long long)se->dl_runtime);
	}
	return true;
}

static void check_dl(struct sim *s)
{
	if (!check_queue(s) || !check_runtime_left(s))
		s->broken = true;
}

static void dl_sim_init(u64 tick_ns)
{
	int i;

	for (i = 0; i < sim.nr_tasks; i++)
		if (sim.tasks[i].t.state != TASK_DEAD && sim.tasks[i].t.se.dl_runtime)
			set_dl(&sim.tasks[i], 0, 0, 0);
	sim_init(&sim, tick_ns);
	sim.check = check_dl;
}

/* A new task with a reservation (runtime 0: background), not woken yet. */
static struct sim_task *create_dl(u64 runtime, u64 deadline, u64 period)
{
	struct sim_task *st = sim_create(&sim);

	if (runtime && set_dl(st, runtime, deadline, period))
		FAIL("reservation %llu/%llu refused", (unsigned long long)runtime,
		     (unsigned long long)period);
	return st;
}

static struct sim_task *spawn_dl(u64 runtime, u64 deadline, u64 period)
{
	struct sim_task *st = create_dl(runtime, deadline, period);

	sim_wake_now(&sim, st);
	return st;
}

/* Ticks of the trace from..to-1 that task id ran. */
static unsigned int ticks_of(int id, unsigned long from, unsigned long to)
{
	unsigned int n = 0;

	while (from < to)
		n += sim.trace[from++] == id;
	return n;
}

TEST(named_deadline)
{
	EXPECT_STREQ(sched_policy.name, "deadline");
}

/* Woken together, they run earliest deadline first, each to its end. */
TEST(edf_order_among_ready_tasks)
{
	static const u64 deadline[4] = { 30 * MS, 10 * MS, 40 * MS, 20 * MS };
	static const int order[4] = { 1, 3, 0, 2 };
	struct sim_task *st[4];
	unsigned long i;

	dl_sim_init(MS);
	for (i = 0; i < 4; i++) {
		st[i] = create_dl(3 * MS, deadline[i], 100 * MS);
		st[i]->work_ns = 3 * MS;
	}
	for (i = 0; i < 4; i++)
		sim_wake(&sim, st[i]);
	sim_preempt_point(&sim);
	ASSERT(sim_run(&sim, 20));
	for (i = 0; i < 12; i++)
		EXPECT_EQ(sim.trace[i], order[i / 3]);
	EXPECT_EQ(sim.trace[12], -1);
}

TEST(earlier_deadline_preempts_on_wake_up_later_does_not)
{
	struct sim_task *a, *b, *c;

	dl_sim_init(MS);
	a = spawn_dl(10 * MS, 50 * MS, 100 * MS);
	ASSERT(sim_run(&sim, 2));
	b = create_dl(2 * MS, 20 * MS, 100 * MS);
	c = create_dl(2 * MS, 90 * MS, 100 * MS);
	b->work_ns = c->work_ns = 2 * MS;
	sim_wake(&sim, c);
	EXPECT(!sim.rq.need_resched);
	sim_wake(&sim, b);
	EXPECT(sim.rq.need_resched);
	sim_preempt_point(&sim);
	EXPECT(sim.rq.curr == &b->t);
	ASSERT(sim_run(&sim, 20));
	/* b, then a to the end of its runtime, then c */
	EXPECT_EQ(ticks_of(b->id, 2, 4), 2);
	EXPECT_EQ(ticks_of(a->id, 4, 12), 8);
	EXPECT_EQ(ticks_of(c->id, 12, 14), 2);
}

/* A deadline task takes the CPU from background tasks at once, and keeps it. */
TEST(deadline_task_runs_before_background_tasks)
{
	struct sim_task *bg[2], *d;
	unsigned long period;

	dl_sim_init(MS);
	bg[0] = spawn_dl(0, 0, 0);
	bg[1] = spawn_dl(0, 0, 0);
	ASSERT(sim_run(&sim, 5));
	d = spawn_dl(50 * MS, 100 * MS, 100 * MS);
	EXPECT(sim.rq.curr == &d->t);
	ASSERT(sim_run(&sim, 1000));
	/* Every period: 50 ms for d first, then the rest shared by all three. */
	for (period = 0; period < 10; period++) {
		unsigned long start = 5 + period * 100;

		EXPECT_EQ(ticks_of(d->id, start, start + 50), 50);
	}
	EXPECT(within_pct(sim_runtime(bg[0]) + 5 * MS, sim_runtime(bg[1]), 10));
	EXPECT(sim_runtime(d) >= 500 * MS);
}

/*
 * A task that wants the whole CPU on a 30% reservation, one that needs
 * 40% in 4 ms bursts every 10 ms, and a background task: the bursts meet
 * every deadline, the hog gets its 30%, and the background task what is
 * left (all of it here: the throttled hog joins the tail behind it).
 */
static struct sim_task *iso_periodic;
static unsigned int iso_jobs, iso_missed;
static enum task_state iso_prev_state;
static u64 iso_release;

static void check_isolation(struct sim *s)
{
	struct sim_task *p = iso_periodic;

	check_dl(s);
	if (p->t.state == TASK_RUNNING && iso_prev_state == TASK_SLEEPING)
		iso_release = p->wake_at;
	if (p->t.state == TASK_SLEEPING && iso_prev_state == TASK_RUNNING) {
		iso_jobs++;
		iso_missed += p->wake_at - p->sleep_ns > iso_release + 10 * MS;
	}
	iso_prev_state = p->t.state;
}

TEST(cbs_isolates_an_overrunning_task)
{
	struct sim_task *hog, *bg;
	u64 total;

	dl_sim_init(MS);
	sim.check = check_isolation;
	iso_jobs = iso_missed = 0;
	iso_release = 0;
	iso_prev_state = TASK_RUNNING;
	hog = spawn_dl(3 * MS, 10 * MS, 10 * MS);
	bg = spawn_dl(0, 0, 0);
	iso_periodic = create_dl(4 * MS, 10 * MS, 10 * MS);
	iso_periodic->burst_ns = 4 * MS;
	iso_periodic->sleep_ns = 6 * MS;
	sim_wake_now(&sim, iso_periodic);
	ASSERT(sim_run(&sim, 10000));
	total = 10000 * MS;
	printf("# %u jobs of 4 ms, %u late; 30%% hog: %llu ms, background: %llu ms of %llu\n",
	       iso_jobs, iso_missed, (unsigned long long)(sim_runtime(hog) / MS),
	       (unsigned long long)(sim_runtime(bg) / MS), (unsigned long long)(total / MS));
	EXPECT(iso_jobs >= 900);
	EXPECT_EQ(iso_missed, 0);
	EXPECT(sim_runtime(iso_periodic) >= (u64)iso_jobs * 4 * MS);
	EXPECT(sim_runtime(hog) * 100 >= total * 30);
	EXPECT(sim_runtime(bg) * 100 >= total * 10);
	EXPECT(sim_runtime(bg) * 100 <= total * 30);
	EXPECT_EQ(sim.idle_ticks, 0);
}

/* Throttled, a task still runs when nothing else wants the CPU. */
TEST(overrunning_task_alone_has_the_whole_cpu)
{
	struct sim_task *hog;

	dl_sim_init(MS);
	hog = spawn_dl(3 * MS, 10 * MS, 10 * MS);
	ASSERT(sim_run(&sim, 1000));
	EXPECT_EQ(sim.idle_ticks, 0);
	EXPECT_EQ(sim_runtime(hog), 1000 * MS);
}

/* The ktest's workload: 20% and 50% reservations and a background task. */
TEST(reservations_first_then_the_spare_time_in_turns)
{
	struct sim_task *a, *b, *c;
	u64 total = 10000 * MS;

	dl_sim_init(MS);
	a = spawn_dl(20 * MS, 100 * MS, 100 * MS);
	b = spawn_dl(50 * MS, 100 * MS, 100 * MS);
	c = spawn_dl(0, 0, 0);
	ASSERT(sim_run(&sim, 10000));
	printf("# 20%%: %llu ms, 50%%: %llu ms, background: %llu ms of %llu\n",
	       (unsigned long long)(sim_runtime(a) / MS), (unsigned long long)(sim_runtime(b) / MS),
	       (unsigned long long)(sim_runtime(c) / MS), (unsigned long long)(total / MS));
	/* Each period: a 20, b 50, then the spare 30 ms in slices among the three. */
	EXPECT(within_pct(sim_runtime(a), total * 3 / 10, 5));
	EXPECT(within_pct(sim_runtime(b), total * 6 / 10, 5));
	EXPECT(within_pct(sim_runtime(c), total / 10, 10));
}

/* The CBS wake-up rule, from enqueue's point of view. */
TEST(wake_up_keeps_the_job_or_starts_a_new_one)
{
	struct sim_task *st;
	struct sched_entity *se;

	dl_sim_init(MS);
	st = create_dl(4 * MS, 10 * MS, 10 * MS);	/* job due at 10 ms */
	se = &st->t.se;
	st->t.state = TASK_RUNNING;
	se->dl_runtime_left = 3 * MS;
	/* At 2 ms: 3 ms left in 8 is under 4/10, the job goes on. */
	sim.rq.clock = 2 * MS;
	sched_policy.enqueue(&sim.rq, &st->t, ENQUEUE_WAKEUP);
	EXPECT_EQ(se->dl_abs_deadline, 10 * MS);
	EXPECT_EQ(se->dl_runtime_left, 3 * MS);
	sched_policy.dequeue(&sim.rq, &st->t);
	/* At 8 ms: 3 ms in 2 would be more than 4/10, a new job. */
	sim.rq.clock = 8 * MS;
	sched_policy.enqueue(&sim.rq, &st->t, ENQUEUE_WAKEUP);
	EXPECT_EQ(se->dl_abs_deadline, 18 * MS);
	EXPECT_EQ(se->dl_runtime_left, 4 * MS);
	sched_policy.dequeue(&sim.rq, &st->t);
	/* After the deadline: a new job. */
	se->dl_runtime_left = 1;
	sim.rq.clock = 18 * MS;
	sched_policy.enqueue(&sim.rq, &st->t, ENQUEUE_NEW);
	EXPECT_EQ(se->dl_abs_deadline, 28 * MS);
	EXPECT_EQ(se->dl_runtime_left, 4 * MS);
	sched_policy.dequeue(&sim.rq, &st->t);
}

/* A deadline shorter than the period: the job lasts until the period ends. */
TEST(constrained_deadline_keeps_its_period)
{
	struct sim_task *st;
	struct sched_entity *se;

	dl_sim_init(MS);
	st = create_dl(2 * MS, 4 * MS, 20 * MS);	/* period 0..20, due at 4 */
	se = &st->t.se;
	st->t.state = TASK_RUNNING;
	se->dl_runtime_left = MS;
	/* Past the deadline, within the period, 1 ms in 15 is under 2/20: keep. */
	sim.rq.clock = 5 * MS;
	sched_policy.enqueue(&sim.rq, &st->t, ENQUEUE_WAKEUP);
	EXPECT_EQ(se->dl_abs_deadline, 4 * MS);
	EXPECT(!se->dl_throttled);
	EXPECT(sched_policy.pick_next(&sim.rq) == &st->t);
	/* It uses that 1 ms: postponed to the next period, which begins at 20. */
	sched_policy.update_curr(&sim.rq, &st->t, MS);
	EXPECT_EQ(se->dl_abs_deadline, 24 * MS);
	EXPECT(se->dl_throttled);
	/* A sleep does not end the throttling: the period has not begun. */
	sim.rq.clock = 7 * MS;
	sched_policy.enqueue(&sim.rq, &st->t, ENQUEUE_WAKEUP);
	EXPECT_EQ(se->dl_abs_deadline, 24 * MS);
	EXPECT(se->dl_throttled);
	sched_policy.dequeue(&sim.rq, &st->t);
}

TEST(overrun_postpones_by_whole_periods)
{
	struct sim_task *st;
	struct sched_entity *se;

	dl_sim_init(MS);
	st = spawn_dl(2 * MS, 10 * MS, 10 * MS);
	se = &st->t.se;
	EXPECT(sim.rq.curr == &st->t);
	/* Exactly the runtime: one period on, a full runtime. */
	sched_policy.update_curr(&sim.rq, &st->t, 2 * MS);
	EXPECT_EQ(se->dl_abs_deadline, 20 * MS);
	EXPECT_EQ(se->dl_runtime_left, 2 * MS);
	EXPECT(se->dl_throttled);
	EXPECT_EQ(se->slice_left, 0);	/* behind the background tasks */
	/* Time as a background task is not charged. */
	sched_policy.update_curr(&sim.rq, &st->t, 3 * MS);
	EXPECT_EQ(se->dl_runtime_left, 2 * MS);
	/* Its period begins: ready again; then 2.5 runtimes in one go. */
	sim.rq.clock = 10 * MS;
	sched_policy.update_curr(&sim.rq, &st->t, 0);
	EXPECT(!se->dl_throttled);
	sched_policy.update_curr(&sim.rq, &st->t, 5 * MS);
	EXPECT_EQ(se->dl_abs_deadline, 40 * MS);	/* 3 ms over: two periods */
	EXPECT_EQ(se->dl_runtime_left, MS);
	EXPECT(se->dl_throttled);
}

/* Running out of runtime hands the CPU to an earlier deadline at the tick. */
TEST(tick_gives_way_once_the_deadline_is_later)
{
	struct sim_task *a, *b;

	dl_sim_init(MS);
	a = spawn_dl(2 * MS, 10 * MS, 10 * MS);
	b = spawn_dl(5 * MS, 15 * MS, 15 * MS);
	EXPECT(sim.rq.curr == &a->t);
	EXPECT(!sched_policy.tick(&sim.rq, &a->t));
	/* A late deadline but not ahead of the reservation (its period began). */
	sim.rq.clock = 12 * MS;
	sched_policy.update_curr(&sim.rq, &a->t, 2 * MS);
	EXPECT_EQ(a->t.se.dl_abs_deadline, 20 * MS);
	EXPECT(!a->t.se.dl_throttled);
	EXPECT(sched_policy.tick(&sim.rq, &a->t));
	(void)b;
}

TEST(yield_ends_the_job_until_the_next_period)
{
	struct sim_task *d, *bg;

	dl_sim_init(MS);
	bg = spawn_dl(0, 0, 0);
	d = spawn_dl(5 * MS, 10 * MS, 10 * MS);
	EXPECT(sim.rq.curr == &d->t);
	sim.clock = 2 * MS;
	sim_schedule(&sim, ENQUEUE_YIELD);
	EXPECT(sim.rq.curr == &bg->t);
	EXPECT(d->t.se.dl_throttled);
	EXPECT_EQ(d->t.se.dl_abs_deadline, 20 * MS);
	EXPECT_EQ(d->t.se.dl_runtime_left, 5 * MS);
	/* The tick at which its period begins brings it back. */
	sim.rq.clock = 9 * MS;
	EXPECT(!sched_policy.tick(&sim.rq, &bg->t));
	sim.rq.clock = 10 * MS;
	EXPECT(sched_policy.tick(&sim.rq, &bg->t));
	EXPECT(!d->t.se.dl_throttled);
	sim.clock = 10 * MS;
	sim_schedule(&sim, ENQUEUE_PREEMPT);
	EXPECT(sim.rq.curr == &d->t);
}

/* Background tasks alone: turns of one slice in FIFO order. */
TEST(background_tasks_take_turns)
{
	unsigned long i;

	dl_sim_init(MS);
	for (i = 0; i < 3; i++)
		spawn_dl(0, 0, 0);
	ASSERT(sim_run(&sim, 30 * SLICE_TICKS));
	for (i = 0; i < 30 * SLICE_TICKS; i++)
		if (!EXPECT_EQ(sim.trace[i], (int)(i / SLICE_TICKS % 3)))
			return;
	for (i = 0; i < 3; i++)
		EXPECT_EQ(sim_runtime(&sim.tasks[i]), 10 * SLICE);
	EXPECT(!sched_policy.wakeup_preempt(&sim.rq, &sim.tasks[0].t, &sim.tasks[1].t));
}

TEST(admission_holds_the_limit_exactly)
{
	struct sim_task *a, *b;

	dl_sim_init(MS);
	a = create_dl(0, 0, 0);
	b = create_dl(0, 0, 0);
	/* Periods of 2^20 ns: runtime in ns is the bandwidth in 2^-20. */
	EXPECT_EQ(set_dl(a, BW_LIMIT, BW_ONE, BW_ONE), 0);
	EXPECT_EQ(set_dl(b, 1, BW_ONE, BW_ONE), -EBUSY);
	EXPECT_EQ(b->t.se.dl_runtime, 0);	/* still a background task */
	EXPECT_EQ(set_dl(a, BW_LIMIT - 1, BW_ONE, BW_ONE), 0);	/* its own share is replaced */
	EXPECT_EQ(set_dl(b, 1, BW_ONE, BW_ONE), 0);
	EXPECT_EQ(set_dl(b, 2, BW_ONE, BW_ONE), -EBUSY);
	EXPECT_EQ(b->t.se.dl_runtime, 1);	/* keeps what it had */
}

TEST(admission_refuses_past_the_limit_accepts_up_to_it)
{
	struct sim_task *st[4];
	int i;

	dl_sim_init(MS);
	for (i = 0; i < 4; i++)
		st[i] = create_dl(0, 0, 0);
	/* 30% + 30% + 34.9% = 94.9% */
	EXPECT_EQ(set_dl(st[0], 300 * 1000, MS, MS), 0);
	EXPECT_EQ(set_dl(st[1], 3 * MS, 10 * MS, 10 * MS), 0);
	EXPECT_EQ(set_dl(st[2], 349 * 1000, MS, MS), 0);
	EXPECT_EQ(set_dl(st[3], 2 * 1000, MS, MS), -EBUSY);	/* 95.1% */
	EXPECT_EQ(set_dl(st[3], 900, MS, MS), 0);		/* 94.99% */
	EXPECT_EQ(set_dl(st[3], 1100, MS, MS), -EBUSY);		/* 95.01% */
	EXPECT_EQ(set_dl(st[2], 400 * 1000, MS, MS), -EBUSY);
	EXPECT_EQ(st[2]->t.se.dl_runtime, 349 * 1000);
	/* Back to background: the bandwidth is free again. */
	EXPECT_EQ(set_dl(st[0], 0, 0, 0), 0);
	EXPECT_EQ(st[0]->t.se.dl_runtime, 0);
	EXPECT_EQ(set_dl(st[2], 649 * 1000, MS, MS), 0);	/* 94.99% again */
	EXPECT_EQ(set_dl(st[0], 2 * 1000, MS, MS), -EBUSY);
}

TEST(admission_rejects_bad_parameters)
{
	struct sim_task *st;

	dl_sim_init(MS);
	st = create_dl(0, 0, 0);
	EXPECT_EQ(set_dl(st, 2 * MS, MS, 10 * MS), -EINVAL);	/* runtime > deadline */
	EXPECT_EQ(set_dl(st, MS, 10 * MS, 5 * MS), -EINVAL);	/* deadline > period */
	EXPECT_EQ(set_dl(st, MS, 10 * MS, SCHED_DL_PERIOD_MAX_NS + 1), -EINVAL);
	EXPECT_EQ(st->t.se.dl_runtime, 0);
	EXPECT_EQ(set_dl(st, MS, SCHED_DL_PERIOD_MAX_NS, SCHED_DL_PERIOD_MAX_NS), 0);
	EXPECT_EQ(sched_policy.set_deadline(&sim.rq, &sim.idle, MS, MS, MS), -EINVAL);
	EXPECT_EQ(set_dl(st, 0, 1, 1), 0);	/* runtime 0: the rest is ignored */
}

/* An exiting task gives its bandwidth back at its last switch. */
TEST(exit_gives_the_bandwidth_back)
{
	struct sim_task *a, *b;

	dl_sim_init(MS);
	a = spawn_dl(9 * MS, 10 * MS, 10 * MS);
	a->work_ns = 5 * MS;
	b = create_dl(0, 0, 0);
	EXPECT_EQ(set_dl(b, MS, 10 * MS, 10 * MS), -EBUSY);
	ASSERT(sim_run(&sim, 10));
	EXPECT(a->exited_at != 0);
	EXPECT_EQ(set_dl(b, 9 * MS, 10 * MS, 10 * MS), 0);
}

/* A reservation moves a queued task between the classes, and preempts. */
TEST(reservation_changes_move_queued_tasks)
{
	struct sim_task *a, *b;

	dl_sim_init(MS);
	a = spawn_dl(0, 0, 0);
	b = spawn_dl(0, 0, 0);
	EXPECT(sim.rq.curr == &a->t);
	EXPECT_EQ(set_dl(b, 2 * MS, 10 * MS, 10 * MS), 0);
	EXPECT(sim.rq.need_resched);
	sim_preempt_point(&sim);
	EXPECT(sim.rq.curr == &b->t);
	EXPECT_EQ(set_dl(b, 0, 0, 0), 0);	/* curr: asks for a switch */
	EXPECT(sim.rq.need_resched);
	EXPECT_EQ(set_dl(a, MS, 10 * MS, 10 * MS), 0);
	sim_preempt_point(&sim);
	EXPECT(sim.rq.curr == &a->t);
	ASSERT(sim_run(&sim, 100));	/* the checks after every tick */
}

/* Random reservations, bursts, sleeps, yields, exits and changes. */
/*
 * A third of the tasks hold a reservation, with jobs in all states: ready,
 * late, or ahead of their period (throttled once queued).  The others are
 * background tasks, some with their slice spent.
 */
static void pp_dl_task(struct task *t, int i, const unsigned int r[PP_RANDOM])
{
	struct sched_entity *se = &t->se;

	se->slice_left = r[3] % 3 ? r[3] % SLICE : TICK_NSEC / 2;
	if (r[0] % 3)
		return;
	se->dl_runtime = (1 + r[1] % 5) * SIM_MSEC;
	se->dl_deadline = se->dl_runtime + r[1] / 8 % 10 * SIM_MSEC;
	se->dl_period = se->dl_deadline + r[1] / 128 % 10 * SIM_MSEC;
	se->dl_abs_deadline = PP_CLOCK - 5 * SIM_MSEC + r[2] % 30 * SIM_MSEC +
			      se->dl_deadline;
	se->dl_runtime_left = 1 + (s64)(r[2] / 64 % se->dl_runtime);
}

/* deadline's shortcut: background tasks alone take turns on a list. */
TEST(put_prev_pick_next_equals_enqueue_then_pick)
{
	static const struct pp_policy dl = { pp_dl_task, NULL, NULL };
	static const unsigned int flags[] = { 0, ENQUEUE_YIELD, ENQUEUE_PREEMPT };

	pp_compare(&dl, 20000, flags, 3);
}

TEST(invariants_hold_under_random_load)
{
	int i, round;

	dl_sim_init(MS);
	for (i = 0; i < 40; i++) {
		struct sim_task *st = sim_create(&sim);
		u64 period = (5 + rnd(50)) * MS;

		if (rnd(3))
			set_dl(st, 1 + rnd(period / 8), period - rnd(period / 2), period);
		st->burst_ns = (1 + rnd(20)) * MS;
		st->sleep_ns = rnd(50) * MS;
		st->yields = rnd(4) == 0;
		st->work_ns = rnd(3) == 0 ? (1 + rnd(400)) * MS : 0;
		sim_wake_now(&sim, st);
	}
	for (round = 0; round < 2000; round++) {
		struct sim_task *st = &sim.tasks[rnd(sim.nr_tasks)];
		u64 period = (5 + rnd(50)) * MS;

		if (st->t.state != TASK_DEAD)
			set_dl(st, rnd(4) ? 1 + rnd(period / 4) : 0, period - rnd(period / 2), period);
		if (!sim_run(&sim, 5))
			return;
	}
}

/* Runs last: every test gave its bandwidth back, so the whole limit is free. */
TEST(zz_all_bandwidth_was_given_back)
{
	struct sim_task *st;

	dl_sim_init(MS);
	st = create_dl(0, 0, 0);
	EXPECT_EQ(set_dl(st, BW_LIMIT, BW_ONE, BW_ONE), 0);
	dl_sim_init(MS);
}

TEST_MAIN()
