// SPDX-License-Identifier: MIT
/*
 * The allocators from several threads at once: a page allocator and an
 * object allocator from mm/, as they are, with the real memblock over a
 * malloc'd arena, the real atomic spinlocks, and the fake interrupt flag
 * of tests/include/asm/irqflags.h.  Each thread plays a hart.  The
 * Makefile links this file with several allocator stacks, each built once
 * under AddressSanitizer and once under ThreadSanitizer (which reports
 * any access to allocator state that a lock or an atomic does not order).
 *
 * Each worker thread plays one CPU (host_set_cpu), so the buddy page
 * allocator's per-CPU lists are each thread's own, and another thread
 * drains them when it runs out of memory.
 *
 * Checks: no page and no byte of an object is handed to two owners at
 * once (owners are claimed in maps with compare-and-swap, and contents
 * carry their owner's pattern); the counters of pgalloc_get_stats and
 * kmem_get_stats add up to what the threads did; every call leaves the
 * locks released and interrupts as they were.  Interrupts are simulated
 * with signals: a handler allocates and frees too, at once if the thread
 * has interrupts on (under ASan anywhere, in the middle of an allocator
 * call included; ThreadSanitizer defers signals to its own safe points),
 * otherwise when they come back on.
 *
 * The page test runs last: on the bump page allocator it uses up memory.
 */
#include "harness.h"
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

#include "irqflags_host.h"
#include <asm/current.h>
#include "rename.h"
#include <tern/errno.h>
#include <tern/kallsyms.h>
#include <tern/kernel.h>
#include <tern/memblock.h>
#include <tern/page.h>
#include <tern/pgalloc.h>
#include <tern/printf.h>
#include <tern/slab.h>
#include <tern/string.h>

#define NR_THREADS	4
#define ARENA_BYTES	(48UL << 20)
#define ARENA_ALIGN	(PAGE_SIZE << PGALLOC_MAX_ORDER)
#define ARENA_PAGES	(ARENA_BYTES / PAGE_SIZE)
#define GRANULE		8
#define HELD_PAGES	48	/* blocks a thread holds at most */
#define HELD_OBJECTS	96
#define NR_CACHES	3

static uintptr_t arena;
static bool bump_pages, bump_objects;	/* the bump allocators never reuse memory */
static u8 page_owner[ARENA_PAGES];	/* thread id + 1, or 0: atomic */
static u16 *granule_owner;		/* per GRANULE bytes: object owner, or 0: atomic */
static struct kmem_cache *caches[NR_CACHES];
static const struct {
	const char *name;
	size_t size, align;
} cache_defs[NR_CACHES] = {
	{ "threads-24", 24, 0 },
	{ "threads-200", 200, 64 },
	{ "threads-1000", 1000, 512 },
};

/* ---- kernel services ---- */

static unsigned long printk_count;	/* atomic */

