/* SPDX-License-Identifier: MIT */
/*
 * Signals with Linux's numbers and layouts, replacing picolibc's
 * <sys/signal.h> (whose numbers are newlib's: SIGCHLD 20, SIGSTOP 17).
 * siginfo_t, stack_t and union sigval are the kernel's own (uapi); the
 * user's sigset_t is picolibc's unsigned long (signals 1..BITS_PER_LONG)
 * and struct sigaction is POSIX's; usr/lib/signal.c converts both to the
 * kernel's 64-bit forms.
 */
#ifndef _SYS_SIGNAL_H_
#define _SYS_SIGNAL_H_

#include <sys/types.h>
#include <sys/select.h>		/* sigset_t */

#define sigset_t __kernel_sigset_t
#define sigaction __kernel_sigaction
#include <uapi/linux/signal.h>
#undef sigset_t
#undef sigaction

#define NSIG		(_NSIG + 1)
#define SIGIOT		SIGABRT
#define SIGPOLL		SIGIO

typedef int sig_atomic_t;
typedef __sighandler_t sighandler_t;

struct sigaction {
	union {
		void (*sa_handler)(int);
		void (*sa_sigaction)(int, siginfo_t *, void *);
	};
	sigset_t sa_mask;
	int sa_flags;
};

#define SIGEV_SIGNAL	0
#define SIGEV_NONE	1
#define SIGEV_THREAD	2
struct sigevent {
	union sigval sigev_value;
	int sigev_signo;
	int sigev_notify;
};

int sigaction(int sig, const struct sigaction *act, struct sigaction *oldact);
int sigprocmask(int how, const sigset_t *set, sigset_t *oldset);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);
int sigaltstack(const stack_t *ss, stack_t *old);
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int sig);
int sigdelset(sigset_t *set, int sig);
int sigismember(const sigset_t *set, int sig);
int kill(pid_t pid, int sig);
int killpg(pid_t pgrp, int sig);
int raise(int sig);
sighandler_t signal(int sig, sighandler_t handler);
char *strsignal(int sig);
int siginterrupt(int sig, int flag);

#endif
