// SPDX-License-Identifier: MIT
/*
 * bench: the loops xv6-riscv's figures were measured with, counted in
 * retired instructions (the instret counter, which the kernel lets user
 * mode read).  Under QEMU's -icount shift=0 on one hart every figure
 * repeats exactly; it counts everything that hart ran, kernel and other
 * processes included, as xv6's figures do.  make bench runs it at the
 * first shell prompt (Documentation/benchmarks.md).
 *
 *	bench		every loop, one "bench: <name>: <figure> <unit>" line each
 *	bench <name>	one loop
 *	bench echo	prints "hi" (the exec loop's child when /bin/echo is missing)
 *
 * Without an MMU there is no fork: the fork loops use vfork, and say so.
 * A loop whose calls fail prints "bench: <name>: FAILED: <why>" and the
 * exit status is 1: a wrong figure is worse than none.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE		4096
#define MIB		(1L << 20)
#define FILE_SIZE	(16 << 10)
#define CHUNK		4096

static char buf[CHUNK];
static const char *const self = "/bin/bench";

static uint64_t instret(void)
{
#if __riscv_xlen == 64
	uint64_t v;

	__asm__ __volatile__("rdinstret %0" : "=r"(v));
	return v;
#else
	uint32_t hi, lo, hi2;

	do {
		__asm__ __volatile__("rdinstreth %0" : "=r"(hi));
		__asm__ __volatile__("rdinstret %0" : "=r"(lo));
		__asm__ __volatile__("rdinstreth %0" : "=r"(hi2));
	} while (hi != hi2);
	return (uint64_t)hi << 32 | lo;
#endif
}

static int failed(const char *name, const char *why)
{
	printf("bench: %s: FAILED: %s (%s)\n", name, why, strerror(errno));
	return 1;
}

static void report(const char *name, uint64_t n, uint64_t per, const char *unit, const char *xv6)
{
	printf("bench: %s: %llu instructions per %s (xv6 %s)\n", name,
	       (unsigned long long)(n / per), unit, xv6);
}

/* A child: fork with an MMU, vfork without (the child must exec or _exit). */
#define new_child() (TERN_NOMMU ? vfork() : fork())

/*
 * Starts a child that exits 0 at once (argv NULL), or points stdout at
 * out_fd (unless -1) and execs argv.  Its own function, so that a vfork
 * child shares no live variable of the caller's loop.  Answers its pid.
 */
static pid_t __attribute__((noinline)) start_child(char *const argv[], int out_fd)
{
	pid_t pid = new_child();

	if (pid == 0) {
		if (!argv)
			_exit(0);
		if (out_fd >= 0)
			dup2(out_fd, 1);
		execv(argv[0], argv);
		_exit(127);
	}
	return pid;
}

static int bench_getpid(void)
{
	uint64_t t = instret();

	for (int i = 0; i < 10000; i++)
		getpid();
	report("getpid", instret() - t, 10000, "call", "1,130");
	return 0;
}

static int bench_fork(void)
{
	uint64_t t = instret();
	int st;

	for (int i = 0; i < 200; i++) {
		pid_t pid = start_child(NULL, -1);

		if (pid < 0 || waitpid(pid, &st, 0) != pid || st != 0)
			return failed("fork", "fork, exit or wait");
	}
	report(TERN_NOMMU ? "fork (vfork, no MMU)" : "fork", instret() - t, 200,
	       "fork+exit+wait", "518,819");
	return 0;
}

/* The pipe loop's child without fork: exec'd with the two fds as arguments. */
static int pipe_child(int in, int out, long n)
{
	char c;

	for (long i = 0; i < n; i++)
		if (read(in, &c, 1) != 1 || write(out, &c, 1) != 1)
			return 1;
	return 0;
}

static int bench_pipe(void)
{
	int a[2], b[2], st;
	char c = 'x', arg_in[16], arg_out[16];
	const int n = 2000;
	uint64_t t;
	pid_t pid;

	if (pipe(a) || pipe(b))
		return failed("pipe", "pipe");
	snprintf(arg_in, sizeof(arg_in), "%d", a[0]);
	snprintf(arg_out, sizeof(arg_out), "%d", b[1]);
	char *child_argv[] = { (char *)self, "pipe-child", arg_in, arg_out, "2000", NULL };

	t = instret();
	if (TERN_NOMMU) {
		pid = start_child(child_argv, -1);
	} else {
		pid = fork();
		if (pid == 0)
			_exit(pipe_child(a[0], b[1], n));
	}
	close(a[0]);	/* the child's ends: if it dies, the read sees the end, not a hang */
	close(b[1]);
	for (int i = 0; i < n; i++)
		if (write(a[1], &c, 1) != 1 || read(b[0], &c, 1) != 1)
			return failed("pipe", "write or read");
	if (pid < 0 || waitpid(pid, &st, 0) != pid || st != 0)
		return failed("pipe", "child");
	report("pipe", instret() - t, n, "round trip", "95,842");
	close(a[1]);
	close(b[0]);
	return 0;
}