int vprintk(const char *fmt, va_list ap)
{
	char buf[256];

	if (host_irq_saves)
		FAIL("printk with %d allocator lock(s) held", host_irq_saves);
	__atomic_fetch_add(&printk_count, 1, __ATOMIC_RELAXED);
	return vsnprintf(buf, sizeof(buf), fmt, ap);
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

void panic(const char *fmt, ...)
{
	char buf[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	fprintf(stderr, "unexpected panic: %s\n", buf);
	abort();
}

int sprint_backtrace(char *buf, size_t size, unsigned long ret_addr)
{
	return snprintf(buf, size, "0x%lx", ret_addr);
}

/* ---- set-up ---- */

/*
 * An arena of RAM with two holes, so that the bump page allocator has
 * three ranges to move through, and the buddy one unaligned ends.
 */
static void setup(void)
{
	void *mem;

	if (arena)
		return;
	mem = aligned_alloc(ARENA_ALIGN, ARENA_BYTES);
	granule_owner = calloc(ARENA_BYTES / GRANULE, sizeof(*granule_owner));
	if (!mem || !granule_owner)
		abort();
	arena = (uintptr_t)mem;
	memblock_add(arena, ARENA_BYTES);
	memblock_reserve(arena + (5UL << 20) + 3 * PAGE_SIZE, 7 * PAGE_SIZE, "hole");
	memblock_reserve(arena + (17UL << 20), 64 * PAGE_SIZE, "hole");
	page_map_init();
	pgalloc_init();
	kmem_init();
	bump_pages = !strcmp(pgalloc_name, "bump");
	bump_objects = !strcmp(kmem_name, "bump");
}

/* ---- ownership ---- */

/* xorshift32, one state per thread */
static unsigned int rnd(unsigned int *state)
{
	*state ^= *state << 13;
	*state ^= *state >> 17;
	*state ^= *state << 5;
	return *state;
}

static bool in_arena(const void *p, size_t size)
{
	return (uintptr_t)p >= arena && (uintptr_t)p - arena + size <= ARENA_BYTES;
}

/*
 * Claims [p, p + size) for owner in map (u8 or u16 entries of unit bytes);
 * false if it lies outside the arena or a unit has an owner already.
 * Safe in a signal handler.
 */
static bool claim_quiet(void *map, size_t entry, size_t unit, const void *p, size_t size,
			unsigned int owner)
{
	size_t first = ((uintptr_t)p - arena) / unit, last = ((uintptr_t)p - arena + size - 1) / unit;
	size_t i;

	if (!in_arena(p, size))
		return false;
	for (i = first; i <= last; i++) {
		bool ok;

		if (entry == 1) {
			u8 zero = 0;

			ok = __atomic_compare_exchange_n((u8 *)map + i, &zero, (u8)owner, false,
							 __ATOMIC_RELAXED, __ATOMIC_RELAXED);
		} else {
			u16 zero = 0;

			ok = __atomic_compare_exchange_n((u16 *)map + i, &zero, (u16)owner, false,
							 __ATOMIC_RELAXED, __ATOMIC_RELAXED);
		}
		if (!ok)
			return false;
	}
	return true;
}

static bool claim(void *map, size_t entry, size_t unit, const void *p, size_t size,
		  unsigned int owner)
{
	return claim_quiet(map, entry, unit, p, size, owner) ||
	       FAIL("%p (%zu bytes) outside the arena, or handed out while still owned", p,
		    size);
}

static void release(void *map, size_t entry, size_t unit, const void *p, size_t size)
{
	size_t first = ((uintptr_t)p - arena) / unit, last = ((uintptr_t)p - arena + size - 1) / unit;
	size_t i;

	for (i = first; i <= last; i++) {
		if (entry == 1)
			__atomic_store_n((u8 *)map + i, 0, __ATOMIC_RELAXED);
		else
			__atomic_store_n((u16 *)map + i, 0, __ATOMIC_RELAXED);
	}
}

static u8 pattern(unsigned int id, size_t i)
{
	return (u8)(id * 29 + i * 7 + 1);
}

static void fill(u8 *p, size_t size, unsigned int id)
{
	size_t i;

	for (i = 0; i < size; i++)
		p[i] = pattern(id, i);
}

static bool intact(const u8 *p, size_t size, unsigned int id)
{
	size_t i;

	for (i = 0; i < size; i++)
		if (p[i] != pattern(id, i))
			return FAIL("%p: byte %zu of %zu changed under its owner", (const void *)p, i,
				    size);
	return true;
}

/* ---- objects ---- */

struct object {
	u8 *p;
	size_t size;
	int cache;		/* index in caches, or -1 for kmalloc */
	unsigned int id;	/* the owner in granule_owner, and the pattern */
};

/* What one thread did; the totals must match the allocators' counters. */
struct tally {
	unsigned long allocs, frees;
	unsigned long page_allocs, page_frees, pages_taken;
	unsigned long failures;		/* NULL where memory should have been */
};

static unsigned int next_id(void)
{
	static unsigned int ids;	/* atomic; 0 means no owner, and u16 wraps */
	unsigned int id;

	do
		id = __atomic_add_fetch(&ids, 1, __ATOMIC_RELAXED) & 0xffff;
	while (!id);
	return id;
}

/* Mostly small, some up to 2 KiB, a few that the slab allocator gives whole pages. */
static size_t object_size(unsigned int *rng)
{
	unsigned int r = rnd(rng) % 64;

	if (r < 48)
		return 1 + rnd(rng) % 128;
	if (r < 62)
		return 1 + rnd(rng) % 2048;
	return 2049 + rnd(rng) % 6000;
}

static bool object_new(struct object *o, unsigned int *rng, struct tally *t)
{
	unsigned int r = rnd(rng) % 8;
	size_t i;

	o->cache = r < 3 ? (int)r : -1;
	o->size = o->cache < 0 ? object_size(rng) : cache_defs[o->cache].size;
	o->id = next_id();
	if (o->cache >= 0)
		o->p = kmem_cache_alloc(caches[o->cache], r == 0 ? __GFP_ZERO : GFP_KERNEL);
	else
		o->p = r == 7 ? kzalloc(o->size, GFP_KERNEL) : kmalloc(o->size, GFP_KERNEL);
	if (!o->p) {
		t->failures++;
		return FAIL("no memory for %zu bytes", o->size);
	}
	t->allocs++;
	if (o->cache < 0 && ksize(o->p) < o->size)
		FAIL("ksize(%p) below %zu", (void *)o->p, o->size);
	for (i = 0; (r == 0 || r == 7) && i < o->size; i++)
		if (o->p[i])
			return FAIL("zeroed object %p has byte %zu set", (void *)o->p, i);
	if (!claim(granule_owner, 2, GRANULE, o->p, o->size, o->id))
		return false;
	fill(o->p, o->size, o->id);
	return true;
}

static void object_free(struct object *o, struct tally *t)
{
	intact(o->p, o->size, o->id);
	release(granule_owner, 2, GRANULE, o->p, o->size);
	if (o->cache < 0)
		kfree(o->p);
	else
		kmem_cache_free(caches[o->cache], o->p);
	o->p = NULL;
	t->frees++;
}

/* A moved block counts as one allocation and one free. */
static void object_realloc(struct object *o, unsigned int *rng, struct tally *t)
{
	size_t size = object_size(rng), keep = MIN(size, o->size);
	u8 *p;

	intact(o->p, o->size, o->id);
	release(granule_owner, 2, GRANULE, o->p, o->size);
	p = krealloc(o->p, size, GFP_KERNEL);
	if (!p) {
		t->failures++;
		FAIL("krealloc(%p, %zu) failed", (void *)o->p, size);
		claim(granule_owner, 2, GRANULE, o->p, o->size, o->id);
		return;
	}
	if (p != o->p) {
		t->allocs++;
		t->frees++;
	}
	o->p = p;
	o->size = size;
	intact(p, keep, o->id);
	claim(granule_owner, 2, GRANULE, p, size, o->id);
	fill(p, size, o->id);
}

/* ---- pages ---- */

struct block {
	u8 *p;
	unsigned int order;
};

static bool page_block_new(struct block *b, unsigned int order, gfp_t gfp, unsigned int owner,
			   struct tally *t)
{
	unsigned long i, pages = 1UL << order;

	b->order = order;
	b->p = alloc_pages(gfp, order);
	t->page_allocs++;
	if (!b->p)
		return false;
	t->pages_taken += pages;
	if ((uintptr_t)b->p % (PAGE_SIZE << order))
		FAIL("%p is not aligned to order %u", (void *)b->p, order);
	for (i = 0; (gfp & __GFP_ZERO) && i < PAGE_SIZE * pages; i += GRANULE)
		if (*(u64 *)(b->p + i))
			return FAIL("zeroed block %p has byte %lu set", (void *)b->p, i);
	if (!claim(page_owner, 1, PAGE_SIZE, b->p, PAGE_SIZE * pages, owner))
		return false;
	for (i = 0; i < pages; i++)
		*(unsigned long *)(b->p + i * PAGE_SIZE) = (uintptr_t)b->p ^ owner ^ i;
	return true;
}

static void page_block_free(struct block *b, unsigned int owner, struct tally *t)
{
	unsigned long i, pages = 1UL << b->order;

	for (i = 0; i < pages; i++)
		if (*(unsigned long *)(b->p + i * PAGE_SIZE) != ((uintptr_t)b->p ^ owner ^ i))
			FAIL("page %lu of block %p changed under its owner", i, (void *)b->p);
	release(page_owner, 1, PAGE_SIZE, b->p, PAGE_SIZE * pages);
	free_pages(b->p, b->order);
	b->p = NULL;
	t->page_frees++;
	t->pages_taken -= pages;
}

/* ---- simulated interrupts ---- */

/* Per thread: what the handler holds between interrupts, and what it did. */
static _Thread_local struct object irq_object;
static _Thread_local struct block irq_block;
static _Thread_local struct tally irq_tally;
static _Thread_local unsigned int irq_rng = 0x1234567;
static _Thread_local unsigned long irq_taken_here;
static unsigned long irq_taken, irq_errors;	/* atomic */

/*
 * Runs as an interrupt handler: with interrupts off, possibly in the
 * middle of an allocator call of the same thread.  It must not printf
 * (FAIL) here, so it only counts what goes wrong.
 */
static void irq_error(void)
{
	__atomic_fetch_add(&irq_errors, 1, __ATOMIC_RELAXED);
}

static void irq_handler(void)
{
	if (!arch_irqs_disabled())
		irq_error();
	__atomic_fetch_add(&irq_taken, 1, __ATOMIC_RELAXED);
	irq_taken_here++;
	if (irq_object.p) {
		if (irq_object.p[0] != pattern(irq_object.id, 0))
			irq_error();
		release(granule_owner, 2, GRANULE, irq_object.p, irq_object.size);
		kfree(irq_object.p);
		irq_object.p = NULL;
		irq_tally.frees++;
	} else {
		irq_object.size = 1 + rnd(&irq_rng) % 200;
		irq_object.id = next_id();
		irq_object.p = kmalloc(irq_object.size, GFP_KERNEL);
		if (irq_object.p) {
			irq_tally.allocs++;
			if (!claim_quiet(granule_owner, 2, GRANULE, irq_object.p, irq_object.size,
					 irq_object.id))
				irq_error();
			irq_object.p[0] = pattern(irq_object.id, 0);
		}
	}
	if (!bump_pages) {
		if (irq_block.p) {
			release(page_owner, 1, PAGE_SIZE, irq_block.p, PAGE_SIZE);
			free_pages(irq_block.p, 0);
			irq_block.p = NULL;
			irq_tally.page_frees++;
			irq_tally.pages_taken--;
		} else {
			irq_block.p = alloc_pages(GFP_KERNEL, 0);
			irq_tally.page_allocs++;
			if (irq_block.p) {
				irq_tally.pages_taken++;
				if (!claim_quiet(page_owner, 1, PAGE_SIZE, irq_block.p, PAGE_SIZE,
						 0xff))
					irq_error();
			}
		}
	}
	if (!arch_irqs_disabled())
		irq_error();
}

static void on_signal(int sig)
{
	(void)sig;
	host_irq_raise();
}

/*
 * Undoes what the handler holds, from the thread, with interrupts off and
 * no more signals: the interrupter goes on until every worker is done.
 */
static void irq_drain(struct tally *t)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGUSR1);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	arch_local_irq_disable();
	if (irq_object.p) {
		release(granule_owner, 2, GRANULE, irq_object.p, irq_object.size);
		kfree(irq_object.p);
		irq_object.p = NULL;
		irq_tally.frees++;
	}
	if (irq_block.p) {
		release(page_owner, 1, PAGE_SIZE, irq_block.p, PAGE_SIZE);
		free_pages(irq_block.p, 0);
		irq_block.p = NULL;
		irq_tally.page_frees++;
		irq_tally.pages_taken--;
	}
	arch_local_irq_enable();
	t->allocs += irq_tally.allocs;
	t->frees += irq_tally.frees;
	t->page_allocs += irq_tally.page_allocs;
	t->page_frees += irq_tally.page_frees;
	t->pages_taken += irq_tally.pages_taken;
	memset(&irq_tally, 0, sizeof(irq_tally));
}

