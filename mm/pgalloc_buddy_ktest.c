// SPDX-License-Identifier: MIT
/*
 * The buddy allocator's own suite.  Exact split and coalesce counts need a
 * zone nobody else touches: a private one (mm/buddy.c on a block the real
 * allocator hands out, with records of its own, not mem_map's).  The rest
 * runs on the real allocator: block lookup, fragmentation, reserved
 * memory and refused frees.
 */
#include <asm/sections.h>
#include <tern/boot.h>
#include <tern/buddy.h>
#include <tern/ktest.h>
#include <tern/memblock.h>
#include <tern/page.h>
#include <tern/pgalloc.h>
#include <tern/string.h>

/* Is a free block of this order left?  1 GiB blocks may not fit in RAM. */
static bool block_available(unsigned int order)
{
	struct pgalloc_stats s;

	pgalloc_get_stats(&s);
	return s.largest_free_order_pages >= 1UL << order;
}

/* The private zone is one section of 2^TEST_ORDER pages. */
#define TEST_ORDER	MIN(PGALLOC_MAX_ORDER, 6)
#define TEST_PAGES	(1UL << TEST_ORDER)

struct test_zone {
	struct buddy_zone z;
	struct page pages[TEST_PAGES];
	unsigned long start;	/* pfn */
	void *mem;
};

static bool test_zone_init(struct test_zone *tz)
{
	tz->mem = alloc_pages(GFP_KERNEL, TEST_ORDER);
	if (!tz->mem)
		return false;
	tz->start = virt_to_pfn(tz->mem);
	return !buddy_init_zone(&tz->z, tz->start, tz->start + TEST_PAGES, tz->pages, TEST_ORDER) &&
	       !buddy_add_free_range(&tz->z, tz->start, tz->start + TEST_PAGES);
}

static struct test_zone tz;

static void two_buddies_coalesce(struct ktest *t)
{
	unsigned long p, q, r;
	unsigned int k;

	KTEST_ASSERT(t, test_zone_init(&tz));
	KTEST_EXPECT_EQ(t, tz.z.free_pages, TEST_PAGES);
	KTEST_EXPECT_EQ(t, buddy_largest_free_order(&tz.z), TEST_ORDER);

	/* The first allocation splits the section; the second takes p's buddy. */
	p = buddy_alloc(&tz.z, 0);
	q = buddy_alloc(&tz.z, 0);
	KTEST_EXPECT_EQ(t, p, tz.start);
	KTEST_EXPECT_EQ(t, q, p ^ 1);
	KTEST_EXPECT_EQ(t, tz.z.free_pages, TEST_PAGES - 2);
	KTEST_EXPECT_EQ(t, buddy_count_free(&tz.z, 0), 0);
	for (k = 1; k < TEST_ORDER; k++)
		KTEST_EXPECT_EQ(t, buddy_count_free(&tz.z, k), 1);
	KTEST_EXPECT_EQ(t, buddy_largest_free_order(&tz.z), TEST_ORDER == 1 ? -1 : TEST_ORDER - 1);

	KTEST_EXPECT_EQ(t, buddy_free(&tz.z, p, 0), BUDDY_OK);
	KTEST_EXPECT_EQ(t, buddy_count_free(&tz.z, 0), 1);
	KTEST_EXPECT_EQ(t, buddy_free(&tz.z, q, 0), BUDDY_OK);
	/* Merged all the way back: one free section and nothing smaller. */
	KTEST_EXPECT_EQ(t, tz.z.free_pages, TEST_PAGES);
	KTEST_EXPECT_EQ(t, buddy_largest_free_order(&tz.z), TEST_ORDER);
	for (k = 0; k < TEST_ORDER; k++)
		KTEST_EXPECT_EQ(t, buddy_count_free(&tz.z, k), 0);

	/* With the neighbouring order-1 block held, the pair stops at order 1. */
	if (TEST_ORDER < 2)
		goto out;
	r = buddy_alloc(&tz.z, 1);
	p = buddy_alloc(&tz.z, 0);
	q = buddy_alloc(&tz.z, 0);
	KTEST_EXPECT_EQ(t, p, r + 2);
	KTEST_EXPECT_EQ(t, q, r + 3);
	buddy_free(&tz.z, q, 0);
	buddy_free(&tz.z, p, 0);
	KTEST_EXPECT_EQ(t, buddy_count_free(&tz.z, 0), 0);
	KTEST_EXPECT_EQ(t, buddy_count_free(&tz.z, 1), 1);
	KTEST_EXPECT_EQ(t, buddy_alloc(&tz.z, 1), p);
out:
	free_pages(tz.mem, TEST_ORDER);
}

