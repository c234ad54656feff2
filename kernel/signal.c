// SPDX-License-Identifier: MIT
/*
 * Signals: sending, default actions, stop and continue, parent
 * notification, and the state fork, exec and exit copy and drop
 * (include/tern/signal.h, Documentation/signals.md).  The system calls
 * are in signal_syscalls.c, the frame in arch/riscv/kernel/signal.c.
 */
#include <tern/errno.h>
#include <tern/kernel.h>
#include <tern/process.h>
#include <tern/sched_clone.h>
#include <tern/signal.h>
#include <tern/slab.h>
#include <tern/string.h>

_Static_assert(sizeof(siginfo_t) == SI_MAX_SIZE, "siginfo is 128 bytes");
_Static_assert(__builtin_offsetof(siginfo_t, si_pid) == (sizeof(long) == 8 ? 16 : 12),
	       "siginfo's union follows three ints, pointer-aligned");
_Static_assert(sizeof(sigset_t) == 8, "the kernel's sigset_t is 64 bits");
_Static_assert(sizeof(struct sigaction) == 3 * sizeof(long) + (sizeof(long) == 4 ? 4 : 0),
	       "asm-generic struct sigaction: handler, flags, mask");
_Static_assert(sizeof(stack_t) == 3 * sizeof(long), "stack_t: sp, flags, size");

/* Linux's default actions (signal(7)). */
enum sig_default { SIGDFL_TERM, SIGDFL_CORE, SIGDFL_STOP, SIGDFL_IGN, SIGDFL_CONT };

#define SIG_CORE_MASK	(sigbit(SIGQUIT) | sigbit(SIGILL) | sigbit(SIGTRAP) | sigbit(SIGABRT) | \
			 sigbit(SIGBUS) | sigbit(SIGFPE) | sigbit(SIGSEGV) | sigbit(SIGXCPU) | \
			 sigbit(SIGXFSZ) | sigbit(SIGSYS))
#define SIG_IGN_MASK	(sigbit(SIGCHLD) | sigbit(SIGURG) | sigbit(SIGWINCH))
/* Faults: taken before any other pending signal, as Linux's synchronous signals. */
#define SIG_SYNC_MASK	(sigbit(SIGSEGV) | sigbit(SIGBUS) | sigbit(SIGILL) | sigbit(SIGTRAP) | \
			 sigbit(SIGFPE) | sigbit(SIGSYS))

static enum sig_default sig_default(int sig)
{
	u64 b = sigbit(sig);

	if (sig == SIGCONT)
		return SIGDFL_CONT;
	if (b & SIG_STOP_MASK)
		return SIGDFL_STOP;
	if (b & SIG_IGN_MASK)
		return SIGDFL_IGN;
	return b & SIG_CORE_MASK ? SIGDFL_CORE : SIGDFL_TERM;
}

static bool valid_signal(int sig)
{
	return sig >= 1 && sig <= NSIG_KERNEL;
}

bool fatal_signal_pending(struct task *t)
{
	return READ_ONCE(t->sigpending) &&
	       ((READ_ONCE(t->pending.set) & sigbit(SIGKILL)) || READ_ONCE(t->exit_pending));
}

/* siglock held: is anything deliverable to t (or must it act: continue report)? */
static void recalc_sigpending_tsk(struct task *t)
{
	u64 set = t->pending.set | t->signal->shared_pending.set;
	bool work = (set & ~t->blocked) || (t->signal->flags & SIGNAL_CLD_CONTINUED) ||
		    t->exit_pending;	/* zap_other_threads: the thread is to end */

	WRITE_ONCE(t->sigpending, work);
}

/*
 * siglock held: t must look at its signals now; a sleeper wakes (and
 * re-checks), and one running user code on another hart is interrupted
 * (kick_process), so it takes the signal on its way back rather than at
 * its next tick.  Lock order: siglock, then the run queue's.
 */
static void signal_wake_up(struct task *t)
{
	WRITE_ONCE(t->sigpending, 1);
	if (t != current) {
		wake_up_process(t);
		kick_process(t);
	}
}

