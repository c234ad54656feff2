// SPDX-License-Identifier: MIT
/*
 * The page allocator's contract (include/tern/pgalloc.h), checked on
 * whichever implementation is linked.  Where bump and buddy are meant to
 * differ (free_pages reclaims, blocks are tracked) each case says which
 * it expects, by IS_ENABLED.
 */
#include <asm/sections.h>
#include <tern/boot.h>
#include <tern/ktest.h>
#include <tern/memblock.h>
#include <tern/pgalloc.h>
#include <tern/string.h>

#include "pgalloc_bump.h"

#define BUMP	IS_ENABLED(CONFIG_PGALLOC_BUMP)

/* Orders every allocator can serve in any RAM size; PGALLOC_MAX_ORDER may be 1. */
#define SMALL_ORDER	MIN(2, PGALLOC_MAX_ORDER)

/*
 * Is a free block of this order left?  Both allocators report the largest
 * exactly, and a large max order (1 GiB blocks) may not fit in RAM at all.
 */
static bool block_available(unsigned int order)
{
	struct pgalloc_stats s;

	pgalloc_get_stats(&s);
	return s.largest_free_order_pages >= 1UL << order;
}

/* Is [p, p + size) inside one memory region and clear of every reservation? */
static bool in_free_memory(const void *p, unsigned long size)
{
	phys_addr_t start = __pa(p), end = start + size;
	bool in_ram = false;
	unsigned int i;

	for (i = 0; i < memblock_memory.count; i++) {
		const struct memblock_region *m = &memblock_memory.regions[i];

		in_ram |= start >= m->base && end <= m->base + m->size;
	}
	for (i = 0; i < memblock_reserved.count; i++) {
		const struct memblock_region *r = &memblock_reserved.regions[i];

		if (start < r->base + r->size && r->base < end)
			return false;
	}
	return in_ram;
}

/* Ends as phys_addr_t: on rv32 a block may end at 4 GiB, which wraps to 0. */
static bool disjoint(const void *a, unsigned int order_a, const void *b, unsigned int order_b)
{
	phys_addr_t pa = __pa(a), pb = __pa(b);

	return !a || !b || pa + (PAGE_SIZE << order_a) <= pb || pb + (PAGE_SIZE << order_b) <= pa;
}

static void name_matches_the_config(struct ktest *t)
{
	KTEST_EXPECT_STREQ(t, pgalloc_name, BUMP ? "bump" : "buddy");
}

static void every_order_is_aligned_and_in_free_memory(struct ktest *t)
{
	void *blocks[PGALLOC_MAX_ORDER + 1];
	unsigned int k, j;

	for (k = 0; k <= PGALLOC_MAX_ORDER; k++) {
		unsigned long size = PAGE_SIZE << k;
		bool available = block_available(k);

		blocks[k] = alloc_pages(GFP_KERNEL, k);
		KTEST_EXPECT_EQ(t, blocks[k] != NULL, available);
		if (!blocks[k])
			continue;
		KTEST_EXPECT_EQ(t, (uintptr_t)blocks[k] & (size - 1), 0);
		KTEST_EXPECT(t, in_free_memory(blocks[k], size));
		for (j = 0; j < k; j++)
			KTEST_EXPECT(t, disjoint(blocks[k], k, blocks[j], j));
		/* All of it is ours to write. */
		memset(blocks[k], 0x5c, size);
	}
	for (k = 0; k <= PGALLOC_MAX_ORDER; k++)
		free_pages(blocks[k], k);	/* NULL does nothing */
}

static void zeroed_on_request(struct ktest *t)
{
	unsigned long size = PAGE_SIZE << SMALL_ORDER, i, nonzero = 0;
	u8 *p = alloc_pages(GFP_KERNEL, SMALL_ORDER);

	KTEST_ASSERT(t, p != NULL);
	memset(p, 0xa5, size);
	free_pages(p, SMALL_ORDER);
	p = alloc_pages(__GFP_ZERO, SMALL_ORDER);
	KTEST_ASSERT(t, p != NULL);
	for (i = 0; i < size; i++)
		nonzero += p[i] != 0;
	KTEST_EXPECT_EQ(t, nonzero, 0);
	free_pages(p, SMALL_ORDER);
}

static void too_large_an_order_fails(struct ktest *t)
{
	struct pgalloc_stats before, after;

	pgalloc_get_stats(&before);
	KTEST_EXPECT(t, alloc_pages(GFP_KERNEL, PGALLOC_MAX_ORDER + 1) == NULL);
	KTEST_EXPECT(t, alloc_pages(GFP_KERNEL, 63) == NULL);
	pgalloc_get_stats(&after);
	KTEST_EXPECT_EQ(t, after.free_pages, before.free_pages);
}

static void stats_describe_memory(struct ktest *t)
{
	struct pgalloc_stats s;

	pgalloc_get_stats(&s);
	/* All free memory, less partial pages at the edges of reservations. */
	KTEST_EXPECT_LE(t, s.total_pages, memblock_total_memory() >> PAGE_SHIFT);
	KTEST_EXPECT_GE(t, s.total_pages + 2 * memblock_reserved.count,
			memblock_free_memory() >> PAGE_SHIFT);
	KTEST_EXPECT_LE(t, s.free_pages, s.total_pages);
	KTEST_EXPECT_GT(t, s.free_pages, 0);
	KTEST_EXPECT_LE(t, s.largest_free_order_pages, 1UL << PGALLOC_MAX_ORDER);
	KTEST_EXPECT_LE(t, s.largest_free_order_pages, s.free_pages);
}

