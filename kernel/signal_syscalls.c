// SPDX-License-Identifier: MIT
/*
 * The signal system calls (include/tern/signal.h): kill, tkill, tgkill,
 * rt_sigaction, rt_sigprocmask, rt_sigpending, rt_sigsuspend,
 * sigaltstack, restart_syscall; and the sigmask of ppoll/pselect6.
 * rt_sigreturn is the arch's (arch/riscv/kernel/signal.c).  sigsetsize
 * must be 8 (-EINVAL otherwise); every pointer goes through the uaccess
 * helpers, and a call that gives -EFAULT changed nothing.
 */
#include <tern/errno.h>
#include <tern/kernel.h>
#include <tern/process.h>
#include <tern/signal.h>
#include <tern/string.h>
#include <tern/syscalls.h>
#include <tern/time.h>
#include <tern/timer.h>
#include <tern/uaccess.h>

#define SIGSET_SIZE	sizeof(sigset_t)

static int get_sigset(u64 *set, const void __user *u)
{
	return copy_from_user(set, u, sizeof(*set)) ? -EFAULT : 0;
}

static int put_sigset(u64 set, void __user *u)
{
	return copy_to_user(u, &set, sizeof(set)) ? -EFAULT : 0;
}

SYSCALL_DEFINE2(kill, int, pid, int, sig)
{
	return kill_something(pid, sig, SI_USER);
}

/* tkill / tgkill: the thread pid of group tgid (-1: any group). */
static long do_tkill(int tgid, int pid, int sig)
{
	struct task *self = current;
	struct ksiginfo info = { .code = SI_TKILL, .pid = (int)self->tgid, .uid = self->uid };
	long ret;

	if (pid <= 0 || sig < 0 || sig > NSIG_KERNEL)
		return -EINVAL;
	if (pid != (int)self->pid || (tgid > 0 && tgid != (int)self->tgid)) {
		/* Another task: kill(2)'s search (one thread per process for now). */
		if (tgid > 0 && tgid != pid)
			return -ESRCH;
		return kill_something(pid, sig, SI_TKILL);
	}
	ret = sig ? send_signal(sig, &info, self, false) : 0;
	return ret;
}

SYSCALL_DEFINE2(tkill, int, pid, int, sig)
{
	return do_tkill(-1, pid, sig);
}

SYSCALL_DEFINE3(tgkill, int, tgid, int, pid, int, sig)
{
	if (tgid <= 0)
		return -EINVAL;
	return do_tkill(tgid, pid, sig);
}

#define SA_KNOWN	(SA_NOCLDSTOP | SA_NOCLDWAIT | SA_SIGINFO | SA_ONSTACK | SA_RESTART | \
			 SA_NODEFER | SA_RESETHAND | SA_EXPOSE_TAGBITS)

/*
 * Changing a disposition to ignored discards the pending instances,
 * as POSIX asks (Linux's do_sigaction).  siglock held.
 */
static void discard_if_ignored(struct task *t, int sig)
{
	const struct k_sigaction *ka = &t->sighand->action[sig - 1];

	if (ka->handler == (unsigned long)SIG_IGN ||
	    (ka->handler == (unsigned long)SIG_DFL &&
	     (sig == SIGCONT || sig == SIGCHLD || sig == SIGWINCH || sig == SIGURG))) {
		t->signal->shared_pending.set &= ~sigbit(sig);
		t->pending.set &= ~sigbit(sig);		/* thread group loop here */
	}
}

SYSCALL_DEFINE4(rt_sigaction, int, sig, const struct sigaction __user *, act,
		struct sigaction __user *, oact, size_t, sigsetsize)
{
	struct sighand_struct *sh = current->sighand;
	struct k_sigaction new, old;
	struct sigaction ua;
	unsigned long flags;

	if (sigsetsize != SIGSET_SIZE)
		return -EINVAL;
	if (sig < 1 || sig > NSIG_KERNEL || (act && (sigbit(sig) & SIG_KERNEL_ONLY_MASK)))
		return -EINVAL;
	if (act) {
		if (copy_from_user(&ua, act, sizeof(ua)))
			return -EFAULT;
		new.handler = (unsigned long)ua.sa_handler;
		new.flags = ua.sa_flags & SA_KNOWN;	/* unknown bits are dropped, as Linux */
		memcpy(&new.mask, &ua.sa_mask, sizeof(new.mask));
		new.mask &= ~SIG_KERNEL_ONLY_MASK;
	}
	/* oact is checked first: a bad one must leave the action unchanged. */
	if (oact && !access_ok(oact, sizeof(*oact)))
		return -EFAULT;
	flags = spin_lock_irqsave(&sh->siglock);
	old = sh->action[sig - 1];
	if (act) {
		sh->action[sig - 1] = new;
		discard_if_ignored(current, sig);
	}
	spin_unlock_irqrestore(&sh->siglock, flags);
	if (oact) {
		memset(&ua, 0, sizeof(ua));
		ua.sa_handler = (__sighandler_t)old.handler;
		ua.sa_flags = old.flags;
		memcpy(&ua.sa_mask, &old.mask, sizeof(old.mask));
		if (copy_to_user(oact, &ua, sizeof(ua))) {
			if (act) {	/* unmapped after all: put the old action back */
				flags = spin_lock_irqsave(&sh->siglock);
				sh->action[sig - 1] = old;
				spin_unlock_irqrestore(&sh->siglock, flags);
			}
			return -EFAULT;
		}
	}
	return 0;
}

