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
 * Named caches are plain kmalloc blocks (mm/kmem_heap_caches.c, with a
 * lock of its own).
 *
 * Locking: one lock, bump_lock, taken with interrupts off, protects the
 * chunk, stats and every header.  It is held for a few instructions per
 * call: dropped around the page allocator (a new chunk), around zeroing
 * and copying, and around the reports of bad pointers, which are only
 * classified under it.  If two harts take new chunks at once, the later
 * one wins and the rest of the other is abandoned, as when a request does
 * not fit.
 */
#include <tern/errno.h>
#include <tern/kallsyms.h>
#include <tern/kernel.h>
#include <tern/slab.h>
#include <tern/spinlock.h>
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

const size_t kmem_heap_max_size = MAX_SIZE;
static spinlock_t bump_lock = SPINLOCK_INIT;
/* bump_lock */
static char *chunk_next, *chunk_end;	/* the free part of the current chunk */
static struct kmem_stats stats;		/* bytes_in_use: exactly as asked */

/* Called without bump_lock; freed says what to_hdr found. */
static void __noinline bad_pointer(const void *p, bool freed, const char *fn,
				   unsigned long caller)
{
	const char *what = "bad pointer";
	char where[KSYM_NAME_LEN + 32];

	if (freed)
		what = strcmp(fn, "kfree") ? "use after free of" : "double free of";
	sprint_backtrace(where, sizeof(where), caller);
	pr_err("%s: %s %p by %s; ignored\n", fn, what, p, where);
}

/*
 * Under bump_lock: the header of a live block, or NULL with *freed saying
 * whether p was one.
 */
static inline struct bump_hdr *to_hdr(const void *p, bool *freed)
{
	struct bump_hdr *h = (struct bump_hdr *)p - 1;

	*freed = false;
	if (unlikely((uintptr_t)p & 7))
		return NULL;
	if (likely(h->magic == BUMP_LIVE))
		return h;
	*freed = h->magic == BUMP_FREED;
	return NULL;
}

/* Pages for a chunk of at least need bytes, or NULL; stores their order. */
static char *chunk_pages(size_t need, unsigned int *order)
{
	char *p;

	*order = 0;
	while ((PAGE_SIZE << *order) < need)
		(*order)++;
	/* Prefer a few pages at once; when memory is short, just enough. */
	p = *order < CHUNK_ORDER ? alloc_pages(GFP_KERNEL, CHUNK_ORDER) : NULL;
	if (p)
		*order = CHUNK_ORDER;
	else
		p = alloc_pages(GFP_KERNEL, *order);
	return p;
}

/* Under bump_lock: the next block of the chunk, which has room for it. */
static __always_inline struct bump_hdr *carve(size_t size, size_t need)
{
	struct bump_hdr *h = (struct bump_hdr *)chunk_next;

	chunk_next += need;
	h->magic = BUMP_LIVE;
	h->size = size;
	stats.bytes_in_use += size;
	stats.alloc_calls++;
	return h;
}

/*
 * kmalloc when the chunk is too small or the block must be zeroed: called
 * with bump_lock held (flags), unlocks.  A new chunk is taken with the
 * lock dropped.
 */
static void *__noinline kmalloc_slow(size_t size, gfp_t gfp, unsigned long flags)
{
	size_t need = ALIGN_UP(size, 8) + HDR;
	struct bump_hdr *h;
	unsigned int order;
	char *p;

	if ((size_t)(chunk_end - chunk_next) < need) {
		spin_unlock_irqrestore(&bump_lock, flags);
		p = chunk_pages(need, &order);
		if (!p)
			return NULL;
		flags = spin_lock_irqsave(&bump_lock);
		stats.pages += 1UL << order;
		chunk_next = p;
		chunk_end = p + (PAGE_SIZE << order);
	}
	h = carve(size, need);
	spin_unlock_irqrestore(&bump_lock, flags);
	if (gfp & __GFP_ZERO)
		memset(h + 1, 0, ALIGN_UP(size, 8));
	return h + 1;
}

/* One call leaves it, so the common path needs no stack frame. */
void *kmalloc(size_t size, gfp_t gfp)
{
	unsigned long flags;
	struct bump_hdr *h;
	size_t need;

	if (!size || size > MAX_SIZE)
		return NULL;
	need = ALIGN_UP(size, 8) + HDR;
	flags = spin_lock_irqsave(&bump_lock);
	if (unlikely((size_t)(chunk_end - chunk_next) < need || (gfp & __GFP_ZERO)))
		return kmalloc_slow(size, gfp, flags);
	h = carve(size, need);
	spin_unlock_irqrestore(&bump_lock, flags);
	return h + 1;
}

/* kfree's body, inlined in kfree so that its common path needs no frame. */
static __always_inline void heap_free(const void *p, unsigned long caller)
{
	unsigned long flags;
	struct bump_hdr *h;
	bool freed;

	if (!p)
		return;
	flags = spin_lock_irqsave(&bump_lock);
	h = to_hdr(p, &freed);
	if (h) {
		h->magic = BUMP_FREED;
		stats.bytes_in_use -= h->size;
		stats.free_calls++;
	}
	spin_unlock_irqrestore(&bump_lock, flags);
	if (!h)
		bad_pointer(p, freed, "kfree", caller);
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
	struct bump_hdr *h;
	size_t size = 0;
	bool freed;

	if (!p)
		return 0;
	flags = spin_lock_irqsave(&bump_lock);
	h = to_hdr(p, &freed);
	if (h)
		size = ALIGN_UP(h->size, 8);
	spin_unlock_irqrestore(&bump_lock, flags);
	if (!h)
		bad_pointer(p, freed, "ksize", (unsigned long)__builtin_return_address(0));
	return size;
}

/* Within the block's rounded size it stays in place; growing copies. */
ssize_t kmem_realloc_in_place(const void *p, size_t size, unsigned long caller)
{
	unsigned long flags = spin_lock_irqsave(&bump_lock);
	bool fits = false, freed;
	struct bump_hdr *h = to_hdr(p, &freed);
	size_t old = 0;

	if (h && size <= ALIGN_UP(h->size, 8)) {
		stats.bytes_in_use += size - h->size;
		h->size = size;
		fits = true;
	}
	if (h)
		old = h->size;	/* the caller's block: stable once unlocked */
	spin_unlock_irqrestore(&bump_lock, flags);
	if (!h) {
		bad_pointer(p, freed, "krealloc", caller);
		return -1;
	}
	return fits ? 0 : (ssize_t)old;
}

/*
 * The heap comes first, as cache "kmalloc-heap": live blocks, every block
 * ever handed out (freed ones still take their room), and its pages.
 * Named caches hold no pages of their own.
 */
int kmem_cache_for_each(void (*fn)(const struct kmem_cache_info *info, void *arg), void *arg)
{
	struct kmem_cache_info info = { "kmalloc-heap", 0, 0, 0, 0 };
	unsigned long flags = spin_lock_irqsave(&bump_lock);
	int n = 1;	/* the heap itself */

	info.active_objects = stats.alloc_calls - stats.free_calls;
	info.total_objects = stats.alloc_calls;
	info.pages = stats.pages;
	spin_unlock_irqrestore(&bump_lock, flags);
	fn(&info, arg);
	return n + kmem_heap_caches_for_each(fn, arg);
}

void kmem_get_stats(struct kmem_stats *s)
{
	unsigned long flags = spin_lock_irqsave(&bump_lock);

	*s = stats;
	spin_unlock_irqrestore(&bump_lock, flags);
}

void kmem_init(void)
{
}
