// SPDX-License-Identifier: MIT
/*
 * The scheduler core: tasks, the run queues, context switches, sleeping
 * and waking, and moving tasks between CPUs.  Which task runs next is the
 * policy's business (policy.h); the core accounts runtime, keeps the
 * running task out of the policy's queue, and decides when to ask.
 *
 * Locking.  Each CPU has a run queue with a lock (compiled away without
 * SMP), always taken with interrupts off.  __schedule takes its CPU's lock
 * and the task it switches to releases it (finish_switch), so the lock is
 * held across the switch: whoever takes a run queue's lock sees every
 * task on it either running (rq->curr) or wholly switched out.
 * task_rq_lock finds and locks the queue of a task, which cannot move
 * while it is held.  Two run queue locks are never waited for at once
 * (the SMP half, smp.c, says how).
 *
 * With SMP, choosing a CPU for a waking task, moving tasks and load
 * balancing are in smp.c; creating and ending tasks in kernel/kthread.c.
 */
#include <asm/mmu_context.h>
#include <asm/processor.h>
#include <tern/errno.h>
#include <tern/irqflags.h>
#include <tern/kernel.h>
#include <tern/printf.h>
#include <tern/sched.h>
#include <tern/smp.h>
#include <tern/spinlock.h>
#include <tern/string.h>
#include <tern/timer.h>

#include "sched.h"

_Static_assert(__builtin_offsetof(struct task, ctx) == 0,
	       "__switch_to takes a task for its context");

struct rq runqueues[NR_CPUS];
struct task init_task;			/* start_kernel, turned into a task; tp from head.S */

/* Turns interrupts off and locks t's run queue; t stays on it until unlocked. */
static struct rq *task_rq_lock(const struct task *t, unsigned long *flags)
{
	*flags = local_irq_save();
	for (;;) {
		struct rq *rq = cpu_rq(READ_ONCE(t->cpu));

		rq_lock(rq);
		if (rq->cpu == READ_ONCE(t->cpu))
			return rq;
		rq_unlock(rq);
	}
}

static void task_rq_unlock(struct rq *rq, unsigned long flags)
{
	rq_unlock(rq);
	local_irq_restore(flags);
}

const char *sched_policy_name(void)
{
	return sched_policy.name;
}

u64 task_runtime_ns(const struct task *t)
{
	unsigned long flags;
	struct rq *rq = task_rq_lock(t, &flags);	/* rv32 reads it in halves */
	u64 ns = t->se.sum_runtime;

	task_rq_unlock(rq, flags);
	return ns;
}

unsigned long sched_nr_switches(unsigned int cpu)
{
	return cpu < NR_CPUS ? READ_ONCE(cpu_rq(cpu)->nr_switches) : 0;
}

/* Charge curr for the time since it last was; rq locked.  Is curr the idle task? */
static __always_inline bool update_curr(struct rq *rq)
{
	struct task *curr = rq->curr;
	bool idle = curr == rq->idle;
	u64 delta;

	rq->clock = ktime_ns();
	delta = rq->clock - rq->curr_start;
	rq->curr_start = rq->clock;	/* and when next starts, on a switch */
	curr->se.sum_runtime += delta;
	if (!idle)
		sched_policy.update_curr(rq, curr, delta);
	return idle;
}

/* Asks rq's CPU to call schedule() soon; rq locked. */
static void resched(struct rq *rq)
{
	rq->need_resched = true;
	if (IS_ENABLED(CONFIG_SMP) && rq->cpu != smp_processor_id())
		this_rq()->ipis_owed |= cpumask_of(rq->cpu);
}

void activate(struct rq *rq, struct task *t, unsigned int flags)
{
	rq->clock = ktime_ns();
	sched_policy.enqueue(rq, t, flags);
	if (rq->curr == rq->idle || sched_policy.wakeup_preempt(rq, rq->curr, t))
		resched(rq);
}

/* finish_switch for a prev that exited, or must leave this CPU. */
static void __cold finish_switch_slow(struct rq *rq, struct task *prev)
{
	if (prev->state == TASK_DEAD) {
		rq_unlock(rq);
		free_task(prev);
	} else if (IS_ENABLED(CONFIG_SMP)) {	/* without SMP, finish_switch never gets here */
		move_switched_out(rq, prev);
	}
}

/*
 * The second half of a switch, on the new task's stack: __schedule left
 * this CPU's run queue locked.  prev is the task switched away from.
 * Usually it is queued, asleep or the idle task, and the lock is all
 * there is to drop.  One that exited is freed now that nothing runs on
 * its stack; a runnable one left unqueued may not stay here (its
 * affinity changed while it ran) and goes elsewhere.
 */
