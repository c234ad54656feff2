// SPDX-License-Identifier: MIT
/*
 * Host tests of the buddy page allocator as the kernel links it:
 * mm/pgalloc_buddy.c (the glue and the per-CPU lists) over mm/buddy.c,
 * with the page map of mm/page.c and the real memblock over a malloc'd
 * arena.  One thread plays every CPU in turn (host_set_cpu), so pages are
 * freed on other CPUs than they came from and each CPU's list fills.
 *
 * The Makefile builds it three times: with per-CPU lists
 * (test_pgalloc_buddy), without (test_pgalloc_buddy_nopcp), and with
 * DEBUG_PAGEALLOC (test_pgalloc_buddy_debug), where a bad free panics and
 * freed pages are poisoned.  A model records who owns each page.
 */
#include "harness.h"
#include <setjmp.h>
#include <stdint.h>

#include "irqflags_host.h"
#include "rename.h"
#include <tern/kallsyms.h>
#include <tern/kernel.h>
#include <tern/memblock.h>
#include <tern/page.h>
#include <tern/pgalloc.h>
#include <tern/printf.h>
#include <tern/smp.h>
#include <tern/string.h>

#define PCP		IS_ENABLED(CONFIG_PGALLOC_PCP)
#define DEBUG		IS_ENABLED(CONFIG_DEBUG_PAGEALLOC)
#define ARENA_BYTES	(20UL << 20)
#define ARENA_PAGES	(ARENA_BYTES / PAGE_SIZE)
#define SECTION_PAGES	(1UL << PGALLOC_MAX_ORDER)
#define HOLE_PAGE	(5 * 256 + 3)	/* a reserved page, 5 MiB and 3 pages in */

/* ---- kernel services ---- */

static unsigned long errors;		/* pr_err messages */
static char last_message[256];
static jmp_buf panicked;
static bool expect_panic;

int vprintk(const char *fmt, va_list ap)
{
	if (host_irq_saves)
		FAIL("printk with %d allocator lock(s) held", host_irq_saves);
	vsnprintf(last_message, sizeof(last_message), fmt, ap);
	errors += fmt[0] == KERN_ERR[0] && fmt[1] == KERN_ERR[1];
	return 0;
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
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(last_message, sizeof(last_message), fmt, ap);
	va_end(ap);
	if (!expect_panic) {
		fprintf(stderr, "unexpected panic: %s\n", last_message);
		abort();
	}
	/* The allocator reports after unlocking: nothing is held. */
	EXPECT_LOCKS_RELEASED(true);
	longjmp(panicked, 1);
}

int sprint_backtrace(char *buf, size_t size, unsigned long ret_addr)
{
	return snprintf(buf, size, "caller");
}

/* ---- set-up and the model ---- */

static uintptr_t arena;
static u8 owner[ARENA_PAGES];		/* the model: 0 free, else the holder's id */
static unsigned long reserved_pages;	/* holes and mem_map: never handed out */

/*
 * The arena as RAM, with a hole punched in it (so one section is partly
 * reserved); mem_map comes from its top, as in the kernel.
 */
static void setup(void)
{
	static void *mem;
	unsigned long i;

	if (!mem)
		mem = aligned_alloc(SECTION_PAGES * PAGE_SIZE, ARENA_BYTES);
	if (!mem)
		abort();
	arena = (uintptr_t)mem;
	memblock_memory.count = 0;
	memblock_reserved.count = 0;
	memblock_add(arena, ARENA_BYTES);
	memblock_reserve(arena + HOLE_PAGE * PAGE_SIZE, PAGE_SIZE, "hole");
	page_map_init();
	pgalloc_init();
	host_set_cpu(0);
	memset(owner, 0, sizeof(owner));
	reserved_pages = 0;
	for (i = 0; i < ARENA_PAGES; i++) {
		if (memblock_is_reserved(arena + i * PAGE_SIZE)) {
			owner[i] = 0xff;
			reserved_pages++;
		}
	}
}

static unsigned long model_free(void)
{
	unsigned long i, n = 0;

	for (i = 0; i < ARENA_PAGES; i++)
		n += !owner[i];
	return n;
}