static bool sig_handler_ignored(const struct k_sigaction *ka, int sig)
{
	return ka->handler == (unsigned long)SIG_IGN ||
	       (ka->handler == (unsigned long)SIG_DFL &&
		(sig_default(sig) == SIGDFL_IGN || sig_default(sig) == SIGDFL_CONT));
}

/* siglock held: would sig be thrown away on arrival (ignored and not blocked)? */
static bool sig_ignored(struct task *t, int sig, bool forced)
{
	const struct k_sigaction *ka = &t->sighand->action[sig - 1];

	if (t->blocked & sigbit(sig) & ~SIG_KERNEL_ONLY_MASK)
		return false;	/* blocked signals wait: the handler may change meanwhile */
	/* Linux's SIGNAL_UNKILLABLE: init gets only the signals it handles. */
	if (t->pid == INIT_PID && !forced && ka->handler == (unsigned long)SIG_DFL)
		return true;
	return sig_handler_ignored(ka, sig);
}

static void pending_del(struct sigpending *p, u64 mask)
{
	p->set &= ~mask;
}

/*
 * siglock held.  The side effects of sending a stop or continue signal
 * (before it is queued, and even when it is then ignored): a stop
 * signal discards a pending SIGCONT; SIGCONT discards pending stop
 * signals and continues a stopped group.  SIGKILL wakes a stopped task.
 */
static void prepare_signal(int sig, struct task *t)
{
	struct signal_struct *s = t->signal;

	if (sigbit(sig) & SIG_STOP_MASK) {
		pending_del(&s->shared_pending, sigbit(SIGCONT));
		pending_del(&t->pending, sigbit(SIGCONT));	/* thread group loop here */
	} else if (sig == SIGCONT) {
		pending_del(&s->shared_pending, SIG_STOP_MASK);
		pending_del(&t->pending, SIG_STOP_MASK);	/* thread group loop here */
		if (s->flags & SIGNAL_STOP_STOPPED) {
			s->flags = (s->flags & ~(SIGNAL_STOP_STOPPED | SIGNAL_STOP_REPORT)) |
				   SIGNAL_CONT_REPORT | SIGNAL_CLD_CONTINUED;
			signal_wake_up(t);			/* thread group loop here */
		}
	}
}

/*
 * siglock held, sig queued.  Picks the task that takes a process-directed
 * signal and wakes it.  With threads (CLONE_THREAD), Linux's choice
 * goes here: the thread group loop looks for a thread that does not
 * block sig, starting with t, and a fatal signal (SIGKILL, or a
 * default-action kill nobody handles) marks the group exiting and puts
 * SIGKILL in every thread's pending set.  One task per group for now:
 * t takes it.
 */
static void complete_signal(int sig, struct task *t, bool group)
{
	const struct k_sigaction *ka = &t->sighand->action[sig - 1];
	enum sig_default d = sig_default(sig);

	(void)group;
	if ((t->blocked & sigbit(sig)) && sig != SIGKILL)
		return;
	/* Fatal: a stop or continue not yet told to the parent is not told (Linux's group exit). */
	if (sig == SIGKILL || (ka->handler == (unsigned long)SIG_DFL &&
			       (d == SIGDFL_TERM || d == SIGDFL_CORE)))
		t->signal->flags &= ~(SIGNAL_STOP_STOPPED | SIGNAL_CLD_CONTINUED);
	signal_wake_up(t);
}

/* siglock held. */
static void send_signal_locked(int sig, const struct ksiginfo *info, struct task *t, bool group,
			       bool forced)
{
	struct sigpending *p = group ? &t->signal->shared_pending : &t->pending;

	prepare_signal(sig, t);
	if (sig_ignored(t, sig, forced))
		return;
	if (p->set & sigbit(sig))
		return;		/* one of each at a time (real-time ones are not queued here) */
	p->set |= sigbit(sig);
	p->info[sig - 1] = *info;
	complete_signal(sig, t, group);
}

int send_signal(int sig, const struct ksiginfo *info, struct task *t, bool group)
{
	struct sighand_struct *sh = t->sighand;
	unsigned long flags;

	if (!sh)
		return -ESRCH;
	flags = spin_lock_irqsave(&sh->siglock);
	send_signal_locked(sig, info, t, group, false);
	spin_unlock_irqrestore(&sh->siglock, flags);
	return 0;
}

