// SPDX-License-Identifier: MIT
/*
 * SMP in the running kernel: every hart came online and runs threads;
 * affinity holds and moves a running thread; idle harts pull queued work;
 * counters shared by threads on every hart reach exact totals under
 * spinlocks and mutexes; wait/wake storms across harts lose no wake-up.
 *
 * Waits are bounded by a count of msleep(1) polls, only to give up on a
 * hang; no assertion is about time.
 */
#include <tern/arch.h>
#include <tern/errno.h>
#include <tern/irq.h>
#include <tern/ktest.h>
#include <tern/mutex.h>
#include <tern/sched.h>
#include <tern/smp.h>
#include <tern/spinlock.h>

#define POLLS_MAX	5000	/* msleep(1) polls before a wait gives up */
#define ROUNDS		20000	/* increments per thread */
#define MUTEX_ROUNDS	2000
#define THREADS_PER_CPU	2
#define STORM_ROUNDS	5000

/* Polls cond every millisecond, at most POLLS_MAX times; its final value. */
#define WAIT_FOR(cond) ({						\
	int __polls = 0;						\
	while (!(cond) && __polls++ < POLLS_MAX)			\
		msleep(1);						\
	(cond);								\
})

static unsigned int online_cpus_mask_count(void)
{
	return (unsigned int)__builtin_popcountl(READ_ONCE(cpu_online_mask));
}

static void every_hart_in_the_device_tree_is_online(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, num_online_cpus(), nr_cpus_possible);
	KTEST_EXPECT_EQ(t, online_cpus_mask_count(), nr_cpus_possible);
	KTEST_EXPECT_EQ(t, nr_cpus_possible, MIN(nr_harts_present, (unsigned int)NR_CPUS));
	KTEST_EXPECT_EQ(t, cpu_to_hartid(0), boot_hartid);
}

struct where {
	unsigned int cpu;		/* where it was pinned */
	unsigned int wrong;		/* times it found itself elsewhere */
	unsigned int seen;		/* CPUs it ran on, as a mask */
	int done;
};

static int report_where(void *arg)
{
	struct where *w = arg;
	int i;

	for (i = 0; i < 50; i++) {
		w->seen |= cpumask_of(smp_processor_id());
		if (smp_processor_id() != w->cpu)
			w->wrong++;
		if (i % 10 == 9)
			msleep(1);	/* sleep and wake: still there */
		else
			yield();
	}
	WRITE_ONCE(w->done, 1);
	return 0;
}

static void pinned_threads_run_only_where_pinned(struct ktest *t)
{
	static struct where w[NR_CPUS];
	unsigned int cpu;

	for_each_online_cpu(cpu) {
		w[cpu] = (struct where){ .cpu = cpu };
		KTEST_ASSERT(t, kthread_run_on_cpu(report_where, &w[cpu], "ktest-where", cpu));
	}
	for_each_online_cpu(cpu) {
		KTEST_ASSERT(t, WAIT_FOR(READ_ONCE(w[cpu].done)));
		KTEST_EXPECT_EQ(t, w[cpu].wrong, 0);
		KTEST_EXPECT_EQ(t, w[cpu].seen, cpumask_of(cpu));
	}
}

struct mover {
	volatile unsigned int cpu;	/* where it last found itself */
	volatile int stop;
};

static int spin_and_report(void *arg)
{
	struct mover *m = arg;

	while (!m->stop) {
		m->cpu = smp_processor_id();
		yield();
	}
	return 0;
}

