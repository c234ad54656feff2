// SPDX-License-Identifier: MIT
/*
 * fork, vfork and clone: a new process as a copy of the current one
 * (include/tern/process.h).  The child gets a copy-on-write copy of the
 * address space (dup_mm), or with CLONE_VM|CLONE_VFORK the same one
 * while the parent sleeps until the child execs or exits; its registers
 * are the parent's at the ecall, with a0 = 0.
 *
 * Without an MMU there is nothing to copy the memory into at the same
 * addresses: fork (clone without CLONE_VM) is -ENOSYS and vfork is the
 * way to start a program, as in Linux's no-MMU kernels; threads
 * (CLONE_VM without CLONE_VFORK) are not done there: -EINVAL.
 *
 * Supported clone flags: the exit signal (CSIGNAL), CLONE_VM (with
 * CLONE_VFORK, or alone: the child shares the address space),
 * CLONE_VFORK (only with CLONE_VM), CLONE_FS, CLONE_FILES, CLONE_SIGHAND,
 * CLONE_THREAD (a thread in current's group, kernel/thread.c),
 * CLONE_SYSVSEM (accepted: there are no SysV semaphores to share),
 * CLONE_SETTLS, CLONE_PARENT_SETTID, CLONE_CHILD_SETTID,
 * CLONE_CHILD_CLEARTID: what glibc's fork, vfork, posix_spawn and
 * pthread_create pass, by clone or clone3.  Linux's rules hold: THREAD
 * needs SIGHAND, SIGHAND needs VM.  CLONE_PARENT, namespaces, pidfds,
 * clone3's set_tid and cgroup get -EINVAL.
 *
 * The process cap: a fork that would make more than nproc_limit
 * processes (RLIMIT_NPROC, set from memory size at boot, see
 * nproc_default) gets -EAGAIN, as Linux's per-user limit does (every
 * process is uid 0 here, but unlike Linux root is not exempt).
 */
#include <asm/switch.h>
#include <tern/errno.h>
#include <tern/fdtable.h>
#include <tern/fs_struct.h>
#include <tern/kernel.h>
#include <tern/mm.h>
#include <tern/pgalloc.h>
#include <tern/process.h>
#include <tern/sched_clone.h>
#include <tern/signal.h>
#include <tern/slab.h>
#include <tern/spinlock.h>
#include <tern/string.h>
#include <tern/syscalls.h>
#include <tern/uaccess.h>

#include "sched/sched.h"

#define CLONE_SUPPORTED	(CSIGNAL | CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | \
			 CLONE_VFORK | CLONE_THREAD | CLONE_SYSVSEM | CLONE_SETTLS | \
			 CLONE_PARENT_SETTID | CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID)

static unsigned int process_count;	/* tasklist_lock; processes alive or zombie */
unsigned long nproc_limit;		/* RLIMIT_NPROC for everyone; 0: not set yet */

unsigned long nproc_default(void)
{
	struct pgalloc_stats st;

	pgalloc_get_stats(&st);
	/* A process costs its stack (4 pages), tables and pages: allow 1 per 32 pages. */
	return MAX(st.total_pages / 32, 16UL);
}

unsigned int nr_processes(void)
{
	return READ_ONCE(process_count);
}

/* Takes a process slot: -EAGAIN at the limit.  tasklist_lock held. */
static int charge_process(void)
{
	if (!nproc_limit)
		nproc_limit = nproc_default();
	if (process_count >= nproc_limit)
		return -EAGAIN;
	process_count++;
	return 0;
}

void adopt_kernel_thread(struct task *t)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);

	process_count++;		/* over the cap if need be: it exists already */
	spin_unlock_irqrestore(&tasklist_lock, flags);
	__atomic_add_fetch(&t->usage, 1, __ATOMIC_RELAXED);	/* the reap's hold */
	t->exit_signal = SIGCHLD;
	t->tgid = t->pid;
	rlimits_inherit(t, t);		/* not a process yet: the defaults */
	thread_group_init(t);
	t->is_process = true;
}

void uncharge_process(void)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);

	process_count--;
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

