/* SPDX-License-Identifier: MIT */
/*
 * The page allocator: blocks of 2^order contiguous, naturally aligned
 * pages.  Exactly one implementation is linked, chosen in Kconfig
 * ("Memory management" -> "Page allocator"):
 *   mm/pgalloc_bump.c   linear, never reuses memory
 *   mm/pgalloc_buddy.c  binary buddy, orders 0..PGALLOC_MAX_ORDER, with
 *                       per-CPU lists of single pages (PGALLOC_PCP)
 * Callers never learn which.  Each implementation must provide every
 * function declared here.
 *
 * Addresses are kernel pointers in the linear map (asm/page.h); every
 * page has a struct page in mem_map (include/tern/page.h), whose
 * reference count both implementations keep.  Out of memory is a NULL
 * return, never a panic.
 *
 * Every function but pgalloc_init may be called on any hart, at the same
 * time, and from interrupt handlers; none sleeps.  Implementations lock
 * with interrupts off and call nothing that locks while holding their
 * lock, so callers may hold their own locks around them (this is the
 * innermost allocator lock).
 */
#ifndef TERN_PGALLOC_H
#define TERN_PGALLOC_H

#include <asm/page.h>
#include <tern/types.h>

typedef unsigned int gfp_t;
#define GFP_KERNEL	0u
#define __GFP_ZERO	0x1u		/* the block is zero-filled */

/* Largest order alloc_pages accepts (the buddy allocator's MAX_ORDER). */
#define PGALLOC_MAX_ORDER CONFIG_PGALLOC_MAX_ORDER

/*
 * Hands the allocator all RAM the boot memory map (memblock) describes,
 * minus its reservations, as far as the page map covers it.  Called once,
 * after page_map_init and before any allocation.
 */
void pgalloc_init(void);

/*
 * 2^order pages, aligned to their size, with a reference count of 1 (on
 * the first page's struct page); NULL when order is too large or memory
 * is short.
 */
void *alloc_pages(gfp_t gfp, unsigned int order);

/*
 * Drops a reference to a block from alloc_pages, given with the same
 * order, and gives the block back when it was the last (get_page() takes
 * more).  Freeing what was never allocated, or twice, is a kernel bug:
 * the buddy allocator refuses it with a message, and with DEBUG_PAGEALLOC
 * panics naming the caller.
 */
void free_pages(void *addr, unsigned int order);

static inline void *alloc_page(gfp_t gfp)
{
	return alloc_pages(gfp, 0);
}

static inline void free_page(void *addr)
{
	free_pages(addr, 0);
}

/*
 * Gives the allocator the whole pages inside [start, end), reserved at
 * boot and no longer used (the initrd after its unpack): the number of
 * pages, or -EOPNOTSUPP (the bump allocator never takes memory back),
 * -EINVAL (outside the allocator's memory).  The caller promises nothing
 * uses them.
 */
long pgalloc_free_reserved(phys_addr_t start, phys_addr_t end);

/*
 * The allocated block that contains addr: returns its first page and
 * stores its order, or NULL when addr is in no allocated block (free,
 * reserved, outside RAM) or the allocator does not track blocks (bump).
 * kfree uses it to find the slab or large allocation behind a pointer.
 */
void *pgalloc_block_start(const void *addr, unsigned int *order);

/*
 * Free pages on per-CPU lists count as free, and the buddy allocator
 * gives those lists back first, so the largest free block is what an
 * allocation can get.
 */
struct pgalloc_stats {
	unsigned long total_pages;	/* pages handed to the allocator at init */
	unsigned long free_pages;	/* pages an allocation could still get */
	unsigned long largest_free_order_pages;	/* pages in the largest free block */
	unsigned long alloc_calls, free_calls;
};
void pgalloc_get_stats(struct pgalloc_stats *stats);

/* The implementation's name as the boot banner says it ("buddy"). */
extern const char pgalloc_name[];

#endif