/* ---- threads ---- */

struct worker {
	pthread_t thread;
	unsigned int id;	/* 1..NR_THREADS: the page owner */
	unsigned long ops;
	unsigned long min_irqs;	/* go on past ops (up to ten times) until this many */
	bool pages, objects;
	struct tally tally;
};

static void *work(void *arg)
{
	struct worker *w = arg;
	struct object objs[HELD_OBJECTS] = { { 0 } };
	struct block blocks[HELD_PAGES] = { { 0 } };
	unsigned int rng = 0x9e3779b9u * w->id;
	unsigned long op;

	host_set_cpu(w->id - 1);
	int i;

	for (op = 0; (op < w->ops || (irq_taken_here < w->min_irqs && op < 10 * w->ops)) &&
		     !__atomic_load_n(&harness_failures, __ATOMIC_RELAXED); op++) {
		unsigned int r = rnd(&rng) % 100;

		if (w->objects) {
			struct object *o = &objs[rnd(&rng) % HELD_OBJECTS];

			if (!o->p)
				object_new(o, &rng, &w->tally);
			else if (r < 50)
				object_free(o, &w->tally);
			else if (r < 70 && o->cache < 0)
				object_realloc(o, &rng, &w->tally);
			else if (o->cache < 0 && ksize(o->p) < o->size)
				FAIL("ksize(%p) shrank below %zu", (void *)o->p, o->size);
		}
		if (w->pages) {
			struct block *b = &blocks[rnd(&rng) % HELD_PAGES];

			if (!b->p)
				page_block_new(b, r % 4, r % 8 == 1 ? __GFP_ZERO : GFP_KERNEL,
					       w->id, &w->tally);
			else if (r < 60)
				page_block_free(b, w->id, &w->tally);
		}
		if (!EXPECT_LOCKS_RELEASED(true))
			break;
	}
	for (i = 0; i < HELD_OBJECTS; i++)
		if (objs[i].p)
			object_free(&objs[i], &w->tally);
	for (i = 0; i < HELD_PAGES; i++)
		if (blocks[i].p)
			page_block_free(&blocks[i], w->id, &w->tally);
	irq_drain(&w->tally);
	return NULL;
}