void force_sig_fault(int sig, int code, unsigned long addr)
{
	struct task *self = current;
	struct sighand_struct *sh = self->sighand;
	struct ksiginfo info = { .code = code, .addr = addr };
	struct k_sigaction *ka = &sh->action[sig - 1];
	unsigned long flags = spin_lock_irqsave(&sh->siglock);

	if (ka->handler == (unsigned long)SIG_IGN || (self->blocked & sigbit(sig))) {
		self->blocked &= ~sigbit(sig);
		ka->handler = (unsigned long)SIG_DFL;
	}
	send_signal_locked(sig, &info, self, false, true);
	recalc_sigpending_tsk(self);
	spin_unlock_irqrestore(&sh->siglock, flags);
}

/* ---- kill(2)'s targets ---- */

struct kill_args {
	int pid, sig;		/* pid: kill(2)'s */
	struct ksiginfo info;
	struct task *self;
	int found, err;
};

static bool kill_matches(const struct task *t, const struct kill_args *k)
{
	if (!t->is_process || t->exit_state || t->tgid != t->pid)
		return false;
	if (k->pid > 0)
		return (int)t->pid == k->pid;
	if (k->pid == -1)
		return t->pid != INIT_PID && t != k->self;
	return (int)t->pgid == (k->pid == 0 ? (int)k->self->pgid : -k->pid);
}

/* Under tasklist_lock and the task list's lock. */
static int kill_one(struct task *t, void *arg)
{
	struct kill_args *k = arg;

	if (!kill_matches(t, k))
		return 0;
	k->found++;
	if (k->sig && send_signal(k->sig, &k->info, t, true) == 0)
		k->err = 0;
	return k->pid > 0;	/* one pid: done */
}

/* sig 0 only checks that the targets exist (kill(2)'s). */
static int kill_targets(struct kill_args *k)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);

	k->err = -ESRCH;
	for_each_task(kill_one, k);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!k->found)
		return -ESRCH;
	return k->sig ? k->err : 0;
}

int kill_something(int pid, int sig, int code)
{
	struct kill_args k = { .pid = pid, .sig = sig, .self = current };

	if (sig < 0 || sig > NSIG_KERNEL)
		return -EINVAL;
	if (pid == -2147483647 - 1)	/* -pid would overflow */
		return -ESRCH;
	k.info.code = code;
	k.info.pid = current->is_process ? (int)current->tgid : 0;
	k.info.uid = current->uid;
	return kill_targets(&k);
}

void kill_pgrp_from_tty(int pgrp, int sig)
{
	struct kill_args k = { .pid = -pgrp, .sig = sig, .self = current };

	if (pgrp <= 0)
		return;
	k.info.code = SI_KERNEL;
	kill_targets(&k);
}

/* ---- delivery ---- */

/* siglock held: the next deliverable signal from p (faults first), removed; 0 if none. */
static int dequeue_from(struct sigpending *p, u64 blocked, struct ksiginfo *info)
{
	u64 ready = p->set & ~blocked;
	int sig;

	if (!ready)
		return 0;
	if (ready & SIG_SYNC_MASK)
		ready &= SIG_SYNC_MASK;
	sig = __builtin_ctzll(ready) + 1;
	p->set &= ~sigbit(sig);
	*info = p->info[sig - 1];
	return sig;
}

static int dequeue_signal(struct task *t, struct ksiginfo *info)
{
	int sig = dequeue_from(&t->pending, t->blocked, info);

	if (!sig)
		sig = dequeue_from(&t->signal->shared_pending, t->blocked, info);
	recalc_sigpending_tsk(t);
	return sig;
}

static void do_notify_parent_cldstop(struct task *t, int why, int sig);

/*
 * siglock held on entry, dropped: the group stops with sig, its parent
 * is told, and the task sleeps until SIGCONT or SIGKILL.
 */
