// SPDX-License-Identifier: MIT
/* usertests: fork, exec and wait; many processes. */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "usertests.h"

extern char **environ;

int helper_exit(long code)
{
	return (int)code;
}

/* Blocks until the pipe (read end in the low byte, write end in the
 * next) reaches EOF, then exits 0. */
static int h_block(long fds)
{
	char c;

	close((int)(fds >> 8) & 0xff);
	while (read((int)fds & 0xff, &c, 1) != 0)
		;
	return 0;
}

static enum result wait_echild(void)
{
	int st;

	CHECK_ERR(wait(&st), ECHILD);
	CHECK_ERR(waitpid(-1, &st, WNOHANG), ECHILD);
	CHECK_ERR(waitpid(1, &st, 0), ECHILD);
	return PASS;
}

static enum result exit_status(void)
{
	static const int codes[] = { 0, 1, 42, 127, 255 };

	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		pid_t pid = spawn(helper_exit, codes[i]);

		CHECK(pid > 0, "spawn: %s", strerror(errno));
		CHECK(exited_with(pid, codes[i]), "exit status %d lost", codes[i]);
	}
	/* Only the low 8 bits pass. */
	pid_t pid = spawn(helper_exit, 256 + 7);
	CHECK(pid > 0, "spawn: %s", strerror(errno));
	CHECK(exited_with(pid, 7), "exit(263) must read as 7");
	return PASS;
}

static enum result wait_signaled(void)
{
	int p[2];

	CHECK_OK(pipe(p));
	pid_t pid = spawn(h_block, p[0] | p[1] << 8);
	CHECK(pid > 0, "spawn: %s", strerror(errno));
	CHECK_OK(kill(pid, SIGKILL));
	CHECK(killed_by(pid, SIGKILL), "SIGKILL not reported");
	close(p[0]);
	close(p[1]);
	return PASS;
}

static enum result waitpid_wnohang(void)
{
	int p[2], st;

	CHECK_OK(pipe(p));
	pid_t pid = spawn(h_block, p[0] | p[1] << 8);
	CHECK(pid > 0, "spawn: %s", strerror(errno));
	close(p[0]);
	errno = 0;
	pid_t r = waitpid(pid, &st, WNOHANG);
	CHECK(r == 0, "WNOHANG on a live child: %d (%s)", (int)r, strerror(errno));
	r = waitpid(-1, &st, WNOHANG);
	CHECK(r == 0, "WNOHANG, any child: %d (%s)", (int)r, strerror(errno));
	close(p[1]);
	CHECK(exited_with(pid, 0), "child after EOF");
	CHECK_ERR(waitpid(pid, &st, WNOHANG), ECHILD);
	return PASS;
}

static enum result waitpid_order(void)
{
	pid_t a = spawn(helper_exit, 3), b = spawn(helper_exit, 4);

	CHECK(a > 0 && b > 0, "spawn: %s", strerror(errno));
	CHECK(exited_with(b, 4), "second child first");
	CHECK(exited_with(a, 3), "then the first");
	CHECK_ERR(waitpid(-1, NULL, 0), ECHILD);
	return PASS;
}

/* Orphan test: fds packed as go_r | res_w << 8. */
static int h_orphan_grandchild(long fds)
{
	pid_t ppid;
	char c;

	if (read((int)fds & 0xff, &c, 1) != 1)
		return 1;
	ppid = getppid();
	return write_all((int)(fds >> 8) & 0xff, &ppid, sizeof(ppid)) < 0;
}

static int h_orphan_middle(long fds)
{
	return spawn(h_orphan_grandchild, fds) > 0 ? 0 : 1;
}

static enum result orphan_reparent(void)
{
	int go[2], res[2];
	pid_t ppid;

