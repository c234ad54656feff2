// SPDX-License-Identifier: MIT
/*
 * Locks under contention: threads that yield inside their critical
 * sections still reach exact totals, and wait/wake storms lose nothing
 * (bounded by counts, never by time).
 */
#include <tern/ktest.h>
#include <tern/mutex.h>
#include <tern/sched.h>
#include <tern/spinlock.h>

#define WORKERS		4
#define ROUNDS		200

struct shared {
	struct mutex lock;
	spinlock_t spin;
	unsigned long counter, spin_counter;
	struct completion done;
};

static int mutex_worker(void *arg)
{
	struct shared *s = arg;
	int i;

	for (i = 0; i < ROUNDS; i++) {
		unsigned long v, flags;

		mutex_lock(&s->lock);
		v = s->counter;
		yield();		/* invite a race: only the mutex prevents it */
		s->counter = v + 1;
		mutex_unlock(&s->lock);

		flags = spin_lock_irqsave(&s->spin);
		s->spin_counter++;
		spin_unlock_irqrestore(&s->spin, flags);
	}
	complete(&s->done);
	return 0;
}

static void mutex_and_spinlock_totals_are_exact(struct ktest *t)
{
	static struct shared s;
	int i;

	mutex_init(&s.lock);
	spin_lock_init(&s.spin);
	init_completion(&s.done);
	s.counter = s.spin_counter = 0;
	for (i = 0; i < WORKERS; i++)
		KTEST_ASSERT(t, kthread_run(mutex_worker, &s, "ktest-mutex") != NULL);
	for (i = 0; i < WORKERS; i++)
		wait_for_completion(&s.done);
	KTEST_EXPECT_EQ(t, s.counter, WORKERS * ROUNDS);
	KTEST_EXPECT_EQ(t, s.spin_counter, WORKERS * ROUNDS);
	KTEST_EXPECT(t, mutex_trylock(&s.lock));
	mutex_unlock(&s.lock);
}

struct pingpong {
	struct semaphore ping, pong;
	int count;
	struct completion done;
};

static int pong_thread(void *arg)
{
	struct pingpong *p = arg;
	int i;

	for (i = 0; i < 1000; i++) {
		down(&p->ping);
		p->count++;
		up(&p->pong);
	}
	complete(&p->done);
	return 0;
}

static void semaphore_ping_pong_loses_no_wake_up(struct ktest *t)
{
	static struct pingpong p;
	int i;

	sema_init(&p.ping, 0);
	sema_init(&p.pong, 0);
	init_completion(&p.done);
	p.count = 0;
	KTEST_ASSERT(t, kthread_run(pong_thread, &p, "ktest-pong") != NULL);
	for (i = 0; i < 1000; i++) {
		up(&p.ping);
		down(&p.pong);
	}
	wait_for_completion(&p.done);
	KTEST_EXPECT_EQ(t, p.count, 1000);
}

static int completer(void *arg)
{
	complete_all(arg);
	return 0;
}

static int completion_waiter(void *arg)
{
	struct completion **c = arg;

	wait_for_completion(c[0]);
	complete(c[1]);
	return 0;
}

static void complete_all_wakes_every_waiter(struct ktest *t)
{
	static struct completion go, back;
	struct completion *pair[2] = { &go, &back };
	int i;

	init_completion(&go);
	init_completion(&back);
	for (i = 0; i < 3; i++)
		KTEST_ASSERT(t, kthread_run(completion_waiter, pair, "ktest-waiter") != NULL);
	KTEST_ASSERT(t, kthread_run(completer, &go, "ktest-completer") != NULL);
	for (i = 0; i < 3; i++)
		wait_for_completion(&back);
	KTEST_EXPECT_EQ(t, back.done, 0);
}

KTEST_SUITE(locking,
	    KTEST_CASE(mutex_and_spinlock_totals_are_exact),
	    KTEST_CASE(semaphore_ping_pong_loses_no_wake_up),
	    KTEST_CASE(complete_all_wakes_every_waiter));
