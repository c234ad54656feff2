// SPDX-License-Identifier: MIT
/*
 * Host tests of the bump page allocator: mm/pgalloc_bump.c as it is, with
 * memblock_for_each_free replaced by free ranges in a malloc'd arena and
 * a page map of the test's own over it (mm/page.c's globals).  Every call
 * must leave bump_lock released and interrupts as they were.
 * test_mm_threads.c runs it from several threads, with the real page map.
 */
#include "harness.h"
#include <stdint.h>

#include "irqflags_host.h"
#include "rename.h"
#include <tern/compiler.h>
#include <tern/memblock.h>
#include <tern/page.h>
#include <tern/pgalloc.h>
#include <tern/string.h>

#include "../mm/pgalloc_bump.h"

#define ARENA_PAGES	(6 * 1024)
#define MAX_BLOCK	(1UL << PGALLOC_MAX_ORDER)

struct range {
	phys_addr_t start, end;
};

static struct range fake_ranges[8];
static int nr_fake_ranges;

int memblock_for_each_free(void (*fn)(phys_addr_t start, phys_addr_t end, void *arg), void *arg)
{
	int i;

	for (i = 0; i < nr_fake_ranges; i++)
		fn(fake_ranges[i].start, fake_ranges[i].end, arg);
	return nr_fake_ranges;
}

static u8 *arena_mem;
static uintptr_t arena;		/* aligned to the largest block */
static u8 owner[ARENA_PAGES];	/* 1: allocated (the model) */

/* The page map over the arena, as mm/page.c would make it. */
struct page *mem_map;
unsigned long mem_map_start_pfn, mem_map_end_pfn, mem_map_pages;
uintptr_t mem_map_pfn0;

static void page_map_over_arena(void)
{
	static struct page *records;

	if (!records)
		records = aligned_alloc(__alignof__(struct page), ARENA_PAGES * sizeof(*records));
	/* Garbage, as the records of free pages are until they are handed out. */
	memset(records, 0xa7, ARENA_PAGES * sizeof(*records));
	mem_map = records;
	mem_map_start_pfn = arena / PAGE_SIZE;
	mem_map_end_pfn = mem_map_start_pfn + ARENA_PAGES;
	mem_map_pages = ARENA_PAGES;
	mem_map_pfn0 = (uintptr_t)mem_map - mem_map_start_pfn * sizeof(struct page);
}

/*
 * Free ranges, in pages from the arena's start (fractions of a page at the
 * ends are not whole pages and must not be used): the first is too small
 * for a max-order block, the second unaligned at both ends.
 */
static void setup(void)
{
	static const struct range pages[] = {
		{ 3, 200 }, { 1030, 4000 }, { 4100, 4101 }, { 4500, ARENA_PAGES },
	};
	int i;

	if (!arena_mem)
		arena_mem = malloc((ARENA_PAGES + MAX_BLOCK) * PAGE_SIZE);
	arena = ALIGN_UP((uintptr_t)arena_mem, MAX_BLOCK * PAGE_SIZE);
	nr_fake_ranges = ARRAY_SIZE(pages);
	for (i = 0; i < nr_fake_ranges; i++) {
		fake_ranges[i].start = arena + pages[i].start * PAGE_SIZE - (i == 1 ? 100 : 0);
		fake_ranges[i].end = arena + pages[i].end * PAGE_SIZE + (i == 1 ? 100 : 0);
	}
	memset(owner, 0, sizeof(owner));
	page_map_over_arena();
	pgalloc_init();
}

static bool in_free_range(uintptr_t p, unsigned long size)
{
	int i;

	for (i = 0; i < nr_fake_ranges; i++)
		if (p >= ALIGN_UP(fake_ranges[i].start, PAGE_SIZE) &&
		    p + size <= ALIGN_DOWN(fake_ranges[i].end, PAGE_SIZE))
			return true;
	return false;
}