static bool stop_interrupts;	/* atomic */

/* Sends "interrupts" to the workers, at random, until told to stop. */
static void *interrupter(void *arg)
{
	struct worker *w = arg;
	unsigned int rng = 0xfeed;

	while (!__atomic_load_n(&stop_interrupts, __ATOMIC_RELAXED)) {
		struct timespec ts = { 0, 20000 + rnd(&rng) % 80000 };

		pthread_kill(w[rnd(&rng) % NR_THREADS].thread, SIGUSR1);
		nanosleep(&ts, NULL);
	}
	return NULL;
}

/* Runs the workers (and the interrupter) and adds up what they did. */
static struct tally run_workers(unsigned long ops, bool objects, bool pages, bool interrupts)
{
	struct worker w[NR_THREADS];
	struct tally sum = { 0 };
	pthread_t irq_thread;
	int i;

	host_irq_handler = interrupts ? irq_handler : NULL;
	__atomic_store_n(&stop_interrupts, false, __ATOMIC_RELAXED);
	for (i = 0; i < NR_THREADS; i++) {
		w[i] = (struct worker){ .id = i + 1, .ops = ops, .min_irqs = interrupts ? 100 : 0,
					.pages = pages, .objects = objects };
		if (pthread_create(&w[i].thread, NULL, work, &w[i]))
			abort();
	}
	if (interrupts && pthread_create(&irq_thread, NULL, interrupter, w))
		abort();
	for (i = 0; i < NR_THREADS; i++)
		pthread_join(w[i].thread, NULL);
	if (interrupts) {
		__atomic_store_n(&stop_interrupts, true, __ATOMIC_RELAXED);
		pthread_join(irq_thread, NULL);
	}
	host_irq_handler = NULL;
	for (i = 0; i < NR_THREADS; i++) {
		sum.allocs += w[i].tally.allocs;
		sum.frees += w[i].tally.frees;
		sum.page_allocs += w[i].tally.page_allocs;
		sum.page_frees += w[i].tally.page_frees;
		sum.pages_taken += w[i].tally.pages_taken;
		sum.failures += w[i].tally.failures;
	}
	return sum;
}

