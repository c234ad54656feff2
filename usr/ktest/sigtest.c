// SPDX-License-Identifier: MIT
/*
 * The signal ktests' user program (usr/ktest/signal_ktest.c runs it):
 * argv[1] names a test; the exit status is 0 when every check passed,
 * else the number of the failed check.  Built as a static executable,
 * without a C library, on the bare system-call ABI (user.h), with the
 * kernel's uapi layouts (the same headers the kernel checks).
 */
#include "user.h"
#include <uapi/linux/signal.h>

#define EFAULT		14
#define EINVAL		22
#define EINTR		4
#define EPIPE		32
#define ECHILD		10
#define PAGE		4096UL
#define PROT_READ	1
#define PROT_WRITE	2
#define MAP_SHARED	1
#define MAP_PRIVATE	2
#define MAP_ANONYMOUS	0x20
#define WUNTRACED	2
#define WCONTINUED	8
#define AT_HWCAP	16
#define SSET		8	/* sigsetsize */

#define CHECK(n, cond)	do { if (!(cond)) sys_exit(n); } while (0)

static unsigned long at_hwcap;

static void *launder(unsigned long a)
{
	volatile unsigned long v = a;

	return (void *)v;
}

static unsigned long bit(int sig)
{
	return 1UL << (sig - 1);
}

static long set_action(int sig, void *handler, unsigned long flags, unsigned long mask)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = (__sighandler_t)handler;
	sa.sa_flags = flags;
	memcpy(&sa.sa_mask, &mask, sizeof(mask));
	return sys4(rt_sigaction, sig, &sa, 0, SSET);
}

static unsigned long get_handler(int sig)
{
	struct sigaction sa;

	if (sys4(rt_sigaction, sig, 0, &sa, SSET))
		return 12345;
	return (unsigned long)sa.sa_handler;
}

static unsigned long get_mask(void)
{
	unsigned long m = 0;

	sys4(rt_sigprocmask, SIG_BLOCK, 0, &m, SSET);
	return m;
}

static long self_kill(int sig)
{
	return sys2(kill, sys0(getpid), sig);
}

