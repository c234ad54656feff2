// SPDX-License-Identifier: MIT
/* fork, execve, wait4 status encoding, WNOHANG, ECHILD, argv and envp across exec. */
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include "difftest.h"

extern char **environ;

/*
 * execve of ourselves.  Under qemu-riscv64 on a host without binfmt_misc
 * for RISC-V, the kernel cannot run a RISC-V file: scripts/test-linux.sh
 * then sets DIFFTEST_EXEC_VIA to the qemu-riscv64 binary, which is
 * exec'd with the program as its first argument.  Tern execs directly.
 */
static int exec_self(char *self, char **args, char **env)
{
	const char *via = getenv("DIFFTEST_EXEC_VIA");
	char *with[8] = { (char *)via, self };

	if (!via)
		return execve(self, args, env);
	for (int i = 0; args[i] && i < 5; i++)
		with[i + 1] = args[i];
	return execve(via, with, env);
}

int main(int argc, char **argv)
{
	int status;
	pid_t pid;

	if (argc > 1 && !strcmp(argv[1], "child")) {
		printf("exec'd child: argc %d, argv[2] %s, DIFF %s\n", argc, argv[2],
		       getenv("DIFF") ? getenv("DIFF") : "(unset)");
		return 42;
	}
	pid = fork();
	if (pid == 0)
		_exit(7);
	CHECK("fork", pid > 0);
	CHECK("wait: exited 7", waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 7);
	EXPECT_ERRNO("no children left", wait(&status), ECHILD);
	pid = fork();
	if (pid == 0) {
		char *args[] = { argv[0], "child", "second", NULL };
		char *env[] = { "DIFF=yes", NULL };

		exec_self(argv[0], args, env);
		_exit(99);
	}
	CHECK("exec'd child exits 42", waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	      WEXITSTATUS(status) == 42);
	pid = fork();
	if (pid == 0) {
		pause();
		_exit(0);
	}
	CHECK("WNOHANG while it runs", waitpid(pid, &status, WNOHANG) == 0);
	CHECK("kill it", !kill(pid, SIGKILL));
	CHECK("killed by SIGKILL", waitpid(pid, &status, 0) == pid && WIFSIGNALED(status) &&
	      WTERMSIG(status) == SIGKILL);
	pid = fork();
	if (pid == 0) {
		char *args[] = { "/no/such/program", NULL };

		_exit(execve(args[0], args, environ) == -1 && errno == ENOENT ? 5 : 6);
	}
	CHECK("exec of a missing file fails with ENOENT", waitpid(pid, &status, 0) == pid &&
	      WIFEXITED(status) && WEXITSTATUS(status) == 5);
	CHECK("getppid of a child is us", (pid = fork()) >= 0);
	if (pid == 0)
		_exit(getppid() == getpid() ? 1 : 0);
	CHECK("child saw a different parent pid", waitpid(pid, &status, 0) == pid &&
	      WEXITSTATUS(status) == 0);
	return difftest_exit();
}
