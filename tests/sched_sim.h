/* SPDX-License-Identifier: MIT */
/*
 * A host stand-in for the scheduler core (kernel/sched/core.c) and a
 * simulated clock, to test one scheduling policy (kernel/sched/<policy>.c,
 * linked into the test as it is) through kernel/sched/policy.h.
 *
 * It calls the policy as the core does: update_curr with the time since
 * the last call before every tick and every switch; put_prev_pick_next
 * for a previous task still runnable, with ENQUEUE_YIELD or
 * ENQUEUE_PREEMPT, else pick_next; ENQUEUE_WAKEUP for a task that wakes, then
 * wakeup_preempt; init_task for new tasks; preemption at once (the
 * PREEMPT option).
 *
 * Time advances one tick at a time (each may come late, see late_ns).  In
 * each tick curr runs for the whole tick, then does what its behaviour says (keep running, yield, sleep,
 * exit); then sleepers whose time has come wake, and the tick asks the
 * policy whether curr should give way.  sim_run() checks the bookkeeping
 * every policy shares after every tick: rq->nr_queued and se.on_rq match
 * the tasks that are runnable and not running, and no runnable task is
 * lost.
 *
 * tests/Makefile builds the policies with HZ=1000, so TICK_NSEC (to whose
 * nearest multiple rr.c and prio.c round a slice, fair.c the granularity)
 * is 1 ms: give sim_init TICK_NSEC, or a multiple of it.
 */
#ifndef TESTS_SCHED_SIM_H
#define TESTS_SCHED_SIM_H

#include "harness.h"
#undef __always_inline		/* glibc's; tern/compiler.h's means the same */
#include <tern/compiler.h>
#include <tern/timer.h>
#include "../kernel/sched/policy.h"

#define SIM_MAX_TASKS	1100
#define SIM_MAX_TRACE	200000
#define SIM_MSEC	1000000ULL

enum sim_action { SIM_RUN, SIM_YIELD, SIM_SLEEP, SIM_EXIT };

struct sim_task {
	struct task t;
	int id;
	/* Behaviour, looked at after each tick that the task ran. */
	u64 work_ns;		/* exit after this much runtime (0: never) */
	u64 burst_ns;		/* sleep after running this long (0: never) */
	u64 sleep_ns;		/* for this long */
	bool yields;		/* yield after every tick */
	/* State kept by the simulation. */
	u64 burst_done;		/* runtime since the last wake-up */
	u64 wake_at;		/* clock when a sleeping task wakes */
	bool sleeps_forever;	/* sleeping until sim_wake() */
	u64 first_ran;		/* clock at the end of its first tick, 0: not yet */
	u64 exited_at;		/* clock when it exited, 0: not yet */
};

struct sim {
	struct rq rq;
	struct task idle;
	struct sim_task tasks[SIM_MAX_TASKS];
	int nr_tasks;
	u64 clock;
	u64 tick_ns;
	/*
	 * Real ticks come late by up to late_ns (QEMU's timer), and the
	 * switch a tick asks for happens switch_ns after the tick's
	 * update_curr (the rest of the interrupt): the task switched in is
	 * then charged a little less than a tick at its first tick.
	 */
	u64 late_ns, switch_ns;
	u64 nominal;			/* when the tick is due */
	unsigned long long rng;
	unsigned long ticks, switches, idle_ticks;
	int trace[SIM_MAX_TRACE];	/* id of the task that ran each tick, -1 idle */
	/* Hook run after every tick, for policy-specific invariants. */
	void (*check)(struct sim *s);
	bool broken;			/* a check failed: stop running */
};

static inline struct sim_task *sim_task_of(struct task *t)
{
	return container_of(t, struct sim_task, t);
}

/* curr -1 for idle. */
static inline int sim_curr_id(struct sim *s)
{
	return s->rq.curr == &s->idle ? -1 : sim_task_of(s->rq.curr)->id;
}