/* A page both a parent and its children see. */
static volatile int *shared_page(void)
{
	long p = sys6(mmap, 0, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	if (p < 0 && p > -4096)
		sys_exit(100);
	return (volatile int *)p;
}

static volatile int hits, last_sig, nested_ok;
static volatile unsigned long mask_in_handler;
static volatile siginfo_t last_info;

static void count_handler(int sig)
{
	hits++;
	last_sig = sig;
	mask_in_handler = get_mask();
}

static void info_handler(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	hits++;
	last_sig = sig;
	memcpy((void *)&last_info, si, sizeof(*si));
}

static int test_handler(void)
{
	CHECK(1, set_action(SIGUSR1, count_handler, 0, 0) == 0);
	CHECK(2, self_kill(SIGUSR1) == 0);
	CHECK(3, hits == 1 && last_sig == SIGUSR1);
	CHECK(4, get_mask() == 0);		/* the mask is back after the return */
	CHECK(5, set_action(SIGUSR2, info_handler, SA_SIGINFO, 0) == 0);
	CHECK(6, sys2(tkill, sys0(gettid), SIGUSR2) == 0);
	CHECK(7, hits == 2 && last_info.si_signo == SIGUSR2 && last_info.si_code == SI_TKILL);
	CHECK(8, last_info.si_pid == sys0(getpid));
	CHECK(9, sys3(tgkill, sys0(getpid), sys0(gettid), SIGUSR2) == 0 && hits == 3);
	CHECK(10, sys2(kill, sys0(getpid), 0) == 0 && hits == 3);	/* signal 0: a probe */
	CHECK(11, sys2(kill, sys0(getpid), 65) == -EINVAL);
	return 0;
}

#include "sigtest_regs.h"

static int test_mask(void)
{
	CHECK(1, set_action(SIGUSR1, count_handler, 0, bit(SIGUSR2)) == 0);
	CHECK(2, self_kill(SIGUSR1) == 0 && hits == 1);
	CHECK(3, mask_in_handler == (bit(SIGUSR1) | bit(SIGUSR2)));
	CHECK(4, get_mask() == 0);
	CHECK(5, set_action(SIGUSR1, count_handler, SA_NODEFER, 0) == 0);
	CHECK(6, self_kill(SIGUSR1) == 0 && hits == 2);
	CHECK(7, mask_in_handler == 0);
	/* SIGKILL and SIGSTOP are never blocked */
	{
		unsigned long all = ~0UL;

		CHECK(8, sys4(rt_sigprocmask, SIG_SETMASK, &all, 0, SSET) == 0);
		CHECK(9, !(get_mask() & (bit(SIGKILL) | bit(SIGSTOP))));
		CHECK(10, self_kill(SIGUSR1) == 0 && hits == 2);	/* blocked: pending */
		{
			unsigned long pend = 0;

			CHECK(11, sys2(rt_sigpending, &pend, SSET) == 0 && pend == bit(SIGUSR1));
		}
		all = 0;
		CHECK(12, sys4(rt_sigprocmask, SIG_SETMASK, &all, 0, SSET) == 0 && hits == 3);
	}
	CHECK(13, sys4(rt_sigprocmask, SIG_SETMASK, 0, 0, 4) == -EINVAL);
	CHECK(14, sys4(rt_sigprocmask, 7, &hits, 0, SSET) == -EINVAL);
	return 0;
}

static int test_timedwait(void)
{
	unsigned long set = bit(SIGUSR1);
	long long zero[2] = { 0, 0 };
	siginfo_t si;

	CHECK(1, sys4(rt_sigprocmask, SIG_BLOCK, &set, 0, SSET) == 0);
	CHECK(2, self_kill(SIGUSR1) == 0);
#if __riscv_xlen == 64
#define sigtimedwait(s, i, t)	sys4(rt_sigtimedwait, s, i, t, SSET)
#else
#define sigtimedwait(s, i, t)	sys4(rt_sigtimedwait_time64, s, i, t, SSET)
#endif
	memset(&si, 0, sizeof(si));
	CHECK(3, sigtimedwait(&set, &si, zero) == SIGUSR1);
	CHECK(4, si.si_signo == SIGUSR1 && si.si_code == SI_USER && si.si_pid == sys0(getpid));
	CHECK(5, sigtimedwait(&set, &si, zero) == -11);		/* EAGAIN: none left */
	CHECK(6, self_kill(SIGUSR1) == 0);
	CHECK(7, sigtimedwait(&set, 0, 0) == SIGUSR1);		/* no timeout, one waiting */
	CHECK(8, sigtimedwait(&set, launder(~0UL - 0xfff), zero) == -11);
	CHECK(9, self_kill(SIGUSR1) == 0);
	CHECK(10, sigtimedwait(&set, launder(~0UL - 0xfff), zero) == -EFAULT);
	/* ppoll's mask: SIGUSR1 waits blocked, ppoll unblocks it, the handler runs, then -EINTR */
	CHECK(11, set_action(SIGUSR1, count_handler, 0, 0) == 0);
	CHECK(12, self_kill(SIGUSR1) == 0 && hits == 0);
	{
		unsigned long none = 0;

#if __riscv_xlen == 64
		CHECK(13, sys5(ppoll, 0, 0, 0, &none, SSET) == -EINTR);
#else
		CHECK(13, sys5(ppoll_time64, 0, 0, 0, &none, SSET) == -EINTR);
#endif
	}
	CHECK(14, hits == 1 && last_sig == SIGUSR1);
	CHECK(15, get_mask() == bit(SIGUSR1));	/* ppoll's mask went back */
	CHECK(16, mask_in_handler == bit(SIGUSR1));	/* the handler ran with its own */
	return 0;
}

static int test_resethand(void)
{
	CHECK(1, set_action(SIGUSR1, count_handler, SA_RESETHAND, 0) == 0);
	CHECK(2, self_kill(SIGUSR1) == 0 && hits == 1);
	CHECK(3, get_handler(SIGUSR1) == (unsigned long)SIG_DFL);
	CHECK(4, set_action(SIGUSR1, (void *)SIG_IGN, 0, 0) == 0);
	CHECK(5, self_kill(SIGUSR1) == 0 && hits == 1);		/* ignored */
	return 0;
}

/*
 * A read of an empty pipe, interrupted: -EINTR without SA_RESTART,
 * restarted with it.  The child signals until the parent says it is
 * done, or (restart) until three handlers ran, then writes a byte:
 * whenever the parent enters the read, a later signal finds it there.
 */
static volatile int *restart_page;

static void restart_count_handler(int sig)
{
	(void)sig;
	hits++;
	restart_page[1] = hits;
}

static int interrupted_read(int restart)
{
	volatile int *sh = shared_page();
	int fds[2];
	char c = 0;
	long pid, r;
	int st;

	restart_page = sh;
	CHECK(1, sys2(pipe2, fds, 0) == 0);
	CHECK(2, set_action(SIGUSR1, restart_count_handler, restart ? SA_RESTART : 0, 0) == 0);
	pid = fork();
	if (pid == 0) {
		long ppid = sys0(getppid);

		while (!sh[0] && (!restart || sh[1] < 3)) {
			sys2(kill, ppid, SIGUSR1);
			sys0(sched_yield);
		}
		if (restart)
			sys3(write, fds[1], "x", 1);
		sys_exit(0);
	}
	r = sys3(read, fds[0], &c, 1);
	sh[0] = 1;
	CHECK(3, waitpid(pid, &st, 0) == pid && st == 0);
	if (restart)
		CHECK(4, r == 1 && c == 'x' && hits >= 3);
	else
		CHECK(5, r == -EINTR && hits >= 1);
	return 0;
}

static char altstack[4 * MINSIGSTKSZ] __attribute__((aligned(16)));
static volatile int on_alt, alt_flags;

static void alt_handler(int sig)
{
	stack_t cur;

	(void)sig;
	on_alt = (char *)&cur >= altstack && (char *)&cur < altstack + sizeof(altstack);
	alt_flags = sys2(sigaltstack, 0, &cur) == 0 ? cur.ss_flags : -1;
}

static int test_altstack(void)
{
	stack_t ss = { altstack, 0, sizeof(altstack) }, old;

	CHECK(1, sys2(sigaltstack, &ss, 0) == 0);
	CHECK(2, sys2(sigaltstack, 0, &old) == 0 && old.ss_sp == altstack &&
	      old.ss_size == sizeof(altstack) && old.ss_flags == 0);
	CHECK(3, set_action(SIGUSR1, alt_handler, SA_ONSTACK, 0) == 0);
	CHECK(4, self_kill(SIGUSR1) == 0 && on_alt == 1 && alt_flags == SS_ONSTACK);
	CHECK(5, set_action(SIGUSR1, alt_handler, 0, 0) == 0);
	CHECK(6, self_kill(SIGUSR1) == 0 && on_alt == 0 && alt_flags == 0);
	ss.ss_size = 16;
	CHECK(7, sys2(sigaltstack, &ss, 0) == -12);	/* ENOMEM: below MINSIGSTKSZ */
	ss.ss_flags = SS_DISABLE;
	CHECK(8, sys2(sigaltstack, &ss, 0) == 0);
	CHECK(9, sys2(sigaltstack, 0, &old) == 0 && old.ss_flags == SS_DISABLE);
	return 0;
}

static volatile unsigned long segv_addr;
static volatile int segv_code;

static void segv_handler(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	/* Returning would fault again: report and end here. */
	sys_exit(sig == SIGSEGV && si->si_addr == launder(segv_addr) &&
		 si->si_code == segv_code ? 0 : 50);
}

static int test_segv(const char *how)
{
	CHECK(1, set_action(SIGSEGV, segv_handler, SA_SIGINFO, 0) == 0);
	if (!strcmp(how, "map")) {
		segv_addr = 16;
		segv_code = SEGV_MAPERR;
		*(volatile char *)launder(16) = 1;
	} else {
		long p = sys6(mmap, 0, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

		segv_addr = (unsigned long)p + 8;
		segv_code = SEGV_ACCERR;
		*(volatile char *)launder(segv_addr) = 1;
	}
	return 2;	/* the store went through */
}

static volatile int chld_code, chld_pid, chld_status;

static void chld_handler(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	if (sig == SIGCHLD) {
		hits++;
		chld_code = si->si_code;
		chld_pid = si->si_pid;
		chld_status = si->si_status;
	}
}

static int test_chld(void)
{
	long pid;
	int st;

	CHECK(1, set_action(SIGCHLD, chld_handler, SA_SIGINFO, 0) == 0);
	pid = fork();
	if (pid == 0)
		sys_exit(5);
	CHECK(2, waitpid(pid, &st, 0) == pid && st == 0x500);
	CHECK(3, hits == 1 && chld_code == CLD_EXITED && chld_pid == pid && chld_status == 5);
	/* SIG_IGN: children are reaped at once, wait4 finds none */
	CHECK(4, set_action(SIGCHLD, (void *)SIG_IGN, 0, 0) == 0);
	pid = fork();
	if (pid == 0)
		sys_exit(6);
	CHECK(5, waitpid(pid, &st, 0) == -ECHILD);
	/* SA_NOCLDWAIT: the same, but the signal still comes */
	CHECK(6, set_action(SIGCHLD, chld_handler, SA_SIGINFO | SA_NOCLDWAIT, 0) == 0);
	pid = fork();
	if (pid == 0)
		sys_exit(7);
	CHECK(7, waitpid(pid, &st, 0) == -ECHILD);
	CHECK(8, hits == 2 && chld_pid == pid && chld_status == 7);
	return 0;
}

static int test_stop(void)
{
	long pid;
	int st, i;

	CHECK(1, set_action(SIGCHLD, chld_handler, SA_SIGINFO, 0) == 0);
	pid = fork();
	if (pid == 0)
		for (;;)
			sys0(sched_yield);
	CHECK(2, sys2(kill, pid, SIGSTOP) == 0);
	CHECK(3, waitpid(pid, &st, WUNTRACED) == pid && st == (0x7f | (SIGSTOP << 8)));
	CHECK(4, chld_code == CLD_STOPPED && chld_pid == pid && chld_status == SIGSTOP);
	CHECK(5, waitpid(pid, &st, WUNTRACED | WNOHANG) == 0);	/* reported once */
	CHECK(6, sys2(kill, pid, SIGCONT) == 0);
	CHECK(7, waitpid(pid, &st, WCONTINUED) == pid && st == 0xffff);
	/* The child tells the parent once it runs again (after wait4 saw it, maybe). */
	for (i = 0; i < 1000000 && chld_code != CLD_CONTINUED; i++)
		sys0(sched_yield);
	CHECK(8, chld_code == CLD_CONTINUED && chld_pid == pid);
	CHECK(9, sys2(kill, pid, SIGTSTP) == 0);
	CHECK(10, waitpid(pid, &st, WUNTRACED) == pid && st == (0x7f | (SIGTSTP << 8)));
	CHECK(11, sys2(kill, pid, SIGKILL) == 0);	/* wakes the stopped child */
	CHECK(12, waitpid(pid, &st, 0) == pid && st == SIGKILL);
	/* SA_NOCLDSTOP: no SIGCHLD for a stop */
	CHECK(13, set_action(SIGCHLD, chld_handler, SA_SIGINFO | SA_NOCLDSTOP, 0) == 0);
	hits = 0;
	pid = fork();
	if (pid == 0)
		for (;;)
			sys0(sched_yield);
	CHECK(14, sys2(kill, pid, SIGSTOP) == 0);
	CHECK(15, waitpid(pid, &st, WUNTRACED) == pid && (st & 0xff) == 0x7f);
	CHECK(16, hits == 0);
	CHECK(17, sys2(kill, pid, SIGKILL) == 0 && waitpid(pid, &st, 0) == pid && st == SIGKILL);
	return 0;
}

#define P_ALL		0
#define P_PID		1
#define WEXITED		4
#define WNOWAIT		0x01000000

static long waitid(int which, long id, siginfo_t *si, int options)
{
	return sys5(waitid, which, id, si, options, 0);
}

static int test_waitid(void)
{
	siginfo_t si;
	long pid;

	pid = fork();
	if (pid == 0)
		sys_exit(3);
	memset(&si, 0, sizeof(si));
	CHECK(1, waitid(P_PID, pid, &si, WEXITED | WNOWAIT) == 0);
	CHECK(2, si.si_signo == SIGCHLD && si.si_pid == pid && si.si_code == CLD_EXITED &&
	      si.si_status == 3);
	memset(&si, 0, sizeof(si));
	CHECK(3, waitid(P_ALL, 0, &si, WEXITED) == 0 && si.si_pid == pid && si.si_status == 3);
	CHECK(4, waitid(P_ALL, 0, &si, WEXITED) == -ECHILD);
	CHECK(5, waitid(P_ALL, 0, &si, 0) == -EINVAL);
	pid = fork();
	if (pid == 0)
		for (;;)
			sys0(sched_yield);
	si.si_pid = 77;
	CHECK(6, waitid(P_PID, pid, &si, WEXITED | WNOHANG) == 0 && si.si_pid == 0);
	CHECK(7, sys2(kill, pid, SIGSTOP) == 0);
	CHECK(8, waitid(P_PID, pid, &si, WUNTRACED) == 0 && si.si_code == CLD_STOPPED &&
	      si.si_status == SIGSTOP);
	CHECK(9, sys2(kill, pid, SIGKILL) == 0);
	CHECK(10, waitid(P_PID, pid, &si, WEXITED) == 0 && si.si_code == CLD_KILLED &&
	      si.si_status == SIGKILL);
	CHECK(11, waitid(P_PID, pid, launder(~0UL - 0xfff), WEXITED) == -EFAULT);
	return 0;
}

static int test_sigpipe(void)
{
	int fds[2], st;
	long pid;

	CHECK(1, sys2(pipe2, fds, 0) == 0);
	CHECK(2, sys1(close, fds[0]) == 0);
	pid = fork();
	if (pid == 0) {
		sys3(write, fds[1], "x", 1);
		sys_exit(3);
	}
	CHECK(3, waitpid(pid, &st, 0) == pid && st == SIGPIPE);
	CHECK(4, set_action(SIGPIPE, count_handler, 0, 0) == 0);
	CHECK(5, sys3(write, fds[1], "x", 1) == -EPIPE);
	CHECK(6, hits == 1 && last_sig == SIGPIPE);
	return 0;
}

static int test_kill9(void)
{
	unsigned long all = ~0UL;
	long pid;
	int st, sig;

	CHECK(1, set_action(SIGKILL, count_handler, 0, 0) == -EINVAL);
	CHECK(2, set_action(SIGSTOP, (void *)SIG_IGN, 0, 0) == -EINVAL);
	CHECK(3, get_handler(SIGKILL) == (unsigned long)SIG_DFL);
	/* the child's "ready" SIGUSR1 is caught in rt_sigsuspend below */
	{
		unsigned long usr1 = bit(SIGUSR1);

		sys4(rt_sigprocmask, SIG_BLOCK, &usr1, 0, SSET);
		set_action(SIGUSR1, count_handler, 0, 0);
	}
	pid = fork();
	if (pid == 0) {
		for (sig = 1; sig <= 64; sig++)
			set_action(sig, (void *)SIG_IGN, 0, 0);
		sys4(rt_sigprocmask, SIG_SETMASK, &all, 0, SSET);
		sys2(kill, sys0(getppid), SIGUSR1);	/* ready */
		for (;;)
			sys0(sched_yield);
	}
	/* wait for the child's signal: it ignores and blocks everything from then on */
	while (!hits) {
		unsigned long none = 0;

		CHECK(9, sys2(rt_sigsuspend, &none, SSET) == -EINTR);
	}
	CHECK(10, get_mask() == bit(SIGUSR1));	/* rt_sigsuspend put the mask back */
	CHECK(4, sys2(kill, pid, SIGTERM) == 0);	/* ignored */
	CHECK(5, waitpid(pid, &st, WNOHANG) == 0);
	CHECK(6, sys2(kill, pid, SIGKILL) == 0);
	CHECK(7, waitpid(pid, &st, 0) == pid && st == SIGKILL);
	CHECK(8, sys2(kill, pid, SIGKILL) == -3);	/* ESRCH: reaped */
	return 0;
}

/* Each bad pointer gives -EFAULT, and the state is as before. */
static int test_efault(void)
{
	static const unsigned long bad[] = { ~0UL - 0xfff, 0x1000, ~0UL - 3 };
	unsigned long i, m;
	stack_t ss;

	CHECK(1, set_action(SIGUSR1, count_handler, 0, 0) == 0);
	for (i = 0; i < 3; i++) {
		void *p = launder(bad[i]);
		struct sigaction sa;

		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = (__sighandler_t)SIG_IGN;
		CHECK(10 + i, sys4(rt_sigaction, SIGUSR1, p, 0, SSET) == -EFAULT);
		CHECK(20 + i, sys4(rt_sigaction, SIGUSR1, &sa, p, SSET) == -EFAULT);
		CHECK(30 + i, get_handler(SIGUSR1) == (unsigned long)count_handler);
		m = bit(SIGUSR2);
		CHECK(40 + i, sys4(rt_sigprocmask, SIG_BLOCK, p, 0, SSET) == -EFAULT);
		CHECK(50 + i, sys4(rt_sigprocmask, SIG_BLOCK, &m, p, SSET) == -EFAULT);
		CHECK(60 + i, get_mask() == 0);
		CHECK(70 + i, sys2(rt_sigpending, p, SSET) == -EFAULT);
		ss.ss_sp = altstack;
		ss.ss_size = sizeof(altstack);
		ss.ss_flags = 0;
		CHECK(80 + i, sys2(sigaltstack, p, 0) == -EFAULT);
		CHECK(90 + i, sys2(sigaltstack, &ss, p) == -EFAULT);
		CHECK(100 + i, sys2(sigaltstack, 0, &ss) == 0 && ss.ss_flags == SS_DISABLE);
		CHECK(110 + i, sys2(rt_sigsuspend, p, SSET) == -EFAULT);
	}
	CHECK(120, sys4(rt_sigaction, SIGUSR1, 0, 0, 4) == -EINVAL);
	CHECK(121, sys4(rt_sigaction, 0, 0, 0, SSET) == -EINVAL);
	CHECK(122, sys4(rt_sigaction, 65, 0, 0, SSET) == -EINVAL);
	return 0;
}

/* nanosleep interrupted by a handler: -EINTR and the time left, at most what was asked. */
static int test_nanosleep(void)
{
	volatile int *sh = shared_page();
	long req[2] = { 100, 0 }, rem[2] = { -1, -1 }, pid, r;
	int st;

	restart_page = sh;
	CHECK(1, set_action(SIGUSR1, restart_count_handler, SA_RESTART, 0) == 0);
	pid = fork();
	if (pid == 0) {
		long ppid = sys0(getppid);

		while (!sh[0]) {
			sys2(kill, ppid, SIGUSR1);
			sys0(sched_yield);
		}
		sys_exit(0);
	}
#if __riscv_xlen == 64
	r = sys2(nanosleep, req, rem);
#else
	{
		long long req64[2] = { 100, 0 }, rem64[2] = { -1, -1 };

		r = sys4(clock_nanosleep_time64, 1, 0, req64, rem64);
		rem[0] = (long)rem64[0];
		rem[1] = (long)rem64[1];
	}
#endif
	sh[0] = 1;
	CHECK(2, waitpid(pid, &st, 0) == pid && st == 0);
	CHECK(3, r == -EINTR);		/* even with SA_RESTART, as Linux */
	CHECK(4, rem[0] >= 0 && rem[0] <= req[0] && rem[1] >= 0 && rem[1] < 1000000000);
	return 0;
}

#include "sigtest_tty.h"

static int run(int argc, char **argv)
{
	const char *t = argc > 1 ? argv[1] : "";

	if (!strcmp(t, "handler"))
		return test_handler();
	if (!strcmp(t, "regs"))
		return test_regs();
	if (!strcmp(t, "mask"))
		return test_mask();
	if (!strcmp(t, "timedwait"))
		return test_timedwait();
	if (!strcmp(t, "resethand"))
		return test_resethand();
	if (!strcmp(t, "eintr"))
		return interrupted_read(0);
	if (!strcmp(t, "restart"))
		return interrupted_read(1);
	if (!strcmp(t, "altstack"))
		return test_altstack();
	if (!strcmp(t, "segv"))
		return test_segv(argc > 2 ? argv[2] : "map");
	if (!strcmp(t, "chld"))
		return test_chld();
	if (!strcmp(t, "stop"))
		return test_stop();
	if (!strcmp(t, "sigpipe"))
		return test_sigpipe();
	if (!strcmp(t, "kill9"))
		return test_kill9();
	if (!strcmp(t, "efault"))
		return test_efault();
	if (!strcmp(t, "nanosleep"))
		return test_nanosleep();
	if (!strcmp(t, "waitid"))
		return test_waitid();
	if (!strcmp(t, "ctty"))
		return test_ctty();
	if (!strcmp(t, "waitint"))
		return test_waitint();
	if (!strcmp(t, "loop")) {	/* its own group, no handler: ^C's default kills */
		sys2(setpgid, 0, 0);
		for (;;)
			sys0(sched_yield);
	}
	return 99;
}

void __attribute__((noreturn)) ustart(unsigned long *sp);

void ustart(unsigned long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1), **e = argv + argc + 1;

	while (*e)
		e++;
	for (unsigned long *a = (unsigned long *)(e + 1); a[0]; a += 2)
		if (a[0] == AT_HWCAP)
			at_hwcap = a[1];
	sys_exit(run(argc, argv));
}