static void fragmentation_private_zone(struct ktest *t)
{
	unsigned long i;

	KTEST_ASSERT(t, test_zone_init(&tz));
	for (i = 0; i < TEST_PAGES; i++)
		KTEST_EXPECT_EQ(t, buddy_alloc(&tz.z, 0), tz.start + i);
	KTEST_EXPECT_EQ(t, buddy_alloc(&tz.z, 0), BUDDY_NO_PAGE);
	/* Every other page free: half the memory, but no two pages together. */
	for (i = 0; i < TEST_PAGES; i += 2)
		buddy_free(&tz.z, tz.start + i, 0);
	KTEST_EXPECT_EQ(t, tz.z.free_pages, TEST_PAGES / 2);
	KTEST_EXPECT_EQ(t, buddy_largest_free_order(&tz.z), 0);
	KTEST_EXPECT_EQ(t, buddy_alloc(&tz.z, 1), BUDDY_NO_PAGE);
	for (i = 1; i < TEST_PAGES; i += 2)
		buddy_free(&tz.z, tz.start + i, 0);
	KTEST_EXPECT_EQ(t, buddy_largest_free_order(&tz.z), TEST_ORDER);
	KTEST_EXPECT_EQ(t, buddy_count_free(&tz.z, TEST_ORDER), 1);
	free_pages(tz.mem, TEST_ORDER);
}

static void fragmentation_real_allocator(struct ktest *t)
{
	static void *pages[512];
	struct pgalloc_stats start, s;
	unsigned int i;

	pgalloc_get_stats(&start);
	for (i = 0; i < ARRAY_SIZE(pages); i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		KTEST_ASSERT(t, pages[i] != NULL);
	}
	for (i = 0; i < ARRAY_SIZE(pages); i += 2)
		free_page(pages[i]);
	pgalloc_get_stats(&s);
	KTEST_EXPECT_EQ(t, s.free_pages, start.free_pages - ARRAY_SIZE(pages) / 2);
	for (i = 0; i < ARRAY_SIZE(pages); i++)
		KTEST_EXPECT(t, pgalloc_block_start(pages[i], NULL) == (i % 2 ? pages[i] : NULL));
	for (i = 1; i < ARRAY_SIZE(pages); i += 2)
		free_page(pages[i]);
	pgalloc_get_stats(&s);
	KTEST_EXPECT_EQ(t, s.free_pages, start.free_pages);
	KTEST_EXPECT_EQ(t, s.largest_free_order_pages, start.largest_free_order_pages);
}

/* Checks pgalloc_block_start on one page of block p (order k), at a byte offset. */
static void expect_block(struct ktest *t, u8 *p, unsigned int k, unsigned long page)
{
	unsigned int order = 99;

	KTEST_EXPECT(t, pgalloc_block_start(p + page * PAGE_SIZE + page % PAGE_SIZE, &order) == p);
	KTEST_EXPECT_EQ(t, order, k);
}

static void block_start_on_interior_pages(struct ktest *t)
{
	u8 *blocks[PGALLOC_MAX_ORDER + 1];
	unsigned int k, order;
	unsigned long i, n;
	void *after;

	for (k = 0; k <= PGALLOC_MAX_ORDER; k++) {
		bool available = block_available(k);

		blocks[k] = alloc_pages(GFP_KERNEL, k);
		KTEST_EXPECT_EQ(t, blocks[k] != NULL, available);
	}
	for (k = 0; k <= PGALLOC_MAX_ORDER; k++) {
		if (!blocks[k])
			continue;
		n = 1UL << k;
		if (k <= 5) {
			for (i = 0; i < n; i++)
				expect_block(t, blocks[k], k, i);
		} else {
			expect_block(t, blocks[k], k, 0);
			expect_block(t, blocks[k], k, 1);
			expect_block(t, blocks[k], k, n / 2 - 1);
			expect_block(t, blocks[k], k, n / 2);
			expect_block(t, blocks[k], k, n - 1);
		}
		/* The page after the block belongs to something else (or is 0 past 4 GiB). */
		after = (void *)((uintptr_t)blocks[k] + (PAGE_SIZE << k));
		KTEST_EXPECT(t, pgalloc_block_start(after, &order) != blocks[k]);
	}
	for (k = 0; k <= PGALLOC_MAX_ORDER; k++) {
		if (!blocks[k])
			continue;
		free_pages(blocks[k], k);
		KTEST_EXPECT(t, pgalloc_block_start(blocks[k], &order) == NULL);
		KTEST_EXPECT(t, !pgalloc_block_start(blocks[k] + (PAGE_SIZE << k) - 1, &order));
	}
}