/*
 * The child's first run: it stores its pid for CLONE_CHILD_SETTID (in
 * its own memory, now current), then goes out to user mode with the
 * copied registers.  A fault there is ignored, as in Linux.
 */
static int ret_from_fork(void *unused)
{
	struct task *self = current;

	if (self->set_child_tid)
		(void)put_user((int)self->pid, (int __user *)self->set_child_tid);
	ret_to_user(task_pt_regs(self));
}

/*
 * Links child under parent (a thread group's leader, or a kernel
 * thread), inheriting the process group and session; counts it.  A
 * thread (CLONE_THREAD) is nobody's child: it has the group's parent
 * and joins the group in start_child.
 */
static int link_child(struct task *child, struct task *parent, unsigned long clone_flags)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	int err = charge_process();

	if (!err) {
		child->pgid = parent->pgid;
		child->sid = parent->sid;
		if (clone_flags & CLONE_THREAD) {
			child->parent = parent->parent;
		} else {
			child->parent = parent;
			list_add_tail(&child->sibling, &parent->children);
		}
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return err;
}

/*
 * A new task that will run as a process, child of current: not yet
 * runnable, no pid yet, no address space.  NULL with -ENOMEM or -EAGAIN in *err.
 */
static struct task *alloc_process(int (*fn)(void *), void *arg, const char *name,
				  unsigned long clone_flags, int *err)
{
	struct task *child = task_alloc(fn, arg, name);

	*err = -ENOMEM;
	if (!child)
		return NULL;
	child->is_process = true;
	child->usage = 2;		/* the final switch, and the reap */
	child->exit_signal = SIGCHLD;
	child->uid = current->uid;
	child->gid = current->gid;
	child->cpus_allowed = current->cpus_allowed;
	rlimits_inherit(child, group_leader_of(current));
	*err = link_child(child, group_leader_of(current), clone_flags);
	if (*err) {
		child->usage = 1;
		free_task(child);
		return NULL;
	}
	/* No user state yet: the scheduler's FP switch reads the frame's sstatus. */
	memset(task_pt_regs(child), 0, sizeof(struct pt_regs));
	set_task_cpu(child, smp_processor_id());
	child->state = TASK_SLEEPING;
	return child;
}

/*
 * The child gets its pid (stored at parent_tid for CLONE_PARENT_SETTID)
 * and is seen by the scheduler's lists; it may run now.  A thread joins current's group (thread_group_add); a
 * process starts a group of its own.
 */
static long start_child(struct task *child, unsigned long clone_flags, int __user *parent_tid)
{
	add_task(child);
	/* Before it runs: glibc's thread clears the same word at its exit. */
	if (clone_flags & CLONE_PARENT_SETTID)
		(void)put_user((int)child->pid, parent_tid);	/* a bad pointer: as Linux, ignored */
	if (clone_flags & CLONE_THREAD) {
		thread_group_add(child, current);
	} else {
		child->tgid = child->pid;
		thread_group_init(child);
	}
	wake_up_process(child);
	return child->pid;
}

/* Undoes alloc_process for a child that never ran. */
/* Drops the fd table and root/cwd a task holds (exit, or a child that never ran). */
void exit_files_and_fs(struct task *t)
{
	struct files_struct *files = t->files;
	struct fs_struct *fs = t->fs;

	t->files = NULL;
	t->fs = NULL;
	if (files)
		put_files(files);
	if (fs)
		put_fs_struct(fs);
}

/*
 * The child's fd table and root/cwd: shared with CLONE_FILES / CLONE_FS,
 * else copies of current's (a kernel thread's NULLs stay NULL).
 */
static int copy_files_and_fs(struct task *child, unsigned long flags)
{
	struct task *self = current;

	if (self->files) {
		child->files = flags & CLONE_FILES ? get_files(self->files) : dup_files(self->files);
		if (!child->files)
			return -ENOMEM;
	}
	if (self->fs) {
		child->fs = flags & CLONE_FS ? get_fs_struct(self->fs) : copy_fs_struct(self->fs);
		if (!child->fs)
			return -ENOMEM;
	}
	return 0;
}