static void sum_active(const struct kmem_cache_info *info, void *arg)
{
	*(unsigned long *)arg += info->active_objects;
}

/*
 * After the workers freed everything: the object allocator's counters
 * moved by what they did and no more, and every page it took is either
 * still held by it or back (the bump allocator's alignment losses aside).
 */
static unsigned long active_objects(void)
{
	unsigned long active = 0;

	kmem_cache_for_each(sum_active, &active);
	return active;
}

static void expect_objects_balanced(const struct kmem_stats *k0, const struct pgalloc_stats *p0,
				    unsigned long active0, const struct tally *t)
{
	struct pgalloc_stats p1;
	struct kmem_stats k1;

	kmem_get_stats(&k1);
	pgalloc_get_stats(&p1);
	EXPECT_EQ(t->allocs, t->frees);
	EXPECT_EQ(k1.alloc_calls - k0->alloc_calls, t->allocs);
	EXPECT_EQ(k1.free_calls - k0->free_calls, t->frees);
	EXPECT_EQ(k1.bytes_in_use, k0->bytes_in_use);
	EXPECT_EQ(active_objects(), active0);
	EXPECT_EQ(t->pages_taken, 0);
	if (bump_pages)
		EXPECT(p1.free_pages + k1.pages <= p0->free_pages + k0->pages);
	else
		EXPECT_EQ(p1.free_pages + k1.pages, p0->free_pages + k0->pages);
}

