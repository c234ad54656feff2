// SPDX-License-Identifier: MIT
/* Signals: handlers, SA_SIGINFO, masks and pending, SIGCHLD, sigaltstack, default actions. */
#include <signal.h>
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
	return difftest_exit();
}
