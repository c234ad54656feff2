// SPDX-License-Identifier: MIT
/*
 * The page map (mm/page.c) and struct page, on whichever page allocator
 * is linked: address conversions, the records of reserved memory, and
 * reference counts through get_page/put_page/free_pages.
 */
#include <asm/sections.h>
#include <tern/boot.h>
#include <tern/ktest.h>
#include <tern/memblock.h>
#include <tern/page.h>
#include <tern/pgalloc.h>
#include <tern/string.h>

#define BUMP	IS_ENABLED(CONFIG_PGALLOC_BUMP)

static void struct_page_is_small(struct ktest *t)
{
	KTEST_EXPECT_LE(t, sizeof(struct page), 32);
	/* A power of two: pfn_to_page and page_address are shifts. */
	KTEST_EXPECT_EQ(t, sizeof(struct page) & (sizeof(struct page) - 1), 0);
}

static void conversions_round_trip(struct ktest *t)
{
	unsigned long span = mem_map_end_pfn - mem_map_start_pfn;
	unsigned long pfns[] = { mem_map_start_pfn, mem_map_start_pfn + 1,
				 mem_map_start_pfn + span / 2, mem_map_end_pfn - 1 };
	unsigned int i;

	KTEST_ASSERT(t, span > 1);
	for (i = 0; i < ARRAY_SIZE(pfns); i++) {
		unsigned long pfn = pfns[i];
		struct page *page = pfn_to_page(pfn);
		void *va = pfn_to_virt(pfn);

		KTEST_EXPECT(t, pfn_valid(pfn));
		KTEST_EXPECT_EQ(t, page_to_pfn(page), pfn);
		KTEST_EXPECT(t, page_address(page) == va);
		KTEST_EXPECT(t, virt_to_page(va) == page);
		KTEST_EXPECT(t, virt_to_page((char *)va + PAGE_SIZE - 1) == page);
		KTEST_EXPECT_EQ(t, virt_to_pfn(va), pfn);
		KTEST_EXPECT_EQ(t, __pa(va), PFN_PHYS(pfn));
		KTEST_EXPECT(t, __va(PFN_PHYS(pfn)) == va);
	}
	KTEST_EXPECT(t, !pfn_valid(mem_map_start_pfn - 1));
	KTEST_EXPECT(t, !pfn_valid(mem_map_end_pfn));
	KTEST_EXPECT_EQ(t, virt_to_pfn(_start), __pa(_start) >> PAGE_SHIFT);
	/* Paging off: the linear map is the identity. */
	if (PAGE_OFFSET == PHYS_RAM_BASE)
		KTEST_EXPECT_EQ(t, __pa(_start), (uintptr_t)_start);
}

/* Every memory region is in the map, or memblock says why not. */
static void map_covers_memory(struct ktest *t)
{
	unsigned int i;

	for (i = 0; i < memblock_memory.count; i++) {
		const struct memblock_region *m = &memblock_memory.regions[i];
		unsigned long first = PFN_UP(m->base), last = PFN_DOWN(m->base + m->size);

		if (!pfn_is_linear(first) || !pfn_is_linear(last - 1) || first >= last)
			continue;	/* the linear map's end: left out */
		if (pfn_valid(first) && pfn_valid(last - 1))
			continue;
		KTEST_EXPECT(t, memblock_is_reserved(PFN_PHYS(pfn_valid(first) ? last - 1 : first)));
	}
}

/* If the map has the page: the DTB may lie outside RAM. */
static void expect_reserved_pfn(struct ktest *t, unsigned long pfn)
{
	struct page *page;

	if (!pfn_valid(pfn))
		return;
	page = pfn_to_page(pfn);
	KTEST_EXPECT_EQ(t, page_flags(page), PG_reserved);
	KTEST_EXPECT_EQ(t, page_ref_count(page), 1);
}

