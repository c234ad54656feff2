// SPDX-License-Identifier: MIT
/*
 * Round-robin: one FIFO queue and a time slice (the SCHED_RR_SLICE_MS
 * option).  update_curr spends curr's se.slice_left; once it is spent the
 * tick asks for a switch and the core puts curr back at the tail, where it
 * gets a fresh slice.  Only the tick looks, so a slice ends at the tick
 * nearest to its end: a task switched in just after one tick has a hair
 * of its slice left at the tick a slice later, and must not run a whole
 * extra tick for it.  A task that yields also gets a fresh slice at the
 * tail; one that slept keeps what it had left.  Wake-ups never preempt.
 * Queue: rq->queue through se.run_list; rq->nr_queued counts it.
 */
#include <tern/compiler.h>
#include <tern/timer.h>

#include "policy.h"

#define RR_SLICE_NS	((unsigned long)(CONFIG_SCHED_RR_SLICE_MS * NSEC_PER_MSEC))
_Static_assert(CONFIG_SCHED_RR_SLICE_MS * NSEC_PER_MSEC <= SLICE_MAX_NS,
	       "se.slice_left holds it");

/* Less than half a tick left: ending now is nearer the slice than one more tick. */
static inline bool slice_spent(const struct task *t)
{
	return t->se.slice_left <= TICK_NSEC / 2;
}

static void rr_init_rq(struct rq *rq)
{
	INIT_LIST_HEAD(&rq->queue);
	rq->nr_queued = 0;
}

static void rr_init_task(struct task *t)
{
	INIT_LIST_HEAD(&t->se.run_list);
	t->se.on_rq = false;
	t->se.slice_left = RR_SLICE_NS;
}

static void rr_enqueue(struct rq *rq, struct task *t, unsigned int flags)
{
	if ((flags & (ENQUEUE_YIELD | ENQUEUE_PREEMPT)) || slice_spent(t))
		t->se.slice_left = RR_SLICE_NS;
	list_add_tail(&t->se.run_list, &rq->queue);
	t->se.on_rq = true;
	rq->nr_queued++;
}

static void rr_dequeue(struct rq *rq, struct task *t)
{
	if (!t->se.on_rq)
		return;
	list_del_init(&t->se.run_list);
	t->se.on_rq = false;
	rq->nr_queued--;
}

static struct task *rr_pick_next(struct rq *rq)
{
	struct task *t;

	if (list_empty(&rq->queue))
		return NULL;
	t = list_first_entry(&rq->queue, struct task, se.run_list);
	rr_dequeue(rq, t);
	return t;
}

static struct task *rr_put_prev_pick_next(struct rq *rq, struct task *prev,
					   unsigned int flags)
{
	rr_enqueue(rq, prev, flags);
	return rr_pick_next(rq);
}

static void rr_update_curr(struct rq *rq, struct task *curr, u64 delta_ns)
{
	slice_charge(curr, delta_ns);
}

static bool rr_tick(struct rq *rq, struct task *curr)
{
	if (!slice_spent(curr))
		return false;
	if (!rq->nr_queued) {
		/* Nobody waits: a new slice in place, no pointless switch. */
		curr->se.slice_left = RR_SLICE_NS;
		return false;
	}
	return true;
}

/* A woken task waits for its turn; the core alone preempts the idle task. */
static bool rr_wakeup_preempt(struct rq *rq, struct task *curr, struct task *woken)
{
	return false;
}

static void rr_prio_changed(struct rq *rq, struct task *t)
{
}

static struct task *rr_next_queued(struct rq *rq, struct task *t)
{
	return queue_next(&rq->queue, t);
}

const struct sched_class sched_policy = {
	.name		= "round-robin",
	.init_rq	= rr_init_rq,
	.init_task	= rr_init_task,
	.enqueue	= rr_enqueue,
	.dequeue	= rr_dequeue,
	.pick_next	= rr_pick_next,
	.put_prev_pick_next = rr_put_prev_pick_next,
	.update_curr	= rr_update_curr,
	.tick		= rr_tick,
	.wakeup_preempt	= rr_wakeup_preempt,
	.prio_changed	= rr_prio_changed,
	.next_queued	= rr_next_queued,
};