/* Allocates and checks against the model; NULL when out of memory. */
static void *checked_alloc(unsigned int order)
{
	struct pgalloc_stats before, after;
	unsigned long size = PAGE_SIZE << order, i;
	void *p;

	pgalloc_get_stats(&before);
	p = alloc_pages(GFP_KERNEL, order);
	EXPECT_LOCKS_RELEASED(true);
	pgalloc_get_stats(&after);
	EXPECT_EQ(after.alloc_calls, before.alloc_calls + 1);
	if (!p) {
		EXPECT_EQ(after.free_pages, before.free_pages);
		EXPECT(before.largest_free_order_pages < 1UL << order);
		return NULL;
	}
	EXPECT((uintptr_t)p % size == 0);
	EXPECT(in_free_range((uintptr_t)p, size));
	EXPECT(after.free_pages + (1UL << order) <= before.free_pages);
	for (i = 0; i < 1UL << order; i++) {
		unsigned long page = ((uintptr_t)p - arena) / PAGE_SIZE + i;

		if (owner[page])
			FAIL("page %lu handed out twice", page);
		owner[page] = 1;
		/* The records: the first page heads the block and holds its reference. */
		EXPECT_EQ(page_flags(&mem_map[page]), i ? 0 : PG_head | order);
		EXPECT_EQ(page_ref_count(&mem_map[page]), i ? 0 : 1);
	}
	return p;
}

TEST(every_order_aligned_disjoint_inside_free_ranges)
{
	unsigned int k;

	setup();
	for (k = 0; k <= PGALLOC_MAX_ORDER; k++)
		EXPECT(checked_alloc(k) != NULL);
	for (k = PGALLOC_MAX_ORDER; k > 0; k--)
		EXPECT(checked_alloc(k - 1) != NULL);
	EXPECT(alloc_pages(GFP_KERNEL, PGALLOC_MAX_ORDER + 1) == NULL);
	EXPECT(alloc_pages(GFP_KERNEL, 40) == NULL);
}

TEST(free_only_counts)
{
	struct pgalloc_stats before, after;
	void *p;

	setup();
	p = checked_alloc(2);
	pgalloc_get_stats(&before);
	get_page(virt_to_page(p));
	free_pages(p, 2);
	EXPECT_EQ(page_ref_count(virt_to_page(p)), 1);
	put_page(virt_to_page(p));
	EXPECT_EQ(page_ref_count(virt_to_page(p)), 0);
	free_pages(NULL, 0);
	pgalloc_get_stats(&after);
	EXPECT_EQ(after.free_pages, before.free_pages);
	EXPECT_EQ(after.free_calls, before.free_calls + 2);
	EXPECT(checked_alloc(2) != p);
	EXPECT(pgalloc_block_start(p, NULL) == NULL);
}

TEST(stats_at_start)
{
	struct pgalloc_stats s;

	setup();
	pgalloc_get_stats(&s);
	/* The second range loses its partial pages at both ends. */
	EXPECT_EQ(s.total_pages, 197 + 2970 + 1 + (ARENA_PAGES - 4500));
	EXPECT_EQ(s.free_pages, s.total_pages);
	EXPECT_EQ(s.largest_free_order_pages, MAX_BLOCK);
}

TEST(zeroed_on_request)
{
	unsigned long i;
	u8 *p;
	bool zero = true;

	setup();
	memset((void *)arena, 0x77, ARENA_PAGES * PAGE_SIZE);
	p = alloc_pages(__GFP_ZERO, 3);
	ASSERT(p != NULL);
	for (i = 0; i < 8 * PAGE_SIZE; i++)
		zero &= p[i] == 0;
	EXPECT(zero);
}

TEST(large_block_skips_to_a_range_that_fits)
{
	struct pgalloc_stats s;
	u8 *small, *big, *after;

	setup();
	small = checked_alloc(0);
	EXPECT((uintptr_t)small == arena + 3 * PAGE_SIZE);
	/* 197 pages in the first range: an order-8 block must come from the second. */
	big = checked_alloc(8);
	EXPECT((uintptr_t)big == arena + 1280 * PAGE_SIZE);
	/* The rest of the first range and the pages skipped for alignment are gone. */
	pgalloc_get_stats(&s);
	EXPECT_EQ(s.free_pages, (4000 - 1280 - 256) + 1 + (ARENA_PAGES - 4500));
	after = checked_alloc(0);
	EXPECT(after == big + 256 * PAGE_SIZE);
}

