// SPDX-License-Identifier: MIT
/*
 * The buddy page allocator: kernel glue around the algorithm in mm/buddy.c.
 *
 * One zone covers the page map's span, with mem_map as its records: the
 * holes and reservations in it are PG_reserved pages (mm/page.c) that the
 * buddy never hands out, and only what memblock_for_each_free reports is
 * freed into it.  Start-up frees each free range's unaligned ends as
 * maximal blocks and leaves its whole sections virgin (see
 * include/tern/buddy.h): no work per free page.
 *
 * Every free_pages() is checked before anything changes: the address
 * starts a page that has a record, the record says an allocated block of
 * that order (PG_head | order), and its section is not virgin (whose
 * records are garbage).  A bad free is refused with an error message,
 * never put on a list; with DEBUG_PAGEALLOC it panics instead, naming the
 * caller, and freed blocks are poisoned.  free_pages(NULL, order) does
 * nothing.  A block goes back only when its reference count reaches 0; a
 * count that goes below 0 is a double free.
 *
 * Locking: one lock, pgalloc_lock, for the zone (its free lists and
 * counters, and the records of the pages in it) and the call counters.
 * It is taken with interrupts off, since interrupt handlers allocate too,
 * and it is held only for the O(max_order) work of mm/buddy.c: the checks
 * of a free, poisoning, __GFP_ZERO and bad-free reports happen outside
 * it.  Nothing that takes a lock is called with it held, so it may nest
 * inside any other lock: an object allocator may call in with its own
 * lock held (kmem lock -> pgalloc_lock, never the reverse), although ours
 * do not.  The zone's bounds are written by pgalloc_init only, before
 * anything else runs.
 */
#include <tern/buddy.h>
#include <tern/kallsyms.h>
#include <tern/kernel.h>
#include <tern/memblock.h>
#include <tern/page.h>
#include <tern/pgalloc.h>
#include <tern/spinlock.h>
#include <tern/string.h>

_Static_assert(PGALLOC_MAX_ORDER <= BUDDY_MAX_ORDER, "PGALLOC_MAX_ORDER too large");

#define PAGE_POISON	0x5a		/* fills freed blocks with DEBUG_PAGEALLOC */

const char pgalloc_name[] = "buddy";

static spinlock_t pgalloc_lock = SPINLOCK_INIT;
static struct buddy_zone zone;		/* pgalloc_lock */
static unsigned long alloc_calls, free_calls;	/* pgalloc_lock */

void *alloc_pages(gfp_t gfp, unsigned int order)
{
	unsigned long flags, pfn;
	void *addr;

	flags = spin_lock_irqsave(&pgalloc_lock);
	alloc_calls++;
	pfn = buddy_alloc(&zone, order);
	spin_unlock_irqrestore(&pgalloc_lock, flags);
	if (pfn == BUDDY_NO_PAGE)
		return NULL;
	set_page_count(pfn_to_page(pfn), 1);
	addr = pfn_to_virt(pfn);
	if (gfp & __GFP_ZERO)
		memset(addr, 0, PAGE_SIZE << order);
	return addr;
}

static void __noinline report_bad_free(void *addr, unsigned int order, enum buddy_err err,
				       unsigned long caller)
{
	char where[KSYM_NAME_LEN + 32];

	sprint_backtrace(where, sizeof(where), caller);
	if (IS_ENABLED(CONFIG_DEBUG_PAGEALLOC))
		panic("free_pages(%p, %u) from %s: %s", addr, order, where, buddy_strerror(err));
	pr_err("free_pages(%p, %u) from %s: %s; not freed\n", addr, order, where,
	       buddy_strerror(err));
}

/*
 * What every good free_pages passes.  No lock: the caller owns the block,
 * so its records do not change under us, and a section that is not
 * virgin never becomes virgin again.
 */
static __always_inline bool looks_allocated(const void *addr, unsigned long pfn,
					    unsigned int order)
{
	return pfn_valid(pfn) && !((uintptr_t)addr & ~PAGE_MASK) &&
	       page_flags(pfn_to_page(pfn)) == (PG_head | order) && !buddy_is_virgin(&zone, pfn);
}

