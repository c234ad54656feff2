// SPDX-License-Identifier: MIT
/* The scheduler core, whatever the policy: threads, yield, sleep, exit. */
#include <tern/errno.h>
#include <tern/ktest.h>
#include <tern/mutex.h>
#include <tern/sched.h>
#include <tern/smp.h>
#include <tern/timer.h>

struct run_record {
	struct completion done;
	int ran;
	struct task *self;
};

static int record_and_finish(void *arg)
{
	struct run_record *r = arg;

	r->self = current;
	r->ran++;
	complete(&r->done);
	return 7;
}

static void kthread_runs_its_function(struct ktest *t)
{
	struct run_record r = { .ran = 0 };
	struct task *task;

	init_completion(&r.done);
	task = kthread_run(record_and_finish, &r, "ktest-run");
	KTEST_ASSERT(t, task != NULL);
	wait_for_completion(&r.done);
	KTEST_EXPECT_EQ(t, r.ran, 1);
	KTEST_EXPECT(t, r.self == task);
	KTEST_EXPECT(t, current != task);
}

static void created_thread_waits_for_wake_up(struct ktest *t)
{
	struct run_record r = { .ran = 0 };
	struct task *task;
	int i;

	init_completion(&r.done);
	task = kthread_create(record_and_finish, &r, "ktest-created");
	KTEST_ASSERT(t, task != NULL);
	for (i = 0; i < 10; i++)
		yield();
	KTEST_EXPECT_EQ(t, r.ran, 0);	/* not woken yet: never ran */
	KTEST_EXPECT(t, wake_up_process(task));
	wait_for_completion(&r.done);
	KTEST_EXPECT_EQ(t, r.ran, 1);
}

struct yield_pair {
	volatile int turns_a, turns_b;
	struct completion done;
};

static int yield_partner(void *arg)
{
	struct yield_pair *p = arg;
	int i;

	for (i = 0; i < 100; i++) {
		p->turns_b++;
		yield();
	}
	complete(&p->done);
	return 0;
}

static void yield_lets_the_other_thread_run(struct ktest *t)
{
	struct yield_pair p = { .turns_a = 0 };
	int i;

	init_completion(&p.done);
	KTEST_ASSERT(t, kthread_run_on_cpu(yield_partner, &p, "ktest-yield", smp_processor_id()) != NULL);
	/* Bounded: each yield must let the partner make progress. */
	for (i = 0; i < 1000 && p.turns_b < 100; i++)
		yield();
	KTEST_EXPECT_EQ(t, p.turns_b, 100);
	wait_for_completion(&p.done);
}

static void msleep_sleeps_at_least_that_long(struct ktest *t)
{
	u64 start = ktime_ns();

	msleep(20);
	KTEST_EXPECT_GE(t, ktime_ns() - start, 20 * NSEC_PER_MSEC);
}

static int sleeper(void *arg)
{
	struct run_record *r = arg;

	msleep(10);
	r->ran++;
	complete(&r->done);
	return 0;
}

static void sleeping_threads_all_wake(struct ktest *t)
{
	struct run_record r[4];
	int i;

	for (i = 0; i < 4; i++) {
		r[i].ran = 0;
		init_completion(&r[i].done);
		KTEST_ASSERT(t, kthread_run(sleeper, &r[i], "ktest-sleeper") != NULL);
	}
	for (i = 0; i < 4; i++) {
		wait_for_completion(&r[i].done);
		KTEST_EXPECT_EQ(t, r[i].ran, 1);
	}
}

static void runtime_is_accounted(struct ktest *t)
{
	u64 before = task_runtime_ns(current);
	u64 start = ktime_ns();

	while (ktime_ns() - start < 2 * NSEC_PER_MSEC)
		;
	yield();	/* accounting happens at the next scheduling point */
	KTEST_EXPECT_GE(t, task_runtime_ns(current) - before, NSEC_PER_MSEC);
}

static void rejects_bad_nice_and_prio(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, set_user_nice(current, NICE_MAX + 1), -EINVAL);
	KTEST_EXPECT_EQ(t, set_user_nice(current, NICE_MIN - 1), -EINVAL);
	KTEST_EXPECT_EQ(t, sched_set_prio(current, SCHED_PRIO_LEVELS), -EINVAL);
	KTEST_EXPECT_EQ(t, sched_set_prio(current, -1), -EINVAL);
}

/* Only the deadline policy takes reservations; sched_deadline tests the rest. */
static void set_deadline_needs_the_deadline_policy(struct ktest *t)
{
	if (IS_ENABLED(CONFIG_SCHED_DEADLINE))
		KTEST_EXPECT_EQ(t, sched_set_deadline(current, 2, 1, 3), -EINVAL);
	else
		KTEST_EXPECT_EQ(t, sched_set_deadline(current, 1, 2, 3), -EOPNOTSUPP);
}

KTEST_SUITE(sched,
	    KTEST_CASE(kthread_runs_its_function),
	    KTEST_CASE(created_thread_waits_for_wake_up),
	    KTEST_CASE(yield_lets_the_other_thread_run),
	    KTEST_CASE(msleep_sleeps_at_least_that_long),
	    KTEST_CASE(sleeping_threads_all_wake),
	    KTEST_CASE(runtime_is_accounted),
	    KTEST_CASE(rejects_bad_nice_and_prio),
	    KTEST_CASE(set_deadline_needs_the_deadline_policy));
