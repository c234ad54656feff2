/* SPDX-License-Identifier: MIT */
/*
 * Processes (kernel/fork.c, exit.c, exec.c, sys.c; Documentation/process.md).
 *
 * A process is a task (struct task, <tern/sched.h>) with is_process set,
 * an address space (task->mm) and a place in the process tree.  It runs
 * in user mode and enters the kernel by trap (arch/riscv/kernel/entry.S)
 * with its registers in the trap frame at the top of its kernel stack
 * (task_pt_regs).  A process may have several threads (CLONE_THREAD,
 * kernel/thread.c): a thread group, all sharing the tgid, the leader's
 * pid; getpid is the tgid, gettid the task's own pid.
 *
 * Locking: tasklist_lock (a spinlock, interrupts off) guards every
 * task's parent, children, sibling, exit_state, exit_status, pgid, sid
 * and vfork_parent, and child_reaper.  It is never held across a sleep
 * or a user access.
 *
 * Lifetime: a process that exits becomes a zombie (EXIT_ZOMBIE) holding
 * its wait status; its address space and stack go at once, its struct
 * task stays until the parent reaps it with wait4 (or at once, when it
 * has no parent).  Orphans go to child_reaper (the init process); if the
 * init process exits, the kernel panics as Linux does.
 *
 * Faults in user mode raise the signal Linux would send (SIGSEGV,
 * SIGBUS, SIGILL, SIGTRAP), delivered as any other (<tern/signal.h>).
 *
 * For the VFS, at merge (not done here): fork copies or shares the file
 * table and fs_struct (copy_process: the place is marked), exec closes
 * O_CLOEXEC files (exec_commit), exit drops both (do_exit, before
 * exit_notify).  The binary's source is a struct linux_binprm
 * (<tern/binfmts.h>): a file-backed read method replaces the memory one.
 */
#ifndef TERN_PROCESS_H
#define TERN_PROCESS_H

#include <asm/ptrace.h>
#include <tern/compiler.h>
#include <tern/errno.h>
#include <tern/sched.h>
#include <tern/types.h>
#include <uapi/linux/signal.h>

/* task->exit_state */
#define EXIT_ZOMBIE	1	/* exited; wait4 has not reaped it */
#define EXIT_DEAD	2	/* reaped, or nobody will */


/* Linux's wait status: exit code << 8 for an exit, the signal for a kill. */
#define W_EXITCODE(code, sig)	((((code) & 0xff) << 8) | ((sig) & 0x7f))

/* The trap frame of a task that runs (or will run) in user mode. */
static inline struct pt_regs *task_pt_regs(struct task *t)
{
	return (struct pt_regs *)(t->kernel_sp - PT_FRAME_SIZE);
}

/* The init process: orphans are given to it.  NULL: orphans are reaped at exit. */
extern struct task *child_reaper;

/* Makes t the child reaper (the first process; ktests); returns the old one. */
struct task *set_child_reaper(struct task *t);

/*
 * Ends the current process with wait status status (W_EXITCODE): drops
 * its address space, gives its children to child_reaper, becomes a
 * zombie and wakes its parent.  Never returns.
 */
void __noreturn do_exit(int status);

/*
 * wait4 for the kernel: pid -1 (any child), > 0 (that one), 0 (its
 * process group), < -1 (group -pid); options WNOHANG.  The reaped pid,
 * 0 (WNOHANG, none has exited yet), -ECHILD, -EINVAL; the status in
 * *status when status is not NULL.  current may be any task.
 */
long kernel_wait4(int pid, int *status, int options);

/*
 * Makes a new process that runs fn(arg) in the kernel, a child of
 * current; fn is expected to kernel_execve (a return is its exit code).
 * The child's pid, or -ENOMEM / -EAGAIN.  It starts at once.
 */
long kernel_spawn(int (*fn)(void *), void *arg, const char *name);

/*
 * kernel_spawn for the first process: pid INIT_PID (1), its own process
 * group and session.  Called once, by start_init (kernel/init.c).
 */
long kernel_spawn_init(int (*fn)(void *), void *arg);

/*
 * Replaces the current task's program (a kernel thread becomes a
 * process) with the binary bprm describes, argv and envp kernel arrays
 * ending in NULL.  On success never returns: the task goes to user mode.
 * On failure returns -errno and the task is as before.
 */
struct linux_binprm;
long kernel_execve(struct linux_binprm *bprm, const char *const *argv,
		   const char *const *envp);

/* ---- thread groups (kernel/thread.c, Documentation/threads.md) ---- */

