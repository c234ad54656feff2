// SPDX-License-Identifier: MIT
/*
 * User-mode benchmarks, run when named (scripts/bench.sh does): the
 * embedded utest program runs a loop of n system calls (or forks) in a
 * new process, once with n = 0 and once with n = iterations; the difference in retired instructions, per
 * iteration, is the cost as the program sees it (entry, dispatch,
 * return; for fork also exit, wait and the copy-on-write address
 * space).  The process inherits the boot task's CPU, so instret counts
 * it on one hart; 'make bench' boots with -icount shift=0.
 *
 * The loops of the ubench program (ubench.c) run the same way; it is
 * first written to /ubench in the root (ramfs), because the fork+exec
 * loop execs it by path.  Each loop's iteration is the unit of its
 * figure: a round trip, a fork+exec+wait, a page, a KiB.
 *
 *	bench=proc_getpid,proc_fork_exit_wait,proc_pipe_roundtrip,
 *	      proc_fork_exec_wait,proc_brk_page,proc_file_read_kib,proc_file_rw_kib
 *
 * Without an MMU the static-PIE utest runs (the only build that can),
 * and the fork loop is a vfork loop: fork is -ENOSYS there.  The ubench
 * loops need an MMU (ubench is a static executable).
 */
#include <tern/bench.h>
#include <tern/binfmts.h>
#include <tern/err.h>
#include <tern/fdtable.h>
#include <tern/fs.h>
#include <tern/fs_struct.h>
#include <tern/namei.h>
#include <tern/printf.h>
#include <tern/printk.h>
#include <tern/process.h>
#include <uapi/linux/fcntl.h>

extern const char __user_utest_begin[], __user_utest_end[];
extern const char __user_utest_pie_begin[], __user_utest_pie_end[];
extern const char __user_ubench_begin[], __user_ubench_end[];

struct bench_run {
	const char *path;
	const char *begin, *end;	/* the embedded program */
	const char *const *argv;
};

static int bench_exec(void *arg)
{
	struct bench_run *r = arg;
	struct linux_binprm bprm;

	/* An empty fd table and root/cwd at "/": the loops make pipes and files. */
	if (!current->files)
		current->files = files_alloc();
	if (!current->fs)
		current->fs = fs_struct_alloc_root();
	if (!current->files || !current->fs)
		return ENOMEM;
	binprm_init_mem(&bprm, r->path, r->begin, r->end - r->begin);
	return -kernel_execve(&bprm, r->argv, NULL);
}

/* Instructions to spawn, run "<program> <mode> n" and reap it; 0 if it failed. */
static u64 run_program(struct bench *b, struct bench_run *r, const char *mode, unsigned long n)
{
	char count[24];
	const char *argv[] = { r->path, mode, count, NULL };
	int status = -1;
	long pid;

	scnprintf(count, sizeof(count), "%lu", n);
	bench_start(b);
	r->argv = argv;
	pid = kernel_spawn(bench_exec, r, r->path + 1);
	if (pid > 0 && kernel_wait4(pid, &status, 0) != pid)
		status = -1;
	bench_stop(b);
	if (status != 0) {
		printk("bench: %s: %s %s %lu: wait status %#x\n", b->name, r->path, mode, n,
		       status);
		b->failed = true;
	}
	return b->instructions;
}

static void bench_program(struct bench *b, struct bench_run *r, const char *mode)
{
	u64 base = run_program(b, r, mode, 0), full = run_program(b, r, mode, b->iterations);

	b->instructions = full > base ? full - base : 0;
}

static void bench_loop(struct bench *b, const char *mode)
{
	struct bench_run r = { "/utest", __user_utest_begin, __user_utest_end, NULL };

	if (!IS_ENABLED(CONFIG_MMU)) {
		r.begin = __user_utest_pie_begin;
		r.end = __user_utest_pie_end;
	}
	bench_program(b, &r, mode);
}

/* Writes the ubench program to /ubench (mode 0755), for the loops that exec it by path. */
static int install_ubench(void)
{
	size_t size = __user_ubench_end - __user_ubench_begin;
	struct file *f = filp_open("/ubench", O_WRONLY | O_CREAT | O_TRUNC, 0755);
	loff_t pos = 0;
	ssize_t done;

	if (IS_ERR(f))
		return PTR_ERR(f);
	done = kernel_write(f, __user_ubench_begin, size, &pos);
	fput(f);
	return done == (ssize_t)size ? 0 : done < 0 ? (int)done : -EIO;
}

static void bench_ubench(struct bench *b, const char *mode)
{
	struct bench_run r = { "/ubench", __user_ubench_begin, __user_ubench_end, NULL };
	int err = install_ubench();

	if (err) {
		printk("bench: %s: cannot write /ubench: %d\n", b->name, err);
		b->failed = true;
		return;
	}
	bench_program(b, &r, mode);
}

static void bench_getpid(struct bench *b)
{
	bench_loop(b, "getpid");
}
BENCH_ON_REQUEST(proc_getpid, 10000, bench_getpid);

static void bench_fork(struct bench *b)
{
	bench_loop(b, "forkloop");
}
BENCH_ON_REQUEST(proc_fork_exit_wait, 200, bench_fork);

static void bench_pipe(struct bench *b)
{
	bench_ubench(b, "pipe");
}
BENCH_ON_REQUEST(proc_pipe_roundtrip, 2000, bench_pipe);

static void bench_fork_exec(struct bench *b)
{
	bench_ubench(b, "forkexec");
}
BENCH_ON_REQUEST(proc_fork_exec_wait, 100, bench_fork_exec);

/* 2,560 pages: ten rounds of sbrk(+1 MiB), a store per page, sbrk(-1 MiB). */
static void bench_brk(struct bench *b)
{
	bench_ubench(b, "brk");
}
BENCH_ON_REQUEST(proc_brk_page, 2560, bench_brk);

/* 1,024 KiB: the 16 KiB file read 64 times. */
static void bench_file_read(struct bench *b)
{
	bench_ubench(b, "fileread");
}
BENCH_ON_REQUEST(proc_file_read_kib, 1024, bench_file_read);

/* 1 MiB written and read back. */
static void bench_file_rw(struct bench *b)
{
	bench_ubench(b, "filerw");
}
BENCH_ON_REQUEST(proc_file_rw_kib, 1024, bench_file_rw);
