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
 *	bench=proc_getpid,proc_fork_exit_wait
 *
 * Without an MMU the static-PIE runs (the only build that can), and the
 * fork loop is a vfork loop: fork is -ENOSYS there.
 */
#include <tern/bench.h>
#include <tern/binfmts.h>
#include <tern/printf.h>
#include <tern/process.h>

extern const char __user_utest_begin[], __user_utest_end[];
extern const char __user_utest_pie_begin[], __user_utest_pie_end[];

struct bench_run {
	const char *const *argv;
};

static int bench_exec(void *arg)
{
	struct bench_run *r = arg;
	struct linux_binprm bprm;

	if (IS_ENABLED(CONFIG_MMU))
		binprm_init_mem(&bprm, "/utest", __user_utest_begin,
				__user_utest_end - __user_utest_begin);
	else
		binprm_init_mem(&bprm, "/utest", __user_utest_pie_begin,
				__user_utest_pie_end - __user_utest_pie_begin);
	return -kernel_execve(&bprm, r->argv, NULL);
}

/* Instructions to spawn, run "utest <mode> n" and reap it; 0 if it failed. */
static u64 run_loop(struct bench *b, const char *mode, unsigned long n)
{
	char count[24];
	const char *argv[] = { "/utest", mode, count, NULL };
	struct bench_run r = { argv };
	int status = -1;
	long pid;

	scnprintf(count, sizeof(count), "%lu", n);
	bench_start(b);
	pid = kernel_spawn(bench_exec, &r, "utest");
	if (pid > 0 && kernel_wait4(pid, &status, 0) != pid)
		status = -1;
	bench_stop(b);
	if (status != 0)
		b->failed = true;
	return b->instructions;
}

static void bench_loop(struct bench *b, const char *mode)
{
	u64 base = run_loop(b, mode, 0), full = run_loop(b, mode, b->iterations);

	b->instructions = full > base ? full - base : 0;
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