	CHECK_OK(pipe(go));
	CHECK_OK(pipe(res));
	pid_t mid = spawn(h_orphan_middle, go[0] | res[1] << 8);
	CHECK(mid > 0, "spawn: %s", strerror(errno));
	/* Once the middle child is reaped, its child has a new parent. */
	CHECK(exited_with(mid, 0), "middle child");
	CHECK(write_all(go[1], "g", 1) == 1, "go: %s", strerror(errno));
	CHECK(read_all(res[0], &ppid, sizeof(ppid)) == sizeof(ppid),
	      "grandchild did not answer");
	CHECK(ppid != mid && ppid > 0, "orphan's parent is %d (dead parent %d)",
	      (int)ppid, (int)mid);
	CHECK_ERR(waitpid(-1, NULL, WNOHANG), ECHILD);
	return PASS;
}

static int fork_global = 1;

static enum result fork_copies_memory(void)
{
	char *heap = malloc(64);

	if (!have_fork)
		return skip("no fork here (no MMU)");
	CHECK(heap, "malloc");
	strcpy(heap, "parent");
	pid_t pid = fork();
	CHECK(pid >= 0, "fork: %s", strerror(errno));
	if (pid == 0) {
		fork_global = 2;
		strcpy(heap, "child");
		_exit(fork_global == 2 && !strcmp(heap, "child") ? 0 : 1);
	}
	CHECK(exited_with(pid, 0), "child");
	CHECK(fork_global == 1, "child's store reached the parent");
	CHECK(!strcmp(heap, "parent"), "child's heap store reached the parent");
	free(heap);
	return PASS;
}

#define LONG_ARGC 400
#define LONG_ENVC 60
#define LONG_LEN 100

static void long_string(char *buf, int i, char tag)
{
	int n = snprintf(buf, LONG_LEN, "%c%d=", tag, i);

	for (int j = n; j < LONG_LEN - 1; j++)
		buf[j] = 'a' + (i + j) % 26;
	buf[LONG_LEN - 1] = '\0';
}

int check_long_args(int argc, char **argv)
{
	char want[LONG_LEN];
	int envc = 0;

	if (argc != LONG_ARGC + 2)
		return 2;
	for (int i = 0; i < LONG_ARGC; i++) {
		long_string(want, i, 'A');
		if (strcmp(argv[i + 2], want))
			return 3;
	}
	for (char **e = environ; *e; e++) {
		long_string(want, envc, 'E');
		if (strcmp(*e, want))
			return 4;
		envc++;
	}
	return envc == LONG_ENVC ? 0 : 5;
}

static enum result exec_long_args(void)
{
	char **argv = calloc(LONG_ARGC + 3, sizeof(char *));
	char **envp = calloc(LONG_ENVC + 1, sizeof(char *));
	char *strs = malloc((LONG_ARGC + LONG_ENVC) * LONG_LEN);

	if (!have_exec)
		return skip("exec of %s does not work here", self_path);
	CHECK(argv && envp && strs, "malloc");
	argv[0] = (char *)self_path;
	argv[1] = "-a";
	for (int i = 0; i < LONG_ARGC; i++) {
		argv[i + 2] = strs + i * LONG_LEN;
		long_string(argv[i + 2], i, 'A');
	}
	for (int i = 0; i < LONG_ENVC; i++) {
		envp[i] = strs + (LONG_ARGC + i) * LONG_LEN;
		long_string(envp[i], i, 'E');
	}
	pid_t pid = vfork();
	if (pid == 0) {
		execve(self_path, argv, envp);
		_exit(127);
	}
	CHECK(pid > 0, "vfork: %s", strerror(errno));
	CHECK(exited_with(pid, 0), "argv/envp arrived changed (2 argc, 3 argv, 4 env, 5 envc)");
	free(argv);
	free(envp);
	free(strs);
	return PASS;
}

static enum result exec_e2big(void)
{
	/* Longer than one argument may be (Linux: 32 pages). */
	size_t len = 33 * 4096;
	/* mmap, not malloc: a no-MMU heap (brk) may be smaller than this. */
	char *big = mmap(NULL, len + 1, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK(big != MAP_FAILED, "mmap: %s", strerror(errno));
	memset(big, 'x', len);
	big[len] = '\0';
	char *argv[] = { (char *)self_path, "-c", "exit", "3", big, NULL };
	CHECK_ERR(execve(self_path, argv, environ), E2BIG);
	char *envp[] = { big, NULL };
	argv[4] = NULL;
	CHECK_ERR(execve(self_path, argv, envp), E2BIG);
	munmap(big, len + 1);
	return PASS;
}

static enum result exec_enoent(void)
{
	char *argv[] = { "x", NULL };