static inline void sim_init(struct sim *s, u64 tick_ns)
{
	memset(s, 0, sizeof(*s));
	s->tick_ns = tick_ns;
	sched_policy.init_rq(&s->rq);
	s->idle.state = TASK_RUNNING;
	INIT_LIST_HEAD(&s->idle.se.run_list);
	sched_policy.init_task(&s->idle);
	s->rq.idle = &s->idle;
	s->rq.curr = &s->idle;
}

/* The core's update_curr: charge curr for the time since it last was. */
static inline void sim_update_curr(struct sim *s)
{
	struct task *curr = s->rq.curr;
	u64 delta;

	s->rq.clock = s->clock;
	delta = s->clock - s->rq.curr_start;
	s->rq.curr_start = s->clock;
	curr->se.sum_runtime += delta;
	if (curr != s->rq.idle)
		sched_policy.update_curr(&s->rq, curr, delta);
}

/* The core's schedule(): the caller set curr's state. */
static inline void sim_schedule(struct sim *s, unsigned int flags)
{
	struct task *prev = s->rq.curr, *next;

	sim_update_curr(s);
	if (prev->state == TASK_RUNNING && prev != s->rq.idle && !prev->se.on_rq)
		next = sched_policy.put_prev_pick_next(&s->rq, prev, flags);
	else
		next = sched_policy.pick_next(&s->rq);
	if (!next)
		next = s->rq.idle;
	s->rq.need_resched = false;
	if (next != prev) {
		s->rq.curr = next;
		s->switches++;
	}
}

static inline void sim_wake(struct sim *s, struct sim_task *st)
{
	if (st->t.state != TASK_SLEEPING)
		return;
	st->t.state = TASK_RUNNING;
	st->burst_done = 0;
	st->sleeps_forever = false;
	s->rq.clock = s->clock;
	sched_policy.enqueue(&s->rq, &st->t, ENQUEUE_WAKEUP);
	if (s->rq.curr == s->rq.idle || sched_policy.wakeup_preempt(&s->rq, s->rq.curr, &st->t))
		s->rq.need_resched = true;
}

/* kthread_create: a new task, sleeping until sim_wake (kthread_run wakes it). */
static inline struct sim_task *sim_create(struct sim *s)
{
	struct sim_task *st = &s->tasks[s->nr_tasks];

	memset(st, 0, sizeof(*st));
	st->id = s->nr_tasks++;
	INIT_LIST_HEAD(&st->t.se.run_list);
	sched_policy.init_task(&st->t);
	st->t.state = TASK_SLEEPING;
	st->sleeps_forever = true;
	return st;
}

/* Switch now if a wake-up, a tick or a parameter change asked for it. */
static inline void sim_preempt_point(struct sim *s)
{
	if (s->rq.need_resched) {
		s->clock += s->switch_ns;
		sim_schedule(s, ENQUEUE_PREEMPT);
	}
}

/*
 * kthread_run, or wake_up_process from outside an interrupt: the switch it
 * may ask for happens at once.
 */
static inline void sim_wake_now(struct sim *s, struct sim_task *st)
{
	sim_wake(s, st);
	sim_preempt_point(s);
}

static inline struct sim_task *sim_spawn(struct sim *s)
{
	struct sim_task *st = sim_create(s);

	sim_wake_now(s, st);
	return st;
}

/*
 * The core's set_user_nice / sched_set_prio, after the range check.  As
 * there, a switch it asks for waits for the next preemption point.
 */
static inline void sim_change_param(struct sim *s, struct sim_task *st, int *field, int value)
{
	*field = value;
	sched_policy.prio_changed(&s->rq, &st->t);
	if (&st->t == s->rq.curr ||
	    (s->rq.curr != s->rq.idle && sched_policy.wakeup_preempt(&s->rq, s->rq.curr, &st->t)))
		s->rq.need_resched = true;
}

static inline void sim_set_nice(struct sim *s, struct sim_task *st, int nice)
{
	sim_change_param(s, st, &st->t.se.nice, nice);
}

static inline void sim_set_prio(struct sim *s, struct sim_task *st, int prio)
{
	sim_change_param(s, st, &st->t.se.prio, prio);
}

