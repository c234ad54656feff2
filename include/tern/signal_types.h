/* SPDX-License-Identifier: MIT */
/*
 * The per-task signal state struct task embeds (<tern/sched.h>); the
 * operations are in <tern/signal.h>.  Sets are u64 with bit sig-1 for
 * signal sig (1.._NSIG), the kernel's sigset_t in the ABI's bit order.
 */
#ifndef TERN_SIGNAL_TYPES_H
#define TERN_SIGNAL_TYPES_H

#include <tern/types.h>

#define NSIG_KERNEL	64

/* What a pending signal carries (siginfo's fields, without signo: its slot). */
struct ksiginfo {
	int code;			/* si_code */
	int pid;			/* SI_USER, SI_TKILL, SIGCHLD: the sender / child */
	unsigned int uid;
	int status;			/* SIGCHLD: exit code or signal */
	unsigned long addr;		/* faults: si_addr */
};

/*
 * Signals waiting for delivery: one of each (standard signals are not
 * queued, as in Linux; real-time ones are not queued either here: a
 * second one while one waits is dropped).  Guarded by sighand->siglock.
 */
struct sigpending {
	u64 set;
	struct ksiginfo info[NSIG_KERNEL];
};

/* kernel/signal.c's restart_syscall: how an interrupted call goes on. */
struct restart_block {
	long (*fn)(struct restart_block *rb);
	int clock;
	u64 deadline;			/* ktime_ns() */
	unsigned long rmtp;		/* user address for the time left; 0: none */
};

#endif
