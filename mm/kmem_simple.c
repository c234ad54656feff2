// SPDX-License-Identifier: MIT
/*
 * The simple object allocator (CONFIG_KMEM_SIMPLE): one heap of blocks with
 * a first-fit free list, Linux's SLOB idea.  The smallest code that still
 * reuses freed memory; kmalloc and kfree walk the free list, so they slow
 * down as free blocks pile up.
 *
 * Every block, free or in use, starts with a header; what kmalloc returns
 * follows it, 8-byte aligned:
 *
 *   | size | magic | payload ...                 |
 *   ^ struct block  ^ kmalloc's pointer          ^ block + size
 *
 * Free blocks are on free_list, sorted by address, and kfree merges a
 * block with the free blocks that touch it, so no two free blocks are
 * adjacent.  The heap grows by page blocks from the page allocator (at
 * least GROW_ORDER at a time, more for a big request) and never gives
 * pages back: freed memory stays in the heap for later kmallocs, and the
 * same code works on the bump and the buddy page allocator.
 *
 * A bad pointer or a double free is reported (pr_err, naming the caller)
 * and ignored, with the heap untouched: the header's magic says whether a
 * block is in use.  A pointer outside RAM faults on the header read.
 *
 * Named caches are thin wrappers around kmalloc that remember the size and
 * alignment (mm/kmem_heap_caches.c, with a lock of its own).
 *
 * Locking: one lock, heap_lock, taken with interrupts off, protects the
 * heap: free_list, every block header, and stats.  One heap, one lock: a
 * lock per free block would not make first fit any cheaper.  The page
 * allocator is called with it dropped (grow), and so are the reports of
 * bad pointers, which are only classified under it.  Zeroing and the copy
 * of krealloc are done unlocked, on blocks the caller owns.
 */
#include <tern/errno.h>
#include <tern/kallsyms.h>
#include <tern/kernel.h>
#include <tern/slab.h>
#include <tern/spinlock.h>
#include <tern/string.h>

#include "kmem_heap.h"

#define BLOCK_USED	0xa110ca7eUL
#define BLOCK_FREE	0xf4eeb10cUL
#define GROW_ORDER	MIN(2, PGALLOC_MAX_ORDER)

const char kmem_name[] = "simple";

struct block {
	unsigned long size;	/* whole block, header included; a multiple of 8 */
	unsigned long magic;	/* BLOCK_USED or BLOCK_FREE */
};

struct free_block {
	struct block hdr;
	struct free_block *next;	/* at a higher address */
};

#define HDR		sizeof(struct block)
#define MIN_BLOCK	ALIGN_UP(sizeof(struct free_block), 8)
/* The largest request: a whole largest page block, less the header. */
#define MAX_SIZE	((PAGE_SIZE << PGALLOC_MAX_ORDER) - HDR)

const size_t kmem_heap_max_size = MAX_SIZE;
static spinlock_t heap_lock = SPINLOCK_INIT;
/* heap_lock */
static struct free_block *free_list;
static struct kmem_stats stats;		/* bytes_in_use: usable sizes (ksize) */

/* Why to_block refused a pointer. */
enum bad_ptr { PTR_OK, PTR_BAD, PTR_FREED };

/* Called without heap_lock. */
static void __noinline report(const char *fn, enum bad_ptr bad, const void *p,
			      unsigned long caller)
{
	const char *what = "bad pointer";
	char where[KSYM_NAME_LEN + 32];

	if (bad == PTR_FREED)
		what = strcmp(fn, "kfree") ? "use after free of" : "double free of";
	sprint_backtrace(where, sizeof(where), caller);
	pr_err("%s: %s %p by %s; ignored\n", fn, what, p, where);
}

/*
 * Under heap_lock: the header of a block kmalloc handed out, or NULL with
 * *bad saying what else p is.
 */
static struct block *to_block(const void *p, enum bad_ptr *bad)
{
	struct block *b = (struct block *)p - 1;

	*bad = PTR_BAD;
	if ((uintptr_t)p & 7)
		return NULL;
	if (b->magic == BLOCK_USED)
		return b;
	if (b->magic == BLOCK_FREE)
		*bad = PTR_FREED;
	return NULL;
}

static char *block_end(const struct block *b)
{
	return (char *)b + b->size;
}

/* Under heap_lock: inserts b at its place in free_list and merges it with its neighbours. */
static void free_block(struct block *b)
{
	struct free_block *f = (struct free_block *)b, *prev = NULL, *next = free_list;

	while (next && next < f) {
		prev = next;
		next = next->next;
	}
	f->hdr.magic = BLOCK_FREE;
	f->next = next;
	if (prev)
		prev->next = f;
	else
		free_list = f;
	if (next && block_end(&f->hdr) == (char *)next) {
		f->hdr.size += next->hdr.size;
		f->next = next->next;
	}
	if (prev && block_end(&prev->hdr) == (char *)f) {
		prev->hdr.size += f->hdr.size;
		prev->next = f->next;
	}
}

/* Under heap_lock: first fit; a larger block is split and its end handed out. */
static struct block *take(size_t need)
{
	struct free_block **pp, *f;
	struct block *b;

	for (pp = &free_list; (f = *pp); pp = &f->next) {
		if (f->hdr.size < need)
			continue;
		if (f->hdr.size - need >= MIN_BLOCK) {
			f->hdr.size -= need;	/* f keeps its place in the list */
			b = (struct block *)block_end(&f->hdr);
			b->size = need;
		} else {
			*pp = f->next;
			b = &f->hdr;
		}
		b->magic = BLOCK_USED;
		return b;
	}
	return NULL;
}

/*
 * Adds a page block of at least need bytes to the heap.  Called with
 * heap_lock held (flags); drops it around the page allocator.
 */
