/* SPDX-License-Identifier: MIT */
/*
 * struct page: one record per page frame of RAM, in the array mem_map
 * (include/tern/page.h, mm/page.c).  Plain types only, so mm/buddy.c and
 * the host tests can use it without the kernel's address headers.
 *
 * Size: 16 bytes on rv32, 32 on rv64 (the boot log says it, and how much
 * the map takes): rounded up to a power of two, so that going between a
 * pfn, its record and its address is a shift (page.h), which the page
 * allocator's fast paths do on every call.  The last 8 bytes on rv64 are
 * that padding: room for a field paging may need.  list comes first, so
 * a list node is its page.
 *
 * flags holds the page allocator's state of the page; a page is in
 * exactly one of:
 *
 *	PG_reserved		never given to the page allocator: the kernel,
 *				the firmware, the DTB, mem_map, holes
 *	PG_buddy | order	first page of a free block of 2^order pages
 *				on a buddy free list
 *	PG_head | order		first page of an allocated block
 *	PG_pcp			free, on a per-CPU list (order 0)
 *	PG_virgin		first page of a section the buddy has never
 *				split: the records of the section's other
 *				pages are not initialised yet (mm/buddy.c)
 *	0			any other page of a block, free or allocated
 *
 * Who writes flags: the allocator, under its locks, while the page is
 * free and when it hands it out or takes it back.  An owner that sets
 * flags of its own (none does yet) clears them before freeing.  Some
 * lookups read another page's flags without that lock (the free path
 * checks a section's first page), so every access goes through
 * page_flags()/set_page_flags(), single-copy atomic.
 *
 * _refcount: the references to an allocated block, kept on its first
 * page: 1 when it is handed out; get_page() adds one, and free_pages or
 * put_page drops one and returns the block when it was the last (for
 * copy-on-write).  0 while free.  Reserved pages hold 1.
 *
 * list: a free list's link while the page is free (a buddy free list or
 * a per-CPU list); the owner may use it while the page is allocated.
 */
#ifndef TERN_MM_TYPES_H
#define TERN_MM_TYPES_H

#include <tern/compiler.h>
#include <tern/list.h>
#include <tern/types.h>

struct page {
	struct list_head list;	/* free list link while free; the owner's after */
	int _refcount;		/* atomic: page_ref_count(), get_page(), put_page() */
	u32 flags;		/* PG_*, see above */
} __aligned(4 * sizeof(long));

#define PG_ORDER	0x1fu	/* bits 0-4: the order of a PG_buddy or PG_head block */
#define PG_buddy	0x20u
#define PG_head		0x40u
#define PG_pcp		0x80u
#define PG_virgin	0x100u
#define PG_reserved	0x200u

/*
 * Loads and stores of words another CPU may read without the writer's
 * lock: single-copy atomic, like Linux's READ_ONCE/WRITE_ONCE.  The
 * kernel gets plain loads and stores (gcc 12 makes __atomic_store_n an
 * amoswap); ThreadSanitizer builds get relaxed atomics, the only kind it
 * understands.
 */
#ifdef __SANITIZE_THREAD__
#define MM_READ_ONCE(x)		__atomic_load_n(&(x), __ATOMIC_RELAXED)
#define MM_WRITE_ONCE(x, v)	__atomic_store_n(&(x), (v), __ATOMIC_RELAXED)
#else
#define MM_READ_ONCE(x)		READ_ONCE(x)
#define MM_WRITE_ONCE(x, v)	WRITE_ONCE(x, v)
#endif

static inline u32 page_flags(const struct page *page)
{
	return MM_READ_ONCE(page->flags);
}

static inline void set_page_flags(struct page *page, u32 flags)
{
	MM_WRITE_ONCE(page->flags, flags);
}

static inline int page_ref_count(const struct page *page)
{
	return MM_READ_ONCE(page->_refcount);
}

static inline void set_page_count(struct page *page, int count)
{
	MM_WRITE_ONCE(page->_refcount, count);
}

/* Takes another reference to an allocated block (page is its first page). */
static inline void get_page(struct page *page)
{
	__atomic_fetch_add(&page->_refcount, 1, __ATOMIC_RELAXED);
}

/*
 * Drops a reference; the new count.  Ordered both ways (release, so the
 * holder's writes are done before another CPU frees the block; acquire,
 * so the one that reaches 0 frees after every other holder's writes):
 * one amoadd.aqrl.
 */
static inline int page_ref_dec_return(struct page *page)
{
	return __atomic_sub_fetch(&page->_refcount, 1, __ATOMIC_SEQ_CST);
}

#endif