/* t's group leader: t itself when it leads, or when it is in no group (kernel threads). */
static inline struct task *group_leader_of(struct task *t)
{
	return t->group_leader ? t->group_leader : t;
}

/* t starts a thread group of its own, as its leader (fork, exec of a kernel thread). */
void thread_group_init(struct task *t);

/* A new thread t (not running yet) joins creator's group; tasklist_lock not held. */
void thread_group_add(struct task *t, struct task *creator);

/*
 * Ends every thread of current's group but current: marks them
 * (exit_pending) and wakes them out of futex waits and other sleeps
 * that check it; a thread running in user mode on another hart is sent
 * an IPI.  Each one exits on its way back to user mode.  tasklist_lock
 * held.  The one place the group's other threads are told to end: the
 * signals work's SIGKILL joins it here.
 */
void zap_other_threads(struct task *self);

/*
 * exit_group and fatal ends: the whole group ends with wait status
 * status (the first group exit's, when one began already).  Never returns.
 */
void __noreturn do_group_exit(int status);

/* current->exit_pending was found on the way to user mode: it ends. */
void __noreturn thread_exit_pending(void);

/*
 * execve's de_thread: every other thread of current's group ends and
 * current becomes the leader, with the group's pid.  0, or -EINTR when
 * current itself was told to end meanwhile (the exec must not go on).
 */
int de_thread(void);

/*
 * exit_notify's half for groups (tasklist_lock held): self leaves its
 * group.  True when self is the last of it, so the group's leader may
 * now become a zombie; *release_self tells whether self (a non-leader)
 * is released at once.
 */
bool thread_group_leave(struct task *self, bool *release_self);

/* Guards the process tree (see above). */
#include <tern/spinlock.h>
extern spinlock_t tasklist_lock;

/*
 * t's address space with a user taken (mmput it), or NULL (a kernel
 * thread, a zombie).  tasklist_lock orders it against exit and exec,
 * which change t->mm under it.
 */
struct mm_struct *get_task_mm(struct task *t);

/* A vfork child execs or exits: its parent, asleep in vfork, goes on. */
void vfork_release(struct task *t);

/*
 * A kernel thread becomes a process (its first exec): it is counted
 * under the cap and gets the second hold on its struct that every
 * process has (the reap's, or the release's when it has no parent).
 */
void adopt_kernel_thread(struct task *t);

/* A zombie reaped or nobody's, or a thread gone: its slot under the cap and its struct go. */
void release_task(struct task *t);

/* A process is gone for good (reaped): its slot under the cap is free again. */
void uncharge_process(void);

/* RLIMIT_NPROC: processes (alive or zombie) allowed; 0 until the first fork sets it. */
extern unsigned long nproc_limit;

/*
 * kernel_execve of the file at path, found through binprm_open (the VFS
 * source, <tern/binfmts.h>): for starting the first process, as Linux's
 * run_init_process.  -ENOENT when there is no source or no such file.
 */
long kernel_execve_path(const char *path, const char *const *argv, const char *const *envp);

/* Drops t's fd table and root/cwd (exit; a fork that failed). */
void exit_files_and_fs(struct task *t);

/* Called by kthread_exit: a kernel thread's children go to child_reaper. */
void exit_children(struct task *t);

/* RLIMIT_STACK's soft limit in bytes (kernel/rlimit.c): the no-MMU loader sizes stacks by it. */
unsigned long stack_rlimit(void);

/* RLIMIT_NPROC's default, from memory size at boot (kernel/fork.c). */
unsigned long nproc_default(void);

/* Processes alive or zombie, for the fork cap and tests. */
unsigned int nr_processes(void);

#ifndef CONFIG_PROCESSES
/*
 * Without processes (PROCESSES off) the calls a
 * kernel caller may make answer as a kernel without user mode would,
 * so that callers (the first process's start) need no #ifdef.
 */
#define set_child_reaper(t)		((void)(t), (struct task *)NULL)
#define kernel_wait4(pid, st, opts)	((void)(pid), (void)(st), (void)(opts), -ECHILD)
#define kernel_spawn(fn, arg, name)	((void)(fn), (void)(arg), (void)(name), -ENOSYS)
#define kernel_spawn_init(fn, arg)	((void)(fn), (void)(arg), -ENOSYS)
#define kernel_execve(bprm, argv, envp)	((void)(bprm), (void)(argv), (void)(envp), -ENOSYS)
#define kernel_execve_path(path, argv, envp) \
	((void)(path), (void)(argv), (void)(envp), -ENOSYS)
#endif

#endif