static unsigned long page_index(const void *p)
{
	return ((uintptr_t)p - arena) / PAGE_SIZE;
}

/* Allocates on this CPU and claims the block in the model; NULL if none. */
static void *claim(unsigned int order, gfp_t gfp, u8 id)
{
	u8 *p = alloc_pages(gfp, order);
	unsigned long i, first;

	EXPECT_LOCKS_RELEASED(true);
	if (!p)
		return NULL;
	if (!EXPECT((uintptr_t)p >= arena && (uintptr_t)p < arena + ARENA_BYTES) ||
	    !EXPECT((uintptr_t)p % (PAGE_SIZE << order) == 0))
		return NULL;
	first = page_index(p);
	for (i = 0; i < 1UL << order; i++) {
		if (owner[first + i])
			FAIL("page %lu handed out while %s", first + i,
			     owner[first + i] == 0xff ? "reserved" : "owned");
		owner[first + i] = id;
	}
	EXPECT_EQ(page_flags(virt_to_page(p)), PG_head | order);
	EXPECT_EQ(page_ref_count(virt_to_page(p)), 1);
	for (i = 0; (gfp & __GFP_ZERO) && i < PAGE_SIZE << order; i += 64)
		if (p[i] && !FAIL("__GFP_ZERO block not zero at %lu", i))
			break;
	p[0] = id;
	p[(PAGE_SIZE << order) - 1] = id;
	return p;
}

static void unclaim(void *p, unsigned int order)
{
	unsigned long i, first = page_index(p);

	EXPECT_EQ(((u8 *)p)[0], owner[first]);
	for (i = 0; i < 1UL << order; i++)
		owner[first + i] = 0;
	free_pages(p, order);
	EXPECT_LOCKS_RELEASED(true);
}

static void expect_stats_match_model(void)
{
	struct pgalloc_stats s;

	pgalloc_get_stats(&s);
	EXPECT_LOCKS_RELEASED(true);
	EXPECT_EQ(s.free_pages, model_free());
	EXPECT_EQ(s.total_pages + reserved_pages, ARENA_PAGES);
}

/* ---- tests ---- */

TEST(every_cpu_allocates_and_frees)
{
	struct pgalloc_stats s0, s1;
	unsigned int cpu;
	void *p[NR_CPUS];

	setup();
	pgalloc_get_stats(&s0);
	EXPECT_EQ(s0.free_pages, model_free());
	EXPECT_EQ(s0.largest_free_order_pages, SECTION_PAGES);
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		host_set_cpu(cpu);
		p[cpu] = claim(0, GFP_KERNEL, 1);
		EXPECT(p[cpu] != NULL);
	}
	/* Each freed on the next CPU. */
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		host_set_cpu((cpu + 1) % NR_CPUS);
		unclaim(p[cpu], 0);
	}
	host_set_cpu(0);
	pgalloc_get_stats(&s1);
	EXPECT_EQ(s1.alloc_calls - s0.alloc_calls, NR_CPUS);
	EXPECT_EQ(s1.free_calls - s0.free_calls, NR_CPUS);
	EXPECT_EQ(s1.free_pages, s0.free_pages);
	EXPECT_EQ(s1.largest_free_order_pages, SECTION_PAGES);
}

/* Random orders on random CPUs, freed anywhere, against the model. */
TEST(random_against_the_model)
{
	static struct {
		void *p;
		unsigned int order;
	} held[400];
	unsigned long long rng = 0x51f15e;
	unsigned long step, allocs = 0, frees = 0;
	struct pgalloc_stats s0, s1;
	unsigned int n = 0;

	setup();
	pgalloc_get_stats(&s0);
	for (step = 0; step < 40000; step++) {
		host_set_cpu(harness_rnd(&rng, NR_CPUS));
		if (n < ARRAY_SIZE(held) && (n == 0 || harness_rnd(&rng, 100) < 52)) {
			unsigned int order = harness_rnd(&rng, 8) ? 0 : harness_rnd(&rng, 5);
			gfp_t gfp = harness_rnd(&rng, 8) ? GFP_KERNEL : __GFP_ZERO;

			held[n].p = claim(order, gfp, 1 + n % 200);
			held[n].order = order;
			allocs++;
			if (!EXPECT(held[n].p != NULL))
				break;
			n++;
		} else {
			unsigned int i = harness_rnd(&rng, n);

			unclaim(held[i].p, held[i].order);
			frees++;
			held[i] = held[--n];
		}
		if (step % 512 == 0)
			expect_stats_match_model();
		if (harness_failures)
			break;
	}
	while (n) {
		n--;
		unclaim(held[n].p, held[n].order);
		frees++;
	}
	host_set_cpu(0);
	pgalloc_get_stats(&s1);
	EXPECT_EQ(s1.alloc_calls - s0.alloc_calls, allocs);
	EXPECT_EQ(s1.free_calls - s0.free_calls, frees);
	EXPECT_EQ(s1.free_pages, s0.free_pages);
	/* Every list given back and merged: the sections are whole again. */
	EXPECT_EQ(s1.largest_free_order_pages, SECTION_PAGES);
}

