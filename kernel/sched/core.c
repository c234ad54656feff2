// SPDX-License-Identifier: MIT
/*
 * The scheduler core: tasks, the run queue, context switches, sleeping and
 * waking.  Which task runs next is the policy's business (policy.h); the
 * core accounts runtime, keeps the running task out of the policy's queue,
 * and decides when to ask.
 *
 * One hart runs tasks so far: the run queue is protected by turning
 * interrupts off (local_irq_save), which also orders it against the tick.
 */
#include <tern/errno.h>
#include <tern/irq.h>
#include <tern/kernel.h>
#include <tern/printf.h>
#include <tern/sched.h>
#include <tern/slab.h>
#include <tern/string.h>
#include <tern/timer.h>

#include "policy.h"

#define THREAD_STACK_SIZE	(16 * 1024)

static struct rq rq;
static struct task boot_task;		/* start_kernel, turned into a task */
static LIST_HEAD(all_tasks);
static unsigned int next_pid;
static int preempt_count;
static struct task *dead_task;		/* freed by the next task that runs */
static unsigned int enqueue_flags;	/* why curr is being switched out */

struct task *current_task(void)
{
	return rq.curr;
}

const char *sched_policy_name(void)
{
	return sched_policy.name;
}

u64 task_runtime_ns(const struct task *t)
{
	unsigned long flags = local_irq_save();	/* the tick updates it; rv32 reads it in halves */
	u64 ns = t->se.sum_runtime;

	local_irq_restore(flags);
	return ns;
}

/* Charge curr for the time since it last was; rq locked. */
static void update_curr(void)
{
	struct task *curr = rq.curr;
	u64 delta;

	rq.clock = ktime_ns();
	delta = rq.clock - curr->se.exec_start;
	curr->se.exec_start = rq.clock;
	curr->se.sum_runtime += delta;
	if (curr != rq.idle)
		sched_policy.update_curr(&rq, curr, delta);
}

/* The previous task's memory, once we no longer run on its stack. */
static void reap_dead_task(void)
{
	struct task *t = dead_task;

	if (!t || t == rq.curr)
		return;
	dead_task = NULL;
	kfree(t->stack);
	kfree(t);
}

void schedule(void)
{
	unsigned long flags = local_irq_save();
	struct task *prev = rq.curr, *next;

	update_curr();
	/* A task woken between marking itself sleeping and here is still curr. */
	if (prev->state == TASK_RUNNING && prev != rq.idle && !prev->se.on_rq)
		sched_policy.enqueue(&rq, prev, enqueue_flags);
	enqueue_flags = 0;
	next = sched_policy.pick_next(&rq);
	if (!next)
		next = rq.idle;
	rq.need_resched = false;
	if (next != prev) {
		next->se.exec_start = rq.clock;
		rq.curr = next;
		__switch_to(&prev->ctx, &next->ctx);
		/* Back on prev's stack: whoever switched to us may have exited. */
		reap_dead_task();
	}
	local_irq_restore(flags);
}

void yield(void)
{
	unsigned long flags = local_irq_save();

	enqueue_flags = ENQUEUE_YIELD;
	schedule();
	local_irq_restore(flags);
}

void cond_resched(void)
{
	if (READ_ONCE(rq.need_resched) && !preempt_count) {
		unsigned long flags = local_irq_save();

		enqueue_flags = ENQUEUE_PREEMPT;
		schedule();
		local_irq_restore(flags);
	}
}

void preempt_disable(void)
{
	preempt_count++;
	barrier();
}

void preempt_enable(void)
{
	barrier();
	preempt_count--;
	if (IS_ENABLED(CONFIG_PREEMPT) && !irqs_disabled())
		cond_resched();
}

void preempt_on_irq_exit(void)
{
	if (IS_ENABLED(CONFIG_PREEMPT) && rq.need_resched && !preempt_count) {
		enqueue_flags = ENQUEUE_PREEMPT;
		schedule();
	}
}

void scheduler_tick(void)
{
	update_curr();
	if (rq.curr == rq.idle ? rq.nr_queued != 0 : sched_policy.tick(&rq, rq.curr))
		rq.need_resched = true;
}

bool wake_up_process(struct task *t)
{
	unsigned long flags = local_irq_save();
	bool woke = t->state == TASK_SLEEPING;

	if (woke) {
		t->state = TASK_RUNNING;
		/* curr about to sleep keeps running: it must not be queued. */
		if (t != rq.curr) {
			rq.clock = ktime_ns();
			/* A task that never ran is new, not a sleeper owed credit. */
			sched_policy.enqueue(&rq, t, t->se.exec_start ? ENQUEUE_WAKEUP : ENQUEUE_NEW);
			if (rq.curr == rq.idle || sched_policy.wakeup_preempt(&rq, rq.curr, t))
				rq.need_resched = true;
		}
	}
	local_irq_restore(flags);
	/* Preempt on wake-up now, unless an interrupt handler will on its way out. */
	if (woke && IS_ENABLED(CONFIG_PREEMPT) && !irqs_disabled())
		cond_resched();
	return woke;
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
	struct sleeper s = { .task = current };
	u64 deadline = ktime_ns() + ms * NSEC_PER_MSEC;

	/* Loop: a wake-up from elsewhere is not the end of the sleep. */
	while (ktime_ns() < deadline) {
		unsigned long flags = local_irq_save();

		current->state = TASK_SLEEPING;
		ktimer_start(&s.timer, deadline, msleep_timeout);
		schedule();
		local_irq_restore(flags);
	}
	ktimer_cancel(&s.timer);
}