static int bench_exec(void)
{
	struct stat st_echo;
	int use_echo = stat("/bin/echo", &st_echo) == 0, p[2], st;
	char *echo_argv[] = { "/bin/echo", "hi", NULL }, *self_argv[] = { (char *)self, "echo", NULL };
	uint64_t t = instret();

	for (int i = 0; i < 100; i++) {
		pid_t pid;

		if (pipe(p))
			return failed("exec", "pipe");
		pid = start_child(use_echo ? echo_argv : self_argv, p[1]);
		close(p[1]);
		if (pid < 0 || waitpid(pid, &st, 0) != pid || st != 0)
			return failed("exec", "fork, exec or wait");
		if (read(p[0], buf, sizeof(buf)) != 3 || memcmp(buf, "hi\n", 3))
			return failed("exec", "the child's output is not \"hi\"");
		close(p[0]);
	}
	report(use_echo ? "exec" : "exec (bench echo)", instret() - t, 100,
	       "fork+exec+wait", "1,357,426");
	return 0;
}

static int bench_sbrk(void)
{
	const int rounds = 16, pages = MIB / PAGE;
	uint64_t t = instret();

	if (TERN_NOMMU) {
		printf("bench: sbrk: skipped: without an MMU the break is a fixed 128 KiB region\n");
		return 0;
	}
	for (int i = 0; i < rounds; i++) {
		char *base = sbrk(MIB);

		if (base == (char *)-1)
			return failed("sbrk", "sbrk(+1 MiB)");
		for (long off = 0; off < MIB; off += PAGE)
			((volatile char *)base)[off] = 1;
		if (sbrk(-MIB) == (void *)-1)
			return failed("sbrk", "sbrk(-1 MiB)");
	}
	report("sbrk", instret() - t, (uint64_t)rounds * pages, "page", "37,564");
	return 0;
}

static int make_file(const char *path, long size)
{
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);

	if (fd < 0)
		return -1;
	for (int i = 0; i < CHUNK; i++)
		buf[i] = (char)i;
	for (long done = 0; done < size; done += CHUNK)
		if (write(fd, buf, CHUNK) != CHUNK)
			return -1;
	return close(fd);
}

static int bench_fileread(void)
{
	const char *path = "/tmp/bench.16k";
	uint64_t t;

	if (make_file(path, FILE_SIZE))
		return failed("fileread", path);
	t = instret();
	for (int i = 0; i < 64; i++) {
		int fd = open(path, O_RDONLY);

		if (fd < 0)
			return failed("fileread", "open");
		for (int j = 0; j < FILE_SIZE / CHUNK; j++)
			if (read(fd, buf, CHUNK) != CHUNK)
				return failed("fileread", "read");
		close(fd);
	}
	report("fileread", instret() - t, 64 * (FILE_SIZE >> 10), "KiB", "68,070");
	unlink(path);
	return 0;
}

static int bench_filerw(void)
{
	const char *path = "/tmp/bench.rw";
	const long calls = MIB / CHUNK;
	uint64_t t = instret();
	int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0644);

	if (fd < 0)
		return failed("filerw", "open");
	for (long i = 0; i < calls; i++)
		if (write(fd, buf, CHUNK) != CHUNK)
			return failed("filerw", "write");
	if (lseek(fd, 0, SEEK_SET) != 0)
		return failed("filerw", "lseek");
	for (long i = 0; i < calls; i++)
		if (read(fd, buf, CHUNK) != CHUNK)
			return failed("filerw", "read");
	close(fd);
	report("filerw", instret() - t, MIB >> 10, "KiB", "-");
	unlink(path);
	return 0;
}

static const struct loop {
	const char *name;
	int (*run)(void);
} loops[] = {
	{ "getpid", bench_getpid }, { "fork", bench_fork }, { "pipe", bench_pipe },
	{ "exec", bench_exec }, { "sbrk", bench_sbrk }, { "fileread", bench_fileread },
	{ "filerw", bench_filerw },
};

int main(int argc, char **argv)
{
	uint64_t boot = instret();
	int bad = 0;

	if (argc > 1 && !strcmp(argv[1], "echo"))
		return write(1, "hi\n", 3) == 3 ? 0 : 1;
	if (argc == 5 && !strcmp(argv[1], "pipe-child"))
		return pipe_child(atoi(argv[2]), atoi(argv[3]), atol(argv[4]));
	setvbuf(stdout, NULL, _IOLBF, 0);
	/* The shell notes its first prompt (usr/sh/main.c); else this program's start. */
	if (argc == 1 && getenv("TERN_BOOT_INSTRET"))
		printf("bench: boot: %s instructions from reset to the shell's first prompt"
		       " (xv6 427 M)\n", getenv("TERN_BOOT_INSTRET"));
	else if (argc == 1)
		printf("bench: boot: %llu instructions from reset to this program (xv6 427 M)\n",
		       (unsigned long long)boot);
	for (unsigned int i = 0; i < sizeof(loops) / sizeof(loops[0]); i++)
		if (argc == 1 || !strcmp(argv[1], loops[i].name))
			bad |= loops[i].run();
	return bad;
}
