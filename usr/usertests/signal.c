// SPDX-License-Identifier: MIT
/* usertests: signals: handlers, masks, SIGCHLD, stop and kill, EINTR. */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "usertests.h"

static volatile sig_atomic_t usr1_count, usr2_count, chld_count;
static volatile sig_atomic_t usr2_during_usr1 = -1, info_signo;

static void on_usr1(int sig)
{
	(void)sig;
	usr1_count++;
}

static void on_usr2(int sig)
{
	(void)sig;
	usr2_count++;
}

static void on_chld(int sig)
{
	(void)sig;
	chld_count++;
}

static int set_handler(int sig, void (*fn)(int), int flags, int masked)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = fn;
	sa.sa_flags = flags;
	sigemptyset(&sa.sa_mask);
	if (masked)
		sigaddset(&sa.sa_mask, masked);
	return sigaction(sig, &sa, NULL);
}

static void on_info(int sig, siginfo_t *info, void *ctx)
{
	(void)sig;
	(void)ctx;
	info_signo = info->si_signo;
}

static enum result sig_handler(void)
{
	struct sigaction sa, old;

	CHECK_OK(set_handler(SIGUSR1, on_usr1, 0, 0));
	CHECK_OK(raise(SIGUSR1));
	CHECK(usr1_count == 1, "handler ran %d times after raise", (int)usr1_count);
	CHECK_OK(kill(getpid(), SIGUSR1));
	CHECK(usr1_count == 2, "handler ran %d times after kill", (int)usr1_count);
	CHECK_OK(sigaction(SIGUSR1, NULL, &old));
	CHECK(old.sa_handler == on_usr1, "sigaction does not read back");

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_info;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	CHECK_OK(sigaction(SIGUSR2, &sa, NULL));
	CHECK_OK(raise(SIGUSR2));
	CHECK(info_signo == SIGUSR2, "si_signo %d, want %d", (int)info_signo, SIGUSR2);
	return PASS;
}

/* Raises SIGUSR2, masked by sa_mask while this handler runs. */
static void on_usr1_raise_usr2(int sig)
{
	(void)sig;
	raise(SIGUSR2);
	usr2_during_usr1 = usr2_count;
	usr1_count++;
}

static enum result sig_mask(void)
{
	sigset_t set, old;

	CHECK_OK(set_handler(SIGUSR1, on_usr1, 0, 0));
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK_OK(sigprocmask(SIG_BLOCK, &set, &old));
	CHECK(!sigismember(&old, SIGUSR1), "SIGUSR1 blocked from the start");
	CHECK_OK(raise(SIGUSR1));
	CHECK_OK(raise(SIGUSR1));
	CHECK(usr1_count == 0, "blocked signal delivered");
	/* Pending when unblocked: delivered before sigprocmask returns, once. */
	CHECK_OK(sigprocmask(SIG_UNBLOCK, &set, NULL));
	CHECK(usr1_count == 1, "handler ran %d times on unblock, want 1",
	      (int)usr1_count);

	/* sa_mask holds SIGUSR2 off while the SIGUSR1 handler runs. */
	usr1_count = 0;
	CHECK_OK(set_handler(SIGUSR1, on_usr1_raise_usr2, 0, SIGUSR2));
	CHECK_OK(set_handler(SIGUSR2, on_usr2, 0, 0));
	CHECK_OK(raise(SIGUSR1));
	CHECK(usr1_count == 1, "SIGUSR1 handler did not run");
	CHECK(usr2_during_usr1 == 0, "sa_mask did not hold SIGUSR2 off");
	CHECK(usr2_count == 1, "SIGUSR2 not delivered after the handler");
	CHECK_OK(sigprocmask(SIG_SETMASK, NULL, &old));
	CHECK(!sigismember(&old, SIGUSR1) && !sigismember(&old, SIGUSR2),
	      "mask not restored after the handler");

	/* SIGKILL and SIGSTOP cannot be caught or blocked. */
	CHECK_ERR(set_handler(SIGKILL, on_usr1, 0, 0), EINVAL);
	CHECK_ERR(set_handler(SIGSTOP, on_usr1, 0, 0), EINVAL);
	sigemptyset(&set);
	sigaddset(&set, SIGKILL);
	sigaddset(&set, SIGSTOP);
	CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));
	CHECK_OK(sigprocmask(SIG_SETMASK, NULL, &old));
	CHECK(!sigismember(&old, SIGKILL) && !sigismember(&old, SIGSTOP),
	      "SIGKILL or SIGSTOP in the mask");
	return PASS;
}

static enum result sig_errors(void)
{
	CHECK_OK(kill(getpid(), 0));
	CHECK_ERR(kill(getpid(), 65), EINVAL);
	CHECK_ERR(kill(getpid(), -1), EINVAL);
	CHECK_ERR(kill(0x3ffffff0, 0), ESRCH);
	CHECK_ERR(set_handler(0, on_usr1, 0, 0), EINVAL);
	CHECK_ERR(set_handler(65, on_usr1, 0, 0), EINVAL);
	sigset_t set;

	sigemptyset(&set);
	CHECK_ERR(sigprocmask(12345, &set, NULL), EINVAL);
	return PASS;
}

static enum result sig_chld(void)
{
	sigset_t set, old;

	CHECK_OK(set_handler(SIGCHLD, on_chld, 0, 0));
	sigemptyset(&set);
	sigaddset(&set, SIGCHLD);
	CHECK_OK(sigprocmask(SIG_BLOCK, &set, &old));
	pid_t pid = spawn(helper_exit, 0);
	CHECK(pid > 0, "spawn: %s", strerror(errno));
	sigdelset(&old, SIGCHLD);
	/* No timing: wait in sigsuspend until the handler has run. */
	while (chld_count == 0) {
		errno = 0;
		int r = sigsuspend(&old);
		CHECK(r == -1 && errno == EINTR, "sigsuspend: %d (%s)", r, strerror(errno));
	}
	CHECK(chld_count == 1, "SIGCHLD handled %d times", (int)chld_count);
	CHECK(exited_with(pid, 0), "child");
	return PASS;
}

