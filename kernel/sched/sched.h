/* SPDX-License-Identifier: MIT */
/*
 * Inside the scheduler: what kernel/sched/core.c and kernel/kthread.c
 * (task lifetime) share.  The policies see only policy.h.  Locking is
 * described at the top of core.c.
 */
#ifndef KERNEL_SCHED_SCHED_H
#define KERNEL_SCHED_SCHED_H

#include <tern/sched.h>
#include <tern/smp.h>
#include <tern/spinlock.h>

#include "policy.h"

extern struct rq runqueues[NR_CPUS];

static inline struct rq *cpu_rq(unsigned int cpu)
{
	return &runqueues[cpu];
}

/* Interrupts off (or the caller pinned): this CPU's run queue. */
static inline struct rq *this_rq(void)
{
	return IS_ENABLED(CONFIG_SMP) ? current->rq : cpu_rq(0);
}

/* t->rq follows t->cpu, so that this_rq() is one load from tp. */
static inline void set_task_cpu(struct task *t, unsigned int cpu)
{
	t->cpu = cpu;
	t->rq = cpu_rq(cpu);
}

/* Idle tasks never move, and are their run queue's idle. */
static inline bool is_idle_task(const struct task *t)
{
	return t == cpu_rq(t->cpu)->idle;
}

static inline void rq_lock(struct rq *rq)
{
	if (IS_ENABLED(CONFIG_SMP))
		spin_lock(&rq->lock);
}

/*
 * Reschedule IPIs wait until no run queue lock is held: an SBI call that
 * the firmware makes wait on the target hart, while that hart spins for
 * the lock the caller holds, would never end.  Each CPU notes whom it
 * owes one in its own run queue's ipis_owed (interrupts are off, so only
 * it touches that field) and sends them on unlocking any run queue.
 */
void send_owed_ipis(struct rq *this);

/* Unlocks rq, and sends the IPIs that this CPU (whose queue is this) owes. */
static inline void rq_unlock_owed(struct rq *rq, struct rq *this)
{
	if (IS_ENABLED(CONFIG_SMP)) {
		spin_unlock(&rq->lock);
		if (unlikely(this->ipis_owed))
			send_owed_ipis(this);
	}
}

static inline void rq_unlock(struct rq *rq)
{
	rq_unlock_owed(rq, this_rq());
}

/* core.c */
/* Picks the next task and switches to it; interrupts off. */
void __schedule(unsigned int enqueue_flags);
/* The second half of a switch, for a task's first run (kthread.c). */
void schedule_tail(struct task *prev);

/* kthread.c: tasks, and the list of them all */
/* A new task that will run fn(arg): not on any list, on no CPU yet. */
struct task *task_alloc(int (*fn)(void *), void *arg, const char *name);
/* Gives t a pid and puts it on the list of all tasks. */
void add_task(struct task *t);
/* Frees an exited task, off every list, that runs nowhere. */
void free_task(struct task *t);

#endif
