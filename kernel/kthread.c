// SPDX-License-Identifier: MIT
/*
 * Kernel threads, and the life of every task: allocating one with its
 * stack, the list of all tasks, starting a thread on its first switch,
 * and its exit.  Running them is the scheduler's (kernel/sched/).
 *
 * Locking: tasks_lock (interrupts off) guards all_tasks and next_pid.  A
 * task's stack and struct are freed by the switch after its last one
 * (free_task from finish_switch), when nothing runs on them any more.
 */
#include <asm/ptrace.h>
#include <tern/kernel.h>
#include <tern/process.h>
#include <tern/sched.h>
#include <tern/slab.h>
#include <tern/smp.h>
#include <tern/spinlock.h>
#include <tern/string.h>
#include <tern/timer.h>
#include <tern/vmalloc.h>

#include "sched/sched.h"

/*
 * With VMAP_STACK a stack is a vmalloc area: the page below it is never
 * mapped, so an overflow faults (and the trap entry reports it).
 */
static void *alloc_thread_stack(void)
{
	if (IS_ENABLED(CONFIG_VMAP_STACK))
		return vmalloc(THREAD_STACK_SIZE);
	return kmalloc(THREAD_STACK_SIZE, GFP_KERNEL);
}

static void free_thread_stack(void *stack)
{
	if (IS_ENABLED(CONFIG_VMAP_STACK))
		vfree(stack);
	else
		kfree(stack);
}

static LIST_HEAD(all_tasks);
static spinlock_t tasks_lock = SPINLOCK_INIT;	/* all_tasks, next_pid */
static unsigned int next_pid = INIT_PID;	/* the last given; pid 1 is init's alone */

/* Where a new task starts: __switch_to returned here, handing over prev. */
static void __noreturn kthread_start(struct task *prev)
{
	struct task *self = current;

	self->se.has_run = true;	/* under the run queue lock, for wake_up_process */
	schedule_tail(prev);
	local_irq_enable();
	kthread_exit(self->fn(self->arg));
}

struct task *task_alloc(int (*fn)(void *), void *arg, const char *name)
{
	struct task *t = kzalloc(sizeof(*t), GFP_KERNEL);

	if (!t)
		return NULL;
	t->stack = alloc_thread_stack();
	if (!t->stack) {
		kfree(t);
		return NULL;
	}
	t->fn = fn;
	t->arg = arg;
	strlcpy(t->name, name, sizeof(t->name));
	t->ctx.ra = (unsigned long)kthread_start;
	/*
	 * The top PT_FRAME_SIZE bytes are kept for the trap frame of user
	 * mode (a kernel thread that execs returns to user from there).
	 */
	t->kernel_sp = (unsigned long)t->stack + THREAD_STACK_SIZE;
	t->ctx.sp = t->kernel_sp - PT_FRAME_SIZE;	/* s0 = 0 ends backtraces */
	t->usage = 1;
	t->start_time = ktime_ns();
	INIT_LIST_HEAD(&t->tasks);
	INIT_LIST_HEAD(&t->children);
	t->cpus_allowed = CPU_MASK_ALL;
	INIT_LIST_HEAD(&t->se.run_list);
	sched_policy.init_task(t);
	return t;
}

/*
 * The final switch away from t: its stack goes, and the struct when no
 * one else holds it (a zombie's parent does, until wait4 reaps it).
 */
void free_task(struct task *t)
{
	free_thread_stack(t->stack);
	t->stack = NULL;
	put_task(t);
}

void put_task(struct task *t)
{
	if (__atomic_sub_fetch(&t->usage, 1, __ATOMIC_ACQ_REL) == 0)
		kfree(t);
}

void add_task(struct task *t)
{
	unsigned long flags = spin_lock_irqsave(&tasks_lock);

	t->pid = ++next_pid;
	list_add_tail(&t->tasks, &all_tasks);
	spin_unlock_irqrestore(&tasks_lock, flags);
}

void add_task_init(struct task *t)
{
	unsigned long flags = spin_lock_irqsave(&tasks_lock);

	t->pid = INIT_PID;
	list_add_tail(&t->tasks, &all_tasks);
	spin_unlock_irqrestore(&tasks_lock, flags);
}

int for_each_task(int (*fn)(struct task *t, void *arg), void *arg)
{
	unsigned long flags = spin_lock_irqsave(&tasks_lock);
	struct task *t;
	int ret = 0;

	list_for_each_entry(t, &all_tasks, tasks) {
		ret = fn(t, arg);
		if (ret)
			break;
	}
	spin_unlock_irqrestore(&tasks_lock, flags);
	return ret;
}