SYSCALL_DEFINE4(rt_sigprocmask, int, how, const void __user *, nset, void __user *, oset,
		size_t, sigsetsize)
{
	u64 old = current->blocked, set;

	if (sigsetsize != SIGSET_SIZE)
		return -EINVAL;
	if (nset) {
		if (get_sigset(&set, nset))
			return -EFAULT;
		switch (how) {
		case SIG_BLOCK:
			set |= old;
			break;
		case SIG_UNBLOCK:
			set = old & ~set;
			break;
		case SIG_SETMASK:
			break;
		default:
			return -EINVAL;
		}
		if (oset && put_sigset(old, oset))
			return -EFAULT;		/* before the change: nothing changed */
		set_current_blocked(set);
		return 0;
	}
	return oset ? put_sigset(old, oset) : 0;
}

SYSCALL_DEFINE2(rt_sigpending, void __user *, uset, size_t, sigsetsize)
{
	struct task *self = current;
	unsigned long flags;
	u64 set;

	if (sigsetsize > SIGSET_SIZE)
		return -EINVAL;
	flags = spin_lock_irqsave(&self->sighand->siglock);
	set = (self->pending.set | self->signal->shared_pending.set) & self->blocked;
	spin_unlock_irqrestore(&self->sighand->siglock, flags);
	return copy_to_user(uset, &set, sigsetsize) ? -EFAULT : 0;
}

/* Sleeps with the mask given until a handler is to run: always -ERESTARTNOHAND. */
SYSCALL_DEFINE2(rt_sigsuspend, const void __user *, umask, size_t, sigsetsize)
{
	int err = set_user_sigmask(umask, sigsetsize);

	if (err)
		return err;
	if (!umask)
		return -EFAULT;
	while (!signal_pending(current)) {
		current->state = TASK_SLEEPING;
		if (signal_pending(current)) {
			current->state = TASK_RUNNING;
			break;
		}
		schedule();
	}
	restore_saved_sigmask_unless(true);
	return -ERESTARTNOHAND;
}

int set_user_sigmask(const void __user *umask, size_t size)
{
	struct task *self = current;
	u64 set;

	if (!umask)
		return 0;
	if (size != SIGSET_SIZE)
		return -EINVAL;
	if (get_sigset(&set, umask))
		return -EFAULT;
	self->saved_sigmask = self->blocked;
	self->restore_sigmask = true;
	set_current_blocked(set);
	return 0;
}

/* ---- the alternate stack ---- */

bool on_sig_stack(unsigned long sp)
{
	struct task *self = current;

	/* As Linux: an autodisarmed stack is not "on" (the frame may nest on it). */
	if (self->sas_ss_flags & SS_AUTODISARM)
		return false;
	return self->sas_ss_size && sp > self->sas_ss_sp &&
	       sp - self->sas_ss_sp <= self->sas_ss_size;
}

unsigned long sigsp(unsigned long sp, const struct ksignal *ksig)
{
	struct task *self = current;

	if ((ksig->ka.flags & SA_ONSTACK) && self->sas_ss_size && !on_sig_stack(sp))
		return self->sas_ss_sp + self->sas_ss_size;
	return sp;
}

void sas_ss_reset_on_delivery(const struct ksignal *ksig)
{
	struct task *self = current;

	if ((ksig->ka.flags & SA_ONSTACK) && (self->sas_ss_flags & SS_AUTODISARM)) {
		self->sas_ss_sp = self->sas_ss_size = 0;
		self->sas_ss_flags = 0;
	}
}

static int altstack_flags(unsigned long sp)
{
	struct task *self = current;

	if (!self->sas_ss_size)
		return SS_DISABLE;
	return (on_sig_stack(sp) ? SS_ONSTACK : 0) | (int)self->sas_ss_flags;
}

int save_altstack(stack_t __user *uss, unsigned long sp)
{
	stack_t st;

	memset(&st, 0, sizeof(st));
	st.ss_sp = (void *)current->sas_ss_sp;
	st.ss_size = current->sas_ss_size;
	st.ss_flags = altstack_flags(sp);
	return copy_to_user(uss, &st, sizeof(st)) ? -EFAULT : 0;
}