static void setaffinity_moves_a_running_thread(struct ktest *t)
{
	static struct mover m;
	unsigned int last = num_online_cpus() - 1;
	struct task *task;

	if (last == 0) {
		KTEST_EXPECT_EQ(t, sched_setaffinity(current, 0), -EINVAL);
		return;		/* one CPU: nowhere to move to */
	}
	m = (struct mover){ .cpu = -1U };
	task = kthread_run_on_cpu(spin_and_report, &m, "ktest-mover", 1);
	KTEST_ASSERT(t, task != NULL);
	KTEST_EXPECT(t, WAIT_FOR(m.cpu == 1));
	KTEST_EXPECT_EQ(t, sched_setaffinity(task, cpumask_of(last)), 0);
	KTEST_EXPECT(t, WAIT_FOR(m.cpu == last));
	KTEST_EXPECT_EQ(t, sched_getaffinity(task), cpumask_of(last));
	/* A mask with no online CPU is refused and changes nothing. */
	KTEST_EXPECT_EQ(t, sched_setaffinity(task, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, sched_getaffinity(task), cpumask_of(last));
	m.stop = 1;
	msleep(5);
}

struct puller {
	volatile unsigned int seen;	/* CPUs it ran on */
	volatile int stop;
};

static int spin_and_record(void *arg)
{
	struct puller *p = arg;

	while (!p->stop) {
		p->seen |= cpumask_of(smp_processor_id());
		yield();	/* the cooperative policy never takes CPU 0 back from us */
	}
	return 0;
}

/* How many of the n have run on a CPU other than 0. */
static unsigned int pulled_count(const struct puller *p, unsigned int n)
{
	unsigned int i, count = 0;

	for (i = 0; i < n; i++)
		count += (p[i].seen & ~cpumask_of(0)) != 0;
	return count;
}

/*
 * Threads made on CPU 0 and pinned there queue behind the runner; once
 * they may run anywhere, the idle harts must come and take them.
 */
static void idle_harts_pull_queued_work(struct ktest *t)
{
	static struct puller p[NR_CPUS];
	struct task *task[NR_CPUS];
	unsigned int n = num_online_cpus(), i;

	for (i = 0; i < n; i++) {
		p[i] = (struct puller){ 0 };
		task[i] = kthread_create_on_cpu(spin_and_record, &p[i], "ktest-pull", 0);
		KTEST_ASSERT(t, task[i] != NULL);
	}
	preempt_disable();	/* they queue on CPU 0 and stay queued */
	for (i = 0; i < n; i++)
		wake_up_process(task[i]);
	for (i = 0; i < n; i++)
		KTEST_EXPECT_EQ(t, sched_setaffinity(task[i], CPU_MASK_ALL), 0);
	preempt_enable();
	/* CPU 0 keeps at most one of them busy; the others are pulled. */
	KTEST_EXPECT(t, WAIT_FOR(pulled_count(p, n) >= n - 1));
	for (i = 0; i < n; i++)
		p[i].stop = 1;
	msleep(5);
}

struct counters {
	spinlock_t spin;
	struct mutex mutex;
	unsigned long spin_count, mutex_count;
	int finished;
};

static int count_under_locks(void *arg)
{
	struct counters *c = arg;
	int i;

	for (i = 0; i < ROUNDS; i++) {
		unsigned long flags = spin_lock_irqsave(&c->spin);

		c->spin_count++;	/* a plain read-modify-write: only the lock makes it exact */
		spin_unlock_irqrestore(&c->spin, flags);
	}
	for (i = 0; i < MUTEX_ROUNDS; i++) {
		unsigned long v;

		mutex_lock(&c->mutex);
		v = c->mutex_count;
		if (i % 8 == 0)
			yield();	/* hold it across a switch: others must sleep */
		c->mutex_count = v + 1;
		mutex_unlock(&c->mutex);
	}
	__atomic_fetch_add(&c->finished, 1, __ATOMIC_RELEASE);
	return 0;
}

static void counters_on_every_hart_are_exact(struct ktest *t)
{
	static struct counters c;
	unsigned int cpu, threads = 0, i;

	spin_lock_init(&c.spin);
	mutex_init(&c.mutex);
	c.spin_count = c.mutex_count = 0;
	c.finished = 0;
	for_each_online_cpu(cpu)
		for (i = 0; i < THREADS_PER_CPU; i++, threads++)
			KTEST_ASSERT(t, kthread_run_on_cpu(count_under_locks, &c, "ktest-count", cpu));
	KTEST_ASSERT(t, WAIT_FOR(__atomic_load_n(&c.finished, __ATOMIC_ACQUIRE) == (int)threads));
	KTEST_EXPECT_EQ(t, c.spin_count, (unsigned long)threads * ROUNDS);
	KTEST_EXPECT_EQ(t, c.mutex_count, (unsigned long)threads * MUTEX_ROUNDS);
}

/*
 * A semaphore passed around a ring of threads, one per hart: each takes
 * its own and gives the next one's, STORM_ROUNDS times.  A lost wake-up
 * anywhere stops the ring for good.
 */
struct ring {
	struct semaphore sem[NR_CPUS];
	unsigned int n;
	unsigned long passes;
	int finished;
};

struct ring_member {
	struct ring *ring;
	unsigned int i;
};

static int pass_the_token(void *arg)
{
	struct ring_member *m = arg;
	struct ring *r = m->ring;
	int round;

	for (round = 0; round < STORM_ROUNDS; round++) {
		down(&r->sem[m->i]);
		r->passes++;		/* one token: one holder at a time */
		up(&r->sem[(m->i + 1) % r->n]);
	}
	__atomic_fetch_add(&r->finished, 1, __ATOMIC_RELEASE);
	return 0;
}

static void token_ring_across_harts_loses_no_wakeup(struct ktest *t)
{
	static struct ring r;
	static struct ring_member m[NR_CPUS];
	unsigned long ipis = ipi_count();
	unsigned int cpu, n = 0;

	r.passes = 0;
	r.finished = 0;
	r.n = num_online_cpus();
	for_each_online_cpu(cpu) {
		sema_init(&r.sem[n], n == 0);	/* the token starts at 0 */
		m[n] = (struct ring_member){ &r, n };
		n++;
	}
	n = 0;
	for_each_online_cpu(cpu) {
		KTEST_ASSERT(t, kthread_run_on_cpu(pass_the_token, &m[n], "ktest-ring", cpu));
		n++;
	}
	KTEST_ASSERT(t, WAIT_FOR(__atomic_load_n(&r.finished, __ATOMIC_ACQUIRE) == (int)n));
	KTEST_EXPECT_EQ(t, r.passes, (unsigned long)n * STORM_ROUNDS);
	/* The last up() left the token with member 0 again. */
	KTEST_EXPECT(t, down_trylock_ok(&r.sem[0]));
	if (n > 1)	/* waking a sleeper on another hart takes an IPI */
		KTEST_EXPECT_GT(t, ipi_count(), ipis);
}

KTEST_SUITE(smp,
	    KTEST_CASE(every_hart_in_the_device_tree_is_online),
	    KTEST_CASE(pinned_threads_run_only_where_pinned),
	    KTEST_CASE(setaffinity_moves_a_running_thread),
	    KTEST_CASE(idle_harts_pull_queued_work),
	    KTEST_CASE(counters_on_every_hart_are_exact),
	    KTEST_CASE(token_ring_across_harts_loses_no_wakeup));