static void do_signal_stop(struct task *self, int sig, unsigned long flags)
{
	struct sighand_struct *sh = self->sighand;
	struct signal_struct *s = self->signal;

	s->flags = (s->flags & ~(SIGNAL_CONT_REPORT | SIGNAL_CLD_CONTINUED)) |
		   SIGNAL_STOP_STOPPED | SIGNAL_STOP_REPORT;
	s->stop_sig = sig;
	spin_unlock_irqrestore(&sh->siglock, flags);
	do_notify_parent_cldstop(self, CLD_STOPPED, sig);
	for (;;) {
		flags = spin_lock_irqsave(&sh->siglock);
		if (!(s->flags & SIGNAL_STOP_STOPPED) || (self->pending.set & sigbit(SIGKILL)) ||
		    (s->shared_pending.set & sigbit(SIGKILL))) {
			spin_unlock_irqrestore(&sh->siglock, flags);
			return;
		}
		self->state = TASK_SLEEPING;
		spin_unlock_irqrestore(&sh->siglock, flags);
		schedule();
	}
}

bool get_signal(struct ksignal *ksig)
{
	struct task *self = current;
	struct sighand_struct *sh = self->sighand;
	unsigned long flags;

	for (;;) {
		struct k_sigaction *ka;
		int sig;

		flags = spin_lock_irqsave(&sh->siglock);
		if (self->signal->flags & SIGNAL_CLD_CONTINUED) {
			self->signal->flags &= ~SIGNAL_CLD_CONTINUED;
			recalc_sigpending_tsk(self);
			spin_unlock_irqrestore(&sh->siglock, flags);
			do_notify_parent_cldstop(self, CLD_CONTINUED, SIGCONT);
			continue;
		}
		sig = dequeue_signal(self, &ksig->info);
		if (!sig) {
			spin_unlock_irqrestore(&sh->siglock, flags);
			return false;
		}
		ka = &sh->action[sig - 1];
		if (ka->handler == (unsigned long)SIG_IGN) {
			spin_unlock_irqrestore(&sh->siglock, flags);
			continue;
		}
		if (ka->handler != (unsigned long)SIG_DFL) {
			ksig->sig = sig;
			ksig->ka = *ka;
			if (ka->flags & SA_RESETHAND)
				ka->handler = (unsigned long)SIG_DFL;
			spin_unlock_irqrestore(&sh->siglock, flags);
			return true;
		}
		switch (sig_default(sig)) {
		case SIGDFL_IGN:
		case SIGDFL_CONT:
			spin_unlock_irqrestore(&sh->siglock, flags);
			continue;
		case SIGDFL_STOP:
			do_signal_stop(self, sig, flags);
			continue;
		default:
			/* No core is written, so no WCOREDUMP bit (Linux sets it only for a core). */
			spin_unlock_irqrestore(&sh->siglock, flags);
			do_group_exit(W_EXITCODE(0, sig));	/* every thread of the group */
		}
	}
}

void set_current_blocked(u64 set)
{
	struct task *self = current;
	unsigned long flags = spin_lock_irqsave(&self->sighand->siglock);

	self->blocked = set & ~SIG_KERNEL_ONLY_MASK;
	recalc_sigpending_tsk(self);
	spin_unlock_irqrestore(&self->sighand->siglock, flags);
}

void signal_setup_done(bool failed, struct ksignal *ksig)
{
	u64 mask;

	if (failed) {
		force_sig_fault(SIGSEGV, SI_KERNEL, 0);
		return;
	}
	current->restore_sigmask = false;
	mask = current->blocked | ksig->ka.mask;
	if (!(ksig->ka.flags & SA_NODEFER))
		mask |= sigbit(ksig->sig);
	set_current_blocked(mask);
	sas_ss_reset_on_delivery(ksig);
}

u64 sigmask_to_save(void)
{
	return current->restore_sigmask ? current->saved_sigmask : current->blocked;
}

void restore_saved_sigmask(void)
{
	if (current->restore_sigmask) {
		current->restore_sigmask = false;
		set_current_blocked(current->saved_sigmask);
	}
}

void restore_saved_sigmask_unless(bool interrupted)
{
	if (!current->restore_sigmask)
		return;
	if (interrupted)
		WRITE_ONCE(current->sigpending, 1);	/* the way out puts it back */
	else
		restore_saved_sigmask();
}

/* ---- the parent ---- */

static int parent_siginfo_code(int status)
{
	if (!(status & 0x7f))
		return CLD_EXITED;
	return (status & 0x80) ? CLD_DUMPED : CLD_KILLED;
}

