/* SPDX-License-Identifier: MIT */
/*
 * The binary buddy algorithm (mm/buddy.c).  It depends on nothing but
 * types, lists, string and errno, so the host tests compile it as it is;
 * mm/pgalloc_buddy.c is the kernel glue behind include/tern/pgalloc.h.
 *
 * A zone is one contiguous range of page frames [start_pfn, end_pfn)
 * with one struct page each (include/tern/mm_types.h), in an array the
 * caller provides: in the kernel, mem_map.  A block is 2^order pages,
 * aligned to its size in pfns.  Its state lives in the flags of its first
 * page: PG_buddy | order while it is on free[order], PG_head | order while
 * it is allocated; every other page of a block has flags 0.  Free lists
 * link the first pages' records (page->list).  A block's buddy is found
 * by pfn arithmetic: pfn ^ (1 << order).
 *
 * Pages the zone never gets (reserved, holes) are the caller's: their
 * flags must hold neither PG_buddy nor PG_head (PG_reserved, say), so the
 * buddy never merges with them.  Pages handed to another layer as
 * allocated order-0 blocks may carry PG_pcp instead of PG_head: the buddy
 * treats them as neither free nor a block it can find.
 *
 * Sections: pfns are cut into sections of 2^max_order pages.  A block
 * never crosses a section (a max-order block is a whole section), so a
 * block's buddy lies in its own section and coalescing never looks further.
 *
 * Virgin sections: the whole sections of each free range are not split
 * into blocks at start-up.  They form a run [next, end) from which the
 * allocator takes one section at a time once the free lists cannot serve
 * a request.  Only the first page of a virgin section has its record
 * written (PG_virgin); the others' are garbage until the section is
 * taken, and are never read: every lookup asks buddy_is_virgin first.  So
 * start-up writes the records of the partial sections at the ends of each
 * free range and one record per whole section: it does not grow with the
 * amount of free memory but by one store per section.
 */
#ifndef TERN_BUDDY_H
#define TERN_BUDDY_H

#include <tern/compiler.h>
#include <tern/list.h>
#include <tern/mm_types.h>
#include <tern/types.h>

#define BUDDY_MAX_ORDER		18	/* largest max_order a zone may have */
#define BUDDY_MAX_RUNS		8	/* runs of virgin sections per zone */

#define BUDDY_NO_PAGE		(~0UL)	/* no pfn: out of memory, no block */

/* Whole sections of a free range that were never handed out: [next, end). */
struct buddy_run {
	unsigned long next, end;
};

struct buddy_zone {
	unsigned long start_pfn, end_pfn;
	struct page *pages;		/* the record of start_pfn; the zone's follow */
	unsigned int max_order;
	unsigned int cur_run, nr_runs;	/* runs before cur_run are used up */
	struct buddy_run runs[BUDDY_MAX_RUNS];
	unsigned long ranges_end;	/* start-up only: end of the last free range */
	struct list_head free[BUDDY_MAX_ORDER + 1];	/* of first pages, by order */
	unsigned long total_pages;	/* handed in by buddy_add_free_range */
	unsigned long free_pages;	/* on the free lists or virgin */
};

/* Why buddy_free refused a block.  The caller decides whether to panic. */
enum buddy_err {
	BUDDY_OK,
	BUDDY_EOUTSIDE,		/* the page is not in this zone */
	BUDDY_EBADORDER,	/* order above the zone's max_order */
	BUDDY_EDOUBLE,		/* the page is free already: a double free */
	BUDDY_ENOTALLOC,	/* the page was never handed out (reserved, virgin) */
	BUDDY_EINTERIOR,	/* inside an allocated block, not its first page */
	BUDDY_EORDER,		/* an allocated block, but of another order */
};

/* A short description: "double free", "wrong order" ... */
const char *buddy_strerror(enum buddy_err err);

/*
 * Sets up an empty zone over pages, the records of [start_pfn, end_pfn)
 * (they need not be initialised).  -EINVAL for an empty range or a bad
 * max_order.
 */
int buddy_init_zone(struct buddy_zone *z, unsigned long start_pfn, unsigned long end_pfn,
		    struct page *pages, unsigned int max_order);

/*
 * Hands the free pages [start_pfn, end_pfn) to the zone.  Ranges must lie
 * inside the zone and come in ascending order, each separated from the
 * next by at least one page the zone never gets; -EINVAL otherwise.
 */
int buddy_add_free_range(struct buddy_zone *z, unsigned long start_pfn, unsigned long end_pfn);

/*
 * After start-up: gives the zone [start_pfn, end_pfn), pages it never
 * had (reserved at boot, now unused: the initrd), merged with free
 * buddies.  -EINVAL unless the range is non-empty and inside the zone.
 * The caller promises nobody uses those pages and the zone never had
 * them; they are not in a virgin section (which holds only free pages).
 */
int buddy_give_range(struct buddy_zone *z, unsigned long start_pfn, unsigned long end_pfn);

static inline bool buddy_zone_contains(const struct buddy_zone *z, unsigned long pfn)
{
	return pfn - z->start_pfn < z->end_pfn - z->start_pfn;
}

/* The record of a pfn of the zone. */
static inline struct page *buddy_page(const struct buddy_zone *z, unsigned long pfn)
{
	return z->pages + (pfn - z->start_pfn);
}

static inline unsigned long buddy_pfn(const struct buddy_zone *z, const struct page *page)
{
	return (unsigned long)(page - z->pages) + z->start_pfn;
}

/*
 * Is pfn (in the zone) in a section no allocation has touched yet?  Then
 * its record is garbage.  A virgin section lies wholly inside the zone, so
 * a section that starts below it is not one.
 */
static inline bool buddy_is_virgin(const struct buddy_zone *z, unsigned long pfn)
{
	unsigned long head = pfn & ~((1UL << z->max_order) - 1);

	return head >= z->start_pfn && (page_flags(buddy_page(z, head)) & PG_virgin);
}

/* The first pfn of a free block of 2^order pages, or BUDDY_NO_PAGE. */
unsigned long buddy_alloc(struct buddy_zone *z, unsigned int order);

/*
 * Returns a block from buddy_alloc, coalescing it with free buddies.  A
 * block that fails buddy_check_free is refused and nothing changes.
 */
enum buddy_err buddy_free(struct buddy_zone *z, unsigned long pfn, unsigned int order);
enum buddy_err buddy_check_free(const struct buddy_zone *z, unsigned long pfn,
				unsigned int order);

/*
 * The allocated block that contains pfn: its first pfn, its order in
 * *order; BUDDY_NO_PAGE when pfn is free, reserved or outside the zone.
 */
unsigned long buddy_block_start(const struct buddy_zone *z, unsigned long pfn,
				unsigned int *order);

/* Order of the largest free block, or -1 when nothing is free. */
int buddy_largest_free_order(const struct buddy_zone *z);

/* Blocks of exactly this order on the free list (walks it: for tests). */
unsigned long buddy_count_free(const struct buddy_zone *z, unsigned int order);

/* Whole sections not handed out yet (each is one max-order free block). */
unsigned long buddy_virgin_sections(const struct buddy_zone *z);

#endif