static int h_pause(long arg)
{
	sigset_t none;

	(void)arg;
	sigemptyset(&none);
	for (;;)
		sigsuspend(&none);
	return 0;
}

static enum result sig_stop_kill(void)
{
	int st;

	pid_t pid = spawn(h_pause, 0);
	CHECK(pid > 0, "spawn: %s", strerror(errno));
	CHECK_OK(kill(pid, SIGSTOP));
	CHECK(waitpid(pid, &st, WUNTRACED) == pid, "waitpid: %s", strerror(errno));
	CHECK(WIFSTOPPED(st) && WSTOPSIG(st) == SIGSTOP, "not stopped: %#x", st);
	CHECK(waitpid(pid, &st, WUNTRACED | WNOHANG) == 0,
	      "a stop is reported once");
	CHECK_OK(kill(pid, SIGCONT));
	CHECK(waitpid(pid, &st, WCONTINUED) == pid, "waitpid: %s", strerror(errno));
	CHECK(WIFCONTINUED(st), "not continued: %#x", st);
	CHECK_OK(kill(pid, SIGSTOP));
	CHECK(waitpid(pid, &st, WUNTRACED) == pid, "waitpid: %s", strerror(errno));
	CHECK(WIFSTOPPED(st), "not stopped again: %#x", st);
	/* SIGKILL ends a stopped process. */
	CHECK_OK(kill(pid, SIGKILL));
	CHECK(killed_by(pid, SIGKILL), "stopped child not killed");
	return PASS;
}

static void pause_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000 };

	nanosleep(&ts, NULL);
}

/* Sends SIGUSR1 to the parent until killed. */
static int h_signaller(long arg)
{
	(void)arg;
	for (;;) {
		kill(getppid(), SIGUSR1);
		pause_ms(5);
	}
	return 0;
}

/* Sends SIGUSR1 to the parent a few times, then writes a byte to fd. */
static int h_signal_then_write(long fd)
{
	for (int i = 0; i < 3; i++) {
		pause_ms(20);
		kill(getppid(), SIGUSR1);
	}
	return write((int)fd, "w", 1) == 1 ? 0 : 1;
}

static enum result sig_eintr(void)
{
	char c;
	int p[2];

	CHECK_OK(pipe(p));
	CHECK_OK(set_handler(SIGUSR1, on_usr1, 0, 0));
	pid_t pid = spawn(h_signaller, 0);
	CHECK(pid > 0, "spawn: %s", strerror(errno));
	errno = 0;
	ssize_t r = read(p[0], &c, 1);
	int e = errno;
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	CHECK(r == -1 && e == EINTR, "read: %zd (%s), want EINTR", r, strerror(e));
	CHECK(usr1_count > 0, "handler did not run");
	return PASS;
}

static enum result sig_restart(void)
{
	char c = 0;
	int p[2];

	CHECK_OK(pipe(p));
	CHECK_OK(set_handler(SIGUSR1, on_usr1, SA_RESTART, 0));
	pid_t pid = spawn(h_signal_then_write, p[1]);
	CHECK(pid > 0, "spawn: %s", strerror(errno));
	errno = 0;
	ssize_t r = read(p[0], &c, 1);
	CHECK(r == 1 && c == 'w', "read: %zd (%s), want the byte", r, strerror(errno));
	CHECK(usr1_count > 0, "handler did not run");
	CHECK(exited_with(pid, 0), "signaller");
	return PASS;
}

static int h_sig_after_exec(long arg)
{
	struct sigaction sa;
	sigset_t mask;

	(void)arg;
	if (sigaction(SIGUSR1, NULL, &sa) || sa.sa_handler != SIG_DFL)
		return 1;
	if (sigaction(SIGUSR2, NULL, &sa) || sa.sa_handler != SIG_IGN)
		return 2;
	if (sigprocmask(SIG_SETMASK, NULL, &mask) || !sigismember(&mask, SIGTERM))
		return 3;
	return 0;
}

static enum result sig_exec_reset(void)
{
	sigset_t set;

	if (!have_exec)
		return skip("exec of %s does not work here", self_path);
	CHECK_OK(set_handler(SIGUSR1, on_usr1, 0, 0));
	CHECK(signal(SIGUSR2, SIG_IGN) != SIG_ERR, "signal: %s", strerror(errno));
	sigemptyset(&set);
	sigaddset(&set, SIGTERM);
	CHECK_OK(sigprocmask(SIG_BLOCK, &set, NULL));
	pid_t pid = spawn_exec("sig-after-exec", 0);
	CHECK(pid > 0, "spawn: %s", strerror(errno));
	CHECK(exited_with(pid, 0),
	      "after exec (1: handler kept, 2: ignore lost, 3: mask lost)");
	return PASS;
}

const struct helper signal_helpers[] = {
	{ "pause", h_pause },
	{ "signaller", h_signaller },
	{ "signal-then-write", h_signal_then_write },
	{ "sig-after-exec", h_sig_after_exec },
	{ NULL, NULL },
};

const struct test signal_tests[] = {
	{ "sig_handler", sig_handler },
	{ "sig_mask", sig_mask },
	{ "sig_errors", sig_errors },
	{ "sig_chld", sig_chld },
	{ "sig_stop_kill", sig_stop_kill },
	{ "sig_eintr", sig_eintr },
	{ "sig_restart", sig_restart },
	{ "sig_exec_reset", sig_exec_reset },
	{ NULL, NULL },
};
