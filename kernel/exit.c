// SPDX-License-Identifier: MIT
/*
 * The end of a process: exit, the zombie, wait4 and re-parenting
 * (include/tern/process.h).  tasklist_lock is here.
 */
#include <asm/mmu_context.h>
#include <tern/errno.h>
#include <tern/irqflags.h>
#include <tern/kernel.h>
#include <tern/futex.h>
#include <tern/mm.h>
#include <tern/process.h>
#include <tern/proc_fs.h>
#include <tern/signal.h>
#include <tern/string.h>
#include <tern/syscalls.h>
#include <tern/tty.h>
#include <tern/uaccess.h>

#include "sched/sched.h"

/* wait4's options (Linux's values) */
#define WNOHANG		0x00000001
#define WUNTRACED	0x00000002
#define WCONTINUED	0x00000008
#define WNOWAIT		0x01000000
#define WEXITED		0x00000004
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

void release_task(struct task *t)
{
	task_unlist(t);
	proc_flush_pid(t->pid);
	uncharge_process();
	put_task(t);
}

/* p and every thread of its group: any of them may be in wait4 for p's children. */
static void wake_parent(struct task *p)
{
	struct task *t;

	wake_up_process(p);
	if (p->thread_group.next)
		list_for_each_entry(t, &p->thread_group, thread_group)
			wake_up_process(t);
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
		wake_parent(reaper);
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

/*
 * self leaves its thread group (a thread other than the leader is
 * released at once).  When it was the group's last, the leader hands
 * the children on and becomes a zombie for the parent (or is released).
 */
static void exit_notify(struct task *self, int status)
{
	struct task *leader = group_leader_of(self);
	struct sighand_struct *sh = self->sighand;
	struct signal_struct *sig = self->signal;
	bool autoreap = false, release_self, last;
	unsigned long flags;
	LIST_HEAD(dead);

	flags = spin_lock_irqsave(&tasklist_lock);
	self->exit_status = status;
	exit_signals(self);
	last = thread_group_leave(self, &release_self);
	if (release_self)
		self->exit_state = EXIT_DEAD;
	if (last) {
		reparent_children(leader, &dead);
		/*
		 * The parent's exit_signal (SIGCHLD); or gone at once: no
		 * parent, or a parent that ignores SIGCHLD / says SA_NOCLDWAIT.
		 */
		autoreap = do_notify_parent(leader, leader->exit_status);
		if (autoreap) {
			leader->exit_state = EXIT_DEAD;
			if (leader->parent) {
				list_del_init(&leader->sibling);
				wake_parent(leader->parent);	/* wait4 may find no child: -ECHILD */
				leader->parent = NULL;
			}
		} else {
			leader->exit_state = EXIT_ZOMBIE;
			wake_parent(leader->parent);
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	free_signal_state(sh, sig);
	release_list(&dead);
	if (release_self)
		release_task(self);	/* the final switch still holds the struct */
	if (autoreap)
		release_task(leader);
}

/* Leaves the address space: the kernel's page table until the end. */
static void exit_mm(struct task *self)
{
	struct mm_struct *mm = self->mm;
	unsigned long flags;

	if (!mm)
		return;
	exit_robust_list(self);
	if (self->clear_child_tid)	/* pthread_join waits on it */
		clear_child_tid_wake(self);
	flags = spin_lock_irqsave(&tasklist_lock);	/* against get_task_mm */
	self->mm = NULL;
	if (IS_ENABLED(CONFIG_MMU))
		switch_mm(mm, NULL);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	mmput(mm);
}

struct mm_struct *get_task_mm(struct task *t)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	struct mm_struct *mm = t->mm;

	if (mm)
		mmget(mm);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return mm;
}

void do_exit(int status)
{
	struct task *self = current;

	if (self == READ_ONCE(child_reaper) && self->is_process && !self->leader_exited &&
	    (self->group_exiting || self->nr_threads <= 1))
		panic("Attempted to kill init! exitcode=0x%08x", status);
	tty_session_leader_exit();
	exit_mm(self);
	exit_files_and_fs(self);
	vfork_release(self);
	exit_notify(self, status);
	task_exit_final(status);
}

static long do_wait(int pid, int *status, int options);

static bool wait_matches(const struct task *c, int pid, const struct task *self)
{
	if (pid > 0)
		return (int)c->pid == pid;
	if (pid == -1)
		return true;
	return c->pgid == (pid == 0 ? self->pgid : 0u - (unsigned int)pid);
}

/*
 * A zombie child matching pid, unlinked and marked dead; NULL if none.
 * *found: any match.  A stopped or continued child that WUNTRACED /
 * WCONTINUED asks for is reported in *stopped (its pid in *spid).
 */
static struct task *take_zombie(struct task *self, int pid, int options, bool *found,
				int *stopped, long *spid)
{
	struct task *c;

	*found = false;
	*stopped = 0;
	if (!self->children.next)
		return NULL;
	list_for_each_entry(c, &self->children, sibling) {
		if (!wait_matches(c, pid, self))
			continue;
		*found = true;
		if (!c->exit_state && (options & (WUNTRACED | WCONTINUED))) {
			*stopped = wait_task_stopped_or_continued(c, options);
			if (*stopped) {
				*spid = c->pid;
				return NULL;
			}
		}
		if (c->exit_state == EXIT_ZOMBIE && (options & WEXITED)) {
			if (options & WNOWAIT) {	/* reported, left for a later wait */
				*stopped = c->exit_status;
				*spid = c->pid;
				return NULL;
			}
			list_del(&c->sibling);
			c->exit_state = EXIT_DEAD;
			return c;
		}
	}
	return NULL;
}

long kernel_wait4(int pid, int *status, int options)
{
	if ((unsigned int)options & ~(unsigned int)WAIT_OPTIONS)
		return -EINVAL;
	return do_wait(pid, status, options | WEXITED);
}

/*
 * wait4 and waitid: options WEXITED, WUNTRACED (WSTOPPED), WCONTINUED
 * say what to report, WNOWAIT leaves it to report again.  The child's
 * pid and its status, 0 (WNOHANG, nothing yet), -ECHILD, -ERESTARTSYS.
 * Any thread waits for the children of its group (they hang off the
 * leader).
 */
static long do_wait(int pid, int *status, int options)
{
	struct task *self = group_leader_of(current), *z;
	unsigned long flags;
	bool found;

	for (;;) {
		int stopped;
		long spid;

		bool interrupted = false;

		flags = spin_lock_irqsave(&tasklist_lock);
		z = take_zombie(self, pid, options, &found, &stopped, &spid);
		/*
		 * The signal is tested under the lock: a child's exit sends
		 * SIGCHLD and becomes a zombie under it together, so a wait
		 * that sees the signal has seen the zombie too.
		 */
		if (!z && !stopped && found && !(options & WNOHANG)) {
			interrupted = signal_pending(current);
			if (!interrupted)
				current->state = TASK_SLEEPING;	/* an exit_notify after this wakes us */
		}
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (interrupted)
			return -ERESTARTSYS;
		if (stopped) {
			if (status)
				*status = stopped;
			return spid;
		}
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

/* waitid's idtype */
#define P_ALL		0
#define P_PID		1
#define P_PGID		2

/* The siginfo waitid reports, from a wait status. */
static void wait_status_to_siginfo(siginfo_t *si, long pid, int st)
{
	memset(si, 0, sizeof(*si));
	si->si_signo = SIGCHLD;
	si->si_pid = (int)pid;
	if (st == 0xffff) {
		si->si_code = CLD_CONTINUED;
		si->si_status = SIGCONT;
	} else if ((st & 0xff) == 0x7f) {
		si->si_code = CLD_STOPPED;
		si->si_status = (st >> 8) & 0xff;
	} else if (!(st & 0x7f)) {
		si->si_code = CLD_EXITED;
		si->si_status = (st >> 8) & 0xff;
	} else {
		si->si_code = (st & 0x80) ? CLD_DUMPED : CLD_KILLED;
		si->si_status = st & 0x7f;
	}
}

SYSCALL_DEFINE5(waitid, int, which, int, upid, siginfo_t __user *, infop, int, options,
		void __user *, ru)
{
	siginfo_t si;
	int pid, st = 0;
	long ret;

	if ((unsigned int)options & ~(unsigned int)(WNOHANG | WNOWAIT | WEXITED | WUNTRACED |
						   WCONTINUED | __WNOTHREAD | __WALL | __WCLONE))
		return -EINVAL;
	if (!(options & (WEXITED | WUNTRACED | WCONTINUED)))
		return -EINVAL;
	switch (which) {
	case P_ALL:
		pid = -1;
		break;
	case P_PID:
		if (upid <= 0)
			return -EINVAL;
		pid = upid;
		break;
	case P_PGID:
		if (upid < 0)
			return -EINVAL;
		pid = upid ? -upid : 0;
		break;
	default:
		return -EINVAL;
	}
	if (ru && clear_user(ru, RUSAGE_SIZE))
		return -EFAULT;
	if (infop && !access_ok(infop, sizeof(*infop)))
		return -EFAULT;
	ret = do_wait(pid, &st, options);
	if (ret < 0)
		return ret;
	if (ret)
		wait_status_to_siginfo(&si, ret, st);
	else
		memset(&si, 0, sizeof(si));	/* WNOHANG, nothing yet: si_pid 0 */
	if (infop && copy_to_user(infop, &si, sizeof(si)))
		return -EFAULT;
	return 0;
}

SYSCALL_DEFINE1(exit, int, code)
{
	do_exit(W_EXITCODE(code, 0));
}

SYSCALL_DEFINE1(exit_group, int, code)
{
	do_group_exit(W_EXITCODE(code, 0));
}