	CHECK_ERR(execve("/nonexistent-usertests", argv, environ), ENOENT);
	CHECK_ERR(execve("/nonexistent-usertests/x", argv, environ), ENOENT);
	CHECK_ERR(execve("", argv, environ), ENOENT);
	return PASS;
}

static enum result exec_directory(void)
{
	char *argv[] = { "x", NULL };

	CHECK_ERR(execve("/", argv, environ), EACCES);
	if (enter_scratch("exec_directory") < 0)
		return FAIL;
	CHECK_OK(mkdir("d", 0755));
	CHECK_ERR(execve("d", argv, environ), EACCES);
	CHECK_ERR(execve("./d", argv, environ), EACCES);
	return PASS;
}

static enum result exec_not_executable(void)
{
	char *argv[] = { "x", NULL };
	int fd;

	if (enter_scratch("exec_not_executable") < 0)
		return FAIL;
	fd = open("noexec", O_CREAT | O_WRONLY | O_TRUNC, 0644);
	CHECK(fd >= 0, "open: %s", strerror(errno));
	CHECK(write_all(fd, "#!/bin/sh\nexit 0\n", 17) == 17, "write");
	close(fd);
	CHECK_ERR(execve("./noexec", argv, environ), EACCES);
	/* A path through a file is not a directory. */
	CHECK_ERR(execve("./noexec/x", argv, environ), ENOTDIR);
	return PASS;
}

static int h_fd_closed(long fd)
{
	return fcntl((int)fd, F_GETFD) == -1 && errno == EBADF ? 0 : 1;
}

static int h_fd_open(long fd)
{
	return fcntl((int)fd, F_GETFD) == 0 ? 0 : 1;
}

static enum result exec_cloexec(void)
{
	int p[2];

	if (!have_exec)
		return skip("exec of %s does not work here", self_path);
	CHECK_OK(pipe(p));
	CHECK_OK(fcntl(p[0], F_SETFD, FD_CLOEXEC));
	CHECK(fcntl(p[0], F_GETFD) == FD_CLOEXEC, "F_GETFD after F_SETFD");
	pid_t pid = spawn_exec("fd-closed", p[0]);
	CHECK(pid > 0, "spawn: %s", strerror(errno));
	CHECK(exited_with(pid, 0), "close-on-exec descriptor survived exec");
	pid = spawn_exec("fd-open", p[1]);
	CHECK(pid > 0, "spawn: %s", strerror(errno));
	CHECK(exited_with(pid, 0), "plain descriptor lost in exec");
	return PASS;
}

/*
 * Exit codes of the chain: the depth below, or CHAIN_NOSPAWN when a
 * level could not start its child, CHAIN_NOEXEC when the child's exec
 * failed (out of memory on no-MMU).
 */
#define CHAIN_DEPTH 50
#define CHAIN_NOSPAWN 250
#define CHAIN_NOEXEC 251

static int h_chain(long depth)
{
	int st;

	if (depth == 0)
		return 0;
	pid_t pid = spawn(h_chain, depth - 1);
	if (pid < 0)
		return CHAIN_NOSPAWN;
	if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
		return 1;
	if (WEXITSTATUS(st) == 127)
		return CHAIN_NOEXEC;
	if (WEXITSTATUS(st) >= CHAIN_NOSPAWN)
		return WEXITSTATUS(st);
	return WEXITSTATUS(st) + 1;
}

static enum result proc_chain(void)
{
	int st;
	pid_t pid = spawn(h_chain, CHAIN_DEPTH);

