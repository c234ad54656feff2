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
 * alignment.  No locking: everything runs on the boot hart.
 */
#include <tern/errno.h>
#include <tern/kallsyms.h>
#include <tern/kernel.h>
#include <tern/slab.h>
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

static struct free_block *free_list;
const size_t kmem_heap_max_size = MAX_SIZE;
static struct kmem_stats stats;		/* bytes_in_use: usable sizes (ksize) */

static void __noinline report(const char *fn, const char *what, const void *p,
			      unsigned long caller)
{
	char where[KSYM_NAME_LEN + 32];

	sprint_backtrace(where, sizeof(where), caller);
	pr_err("%s: %s %p by %s; ignored\n", fn, what, p, where);
}

/* The header of a block kmalloc handed out; NULL (reported) for anything else. */
static struct block *to_block(const void *p, const char *fn, unsigned long caller)
{
	struct block *b = (struct block *)p - 1;

	if ((uintptr_t)p & 7)
		report(fn, "bad pointer", p, caller);
	else if (b->magic == BLOCK_USED)
		return b;
	else if (b->magic == BLOCK_FREE)
		report(fn, strcmp(fn, "kfree") ? "use after free of" : "double free of", p, caller);
	else
		report(fn, "bad pointer", p, caller);
	return NULL;
}

static char *block_end(const struct block *b)
{
	return (char *)b + b->size;
}

/* Inserts b at its place in free_list and merges it with its neighbours. */
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

/* First fit; a larger block is split and its end handed out. */
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

/* Adds a page block of at least need bytes to the heap. */
static bool __noinline grow(size_t need)
{
	unsigned int order = 0;
	struct block *b;

	while ((PAGE_SIZE << order) < need)
		order++;
	/* Prefer a few pages at once; when memory is short, just enough. */
	b = order < GROW_ORDER ? alloc_pages(GFP_KERNEL, GROW_ORDER) : NULL;
	if (b)
		order = GROW_ORDER;
	else
		b = alloc_pages(GFP_KERNEL, order);
	if (!b)
		return false;
	stats.pages += 1UL << order;
	b->size = PAGE_SIZE << order;
	free_block(b);
	return true;
}

void *kmalloc(size_t size, gfp_t gfp)
{
	struct block *b;
	size_t need;

	if (!size || size > MAX_SIZE)
		return NULL;
	need = MAX(ALIGN_UP(size, 8) + HDR, MIN_BLOCK);
	b = take(need);
	if (!b && grow(need))
		b = take(need);
	if (!b)
		return NULL;
	stats.bytes_in_use += b->size - HDR;
	stats.alloc_calls++;
	if (gfp & __GFP_ZERO)
		return memset(b + 1, 0, b->size - HDR);
	return b + 1;
}

void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

void kmem_heap_free(const void *p, unsigned long caller)
{
	struct block *b;

	if (!p)
		return;
	b = to_block(p, "kfree", caller);
	if (!b)
		return;
	stats.bytes_in_use -= b->size - HDR;
	stats.free_calls++;
	free_block(b);
}

void kfree(const void *p)
{
	kmem_heap_free(p, (unsigned long)__builtin_return_address(0));
}

size_t ksize(const void *p)
{
	struct block *b = p ? to_block(p, "ksize", (unsigned long)__builtin_return_address(0))
			    : NULL;

	return b ? b->size - HDR : 0;
}

/* Shrinking stays in place and frees the tail; growing moves. */
void *krealloc(const void *p, size_t size, gfp_t gfp)
{
	unsigned long caller = (unsigned long)__builtin_return_address(0);
	struct block *b, *tail;
	size_t need;
	void *new;

	if (!p)
		return kmalloc(size, gfp);
	if (!size) {
		kmem_heap_free(p, caller);
		return NULL;
	}
	b = to_block(p, "krealloc", caller);
	if (!b || size > MAX_SIZE)
		return NULL;
	need = MAX(ALIGN_UP(size, 8) + HDR, MIN_BLOCK);
	if (need <= b->size) {
		if (b->size - need >= MIN_BLOCK) {
			tail = (struct block *)((char *)b + need);
			tail->size = b->size - need;
			b->size = need;
			stats.bytes_in_use -= tail->size;
			free_block(tail);
		}
		return (void *)p;
	}
	new = kmalloc(size, gfp);
	if (!new)
		return NULL;
	memcpy(new, p, b->size - HDR);
	kmem_heap_free(p, caller);
	return new;
}

/*
 * The heap comes first, as cache "kmalloc-heap": its blocks in use, all
 * its blocks and its pages.  Named caches hold no pages of their own.
 */
int kmem_cache_for_each(void (*fn)(const struct kmem_cache_info *info, void *arg), void *arg)
{
	struct kmem_cache_info info = { "kmalloc-heap", 0, 0, 0, stats.pages };
	struct free_block *f;
	int n = 1;	/* the heap itself */

	info.active_objects = stats.alloc_calls - stats.free_calls;
	info.total_objects = info.active_objects;
	for (f = free_list; f; f = f->next)
		info.total_objects++;
	fn(&info, arg);
	return n + kmem_heap_caches_for_each(fn, arg);
}

void kmem_get_stats(struct kmem_stats *s)
{
	*s = stats;
}

void kmem_init(void)
{
}
