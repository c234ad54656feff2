/* SPDX-License-Identifier: MIT */
/*
 * Signals as the Linux RISC-V system-call ABI lays them out: the
 * asm-generic numbers, struct sigaction without sa_restorer (RISC-V has
 * none: the kernel gives the return trampoline), stack_t, and the
 * 128-byte siginfo.  Freestanding, for the kernel, host tests and user
 * programs alike; the kernel checks the layouts at build time
 * (kernel/signal.c, arch/riscv/kernel/signal.c).
 */
#ifndef _UAPI_LINUX_SIGNAL_H
#define _UAPI_LINUX_SIGNAL_H

#include "types.h"

#define SIGHUP		1
#define SIGINT		2
#define SIGQUIT		3
#define SIGILL		4
#define SIGTRAP		5
#define SIGABRT		6
#define SIGBUS		7
#define SIGFPE		8
#define SIGKILL		9
#define SIGUSR1		10
#define SIGSEGV		11
#define SIGUSR2		12
#define SIGPIPE		13
#define SIGALRM		14
#define SIGTERM		15
#define SIGSTKFLT	16
#define SIGCHLD		17
#define SIGCONT		18
#define SIGSTOP		19
#define SIGTSTP		20
#define SIGTTIN		21
#define SIGTTOU		22
#define SIGURG		23
#define SIGXCPU		24
#define SIGXFSZ		25
#define SIGVTALRM	26
#define SIGPROF		27
#define SIGWINCH	28
#define SIGIO		29
#define SIGPWR		30
#define SIGSYS		31
#define SIGRTMIN	32
#define SIGRTMAX	64
#define _NSIG		64

/* The kernel's sigset_t: 64 bits, sigsetsize 8 in every call. */
#define _NSIG_BPW	(8 * sizeof(unsigned long))
#define _NSIG_WORDS	(_NSIG / _NSIG_BPW)
typedef struct {
	unsigned long sig[_NSIG_WORDS];
} sigset_t;

#define SIG_DFL		((__sighandler_t)0)
#define SIG_IGN		((__sighandler_t)1)
#define SIG_ERR		((__sighandler_t)-1)
typedef void (*__sighandler_t)(int);

/* sa_flags */
#define SA_NOCLDSTOP	0x00000001u
#define SA_NOCLDWAIT	0x00000002u
#define SA_SIGINFO	0x00000004u
#define SA_UNSUPPORTED	0x00000400u
#define SA_EXPOSE_TAGBITS 0x00000800u
#define SA_RESTORER	0x04000000u	/* not on RISC-V: refused */
#define SA_ONSTACK	0x08000000u
#define SA_RESTART	0x10000000u
#define SA_NODEFER	0x40000000u
#define SA_RESETHAND	0x80000000u

/* rt_sigprocmask's how */
#define SIG_BLOCK	0
#define SIG_UNBLOCK	1
#define SIG_SETMASK	2

/* The asm-generic struct sigaction of rt_sigaction (no sa_restorer on RISC-V). */
struct sigaction {
	__sighandler_t sa_handler;
	unsigned long sa_flags;
	sigset_t sa_mask;
};

/* sigaltstack */
#define SS_ONSTACK	1
#define SS_DISABLE	2
#define SS_AUTODISARM	(1u << 31)
#define MINSIGSTKSZ	2048
#define SIGSTKSZ	8192

typedef struct sigaltstack {
	void *ss_sp;
	int ss_flags;
	__SIZE_TYPE__ ss_size;
} stack_t;

/* siginfo: 128 bytes; the union starts after three ints, pointer-aligned. */
#define SI_MAX_SIZE	128

union sigval {
	int sival_int;
	void *sival_ptr;
};

typedef struct siginfo {
	union {
		struct {
			int si_signo;
			int si_errno;
			int si_code;
			union {
				struct {	/* kill, tkill, SIGCHLD */
					int _pid;
					unsigned int _uid;
					union {
						int _status;	/* SIGCHLD */
						union sigval _value;	/* rt */
					};
					long _utime, _stime;	/* SIGCHLD */
				} _proc;
				struct {	/* SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGFPE */
					void *_addr;
				} _fault;
			} _sifields;
		};
		int _si_pad[SI_MAX_SIZE / sizeof(int)];
	};
} siginfo_t;

#define si_pid		_sifields._proc._pid
#define si_uid		_sifields._proc._uid
#define si_status	_sifields._proc._status
#define si_value	_sifields._proc._value
#define si_utime	_sifields._proc._utime
#define si_stime	_sifields._proc._stime
#define si_addr		_sifields._fault._addr

/* si_code */
#define SI_USER		0
#define SI_KERNEL	0x80
#define SI_QUEUE	-1
#define SI_TKILL	-6
#define ILL_ILLOPC	1
#define FPE_INTDIV	1
#define SEGV_MAPERR	1
#define SEGV_ACCERR	2
#define BUS_ADRALN	1
#define BUS_ADRERR	2
#define TRAP_BRKPT	1
#define CLD_EXITED	1
#define CLD_KILLED	2
#define CLD_DUMPED	3
#define CLD_TRAPPED	4
#define CLD_STOPPED	5
#define CLD_CONTINUED	6

#endif
