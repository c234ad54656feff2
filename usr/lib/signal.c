// SPDX-License-Identifier: MIT
/*
 * Signals.  The user's sigset_t is an unsigned long (signals 1 to
 * BITS_PER_LONG); the kernel's is 64 bits in every call (sigsetsize 8),
 * and its struct sigaction orders the fields differently.  RISC-V has no
 * sa_restorer: the kernel returns handlers through its own trampoline.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "syscall.h"

#define KSIGSET_SIZE 8

static unsigned long long to_kernel(const sigset_t *set) { return set ? (unsigned long long)*set : 0; }

int sigemptyset(sigset_t *set) { *set = 0; return 0; }
int sigfillset(sigset_t *set) { *set = ~0UL; return 0; }

static int bad_signal(int sig)
{
	if (sig < 1 || sig > (int)(8 * sizeof(sigset_t))) {
		errno = EINVAL;
		return 1;
	}
	return 0;
}

int sigaddset(sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return -1;
	*set |= 1UL << (sig - 1);
	return 0;
}

int sigdelset(sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return -1;
	*set &= ~(1UL << (sig - 1));
	return 0;
}

int sigismember(const sigset_t *set, int sig)
{
	if (bad_signal(sig))
		return -1;
	return !!(*set & (1UL << (sig - 1)));
}

int sigprocmask(int how, const sigset_t *set, sigset_t *old)
{
	unsigned long long kset = to_kernel(set), kold = 0;

	if (__ret(sys4(rt_sigprocmask, how, set ? &kset : 0, old ? &kold : 0, KSIGSET_SIZE)) < 0)
		return -1;
	if (old)
		*old = (sigset_t)kold;
	return 0;
}

int sigpending(sigset_t *set)
{
	unsigned long long k = 0;

	if (__ret(sys2(rt_sigpending, &k, KSIGSET_SIZE)) < 0)
		return -1;
	*set = (sigset_t)k;
	return 0;
}

int sigsuspend(const sigset_t *mask)
{
	unsigned long long k = to_kernel(mask);

	return __ret(sys2(rt_sigsuspend, &k, KSIGSET_SIZE));
}

/* The kernel's struct sigaction (include/uapi/linux/signal.h). */
struct ksigaction {
	void *handler;
	unsigned long flags;
	unsigned long long mask;
};

int sigaction(int sig, const struct sigaction *act, struct sigaction *old)
{
	struct ksigaction kact, kold;

	if (act) {
		kact.handler = (void *)act->sa_handler;
		kact.flags = (unsigned int)act->sa_flags;
		kact.mask = act->sa_mask;
	}
	if (__ret(sys4(rt_sigaction, sig, act ? &kact : 0, old ? &kold : 0, KSIGSET_SIZE)) < 0)
		return -1;
	if (old) {
		memset(old, 0, sizeof(*old));
		old->sa_handler = (void (*)(int))kold.handler;
		old->sa_flags = (int)kold.flags;
		old->sa_mask = (sigset_t)kold.mask;
	}
	return 0;
}

/* signal(): BSD semantics, as glibc gives: the handler stays, calls restart. */
sighandler_t signal(int sig, sighandler_t handler)
{
	struct sigaction sa = { .sa_handler = handler, .sa_flags = SA_RESTART }, old;

	sigemptyset(&sa.sa_mask);
	if (sigaction(sig, &sa, &old) < 0)
		return SIG_ERR;
	return old.sa_handler;
}

int siginterrupt(int sig, int flag)
{
	struct sigaction sa;

	if (sigaction(sig, 0, &sa) < 0)
		return -1;
	if (flag)
		sa.sa_flags &= ~SA_RESTART;
	else
		sa.sa_flags |= SA_RESTART;
	return sigaction(sig, &sa, 0);
}

int sigaltstack(const stack_t *ss, stack_t *old) { return __ret(sys2(sigaltstack, ss, old)); }
int kill(pid_t pid, int sig) { return __ret(sys2(kill, pid, sig)); }

int killpg(pid_t pgrp, int sig)
{
	if (pgrp <= 1) {
		errno = EINVAL;
		return -1;
	}
	return kill(-pgrp, sig);
}

int raise(int sig) { return __ret(sys2(tkill, sys0(gettid), sig)); }

static const char *const signal_names[] = {
	[SIGHUP] = "Hangup", [SIGINT] = "Interrupt", [SIGQUIT] = "Quit",
	[SIGILL] = "Illegal instruction", [SIGTRAP] = "Trace/breakpoint trap",
	[SIGABRT] = "Aborted", [SIGBUS] = "Bus error", [SIGFPE] = "Floating point exception",
	[SIGKILL] = "Killed", [SIGUSR1] = "User defined signal 1",
	[SIGSEGV] = "Segmentation fault", [SIGUSR2] = "User defined signal 2",
	[SIGPIPE] = "Broken pipe", [SIGALRM] = "Alarm clock", [SIGTERM] = "Terminated",
	[SIGSTKFLT] = "Stack fault", [SIGCHLD] = "Child exited", [SIGCONT] = "Continued",
	[SIGSTOP] = "Stopped (signal)", [SIGTSTP] = "Stopped", [SIGTTIN] = "Stopped (tty input)",
	[SIGTTOU] = "Stopped (tty output)", [SIGURG] = "Urgent I/O condition",
	[SIGXCPU] = "CPU time limit exceeded", [SIGXFSZ] = "File size limit exceeded",
	[SIGVTALRM] = "Virtual timer expired", [SIGPROF] = "Profiling timer expired",
	[SIGWINCH] = "Window changed", [SIGIO] = "I/O possible", [SIGPWR] = "Power failure",
	[SIGSYS] = "Bad system call",
};

/* glibc's descriptions; numbers above SIGSYS are "Real-time signal N". */
char *strsignal(int sig)
{
	static char buf[32];

	if (sig > 0 && sig < (int)(sizeof(signal_names) / sizeof(signal_names[0])))
		return (char *)signal_names[sig];
	if (sig >= SIGRTMIN && sig <= SIGRTMAX) {
		char *p = buf + sizeof(buf);
		int n = sig - SIGRTMIN;

		*--p = 0;
		do
			*--p = (char)('0' + n % 10);
		while ((n /= 10));
		p -= 17;
		memcpy(p, "Real-time signal ", 17);
		return p;
	}
	return (char *)"Unknown signal";
}

/* pause: sleeps until a handled signal arrives (the current mask kept). */
int pause(void)
{
	sigset_t mask = 0;

	sigprocmask(SIG_BLOCK, 0, &mask);
	return sigsuspend(&mask);
}