/* What every policy must keep true; false (and a failure) otherwise. */
static inline bool sim_check_common(struct sim *s)
{
	unsigned int queued = 0;
	int i;

	if (s->rq.curr != &s->idle && (s->rq.curr->state != TASK_RUNNING || s->rq.curr->se.on_rq))
		return FAIL("tick %lu: curr is not running or is queued", s->ticks);
	for (i = 0; i < s->nr_tasks; i++) {
		struct task *t = &s->tasks[i].t;
		bool should = t->state == TASK_RUNNING && t != s->rq.curr;

		if (t->se.on_rq != should)
			return FAIL("tick %lu: task %d on_rq %d, expected %d", s->ticks, i,
				    t->se.on_rq, should);
		queued += should;
	}
	if (s->rq.nr_queued != queued)
		return FAIL("tick %lu: nr_queued %u, %u tasks queued", s->ticks,
			    s->rq.nr_queued, queued);
	return true;
}

static inline void sim_tick(struct sim *s)
{
	struct task *curr = s->rq.curr;
	int i;

	/* curr runs until the tick comes. */
	s->nominal += s->tick_ns;
	if (s->late_ns) {
		s->rng = s->rng * 6364136223846793005ULL + 1442695040888963407ULL;
		s->clock = MAX(s->clock, s->nominal + (s->rng >> 33) % (s->late_ns + 1));
	} else {
		s->clock = MAX(s->clock, s->nominal);
	}
	if (s->ticks < SIM_MAX_TRACE)
		s->trace[s->ticks] = sim_curr_id(s);
	s->ticks++;
	if (curr == &s->idle) {
		s->idle_ticks++;
	} else {
		struct sim_task *st = sim_task_of(curr);
		enum sim_action act = SIM_RUN;
		u64 ran;

		if (!st->first_ran)
			st->first_ran = s->clock;
		st->burst_done += s->tick_ns;
		/* Runtime as the core will have it after the next update_curr. */
		ran = curr->se.sum_runtime + (s->clock - s->rq.curr_start);
		if (st->work_ns && ran >= st->work_ns)
			act = SIM_EXIT;
		else if (st->burst_ns && st->burst_done >= st->burst_ns)
			act = SIM_SLEEP;
		else if (st->yields)
			act = SIM_YIELD;

		if (act == SIM_EXIT) {
			curr->state = TASK_DEAD;
			st->exited_at = s->clock;
			sim_schedule(s, 0);
		} else if (act == SIM_SLEEP) {
			curr->state = TASK_SLEEPING;
			st->wake_at = s->clock + st->sleep_ns;
			sim_schedule(s, 0);
		} else if (act == SIM_YIELD) {
			sim_schedule(s, ENQUEUE_YIELD);
		}
	}

	/* The timer interrupt: due sleepers wake, then the tick. */
	for (i = 0; i < s->nr_tasks; i++) {
		struct sim_task *st = &s->tasks[i];

		if (st->t.state == TASK_SLEEPING && !st->sleeps_forever && st->wake_at <= s->clock)
			sim_wake(s, st);
	}
	sim_update_curr(s);
	if (s->rq.curr == s->rq.idle ? s->rq.nr_queued != 0 :
	    sched_policy.tick(&s->rq, s->rq.curr))
		s->rq.need_resched = true;
	sim_preempt_point(s);
}

/* Runs n ticks, checking after each; false once a check failed. */
static inline bool sim_run(struct sim *s, unsigned long n)
{
	while (n-- && !s->broken) {
		sim_tick(s);
		if (!sim_check_common(s))
			s->broken = true;
		else if (s->check)
			s->check(s);
	}
	return !s->broken;
}

/* Runtime of a task in ns, as task_runtime_ns() reports it. */
static inline u64 sim_runtime(struct sim_task *st)
{
	return st->t.se.sum_runtime;
}

/* |a - b| <= pct% of b */
static inline bool within_pct(u64 a, u64 b, unsigned int pct)
{
	u64 d = a > b ? a - b : b - a;

	return d * 100 <= b * pct;
}

#endif