/* Kept in the block, past the owner's byte at its start. */
struct chain {
	u8 owner_byte[64];
	struct chain *next;
	unsigned int order;
};

/* Takes every page from this CPU, largest blocks first; the pages taken. */
static unsigned long take_everything(struct chain **list)
{
	unsigned long pages = 0;
	int order;

	for (order = PGALLOC_MAX_ORDER; order >= 0; order--) {
		struct chain *c;

		while ((c = claim(order, GFP_KERNEL, 7)) != NULL) {
			c->next = *list;
			c->order = order;
			*list = c;
			pages += 1UL << order;
		}
	}
	return pages;
}

static void give_back(struct chain *list)
{
	while (list) {
		struct chain *c = list;

		list = c->next;
		unclaim(c, c->order);
	}
}

/* Pages on other CPUs' lists are free: an allocation must get them. */
TEST(no_memory_hides_on_other_cpus)
{
	struct chain *list = NULL;
	struct pgalloc_stats s0, s;
	unsigned int cpu, i;
	void *p[40];

	setup();
	for (cpu = 1; cpu < NR_CPUS; cpu++) {
		host_set_cpu(cpu);
		for (i = 0; i < ARRAY_SIZE(p); i++)
			p[i] = claim(0, GFP_KERNEL, 2);
		for (i = 0; i < ARRAY_SIZE(p); i++)
			unclaim(p[i], 0);
	}
	host_set_cpu(0);
	s0.free_pages = model_free();
	EXPECT_EQ(take_everything(&list), s0.free_pages);
	EXPECT_EQ(model_free(), 0);
	pgalloc_get_stats(&s);
	EXPECT_EQ(s.free_pages, 0);
	EXPECT_EQ(s.largest_free_order_pages, 0);
	host_set_cpu(2);
	give_back(list);
	expect_stats_match_model();
	host_set_cpu(0);
	EXPECT(claim(PGALLOC_MAX_ORDER, GFP_KERNEL, 3) != NULL);
}

/*
 * With every page held as order 0, sixteen buddies freed on one CPU sit
 * on its list (with per-CPU lists): an order-4 allocation elsewhere must
 * get them back, merged.
 */
TEST(a_failed_allocation_drains_the_lists)
{
	static void *pages[ARENA_PAGES];
	unsigned long n = 0, i, start;
	struct pgalloc_stats s;
	u8 *block;

	setup();
	while ((pages[n] = claim(0, GFP_KERNEL, 4)) != NULL)
		n++;
	EXPECT_EQ(n + reserved_pages, ARENA_PAGES);
	/* The first whole order-4 group, freed on CPU 3. */
	for (start = 0; start < n; start++) {
		if ((uintptr_t)pages[start] % (16 * PAGE_SIZE))
			continue;
		for (i = 1; i < 16 && start + i < n; i++)
			if (pages[start + i] != (u8 *)pages[start] + i * PAGE_SIZE)
				break;
		if (i == 16)
			break;
	}
	ASSERT(start < n);
	host_set_cpu(3);
	for (i = 0; i < 16; i++)
		unclaim(pages[start + i], 0);
	host_set_cpu(1);
	block = claim(4, GFP_KERNEL, 5);
	EXPECT(block == pages[start]);
	EXPECT(claim(0, GFP_KERNEL, 5) == NULL);
	pgalloc_get_stats(&s);
	EXPECT_EQ(s.free_pages, 0);
	if (block)
		unclaim(block, 4);
	for (i = 0; i < n; i++)
		if (i < start || i >= start + 16)
			unclaim(pages[i], 0);
	expect_stats_match_model();
}

