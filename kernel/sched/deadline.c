// SPDX-License-Identifier: MIT
/*
 * Deadline scheduling: earliest deadline first (EDF) among the tasks that
 * hold a reservation, each kept to it by a constant bandwidth server
 * (CBS), with admission control.  Every other task is a background task.
 *
 * A reservation (sched_set_deadline) is se.dl_runtime ns of CPU time in
 * every se.dl_period ns, due se.dl_deadline ns after the period begins.
 * The task's current job has an absolute deadline, se.dl_abs_deadline,
 * and se.dl_runtime_left of its runtime.  The ready task with the earliest
 * deadline runs (rq->dl_tree, through se.rb_node, equal deadlines in FIFO
 * order, leftmost cached), and preempts a later deadline or a background
 * task on wake-up and on the tick.
 *
 * The CBS rules.  The job's period ends at
 * dl_abs_deadline - dl_deadline + dl_period: the deadline itself when
 * dl_deadline == dl_period, as in the classic CBS.
 *  - Wake-up: if the period is over, or the runtime left would need more
 *    than the reserved bandwidth until its end (left / (end - now) >
 *    runtime / period), a new job: due now + dl_deadline, full runtime.
 *    Otherwise the task carries on with its job.
 *  - Overrun (update_curr): once the runtime is used up, the deadline
 *    moves on by a period and a full runtime comes with it, as many
 *    periods as the overrun needs (the soft CBS).
 *  - Yield: the job is done; the rest of its runtime is given up and the
 *    task is postponed as on an overrun.
 * A postponed task whose next period has not begun (dl_abs_deadline -
 * dl_deadline > now) has run ahead of its reservation: it is throttled
 * (se.dl_throttled) and waits in the background queue, and in
 * rq->dl_throttled by the start of that period, from which the tick and
 * pick_next return it to rq->dl_tree once the period begins.  Running as
 * a background task meanwhile is not charged to the reservation.  So an
 * overrunning task takes only time that nobody reserved, and no timer is
 * needed (a policy cannot start one: the host tests compile it alone).
 *
 * Background tasks (no reservation: every kthread unless told otherwise)
 * take turns as in rr.c, in rq->queue through se.run_list, with the
 * SCHED_RR_SLICE_MS slice in se.slice_left; they run only when no
 * deadline task is ready.
 *
 * Admission: the reservations' bandwidths (se.dl_bw, runtime / period in
 * units of 2^-20, rounded up) add up to at most SCHED_DEADLINE_BW_PERCENT
 * percent of ONE CPU (dl_total_bw, rounded up too: never more than one
 * CPU), wherever the tasks run.  On one CPU
 * EDF then meets every deadline when dl_deadline == dl_period (up to the
 * tick: overruns are seen at the next tick); a shorter deadline is
 * guaranteed only when the runtime / deadline ratios fit.
 *
 * Arithmetic: periods are at most SCHED_DL_PERIOD_MAX_NS (< 2^32), so the
 * wake-up test multiplies two 32-bit quantities in 64 bits; the only
 * divisions are in set_deadline and on an overrun longer than a runtime
 * (libgcc's on rv32), never per tick.  Clock values are ns since boot and
 * are compared directly: they do not wrap.
 */
#include <tern/compiler.h>
#include <tern/errno.h>
#include <tern/timer.h>

#include "policy.h"

#define BG_SLICE_NS	((unsigned long)(CONFIG_SCHED_RR_SLICE_MS * NSEC_PER_MSEC))
_Static_assert(CONFIG_SCHED_RR_SLICE_MS * NSEC_PER_MSEC <= SLICE_MAX_NS,
	       "se.slice_left holds it");
#define DL_BW_SHIFT	20
/* Rounded up like se.dl_bw: a set exactly at the limit passes, and 100% is exact. */
#define DL_BW_LIMIT	((((u32)CONFIG_SCHED_DEADLINE_BW_PERCENT << DL_BW_SHIFT) + 99) / 100)

/*
 * Bandwidth admitted, every reservation of every run queue together.
 * Changed only by set_deadline and by an exiting task's last update_curr,
 * each under its own run queue's lock: the harts share it, so it changes
 * by atomic operations only.
 */
static u32 dl_total_bw;

static inline struct task *task_of(struct rb_node *n)
{
	return rb_entry(n, struct task, se.rb_node);
}

