// SPDX-License-Identifier: MIT
/*
 * Fair scheduling, after Linux's CFS.  Each task's runtime is weighted by
 * its nice value into se.vruntime:
 *
 *	vruntime += delta_ns * 1024 / weight	(nice 0 weighs 1024)
 *
 * and the queued task with the smallest vruntime runs next, from a
 * red-black tree (rq->tree, through se.rb_node; equal keys in insertion
 * order) whose leftmost node is cached.  CPU-bound tasks therefore share
 * the CPU in proportion to their weights.
 *
 * rq->min_vruntime only grows: it follows the smallest vruntime of curr
 * and the queue, at every tick and every pick.  A task that wakes is placed at no less than
 * min_vruntime - FAIR_SLEEPER_CREDIT_NS: enough to run soon and to
 * preempt, never the whole time it slept.
 *
 * se.slice_left is the part of the minimum granularity (the
 * SCHED_MIN_GRANULARITY_MS option) that curr must still run before the
 * tick may preempt it; pick_next sets it.  Only the tick looks, so the
 * granularity ends at the tick nearest to its end (see rr.c).
 *
 * vruntimes are compared by signed difference, so they may wrap.
 */
#include <tern/compiler.h>
#include <tern/timer.h>

#include "policy.h"

#define FAIR_GRAN_NS		((unsigned long)(CONFIG_SCHED_MIN_GRANULARITY_MS * NSEC_PER_MSEC))
_Static_assert(CONFIG_SCHED_MIN_GRANULARITY_MS * NSEC_PER_MSEC <= SLICE_MAX_NS,
	       "se.slice_left holds it");
#define FAIR_SLEEPER_CREDIT_NS	(2 * FAIR_GRAN_NS)
#define NICE_0_WEIGHT		1024

/* Linux's table: about 1.25x per nice step, nice 0 = 1024. */
const u32 sched_nice_to_weight[40] = {
	/* -20 */ 88761, 71755, 56483, 46273, 36291,
	/* -15 */ 29154, 23254, 18705, 14949, 11916,
	/* -10 */  9548,  7620,  6100,  4904,  3906,
	/*  -5 */  3121,  2501,  1991,  1586,  1277,
	/*   0 */  1024,   820,   655,   526,   423,
	/*   5 */   335,   272,   215,   172,   137,
	/*  10 */   110,    87,    70,    56,    45,
	/*  15 */    36,    29,    23,    18,    15,
};

static inline struct task *task_of(struct rb_node *n)
{
	return rb_entry(n, struct task, se.rb_node);
}

static inline bool vruntime_before(u64 a, u64 b)
{
	return (s64)(a - b) < 0;
}

static inline u64 max_vruntime(u64 a, u64 b)
{
	return vruntime_before(a, b) ? b : a;
}

static struct task *fair_leftmost(struct rq *rq)
{
	struct rb_node *n = rb_first_cached(&rq->tree);

	return n ? task_of(n) : NULL;
}

/* The smallest vruntime of curr (if runnable) and the queue; never back. */
static void update_min_vruntime(struct rq *rq)
{
	struct task *curr = rq->curr, *left = fair_leftmost(rq);
	bool have_curr = curr && curr != rq->idle && !curr->se.on_rq &&
			 curr->state == TASK_RUNNING;
	u64 v;

	if (have_curr && (!left || vruntime_before(curr->se.vruntime, left->se.vruntime)))
		v = curr->se.vruntime;
	else if (left)
		v = left->se.vruntime;
	else
		return;
	rq->min_vruntime = max_vruntime(rq->min_vruntime, v);
}

static void fair_init_rq(struct rq *rq)
{
	rq->tree = RB_ROOT_CACHED;
	rq->min_vruntime = 0;
	rq->nr_queued = 0;
}

static void set_weight(struct task *t)
{
	t->se.weight = sched_nice_to_weight[t->se.nice - NICE_MIN];
}

static void fair_init_task(struct task *t)
{
	t->se.on_rq = false;
	t->se.vruntime = 0;
	t->se.slice_left = FAIR_GRAN_NS;
	set_weight(t);
}

/* Sets t's vruntime for its enqueue(flags), left being the leftmost task. */
static __always_inline void place_task(struct rq *rq, struct task *t, struct task *left, unsigned int flags)
{
	struct sched_entity *se = &t->se;

	/* A switch (a yield, a preemption) first: it is the common case. */
	if (likely(!(flags & (ENQUEUE_MIGRATED | ENQUEUE_NEW | ENQUEUE_WAKEUP)))) {
		if ((flags & ENQUEUE_YIELD) && left)
			/* Behind the first waiter (ties go right), so it runs next. */
			se->vruntime = max_vruntime(se->vruntime, left->se.vruntime);
		return;
	}
	if (flags & ENQUEUE_MIGRATED)
		se->vruntime += rq->min_vruntime;
	if (flags & ENQUEUE_NEW)
		se->vruntime = max_vruntime(se->vruntime, rq->min_vruntime);
	else if (flags & ENQUEUE_WAKEUP)
		se->vruntime = max_vruntime(se->vruntime,
					    rq->min_vruntime - FAIR_SLEEPER_CREDIT_NS);
}