TEST(references_keep_a_block)
{
	struct pgalloc_stats s0, s1;
	struct page *page;
	void *p;

	setup();
	pgalloc_get_stats(&s0);
	p = claim(0, GFP_KERNEL, 6);
	ASSERT(p != NULL);
	page = virt_to_page(p);
	get_page(page);
	free_page(p);			/* the block stays */
	EXPECT_EQ(page_ref_count(page), 1);
	EXPECT_EQ(page_flags(page), PG_head);
	EXPECT(pgalloc_block_start(p, NULL) == p);
	host_set_cpu(2);
	put_page(page);			/* the last reference */
	EXPECT_LOCKS_RELEASED(true);
	EXPECT_EQ(page_ref_count(page), 0);
	EXPECT(pgalloc_block_start(p, NULL) == NULL);
	owner[page_index(p)] = 0;
	pgalloc_get_stats(&s1);
	EXPECT_EQ(s1.free_pages, s0.free_pages);
	EXPECT_EQ(s1.free_calls - s0.free_calls, 2);
	EXPECT_EQ(errors, 0);
}

/*
 * One bad free: refused with a message that names the reason (with
 * DEBUG_PAGEALLOC a panic), and nothing changes.
 */
static void expect_refused(void *addr, unsigned int order, const char *why)
{
	struct pgalloc_stats before, after;
	unsigned long errors_before = errors;

	pgalloc_get_stats(&before);
	expect_panic = DEBUG;
	if (!setjmp(panicked)) {
		free_pages(addr, order);
		EXPECT(!DEBUG);
		EXPECT_EQ(errors, errors_before + 1);
	}
	expect_panic = false;
	EXPECT_LOCKS_RELEASED(true);
	if (!strstr(last_message, why))
		FAIL("free_pages(%p, %u): \"%s\", not %s", addr, order, last_message, why);
	pgalloc_get_stats(&after);
	EXPECT_EQ(after.free_pages, before.free_pages);
}

TEST(bad_frees_are_refused)
{
	u8 *p, *q, *virgin;
	struct page *page;
	u32 flags;

	setup();
	p = claim(0, GFP_KERNEL, 8);
	q = claim(1, GFP_KERNEL, 8);
	ASSERT(p && q);
	unclaim(p, 0);
	expect_refused(p, 0, "double free");
	expect_refused(q, 0, "wrong order");
	expect_refused(q + PAGE_SIZE, 0, "not the first page");
	expect_refused(q + 8, 1, "not the first page");
	expect_refused((void *)(arena + HOLE_PAGE * PAGE_SIZE), 0, "never allocated");
	expect_refused(mem_map, 0, "never allocated");
	expect_refused((void *)(arena - PAGE_SIZE), 0, "outside");
	expect_refused(q, PGALLOC_MAX_ORDER + 1, "order too large");
	/* A page of a section never split, whose garbage record looks allocated. */
	virgin = (u8 *)arena + 2 * SECTION_PAGES * PAGE_SIZE + 5 * PAGE_SIZE;
	page = virt_to_page(virgin);
	page->flags = PG_head;
	page->_refcount = 1;
	expect_refused(virgin, 0, "never allocated");
	/* A reference dropped once too often. */
	page = virt_to_page(q);
	get_page(page);
	free_pages(q, 1);
	put_page(page);		/* the block is free now */
	owner[page_index(q)] = owner[page_index(q) + 1] = 0;
	flags = page_flags(page);
	set_page_flags(page, PG_head | 1);	/* as if reallocated, but with no reference */
	expect_refused(q, 1, "double free");
	set_page_flags(page, flags);
	set_page_count(page, 0);
	free_pages(NULL, 0);
	expect_stats_match_model();
}

