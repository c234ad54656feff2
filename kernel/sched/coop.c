// SPDX-License-Identifier: MIT
/*
 * Cooperative scheduling: one FIFO queue, and a task keeps the CPU until
 * it sleeps, yields or exits.  Neither the tick nor a wake-up preempts.
 * Queue: rq->queue through se.run_list; rq->nr_queued counts it.
 */
#include "policy.h"

static void coop_init_rq(struct rq *rq)
{
	INIT_LIST_HEAD(&rq->queue);
	rq->nr_queued = 0;
}

static void coop_init_task(struct task *t)
{
	INIT_LIST_HEAD(&t->se.run_list);
	t->se.on_rq = false;
}

/* New, woken, yielding: every task goes to the tail. */
static void coop_enqueue(struct rq *rq, struct task *t, unsigned int flags)
{
	list_add_tail(&t->se.run_list, &rq->queue);
	t->se.on_rq = true;
	rq->nr_queued++;
}

static void coop_dequeue(struct rq *rq, struct task *t)
{
	if (!t->se.on_rq)
		return;
	list_del_init(&t->se.run_list);
	t->se.on_rq = false;
	rq->nr_queued--;
}

static struct task *coop_pick_next(struct rq *rq)
{
	struct task *t;

	if (list_empty(&rq->queue))
		return NULL;
	t = list_first_entry(&rq->queue, struct task, se.run_list);
	coop_dequeue(rq, t);
	return t;
}

static struct task *coop_put_prev_pick_next(struct rq *rq, struct task *prev,
					   unsigned int flags)
{
	coop_enqueue(rq, prev, flags);
	return coop_pick_next(rq);
}

static void coop_update_curr(struct rq *rq, struct task *curr, u64 delta_ns)
{
}

static bool coop_tick(struct rq *rq, struct task *curr)
{
	return false;
}

static bool coop_wakeup_preempt(struct rq *rq, struct task *curr, struct task *woken)
{
	return false;
}

static void coop_prio_changed(struct rq *rq, struct task *t)
{
}

static struct task *coop_next_queued(struct rq *rq, struct task *t)
{
	return queue_next(&rq->queue, t);
}

const struct sched_class sched_policy = {
	.name		= "cooperative",
	.init_rq	= coop_init_rq,
	.init_task	= coop_init_task,
	.enqueue	= coop_enqueue,
	.dequeue	= coop_dequeue,
	.pick_next	= coop_pick_next,
	.put_prev_pick_next = coop_put_prev_pick_next,
	.update_curr	= coop_update_curr,
	.tick		= coop_tick,
	.wakeup_preempt	= coop_wakeup_preempt,
	.prio_changed	= coop_prio_changed,
	.next_queued	= coop_next_queued,
};
