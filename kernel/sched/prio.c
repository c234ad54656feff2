// SPDX-License-Identifier: MIT
/*
 * Fixed priorities: SCHED_PRIO_LEVELS FIFO queues, 0 lowest, and the
 * highest non-empty one always runs.  rq->prio_bitmap has bit p set
 * exactly when rq->prio_queue[p] is not empty, so the pick is a
 * find-last-set on one word plus a list unlink, whatever the number of
 * tasks or levels.  Within a level tasks take turns with the time slice of
 * the SCHED_RR_SLICE_MS option, as in rr.c (which also says why a slice
 * ends at the nearest tick).
 *
 * A task in the queue sits in prio_queue[se.prio]: se.prio only changes
 * through prio_changed, which moves the task.
 */
#include <tern/compiler.h>
#include <tern/timer.h>

#include "policy.h"

#define PRIO_SLICE_NS	((unsigned long)(CONFIG_SCHED_RR_SLICE_MS * NSEC_PER_MSEC))
_Static_assert(CONFIG_SCHED_RR_SLICE_MS * NSEC_PER_MSEC <= SLICE_MAX_NS,
	       "se.slice_left holds it");

/*
 * Index of the highest set bit of x != 0: a five-step binary search, no
 * loop over levels and no call to libgcc's __clzsi2 (rv32imac and
 * rv64imac have no count-leading-zeros instruction without Zbb).
 */
static inline unsigned int prio_fls(u32 x)
{
	unsigned int r = 0;

	if (x & 0xffff0000u) {
		x >>= 16;
		r += 16;
	}
	if (x & 0xff00u) {
		x >>= 8;
		r += 8;
	}
	if (x & 0xf0u) {
		x >>= 4;
		r += 4;
	}
	if (x & 0xcu) {
		x >>= 2;
		r += 2;
	}
	return r + ((x >> 1) & 1);
}

static inline bool slice_spent(const struct task *t)
{
	return t->se.slice_left <= TICK_NSEC / 2;
}

static void prio_init_rq(struct rq *rq)
{
	int p;

	for (p = 0; p < SCHED_PRIO_LEVELS; p++)
		INIT_LIST_HEAD(&rq->prio_queue[p]);
	rq->prio_bitmap = 0;
	rq->nr_queued = 0;
}

static void prio_init_task(struct task *t)
{
	INIT_LIST_HEAD(&t->se.run_list);
	t->se.on_rq = false;
	t->se.prio = SCHED_PRIO_DEFAULT;
	t->se.slice_left = PRIO_SLICE_NS;
}

/*
 * Where t goes in its level for enqueue(flags): true for the head, when a
 * higher level preempted it mid-slice (it keeps its turn and its slice);
 * else the tail, with a fresh slice after a yield, a preemption or a
 * spent slice.
 */
static bool requeue_at_head(struct task *t, unsigned int flags)
{
	if ((flags & ENQUEUE_PREEMPT) && !slice_spent(t))
		return true;
	if ((flags & (ENQUEUE_YIELD | ENQUEUE_PREEMPT)) || slice_spent(t))
		t->se.slice_left = PRIO_SLICE_NS;
	return false;
}

static void prio_enqueue(struct rq *rq, struct task *t, unsigned int flags)
{
	struct sched_entity *se = &t->se;
	struct list_head *q = &rq->prio_queue[se->prio];

	if (requeue_at_head(t, flags))
		list_add(&se->run_list, q);
	else
		list_add_tail(&se->run_list, q);
	rq->prio_bitmap |= 1u << se->prio;
	se->on_rq = true;
	rq->nr_queued++;
}

static void prio_dequeue(struct rq *rq, struct task *t)
{
	struct sched_entity *se = &t->se;

	if (!se->on_rq)
		return;
	list_del_init(&se->run_list);
	if (list_empty(&rq->prio_queue[se->prio]))
		rq->prio_bitmap &= ~(1u << se->prio);
	se->on_rq = false;
	rq->nr_queued--;
}

static struct task *prio_pick_next(struct rq *rq)
{
	struct task *t;