static inline void finish_switch(struct task *prev)
{
	struct rq *rq = this_rq();

	if (likely(prev->se.on_rq || prev->state == TASK_SLEEPING || prev == rq->idle ||
		   (!IS_ENABLED(CONFIG_SMP) && prev->state == TASK_RUNNING)))
		rq_unlock_owed(rq, rq);
	else
		finish_switch_slow(rq, prev);
}

/*
 * Does prev keep its claim on a CPU?  Yes if it is runnable, and also if
 * it is preempted or yields after marking itself sleeping but before it
 * called schedule(): it has not checked its wait condition yet, and the
 * wake-up it waits for may already have come.  Such a task is queued
 * still marked sleeping; wake_up_process sees se.on_rq and only marks it
 * running.  (A task woken between marking itself sleeping and here is
 * simply running again.)
 */
static bool stays_runnable(struct task *prev, bool idle, unsigned int enqueue_flags)
{
	if (idle || prev->se.on_rq || prev->state == TASK_DEAD)
		return false;
	return prev->state == TASK_RUNNING ||
	       (enqueue_flags & (ENQUEUE_PREEMPT | ENQUEUE_YIELD));
}

/* rq (locked) has nothing queued: another CPU's task, else the idle task. */
static struct task *__cold pick_when_empty(struct rq *rq)
{
	struct task *next = IS_ENABLED(CONFIG_SMP) ? pull_task(rq) : NULL;

	return next ? next : rq->idle;
}

/*
 * Picks the next task and switches to it; interrupts are off.  The rare
 * cases (an empty queue, a task leaving this CPU, one that exited) are
 * out of line, so that a switch between two queued tasks stays short.
 * schedule() and yield() have it inline; the rest call __schedule.
 */
static __always_inline void schedule_inline(unsigned int enqueue_flags)
{
	struct rq *rq = this_rq();
	struct task *prev, *next;
	bool prev_idle;

	rq_lock(rq);
	prev = rq->curr;
	prev_idle = update_curr(rq);
	if (!stays_runnable(prev, prev_idle, enqueue_flags)) {
		next = sched_policy.pick_next(rq);
	} else if (likely((prev->cpus_allowed >> rq->cpu) & 1)) {	/* rq->cpu < NR_CPUS */
		next = sched_policy.put_prev_pick_next(rq, prev, enqueue_flags);
	} else {
		prev->state = TASK_RUNNING;	/* finish_switch moves it */
		next = sched_policy.pick_next(rq);
	}
	if (unlikely(!next))
		next = pick_when_empty(rq);
	rq->need_resched = false;
	if (next == prev) {
		rq_unlock(rq);
		return;
	}
	rq->curr = next;
	rq->nr_switches++;
	next->se.prev_sum_runtime = next->se.sum_runtime;
	if (IS_ENABLED(CONFIG_MMU) && unlikely(prev->mm != next->mm))
		switch_mm(prev->mm, next->mm);
	if (IS_ENABLED(CONFIG_PROCESSES) && (prev->is_process || next->is_process))
		arch_switch_user_state(prev, next);
	prev = __switch_to(prev, next);
	finish_switch(prev);
}

void __noinline __schedule(unsigned int enqueue_flags)
{
	schedule_inline(enqueue_flags);
}

void schedule_tail(struct task *prev)
{
	finish_switch(prev);
}

void schedule(void)
{
	unsigned long flags = local_irq_save();

	schedule_inline(0);
	local_irq_restore(flags);
}

void yield(void)
{
	unsigned long flags = local_irq_save();

	schedule_inline(ENQUEUE_YIELD);
	local_irq_restore(flags);
}

void kick_process(struct task *t)
{
	unsigned long flags;
	struct rq *rq;
	unsigned int cpu;
	bool remote;

	if (!IS_ENABLED(CONFIG_SMP))
		return;
	rq = task_rq_lock(t, &flags);
	cpu = rq->cpu;
	remote = rq->curr == t && cpu != smp_processor_id();
	task_rq_unlock(rq, flags);
	if (remote)
		arch_send_ipi(cpumask_of(cpu));
}

_Static_assert(offsetof(struct rq, need_resched) == 0, "need_resched() reads the first byte");

void cond_resched(void)
{
	if (READ_ONCE(this_rq()->need_resched) && !current->preempt_count) {
		unsigned long flags = local_irq_save();

		__schedule(ENQUEUE_PREEMPT);
		local_irq_restore(flags);
	}
}

void preempt_disable(void)
{
	current->preempt_count++;
	barrier();
}

void preempt_enable(void)
{
	barrier();
	current->preempt_count--;
	if (IS_ENABLED(CONFIG_PREEMPT) && !irqs_disabled())
		cond_resched();
}

