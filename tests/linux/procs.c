// SPDX-License-Identifier: MIT
/*
 * Process groups, sessions and waiting: setpgid/getpgid/setsid/getsid
 * and their errors, wait4 on a group, on a pid that is not a child,
 * WNOHANG with nothing exited, exit statuses above 255, exec errors
 * (ENOENT, EACCES, ENOEXEC, ENOTDIR), vfork.  Nothing here needs
 * signals (forkexec.c has exec of a program and kill).
 */
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "difftest.h"

extern char **environ;

#define SCRIPT	"/tmp/difftest-procs-noexec"
#define TEXT	"/tmp/difftest-procs-text"

/* Runs path in a child with argv; the errno execve failed with, as the exit code. */
static int exec_errno(const char *path)
{
	char *argv[] = { (char *)path, NULL };
	int status;
	pid_t pid = fork();

	if (pid == 0) {
		execve(path, argv, environ);
		_exit(errno);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

static void print_exec_errno(const char *name, const char *path)
{
	printf("%s: %s\n", name, errno_name(exec_errno(path)));
}

int main(void)
{
	int status, fd, sync_pipe[2];
	pid_t pid, pid2, me = getpid();

	EXPECT_ERRNO("setpgid of a non-child", setpgid(1, 0), ESRCH);
	EXPECT_ERRNO("setpgid negative", setpgid(0, -1), EINVAL);
	EXPECT_ERRNO("getpgid of nobody", getpgid(999999), ESRCH);
	EXPECT_ERRNO("getsid of nobody", getsid(999999), ESRCH);
	CHECK("getpgid(0) is getpgrp", getpgid(0) == getpgrp());

	pid = fork();
	if (pid == 0) {
		pid_t s = setsid();

		_exit(s == getpid() && getsid(0) == getpid() && getpgrp() == getpid() ? 0 : 1);
	}
	CHECK("setsid in a child makes a session", waitpid(pid, &status, 0) == pid &&
	      WIFEXITED(status) && WEXITSTATUS(status) == 0);

	CHECK("pipe", !pipe(sync_pipe));
	pid = fork();
	if (pid == 0) {
		char c;

		close(sync_pipe[1]);
		if (read(sync_pipe[0], &c, 1) != 0)	/* until the parent moved us */
			_exit(2);
		_exit(setsid() == -1 && errno == EPERM ? 0 : 1);
	}
	close(sync_pipe[0]);
	CHECK("setpgid of a child into its own group", !setpgid(pid, pid) && getpgid(pid) == pid);
	close(sync_pipe[1]);
	CHECK("a group leader may not setsid", waitpid(pid, &status, 0) == pid &&
	      WIFEXITED(status) && WEXITSTATUS(status) == 0);

	pid = fork();
	if (pid == 0)
		_exit(3);
	pid2 = fork();
	if (pid2 == 0)
		_exit(4);
	CHECK("waitpid(-pgid) finds a child of our group",
	      (status = 0, waitpid(-getpgrp(), &status, 0)) > 0 && WIFEXITED(status));
	CHECK("waitpid(0) finds the other", waitpid(0, &status, 0) > 0 && WIFEXITED(status));
	EXPECT_ERRNO("waitpid of a non-child", waitpid(1, &status, 0), ECHILD);
	EXPECT_ERRNO("wait with no children", wait(&status), ECHILD);
	EXPECT_ERRNO("waitpid bad options", waitpid(-1, &status, 0x1000), EINVAL);

	pid = fork();
	if (pid == 0)
		_exit(256 + 9);
	CHECK("exit status keeps 8 bits", waitpid(pid, &status, 0) == pid &&
	      WIFEXITED(status) && WEXITSTATUS(status) == 9);

	pid = vfork();
	if (pid == 0)
		_exit(getppid() == me ? 11 : 12);
	CHECK("vfork child ran first and exited", waitpid(pid, &status, 0) == pid &&
	      WIFEXITED(status) && WEXITSTATUS(status) == 11);

	fd = open(SCRIPT, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	CHECK("a file without x", fd >= 0 && write(fd, "#!/bin/sh\n", 10) == 10 && !close(fd));
	fd = open(TEXT, O_CREAT | O_WRONLY | O_TRUNC, 0755);
	CHECK("an executable that is no program", fd >= 0 && write(fd, "hello\n", 6) == 6 &&
	      !close(fd));
	print_exec_errno("exec missing", "/tmp/difftest-procs-missing");
	print_exec_errno("exec without x", SCRIPT);
	print_exec_errno("exec of text", TEXT);
	print_exec_errno("exec of a directory", "/tmp");
	print_exec_errno("exec through a file", TEXT "/x");
	unlink(SCRIPT);
	unlink(TEXT);

	return difftest_exit();
}
