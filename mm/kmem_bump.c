// SPDX-License-Identifier: MIT
/*
 * The bump object allocator (CONFIG_KMEM_BUMP): kmalloc takes the next
 * bytes of the current chunk of pages; kfree marks and counts, and never
 * reclaims anything.  For the smallest kernels, and as the baseline the
 * other allocators are measured against.
 *
 *   | magic | size | payload ... | magic | size | payload ... | free ... |
 *   ^ chunk          ^ what kmalloc returns (8-byte aligned)  ^ chunk_next ^ chunk_end
 *
 * The 8-byte header keeps the size asked for, so ksize and krealloc work,
 * and whether the block is live, so a double free or a bad pointer is
 * reported (naming the caller) and ignored.  When a request does not fit,
 * the rest of the chunk is abandoned and a new chunk taken: at least
 * CHUNK_ORDER pages, more for a big request.
 *
 * Named caches are plain kmalloc blocks (mm/kmem_heap_caches.c).  No
 * locking: everything runs on the boot hart.
 */
#include <tern/errno.h>
#include <tern/kallsyms.h>
#include <tern/kernel.h>
#include <tern/slab.h>
#include <tern/string.h>

#include "kmem_heap.h"

#define BUMP_LIVE	0xb0a710c5U
#define BUMP_FREED	0xdeadb0a7U
#define CHUNK_ORDER	MIN(2, PGALLOC_MAX_ORDER)

const char kmem_name[] = "bump";

struct bump_hdr {
	u32 magic;		/* BUMP_LIVE or BUMP_FREED */
	u32 size;		/* as asked for */
};

#define HDR		sizeof(struct bump_hdr)
#define MAX_SIZE	((PAGE_SIZE << PGALLOC_MAX_ORDER) - HDR)

static char *chunk_next, *chunk_end;	/* the free part of the current chunk */
const size_t kmem_heap_max_size = MAX_SIZE;
static struct kmem_stats stats;		/* bytes_in_use: exactly as asked */

static void __noinline bad_pointer(const void *p, const char *fn, unsigned long caller)
{
	const struct bump_hdr *h = (const struct bump_hdr *)p - 1;
	const char *what = "bad pointer";
	char where[KSYM_NAME_LEN + 32];

	if (!((uintptr_t)p & 7) && h->magic == BUMP_FREED)
		what = strcmp(fn, "kfree") ? "use after free of" : "double free of";
	sprint_backtrace(where, sizeof(where), caller);
	pr_err("%s: %s %p by %s; ignored\n", fn, what, p, where);
}

/* The header of a live block; NULL (reported) for anything else. */
static inline struct bump_hdr *to_hdr(const void *p, const char *fn, unsigned long caller)
{
	struct bump_hdr *h = (struct bump_hdr *)p - 1;

	if (likely(!((uintptr_t)p & 7) && h->magic == BUMP_LIVE))
		return h;
	bad_pointer(p, fn, caller);
	return NULL;
}

static bool new_chunk(size_t need)
{
	unsigned int order = 0;
	char *p;

	while ((PAGE_SIZE << order) < need)
		order++;
	/* Prefer a few pages at once; when memory is short, just enough. */
	p = order < CHUNK_ORDER ? alloc_pages(GFP_KERNEL, CHUNK_ORDER) : NULL;
	if (p)
		order = CHUNK_ORDER;
	else
		p = alloc_pages(GFP_KERNEL, order);
	if (!p)
		return false;
	stats.pages += 1UL << order;
	chunk_next = p;
	chunk_end = p + (PAGE_SIZE << order);
	return true;
}

static void *kmalloc_new_chunk(size_t size, gfp_t gfp);

void *kmalloc(size_t size, gfp_t gfp)
{
	struct bump_hdr *h;
	size_t need;

	if (!size || size > MAX_SIZE)
		return NULL;
	need = ALIGN_UP(size, 8) + HDR;
	if (unlikely((size_t)(chunk_end - chunk_next) < need))
		return kmalloc_new_chunk(size, gfp);	/* a tail call: no frame here */
	h = (struct bump_hdr *)chunk_next;
	chunk_next += need;
	h->magic = BUMP_LIVE;
	h->size = size;
	stats.bytes_in_use += size;
	stats.alloc_calls++;
	if (gfp & __GFP_ZERO)
		return memset(h + 1, 0, ALIGN_UP(size, 8));
	return h + 1;
}

static void *__noinline kmalloc_new_chunk(size_t size, gfp_t gfp)
{
	if (!new_chunk(ALIGN_UP(size, 8) + HDR))
		return NULL;
	return kmalloc(size, gfp);
}

void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

void kmem_heap_free(const void *p, unsigned long caller)
{
	struct bump_hdr *h;

	if (!p)
		return;
	h = to_hdr(p, "kfree", caller);
	if (!h)
		return;
	h->magic = BUMP_FREED;
	stats.bytes_in_use -= h->size;
	stats.free_calls++;
}

void kfree(const void *p)
{
	kmem_heap_free(p, (unsigned long)__builtin_return_address(0));
}

size_t ksize(const void *p)
{
	struct bump_hdr *h = p ? to_hdr(p, "ksize", (unsigned long)__builtin_return_address(0))
			       : NULL;

	return h ? ALIGN_UP(h->size, 8) : 0;
}

/* Within the block's rounded size it stays in place; growing copies. */
void *krealloc(const void *p, size_t size, gfp_t gfp)
{
	unsigned long caller = (unsigned long)__builtin_return_address(0);
	struct bump_hdr *h;
	void *new;

	if (!p)
		return kmalloc(size, gfp);
	if (!size) {
		kmem_heap_free(p, caller);
		return NULL;
	}
	h = to_hdr(p, "krealloc", caller);
	if (!h)
		return NULL;
	if (size <= ALIGN_UP(h->size, 8)) {
		stats.bytes_in_use += size - h->size;
		h->size = size;
		return (void *)p;
	}
	new = kmalloc(size, gfp);
	if (!new)
		return NULL;
	memcpy(new, p, h->size);
	kmem_heap_free(p, caller);
	return new;
}

/*
 * The heap comes first, as cache "kmalloc-heap": live blocks, every block
 * ever handed out (freed ones still take their room), and its pages.
 * Named caches hold no pages of their own.
 */
int kmem_cache_for_each(void (*fn)(const struct kmem_cache_info *info, void *arg), void *arg)
{
	struct kmem_cache_info info = { "kmalloc-heap", 0, stats.alloc_calls - stats.free_calls,
					stats.alloc_calls, stats.pages };
	int n = 1;	/* the heap itself */

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
