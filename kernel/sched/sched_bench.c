// SPDX-License-Identifier: MIT
/*
 * Scheduler microbenchmarks, the same names for every policy so the tables
 * line up (scripts/bench.sh):
 *   sched_yield     two threads yield to each other: instructions per switch
 *   sched_wakeup    two threads wake each other through semaphores:
 *                   instructions per wake-up, the switch to the woken included
 *   sched_pick<N>   pick_next + enqueue on a private run queue holding N
 *                   runnable tasks (no stacks: they never run), N = 10, 100,
 *                   1000 — shows whether picking grows with N
 */
#include <tern/bench.h>
#include <tern/mutex.h>
#include <tern/sched.h>
#include <tern/smp.h>
#include <tern/slab.h>
#include <tern/timer.h>

#include "policy.h"

struct pingpong {
	unsigned long rounds;
	struct semaphore ping, pong;
	struct completion done;
};

static int yield_partner(void *arg)
{
	struct pingpong *p = arg;
	unsigned long i;

	for (i = 0; i < p->rounds; i++)
		yield();
	complete(&p->done);
	return 0;
}

/* Both threads at the same priority/nice, so every yield is a switch. */
static void bench_yield(struct bench *b)
{
	static struct pingpong p;
	unsigned long i;

	p.rounds = b->iterations;
	init_completion(&p.done);
	if (!kthread_run_on_cpu(yield_partner, &p, "bench-yield", smp_processor_id())) {
		b->failed = true;
		return;
	}
	yield();		/* let the partner start */
	bench_start(b);
	for (i = 0; i < b->iterations; i++)
		yield();
	bench_stop(b);
	wait_for_completion(&p.done);
	b->instructions /= 2;	/* two switches per round */
}
BENCH(sched_yield, 1000, bench_yield);

static int wakeup_partner(void *arg)
{
	struct pingpong *p = arg;
	unsigned long i;

	for (i = 0; i < p->rounds; i++) {
		down(&p->ping);
		up(&p->pong);
	}
	complete(&p->done);
	return 0;
}

static void bench_wakeup(struct bench *b)
{
	static struct pingpong p;
	unsigned long i;

	p.rounds = b->iterations;
	sema_init(&p.ping, 0);
	sema_init(&p.pong, 0);
	init_completion(&p.done);
	if (!kthread_run_on_cpu(wakeup_partner, &p, "bench-wakeup", smp_processor_id())) {
		b->failed = true;
		return;
	}
	bench_start(b);
	for (i = 0; i < b->iterations; i++) {
		up(&p.ping);
		down(&p.pong);
	}
	bench_stop(b);
	wait_for_completion(&p.done);
	b->instructions /= 2;	/* two wake-ups per round */
}
BENCH(sched_wakeup, 500, bench_wakeup);

#define PICK_ROUNDS 1000

/* pick_next + enqueue again, with n tasks queued on a private run queue. */
static void bench_pick(struct bench *b, unsigned int n)
{
	static struct rq rq;
	struct task *tasks = kzalloc(n * sizeof(*tasks), GFP_KERNEL);
	unsigned long i;

	if (!tasks) {
		b->failed = true;
		return;
	}
	sched_policy.init_rq(&rq);
	for (i = 0; i < n; i++) {
		INIT_LIST_HEAD(&tasks[i].se.run_list);
		sched_policy.init_task(&tasks[i]);
		tasks[i].se.prio = (int)(i % SCHED_PRIO_LEVELS);
		tasks[i].se.nice = (int)(i % 40) + NICE_MIN;
		sched_policy.prio_changed(&rq, &tasks[i]);
		sched_policy.enqueue(&rq, &tasks[i], ENQUEUE_NEW);
	}
	bench_start(b);
	for (i = 0; i < b->iterations; i++) {
		struct task *t = sched_policy.pick_next(&rq);

		if (unlikely(!t)) {
			b->failed = true;
			break;
		}
		rq.clock += TICK_NSEC;
		sched_policy.update_curr(&rq, t, TICK_NSEC);	/* as if it ran a tick */
		sched_policy.enqueue(&rq, t, ENQUEUE_PREEMPT);
	}
	bench_stop(b);
	kfree(tasks);
}

static void bench_pick10(struct bench *b)
{
	bench_pick(b, 10);
}
BENCH(sched_pick10, PICK_ROUNDS, bench_pick10);

static void bench_pick100(struct bench *b)
{
	bench_pick(b, 100);
}
BENCH(sched_pick100, PICK_ROUNDS, bench_pick100);

static void bench_pick1000(struct bench *b)
{
	bench_pick(b, 1000);
}
BENCH(sched_pick1000, PICK_ROUNDS, bench_pick1000);