void preempt_on_irq_exit(void)
{
	if (IS_ENABLED(CONFIG_PREEMPT) && this_rq()->need_resched && !current->preempt_count)
		__schedule(ENQUEUE_PREEMPT);
}

void scheduler_tick(void)
{
	struct rq *rq = this_rq();

	rq_lock(rq);
	update_curr(rq);
	if (rq->curr == rq->idle ? rq->nr_queued != 0 : sched_policy.tick(rq, rq->curr))
		rq->need_resched = true;
	if (IS_ENABLED(CONFIG_SMP) && rq->nr_queued)
		kick_idle_cpu(rq);
	rq_unlock(rq);
}

bool wake_up_process(struct task *t)
{
	unsigned long flags;
	struct rq *rq = task_rq_lock(t, &flags);
	unsigned int enqueue_flags, cpu;

	if (t->state != TASK_SLEEPING) {
		task_rq_unlock(rq, flags);
		return false;
	}
	t->state = TASK_RUNNING;
	/* curr about to sleep keeps running; one preempted so is queued already. */
	if (t == rq->curr || t->se.on_rq) {
		task_rq_unlock(rq, flags);
		return true;
	}
	/* A task that never ran is new, not a sleeper owed credit. */
	enqueue_flags = t->se.has_run ? ENQUEUE_WAKEUP : ENQUEUE_NEW;
	cpu = select_task_cpu(t);
	if (!IS_ENABLED(CONFIG_SMP) || cpu == rq->cpu) {
		activate(rq, t, enqueue_flags);
		rq_unlock(rq);
	} else {
		migrate_out(rq, t, cpu);
		rq_unlock(rq);
		enqueue_in_transit(t, enqueue_flags | ENQUEUE_MIGRATED);
	}
	local_irq_restore(flags);
	/* Preempt on wake-up now, unless an interrupt handler will on its way out. */
	if (IS_ENABLED(CONFIG_PREEMPT) && !irqs_disabled())
		cond_resched();
	return true;
}

struct sleeper {
	struct ktimer timer;
	struct task *task;
};

static void msleep_timeout(struct ktimer *timer)
{
	wake_up_process(container_of(timer, struct sleeper, timer)->task);
}

void msleep(unsigned int ms)
{
	sleep_until_ns(ktime_ns() + ms * NSEC_PER_MSEC);
}

void sleep_until_ns(u64 deadline)
{
	struct sleeper s = { .task = current };

	/* Loop: a wake-up from elsewhere is not the end of the sleep. */
	while (ktime_ns() < deadline) {
		unsigned long flags = local_irq_save();

		current->state = TASK_SLEEPING;
		ktimer_start(&s.timer, deadline, msleep_timeout);
		schedule();
		local_irq_restore(flags);
	}
	ktimer_cancel(&s.timer);	/* waits if its callback is running elsewhere */
}

int sleep_until_ns_interruptible(u64 deadline)
{
	struct sleeper s = { .task = current };
	int ret = 0;

	while (ktime_ns() < deadline) {
		unsigned long flags = local_irq_save();

		current->state = TASK_SLEEPING;
		if (READ_ONCE(current->sigpending)) {	/* after the state: no lost wake-up */
			current->state = TASK_RUNNING;
			local_irq_restore(flags);
			ret = -EINTR;
			break;
		}
		ktimer_start(&s.timer, deadline, msleep_timeout);
		schedule();
		local_irq_restore(flags);
	}
	ktimer_cancel(&s.timer);
	return ret;
}

static void change_policy_param(struct task *t, int *field, int value)
{
	unsigned long flags;
	struct rq *rq = task_rq_lock(t, &flags);

	*field = value;
	sched_policy.prio_changed(rq, t);
	if (t == rq->curr || (rq->curr != rq->idle &&
			     sched_policy.wakeup_preempt(rq, rq->curr, t)))
		resched(rq);
	task_rq_unlock(rq, flags);
}

int set_user_nice(struct task *t, int nice)
{
	if (nice < NICE_MIN || nice > NICE_MAX)
		return -EINVAL;
	change_policy_param(t, &t->se.nice, nice);
	return 0;
}

int sched_set_prio(struct task *t, int prio)
{
	if (prio < 0 || prio >= SCHED_PRIO_LEVELS)
		return -EINVAL;
	change_policy_param(t, &t->se.prio, prio);
	return 0;
}

/*
 * As change_policy_param, but the policy checks and may refuse.  curr is
 * charged first, under its old reservation.
 */