static bool overlaps_reserved(const u8 *p, unsigned long size)
{
	unsigned int i;

	for (i = 0; i < memblock_reserved.count; i++) {
		const struct memblock_region *r = &memblock_reserved.regions[i];

		if (__pa(p) < r->base + r->size && r->base < __pa(p) + size)
			return true;
	}
	return false;
}

static void reserved_memory_is_left_alone(struct ktest *t)
{
	static void *pages[256];
	bool map_reserved = false;
	unsigned int i, order;
	void *big;

	for (i = 0; i < memblock_reserved.count; i++) {
		const struct memblock_region *r = &memblock_reserved.regions[i];

		map_reserved |= !strcmp(r->name, "mem_map");
		if (pfn_is_linear(PFN_DOWN(r->base)) &&
		    pfn_is_linear(PFN_DOWN(r->base + r->size - 1))) {
			KTEST_EXPECT(t, !pgalloc_block_start(__va(r->base), &order));
			KTEST_EXPECT(t, !pgalloc_block_start(__va(r->base + r->size - 1), &order));
		}
	}
	KTEST_EXPECT(t, map_reserved);
	for (i = 0; i < ARRAY_SIZE(pages); i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		KTEST_ASSERT(t, pages[i] != NULL);
		KTEST_EXPECT(t, !overlaps_reserved(pages[i], PAGE_SIZE));
	}
	for (order = PGALLOC_MAX_ORDER; order > 0 && !block_available(order); order--)
		;
	big = alloc_pages(GFP_KERNEL, order);
	KTEST_EXPECT(t, big && !overlaps_reserved(big, PAGE_SIZE << order));
	free_pages(big, order);
	for (i = 0; i < ARRAY_SIZE(pages); i++)
		free_page(pages[i]);
}

/*
 * Without DEBUG_PAGEALLOC a bad free is refused with an error message and
 * leaves the free lists alone.  With it the kernel panics, so this case
 * only checks that the option is what it expects ('make test' boots
 * crashtest=free_page_twice for the panic).
 */
static void bad_frees_are_refused(struct ktest *t)
{
	struct pgalloc_stats before, after;
	u8 *p, *q, *r;

	if (IS_ENABLED(CONFIG_DEBUG_PAGEALLOC))
		return;
	p = alloc_pages(GFP_KERNEL, 1);
	KTEST_ASSERT(t, p != NULL);
	free_pages(p, 1);
	pgalloc_get_stats(&before);
	free_pages(p, 1);				/* double free */
	free_page((void *)ALIGN_DOWN((uintptr_t)_start, PAGE_SIZE));	/* reserved */
	p = alloc_pages(GFP_KERNEL, 1);
	KTEST_ASSERT(t, p != NULL);
	free_pages(p, 0);				/* wrong order */
	free_page(p + PAGE_SIZE);			/* not the first page */
	free_page(p + 8);				/* not a page boundary */
	free_pages(p, PGALLOC_MAX_ORDER + 1);
	free_pages(p, 1);
	pgalloc_get_stats(&after);
	KTEST_EXPECT_EQ(t, after.free_pages, before.free_pages);
	/* Nothing was inserted twice: two allocations get two blocks. */
	q = alloc_pages(GFP_KERNEL, 1);
	r = alloc_pages(GFP_KERNEL, 1);
	KTEST_EXPECT(t, q && r && q != r);
	free_pages(q, 1);
	free_pages(r, 1);
}

KTEST_SUITE(buddy,
	    KTEST_CASE(two_buddies_coalesce),
	    KTEST_CASE(fragmentation_private_zone),
	    KTEST_CASE(fragmentation_real_allocator),
	    KTEST_CASE(block_start_on_interior_pages),
	    KTEST_CASE(reserved_memory_is_left_alone),
	    KTEST_CASE(bad_frees_are_refused));