/* sigaltstack's change, from a user stack_t: 0, -EFAULT, -EINVAL, -EPERM, -ENOMEM. */
static int set_altstack(const stack_t *st, unsigned long sp)
{
	struct task *self = current;
	unsigned int mode = (unsigned int)st->ss_flags & ~SS_AUTODISARM;

	if (on_sig_stack(sp))
		return -EPERM;
	if (mode != SS_DISABLE && mode != SS_ONSTACK && mode != 0)
		return -EINVAL;
	if (mode == SS_DISABLE) {
		self->sas_ss_sp = self->sas_ss_size = 0;
		self->sas_ss_flags = 0;
		return 0;
	}
	if (st->ss_size < MINSIGSTKSZ)
		return -ENOMEM;
	self->sas_ss_sp = (unsigned long)st->ss_sp;
	self->sas_ss_size = st->ss_size;
	self->sas_ss_flags = (unsigned int)st->ss_flags & SS_AUTODISARM;
	return 0;
}

int restore_altstack(const stack_t __user *uss)
{
	stack_t st;

	if (copy_from_user(&st, uss, sizeof(st)))
		return -EFAULT;
	/* sigreturn: a bad stack_t in the frame is ignored, as Linux does. */
	(void)set_altstack(&st, task_pt_regs(current)->sp);
	return 0;
}

SYSCALL_DEFINE2(sigaltstack, const stack_t __user *, uss, stack_t __user *, uoss)
{
	unsigned long sp = task_pt_regs(current)->sp;
	stack_t st, old;
	int err;

	memset(&old, 0, sizeof(old));
	old.ss_sp = (void *)current->sas_ss_sp;
	old.ss_size = current->sas_ss_size;
	old.ss_flags = altstack_flags(sp);
	if (uoss && !access_ok(uoss, sizeof(*uoss)))
		return -EFAULT;
	if (uss) {
		if (copy_from_user(&st, uss, sizeof(st)))
			return -EFAULT;
		err = set_altstack(&st, sp);
		if (err)
			return err;
	}
	if (uoss && copy_to_user(uoss, &old, sizeof(old))) {
		if (uss) {	/* put the old one back: a failed call changes nothing */
			current->sas_ss_sp = (unsigned long)old.ss_sp;
			current->sas_ss_size = old.ss_size;
			current->sas_ss_flags = (unsigned int)old.ss_flags & SS_AUTODISARM;
		}
		return -EFAULT;
	}
	return 0;
}

/*
 * Waits for a signal of the set (normally blocked), with a timeout
 * (NULL: none; 0: a poll): the signal and its siginfo, -EAGAIN when the
 * time ran out, -EINTR when another signal came.  The set is unblocked
 * while waiting, as in Linux, so a signal of it wakes the sleep.
 */
static long do_sigtimedwait(const void __user *uset, siginfo_t __user *uinfo,
			    const struct __kernel_timespec __user *uts, size_t sigsetsize)
{
	struct task *self = current;
	struct __kernel_timespec ts;
	u64 set, saved, deadline = ~0ULL;
	struct ksiginfo info;
	siginfo_t si;
	int sig, err = 0;

	if (sigsetsize != SIGSET_SIZE)
		return -EINVAL;
	if (get_sigset(&set, uset))
		return -EFAULT;
	set &= ~SIG_KERNEL_ONLY_MASK;
	if (uts) {
		if (copy_from_user(&ts, uts, sizeof(ts)))
			return -EFAULT;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= 1000000000LL)
			return -EINVAL;
		if ((u64)ts.tv_sec < ~0ULL / NSEC_PER_SEC - ktime_ns() / NSEC_PER_SEC - 1)
			deadline = ktime_ns() + (u64)ts.tv_sec * NSEC_PER_SEC + (u64)ts.tv_nsec;
	}
	sig = dequeue_signal_from(set, &info);
	if (!sig) {
		if (uts && !ts.tv_sec && !ts.tv_nsec)
			return -EAGAIN;
		saved = self->blocked;
		set_current_blocked(saved & ~set);
		err = sleep_until_ns_interruptible(deadline);
		set_current_blocked(saved);
		sig = dequeue_signal_from(set, &info);
	}
	if (!sig)
		return err ? -EINTR : -EAGAIN;
	fill_siginfo(&si, sig, &info);
	if (uinfo && copy_to_user(uinfo, &si, sizeof(si)))
		return -EFAULT;
	return sig;
}

#if __SYSCALL_TIME32
SYSCALL_DEFINE4(rt_sigtimedwait, const void __user *, uset, siginfo_t __user *, uinfo,
		const struct __kernel_timespec __user *, uts, size_t, sigsetsize)
{
	return do_sigtimedwait(uset, uinfo, uts, sigsetsize);
}
#else
SYSCALL_DEFINE4(rt_sigtimedwait_time64, const void __user *, uset, siginfo_t __user *, uinfo,
		const struct __kernel_timespec __user *, uts, size_t, sigsetsize)
{
	return do_sigtimedwait(uset, uinfo, uts, sigsetsize);
}
#endif

SYSCALL_DEFINE0(restart_syscall)
{
	struct restart_block *rb = &current->restart_block;

	return rb->fn ? rb->fn(rb) : -EINTR;
}
