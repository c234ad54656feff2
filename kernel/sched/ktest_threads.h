/* SPDX-License-Identifier: MIT */
/*
 * Thread workloads shared by the policies' ktest suites
 * (kernel/sched/ktest_threads.c): CPU-bound spinners whose
 * scheduler-accounted runtimes are compared, and yielders that log the
 * order they ran in.
 */
#ifndef KERNEL_SCHED_KTEST_THREADS_H
#define KERNEL_SCHED_KTEST_THREADS_H

#include <tern/types.h>

#define KTEST_MAX_SPINNERS	4
#define KTEST_YIELDS_EACH	5
#define KTEST_YIELD_LOG_LEN	32

struct spinner_run {
	struct {
		u64 ran;		/* scheduler-accounted runtime, ns */
		u64 last_stint;		/* of it, ns since it was last switched to */
	} s[KTEST_MAX_SPINNERS];
	unsigned long ticks;		/* tick periods on this CPU during the run */
	unsigned long switches;		/* context switches on this CPU during the run */
};

/*
 * Runs n CPU-bound threads on this CPU (nice[i] set before they run, when
 * nice is not NULL), all queued before any runs, sleeping until together
 * they have been charged total_ns; copies their results at one moment
 * (none of them running), stops them and waits for them.  Returns 0,
 * -EINVAL for a bad n, -ENOMEM when a thread could not be made,
 * -ETIMEDOUT when the runtime never came.
 */
int ktest_run_spinners(int n, const int *nice, u64 total_ns, struct spinner_run *run);

struct yield_log {
	int ids[KTEST_YIELD_LOG_LEN];
	int len;
};

/*
 * Runs n threads, all queued before any runs, each logging its index and
 * yielding KTEST_YIELDS_EACH times; returns when all have exited (0), or
 * -ENOMEM.
 */
int ktest_run_yielders(int n, struct yield_log *log);

/*
 * Spins, offering the CPU at every cond_resched(), until the scheduler has
 * charged the caller ticks ticks.  ktime_ns() only bounds the wait if
 * there is no tick; it is not measured.  False on that bound.
 */
bool ktest_spin_for_ticks(unsigned int ticks);

#endif
