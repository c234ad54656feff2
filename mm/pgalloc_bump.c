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
 * struct pages: a block's records are written when it is handed out
 * (PG_head | order and a reference count of 1 on the first page, 0 on the
 * others); the records of pages not handed out yet are not initialised.
 * free_pages drops a reference and counts the call; the block is not
 * reused whatever the count.  Nothing is checked: the allocator tracks no
 * blocks.
 *
 * Locking.  Any hart, and interrupt handlers, may allocate.  Within the
 * current range the cursor (bump.next) only moves by compare-and-swap, so
 * allocating takes no lock: a single page is a load, a compare and a CAS.
 * bump_lock (interrupts off) serialises what changes the range: moving to
 * the next range, and the test hooks' mark and rewind; it also gives
 * pgalloc_get_stats a cursor and range that belong together.  To move,
 * the lock holder first swaps the cursor to CLOSED, which fails every
 * other hart's bound check and CAS, then writes bump.end and cur, then
 * the new cursor.  The end is stored with release and loaded with
 * acquire: a CAS that succeeds after a load saw the new end is ordered
 * after the swap, so an old cursor is never checked against a new end.
 * The call counters are relaxed atomic adds.
 *
 * No kernel dependencies beyond memblock, the page map, memset and the
 * spinlock: the host tests compile this file as it is.
 */
#include <tern/compiler.h>
#include <tern/errno.h>
#include <tern/memblock.h>
#include <tern/page.h>
#include <tern/pgalloc.h>
#include <tern/spinlock.h>
#include <tern/string.h>

#include "pgalloc_bump.h"

const char pgalloc_name[] = "bump";

/* Each reservation splits at most one free range in two. */
#define BUMP_MAX_RANGES	(2 * CONFIG_MEMBLOCK_MAX_REGIONS)

/*
 * The cursor while bump_lock's holder moves it: above every range's end,
 * and low enough that rounding it up to a block and adding the block
 * cannot overflow.
 */
#define CLOSED		(~0UL >> 1)

struct bump_range {
	unsigned long start, end;	/* pfns, [start, end) */
};

static spinlock_t bump_lock = SPINLOCK_INIT;
/* Written by pgalloc_init only. */
static struct bump_range ranges[BUMP_MAX_RANGES];	/* ascending */
static unsigned int nr_ranges;
static unsigned long total_pages;
/* bump_lock */
static unsigned int cur;		/* the range the cursor is in */
static unsigned long free_calls;	/* atomic */

/* What the fast path touches, together so that one address reaches it all. */
static struct {
	unsigned long next;	/* the cursor, the next free pfn: CAS; CLOSED to move range */
	unsigned long end;	/* ranges[cur].end: written under bump_lock, release/acquire */
	unsigned long alloc_calls;	/* atomic */
} bump;

/* The records of a block being handed out. */
static inline void init_block_head(unsigned long pfn, unsigned int order)
{
	struct page *page = pfn_to_page(pfn);

	set_page_flags(page, PG_head | order);
	set_page_count(page, 1);
}

/* The value *p had: the swap to new took place if that is old. */
static inline unsigned long cmpxchg(unsigned long *p, unsigned long old, unsigned long new)
{
	__atomic_compare_exchange_n(p, &old, new, false, __ATOMIC_RELAXED, __ATOMIC_RELAXED);
	return old;
}

static inline unsigned long range_end(void)
{
	return __atomic_load_n(&bump.end, __ATOMIC_ACQUIRE);
}

/* Sets the cursor; under bump_lock, with the cursor CLOSED. */
static void open_cursor(unsigned long next)
{
	__atomic_store_n(&bump.next, next, __ATOMIC_RELEASE);
}

/*
 * Under bump_lock: takes a block of pages, from the current range if it
 * fits there now (another hart may have moved on while we waited for the
 * lock), else from the first later range where it does.  0 if none.
 */
static unsigned long take_locked(unsigned long pages)
{
	unsigned long next = __atomic_exchange_n(&bump.next, CLOSED, __ATOMIC_ACQUIRE);
	unsigned long pfn = ALIGN_UP(next, pages);
	unsigned int i;

	if (pfn + pages > bump.end) {
		for (i = cur + 1; i < nr_ranges; i++) {
			pfn = ALIGN_UP(ranges[i].start, pages);
			if (pfn + pages <= ranges[i].end)
				break;
		}
		if (i == nr_ranges) {
			open_cursor(next);	/* nothing moved */
			return 0;
		}
		cur = i;
		__atomic_store_n(&bump.end, ranges[i].end, __ATOMIC_RELEASE);
	}
	open_cursor(pfn + pages);
	return pfn;
}

/* A block of pages: lock-free while it fits in the current range.  0 if none. */
static unsigned long take(unsigned long pages)
{
	unsigned long next = __atomic_load_n(&bump.next, __ATOMIC_RELAXED), seen, pfn, flags;

	for (;;) {
		pfn = ALIGN_UP(next, pages);
		if (pfn + pages > range_end())
			break;
		seen = cmpxchg(&bump.next, next, pfn + pages);
		if (seen == next)
			return pfn;
		next = seen;
	}
	flags = spin_lock_irqsave(&bump_lock);
	pfn = take_locked(pages);
	spin_unlock_irqrestore(&bump_lock, flags);
	return pfn;
}