static void discard_child(struct task *child)
{
	unsigned long flags;

	exit_files_and_fs(child);
	free_signal_state(child->sighand, child->signal);
	child->sighand = NULL;
	child->signal = NULL;
	flags = spin_lock_irqsave(&tasklist_lock);

	if (child->sibling.next)	/* a thread is nobody's child */
		list_del(&child->sibling);
	process_count--;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	child->usage = 1;
	free_task(child);
}

long kernel_spawn(int (*fn)(void *), void *arg, const char *name)
{
	struct task *child;
	int err;

	child = alloc_process(fn, arg, name, 0, &err);
	if (!child)
		return err;
	if (signals_init_process(child)) {
		discard_child(child);
		return -ENOMEM;
	}
	return start_child(child, 0, NULL);
}

long kernel_spawn_init(int (*fn)(void *), void *arg)
{
	unsigned long flags;
	struct task *child;
	int err;

	child = alloc_process(fn, arg, "init", 0, &err);
	if (!child)
		return err;
	if (signals_init_process(child)) {
		discard_child(child);
		return -ENOMEM;
	}
	add_task_init(child);
	child->tgid = child->pgid = child->sid = child->pid;
	thread_group_init(child);
	/*
	 * No parent, as Linux's init has none a process could see (getppid
	 * is 0): the boot task that made it is no process and never waits.
	 */
	flags = spin_lock_irqsave(&tasklist_lock);
	list_del_init(&child->sibling);
	child->parent = NULL;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	wake_up_process(child);
	return child->pid;
}

/*
 * Sleeps until child has exec'd or exited (vfork_release), or SIGKILL
 * comes (Linux's killable wait: other signals wait until the child is done).
 */
static void wait_vfork_done(struct task *child)
{
	for (;;) {
		unsigned long flags = spin_lock_irqsave(&tasklist_lock);
		bool done = child->vfork_parent != current || fatal_signal_pending(current);

		if (child->vfork_parent == current && done)
			child->vfork_parent = NULL;	/* killed: the child no longer wakes us */
		if (!done)
			current->state = TASK_SLEEPING;
		spin_unlock_irqrestore(&tasklist_lock, flags);
		if (done)
			return;
		schedule();
	}
}

void vfork_release(struct task *t)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	struct task *parent = t->vfork_parent;

	t->vfork_parent = NULL;
	if (parent)
		wake_up_process(parent);
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

int check_clone_flags(unsigned long flags)
{
	if (flags & ~(unsigned long)CLONE_SUPPORTED)
		return -EINVAL;
	/* Linux's rules: a thread shares the handlers, and handlers need the memory. */
	if ((flags & CLONE_THREAD) && !(flags & CLONE_SIGHAND))
		return -EINVAL;
	if ((flags & CLONE_SIGHAND) && !(flags & CLONE_VM))
		return -EINVAL;
	if ((flags & CLONE_VFORK) && !(flags & CLONE_VM))
		return -EINVAL;		/* a vfork with its own mm: not done here */
	if (!IS_ENABLED(CONFIG_MMU) && !(flags & CLONE_VM))
		return -ENOSYS;		/* fork: no MMU to give the child a copy */
	if (!IS_ENABLED(CONFIG_MMU) && !(flags & CLONE_VFORK))
		return -EINVAL;		/* threads without an MMU: not done */
	return 0;
}

/*
 * clone for processes: flags, the child's sp (0: the parent's), where to
 * store the child's pid in the parent (PARENT_SETTID) and in the child
 * (CHILD_SETTID), its tp (SETTLS).  The child's pid, or -errno.
 */
