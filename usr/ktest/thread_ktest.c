// SPDX-License-Identifier: MIT
/*
 * Threads from the outside: each case runs the embedded user program
 * uthread.c (static and static-PIE) in a new process and checks its
 * wait status (0: every check inside passed, else the failed check's
 * number).  The cases run once with the program on the ktest's CPU
 * only, and once on every CPU, so threads of one address space run on
 * two harts at once where there are two.  An in-memory table stands in
 * for the filesystem behind execve (/uthread).
 */
#include <tern/binfmts.h>
#include <tern/errno.h>
#include <tern/kernel.h>
#include <tern/ktest.h>
#include <tern/pgalloc.h>
#include <tern/process.h>
#include <tern/sched.h>
#include <tern/smp.h>
#include <tern/string.h>

extern const char __user_uthread_begin[], __user_uthread_end[];
extern const char __user_uthread_pie_begin[], __user_uthread_pie_end[];

static bool use_pie;	/* which build runs; only the ktest thread writes it */
static bool spread;	/* the program may run on every CPU */

static void uthread_data(const char **data, size_t *size)
{
	*data = use_pie ? __user_uthread_pie_begin : __user_uthread_begin;
	*size = (use_pie ? __user_uthread_pie_end : __user_uthread_end) - *data;
}

static int table_open(const char *path, struct linux_binprm *bprm)
{
	const char *data;
	size_t size;

	if (strcmp(path, "/uthread"))
		return -ENOENT;
	uthread_data(&data, &size);
	binprm_init_mem(bprm, "/uthread", data, size);
	return 0;
}

static int run_fn(void *arg)
{
	const char *const *argv = arg;
	struct linux_binprm bprm;

	if (spread)
		sched_setaffinity(current, cpu_online_mask);
	if (table_open("/uthread", &bprm))
		return 127;
	return -kernel_execve(&bprm, argv, NULL);
}

/* Runs "uthread name" in a child; its wait status (-1 if it did not run). */
static int run_uthread(struct ktest *t, const char *name)
{
	const char *argv[] = { "/uthread", name, NULL };
	int (*old_open)(const char *, struct linux_binprm *) = binprm_open;
	struct task *old_reaper = set_child_reaper(current);
	int status = -1, st;
	long pid;

	binprm_open = table_open;
	pid = kernel_spawn(run_fn, argv, "uthread");
	if (pid < 0)
		ktest_fail(t, __FILE__, __LINE__, "kernel_spawn: %ld", pid);
	else if (kernel_wait4(pid, &status, 0) != pid)
		ktest_fail(t, __FILE__, __LINE__, "wait4 did not reap pid %ld", pid);
	/* No other child: threads are nobody's children, and none became a zombie. */
	KTEST_EXPECT_EQ(t, kernel_wait4(-1, &st, 1 /* WNOHANG */), -ECHILD);
	binprm_open = old_open;
	set_child_reaper(old_reaper);
	return status;
}

/* name, static and PIE, on this CPU and (with two or more) on every CPU. */
static void run_all(struct ktest *t, const char *name, int want)
{
	for (int where = 0; where < 2; where++) {
		if (where && num_online_cpus() < 2)
			break;
		spread = where;
		for (int pie = 0; pie < 2; pie++) {
			int st;

			use_pie = pie;
			st = run_uthread(t, name);
			if (st != want)
				ktest_fail(t, __FILE__, __LINE__, "uthread %s (%s, %s): status %#x, want %#x",
					   name, pie ? "static-PIE" : "static",
					   spread ? "every CPU" : "one CPU", st, want);
		}
	}
	spread = false;
	KTEST_EXPECT_EQ(t, nr_processes(), 0);
}

static void threads_share_a_futex_protected_counter(struct ktest *t)
{
	run_all(t, "counter", 0);
}

static void futex_wait_wake_and_errors(struct ktest *t)
{
	run_all(t, "futex", 0);
}

static void exit_group_ends_threads_in_futex_waits_and_running(struct ktest *t)
{
	/* Its threads spin in user mode; on one CPU the caller would never run again. */
	if (IS_ENABLED(CONFIG_SCHED_COOP))
		KTEST_SKIP(t, "a cooperative scheduler never takes the CPU from a thread spinning in user mode");
	run_all(t, "exitgroup", W_EXITCODE(7, 0));
	run_all(t, "exitgroup-thread", W_EXITCODE(9, 0));
}

static void the_leader_is_reaped_only_after_its_last_thread(struct ktest *t)
{
	run_all(t, "leaderfirst", W_EXITCODE(5, 0));
}

static void exec_from_a_thread_takes_the_groups_pid(struct ktest *t)
{
	run_all(t, "exec", 0);
}

static void robust_list_owner_died(struct ktest *t)
{
	run_all(t, "robust", 0);
}

static void invalid_clone_flags_and_clone3_args(struct ktest *t)
{
	run_all(t, "einval", 0);
}

static void clone3_makes_a_thread(struct ktest *t)
{
	run_all(t, "clone3", 0);
}

static unsigned long free_pages_now(void)
{
	struct pgalloc_stats s;

	pgalloc_get_stats(&s);
	return s.free_pages;
}

/* Threads until -EAGAIN (under a cap of 48 tasks), then every page back. */
static void a_thread_loop_gets_eagain_and_pages_come_back(struct ktest *t)
{
	unsigned long limit = nproc_limit, before = 0;

	for (int round = 0; round < 2; round++) {	/* the first warms the caches */
		if (round)
			before = free_pages_now();
		nproc_limit = 48;
		use_pie = false;
		KTEST_EXPECT_EQ(t, run_uthread(t, "threadloop"), 0);
		nproc_limit = limit;
	}
	if (!IS_ENABLED(CONFIG_PGALLOC_BUMP))
		KTEST_EXPECT_EQ(t, free_pages_now(), before);
	KTEST_EXPECT_EQ(t, nr_processes(), 0);
}

KTEST_SUITE(threads,
	    KTEST_CASE(threads_share_a_futex_protected_counter),
	    KTEST_CASE(futex_wait_wake_and_errors),
	    KTEST_CASE(exit_group_ends_threads_in_futex_waits_and_running),
	    KTEST_CASE(the_leader_is_reaped_only_after_its_last_thread),
	    KTEST_CASE(exec_from_a_thread_takes_the_groups_pid),
	    KTEST_CASE(robust_list_owner_died),
	    KTEST_CASE(invalid_clone_flags_and_clone3_args),
	    KTEST_CASE(clone3_makes_a_thread),
	    KTEST_CASE(a_thread_loop_gets_eagain_and_pages_come_back));
