// SPDX-License-Identifier: MIT
/*
 * The allocators under concurrency: kernel threads allocate and free
 * objects and pages in a loop while a timer callback, in interrupt
 * context, does the same; afterwards every object and page is back and
 * the statistics add up to what was done.  On one hart the threads
 * interleave at their yields and at ticks, and the timer interrupts them
 * between (never inside) critical sections; on several harts they also
 * run at once.  Nothing here assumes either.
 *
 * Each live block carries its owner's pattern, checked before it is freed:
 * a block handed to two owners at once shows up as a changed pattern.
 * The threads are created before the statistics are read and exit only
 * after, so their own task memory stays out of the figures.
 */
#include <tern/ktest.h>
#include <tern/mutex.h>
#include <tern/pgalloc.h>
#include <tern/sched.h>
#include <tern/slab.h>
#include <tern/string.h>
#include <tern/timer.h>

#define NR_WORKERS	4
#define OPS		3000
#define HELD		24
#define YIELD_EVERY	16
#define TIMER_NS	(200 * 1000ULL)

/* Pages allocated and freed in a loop: only where freed pages come back. */
#define PAGES		IS_ENABLED(CONFIG_PGALLOC_BUDDY)
/* Objects too: the bump object allocator never reuses memory, so fewer. */
#define OPS_HERE	(IS_ENABLED(CONFIG_KMEM_BUMP) ? OPS / 4 : OPS)

struct held {
	void *p;
	size_t size;		/* bytes, or pages << order for a page block */
	int kind;		/* 0 kmalloc, 1 cache, 2 pages */
	unsigned int order;
	unsigned int seed;
};

struct worker {
	struct completion done;
	unsigned int id;
	unsigned int rng;
	unsigned long allocs, frees;	/* objects */
	unsigned long corrupt, failed;
	struct held held[HELD];
};

static struct worker workers[NR_WORKERS];
static struct completion workers_may_exit;
static struct kmem_cache *smp_cache;

static unsigned int rnd(unsigned int *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 17;
	*state ^= *state << 5;
	return *state;
}

static u8 pattern(unsigned int seed, size_t i)
{
	return (u8)(seed * 73 + i * 11 + 5);
}

/* Objects are filled whole; page blocks at both ends of each page. */
static void mark(const struct held *h)
{
	size_t i;

	if (h->kind != 2) {
		for (i = 0; i < h->size; i++)
			((u8 *)h->p)[i] = pattern(h->seed, i);
		return;
	}
	for (i = 0; i < h->size; i += PAGE_SIZE) {
		((u8 *)h->p)[i] = pattern(h->seed, i);
		((u8 *)h->p)[i + PAGE_SIZE - 1] = pattern(h->seed, i + 1);
	}
}

static bool marked(const struct held *h)
{
	size_t i;

	if (h->kind != 2) {
		for (i = 0; i < h->size; i++)
			if (((const u8 *)h->p)[i] != pattern(h->seed, i))
				return false;
		return true;
	}
	for (i = 0; i < h->size; i += PAGE_SIZE)
		if (((const u8 *)h->p)[i] != pattern(h->seed, i) ||
		    ((const u8 *)h->p)[i + PAGE_SIZE - 1] != pattern(h->seed, i + 1))
			return false;
	return true;
}

static bool take(struct held *h, unsigned int *rng, unsigned int seed)
{
	unsigned int r = rnd(rng) % 16;

	h->seed = seed;
	h->kind = r < 8 ? 0 : r < 12 || !PAGES ? 1 : 2;
	if (h->kind == 0) {
		h->size = r == 0 ? 2049 + rnd(rng) % 4000 : 1 + rnd(rng) % (r < 3 ? 2048 : 128);
		h->p = kmalloc(h->size, GFP_KERNEL);
	} else if (h->kind == 1) {
		h->size = 40;
		h->p = kmem_cache_alloc(smp_cache, GFP_KERNEL);
	} else {
		h->order = r % 3;
		h->size = PAGE_SIZE << h->order;
		h->p = alloc_pages(GFP_KERNEL, h->order);
	}
	if (h->p)
		mark(h);
	return h->p != NULL;
}

static void give_back(struct held *h)
{
	if (h->kind == 0)
		kfree(h->p);
	else if (h->kind == 1)
		kmem_cache_free(smp_cache, h->p);
	else
		free_pages(h->p, h->order);
	h->p = NULL;
}