static void counters_follow_alloc_and_free(struct ktest *t)
{
	struct pgalloc_stats s0, s1, s2;
	void *p;

	pgalloc_get_stats(&s0);
	p = alloc_pages(GFP_KERNEL, SMALL_ORDER);
	KTEST_ASSERT(t, p != NULL);
	pgalloc_get_stats(&s1);
	KTEST_EXPECT_EQ(t, s1.alloc_calls, s0.alloc_calls + 1);
	if (BUMP)	/* pages skipped for alignment are gone too */
		KTEST_EXPECT_LE(t, s1.free_pages, s0.free_pages - (1UL << SMALL_ORDER));
	else
		KTEST_EXPECT_EQ(t, s1.free_pages, s0.free_pages - (1UL << SMALL_ORDER));
	free_pages(p, SMALL_ORDER);
	pgalloc_get_stats(&s2);
	KTEST_EXPECT_EQ(t, s2.free_calls, s1.free_calls + 1);
	KTEST_EXPECT_EQ(t, s2.total_pages, s0.total_pages);
	if (BUMP)	/* free_pages only counts: nothing comes back */
		KTEST_EXPECT_EQ(t, s2.free_pages, s1.free_pages);
	else
		KTEST_EXPECT_EQ(t, s2.free_pages, s0.free_pages);
}

static void block_start_follows_the_config(struct ktest *t)
{
	unsigned long last = (1UL << SMALL_ORDER) - 1;
	unsigned int order = 99;
	u8 *p = alloc_pages(GFP_KERNEL, SMALL_ORDER);

	KTEST_ASSERT(t, p != NULL);
	if (BUMP) {	/* bump tracks no blocks */
		KTEST_EXPECT(t, pgalloc_block_start(p, &order) == NULL);
	} else {
		KTEST_EXPECT(t, pgalloc_block_start(p + last * PAGE_SIZE + 5, &order) == p);
		KTEST_EXPECT_EQ(t, order, SMALL_ORDER);
	}
	KTEST_EXPECT(t, pgalloc_block_start(_start, &order) == NULL);
	KTEST_EXPECT(t, pgalloc_block_start(boot_fdt.blob, &order) == NULL);
	free_pages(p, SMALL_ORDER);
	KTEST_EXPECT(t, pgalloc_block_start(p, &order) == NULL);
}

/*
 * Takes every page, largest blocks first so it is quick, chaining the
 * blocks through their first words; returns the pages taken.
 */
struct held_block {
	struct held_block *next;
	unsigned int order;
};

static unsigned long take_everything(struct ktest *t, struct held_block **list,
				     unsigned long limit)
{
	unsigned long pages = 0, calls = 0;
	int order;

	for (order = PGALLOC_MAX_ORDER; order >= 0; order--) {
		struct held_block *b;

		while (calls++ <= limit && (b = alloc_pages(GFP_KERNEL, order)) != NULL) {
			b->next = *list;
			b->order = order;
			*list = b;
			pages += 1UL << order;
		}
	}
	KTEST_EXPECT_LE(t, calls, limit);
	return pages;
}

static void out_of_memory_returns_null(struct ktest *t)
{
	struct pgalloc_bump_mark mark = { 0, 0 };
	struct held_block *list = NULL;
	struct pgalloc_stats start, s;
	unsigned long taken;
	unsigned int k;
	void *p;

	if (BUMP)
		mark = pgalloc_bump_mark();
	pgalloc_get_stats(&start);
	taken = take_everything(t, &list, start.total_pages + PGALLOC_MAX_ORDER + 2);
	pgalloc_get_stats(&s);
	KTEST_EXPECT_EQ(t, s.free_pages, 0);
	KTEST_EXPECT_EQ(t, s.largest_free_order_pages, 0);
	KTEST_EXPECT_LE(t, taken, start.free_pages);
	if (!BUMP)
		KTEST_EXPECT_EQ(t, taken, start.free_pages);
	for (k = 0; k <= PGALLOC_MAX_ORDER; k++)
		KTEST_EXPECT(t, alloc_pages(__GFP_ZERO, k) == NULL);

	/* Still running and consistent: give it all back. */
	while (list) {
		struct held_block *b = list;

		list = b->next;
		free_pages(b, b->order);
	}
	pgalloc_get_stats(&s);
	if (BUMP) {
		/* Nothing came back; the test hook undoes it for the suites that follow. */
		KTEST_EXPECT_EQ(t, s.free_pages, 0);
		pgalloc_bump_rewind(mark);
		pgalloc_get_stats(&s);
	}
	KTEST_EXPECT_EQ(t, s.free_pages, start.free_pages);
	KTEST_EXPECT_EQ(t, s.largest_free_order_pages, start.largest_free_order_pages);
	/* The largest block is there again (a MAX_ORDER one, unless RAM is too small). */
	for (k = PGALLOC_MAX_ORDER; k > 0 && !block_available(k); k--)
		;
	KTEST_EXPECT_EQ(t, 1UL << k, start.largest_free_order_pages);
	p = alloc_pages(GFP_KERNEL, k);
	KTEST_EXPECT(t, p != NULL);
	free_pages(p, k);
}

KTEST_SUITE(pgalloc,
	    KTEST_CASE(name_matches_the_config),
	    KTEST_CASE(every_order_is_aligned_and_in_free_memory),
	    KTEST_CASE(zeroed_on_request),
	    KTEST_CASE(too_large_an_order_fails),
	    KTEST_CASE(stats_describe_memory),
	    KTEST_CASE(counters_follow_alloc_and_free),
	    KTEST_CASE(block_start_follows_the_config),
	    KTEST_CASE(out_of_memory_returns_null));
