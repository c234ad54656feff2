/* SPDX-License-Identifier: MIT */
/*
 * Signals (kernel/signal.c, arch/riscv/kernel/signal.c;
 * Documentation/signals.md), as Linux has them.
 *
 * State, designed for threads as Linux's is:
 *  - per task: pending (task-directed: tkill, faults), blocked (the
 *    mask), the alternate stack, sigpending (the flag the way back to
 *    user mode tests);
 *  - struct sighand_struct: the action table and siglock, shared by the
 *    tasks cloned with CLONE_SIGHAND;
 *  - struct signal_struct: the thread group's shared pending
 *    (process-directed: kill), group stop and exit state and the
 *    controlling tty, shared by the tasks cloned with CLONE_THREAD.
 *
 * Locking: sighand->siglock (interrupts off) guards every field of both
 * structs and of the tasks that share them (pending, blocked,
 * sigpending).  tasklist_lock is taken before a siglock, never after;
 * it pins a task's sighand and signal (exit clears them under both), so
 * sending to a task other than current needs it held.
 */
#ifndef TERN_SIGNAL_H
#define TERN_SIGNAL_H

#include <asm/ptrace.h>
#include <tern/errno.h>
#include <tern/kconfig.h>
#include <tern/sched.h>
#include <tern/signal_types.h>
#include <tern/spinlock.h>
#include <uapi/linux/signal.h>

struct tty_struct;

static inline u64 sigbit(int sig)
{
	return 1ULL << (sig - 1);
}

/* Signals that cannot be caught, blocked or ignored. */
#define SIG_KERNEL_ONLY_MASK	(sigbit(SIGKILL) | sigbit(SIGSTOP))
#define SIG_STOP_MASK		(sigbit(SIGSTOP) | sigbit(SIGTSTP) | sigbit(SIGTTIN) | \
				 sigbit(SIGTTOU))

struct k_sigaction {
	unsigned long handler;		/* SIG_DFL 0, SIG_IGN 1, or a user address */
	unsigned long flags;		/* SA_* */
	u64 mask;			/* blocked while the handler runs */
};

struct sighand_struct {
	int count;			/* atomic: tasks sharing it */
	spinlock_t siglock;
	struct k_sigaction action[NSIG_KERNEL];
};

/* signal_struct->flags */
#define SIGNAL_STOP_STOPPED	0x1	/* stopped by a stop signal */
#define SIGNAL_STOP_REPORT	0x2	/* the stop is not yet reported to wait4 (WUNTRACED) */
#define SIGNAL_CONT_REPORT	0x4	/* continued, not yet reported to wait4 (WCONTINUED) */
#define SIGNAL_CLD_CONTINUED	0x8	/* continued, the parent not yet sent SIGCHLD */

struct signal_struct {
	int count;			/* atomic: tasks sharing it */
	struct sigpending shared_pending;
	unsigned int flags;		/* SIGNAL_* */
	int stop_sig;			/* the signal that stopped the group */
	struct tty_struct *tty;		/* the controlling tty; NULL: none */
};

/* A signal get_signal took for a handler. */
struct ksignal {
	int sig;
	struct k_sigaction ka;
	struct ksiginfo info;
};

static inline bool signal_pending(const struct task *t)
{
	return READ_ONCE(t->sigpending);
}

/* A SIGKILL is on its way: killable waits give up. */
bool fatal_signal_pending(struct task *t);

/*
 * Sends sig to t: group (process-directed, kill) or to t alone (tkill,
 * faults).  Ignored signals are dropped.  0, or -ESRCH when t has no
 * signal state (a kernel thread, an exiting task).  The caller holds
 * tasklist_lock, or t is current.  Any context (the tty's receive
 * interrupt calls it).
 */
#ifdef CONFIG_PROCESSES
int send_signal(int sig, const struct ksiginfo *info, struct task *t, bool group);
#else
/* Without processes nobody can receive one (callers in fs/ and drivers/ need no #ifdef). */
static inline int send_signal(int sig, const struct ksiginfo *info, struct task *t, bool group)
{
	return -ESRCH;
}
#endif

/*
 * kill(2)'s targets: pid > 0 one process, 0 the caller's group, -1 every
 * process but init and the caller, < -1 the group -pid.  0, -ESRCH.
 * code is SI_USER for kill(2), SI_KERNEL for the tty.
 */
#ifdef CONFIG_PROCESSES
int kill_something(int pid, int sig, int code);
#else
static inline int kill_something(int pid, int sig, int code)
{
	return -ESRCH;
}
#endif