TEST(freed_pages_are_poisoned_with_debug)
{
	u8 *p, *q;
	unsigned long i, poisoned = 0;

	setup();
	p = claim(0, GFP_KERNEL, 9);
	q = claim(2, GFP_KERNEL, 9);
	ASSERT(p && q);
	memset(p + 1, 0x11, PAGE_SIZE - 1);
	memset(q + 1, 0x11, 4 * PAGE_SIZE - 1);
	q[4 * PAGE_SIZE - 1] = q[0];
	unclaim(p, 0);
	unclaim(q, 2);
	for (i = 0; i < PAGE_SIZE; i++)
		poisoned += p[i] == 0x5a;
	for (i = 0; i < 4 * PAGE_SIZE; i++)
		poisoned += q[i] == 0x5a;
	EXPECT_EQ(poisoned, DEBUG ? 5 * PAGE_SIZE : 0);
}

/* Takes every page; how many, and whether any lay in [lo, hi). */
static unsigned long take_all_pages(uintptr_t lo, uintptr_t hi, bool *inside)
{
	struct chain *list = NULL, *c;
	unsigned long pages = 0;
	int order;

	*inside = false;
	for (order = PGALLOC_MAX_ORDER; order >= 0; order--) {
		while ((c = alloc_pages(GFP_KERNEL, order)) != NULL) {
			*inside |= (uintptr_t)c < hi && (uintptr_t)c + (PAGE_SIZE << order) > lo;
			c->next = list;
			c->order = order;
			list = c;
			pages += 1UL << order;
		}
	}
	while (list) {
		c = list;
		list = c->next;
		free_pages(c, c->order);
	}
	return pages;
}

/*
 * Two regions of RAM in the arena with a hole between them: near enough,
 * one map covers both and the hole is reserved records; too far apart
 * (the span more than twice the memory), the map covers the larger and
 * the other is left out.  The hole is never touched either way.
 */
TEST(page_map_covers_the_best_run_of_regions)
{
	const unsigned long mib = 1UL << 20;
	struct pgalloc_stats s;
	bool inside;

	setup();	/* the arena */
	memblock_memory.count = 0;
	memblock_reserved.count = 0;
	memblock_add(arena, 8 * mib);
	memblock_add(arena + 12 * mib, 4 * mib);
	page_map_init();
	pgalloc_init();
	EXPECT_EQ(mem_map_start_pfn, arena / PAGE_SIZE);
	EXPECT_EQ(mem_map_end_pfn, (arena + 16 * mib) / PAGE_SIZE);
	EXPECT_EQ(page_flags(virt_to_page((void *)(arena + 10 * mib))), PG_reserved);
	pgalloc_get_stats(&s);
	EXPECT_EQ(s.total_pages, 12 * mib / PAGE_SIZE - 16 * mib / PAGE_SIZE * sizeof(struct page) /
				 PAGE_SIZE);
	EXPECT_EQ(take_all_pages(arena + 8 * mib, arena + 12 * mib, &inside), s.free_pages);
	EXPECT(!inside);

	memblock_memory.count = 0;
	memblock_reserved.count = 0;
	memblock_add(arena, 1 * mib);
	memblock_add(arena + 16 * mib, 4 * mib);
	page_map_init();
	pgalloc_init();
	EXPECT(strstr(last_message, "left out: outside the page map"));
	EXPECT_EQ(mem_map_start_pfn, (arena + 16 * mib) / PAGE_SIZE);
	EXPECT(!pfn_valid(virt_to_pfn((void *)arena)));
	EXPECT(memblock_is_reserved(arena));
	pgalloc_get_stats(&s);
	EXPECT_EQ(take_all_pages(arena, arena + 16 * mib, &inside), s.free_pages);
	EXPECT(!inside);
	EXPECT_EQ(s.free_pages, 4 * mib / PAGE_SIZE - 4 * mib / PAGE_SIZE * sizeof(struct page) /
				PAGE_SIZE);
}

TEST(interrupts_off_and_on)
{
	void *p;

	setup();
	arch_local_irq_disable();
	p = alloc_page(GFP_KERNEL);
	EXPECT_LOCKS_RELEASED(false);
	free_page(p);
	EXPECT_LOCKS_RELEASED(false);
	arch_local_irq_enable();
	EXPECT_LOCKS_RELEASED(true);
}

TEST_MAIN()