/* free_pages of something that is not an allocated block: why, said once. */
static void __noinline refuse_free(void *addr, unsigned long pfn, unsigned int order,
				   unsigned long caller)
{
	enum buddy_err err = BUDDY_EOUTSIDE;
	unsigned long flags;

	flags = spin_lock_irqsave(&pgalloc_lock);
	free_calls++;
	if (pfn_valid(pfn)) {
		err = buddy_check_free(&zone, pfn, order);
		if ((uintptr_t)addr & ~PAGE_MASK)	/* never the start of a block */
			err = err ?: BUDDY_EINTERIOR;
		/* Allocated by now, but not when we looked: it was not ours to free. */
		err = err ?: BUDDY_ENOTALLOC;
	}
	spin_unlock_irqrestore(&pgalloc_lock, flags);
	report_bad_free(addr, order, err, caller);
}

/* A reference was dropped but the block stays; below 0 it was freed already. */
static void __noinline keep_referenced(void *addr, int refs, unsigned int order,
				       unsigned long caller)
{
	unsigned long flags = spin_lock_irqsave(&pgalloc_lock);

	free_calls++;
	spin_unlock_irqrestore(&pgalloc_lock, flags);
	if (refs < 0)
		report_bad_free(addr, order, BUDDY_EDOUBLE, caller);
}

void free_pages(void *addr, unsigned int order)
{
	unsigned long pfn = virt_to_pfn(addr), caller = (unsigned long)__builtin_return_address(0);
	unsigned long flags;
	enum buddy_err err;
	int refs;

	if (!addr)
		return;
	if (unlikely(!looks_allocated(addr, pfn, order))) {
		refuse_free(addr, pfn, order, caller);
		return;
	}
	refs = page_ref_dec_return(pfn_to_page(pfn));
	if (unlikely(refs)) {
		keep_referenced(addr, refs, order, caller);
		return;
	}
	if (IS_ENABLED(CONFIG_DEBUG_PAGEALLOC))
		memset(addr, PAGE_POISON, PAGE_SIZE << order);
	flags = spin_lock_irqsave(&pgalloc_lock);
	free_calls++;
	err = buddy_free(&zone, pfn, order);
	spin_unlock_irqrestore(&pgalloc_lock, flags);
	if (unlikely(err))
		report_bad_free(addr, order, err, caller);
}

void *pgalloc_block_start(const void *addr, unsigned int *order)
{
	unsigned long pfn = virt_to_pfn(addr), head, flags;
	unsigned int o;

	if (!pfn_valid(pfn))
		return NULL;
	flags = spin_lock_irqsave(&pgalloc_lock);
	head = buddy_block_start(&zone, pfn, &o);
	spin_unlock_irqrestore(&pgalloc_lock, flags);
	if (head == BUDDY_NO_PAGE)
		return NULL;
	if (order)
		*order = o;
	return pfn_to_virt(head);
}

void pgalloc_get_stats(struct pgalloc_stats *stats)
{
	unsigned long flags;
	int largest;

	memset(stats, 0, sizeof(*stats));
	flags = spin_lock_irqsave(&pgalloc_lock);
	stats->total_pages = zone.total_pages;
	stats->free_pages = zone.free_pages;
	largest = buddy_largest_free_order(&zone);
	stats->alloc_calls = alloc_calls;
	stats->free_calls = free_calls;
	spin_unlock_irqrestore(&pgalloc_lock, flags);
	stats->largest_free_order_pages = largest < 0 ? 0 : 1UL << largest;
}

/* ---- start-up ---- */

/* memblock_for_each_free callback: ascending ranges. */
static void add_free_range(phys_addr_t start, phys_addr_t end, void *arg)
{
	unsigned long first = MAX(PFN_UP(start), zone.start_pfn);
	unsigned long last = MIN(PFN_DOWN(end), zone.end_pfn);

	if (first < last && buddy_add_free_range(&zone, first, last))
		pr_err("pgalloc: cannot add %#llx-%#llx\n", (unsigned long long)start,
		       (unsigned long long)end - 1);
}

void pgalloc_init(void)
{
	alloc_calls = 0;
	free_calls = 0;
	if (buddy_init_zone(&zone, mem_map_start_pfn, mem_map_end_pfn, mem_map,
			    PGALLOC_MAX_ORDER))
		panic("pgalloc: no page map (pfns %#lx-%#lx)", mem_map_start_pfn,
		      mem_map_end_pfn);
	memblock_for_each_free(add_free_range, NULL);
}