/* The tty's ^C, ^\, ^Z: sig to process group pgrp, from the receive interrupt. */
#ifdef CONFIG_PROCESSES
void kill_pgrp_from_tty(int pgrp, int sig);
#else
static inline void kill_pgrp_from_tty(int pgrp, int sig)
{
}
#endif

/*
 * A fault in user mode: sig with code and si_addr addr to current.  If
 * the signal is blocked or ignored it is unblocked and reset to SIG_DFL
 * first, so the process dies, as Linux's force_sig_fault.
 */
void force_sig_fault(int sig, int code, unsigned long addr);

/*
 * On the way back to user mode with sigpending set (interrupts on):
 * takes the next deliverable signal, acting on default actions (stop,
 * exit) itself; true with *ksig filled when a handler must run.
 */
bool get_signal(struct ksignal *ksig);

/* The frame for ksig was built (or not: failed): block its mask, or force SIGSEGV. */
void signal_setup_done(bool failed, struct ksignal *ksig);

/* siginfo for user mode from a signal's number and what it carried. */
void fill_siginfo(siginfo_t *si, int sig, const struct ksiginfo *info);

/* rt_sigtimedwait: takes a pending signal of set (blocked or not); 0 if none. */
int dequeue_signal_from(u64 set, struct ksiginfo *info);

/* The mask to put in a signal frame: the saved one (sigsuspend, ppoll) or the current. */
u64 sigmask_to_save(void);

/* Sets current's mask (SIGKILL and SIGSTOP never blocked), recomputes sigpending. */
void set_current_blocked(u64 set);

/*
 * ppoll, pselect6, rt_sigsuspend: the mask for the call's duration.
 * set_user_sigmask copies and installs it (0, -EFAULT, -EINVAL);
 * restore_saved_sigmask_unless(interrupted) puts the old one back now,
 * or (interrupted) on the way out to user mode, after the handler frame
 * saved it.
 */
#ifdef CONFIG_PROCESSES
int set_user_sigmask(const void __user *umask, size_t size);
void restore_saved_sigmask_unless(bool interrupted);
#else
/* Without processes there are no signals: a mask changes nothing. */
static inline int set_user_sigmask(const void __user *umask, size_t size)
{
	return 0;
}

static inline void restore_saved_sigmask_unless(bool interrupted)
{
}
#endif
void restore_saved_sigmask(void);

/* The alternate stack, for the frame code: is sp on it?  Where does a frame go? */
bool on_sig_stack(unsigned long sp);
unsigned long sigsp(unsigned long sp, const struct ksignal *ksig);
void sas_ss_reset_on_delivery(const struct ksignal *ksig);
int save_altstack(stack_t __user *uss, unsigned long sp);
int restore_altstack(const stack_t __user *uss);

/*
 * Parent notification: at exit (exit_signal, CLD_EXITED/KILLED);
 * returns true when the child is to be reaped at once (the parent
 * ignores SIGCHLD or set SA_NOCLDWAIT).  tasklist_lock held.
 */
bool do_notify_parent(struct task *t, int status);

/*
 * wait4's WUNTRACED / WCONTINUED: a stopped or continued child's status
 * (0x7f | sig << 8, 0xffff), cleared as reported; 0 if nothing to
 * report.  tasklist_lock held.
 */
int wait_task_stopped_or_continued(struct task *c, int options);

/* Fork, exec and exit (CLONE_SIGHAND / CLONE_THREAD share, else copy). */
int copy_signal_state(struct task *child, unsigned long clone_flags);
int signals_init_process(struct task *t);	/* a kernel thread's first exec */
void flush_signal_handlers_on_exec(struct task *t);
void exit_signals(struct task *t);		/* tasklist_lock held */
void free_signal_state(struct sighand_struct *sh, struct signal_struct *sig);

/* Would current stop for sig?  No if it blocks or ignores it (background tty reads). */
/* The controlling tty (drivers/tty/tty_dev.c): current's, and setting it. */
#ifdef CONFIG_PROCESSES
bool sig_blocked_or_ignored(int sig);
struct tty_struct *get_current_tty(void);
void set_current_tty(struct tty_struct *tty);
#else
static inline bool sig_blocked_or_ignored(int sig)
{
	return true;
}

static inline struct tty_struct *get_current_tty(void)
{
	return NULL;
}

static inline void set_current_tty(struct tty_struct *tty)
{
}
#endif

/* The arch delivers (builds the frame) and restarts calls: arch/riscv/kernel/signal.c. */
void do_notify_resume(struct pt_regs *regs);

/* exec: the signal return trampoline in the new address space (arch). */
struct mm_struct;
int arch_setup_sigpage(struct mm_struct *mm);

#endif
