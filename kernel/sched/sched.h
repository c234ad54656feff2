/* SPDX-License-Identifier: MIT */
/*
 * Inside the scheduler: what kernel/sched/core.c, kernel/sched/smp.c (the
 * SMP half, built only with SMP) and kernel/kthread.c (task lifetime)
 * share.  The policies see only policy.h.  Locking is described at the
 * top of core.c.
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
/* Queues a runnable t on rq (locked) and preempts curr if t deserves it. */
void activate(struct rq *rq, struct task *t, unsigned int flags);
/* Picks the next task and switches to it; interrupts off. */
void __schedule(unsigned int enqueue_flags);
/* The second half of a switch, for a task's first run (kthread.c). */
void schedule_tail(struct task *prev);

/* kthread.c: tasks, and the list of them all */
/* A new task that will run fn(arg): not on any list, on no CPU yet. */
struct task *task_alloc(int (*fn)(void *), void *arg, const char *name);
/* Gives t a pid and puts it on the list of all tasks. */
void add_task(struct task *t);
/* The same with pid INIT_PID, which add_task never gives: the first process's (once). */
void add_task_init(struct task *t);
/* Frees an exited task, off every list, that runs nowhere. */
void free_task(struct task *t);
/* The end of every task: off the task list, dead, switched away from for good. */
void task_exit_final(int code) __attribute__((__noreturn__));

/*
 * smp.c, built with SMP only: callers make sure, with IS_ENABLED(CONFIG_SMP),
 * that a uniprocessor kernel never calls them.
 */
/* Where a waking t should go: an idle CPU it may use, else where it was. */
unsigned int select_cpu(const struct task *t);
/* Takes t, dequeued from rq (locked), off rq and sends it to cpu. */
void migrate_out(struct rq *rq, struct task *t, unsigned int cpu);
/* Queues t, runnable but on no queue, on the run queue of t->cpu; no lock held. */
void enqueue_in_transit(struct task *t, unsigned int flags);
/* rq (locked) has nothing queued: a task pulled from another CPU, picked; or NULL. */
struct task *pull_task(struct rq *rq);
/* rq (locked) has tasks waiting: note an IPI for an idle CPU that may run one. */
void kick_idle_cpu(struct rq *rq);
/* t, queued on rq (locked), may no longer run there: moves it; unlocks rq. */
void move_queued_task(struct rq *rq, struct task *t);
/* prev, runnable, just switched out of rq (locked) and not allowed there: moves it; unlocks rq. */
void move_switched_out(struct rq *rq, struct task *prev);

/* Where a waking t should go: where it was, unless it may go elsewhere. */
static inline unsigned int select_task_cpu(const struct task *t)
{
	if (!IS_ENABLED(CONFIG_SMP) || t->cpus_allowed == cpumask_of(t->cpu))
		return t->cpu;
	return select_cpu(t);
}

#endif