bool do_notify_parent(struct task *t, int status)
{
	struct task *parent = t->parent;
	struct ksiginfo info = { .pid = (int)t->tgid, .uid = t->uid };
	const struct k_sigaction *ka;
	bool autoreap = false;
	int sig = t->exit_signal;

	if (!parent || !parent->sighand)
		return !parent;
	info.code = parent_siginfo_code(status);
	info.status = info.code == CLD_EXITED ? (status >> 8) & 0xff : status & 0x7f;
	ka = &parent->sighand->action[SIGCHLD - 1];
	if (sig == SIGCHLD && (ka->handler == (unsigned long)SIG_IGN ||
			       (ka->flags & SA_NOCLDWAIT))) {
		autoreap = true;
		if (ka->handler == (unsigned long)SIG_IGN)
			sig = 0;
	}
	if (valid_signal(sig))
		send_signal(sig, &info, parent, true);
	return autoreap;
}

static void do_notify_parent_cldstop(struct task *t, int why, int sig)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	struct task *parent = t->parent;
	struct ksiginfo info = { .code = why, .pid = (int)t->tgid, .uid = t->uid, .status = sig };

	if (parent && parent->sighand) {
		if (!(parent->sighand->action[SIGCHLD - 1].flags & SA_NOCLDSTOP))
			send_signal(SIGCHLD, &info, parent, true);
		wake_up_process(parent);	/* wait4 with WUNTRACED / WCONTINUED */
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

#define WUNTRACED	0x00000002
#define WCONTINUED	0x00000008
#define WNOWAIT		0x01000000

int wait_task_stopped_or_continued(struct task *c, int options)
{
	struct signal_struct *s = c->signal;
	unsigned long flags;
	int status = 0;

	if (!s || c->exit_state)
		return 0;
	flags = spin_lock_irqsave(&c->sighand->siglock);
	if ((options & WUNTRACED) && (s->flags & SIGNAL_STOP_REPORT) &&
	    (s->flags & SIGNAL_STOP_STOPPED)) {
		status = 0x7f | (s->stop_sig << 8);
		if (!(options & WNOWAIT))
			s->flags &= ~SIGNAL_STOP_REPORT;
	} else if ((options & WCONTINUED) && (s->flags & SIGNAL_CONT_REPORT)) {
		status = 0xffff;
		if (!(options & WNOWAIT))
			s->flags &= ~SIGNAL_CONT_REPORT;
	}
	spin_unlock_irqrestore(&c->sighand->siglock, flags);
	return status;
}

/* ---- fork, exec, exit ---- */

static struct sighand_struct *alloc_sighand(const struct sighand_struct *from)
{
	struct sighand_struct *sh = kzalloc(sizeof(*sh), GFP_KERNEL);

	if (!sh)
		return NULL;
	sh->count = 1;
	spin_lock_init(&sh->siglock);
	if (from) {
		unsigned long flags = spin_lock_irqsave((spinlock_t *)&from->siglock);

		memcpy(sh->action, from->action, sizeof(sh->action));
		spin_unlock_irqrestore((spinlock_t *)&from->siglock, flags);
	}
	return sh;
}

static struct signal_struct *alloc_signal(const struct signal_struct *from)
{
	struct signal_struct *s = kzalloc(sizeof(*s), GFP_KERNEL);

	if (!s)
		return NULL;
	s->count = 1;
	if (from)
		s->tty = from->tty;
	return s;
}

int copy_signal_state(struct task *child, unsigned long clone_flags)
{
	struct task *self = current;

	if (!self->sighand)
		return signals_init_process(child);
	if (clone_flags & CLONE_SIGHAND) {
		__atomic_add_fetch(&self->sighand->count, 1, __ATOMIC_RELAXED);
		child->sighand = self->sighand;
	} else {
		child->sighand = alloc_sighand(self->sighand);
	}
	if (clone_flags & CLONE_THREAD) {
		__atomic_add_fetch(&self->signal->count, 1, __ATOMIC_RELAXED);
		child->signal = self->signal;
	} else {
		child->signal = alloc_signal(self->signal);
	}
	child->blocked = self->blocked;
	child->sas_ss_sp = self->sas_ss_sp;
	child->sas_ss_size = self->sas_ss_size;
	child->sas_ss_flags = self->sas_ss_flags;
	if ((clone_flags & (CLONE_VM | CLONE_VFORK)) == CLONE_VM)
		child->sas_ss_sp = child->sas_ss_size = 0;	/* a thread: its own stack */
	if (!child->sighand || !child->signal) {
		free_signal_state(child->sighand, child->signal);
		child->sighand = NULL;
		child->signal = NULL;
		return -ENOMEM;
	}
	return 0;
}

int signals_init_process(struct task *t)
{
	t->sighand = alloc_sighand(NULL);
	t->signal = alloc_signal(NULL);
	if (t->sighand && t->signal)
		return 0;
	free_signal_state(t->sighand, t->signal);
	t->sighand = NULL;
	t->signal = NULL;
	return -ENOMEM;
}

/*
 * exec: caught signals go back to SIG_DFL; ignored ones, the mask and
 * pending signals stay; the alternate stack goes.  (With threads, exec
 * first makes the sighand its own: Linux's de_thread/unshare_sighand.)
 */
void flush_signal_handlers_on_exec(struct task *t)
{
	struct sighand_struct *sh = t->sighand;
	unsigned long flags = spin_lock_irqsave(&sh->siglock);
	int i;

	for (i = 0; i < NSIG_KERNEL; i++) {
		struct k_sigaction *ka = &sh->action[i];

		if (ka->handler != (unsigned long)SIG_IGN)
			ka->handler = (unsigned long)SIG_DFL;
		ka->flags = 0;
		ka->mask = 0;
	}
	spin_unlock_irqrestore(&sh->siglock, flags);
	t->sas_ss_sp = t->sas_ss_size = 0;
	t->sas_ss_flags = 0;
}

void free_signal_state(struct sighand_struct *sh, struct signal_struct *sig)
{
	if (sh && __atomic_sub_fetch(&sh->count, 1, __ATOMIC_ACQ_REL) == 0)
		kfree(sh);
	if (sig && __atomic_sub_fetch(&sig->count, 1, __ATOMIC_ACQ_REL) == 0)
		kfree(sig);
}

void exit_signals(struct task *t)
{
	struct sighand_struct *sh = t->sighand;
	unsigned long flags;

	if (!sh)
		return;
	flags = spin_lock_irqsave(&sh->siglock);
	t->sighand = NULL;
	t->signal = NULL;
	WRITE_ONCE(t->sigpending, 0);
	spin_unlock_irqrestore(&sh->siglock, flags);
}

struct tty_struct *get_current_tty(void)
{
	struct signal_struct *s = current->signal;

	return s ? READ_ONCE(s->tty) : NULL;
}

void set_current_tty(struct tty_struct *tty)
{
	if (current->signal)
		WRITE_ONCE(current->signal->tty, tty);
}

bool sig_blocked_or_ignored(int sig)
{
	struct task *self = current;

	if (!self->sighand)
		return true;
	return (self->blocked & sigbit(sig)) ||
	       self->sighand->action[sig - 1].handler == (unsigned long)SIG_IGN;
}

void fill_siginfo(siginfo_t *si, int sig, const struct ksiginfo *info)
{
	memset(si, 0, sizeof(*si));
	si->si_signo = sig;
	si->si_code = info->code;
	if ((sigbit(sig) & SIG_SYNC_MASK) && info->code > 0 && info->code < SI_KERNEL) {
		si->si_addr = (void *)info->addr;
		return;
	}
	si->si_pid = info->pid;
	si->si_uid = info->uid;
	if (sig == SIGCHLD)
		si->si_status = info->status;
}

int dequeue_signal_from(u64 set, struct ksiginfo *info)
{
	struct task *self = current;
	unsigned long flags = spin_lock_irqsave(&self->sighand->siglock);
	int sig = dequeue_from(&self->pending, ~set, info);

	if (!sig)
		sig = dequeue_from(&self->signal->shared_pending, ~set, info);
	recalc_sigpending_tsk(self);
	spin_unlock_irqrestore(&self->sighand->siglock, flags);
	return sig;
}