/* Holds a reservation and is within it: in the deadline class now. */
static inline bool dl_ready(const struct task *t)
{
	return t->se.dl_runtime && !t->se.dl_throttled;
}

/* When the period of the current job began, or begins when throttled. */
static inline u64 dl_period_start(const struct sched_entity *se)
{
	return se->dl_abs_deadline - se->dl_deadline;
}

static inline bool dl_ahead(const struct rq *rq, const struct sched_entity *se)
{
	return dl_period_start(se) > rq->clock;
}

/* The key in the tree the task is in: rq->dl_throttled or rq->dl_tree. */
static inline u64 dl_key(const struct sched_entity *se)
{
	return se->dl_throttled ? dl_period_start(se) : se->dl_abs_deadline;
}

/* Less than half a tick left: see rr.c. */
static inline bool slice_spent(const struct task *t)
{
	return t->se.slice_left <= TICK_NSEC / 2;
}

static struct task *dl_first(const struct rb_root_cached *root)
{
	struct rb_node *n = rb_first_cached(root);

	return n ? task_of(n) : NULL;
}

/* Equal keys go right: FIFO among them. */
static void dl_tree_insert(struct rb_root_cached *root, struct sched_entity *se)
{
	struct rb_node **link = &root->rb_root.rb_node, *parent = NULL;
	u64 key = dl_key(se);
	bool leftmost = true;

	while (*link) {
		parent = *link;
		if (key < dl_key(&task_of(parent)->se)) {
			link = &parent->rb_left;
		} else {
			link = &parent->rb_right;
			leftmost = false;
		}
	}
	rb_link_node(&se->rb_node, parent, link);
	rb_insert_color_cached(&se->rb_node, root, leftmost);
}

static void dl_init_rq(struct rq *rq)
{
	INIT_LIST_HEAD(&rq->queue);
	rq->dl_tree = RB_ROOT_CACHED;
	rq->dl_throttled = RB_ROOT_CACHED;
	rq->nr_queued = 0;
}

static void dl_init_task(struct task *t)
{
	struct sched_entity *se = &t->se;

	INIT_LIST_HEAD(&se->run_list);
	se->on_rq = false;
	se->slice_left = BG_SLICE_NS;
	se->dl_runtime = se->dl_deadline = se->dl_period = 0;
	se->dl_bw = 0;
	se->dl_throttled = false;
}

static void dl_new_job(const struct rq *rq, struct sched_entity *se)
{
	se->dl_abs_deadline = rq->clock + se->dl_deadline;
	se->dl_runtime_left = se->dl_runtime;
}

/*
 * The CBS wake-up rule.  end - now < period here, and left <= runtime,
 * so both products stay below 2^64.  A throttled task's period has not
 * begun (end - now > period): it keeps its job.
 */
static void dl_wakeup(const struct rq *rq, struct sched_entity *se)
{
	u64 end = dl_period_start(se) + se->dl_period;

	if (end <= rq->clock ||
	    (end - rq->clock < se->dl_period &&
	     (u64)se->dl_runtime_left * se->dl_period > (end - rq->clock) * se->dl_runtime))
		dl_new_job(rq, se);
}

/*
 * Runtime used up (left <= 0): a period later for each runtime the
 * overrun needs.  Usually one, without dividing.
 */
static void dl_postpone(struct sched_entity *se)
{
	u64 over = (u64)-se->dl_runtime_left;
	u64 periods = over < se->dl_runtime ? 1 : 1 + over / se->dl_runtime;

	se->dl_abs_deadline += periods * se->dl_period;
	se->dl_runtime_left += (s64)(periods * se->dl_runtime);
}

/* Round-robin as in rr.c: a fresh slice after a yield or a preemption. */
static void bg_refill(struct task *t, unsigned int flags)
{
	if ((flags & (ENQUEUE_YIELD | ENQUEUE_PREEMPT)) || slice_spent(t))
		t->se.slice_left = BG_SLICE_NS;
}

static void bg_enqueue(struct rq *rq, struct task *t, unsigned int flags)
{
	bg_refill(t, flags);
	list_add_tail(&t->se.run_list, &rq->queue);
}