	if (!rq->prio_bitmap)
		return NULL;
	t = list_first_entry(&rq->prio_queue[prio_fls(rq->prio_bitmap)], struct task,
			     se.run_list);
	prio_dequeue(rq, t);
	return t;
}

/* Levels above p: 2u << 31 is 0, so p = 31 gives an empty mask. */
static inline u32 levels_above(int p)
{
	return ~((2u << p) - 1);
}

static __noinline struct task *enqueue_then_pick(struct rq *rq, struct task *prev,
						 unsigned int flags)
{
	prio_enqueue(rq, prev, flags);
	return prio_pick_next(rq);
}

/*
 * When no level above prev's has tasks, the next task comes from prev's
 * level: prev itself if it goes to the head or is alone, else the head,
 * with prev at the tail.  No bitmap to search or change, and no stack
 * frame: the other case is out of line.
 */
static struct task *prio_put_prev_pick_next(struct rq *rq, struct task *prev,
					    unsigned int flags)
{
	struct list_head *q = &rq->prio_queue[prev->se.prio];
	struct task *next;

	if (rq->prio_bitmap & levels_above(prev->se.prio))
		return enqueue_then_pick(rq, prev, flags);
	if (requeue_at_head(prev, flags) || list_empty(q))
		return prev;
	next = list_first_entry(q, struct task, se.run_list);
	list_del_init(&next->se.run_list);
	next->se.on_rq = false;
	list_add_tail(&prev->se.run_list, q);
	prev->se.on_rq = true;
	return next;
}

static void prio_update_curr(struct rq *rq, struct task *curr, u64 delta_ns)
{
	slice_charge(curr, delta_ns);
}

static bool prio_tick(struct rq *rq, struct task *curr)
{
	if (rq->prio_bitmap & levels_above(curr->se.prio))
		return true;
	if (!slice_spent(curr))
		return false;
	if (rq->prio_bitmap & (1u << curr->se.prio))
		return true;	/* the slice is over and a peer waits */
	curr->se.slice_left = PRIO_SLICE_NS;
	return false;
}

static bool prio_wakeup_preempt(struct rq *rq, struct task *curr, struct task *woken)
{
	return woken->se.prio > curr->se.prio;
}

/*
 * se.prio already holds the new value.  A queued task moves to the tail
 * of its new level, keeping its slice; the level it left is not known any
 * more, so the bits of emptied levels are cleared by looking at the set
 * ones (at most SCHED_PRIO_LEVELS, and only here, never on the pick).
 * For curr nothing is queued: the core reschedules it.
 */
static void prio_prio_changed(struct rq *rq, struct task *t)
{
	u32 bits;

	if (!t->se.on_rq)
		return;
	list_del_init(&t->se.run_list);
	for (bits = rq->prio_bitmap; bits; bits &= bits - 1) {
		u32 low = bits & -bits;

		if (list_empty(&rq->prio_queue[prio_fls(low)]))
			rq->prio_bitmap &= ~low;
	}
	t->se.on_rq = false;
	rq->nr_queued--;
	prio_enqueue(rq, t, 0);
}

/* Highest level first, each level in its run order. */
static struct task *prio_next_queued(struct rq *rq, struct task *t)
{
	u32 below;

	if (t) {
		struct list_head *q = &rq->prio_queue[t->se.prio];

		if (t->se.run_list.next != q)
			return list_entry(t->se.run_list.next, struct task, se.run_list);
		below = rq->prio_bitmap & ((1u << t->se.prio) - 1);
	} else {
		below = rq->prio_bitmap;
	}
	if (!below)
		return NULL;
	return list_first_entry(&rq->prio_queue[prio_fls(below)], struct task, se.run_list);
}

const struct sched_class sched_policy = {
	.name		= "priority",
	.init_rq	= prio_init_rq,
	.init_task	= prio_init_task,
	.enqueue	= prio_enqueue,
	.dequeue	= prio_dequeue,
	.pick_next	= prio_pick_next,
	.put_prev_pick_next = prio_put_prev_pick_next,
	.update_curr	= prio_update_curr,
	.tick		= prio_tick,
	.wakeup_preempt	= prio_wakeup_preempt,
	.prio_changed	= prio_prio_changed,
	.next_queued	= prio_next_queued,
};