unsigned int sched_nr_threads(void)
{
	unsigned long flags = spin_lock_irqsave(&tasks_lock);
	unsigned int n = 0;
	struct task *t;

	list_for_each_entry(t, &all_tasks, tasks)
		n += t != &init_task && !is_idle_task(t) && t->state != TASK_DEAD;
	spin_unlock_irqrestore(&tasks_lock, flags);
	return n;
}

/* Listed in /proc: not the boot task or an idle task, and a group leader. */
static bool task_is_listed(const struct task *t)
{
	return t->pid && t != &init_task && !is_idle_task(t) && (!t->tgid || t->tgid == t->pid);
}

struct task *find_get_task(unsigned int pid)
{
	unsigned long flags = spin_lock_irqsave(&tasks_lock);
	struct task *t, *found = NULL;

	list_for_each_entry(t, &all_tasks, tasks) {
		if (t->pid == pid && t != &init_task && !is_idle_task(t)) {
			found = t;
			__atomic_add_fetch(&t->usage, 1, __ATOMIC_RELAXED);
			break;
		}
	}
	spin_unlock_irqrestore(&tasks_lock, flags);
	return found;
}

unsigned int next_tgid(unsigned int after)
{
	unsigned long flags = spin_lock_irqsave(&tasks_lock);
	unsigned int best = 0;
	struct task *t;

	list_for_each_entry(t, &all_tasks, tasks)
		if (task_is_listed(t) && t->pid > after && (!best || t->pid < best))
			best = t->pid;
	spin_unlock_irqrestore(&tasks_lock, flags);
	return best;
}

unsigned int nr_listed_tasks(void)
{
	unsigned long flags = spin_lock_irqsave(&tasks_lock);
	unsigned int n = 0;
	struct task *t;

	list_for_each_entry(t, &all_tasks, tasks)
		n += task_is_listed(t);
	spin_unlock_irqrestore(&tasks_lock, flags);
	return n;
}

unsigned int last_pid(void)
{
	return READ_ONCE(next_pid);
}

void task_unlist(struct task *t)
{
	unsigned long flags = spin_lock_irqsave(&tasks_lock);

	list_del_init(&t->tasks);
	spin_unlock_irqrestore(&tasks_lock, flags);
}

struct task *kthread_create(int (*fn)(void *arg), void *arg, const char *name)
{
	struct task *t = task_alloc(fn, arg, name);

	if (!t)
		return NULL;
	set_task_cpu(t, smp_processor_id());
	t->state = TASK_SLEEPING;
	add_task(t);
	return t;
}

struct task *kthread_create_on_cpu(int (*fn)(void *arg), void *arg, const char *name,
				   unsigned int cpu)
{
	struct task *t;

	if (!cpu_online(cpu))
		return NULL;
	t = kthread_create(fn, arg, name);
	if (t) {	/* not started: nothing else looks at it yet */
		set_task_cpu(t, cpu);
		t->cpus_allowed = cpumask_of(cpu);
	}
	return t;
}

struct task *kthread_run_on_cpu(int (*fn)(void *arg), void *arg, const char *name,
				unsigned int cpu)
{
	struct task *t = kthread_create_on_cpu(fn, arg, name, cpu);

	if (t)
		wake_up_process(t);
	return t;
}

struct task *kthread_run(int (*fn)(void *arg), void *arg, const char *name)
{
	struct task *t = kthread_create(fn, arg, name);

	if (t)
		wake_up_process(t);
	return t;
}

/*
 * A thread's fn returned, or it called kthread_exit: a process exits as
 * processes do; a kernel thread's children (ktests spawn some) go to the
 * child reaper first.
 */
void kthread_exit(int code)
{
	if (IS_ENABLED(CONFIG_PROCESSES) && current->is_process)
		do_exit(W_EXITCODE(code, 0));
	if (IS_ENABLED(CONFIG_PROCESSES))
		exit_children(current);
	task_exit_final(code);
}

void task_exit_final(int code)
{
	struct task *self = current;

	BUG_ON(self == &init_task || is_idle_task(self));
	local_irq_disable();	/* for good: this task never runs again */
	if (!self->is_process) {	/* a process stays listed until it is reaped */
		spin_lock(&tasks_lock);
		list_del_init(&self->tasks);
		spin_unlock(&tasks_lock);
	}
	self->exit_code = code;
	self->state = TASK_DEAD;	/* the next task on this CPU frees it */
	__schedule(0);
	panic("kthread_exit: dead task %s was scheduled again", self->name);
}
