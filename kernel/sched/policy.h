/* SPDX-License-Identifier: MIT */
/*
 * The scheduling-policy interface.  Exactly one policy is linked (Kconfig
 * "Scheduler"); each defines `const struct sched_class sched_policy`:
 *   kernel/sched/coop.c   cooperative FIFO
 *   kernel/sched/rr.c     round-robin with a time slice
 *   kernel/sched/prio.c   fixed priorities, O(1) pick from a bitmap
 *   kernel/sched/fair.c   CFS-like virtual runtime in a red-black tree
 *   kernel/sched/deadline.c  earliest deadline first, with admission control
 *
 * The running task is NOT in the queue: pick_next removes the task it
 * returns, and the core enqueues the previous task again if it is still
 * runnable.  The idle task is never queued.  Every operation is called
 * with the run queue locked (rq->lock, interrupts off) and must not
 * sleep; a policy sees one run queue at a time and never locks.  The
 * policy files use only this header, so the host tests compile them with
 * a simulated clock (tests/test_sched_*.c).
 */
#ifndef KERNEL_SCHED_POLICY_H
#define KERNEL_SCHED_POLICY_H

#include <tern/list.h>
#include <tern/rbtree.h>
#include <tern/sched.h>
#include <tern/spinlock.h>

/* One run queue per hart; the policy fields form a superset, each policy uses its own. */
struct rq {
	bool need_resched;		/* first: need_resched() (<tern/sched.h>) reads it */
	spinlock_t lock;		/* with SMP; held across a switch (core.c) */
	unsigned int cpu;
	struct task *curr, *idle;
	unsigned int nr_queued;		/* tasks in the policy's queue */
	u64 clock;			/* ns, updated by the core before each call */
	u64 curr_start;			/* core: clock when curr's runtime was last charged */
	unsigned long nr_switches;
	unsigned long ipis_owed;	/* CPUs this CPU owes a reschedule IPI (core.c) */
	/* cooperative, round-robin */
	struct list_head queue;
	/* priority */
	struct list_head prio_queue[SCHED_PRIO_LEVELS];
	u32 prio_bitmap;		/* bit p set: prio_queue[p] not empty */
	/* fair */
	struct rb_root_cached tree;
	u64 min_vruntime;
	/* deadline (its background tasks use queue) */
	struct rb_root_cached dl_tree;	/* ready, by se.dl_abs_deadline */
	struct rb_root_cached dl_throttled;	/* ahead of their reservation, by when
						   their period begins; also in queue */
};

#define ENQUEUE_WAKEUP	0x1	/* the task was sleeping */
#define ENQUEUE_NEW	0x2	/* the task is new */
#define ENQUEUE_YIELD	0x4	/* curr yielded */
#define ENQUEUE_PREEMPT	0x8	/* curr was preempted */
#define ENQUEUE_MIGRATED 0x10	/* from another run queue, after migrate_out */

struct sched_class {
	const char *name;
	void (*init_rq)(struct rq *rq);
	void (*init_task)(struct task *t);	/* policy defaults for a new task */
	void (*enqueue)(struct rq *rq, struct task *t, unsigned int flags);
	void (*dequeue)(struct rq *rq, struct task *t);
	/* Removes and returns the next task, or NULL if the queue is empty. */
	struct task *(*pick_next)(struct rq *rq);
	/*
	 * A switch away from prev, which stays runnable: the same as
	 * enqueue(rq, prev, flags) then pick_next(rq), in one call, so a
	 * policy may do it in fewer steps (fair.c).  Never NULL: prev may
	 * be the answer.
	 */
	struct task *(*put_prev_pick_next)(struct rq *rq, struct task *prev, unsigned int flags);
	/*
	 * curr ran delta_ns more: update its policy state (vruntime, slice).
	 * A task that exits gets one last call, with state TASK_DEAD, at
	 * its final switch: what it holds can be given back there.
	 */
	void (*update_curr)(struct rq *rq, struct task *curr, u64 delta_ns);
	/* Tick: should curr give way now?  (After update_curr.) */
	bool (*tick)(struct rq *rq, struct task *curr);
	/* A task woke: should it preempt curr? */
	bool (*wakeup_preempt)(struct rq *rq, struct task *curr, struct task *woken);
	/* nice or prio of t changed (t may be queued, or curr). */
	void (*prio_changed)(struct rq *rq, struct task *t);
	/*
	 * SMP load balancing.  next_queued walks the queue: the first task
	 * for NULL, then the one after t; NULL at the end.  migrate_out
	 * makes a task that leaves rq (already dequeued, or sleeping)
	 * independent of it, before enqueue(..., ENQUEUE_MIGRATED) on
	 * another run queue; NULL if nothing in a task is relative to its
	 * queue.
	 */
	struct task *(*next_queued)(struct rq *rq, struct task *t);
	void (*migrate_out)(struct rq *rq, struct task *t);
	/*
	 * Optional: NULL for a policy without deadlines.  Checks, admits
	 * and applies t's reservation as sched_set_deadline() describes
	 * (t may be queued, curr or sleeping); returns 0, -EINVAL or -EBUSY,
	 * and leaves t as it was on an error.
	 */
	int (*set_deadline)(struct rq *rq, struct task *t, u64 runtime_ns, u64 deadline_ns,
			    u64 period_ns);
};

extern const struct sched_class sched_policy;

/*
 * Spends delta_ns of a slice, down to 0.  Slices are at most a second
 * (the Kconfig ranges of SCHED_RR_SLICE_MS and SCHED_MIN_GRANULARITY_MS),
 * so a word holds them: on rv32 that halves the work of every switch.
 */
#define SLICE_MAX_NS	1000000000u

static inline void slice_charge(struct task *t, u64 delta_ns)
{
	unsigned long left = t->se.slice_left;

	t->se.slice_left = delta_ns >= left ? 0 : left - (unsigned long)delta_ns;
}

/* next_queued for a FIFO queue of tasks linked through se.run_list. */
static inline struct task *queue_next(struct list_head *queue, struct task *t)
{
	struct list_head *next = t ? t->se.run_list.next : queue->next;

	return next == queue ? NULL : list_entry(next, struct task, se.run_list);
}

/* Linux's nice-to-weight table: nice 0 is 1024, each step about 1.25x. */
extern const u32 sched_nice_to_weight[40];

#endif