/* Links t, placed, into the tree. */
static void insert_task(struct rq *rq, struct task *t)
{
	struct sched_entity *se = &t->se;
	struct rb_node **link = &rq->tree.rb_root.rb_node, *parent = NULL;
	bool leftmost = true;

	while (*link) {
		parent = *link;
		if (vruntime_before(se->vruntime, task_of(parent)->se.vruntime)) {
			link = &parent->rb_left;
		} else {
			link = &parent->rb_right;
			leftmost = false;
		}
	}
	rb_link_node(&se->rb_node, parent, link);
	rb_insert_color_cached(&se->rb_node, &rq->tree, leftmost);
	se->on_rq = true;
	rq->nr_queued++;
}

static void fair_enqueue(struct rq *rq, struct task *t, unsigned int flags)
{
	place_task(rq, t, fair_leftmost(rq), flags);
	insert_task(rq, t);
}

static void fair_dequeue(struct rq *rq, struct task *t)
{
	if (!t->se.on_rq)
		return;
	rb_erase_cached(&t->se.rb_node, &rq->tree);
	t->se.on_rq = false;
	rq->nr_queued--;
}

/* t, out of the queue, is about to be curr, with the smallest vruntime of all. */
static struct task *set_next(struct rq *rq, struct task *t)
{
	t->se.slice_left = FAIR_GRAN_NS;
	rq->min_vruntime = max_vruntime(rq->min_vruntime, t->se.vruntime);
	return t;
}

static struct task *fair_pick_next(struct rq *rq)
{
	struct task *t = fair_leftmost(rq);

	if (!t)
		return NULL;
	fair_dequeue(rq, t);
	return set_next(rq, t);
}

/*
 * prev goes back into the queue and the leftmost task comes out.  If prev
 * still sorts first, nothing moves.  If it sorts right after the leftmost
 * task, before the one after that (ties go right), prev simply takes the
 * leftmost task's place in the tree: no search, no rebalancing.  That is
 * the usual case when two tasks take turns.  Otherwise it is an insert
 * and an erase, out of line so that the shortcuts need no stack frame.
 */
static __noinline struct task *insert_then_pick(struct rq *rq, struct task *prev)
{
	insert_task(rq, prev);
	return fair_pick_next(rq);
}

static struct task *fair_put_prev_pick_next(struct rq *rq, struct task *prev,
					    unsigned int flags)
{
	struct task *left = fair_leftmost(rq);
	struct rb_node *after;

	place_task(rq, prev, left, flags);
	if (!left || vruntime_before(prev->se.vruntime, left->se.vruntime))
		return set_next(rq, prev);
	after = rb_next_of_leftmost(&left->se.rb_node);
	if (after && !vruntime_before(prev->se.vruntime, task_of(after)->se.vruntime))
		return insert_then_pick(rq, prev);
	rb_replace_node(&left->se.rb_node, &prev->se.rb_node, &rq->tree.rb_root);
	rq->tree.rb_leftmost = &prev->se.rb_node;	/* in the leftmost's place */
	prev->se.on_rq = true;
	left->se.on_rq = false;
	return set_next(rq, left);
}

/*
 * vruntime grows by delta_ns scaled by NICE_0_WEIGHT / weight.  Out of
 * line, and called last: the division (a libgcc call on rv32) would
 * otherwise make every update_curr keep registers for after it, nice 0
 * included.
 */
static __noinline void add_weighted(struct sched_entity *se, u64 delta_ns)
{
	se->vruntime += delta_ns * NICE_0_WEIGHT / se->weight;
}

static void fair_update_curr(struct rq *rq, struct task *curr, u64 delta_ns)
{
	struct sched_entity *se = &curr->se;

	slice_charge(curr, delta_ns);
	if (likely(se->weight == NICE_0_WEIGHT))
		se->vruntime += delta_ns;
	else
		add_weighted(se, delta_ns);
}

/*
 * min_vruntime follows curr here, on the tick, and at each pick (set_next):
 * a task that wakes between two ticks is placed by a value at most a tick
 * old, and a switch does not pay for it twice.
 */
static bool fair_tick(struct rq *rq, struct task *curr)
{
	struct task *left = fair_leftmost(rq);

	update_min_vruntime(rq);
	return left && curr->se.slice_left <= TICK_NSEC / 2 &&
	       vruntime_before(left->se.vruntime, curr->se.vruntime);
}

static bool fair_wakeup_preempt(struct rq *rq, struct task *curr, struct task *woken)
{
	return (s64)(curr->se.vruntime - woken->se.vruntime) > (s64)FAIR_GRAN_NS;
}

/* The key (vruntime) does not change with nice: only the rate does. */
static void fair_prio_changed(struct rq *rq, struct task *t)
{
	set_weight(t);
}

/* In vruntime order, the next to run first. */
static struct task *fair_next_queued(struct rq *rq, struct task *t)
{
	struct rb_node *n = t ? rb_next(&t->se.rb_node) : rb_first_cached(&rq->tree);

	return n ? task_of(n) : NULL;
}

/* A vruntime means something only next to its queue's min_vruntime. */
static void fair_migrate_out(struct rq *rq, struct task *t)
{
	t->se.vruntime -= rq->min_vruntime;
}

const struct sched_class sched_policy = {
	.name		= "fair",
	.init_rq	= fair_init_rq,
	.init_task	= fair_init_task,
	.enqueue	= fair_enqueue,
	.dequeue	= fair_dequeue,
	.pick_next	= fair_pick_next,
	.put_prev_pick_next = fair_put_prev_pick_next,
	.update_curr	= fair_update_curr,
	.tick		= fair_tick,
	.wakeup_preempt	= fair_wakeup_preempt,
	.prio_changed	= fair_prio_changed,
	.next_queued	= fair_next_queued,
	.migrate_out	= fair_migrate_out,
};