static void reserved_memory_has_reserved_records(struct ktest *t)
{
	unsigned int i;

	expect_reserved_pfn(t, virt_to_pfn(_start));
	expect_reserved_pfn(t, PFN_DOWN(__pa(_end) - 1));
	expect_reserved_pfn(t, PFN_DOWN(boot_dtb_address));
	expect_reserved_pfn(t, virt_to_pfn(mem_map));
	expect_reserved_pfn(t, virt_to_pfn(mem_map + (mem_map_end_pfn - mem_map_start_pfn) - 1));
	for (i = 0; i < memblock_reserved.count; i++) {
		const struct memblock_region *r = &memblock_reserved.regions[i];
		unsigned long first = PFN_DOWN(r->base), last = PFN_DOWN(r->base + r->size - 1);

		/* Every page it touches, first and last, if the map has them. */
		if (pfn_valid(first))
			KTEST_EXPECT_EQ(t, page_flags(pfn_to_page(first)), PG_reserved);
		if (pfn_valid(last))
			KTEST_EXPECT_EQ(t, page_flags(pfn_to_page(last)), PG_reserved);
	}
}

static void records_of_allocated_blocks(struct ktest *t)
{
	unsigned int order = MIN(2, PGALLOC_MAX_ORDER);
	struct page *page;
	u8 *p = alloc_pages(GFP_KERNEL, order);
	unsigned long i;

	KTEST_ASSERT(t, p != NULL);
	page = virt_to_page(p);
	KTEST_EXPECT_EQ(t, page_flags(page), PG_head | order);
	KTEST_EXPECT_EQ(t, page_order(page), order);
	KTEST_EXPECT_EQ(t, page_ref_count(page), 1);
	for (i = 1; i < 1UL << order; i++) {
		KTEST_EXPECT_EQ(t, page_flags(page + i), 0);
		KTEST_EXPECT_EQ(t, page_ref_count(page + i), 0);
	}
	free_pages(p, order);
	KTEST_EXPECT_EQ(t, page_ref_count(page), 0);
	if (!BUMP)	/* freed: no longer a head */
		KTEST_EXPECT_NE(t, page_flags(page), PG_head | order);
}

/* A block stays allocated while a reference is left, whoever drops the others. */
static void references_keep_a_block(struct ktest *t)
{
	struct pgalloc_stats s0, s1, s2;
	struct page *page;
	void *p;

	pgalloc_get_stats(&s0);
	p = alloc_page(GFP_KERNEL);
	KTEST_ASSERT(t, p != NULL);
	page = virt_to_page(p);
	get_page(page);
	get_page(page);
	KTEST_EXPECT_EQ(t, page_ref_count(page), 3);
	free_page(p);
	put_page(page);
	KTEST_EXPECT_EQ(t, page_ref_count(page), 1);
	pgalloc_get_stats(&s1);
	KTEST_EXPECT_EQ(t, s1.free_calls, s0.free_calls + 2);
	if (!BUMP) {
		KTEST_EXPECT(t, pgalloc_block_start(p, NULL) == p);
		KTEST_EXPECT_EQ(t, s1.free_pages, s0.free_pages - 1);
	}
	memset(p, 0x3c, PAGE_SIZE);	/* still ours */
	put_page(page);
	KTEST_EXPECT_EQ(t, page_ref_count(page), 0);
	pgalloc_get_stats(&s2);
	KTEST_EXPECT_EQ(t, s2.free_calls, s0.free_calls + 3);
	if (!BUMP) {
		KTEST_EXPECT(t, pgalloc_block_start(p, NULL) == NULL);
		KTEST_EXPECT_EQ(t, s2.free_pages, s0.free_pages);
	}
}

KTEST_SUITE(page,
	    KTEST_CASE(struct_page_is_small),
	    KTEST_CASE(conversions_round_trip),
	    KTEST_CASE(map_covers_memory),
	    KTEST_CASE(reserved_memory_has_reserved_records),
	    KTEST_CASE(records_of_allocated_blocks),
	    KTEST_CASE(references_keep_a_block));