static void dl_enqueue(struct rq *rq, struct task *t, unsigned int flags)
{
	struct sched_entity *se = &t->se;

	if (se->dl_runtime) {
		if (flags & (ENQUEUE_WAKEUP | ENQUEUE_NEW)) {
			dl_wakeup(rq, se);
		} else if ((flags & ENQUEUE_YIELD) && !se->dl_throttled) {
			se->dl_runtime_left = 0;
			dl_postpone(se);
		}
		se->dl_throttled = dl_ahead(rq, se);
	}
	if (dl_ready(t)) {
		dl_tree_insert(&rq->dl_tree, se);
	} else {
		bg_enqueue(rq, t, flags);
		if (se->dl_throttled)
			dl_tree_insert(&rq->dl_throttled, se);
	}
	se->on_rq = true;
	rq->nr_queued++;
}

/* Inlined into the pick, which every switch goes through. */
static __always_inline void dl_dequeue(struct rq *rq, struct task *t)
{
	struct sched_entity *se = &t->se;

	if (!se->on_rq)
		return;
	if (dl_ready(t)) {
		rb_erase_cached(&se->rb_node, &rq->dl_tree);
	} else {
		list_del_init(&se->run_list);
		if (se->dl_throttled)
			rb_erase_cached(&se->rb_node, &rq->dl_throttled);
	}
	se->on_rq = false;
	rq->nr_queued--;
}

/* Throttled tasks whose period has begun are ready again. */
static void dl_unthrottle_due(struct rq *rq)
{
	struct task *t;

	while ((t = dl_first(&rq->dl_throttled)) && !dl_ahead(rq, &t->se)) {
		dl_dequeue(rq, t);
		dl_enqueue(rq, t, 0);
	}
}

/* The pick and the tick look first, without a call: mostly none is throttled. */
static inline void dl_unthrottle(struct rq *rq)
{
	if (rb_first_cached(&rq->dl_throttled))
		dl_unthrottle_due(rq);
}

static struct task *dl_pick_next(struct rq *rq)
{
	struct task *t;

	dl_unthrottle(rq);
	t = dl_first(&rq->dl_tree);
	if (!t && !list_empty(&rq->queue))
		t = list_first_entry(&rq->queue, struct task, se.run_list);
	if (t)
		dl_dequeue(rq, t);
	return t;
}

static __noinline struct task *enqueue_then_pick(struct rq *rq, struct task *prev,
						 unsigned int flags)
{
	dl_enqueue(rq, prev, flags);
	return dl_pick_next(rq);
}

/*
 * A background prev with no reservation queued, ready or throttled: it is
 * round-robin on rq->queue, as in rr.c, and only the list moves (with no
 * stack frame: the other case is out of line).
 */
static struct task *dl_put_prev_pick_next(struct rq *rq, struct task *prev, unsigned int flags)
{
	struct task *next;

	if (prev->se.dl_runtime || rb_first_cached(&rq->dl_tree) ||
	    rb_first_cached(&rq->dl_throttled))
		return enqueue_then_pick(rq, prev, flags);
	bg_refill(prev, flags);
	if (list_empty(&rq->queue))
		return prev;
	next = list_first_entry(&rq->queue, struct task, se.run_list);
	list_del_init(&next->se.run_list);
	next->se.on_rq = false;
	list_add_tail(&prev->se.run_list, &rq->queue);
	prev->se.on_rq = true;
	return next;
}

/* t becomes a background task and its bandwidth is free; t is not queued. */
static void dl_clear(struct sched_entity *se)
{
	__atomic_fetch_sub(&dl_total_bw, se->dl_bw, __ATOMIC_RELAXED);
	se->dl_bw = 0;
	se->dl_runtime = se->dl_deadline = se->dl_period = 0;
	se->dl_throttled = false;
}

/*
 * Charges the reservation, unless curr ran as a background task (the time
 * was nobody's).  Newly throttled, it goes behind the waiting background
 * tasks at the next tick.
 */
static __noinline void dl_charge(struct rq *rq, struct task *curr, u64 delta_ns)
{
	struct sched_entity *se = &curr->se;
	bool ahead;

	if (curr->state == TASK_DEAD) {
		dl_clear(se);
		return;
	}
	if (!se->dl_throttled) {
		se->dl_runtime_left -= (s64)delta_ns;
		if (se->dl_runtime_left <= 0)
			dl_postpone(se);
	}
	ahead = dl_ahead(rq, se);
	if (ahead && !se->dl_throttled)
		se->slice_left = 0;
	se->dl_throttled = ahead;
}

/* Background tasks only count their slice: dl_charge is out of line, for them. */
static void dl_update_curr(struct rq *rq, struct task *curr, u64 delta_ns)
{
	slice_charge(curr, delta_ns);
	if (curr->se.dl_runtime)
		dl_charge(rq, curr, delta_ns);
}

