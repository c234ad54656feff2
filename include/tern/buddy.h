/* SPDX-License-Identifier: MIT */
/*
 * The binary buddy algorithm (mm/buddy.c).  It depends on nothing but
 * types, string and errno, so the host tests compile it as it is;
 * mm/pgalloc_buddy.c is the kernel glue behind include/tern/pgalloc.h.
 *
 * A zone is one contiguous range of page frames [start_pfn, end_pfn).  A
 * page frame number (pfn) is a physical address >> BUDDY_PAGE_SHIFT, and
 * its memory is at pfn_to_virt(pfn) (asm/page.h): free blocks hold the
 * free-list links in their first bytes.  A block is 2^order pages, aligned to its
 * size in pfns, hence in addresses.
 *
 * Sections: pfns are cut into sections of 2^max_order pages.  A block
 * never crosses a section (a max-order block is a whole section), so a
 * block's buddy lies in its own section and coalescing never looks further.
 *
 * Tags: one byte per page of every section the zone touches (the zone
 * rounded out to sections), tags[pfn - tag_base]:
 *
 *	0			not the first page of a block: inside a
 *				block, reserved, or outside the zone
 *	BUDDY_TAG_FREE | k	first page of a free block of order k,
 *				which is on free[k]
 *	BUDDY_TAG_ALLOC | k	first page of an allocated block of order k
 *
 * Virgin sections: the whole sections of each free range are not split
 * into blocks at start-up.  They form a run [next, end) from which the
 * allocator takes one section at a time once the free lists cannot serve
 * a request; only then are its tags written.  Until that, its tags are
 * garbage and are never read: every lookup asks buddy_is_virgin first.
 * So start-up costs O(max_order) per free range plus one memset of the
 * tags of the sections that are not virgin (partly reserved or partly
 * outside the zone): it does not grow with the amount of free memory.
 */
#ifndef TERN_BUDDY_H
#define TERN_BUDDY_H

#include <tern/compiler.h>
#include <tern/types.h>

#define BUDDY_PAGE_SHIFT	12
#define BUDDY_PAGE_SIZE		(1UL << BUDDY_PAGE_SHIFT)
#define BUDDY_MAX_ORDER		18	/* largest max_order a zone may have */
#define BUDDY_MAX_RUNS		8	/* runs of virgin sections per zone */

#define BUDDY_TAG_FREE		0x40
#define BUDDY_TAG_ALLOC		0x80
#define BUDDY_TAG_ORDER		0x1f

#define BUDDY_POISON		0x5a	/* fills freed blocks when poisoning */
#define BUDDY_NO_PAGE		(~0UL)	/* no pfn: out of memory, no block */

/* Lives in the first bytes of every block on a free list. */
struct buddy_free {
	struct buddy_free *next;
	struct buddy_free **pprev;	/* the pointer that points at us */
};

/* Whole sections of a free range that were never handed out: [next, end). */
struct buddy_run {
	unsigned long next, end;
};

struct buddy_zone {
	unsigned long start_pfn, end_pfn;
	unsigned long tag_base;		/* start_pfn rounded down to a section */
	unsigned long tags_ready;	/* start-up only: tags below are written */
	unsigned long ranges_end;	/* start-up only: end of the last free range */
	u8 *tags;
	unsigned int max_order;
	bool poison;			/* fill freed blocks with BUDDY_POISON */
	unsigned int cur_run, nr_runs;	/* runs before cur_run are used up */
	struct buddy_run runs[BUDDY_MAX_RUNS];
	struct buddy_free *free[BUDDY_MAX_ORDER + 1];
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

/* Bytes of tags a zone of [start_pfn, end_pfn) needs. */
unsigned long buddy_tags_size(unsigned long start_pfn, unsigned long end_pfn,
			      unsigned int max_order);

/*
 * Sets up an empty zone; tags must hold buddy_tags_size() bytes (they need
 * not be initialised).  -EINVAL for an empty range or a bad max_order.
 */
int buddy_init_zone(struct buddy_zone *z, unsigned long start_pfn, unsigned long end_pfn,
		    u8 *tags, unsigned int max_order, bool poison);

/*
 * Hands the free pages [start_pfn, end_pfn) to the zone.  Ranges must lie
 * inside the zone and come in ascending order without overlap; -EINVAL
 * otherwise.  Then buddy_finish_init, once, before any other call.
 */
int buddy_add_free_range(struct buddy_zone *z, unsigned long start_pfn, unsigned long end_pfn);
void buddy_finish_init(struct buddy_zone *z);

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

static inline bool buddy_zone_contains(const struct buddy_zone *z, unsigned long pfn)
{
	return pfn - z->start_pfn < z->end_pfn - z->start_pfn;
}

#endif
