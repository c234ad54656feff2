// SPDX-License-Identifier: MIT
/*
 * The user-mode benchmarks' program (process_bench.c runs it): argv[1]
 * names a loop, argv[2] its count n.  process_bench.c runs each loop
 * twice, with n = 0 and n = iterations, and reports the difference per
 * iteration, so the setup of each loop (the pipes, the file) cancels out.
 * The exit status is 0 when every call did what it should; any other
 * value fails the benchmark (a wrong figure is worse than none).
 *
 *	ubench pipe N	 N one-byte round trips between parent and child
 *	ubench forkexec N N times: fork; the child points stdout at a pipe and
 *			 execs "/ubench echo"; the parent waits and reads "hi\n"
 *	ubench echo	 writes "hi\n" to stdout
 *	ubench brk N	 N pages: sbrk(+1 MiB), one store per page, sbrk(-1 MiB)
 *	ubench fileread N  N KiB read from a 16 KiB file: open, 4 reads of 4 KiB, close
 *	ubench filerw N	 N KiB written, then read back (closed and reopened
 *			 between), in 4 KiB calls
 */
#include "user.h"

#define O_RDONLY	0
#define O_RDWR		2
#define O_CREAT		0100
#define O_TRUNC		01000
#define AT_FDCWD	(-100)
#define PAGE		4096L
#define BRK_STEP	(1L << 20)
#define FILE_SIZE	(16L << 10)
#define CHUNK		4096L

static char buf[CHUNK];

static long number(const char *s)
{
	long n = 0;

	while (*s >= '0' && *s <= '9')
		n = n * 10 + (*s++ - '0');
	return n;
}

static int same(const char *a, const char *b)
{
	while (*a && *a == *b)
		a++, b++;
	return *a == *b;
}

static int bench_pipe(long n)
{
	int there[2], back[2], st;
	char c = 'x';
	long pid, i;

	if (sys2(pipe2, there, 0) || sys2(pipe2, back, 0))
		return 1;
	pid = fork();
	if (pid == 0) {
		for (i = 0; i < n; i++)
			if (sys3(read, there[0], &c, 1) != 1 || sys3(write, back[1], &c, 1) != 1)
				sys_exit(1);
		sys_exit(0);
	}
	for (i = 0; i < n; i++)
		if (sys3(write, there[1], &c, 1) != 1 || sys3(read, back[0], &c, 1) != 1)
			return 2;
	if (pid < 0 || waitpid(pid, &st, 0) != pid || st != 0)
		return 3;
	return 0;
}

static int bench_forkexec(long n, char **envp)
{
	const char *argv[] = { "/ubench", "echo", 0 };
	int p[2], st;
	long i, pid, got;

	for (i = 0; i < n; i++) {
		if (sys2(pipe2, p, 0))
			return 1;
		pid = fork();
		if (pid == 0) {
			sys3(dup3, p[1], 1, 0);
			sys3(execve, argv[0], argv, envp);
			sys_exit(127);
		}
		sys1(close, p[1]);
		if (pid < 0 || waitpid(pid, &st, 0) != pid || st != 0)
			return 2;
		got = sys3(read, p[0], buf, sizeof(buf));
		sys1(close, p[0]);
		if (got != 3 || buf[0] != 'h' || buf[1] != 'i' || buf[2] != '\n')
			return 3;
	}
	return 0;
}

static int bench_brk(long pages)
{
	unsigned long base = sys1(brk, 0), a;
	long rounds = pages / (BRK_STEP / PAGE), i;

	for (i = 0; i < rounds; i++) {
		if ((unsigned long)sys1(brk, base + BRK_STEP) != base + BRK_STEP)
			return 1;
		for (a = base; a < base + BRK_STEP; a += PAGE)
			*(volatile char *)a = 1;
		if ((unsigned long)sys1(brk, base) != base)
			return 2;
	}
	return 0;
}

/* A file of size bytes at path, its contents the byte pattern i & 0xff. */
static int make_file(const char *path, long size)
{
	long fd = sys4(openat, AT_FDCWD, path, O_RDWR | O_CREAT | O_TRUNC, 0644), i, done;

	if (fd < 0)
		return 1;
	for (i = 0; i < CHUNK; i++)
		buf[i] = (char)i;
	for (done = 0; done < size; done += CHUNK)
		if (sys3(write, fd, buf, CHUNK) != CHUNK)
			return 2;
	return sys1(close, fd) ? 3 : 0;
}

static int bench_fileread(long kib)
{
	long rounds = kib / (FILE_SIZE >> 10), i, j, fd;

	if (make_file("/tmp/ubench.16k", FILE_SIZE))
		return 1;
	for (i = 0; i < rounds; i++) {
		fd = sys4(openat, AT_FDCWD, "/tmp/ubench.16k", O_RDONLY, 0);
		if (fd < 0)
			return 2;
		for (j = 0; j < FILE_SIZE / CHUNK; j++)
			if (sys3(read, fd, buf, CHUNK) != CHUNK)
				return 3;
		if (sys1(close, fd))
			return 4;
	}
	return buf[CHUNK - 1] == (char)(CHUNK - 1) ? 0 : 5;
}

static int bench_filerw(long kib)
{
	long fd = sys4(openat, AT_FDCWD, "/tmp/ubench.rw", O_RDWR | O_CREAT | O_TRUNC, 0644);
	long calls = kib / (CHUNK >> 10), i;

	if (fd < 0)
		return 1;
	for (i = 0; i < calls; i++)
		if (sys3(write, fd, buf, CHUNK) != CHUNK)
			return 2;
	if (sys1(close, fd))
		return 3;
	fd = sys4(openat, AT_FDCWD, "/tmp/ubench.rw", O_RDONLY, 0);
	for (i = 0; fd >= 0 && i < calls; i++)
		if (sys3(read, fd, buf, CHUNK) != CHUNK)
			return 4;
	return sys1(close, fd) ? 5 : 0;
}

static int run(int argc, char **argv, char **envp)
{
	long n = argc > 2 ? number(argv[2]) : 0;

	if (argc < 2)
		return 99;
	if (same(argv[1], "echo"))
		return sys3(write, 1, "hi\n", 3) == 3 ? 0 : 1;
	if (same(argv[1], "pipe"))
		return bench_pipe(n);
	if (same(argv[1], "forkexec"))
		return bench_forkexec(n, envp);
	if (same(argv[1], "brk"))
		return bench_brk(n);
	if (same(argv[1], "fileread"))
		return bench_fileread(n);
	if (same(argv[1], "filerw"))
		return bench_filerw(n);
	return 99;
}

void __attribute__((noreturn)) ustart(unsigned long *sp);

void ustart(unsigned long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1);

	sys_exit(run(argc, argv, argv + argc + 1));
}