static bool dl_tick(struct rq *rq, struct task *curr)
{
	struct task *first;

	dl_unthrottle(rq);
	first = dl_first(&rq->dl_tree);
	if (dl_ready(curr))
		return first && first->se.dl_abs_deadline < curr->se.dl_abs_deadline;
	if (first)
		return true;
	if (!slice_spent(curr))
		return false;
	if (!rq->nr_queued) {
		curr->se.slice_left = BG_SLICE_NS;	/* nobody waits: see rr.c */
		return false;
	}
	return true;
}

static bool dl_wakeup_preempt(struct rq *rq, struct task *curr, struct task *woken)
{
	if (!dl_ready(woken))
		return false;
	return !dl_ready(curr) || woken->se.dl_abs_deadline < curr->se.dl_abs_deadline;
}

/* nice and prio mean nothing here. */
static void dl_prio_changed(struct rq *rq, struct task *t)
{
}

/* runtime / period in units of 2^-20, rounded up: admission errs on the safe side. */
static u32 dl_bw_of(u64 runtime_ns, u64 period_ns)
{
	return (u32)(((runtime_ns << DL_BW_SHIFT) + period_ns - 1) / period_ns);
}

static int dl_check(const struct sched_entity *se, u64 runtime_ns, u64 deadline_ns,
		    u64 period_ns)
{
	if (runtime_ns > deadline_ns || deadline_ns > period_ns ||
	    period_ns > SCHED_DL_PERIOD_MAX_NS)
		return -EINVAL;
	return 0;
}

/* Swaps old_bw for new_bw in the admitted total if the limit allows. */
static bool dl_admit(u32 old_bw, u32 new_bw)
{
	u32 total = __atomic_load_n(&dl_total_bw, __ATOMIC_RELAXED);

	do {
		if (total - old_bw + new_bw > DL_BW_LIMIT)
			return false;
	} while (!__atomic_compare_exchange_n(&dl_total_bw, &total, total - old_bw + new_bw,
					      false, __ATOMIC_RELAXED, __ATOMIC_RELAXED));
	return true;
}

/* A new reservation starts with a new job, now. */
static int dl_set_deadline(struct rq *rq, struct task *t, u64 runtime_ns, u64 deadline_ns,
			   u64 period_ns)
{
	struct sched_entity *se = &t->se;
	bool queued = se->on_rq;
	int err;

	if (t == rq->idle)
		return -EINVAL;
	if (!runtime_ns && !se->dl_runtime)
		return 0;	/* background already: keep its turn */
	err = runtime_ns ? dl_check(se, runtime_ns, deadline_ns, period_ns) : 0;
	if (err)
		return err;
	if (runtime_ns && !dl_admit(se->dl_bw, dl_bw_of(runtime_ns, period_ns)))
		return -EBUSY;
	dl_dequeue(rq, t);
	if (!runtime_ns) {
		dl_clear(se);
	} else {
		se->dl_runtime = runtime_ns;
		se->dl_deadline = deadline_ns;
		se->dl_period = period_ns;
		se->dl_bw = dl_bw_of(runtime_ns, period_ns);	/* admitted above */
		se->dl_throttled = false;
		dl_new_job(rq, se);
	}
	if (queued)
		dl_enqueue(rq, t, 0);
	return 0;
}

/* For the load balancer: deadline order, then the background queue. */
static struct task *dl_next_queued(struct rq *rq, struct task *t)
{
	struct rb_node *n;

	if (t && !dl_ready(t))
		return queue_next(&rq->queue, t);
	n = t ? rb_next(&t->se.rb_node) : rb_first_cached(&rq->dl_tree);
	return n ? task_of(n) : queue_next(&rq->queue, NULL);
}

const struct sched_class sched_policy = {
	.name		= "deadline",
	.init_rq	= dl_init_rq,
	.init_task	= dl_init_task,
	.enqueue	= dl_enqueue,
	.dequeue	= dl_dequeue,
	.pick_next	= dl_pick_next,
	.put_prev_pick_next = dl_put_prev_pick_next,
	.update_curr	= dl_update_curr,
	.tick		= dl_tick,
	.wakeup_preempt	= dl_wakeup_preempt,
	.prio_changed	= dl_prio_changed,
	.set_deadline	= dl_set_deadline,
	.next_queued	= dl_next_queued,
};