/* ---- tests ---- */

static void count_cache(const struct kmem_cache_info *info, void *arg)
{
	*(int *)arg += info != NULL;
}

/*
 * Every entry point of both allocators, with interrupts on and off: no
 * lock left held, interrupts as they were, and reports (bad frees) made
 * with no lock held (vprintk checks).
 */
TEST(every_call_releases_its_locks_and_restores_interrupts)
{
	int irqs_on;

	setup();
	for (irqs_on = 1; irqs_on >= 0; irqs_on--) {
		struct pgalloc_stats ps;
		struct kmem_stats ks;
		struct kmem_cache *c;
		void *p, *q, *obj;
		int n = 0;

		if (!irqs_on)
			arch_local_irq_disable();
		p = alloc_pages(GFP_KERNEL, 0);
		EXPECT(p && EXPECT_LOCKS_RELEASED(irqs_on));
		q = alloc_pages(__GFP_ZERO, 2);
		EXPECT(q && EXPECT_LOCKS_RELEASED(irqs_on));
		EXPECT(!alloc_pages(GFP_KERNEL, PGALLOC_MAX_ORDER + 1));
		EXPECT_LOCKS_RELEASED(irqs_on);
		pgalloc_block_start((u8 *)q + 5, NULL);
		EXPECT_LOCKS_RELEASED(irqs_on);
		pgalloc_get_stats(&ps);
		EXPECT_LOCKS_RELEASED(irqs_on);
		free_pages(q, 2);
		EXPECT_LOCKS_RELEASED(irqs_on);
		if (!bump_pages) {
			unsigned long before = printk_count;

			free_pages(q, 2);	/* a double free: reported, unlocked */
			EXPECT(printk_count > before);
			EXPECT_LOCKS_RELEASED(irqs_on);
		}
		free_pages(p, 0);
		EXPECT_LOCKS_RELEASED(irqs_on);

		p = kmalloc(100, GFP_KERNEL);
		EXPECT(p && EXPECT_LOCKS_RELEASED(irqs_on));
		q = kmalloc(6000, __GFP_ZERO);
		EXPECT(q && EXPECT_LOCKS_RELEASED(irqs_on));
		EXPECT(ksize(q) >= 6000 && EXPECT_LOCKS_RELEASED(irqs_on));
		p = krealloc(p, 3000, GFP_KERNEL);
		EXPECT(p && EXPECT_LOCKS_RELEASED(irqs_on));
		c = kmem_cache_create("threads-irqs", 40, 0, 0);
		EXPECT(c && EXPECT_LOCKS_RELEASED(irqs_on));
		obj = c ? kmem_cache_alloc(c, GFP_KERNEL) : NULL;
		EXPECT(obj && EXPECT_LOCKS_RELEASED(irqs_on));
		EXPECT(kmem_cache_for_each(count_cache, &n) == n);
		EXPECT_LOCKS_RELEASED(irqs_on);
		EXPECT(c && kmem_cache_destroy(c) == -EBUSY);	/* reported, unlocked */
		EXPECT_LOCKS_RELEASED(irqs_on);
		kmem_cache_free(c, obj);
		EXPECT_LOCKS_RELEASED(irqs_on);
		EXPECT(c && kmem_cache_destroy(c) == 0);
		EXPECT_LOCKS_RELEASED(irqs_on);
		kmem_get_stats(&ks);
		EXPECT_LOCKS_RELEASED(irqs_on);
		kfree(q);
		kfree(p);
		EXPECT_LOCKS_RELEASED(irqs_on);
		arch_local_irq_enable();
	}
}

TEST(objects_from_threads)
{
	struct pgalloc_stats p0;
	unsigned long active0;
	struct kmem_stats k0;
	struct tally t;
	int i;

	setup();
	for (i = 0; i < NR_CACHES; i++) {
		caches[i] = kmem_cache_create(cache_defs[i].name, cache_defs[i].size,
					      cache_defs[i].align, 0);
		ASSERT(caches[i]);
	}
	kmem_get_stats(&k0);
	pgalloc_get_stats(&p0);
	active0 = active_objects();
	t = run_workers(bump_objects ? 5000 : 100000, true, false, false);
	printf("# %lu objects allocated and freed by %d threads\n", t.allocs, NR_THREADS);
	EXPECT_EQ(t.failures, 0);
	expect_objects_balanced(&k0, &p0, active0, &t);
	for (i = 0; i < NR_CACHES; i++)
		EXPECT_EQ(kmem_cache_destroy(caches[i]), 0);
}