	CHECK(pid > 0, "spawn: %s", strerror(errno));
	CHECK(waitpid(pid, &st, 0) == pid, "waitpid: %s", strerror(errno));
	CHECK(WIFEXITED(st), "chain head died, status %#x", st);
	if (WEXITSTATUS(st) == CHAIN_NOSPAWN || WEXITSTATUS(st) == CHAIN_NOEXEC)
		return skip("out of processes or memory before depth %d",
			    CHAIN_DEPTH);
	CHECK(WEXITSTATUS(st) == CHAIN_DEPTH, "chain of %d came back as %d",
	      CHAIN_DEPTH, WEXITSTATUS(st));
	return PASS;
}

static enum result proc_fanout(void)
{
	int max = have_fork ? 200 : 64, n, p[2], st, reaped = 0, noexec = 0;
	pid_t pid;

	CHECK_OK(pipe(p));
	for (n = 0; n < max; n++) {
		pid = spawn(h_block, p[0] | p[1] << 8);
		if (pid < 0) {
			CHECK(errno == EAGAIN || errno == ENOMEM,
			      "child %d: %s, want EAGAIN or ENOMEM", n, strerror(errno));
			break;
		}
	}
	CHECK(n > 0, "not one child");
	close(p[0]);
	close(p[1]);
	while ((pid = wait(&st)) > 0) {
		reaped++;
		if (!have_fork && WIFEXITED(st) && WEXITSTATUS(st) == 127) {
			noexec++;
			continue;
		}
		CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0,
		      "child %d: status %#x", (int)pid, st);
	}
	CHECK(errno == ECHILD, "wait: %s", strerror(errno));
	CHECK(reaped == n, "started %d, reaped %d", n, reaped);
	if (noexec)
		printf("# %d of %d children could not exec (memory)\n", noexec, n);
	return PASS;
}

/* Forks and waits in a loop, while its sibling does the same (xv6's forkfork). */
static int h_fork_loop(long n)
{
	for (long i = 0; i < n; i++) {
		pid_t pid = spawn(helper_exit, i & 0x7f);
		int st;

		if (pid < 0)
			return errno == EAGAIN || errno == ENOMEM ? 0 : 1;
		if (waitpid(pid, &st, 0) != pid || !WIFEXITED(st))
			return 2;
		if (WEXITSTATUS(st) != (i & 0x7f) && WEXITSTATUS(st) != 127)
			return 3;
	}
	return 0;
}

static enum result proc_forkfork(void)
{
	enum { N = 4 };
	pid_t pids[N];
	long rounds = have_fork ? 100 : 25;

	for (int i = 0; i < N; i++) {
		pids[i] = spawn(h_fork_loop, rounds);
		CHECK(pids[i] > 0, "spawn: %s", strerror(errno));
	}
	for (int i = 0; i < N; i++)
		CHECK(exited_with(pids[i], 0),
		      "forker %d (1: spawn error, 2: wait, 3: wrong status)", i);
	CHECK_ERR(wait(NULL), ECHILD);
	return PASS;
}

const struct helper proc_helpers[] = {
	{ "fork-loop", h_fork_loop },
	{ "exit", helper_exit },
	{ "block", h_block },
	{ "orphan-middle", h_orphan_middle },
	{ "orphan-grandchild", h_orphan_grandchild },
	{ "fd-closed", h_fd_closed },
	{ "fd-open", h_fd_open },
	{ "chain", h_chain },
	{ NULL, NULL },
};

const struct test proc_tests[] = {
	{ "wait_echild", wait_echild },
	{ "exit_status", exit_status },
	{ "wait_signaled", wait_signaled },
	{ "waitpid_wnohang", waitpid_wnohang },
	{ "waitpid_order", waitpid_order },
	{ "orphan_reparent", orphan_reparent },
	{ "fork_copies_memory", fork_copies_memory },
	{ "exec_long_args", exec_long_args },
	{ "exec_e2big", exec_e2big },
	{ "exec_enoent", exec_enoent },
	{ "exec_directory", exec_directory },
	{ "exec_not_executable", exec_not_executable },
	{ "exec_cloexec", exec_cloexec },
	{ "proc_chain", proc_chain },
	{ "proc_fanout", proc_fanout },
	{ "proc_forkfork", proc_forkfork },
	{ NULL, NULL },
};
