// SPDX-License-Identifier: MIT
/*
 * The scheduler's SMP half, built only with the SMP option: choosing a
 * CPU for a waking task, moving tasks between run queues, load
 * balancing, and the reschedule IPIs a CPU owes.  Locking is described
 * at the top of core.c.
 *
 * Load balancing: a CPU whose queue is empty pulls a queued task that may
 * run on it from another CPU (pull_task); a CPU with queued tasks kicks an
 * idle one with a reschedule IPI on its tick, so harts that sleep without
 * a tick (NO_HZ_IDLE) still come and pull.  A waking task goes to an idle
 * CPU it may run on, if there is one, else back where it ran.
 *
 * A task that changes CPU is "in transit" in between: runnable, on no
 * queue and running nowhere, so nothing but enqueue_in_transit touches
 * it.  Two run queue locks are never waited for at once: pull_task only
 * try-locks a second one.
 */
#include <tern/sched.h>
#include <tern/smp.h>
#include <tern/spinlock.h>

#include "sched.h"

/* Up to this many queued tasks are looked at for whom an idle CPU could take. */
#define KICK_SCAN_MAX	4

void __cold send_owed_ipis(struct rq *this)
{
	while (this->ipis_owed) {
		unsigned int cpu = (unsigned int)__builtin_ctzl(this->ipis_owed);

		this->ipis_owed &= this->ipis_owed - 1;
		smp_send_reschedule(cpu);
	}
}

static inline bool task_may_run_on(const struct task *t, unsigned int cpu)
{
	return cpumask_test(t->cpus_allowed, cpu) && cpu_online(cpu);
}

/* A hint, read without the lock: nothing runs or waits there. */
static bool cpu_is_idle(unsigned int cpu)
{
	struct rq *rq = cpu_rq(cpu);

	return READ_ONCE(rq->curr) == rq->idle && !READ_ONCE(rq->nr_queued);
}

unsigned int select_cpu(const struct task *t)
{
	unsigned int prev = t->cpu, cpu;

	if (t->cpus_allowed == cpumask_of(prev))
		return prev;
	if (task_may_run_on(t, prev) && cpu_is_idle(prev))
		return prev;
	for_each_online_cpu(cpu)
		if (cpumask_test(t->cpus_allowed, cpu) && cpu_is_idle(cpu))
			return cpu;
	if (task_may_run_on(t, prev))
		return prev;
	for_each_online_cpu(cpu)
		if (cpumask_test(t->cpus_allowed, cpu))
			return cpu;
	return 0;	/* sched_setaffinity keeps an online CPU in every mask */
}

/*
 * t is in transit, with t->cpu already naming its new CPU.  Its affinity
 * may have changed meanwhile, hence the loop.
 */
void enqueue_in_transit(struct task *t, unsigned int flags)
{
	for (;;) {
		struct rq *rq = cpu_rq(t->cpu);

		rq_lock(rq);
		if (task_may_run_on(t, rq->cpu)) {
			activate(rq, t, flags);
			rq_unlock(rq);
			return;
		}
		set_task_cpu(t, select_cpu(t));
		rq_unlock(rq);
	}
}

void migrate_out(struct rq *rq, struct task *t, unsigned int cpu)
{
	if (sched_policy.migrate_out)
		sched_policy.migrate_out(rq, t);
	set_task_cpu(t, cpu);
}

void move_queued_task(struct rq *rq, struct task *t)
{
	sched_policy.dequeue(rq, t);
	migrate_out(rq, t, select_cpu(t));
	rq_unlock(rq);
	enqueue_in_transit(t, ENQUEUE_MIGRATED);
}

void move_switched_out(struct rq *rq, struct task *prev)
{
	migrate_out(rq, prev, select_cpu(prev));
	rq_unlock(rq);
	enqueue_in_transit(prev, ENQUEUE_MIGRATED);
}

/* Removes from src (locked) the first queued task that may run on cpu. */
static struct task *steal_task(struct rq *src, unsigned int cpu)
{
	struct task *t;

	for (t = sched_policy.next_queued(src, NULL); t; t = sched_policy.next_queued(src, t))
		if (cpumask_test(t->cpus_allowed, cpu))
			break;
	if (t) {
		sched_policy.dequeue(src, t);
		migrate_out(src, t, cpu);
	}
	return t;
}

/*
 * Other queues are only try-locked: one that is busy now is passed over,
 * and the next tick or schedule() tries again.
 */
struct task *pull_task(struct rq *rq)
{
	unsigned int i;

	for (i = 1; i < NR_CPUS; i++) {
		unsigned int cpu = (rq->cpu + i) % NR_CPUS;
		struct rq *src = cpu_rq(cpu);
		struct task *t;

		if (!cpu_online(cpu) || !READ_ONCE(src->nr_queued) || !spin_trylock(&src->lock))
			continue;
		t = steal_task(src, rq->cpu);
		spin_unlock(&src->lock);
		if (t) {
			sched_policy.enqueue(rq, t, ENQUEUE_MIGRATED);
			return sched_policy.pick_next(rq);
		}
	}
	return NULL;
}

void kick_idle_cpu(struct rq *rq)
{
	unsigned long wanted = 0;
	struct task *t = NULL;
	unsigned int n, cpu;

	for (n = 0; n < KICK_SCAN_MAX && (t = sched_policy.next_queued(rq, t)); n++)
		wanted |= t->cpus_allowed;
	for_each_online_cpu(cpu)
		if (cpu != rq->cpu && cpumask_test(wanted, cpu) && cpu_is_idle(cpu)) {
			rq->ipis_owed |= cpumask_of(cpu);	/* rq is ours; sent by rq_unlock */
			return;
		}
}
