// SPDX-License-Identifier: MIT
/*
 * The round-robin policy in the running kernel: equal CPU-bound threads
 * get equal shares of scheduler-accounted runtime, and yields keep FIFO
 * order.  Needs the timer tick (slices end on it); nothing here reads a
 * clock except to give up when no tick comes.
 */
#include <tern/ktest.h>
#include <tern/mutex.h>
#include <tern/sched.h>
#include <tern/timer.h>

#define NR_SPINNERS	3
#define TURNS_EACH	40		/* slices each spinner should get */
#define LOG_LEN		32
#define POLL_MS		100		/* the test thread looks rarely, to disturb little */

static volatile bool rr_stop;

struct spinner {
	struct task *task;
	struct completion done;
	unsigned long count;
};

static int rr_spinner(void *arg)
{
	struct spinner *s = arg;

	while (!READ_ONCE(rr_stop)) {
		s->count++;
		cond_resched();
	}
	complete(&s->done);
	return 0;
}

/*
 * Sleeps until the spinners together have been charged total_ns, then
 * copies their runtimes into ran[] (with preemption off, so the copy is of
 * one moment) and stops them.  False if they never get there.
 */
static bool run_spinners(struct spinner *s, int n, u64 total_ns, u64 *ran)
{
	u64 sum = 0;
	int i, naps;

	for (naps = 0; naps < 200 && sum < total_ns; naps++) {
		msleep(POLL_MS);
		for (sum = 0, i = 0; i < n; i++)
			sum += task_runtime_ns(s[i].task);
	}
	preempt_disable();
	for (i = 0; i < n; i++)
		ran[i] = task_runtime_ns(s[i].task);
	WRITE_ONCE(rr_stop, true);
	preempt_enable();
	for (i = 0; i < n; i++)
		wait_for_completion(&s[i].done);
	return sum >= total_ns;
}

static void cpu_bound_threads_get_equal_shares(struct ktest *t)
{
	struct spinner s[NR_SPINNERS];
	u64 ran[NR_SPINNERS], mean = 0;
	u64 slice = (u64)CONFIG_SCHED_RR_SLICE_MS * NSEC_PER_MSEC;
	int i;

	rr_stop = false;
	for (i = 0; i < NR_SPINNERS; i++) {
		s[i].count = 0;
		init_completion(&s[i].done);
		s[i].task = kthread_run(rr_spinner, &s[i], "ktest-rr");
		if (!s[i].task) {
			KTEST_EXPECT(t, s[i].task != NULL);
			WRITE_ONCE(rr_stop, true);
			while (i--)
				wait_for_completion(&s[i].done);
			return;
		}
	}
	KTEST_EXPECT(t, run_spinners(s, NR_SPINNERS, NR_SPINNERS * TURNS_EACH * MAX(slice, TICK_NSEC),
				     ran));
	for (i = 0; i < NR_SPINNERS; i++)
		mean += ran[i] / NR_SPINNERS;
	for (i = 0; i < NR_SPINNERS; i++) {
		KTEST_EXPECT_GT(t, s[i].count, 0);
		KTEST_EXPECT_LE(t, ran[i] * 10, mean * 11);	/* within 10% */
		KTEST_EXPECT_GE(t, ran[i] * 10, mean * 9);
	}
}

struct yield_log {
	int ids[LOG_LEN];
	int len;
};

struct yielder {
	struct yield_log *log;
	int id;
	struct completion done;
};

static int rr_yielder(void *arg)
{
	struct yielder *y = arg;
	int i;

	for (i = 0; i < 5; i++) {
		if (y->log->len < LOG_LEN)
			y->log->ids[y->log->len++] = y->id;
		yield();
	}
	complete(&y->done);
	return 0;
}

/* A yield (or a slice ending between two of them) sends a thread to the tail. */
static void yielding_threads_take_turns(struct ktest *t)
{
	struct yield_log log = { .len = 0 };
	struct yielder y[3];
	int i;

	for (i = 0; i < 3; i++) {
		y[i].log = &log;
		y[i].id = i;
		init_completion(&y[i].done);
	}
	/* With preemption off, none runs before all three are queued. */
	preempt_disable();
	for (i = 0; i < 3; i++)
		KTEST_EXPECT(t, kthread_run(rr_yielder, &y[i], "ktest-yield") != NULL);
	preempt_enable();
	for (i = 0; i < 3; i++)
		wait_for_completion(&y[i].done);
	KTEST_ASSERT(t, log.len == 15);
	for (i = 0; i < log.len; i++)
		KTEST_EXPECT_EQ(t, log.ids[i], i % 3);
}

KTEST_SUITE(sched_rr,
	    KTEST_CASE(cpu_bound_threads_get_equal_shares),
	    KTEST_CASE(yielding_threads_take_turns));
