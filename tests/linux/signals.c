// SPDX-License-Identifier: MIT
/*
 * Signals: handlers, SA_SIGINFO, masks and pending, SIGCHLD, sigaltstack,
 * default actions, SA_RESETHAND, sigsuspend, sigtimedwait, stop and
 * continue, SIGPIPE, SIGSEGV's si_addr, -EINTR against SA_RESTART.
 */
#include <signal.h>
#include <fcntl.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>
#include "difftest.h"

static volatile sig_atomic_t usr1, chld, info_code, on_altstack;
static char altstack[16384];

static void on_usr1(int sig)
{
	usr1 += sig == SIGUSR1;
}

static void on_usr2(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	info_code = sig == SIGUSR2 && si->si_signo == SIGUSR2 && si->si_pid == getpid() ?
		    si->si_code : -1;
	on_altstack = (char *)&sig >= altstack && (char *)&sig < altstack + sizeof(altstack);
}

static void on_chld(int sig)
{
	chld += sig == SIGCHLD;
}

static volatile unsigned long segv_at = 32;

static void on_segv(int sig, siginfo_t *si, void *uc)
{
	(void)uc;
	_exit(sig == SIGSEGV && si->si_addr == (void *)segv_at && si->si_code == SEGV_MAPERR ? 0 : 1);
}

static void __attribute__((noreturn)) segv_child(void)
{
	struct sigaction sa = { .sa_sigaction = on_segv, .sa_flags = SA_SIGINFO };

	sigaction(SIGSEGV, &sa, NULL);
	*(volatile int *)segv_at = 1;
	_exit(2);
}

static void nothing(int sig)
{
	(void)sig;
}

/* More cases, each one a line of facts: the same on Linux and Tern. */
static void __attribute__((noinline)) more(void)
{
	struct sigaction sa = { .sa_handler = on_usr1, .sa_flags = SA_RESETHAND };
	struct timespec zero = { 0, 0 };
	sigset_t set, old;
	siginfo_t si;
	int status, fds[2];
	pid_t pid;
	char c;

	usr1 = 0;
	sigaction(SIGUSR1, &sa, NULL);
	raise(SIGUSR1);
	sigaction(SIGUSR1, NULL, &sa);
	CHECK("SA_RESETHAND ran once and reset", usr1 == 1 && sa.sa_handler == SIG_DFL);

	sa = (struct sigaction){ .sa_handler = on_usr1 };
	sigaction(SIGUSR1, &sa, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	sigprocmask(SIG_BLOCK, &set, &old);
	raise(SIGUSR1);
	CHECK("sigtimedwait takes the blocked one", sigtimedwait(&set, &si, &zero) == SIGUSR1);
	CHECK("with its siginfo", si.si_signo == SIGUSR1);
	CHECK("and no handler ran", usr1 == 1);
	EXPECT_ERRNO("sigtimedwait with none", sigtimedwait(&set, &si, &zero), EAGAIN);
	raise(SIGUSR1);
	sigemptyset(&set);
	EXPECT_ERRNO("sigsuspend returns after the handler", sigsuspend(&set), EINTR);
	CHECK("the handler ran in sigsuspend", usr1 == 2);
	sigprocmask(SIG_SETMASK, NULL, &set);
	CHECK("sigsuspend put the mask back", sigismember(&set, SIGUSR1));
	sigprocmask(SIG_SETMASK, &old, NULL);

	signal(SIGCHLD, SIG_DFL);	/* no EINTR from its notices in the waits below */
	pid = fork();
	if (pid == 0) {
		for (;;)
			pause();
	}
	kill(pid, SIGSTOP);
	CHECK("WUNTRACED sees the stop", waitpid(pid, &status, WUNTRACED) == pid &&
	      WIFSTOPPED(status) && WSTOPSIG(status) == SIGSTOP);
	kill(pid, SIGCONT);
	CHECK("WCONTINUED sees the continue", waitpid(pid, &status, WCONTINUED) == pid &&
	      WIFCONTINUED(status));
	kill(pid, SIGKILL);
	CHECK("SIGKILL ends it", waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) &&
	      WTERMSIG(status) == SIGKILL);

	pipe(fds);
	close(fds[0]);
	pid = fork();
	if (pid == 0) {
		signal(SIGPIPE, SIG_DFL);
		write(fds[1], "x", 1);
		_exit(0);
	}
	CHECK("a write with no reader is SIGPIPE", waitpid(pid, &status, 0) == pid &&
	      WIFSIGNALED(status) && WTERMSIG(status) == SIGPIPE);
	signal(SIGPIPE, SIG_IGN);
	EXPECT_ERRNO("ignored, it is EPIPE", write(fds[1], "x", 1), EPIPE);
	close(fds[1]);

	pid = fork();
	if (pid == 0)
		segv_child();
	CHECK("SIGSEGV's si_addr and SEGV_MAPERR", waitpid(pid, &status, 0) == pid &&
	      WIFEXITED(status) && WEXITSTATUS(status) == 0);

	/*
	 * A blocked read: the child signals until the parent says (on the
	 * back pipe) it is out of the read, or (SA_RESTART) 20 times, then
	 * writes the byte the read waits for.  Whenever the parent enters
	 * the read, a later signal finds it there.
	 */
	for (int restart = 0; restart < 2; restart++) {
		int back[2];
		long r;

		pipe(fds);
		pipe2(back, O_NONBLOCK);
		sa = (struct sigaction){ .sa_handler = nothing, .sa_flags = restart ? SA_RESTART : 0 };
		sigaction(SIGUSR2, &sa, NULL);
		pid = fork();
		if (pid == 0) {
			for (int i = 0; i < 5000 && !(restart && i == 20); i++) {
				kill(getppid(), SIGUSR2);
				usleep(2000);
				if (read(back[0], &c, 1) == 1)
					break;
			}
			write(fds[1], "x", 1);
			_exit(0);
		}
		errno = 0;
		r = read(fds[0], &c, 1);
		write(back[1], "d", 1);
		if (restart)
			CHECK("SA_RESTART: the read goes on", r == 1 && c == 'x');
		else
			CHECK("no SA_RESTART: EINTR", r == -1 && errno == EINTR);
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		close(fds[0]);
		close(fds[1]);
		close(back[0]);
		close(back[1]);
	}
}