static long do_fork(unsigned long flags, unsigned long newsp, int __user *parent_tid,
		    unsigned long tls, int __user *child_tid)
{
	struct pt_regs *regs = task_pt_regs(current), *cregs;
	struct mm_struct *mm = current->mm;
	struct task *child;
	long pid;
	int err;

	err = check_clone_flags(flags);
	if (err)
		return err;
	if ((flags & CLONE_VM) && !mm)
		return -EINVAL;		/* a kernel thread has no memory to share */
	child = alloc_process(ret_from_fork, NULL, current->name, flags, &err);
	if (!child)
		return err;
	if (flags & CLONE_VM)
		mmget(mm);
	else if (IS_ENABLED(CONFIG_MMU) && mm)
		mm = dup_mm(mm);
	else
		mm = NULL;
	if (!mm) {
		discard_child(child);
		return -ENOMEM;
	}
	child->mm = mm;
	if (copy_files_and_fs(child, flags) || copy_signal_state(child, flags)) {
		mmput(mm);
		child->mm = NULL;
		discard_child(child);
		return -ENOMEM;
	}
	child->exit_signal = flags & CLONE_THREAD ? 0 : flags & CSIGNAL;
	fpu_flush(current);		/* the child starts from the parent's FP registers */
	child->fpu = current->fpu;
	cregs = task_pt_regs(child);
	*cregs = *regs;
	cregs->a0 = 0;
	if (newsp)
		cregs->sp = newsp;
	if (flags & CLONE_SETTLS)
		cregs->tp = tls;
	if (flags & CLONE_CHILD_CLEARTID)
		child->clear_child_tid = (unsigned long)child_tid;
	if (flags & CLONE_CHILD_SETTID)
		child->set_child_tid = (unsigned long)child_tid;
	if (flags & CLONE_VFORK)
		child->vfork_parent = current;
	pid = start_child(child, flags, parent_tid);
	if (flags & CLONE_VFORK)
		wait_vfork_done(child);
	return pid;
}

SYSCALL_DEFINE5(clone, unsigned long, flags, unsigned long, newsp, int __user *, parent_tid,
		unsigned long, tls, int __user *, child_tid)
{
	return do_fork(flags, newsp, parent_tid, tls, child_tid);
}

int clone3_args_check(const struct clone_args *args)
{
	if (args->flags & ~0xffffffffULL || args->flags & CSIGNAL)
		return -EINVAL;		/* clone3 has exit_signal for that */
	if (args->exit_signal & ~(u64)CSIGNAL)
		return -EINVAL;
	if (args->set_tid || args->set_tid_size || args->cgroup || args->pidfd)
		return -EINVAL;		/* pid choice, cgroups, pidfds: not done */
	if ((args->stack == 0) != (args->stack_size == 0))
		return -EINVAL;
	if (args->stack && args->stack + args->stack_size < args->stack)
		return -EINVAL;
	return check_clone_flags(args->flags | args->exit_signal);
}

int clone3_args_copy(struct clone_args *args, const void __user *uargs, size_t size)
{
	static const char zero[64];

	if (size < CLONE_ARGS_SIZE_VER0)
		return -EINVAL;
	if (size > PAGE_SIZE)
		return -E2BIG;
	memset(args, 0, sizeof(*args));
	if (copy_from_user(args, uargs, MIN(size, sizeof(*args))))
		return -EFAULT;
	/* A newer caller's larger struct is fine only if what we do not know is 0. */
	for (size_t off = sizeof(*args); size > sizeof(*args) && off < size; off += sizeof(zero)) {
		char buf[sizeof(zero)];
		size_t n = MIN(sizeof(buf), size - off);

		if (copy_from_user(buf, (const char __user *)uargs + off, n))
			return -EFAULT;
		if (memcmp(buf, zero, n))
			return -E2BIG;
	}
	return 0;
}

/* clone3: struct clone_args (Linux's layout); the stack is [stack, stack + stack_size). */
SYSCALL_DEFINE2(clone3, const void __user *, uargs, size_t, size)
{
	struct clone_args args;
	int err = clone3_args_copy(&args, uargs, size);

	if (!err)
		err = clone3_args_check(&args);
	if (err)
		return err;
	return do_fork((unsigned long)(args.flags | args.exit_signal),
		       (unsigned long)(args.stack + args.stack_size),
		       (int __user *)(unsigned long)args.parent_tid, (unsigned long)args.tls,
		       (int __user *)(unsigned long)args.child_tid);
}