static int work(void *arg)
{
	struct worker *w = arg;
	unsigned int op, i;

	for (op = 0; op < OPS_HERE; op++) {
		struct held *h = &w->held[rnd(&w->rng) % HELD];

		if (!h->p) {
			if (!take(h, &w->rng, w->id * 1000 + op))
				w->failed++;
			else if (h->kind != 2)
				w->allocs++;
		} else {
			w->corrupt += !marked(h);
			w->frees += h->kind != 2;
			give_back(h);
		}
		if (op % YIELD_EVERY == 0)
			yield();
	}
	for (i = 0; i < HELD; i++) {
		struct held *h = &w->held[i];

		if (h->p) {
			w->corrupt += !marked(h);
			w->frees += h->kind != 2;
			give_back(h);
		}
	}
	complete(&w->done);
	wait_for_completion(&workers_may_exit);
	return 0;
}

/* The interrupt side: the timer callback takes or gives back a block each time. */
static struct {
	struct ktimer timer;
	bool stop;			/* read in the callback */
	unsigned int rng;
	unsigned long runs, allocs, frees, corrupt, failed, irqs_on;
	struct held held[2];
} irq;

static void irq_tick(struct ktimer *timer)
{
	struct held *h = &irq.held[irq.runs % 2];

	irq.runs++;
	irq.irqs_on += !irqs_disabled();
	if (h->p) {
		irq.corrupt += !marked(h);
		irq.frees += h->kind != 2;
		give_back(h);
	} else if (take(h, &irq.rng, 0xbeef + irq.runs)) {
		irq.allocs += h->kind != 2;
	} else {
		irq.failed++;
	}
	if (!READ_ONCE(irq.stop))
		ktimer_start(timer, ktime_ns() + TIMER_NS, irq_tick);
}

static void threads_and_interrupts_allocate_together(struct ktest *t)
{
	struct task *tasks[NR_WORKERS];
	struct pgalloc_stats p0, p1;
	struct kmem_stats k0, k1;
	unsigned long allocs = 0, frees = 0, corrupt = 0, failed = 0;
	unsigned int i;

	smp_cache = kmem_cache_create("ktest-smp", 40, 0, 0);
	KTEST_ASSERT(t, smp_cache != NULL);
	memset(workers, 0, sizeof(workers));
	memset(&irq, 0, sizeof(irq));
	irq.rng = 0x2545f491;
	init_completion(&workers_may_exit);
	for (i = 0; i < NR_WORKERS; i++) {
		workers[i].id = i + 1;
		workers[i].rng = 0x9e3779b9u * (i + 1);
		init_completion(&workers[i].done);
		tasks[i] = kthread_create(work, &workers[i], "ktest-kmem-smp");
		KTEST_ASSERT(t, tasks[i] != NULL);
	}
	pgalloc_get_stats(&p0);
	kmem_get_stats(&k0);
	ktimer_start(&irq.timer, ktime_ns() + TIMER_NS, irq_tick);
	for (i = 0; i < NR_WORKERS; i++)
		wake_up_process(tasks[i]);
	for (i = 0; i < NR_WORKERS; i++) {
		wait_for_completion(&workers[i].done);
		allocs += workers[i].allocs;
		frees += workers[i].frees;
		corrupt += workers[i].corrupt;
		failed += workers[i].failed;
	}
	/* Stop the timer, then give back what its callback holds. */
	WRITE_ONCE(irq.stop, true);
	ktimer_cancel(&irq.timer);
	for (i = 0; i < ARRAY_SIZE(irq.held); i++) {
		if (irq.held[i].p) {
			irq.corrupt += !marked(&irq.held[i]);
			irq.frees += irq.held[i].kind != 2;
			give_back(&irq.held[i]);
		}
	}
	KTEST_EXPECT_EQ(t, corrupt + irq.corrupt, 0);
	KTEST_EXPECT_EQ(t, failed + irq.failed, 0);
	KTEST_EXPECT_EQ(t, irq.irqs_on, 0);
	KTEST_EXPECT_GT(t, irq.runs, 0);
	KTEST_EXPECT_EQ(t, allocs, frees);
	KTEST_EXPECT_EQ(t, irq.allocs, irq.frees);

	kmem_get_stats(&k1);
	pgalloc_get_stats(&p1);
	KTEST_EXPECT_EQ(t, k1.alloc_calls - k0.alloc_calls, allocs + irq.allocs);
	KTEST_EXPECT_EQ(t, k1.free_calls - k0.free_calls, frees + irq.frees);
	KTEST_EXPECT_EQ(t, k1.bytes_in_use, k0.bytes_in_use);
	/* Every page the object allocator took is still its own, or back. */
	if (PAGES)
		KTEST_EXPECT_EQ(t, p1.free_pages + k1.pages, p0.free_pages + k0.pages);
	complete_all(&workers_may_exit);
	KTEST_EXPECT_EQ(t, kmem_cache_destroy(smp_cache), 0);
}

KTEST_SUITE(kmem_smp, KTEST_CASE(threads_and_interrupts_allocate_together));