int main(void)
{
	struct sigaction sa = { .sa_handler = on_usr1 };
	sigset_t set, pending;
	stack_t ss = { .ss_sp = altstack, .ss_size = sizeof(altstack) };
	int status;
	pid_t pid;

	CHECK("sigaction", !sigaction(SIGUSR1, &sa, NULL));
	CHECK("kill self", !kill(getpid(), SIGUSR1) && usr1 == 1);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	CHECK("block", !sigprocmask(SIG_BLOCK, &set, NULL));
	CHECK("raise while blocked", !raise(SIGUSR1) && usr1 == 1);
	CHECK("pending", !sigpending(&pending) && sigismember(&pending, SIGUSR1));
	CHECK("unblock delivers", !sigprocmask(SIG_UNBLOCK, &set, NULL) && usr1 == 2);
	CHECK("sigaltstack", !sigaltstack(&ss, NULL));
	sa = (struct sigaction){ .sa_sigaction = on_usr2, .sa_flags = SA_SIGINFO | SA_ONSTACK };
	CHECK("SA_SIGINFO handler", !sigaction(SIGUSR2, &sa, NULL));
	CHECK("siginfo from kill", !kill(getpid(), SIGUSR2) && info_code == SI_USER);
	CHECK("ran on the alternate stack", on_altstack);
	sa = (struct sigaction){ .sa_handler = on_chld };
	sigaction(SIGCHLD, &sa, NULL);
	pid = fork();
	if (pid == 0)
		_exit(0);
	CHECK("child reaped", waitpid(pid, &status, 0) == pid);
	CHECK("SIGCHLD arrived", chld == 1);
	pid = fork();
	if (pid == 0) {
		signal(SIGTERM, SIG_DFL);
		pause();
		_exit(0);
	}
	kill(pid, SIGTERM);
	CHECK("SIGTERM's default kills", waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) &&
	      WTERMSIG(status) == SIGTERM);
	pid = fork();
	if (pid == 0) {
		int *volatile bad = (int *)16;

		*bad = 1;
		_exit(0);
	}
	CHECK("a bad store is SIGSEGV", waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) &&
	      WTERMSIG(status) == SIGSEGV);
	EXPECT_ERRNO("SIGKILL cannot be caught", sigaction(SIGKILL, &sa, NULL), EINVAL);
	EXPECT_ERRNO("no such process", kill(999999, SIGTERM), ESRCH);
	more();
	return difftest_exit();
}