/* Where a new task starts: schedule() switched here with interrupts off. */
static void __noreturn kthread_start(void)
{
	struct task *self = rq.curr;

	reap_dead_task();
	local_irq_enable();
	kthread_exit(self->fn(self->arg));
}

static struct task *task_alloc(int (*fn)(void *), void *arg, const char *name)
{
	struct task *t = kzalloc(sizeof(*t), GFP_KERNEL);

	if (!t)
		return NULL;
	t->stack = kmalloc(THREAD_STACK_SIZE, GFP_KERNEL);
	if (!t->stack) {
		kfree(t);
		return NULL;
	}
	t->fn = fn;
	t->arg = arg;
	strlcpy(t->name, name, sizeof(t->name));
	t->ctx.ra = (unsigned long)kthread_start;
	t->ctx.sp = (unsigned long)t->stack + THREAD_STACK_SIZE;	/* s0 = 0 ends backtraces */
	INIT_LIST_HEAD(&t->se.run_list);
	sched_policy.init_task(t);
	return t;
}

struct task *kthread_create(int (*fn)(void *arg), void *arg, const char *name)
{
	struct task *t = task_alloc(fn, arg, name);
	unsigned long flags;

	if (!t)
		return NULL;
	flags = local_irq_save();
	t->pid = ++next_pid;
	t->state = TASK_SLEEPING;
	list_add_tail(&t->tasks, &all_tasks);
	local_irq_restore(flags);
	return t;
}

struct task *kthread_run(int (*fn)(void *arg), void *arg, const char *name)
{
	struct task *t = kthread_create(fn, arg, name);

	if (t)
		wake_up_process(t);
	return t;
}

void kthread_exit(int code)
{
	struct task *self = rq.curr;

	BUG_ON(self == &boot_task || self == rq.idle);
	local_irq_disable();
	self->exit_code = code;
	self->state = TASK_DEAD;
	list_del_init(&self->tasks);
	reap_dead_task();	/* at most one dead task waits at a time */
	dead_task = self;
	schedule();
	panic("kthread_exit: dead task %s was scheduled again", self->name);
}

static void change_policy_param(struct task *t, int *field, int value)
{
	unsigned long flags = local_irq_save();

	*field = value;
	sched_policy.prio_changed(&rq, t);
	if (t == rq.curr || (rq.curr != rq.idle &&
			     sched_policy.wakeup_preempt(&rq, rq.curr, t)))
		rq.need_resched = true;
	local_irq_restore(flags);
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
 * charged first, under its old reservation; a switch waits for the next
 * preemption point.
 */
int sched_set_deadline(struct task *t, u64 runtime_ns, u64 deadline_ns, u64 period_ns)
{
	unsigned long flags;
	int err;

	if (!sched_policy.set_deadline)
		return -EOPNOTSUPP;
	flags = local_irq_save();
	update_curr();
	err = sched_policy.set_deadline(&rq, t, runtime_ns, deadline_ns, period_ns);
	if (!err && (t == rq.curr || (t->se.on_rq && rq.curr != rq.idle &&
				      sched_policy.wakeup_preempt(&rq, rq.curr, t))))
		rq.need_resched = true;
	local_irq_restore(flags);
	return err;
}

/* The idle task: sleep in wfi until an interrupt brings work. */
static int idle_fn(void *unused)
{
	for (;;) {
		local_irq_disable();
		if (!rq.nr_queued) {
			tick_idle_enter();
			__asm__ __volatile__("wfi");	/* wakes on a pending interrupt */
			tick_idle_exit();
		}
		local_irq_enable();	/* take it */
		schedule();
	}
	return 0;
}

void sched_init(void)
{
	sched_policy.init_rq(&rq);
	strlcpy(boot_task.name, "boot", sizeof(boot_task.name));
	boot_task.state = TASK_RUNNING;
	INIT_LIST_HEAD(&boot_task.se.run_list);
	sched_policy.init_task(&boot_task);
	list_add_tail(&boot_task.tasks, &all_tasks);
	rq.curr = &boot_task;
	boot_task.se.exec_start = ktime_ns();

	rq.idle = task_alloc(idle_fn, NULL, "idle");
	if (!rq.idle)
		panic("sched_init: no memory for the idle task");
	rq.idle->state = TASK_RUNNING;	/* never queued: picked when nothing else is */
	pr_info("sched: policy %s, %s\n", sched_policy.name,
		IS_ENABLED(CONFIG_PREEMPT) ? "preemptive" : "voluntary preemption");
}
