// SPDX-License-Identifier: MIT
/*
 * Thread groups (include/tern/process.h, Documentation/threads.md).
 *
 * A process is a thread group: its leader (the task fork made; its pid
 * is the group's tgid) and the threads CLONE_THREAD added, on a ring
 * (task->thread_group) through every live member.  The group's state
 * (nr_threads, group_exiting, group_exit_code, leader_exited,
 * group_exec_task) lives in the leader, whose struct outlives every
 * thread: only the group's end makes it a zombie its parent may reap.
 *
 * Lifetimes: a thread that exits leaves the ring and is released at
 * once (no zombie, the parent is not told).  A leader that exits while
 * threads remain stays on the ring with leader_exited set, and is not
 * yet a zombie; the last thread to go makes it one (exit.c's
 * exit_notify) with the group's exit status, and only then is the
 * parent woken.
 *
 * Ending the others: zap_other_threads marks each one (exit_pending),
 * wakes it and, if it runs on another hart, interrupts it; every return
 * to user mode tests the mark (one load, arch/riscv/kernel/user_trap.c)
 * and futex waits test it too.  Sleeps that do not test it (pipes,
 * wait4, nanosleep) end it only when they end: the signals work's
 * interruptible sleeps and SIGKILL join here.
 *
 * Locking: tasklist_lock guards the ring and every leader-only field.
 */
#include <tern/errno.h>
#include <tern/kernel.h>
#include <tern/list.h>
#include <tern/process.h>
#include <tern/sched.h>

#include "sched/sched.h"

void thread_group_init(struct task *t)
{
	t->group_leader = t;
	INIT_LIST_HEAD(&t->thread_group);
	t->nr_threads = 1;
	t->group_exiting = false;
	t->leader_exited = false;
	t->group_exec_task = NULL;
	t->group_exit_code = 0;
}

void thread_group_add(struct task *t, struct task *creator)
{
	struct task *leader = group_leader_of(creator);
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);

	t->group_leader = leader;
	t->tgid = leader->tgid;
	list_add_tail(&t->thread_group, &leader->thread_group);
	leader->nr_threads++;
	/* Born into a group that is ending: it ends before it reaches user mode. */
	if (leader->group_exiting || leader->group_exec_task || creator->exit_pending) {
		t->exit_pending = true;
		t->sigpending = 1;	/* the way out tests one flag: sigpending */
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

void zap_other_threads(struct task *self)
{
	struct task *t;

	list_for_each_entry(t, &self->thread_group, thread_group) {
		if (t->leader_exited)
			continue;
		WRITE_ONCE(t->exit_pending, true);
		/*
		 * sigpending too: interruptible sleeps give up, as for a
		 * signal, and the way back to user mode, which tests that one
		 * flag, calls exit_to_user_mode_work, which ends the thread.
		 */
		WRITE_ONCE(t->sigpending, 1);
		wake_up_process(t);
		kick_process(t);
	}
}

void do_group_exit(int status)
{
	struct task *self = current, *leader = group_leader_of(self);

	if (self->thread_group.next) {
		unsigned long flags = spin_lock_irqsave(&tasklist_lock);

		if (leader->group_exiting) {
			status = leader->group_exit_code;
		} else {
			leader->group_exiting = true;
			leader->group_exit_code = status;
			zap_other_threads(self);
		}
		spin_unlock_irqrestore(&tasklist_lock, flags);
	}
	do_exit(status);
}

void thread_exit_pending(void)
{
	do_exit(READ_ONCE(group_leader_of(current)->group_exit_code));
}

bool thread_group_leave(struct task *self, bool *release_self)
{
	struct task *leader = group_leader_of(self);

	*release_self = false;
	if (!self->thread_group.next)
		return true;		/* a task alone */
	leader->nr_threads--;
	if (self != leader) {
		list_del_init(&self->thread_group);
		*release_self = true;
	} else if (leader->nr_threads) {
		leader->leader_exited = true;
	}
	if (leader->group_exec_task && leader->nr_threads == 1)
		wake_up_process(leader->group_exec_task);
	if (leader->nr_threads)
		return false;
	list_del_init(&leader->thread_group);
	if (leader->group_exiting)
		leader->exit_status = leader->group_exit_code;
	return true;
}

/*
 * self, the only thread left, takes the place of the exited leader:
 * its pid, parent, children, process group.  tasklist_lock held.
 */
static void take_leadership(struct task *self, struct task *leader)
{
	unsigned int pid = self->pid;
	struct task *c, *n;

	self->pid = leader->pid;
	leader->pid = pid;
	self->parent = leader->parent;
	self->exit_signal = leader->exit_signal;
	self->pgid = leader->pgid;
	self->sid = leader->sid;
	if (leader->sibling.next && leader->parent) {
		list_add(&self->sibling, &leader->sibling);
		list_del(&leader->sibling);
	}
	list_for_each_entry_safe(c, n, &leader->children, sibling) {
		c->parent = self;
		list_del(&c->sibling);
		list_add_tail(&c->sibling, &self->children);
	}
	if (child_reaper == leader)
		child_reaper = self;
	list_del_init(&leader->thread_group);
	thread_group_init(self);
	leader->exit_state = EXIT_DEAD;
}

int de_thread(void)
{
	struct task *self = current, *leader = group_leader_of(self);
	unsigned long flags;
	int err = 0;

	if (!self->thread_group.next)
		return 0;		/* a kernel thread becoming a process */
	flags = spin_lock_irqsave(&tasklist_lock);
	if (self == leader && list_empty(&self->thread_group))
		goto out;		/* one thread: nothing to do */
	if (leader->group_exiting || leader->group_exec_task || self->exit_pending) {
		err = -EINTR;		/* another thread is ending the group first */
		goto out;
	}
	leader->group_exec_task = self;
	zap_other_threads(self);
	while (leader->nr_threads > 1 && !READ_ONCE(self->exit_pending)) {
		self->state = TASK_SLEEPING;	/* thread_group_leave wakes us */
		spin_unlock_irqrestore(&tasklist_lock, flags);
		schedule();
		flags = spin_lock_irqsave(&tasklist_lock);
	}
	leader->group_exec_task = NULL;
	if (self->exit_pending) {
		err = -EINTR;		/* an exit_group won the race */
		goto out;
	}
	if (self != leader) {
		take_leadership(self, leader);
		spin_unlock_irqrestore(&tasklist_lock, flags);
		release_task(leader);
		return 0;
	}
out:
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}