int sched_set_deadline(struct task *t, u64 runtime_ns, u64 deadline_ns, u64 period_ns)
{
	unsigned long flags;
	struct rq *rq;
	int err;

	if (!sched_policy.set_deadline)
		return -EOPNOTSUPP;
	rq = task_rq_lock(t, &flags);
	update_curr(rq);
	err = sched_policy.set_deadline(rq, t, runtime_ns, deadline_ns, period_ns);
	if (!err && (t == rq->curr || (t->se.on_rq && rq->curr != rq->idle &&
				      sched_policy.wakeup_preempt(rq, rq->curr, t))))
		resched(rq);
	task_rq_unlock(rq, flags);
	return err;
}

int sched_setaffinity(struct task *t, unsigned long mask)
{
	unsigned long flags;
	struct rq *rq;
	bool leave_now;

	mask &= CPU_MASK_ALL;
	if (!(mask & READ_ONCE(cpu_online_mask)))
		return -EINVAL;
	rq = task_rq_lock(t, &flags);
	t->cpus_allowed = mask;
	leave_now = !cpumask_test(mask, rq->cpu);
	if (IS_ENABLED(CONFIG_SMP) && leave_now && t->se.on_rq) {
		move_queued_task(rq, t);
		local_irq_restore(flags);
		return 0;
	}
	/* Running: it moves at its next switch (finish_switch); sleeping: on wake-up. */
	if (leave_now && t == rq->curr)
		resched(rq);
	task_rq_unlock(rq, flags);
	if (leave_now && t == current)
		schedule();
	return 0;
}

unsigned long sched_getaffinity(const struct task *t)
{
	return READ_ONCE(t->cpus_allowed);
}

/* The idle task: wait for an interrupt until one brings work. */
static int __noreturn idle_loop(void *unused)
{
	struct rq *rq = this_rq();	/* idle tasks never move */

	for (;;) {
		local_irq_disable();
		if (!READ_ONCE(rq->nr_queued) && !READ_ONCE(rq->need_resched)) {
			tick_idle_enter();
			arch_wait_for_interrupt();
			tick_idle_exit();
		}
		local_irq_enable();	/* take it */
		schedule();
	}
}

static int idle_fn(void *unused)
{
	idle_loop(unused);
}

/* The idle task of cpu, current on its run queue from the start. */
static struct task *create_idle(unsigned int cpu)
{
	struct rq *rq = cpu_rq(cpu);
	struct task *t = task_alloc(idle_fn, NULL, "idle");

	if (!t)
		return NULL;
	set_task_cpu(t, cpu);
	t->cpus_allowed = cpumask_of(cpu);
	t->state = TASK_RUNNING;	/* never queued: picked when nothing else is */
	t->se.has_run = true;
	rq->idle = t;
	return t;
}

struct task *sched_prepare_secondary(unsigned int cpu)
{
	struct task *idle = create_idle(cpu);

	if (idle) {
		cpu_rq(cpu)->curr = idle;
		add_task(idle);
	}
	return idle;
}

/* A secondary hart, on its idle task, interrupts off. */
void sched_start_secondary(void)
{
	this_rq()->curr_start = ktime_ns();
	tick_init();
	local_irq_enable();
	idle_loop(NULL);
}

void sched_init(void)
{
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct rq *rq = cpu_rq(cpu);

		spin_lock_init(&rq->lock);
		rq->cpu = cpu;
		sched_policy.init_rq(rq);
	}
	set_task_cpu(&init_task, 0);
	strlcpy(init_task.name, "boot", sizeof(init_task.name));
	INIT_LIST_HEAD(&init_task.children);
	init_task.usage = 1;
	init_task.state = TASK_RUNNING;
	init_task.se.has_run = true;
	/*
	 * The boot task runs the ktests and benchmarks, which pin their
	 * threads to its CPU: it must not wander off.
	 */
	init_task.cpus_allowed = cpumask_of(0);
	INIT_LIST_HEAD(&init_task.se.run_list);
	sched_policy.init_task(&init_task);
	add_task(&init_task);
	cpu_rq(0)->curr = &init_task;
	cpu_rq(0)->curr_start = ktime_ns();

	if (!create_idle(0))
		panic("sched_init: no memory for the idle task");
	add_task(cpu_rq(0)->idle);
	pr_info("sched: policy %s, %s\n", sched_policy.name,
		IS_ENABLED(CONFIG_PREEMPT) ? "preemptive" : "voluntary preemption");
}

u64 sched_cpu_idle_ns(unsigned int cpu)
{
	struct rq *rq;

	if (cpu >= NR_CPUS || !cpu_online(cpu))
		return 0;
	rq = cpu_rq(cpu);
	return rq->idle ? task_runtime_ns(rq->idle) : 0;
}

unsigned int sched_nr_running(void)
{
	unsigned int cpu, n = 0;

	for_each_online_cpu(cpu) {
		struct rq *rq = cpu_rq(cpu);

		n += READ_ONCE(rq->nr_queued) + (READ_ONCE(rq->curr) != rq->idle);
	}
	return n;
}