static bool __noinline grow(size_t need, unsigned long *flags)
{
	unsigned int order = 0;
	struct block *b;

	spin_unlock_irqrestore(&heap_lock, *flags);
	while ((PAGE_SIZE << order) < need)
		order++;
	/* Prefer a few pages at once; when memory is short, just enough. */
	b = order < GROW_ORDER ? alloc_pages(GFP_KERNEL, GROW_ORDER) : NULL;
	if (b)
		order = GROW_ORDER;
	else
		b = alloc_pages(GFP_KERNEL, order);
	*flags = spin_lock_irqsave(&heap_lock);
	if (!b)
		return false;
	stats.pages += 1UL << order;
	b->size = PAGE_SIZE << order;
	free_block(b);
	return true;
}

/*
 * kmalloc when the heap has no room or the block must be zeroed: called
 * with heap_lock held (flags) and the block take() found, if any; unlocks.
 */
static void *__noinline kmalloc_slow(struct block *b, size_t need, gfp_t gfp,
				     unsigned long flags)
{
	/* Another hart may take the new pages first: then grow again. */
	while (!b && grow(need, &flags))
		b = take(need);
	if (b) {
		stats.bytes_in_use += b->size - HDR;
		stats.alloc_calls++;
	}
	spin_unlock_irqrestore(&heap_lock, flags);
	if (!b)
		return NULL;
	if (gfp & __GFP_ZERO)
		memset(b + 1, 0, b->size - HDR);	/* the caller's block now */
	return b + 1;
}

void *kmalloc(size_t size, gfp_t gfp)
{
	unsigned long flags;
	struct block *b;
	size_t need;

	if (!size || size > MAX_SIZE)
		return NULL;
	need = MAX(ALIGN_UP(size, 8) + HDR, MIN_BLOCK);
	flags = spin_lock_irqsave(&heap_lock);
	b = take(need);
	if (unlikely(!b || (gfp & __GFP_ZERO)))
		return kmalloc_slow(b, need, gfp, flags);
	stats.bytes_in_use += b->size - HDR;
	stats.alloc_calls++;
	spin_unlock_irqrestore(&heap_lock, flags);
	return b + 1;
}

/* kfree's body, inlined in kfree so that its common path needs no frame. */
static __always_inline void heap_free(const void *p, unsigned long caller)
{
	unsigned long flags;
	enum bad_ptr bad;
	struct block *b;

	if (!p)
		return;
	flags = spin_lock_irqsave(&heap_lock);
	b = to_block(p, &bad);
	if (b) {
		stats.bytes_in_use -= b->size - HDR;
		stats.free_calls++;
		free_block(b);
	}
	spin_unlock_irqrestore(&heap_lock, flags);
	if (!b)
		report("kfree", bad, p, caller);
}

void kmem_free_caller(const void *p, unsigned long caller)
{
	heap_free(p, caller);
}

void kfree(const void *p)
{
	heap_free(p, (unsigned long)__builtin_return_address(0));
}

size_t ksize(const void *p)
{
	unsigned long flags;
	enum bad_ptr bad;
	struct block *b;
	size_t size = 0;

	if (!p)
		return 0;
	flags = spin_lock_irqsave(&heap_lock);
	b = to_block(p, &bad);
	if (b)
		size = b->size - HDR;
	spin_unlock_irqrestore(&heap_lock, flags);
	if (!b)
		report("ksize", bad, p, (unsigned long)__builtin_return_address(0));
	return size;
}

/* Shrinking stays in place and frees the tail; growing moves. */
ssize_t kmem_realloc_in_place(const void *p, size_t size, unsigned long caller)
{
	size_t need = MAX(ALIGN_UP(size, 8) + HDR, MIN_BLOCK);
	unsigned long flags;
	struct block *b, *tail;
	enum bad_ptr bad;
	size_t old = 0;

	if (size > MAX_SIZE)
		need = SIZE_MAX;	/* fits nowhere; and ALIGN_UP may have wrapped */
	flags = spin_lock_irqsave(&heap_lock);
	b = to_block(p, &bad);
	if (b && need <= b->size && b->size - need >= MIN_BLOCK) {
		tail = (struct block *)((char *)b + need);
		tail->size = b->size - need;
		b->size = need;
		stats.bytes_in_use -= tail->size;
		free_block(tail);
	}
	if (b)
		old = b->size - HDR;	/* the caller's block: stable once unlocked */
	spin_unlock_irqrestore(&heap_lock, flags);
	if (!b) {
		report("krealloc", bad, p, caller);
		return -1;
	}
	return need <= old + HDR ? 0 : (ssize_t)old;
}

/*
 * The heap comes first, as cache "kmalloc-heap": its blocks in use, all
 * its blocks and its pages.  Named caches hold no pages of their own.
 */
int kmem_cache_for_each(void (*fn)(const struct kmem_cache_info *info, void *arg), void *arg)
{
	struct kmem_cache_info info = { "kmalloc-heap", 0, 0, 0, 0 };
	unsigned long flags = spin_lock_irqsave(&heap_lock);
	struct free_block *f;
	int n = 1;	/* the heap itself */

	info.pages = stats.pages;
	info.active_objects = stats.alloc_calls - stats.free_calls;
	info.total_objects = info.active_objects;
	for (f = free_list; f; f = f->next)
		info.total_objects++;
	spin_unlock_irqrestore(&heap_lock, flags);
	fn(&info, arg);
	return n + kmem_heap_caches_for_each(fn, arg);
}

void kmem_get_stats(struct kmem_stats *s)
{
	unsigned long flags = spin_lock_irqsave(&heap_lock);

	*s = stats;
	spin_unlock_irqrestore(&heap_lock, flags);
}

void kmem_init(void)
{
}
