// SPDX-License-Identifier: MIT
#include <tern/errno.h>
#include <tern/irqflags.h>
#include <tern/mutex.h>
#include <tern/sched.h>
#include <tern/smp.h>
#include <tern/timer.h>

#include "ktest_threads.h"

#define POLL_MS		100	/* the test thread looks rarely, to disturb little */
#define MAX_NAPS	200

struct spinner {
	struct task *task;
	struct completion done;
	unsigned long count;
};

static volatile bool spinners_stop;

static int spinner(void *arg)
{
	struct spinner *s = arg;

	while (!READ_ONCE(spinners_stop)) {
		s->count++;
		cond_resched();
	}
	complete(&s->done);
	return 0;
}

static void stop_spinners(struct spinner *s, int n)
{
	WRITE_ONCE(spinners_stop, true);
	while (n--)
		wait_for_completion(&s[n].done);
}

static u64 runtime_sum(const struct spinner *s, int n)
{
	u64 sum = 0;

	while (n--)
		sum += task_runtime_ns(s[n].task);
	return sum;
}

int ktest_run_spinners(int n, const int *nice, u64 total_ns, struct spinner_run *run)
{
	struct spinner s[KTEST_MAX_SPINNERS];
	unsigned int cpu = smp_processor_id();	/* the boot task's: it stays */
	unsigned long flags;
	int i, naps, made;
	u64 sum;

	if (n < 1 || n > KTEST_MAX_SPINNERS)
		return -EINVAL;
	spinners_stop = false;
	run->ticks = tick_count();
	run->switches = sched_nr_switches(cpu);
	preempt_disable();	/* none runs before all are queued */
	for (made = 0; made < n; made++) {
		s[made].count = 0;
		init_completion(&s[made].done);
		s[made].task = kthread_create_on_cpu(spinner, &s[made], "ktest-spin", cpu);
		if (!s[made].task)
			break;
		if (nice)
			set_user_nice(s[made].task, nice[made]);
		wake_up_process(s[made].task);
	}
	preempt_enable();
	if (made < n) {
		stop_spinners(s, made);
		return -ENOMEM;
	}
	for (naps = 0; naps < MAX_NAPS && runtime_sum(s, n) < total_ns; naps++)
		msleep(POLL_MS);
	/* One moment: they share our CPU, so none runs while we copy. */
	preempt_disable();
	flags = local_irq_save();
	for (i = 0; i < n; i++) {
		run->s[i].ran = s[i].task->se.sum_runtime;
		run->s[i].last_stint = run->s[i].ran - s[i].task->se.prev_sum_runtime;
	}
	run->ticks = tick_count() - run->ticks;
	run->switches = sched_nr_switches(cpu) - run->switches;
	local_irq_restore(flags);
	WRITE_ONCE(spinners_stop, true);
	preempt_enable();
	stop_spinners(s, n);
	/* They have exited: from here on only the copies may be read. */
	for (i = 0, sum = 0; i < n; i++) {
		if (!s[i].count)
			return -ETIMEDOUT;	/* a spinner never ran */
		sum += run->s[i].ran;
	}
	return sum >= total_ns ? 0 : -ETIMEDOUT;
}

struct yielder {
	struct yield_log *log;
	int id;
	struct completion done;
};

static int yielder(void *arg)
{
	struct yielder *y = arg;
	int i;

	for (i = 0; i < KTEST_YIELDS_EACH; i++) {
		if (y->log->len < KTEST_YIELD_LOG_LEN)
			y->log->ids[y->log->len++] = y->id;
		yield();
	}
	complete(&y->done);
	return 0;
}

int ktest_run_yielders(int n, struct yield_log *log)
{
	struct yielder y[KTEST_MAX_SPINNERS];
	int i, started = 0, err = 0;

	if (n < 1 || n > KTEST_MAX_SPINNERS)
		return -EINVAL;
	log->len = 0;
	preempt_disable();	/* none runs before all are queued */
	for (i = 0; i < n; i++) {
		y[i] = (struct yielder){ .log = log, .id = i };
		init_completion(&y[i].done);
		if (!kthread_run_on_cpu(yielder, &y[i], "ktest-yield", smp_processor_id())) {
			err = -ENOMEM;
			break;
		}
		started++;
	}
	preempt_enable();
	for (i = 0; i < started; i++)
		wait_for_completion(&y[i].done);
	return err;
}

bool ktest_spin_for_ticks(unsigned int ticks)
{
	u64 start = task_runtime_ns(current), give_up = ktime_ns() + 5 * NSEC_PER_SEC;

	while (task_runtime_ns(current) - start < ticks * TICK_NSEC) {
		cond_resched();
		if (ktime_ns() > give_up)
			return false;
	}
	return true;
}
