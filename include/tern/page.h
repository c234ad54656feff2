/* SPDX-License-Identifier: MIT */
/*
 * The page map: mem_map, one struct page (include/tern/mm_types.h) per
 * page frame of [mem_map_start_pfn, mem_map_end_pfn), one array over the
 * span of RAM (Linux's FLATMEM).  Holes in the span have records too,
 * marked reserved, so every pfn in the span is valid.  mm/page.c builds
 * it at boot, before the page allocator starts; it never changes after.
 *
 * When the span is far larger than the memory in it (RAM in distant
 * pieces), the map covers the run of regions with the most memory whose
 * span is at most PAGE_MAP_MAX_SPAN times that memory; the rest of RAM is
 * left out with a warning.  On rv32 it stops at 4 GiB, where pointers end.
 */
#ifndef TERN_PAGE_H
#define TERN_PAGE_H

#include <asm/page.h>
#include <tern/mm_types.h>
#include <tern/types.h>

#define PAGE_MAP_MAX_SPAN	2

extern struct page *mem_map;
extern unsigned long mem_map_start_pfn, mem_map_end_pfn;
/* Derived, for the conversions below: each is one or two instructions. */
extern unsigned long mem_map_pages;	/* mem_map_end_pfn - mem_map_start_pfn */
extern uintptr_t mem_map_pfn0;		/* where pfn 0's record would be */

/* Whole pages inside [start, end): the first and the end pfn. */
#define PFN_UP(addr)	((unsigned long)(((addr) + PAGE_SIZE - 1) >> PAGE_SHIFT))
#define PFN_DOWN(addr)	((unsigned long)((addr) >> PAGE_SHIFT))
#define PFN_PHYS(pfn)	((phys_addr_t)(pfn) << PAGE_SHIFT)

/* Does pfn have a struct page?  True for the holes of the span too. */
static inline bool pfn_valid(unsigned long pfn)
{
	return pfn - mem_map_start_pfn < mem_map_pages;
}

/* Only for a valid pfn. */
static inline struct page *pfn_to_page(unsigned long pfn)
{
	return (struct page *)(mem_map_pfn0 + pfn * sizeof(struct page));
}

static inline unsigned long page_to_pfn(const struct page *page)
{
	return ((uintptr_t)page - mem_map_pfn0) / sizeof(struct page);
}

/* Only for an address in the linear map whose pfn is valid. */
static inline struct page *virt_to_page(const void *addr)
{
	return pfn_to_page(virt_to_pfn(addr));
}

/* The page's address in the linear map. */
static inline void *page_address(const struct page *page)
{
	return pfn_to_virt(page_to_pfn(page));
}

/* The order of the block a PG_head or PG_buddy page starts. */
static inline unsigned int page_order(const struct page *page)
{
	return page_flags(page) & PG_ORDER;
}

/*
 * Drops a reference to an allocated block (page is its first page) and
 * frees it when that was the last: free_pages(page_address(page), order).
 */
void put_page(struct page *page);

/*
 * Boot, once, after the memory map is final and before pgalloc_init:
 * allocates mem_map with memblock_alloc and marks every page reserved
 * that memblock does not report free (reserved ranges, holes, partial
 * pages).  The records of free pages are left to the page allocator,
 * which initialises them when it first hands them out or sorts them into
 * its lists.  No memblock_alloc may follow: its pages would not be
 * marked.  Panics if the map does not fit in memory.
 */
void page_map_init(void);

#endif