TEST(out_of_memory_then_rewind)
{
	struct pgalloc_bump_mark mark;
	struct pgalloc_stats start, s;
	unsigned long got = 0;
	int order;
	void *p;

	setup();
	checked_alloc(0);
	mark = pgalloc_bump_mark();
	pgalloc_get_stats(&start);
	/* Largest orders first, so it is quick; each failure leaves the rest usable. */
	for (order = PGALLOC_MAX_ORDER; order >= 0; order--)
		while ((p = checked_alloc(order)) != NULL)
			got += 1UL << order;
	pgalloc_get_stats(&s);
	EXPECT_EQ(s.free_pages, 0);
	EXPECT_EQ(s.largest_free_order_pages, 0);
	EXPECT(got <= start.free_pages);
	for (order = 0; order <= PGALLOC_MAX_ORDER; order++)
		EXPECT(alloc_pages(GFP_KERNEL, order) == NULL);

	pgalloc_bump_rewind(mark);
	memset(owner, 0, sizeof(owner));
	pgalloc_get_stats(&s);
	EXPECT_EQ(s.free_pages, start.free_pages);
	EXPECT(checked_alloc(PGALLOC_MAX_ORDER) != NULL);
}

/*
 * Every entry point, on its fast and slow paths and when it fails, with
 * interrupts on and (as from an interrupt handler) off.
 */
TEST(every_call_releases_the_lock_and_restores_interrupts)
{
	int irqs_on;

	for (irqs_on = 1; irqs_on >= 0; irqs_on--) {
		struct pgalloc_bump_mark mark;
		struct pgalloc_stats s;
		int order;
		void *p;

		setup();
		if (!irqs_on)
			arch_local_irq_disable();
		mark = pgalloc_bump_mark();
		EXPECT_LOCKS_RELEASED(irqs_on);
		p = alloc_pages(GFP_KERNEL, 0);		/* the lock-free path */
		EXPECT(p && EXPECT_LOCKS_RELEASED(irqs_on));
		free_pages(p, 0);
		EXPECT_LOCKS_RELEASED(irqs_on);
		p = alloc_pages(__GFP_ZERO, 3);
		EXPECT(p && EXPECT_LOCKS_RELEASED(irqs_on));
		EXPECT(!alloc_pages(GFP_KERNEL, PGALLOC_MAX_ORDER + 1));
		EXPECT_LOCKS_RELEASED(irqs_on);
		/* Through every range change to out of memory, one way and the other. */
		for (order = PGALLOC_MAX_ORDER; order >= 0; order--)
			while (alloc_pages(GFP_KERNEL, order))
				if (!EXPECT_LOCKS_RELEASED(irqs_on))
					return;
		EXPECT(!alloc_pages(GFP_KERNEL, 0) && EXPECT_LOCKS_RELEASED(irqs_on));
		EXPECT(!alloc_pages(__GFP_ZERO, 2) && EXPECT_LOCKS_RELEASED(irqs_on));
		pgalloc_get_stats(&s);
		EXPECT(s.free_pages == 0 && EXPECT_LOCKS_RELEASED(irqs_on));
		EXPECT(!pgalloc_block_start(p, NULL) && EXPECT_LOCKS_RELEASED(irqs_on));
		pgalloc_bump_rewind(mark);
		EXPECT_LOCKS_RELEASED(irqs_on);
		EXPECT(alloc_pages(GFP_KERNEL, 0) && EXPECT_LOCKS_RELEASED(irqs_on));
		arch_local_irq_enable();
	}
}

/* put_page is mm/page.c's; here, as there, it is free_pages of the block. */
void put_page(struct page *page)
{
	free_pages(page_address(page), page_order(page));
}

TEST(no_memory_at_all)
{
	struct pgalloc_stats s;

	nr_fake_ranges = 0;
	pgalloc_init();
	EXPECT(alloc_pages(GFP_KERNEL, 0) == NULL);
	pgalloc_get_stats(&s);
	EXPECT_EQ(s.total_pages, 0);
	EXPECT_EQ(s.free_pages, 0);
	EXPECT_STREQ(pgalloc_name, "bump");
}

TEST_MAIN()
