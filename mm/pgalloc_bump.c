// SPDX-License-Identifier: MIT
/*
 * The bump page allocator.  Free memory is the list of ranges memblock
 * reports at start-up and a cursor, a range and the next free pfn in it,
 * that only moves forward.  An allocation rounds the cursor up to the
 * block's natural alignment and takes the block; when the block does not
 * fit in the current range, the cursor jumps to the first later range
 * where it does.  free_pages only counts calls: nothing is reused.
 *
 * Pages skipped for alignment, and the rest of a range the cursor leaves,
 * are lost for good.  The statistics leave them out, so free_pages always
 * says what allocations can still get.  A request that fits nowhere
 * returns NULL and moves nothing, so smaller ones may still succeed.
 *
 * No kernel dependencies beyond memblock and memset: the host tests
 * compile this file as it is.
 */
#include <tern/compiler.h>
#include <tern/memblock.h>
#include <tern/pgalloc.h>
#include <tern/string.h>

#include "pgalloc_bump.h"

const char pgalloc_name[] = "bump";

/* Each reservation splits at most one free range in two. */
#define BUMP_MAX_RANGES	(2 * CONFIG_MEMBLOCK_MAX_REGIONS)

struct bump_range {
	unsigned long start, end;	/* pfns, [start, end) */
};

static struct bump_range ranges[BUMP_MAX_RANGES];	/* ascending */
static unsigned int nr_ranges;
static unsigned int cur;		/* the range the cursor is in */
static unsigned long total_pages, free_calls;

/* What the fast path touches, together so one address reaches it all. */
static struct {
	unsigned long next;		/* the cursor: the next free pfn */
	unsigned long end;		/* ranges[cur].end */
	unsigned long alloc_calls;
} bump;

/* Pfns a pointer can reach (on rv32 RAM may end at 4 GiB). */
#define PFN_LIMIT	(((phys_addr_t)UINTPTR_MAX >> PAGE_SHIFT) + 1)

static void *pfn_to_virt(unsigned long pfn)
{
	return (void *)(uintptr_t)(pfn << PAGE_SHIFT);
}

/* The first later range that fits the block: moves the cursor there. */
static unsigned long next_range(unsigned long pages)
{
	unsigned int i;

	for (i = cur + 1; i < nr_ranges; i++) {
		unsigned long pfn = ALIGN_UP(ranges[i].start, pages);

		if (pfn + pages <= ranges[i].end) {
			cur = i;
			bump.end = ranges[i].end;
			return pfn;
		}
	}
	return 0;
}

/* alloc_pages when the block is not in the current range, or gfp has flags. */
static void *__noinline alloc_pages_slow(gfp_t gfp, unsigned long pages)
{
	unsigned long pfn = ALIGN_UP(bump.next, pages);
	void *addr;

	if (pfn + pages > bump.end) {
		pfn = next_range(pages);
		if (!pfn)
			return NULL;
	}
	bump.next = pfn + pages;
	addr = pfn_to_virt(pfn);
	if (gfp & __GFP_ZERO)
		memset(addr, 0, pages << PAGE_SHIFT);
	return addr;
}

/* The fast path is a leaf, with no stack frame to speak of: under 30 instructions. */
void *alloc_pages(gfp_t gfp, unsigned int order)
{
	unsigned long pages, pfn;

	bump.alloc_calls++;
	if (unlikely(order > PGALLOC_MAX_ORDER))
		return NULL;
	pages = 1UL << order;
	pfn = ALIGN_UP(bump.next, pages);
	if (unlikely(pfn + pages > bump.end || gfp))
		return alloc_pages_slow(gfp, pages);
	bump.next = pfn + pages;
	return pfn_to_virt(pfn);
}

void free_pages(void *addr, unsigned int order)
{
	if (addr)
		free_calls++;
}

void *pgalloc_block_start(const void *addr, unsigned int *order)
{
	return NULL;
}

/* Pages in the largest naturally aligned block that fits in [start, end). */
static unsigned long largest_block(unsigned long start, unsigned long end)
{
	unsigned int k;

	for (k = PGALLOC_MAX_ORDER; k > 0; k--)
		if (ALIGN_UP(start, 1UL << k) + (1UL << k) <= end)
			break;
	return start < end ? 1UL << k : 0;
}

void pgalloc_get_stats(struct pgalloc_stats *stats)
{
	unsigned int i;

	memset(stats, 0, sizeof(*stats));
	for (i = cur; i < nr_ranges; i++) {
		unsigned long start = i == cur ? bump.next : ranges[i].start;

		stats->free_pages += ranges[i].end - start;
		stats->largest_free_order_pages = MAX(stats->largest_free_order_pages,
						      largest_block(start, ranges[i].end));
	}
	stats->total_pages = total_pages;
	stats->alloc_calls = bump.alloc_calls;
	stats->free_calls = free_calls;
}

struct pgalloc_bump_mark pgalloc_bump_mark(void)
{
	return (struct pgalloc_bump_mark){ cur, bump.next };
}

void pgalloc_bump_rewind(struct pgalloc_bump_mark mark)
{
	if (mark.range >= nr_ranges)
		return;
	cur = mark.range;
	bump.next = mark.next;
	bump.end = ranges[cur].end;
}

static void add_range(phys_addr_t start, phys_addr_t end, void *arg)
{
	unsigned long first = MIN(ALIGN_UP(start, PAGE_SIZE) >> PAGE_SHIFT, PFN_LIMIT);
	unsigned long last = MIN(end >> PAGE_SHIFT, PFN_LIMIT);

	/* Pfn 0 means "no room" to next_range: never hand it out. */
	first = MAX(first, 1UL);
	if (first >= last || nr_ranges == BUMP_MAX_RANGES)
		return;
	ranges[nr_ranges++] = (struct bump_range){ first, last };
	total_pages += last - first;
}

void pgalloc_init(void)
{
	nr_ranges = 0;
	total_pages = 0;
	memblock_for_each_free(add_range, NULL);
	cur = 0;
	bump.next = nr_ranges ? ranges[0].start : 0;
	bump.end = nr_ranges ? ranges[0].end : 0;
}