/* alloc_pages for a block, with gfp flags, or at the end of the range. */
static void *__noinline alloc_pages_slow(gfp_t gfp, unsigned int order)
{
	unsigned long pages, pfn, i;
	void *addr;

	if (order > PGALLOC_MAX_ORDER)
		return NULL;
	pages = 1UL << order;
	pfn = take(pages);
	if (!pfn)
		return NULL;
	init_block_head(pfn, order);
	for (i = 1; i < pages; i++) {
		set_page_flags(pfn_to_page(pfn + i), 0);
		set_page_count(pfn_to_page(pfn + i), 0);
	}
	addr = pfn_to_virt(pfn);
	if (gfp & __GFP_ZERO)
		memset(addr, 0, pages << PAGE_SHIFT);
	return addr;
}

/*
 * A single page is a leaf with no stack frame to speak of: about 30
 * instructions, the atomics and its record included.
 */
void *alloc_pages(gfp_t gfp, unsigned int order)
{
	unsigned long pfn, seen;

	__atomic_fetch_add(&bump.alloc_calls, 1, __ATOMIC_RELAXED);
	if (likely(!(order | gfp))) {
		pfn = __atomic_load_n(&bump.next, __ATOMIC_RELAXED);
		while (likely(pfn < range_end())) {
			seen = cmpxchg(&bump.next, pfn, pfn + 1);
			if (likely(seen == pfn)) {
				init_block_head(pfn, 0);
				return pfn_to_virt(pfn);
			}
			pfn = seen;
		}
	}
	return alloc_pages_slow(gfp, order);
}

void free_pages(void *addr, unsigned int order)
{
	unsigned long pfn = virt_to_pfn(addr);

	if (!addr)
		return;
	__atomic_fetch_add(&free_calls, 1, __ATOMIC_RELAXED);
	if (pfn_valid(pfn))
		page_ref_dec_return(pfn_to_page(pfn));
}

void *pgalloc_block_start(const void *addr, unsigned int *order)
{
	return NULL;
}

long pgalloc_free_reserved(phys_addr_t start, phys_addr_t end)
{
	return -EOPNOTSUPP;	/* the cursor only moves up: a range below it is lost */
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

/*
 * The cursor is read once, so free and largest agree; allocations in
 * flight on other harts may leave the call counters a few ahead of it.
 */
void pgalloc_get_stats(struct pgalloc_stats *stats)
{
	unsigned long flags = spin_lock_irqsave(&bump_lock);
	unsigned long next = __atomic_load_n(&bump.next, __ATOMIC_RELAXED);
	unsigned int i;

	memset(stats, 0, sizeof(*stats));
	for (i = cur; i < nr_ranges; i++) {
		unsigned long start = i == cur ? MIN(next, ranges[i].end) : ranges[i].start;

		stats->free_pages += ranges[i].end - start;
		stats->largest_free_order_pages = MAX(stats->largest_free_order_pages,
						      largest_block(start, ranges[i].end));
	}
	stats->total_pages = total_pages;
	stats->alloc_calls = __atomic_load_n(&bump.alloc_calls, __ATOMIC_RELAXED);
	stats->free_calls = __atomic_load_n(&free_calls, __ATOMIC_RELAXED);
	spin_unlock_irqrestore(&bump_lock, flags);
}

struct pgalloc_bump_mark pgalloc_bump_mark(void)
{
	unsigned long flags = spin_lock_irqsave(&bump_lock);
	struct pgalloc_bump_mark mark = { cur, __atomic_load_n(&bump.next, __ATOMIC_RELAXED) };

	spin_unlock_irqrestore(&bump_lock, flags);
	return mark;
}

void pgalloc_bump_rewind(struct pgalloc_bump_mark mark)
{
	unsigned long flags;

	if (mark.range >= nr_ranges)
		return;
	flags = spin_lock_irqsave(&bump_lock);
	__atomic_store_n(&bump.next, CLOSED, __ATOMIC_RELAXED);
	cur = mark.range;
	__atomic_store_n(&bump.end, ranges[cur].end, __ATOMIC_RELEASE);
	open_cursor(mark.next);
	spin_unlock_irqrestore(&bump_lock, flags);
}

/* memblock_for_each_free callback: ascending ranges, cut to the page map. */
static void add_range(phys_addr_t start, phys_addr_t end, void *arg)
{
	unsigned long first = MAX(PFN_UP(start), mem_map_start_pfn);
	unsigned long last = MIN(PFN_DOWN(end), mem_map_end_pfn);

	/* Pfn 0 means "no room" to take(): never hand it out. */
	first = MAX(first, 1UL);
	if (first >= last || nr_ranges == BUMP_MAX_RANGES)
		return;
	ranges[nr_ranges++] = (struct bump_range){ first, last };
	total_pages += last - first;
}

/* Before any allocation, on one hart. */
void pgalloc_init(void)
{
	nr_ranges = 0;
	total_pages = 0;
	memblock_for_each_free(add_range, NULL);
	cur = 0;
	bump.next = nr_ranges ? ranges[0].start : 0;
	bump.end = nr_ranges ? ranges[0].end : 0;
}
