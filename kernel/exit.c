// SPDX-License-Identifier: MIT
/*
 * The end of a process: exit, the zombie, wait4 and re-parenting
 * (include/tern/process.h).  tasklist_lock is here.
 */
#include <asm/mmu_context.h>
#include <tern/errno.h>
#include <tern/irqflags.h>
#include <tern/kernel.h>
#include <tern/mm.h>
#include <tern/process.h>
#include <tern/syscalls.h>
#include <tern/uaccess.h>

#include "sched/sched.h"

/* wait4's options (Linux's values) */
#define WNOHANG		0x00000001
#define WUNTRACED	0x00000002
#define WCONTINUED	0x00000008
#define __WNOTHREAD	0x20000000
#define __WALL		0x40000000
#define __WCLONE	0x80000000
#define WAIT_OPTIONS	(WNOHANG | WUNTRACED | WCONTINUED | __WNOTHREAD | __WALL | __WCLONE)

spinlock_t tasklist_lock = SPINLOCK_INIT;
struct task *child_reaper;	/* tasklist_lock */

struct task *set_child_reaper(struct task *t)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	struct task *old = child_reaper;

	child_reaper = t;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return old;
}

/* A zombie nobody will reap, or one just reaped: its slot and struct go. */
static void release_task(struct task *t)
{
	uncharge_process();
	put_task(t);
}

/*
 * t's children go to child_reaper (t itself cannot be their reaper), or
 * to nobody: then a zombie among them is released, and the others will
 * be at their exit.  Zombies moved to the reaper wake it.  tasklist_lock
 * held; the zombies to release are moved to *dead.
 */
static void reparent_children(struct task *t, struct list_head *dead)
{
	struct task *reaper = child_reaper != t ? child_reaper : NULL, *c, *n;
	bool wake = false;

	if (!t->children.next)
		return;		/* never had children (init_task before sched_init) */
	list_for_each_entry_safe(c, n, &t->children, sibling) {
		c->parent = reaper;
		if (reaper) {
			list_del(&c->sibling);
			list_add_tail(&c->sibling, &reaper->children);
			wake |= c->exit_state == EXIT_ZOMBIE;
		} else if (c->exit_state == EXIT_ZOMBIE) {
			c->exit_state = EXIT_DEAD;
			list_del(&c->sibling);
			list_add_tail(&c->sibling, dead);
		} else {
			list_del_init(&c->sibling);
		}
	}
	if (wake)
		wake_up_process(reaper);
}

static void release_list(struct list_head *dead)
{
	struct task *c, *n;

	list_for_each_entry_safe(c, n, dead, sibling) {
		list_del(&c->sibling);
		release_task(c);
	}
}

void exit_children(struct task *t)
{
	unsigned long flags;
	LIST_HEAD(dead);

	flags = spin_lock_irqsave(&tasklist_lock);
	reparent_children(t, &dead);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	release_list(&dead);
}

/* Hands the children on, becomes a zombie for the parent (or is released). */
static void exit_notify(struct task *self, int status)
{
	unsigned long flags;
	bool autoreap;
	LIST_HEAD(dead);

	flags = spin_lock_irqsave(&tasklist_lock);
	reparent_children(self, &dead);
	self->exit_status = status;
	autoreap = !self->parent;
	if (autoreap) {
		self->exit_state = EXIT_DEAD;
	} else {
		self->exit_state = EXIT_ZOMBIE;
		wake_up_process(self->parent);
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	release_list(&dead);
	if (autoreap)
		release_task(self);	/* the final switch still holds the struct */
}

/* Leaves the address space: the kernel's page table until the end. */
static void exit_mm(struct task *self)
{
	struct mm_struct *mm = self->mm;
	unsigned long flags;

	if (!mm)
		return;
	if (self->clear_child_tid)	/* futex wake-up: with futexes */
		(void)put_user(0, (int __user *)self->clear_child_tid);
	flags = local_irq_save();
	self->mm = NULL;
	if (IS_ENABLED(CONFIG_MMU))
		switch_mm(mm, NULL);
	local_irq_restore(flags);
	mmput(mm);
}

void do_exit(int status)
{
	struct task *self = current;

	if (self == READ_ONCE(child_reaper) && self->is_process)
		panic("Attempted to kill init! exitcode=0x%08x", status);
	exit_mm(self);
	exit_files_and_fs(self);
	vfork_release(self);
	exit_notify(self, status);
	task_exit_final(status);
}

static bool wait_matches(const struct task *c, int pid, const struct task *self)
{
	if (pid > 0)
		return (int)c->pid == pid;
	if (pid == -1)
		return true;
	return c->pgid == (pid == 0 ? self->pgid : 0u - (unsigned int)pid);
}

/* A zombie child matching pid, unlinked and marked dead; NULL if none.  *found: any match. */
static struct task *take_zombie(struct task *self, int pid, bool *found)
{
	struct task *c;

	*found = false;
	if (!self->children.next)
		return NULL;
	list_for_each_entry(c, &self->children, sibling) {
		if (!wait_matches(c, pid, self))
			continue;
		*found = true;
		if (c->exit_state == EXIT_ZOMBIE) {
			list_del(&c->sibling);
			c->exit_state = EXIT_DEAD;
			return c;
		}
	}
	return NULL;
}

long kernel_wait4(int pid, int *status, int options)
{
	struct task *self = current, *z;
	unsigned long flags;
	bool found;

	if ((unsigned int)options & ~(unsigned int)WAIT_OPTIONS)
		return -EINVAL;
	for (;;) {
		flags = spin_lock_irqsave(&tasklist_lock);
		z = take_zombie(self, pid, &found);
		if (!z && found && !(options & WNOHANG))
			self->state = TASK_SLEEPING;	/* an exit_notify after this wakes us */
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (z) {
			long zpid = z->pid;

			if (status)
				*status = z->exit_status;
			release_task(z);
			return zpid;
		}
		if (!found)
			return -ECHILD;
		if (options & WNOHANG)
			return 0;
		schedule();
	}
}

/* rusage is not kept: wait4 zeroes the caller's (two timevals and 14 longs). */
#define RUSAGE_SIZE	(18 * sizeof(long))

SYSCALL_DEFINE4(wait4, int, pid, int __user *, status, int, options, void __user *, ru)
{
	int st, probe;
	long ret;

	/* A bad status pointer fails before a child is reaped. */
	if (status && (get_user(probe, status) || put_user(probe, status)))
		return -EFAULT;
	if (ru && clear_user(ru, RUSAGE_SIZE))
		return -EFAULT;
	ret = kernel_wait4(pid, &st, options);
	if (ret > 0 && status && put_user(st, status))
		return -EFAULT;
	return ret;
}

SYSCALL_DEFINE1(exit, int, code)
{
	do_exit(W_EXITCODE(code, 0));
}

/* One thread per process: the group is the task. */
SYSCALL_DEFINE1(exit_group, int, code)
{
	do_exit(W_EXITCODE(code, 0));
}