TEST(objects_and_pages_with_interrupts)
{
	struct pgalloc_stats p0;
	unsigned long active0;
	struct kmem_stats k0;
	struct tally t;
	int i;

	setup();
	for (i = 0; i < NR_CACHES; i++) {
		caches[i] = kmem_cache_create(cache_defs[i].name, cache_defs[i].size,
					      cache_defs[i].align, 0);
		ASSERT(caches[i]);
	}
	signal(SIGUSR1, on_signal);
	kmem_get_stats(&k0);
	pgalloc_get_stats(&p0);
	active0 = active_objects();
	t = run_workers(bump_objects || bump_pages ? 2000 : 50000, true, !bump_pages, true);
	signal(SIGUSR1, SIG_IGN);
	EXPECT_EQ(t.failures, 0);
	EXPECT_EQ(__atomic_load_n(&irq_errors, __ATOMIC_RELAXED), 0);
	EXPECT(__atomic_load_n(&irq_taken, __ATOMIC_RELAXED) > 0);
	printf("# %lu simulated interrupts\n", __atomic_load_n(&irq_taken, __ATOMIC_RELAXED));
	expect_objects_balanced(&k0, &p0, active0, &t);
	for (i = 0; i < NR_CACHES; i++)
		EXPECT_EQ(kmem_cache_destroy(caches[i]), 0);
}

/* Single pages until there are none, each claimed for this thread. */
static void *exhaust(void *arg)
{
	struct worker *w = arg;
	void *p;

	host_set_cpu(w->id - 1);
	while ((p = alloc_pages(GFP_KERNEL, 0)) != NULL) {
		w->tally.page_allocs++;
		w->tally.pages_taken++;
		if (!claim(page_owner, 1, PAGE_SIZE, p, PAGE_SIZE, w->id))
			break;
		*(unsigned long *)p = (uintptr_t)p ^ w->id;
	}
	w->tally.page_allocs++;	/* the NULL */
	EXPECT_LOCKS_RELEASED(true);
	return NULL;
}

/*
 * Buddy: blocks of orders 0..3 taken and given back at random; all come
 * back.  Then, as for bump, single pages until none is left: for bump
 * that moves the cursor through every range under contention, for buddy
 * each thread empties the others' per-CPU lists while they refill them.
 * Every page is handed out once, and none is lost.
 */
TEST(pages_from_threads)
{
	struct worker w[NR_THREADS];
	struct pgalloc_stats p0, p1;
	unsigned long taken = 0, calls = 0, page;
	struct tally t;
	int i;

	setup();
	pgalloc_get_stats(&p0);
	if (!bump_pages) {
		t = run_workers(100000, false, true, false);
		pgalloc_get_stats(&p1);
		EXPECT_EQ(t.pages_taken, 0);
		EXPECT_EQ(p1.free_pages, p0.free_pages);
		EXPECT_EQ(p1.alloc_calls - p0.alloc_calls, t.page_allocs);
		EXPECT_EQ(p1.free_calls - p0.free_calls, t.page_frees);
		p0 = p1;
	}
	for (i = 0; i < NR_THREADS; i++) {
		w[i] = (struct worker){ .id = i + 1 };
		if (pthread_create(&w[i].thread, NULL, exhaust, &w[i]))
			abort();
	}
	for (i = 0; i < NR_THREADS; i++) {
		pthread_join(w[i].thread, NULL);
		taken += w[i].tally.pages_taken;
		calls += w[i].tally.page_allocs;
	}
	pgalloc_get_stats(&p1);
	EXPECT_EQ(taken, p0.free_pages);
	EXPECT_EQ(p1.free_pages, 0);
	EXPECT_EQ(p1.alloc_calls - p0.alloc_calls, calls);
	for (page = 0; page < ARENA_PAGES; page++) {
		u8 owner = page_owner[page];
		uintptr_t p = arena + page * PAGE_SIZE;

		if (owner && owner <= NR_THREADS && *(unsigned long *)p != (p ^ owner))
			FAIL("page %lu changed under its owner", page);
	}
}

TEST_MAIN()
