/* SPDX-License-Identifier: MIT */
/*
 * The object allocator: kmalloc/kfree/krealloc and named caches of
 * fixed-size objects.  Exactly one implementation is linked, chosen in
 * Kconfig ("Memory management" -> "Object allocator"):
 *   mm/kmem_slab.c    per-size caches of slabs from the page allocator
 *   mm/kmem_simple.c  a first-fit free-list heap with coalescing
 *   mm/kmem_bump.c    a bump pointer that never frees
 * Callers never learn which.  Each implementation must provide every
 * function declared here but kzalloc (inline) and krealloc
 * (mm/kmem_common.c, over the two hooks of mm/kmem_common.h).
 *
 * kmalloc memory is aligned to at least KMALLOC_MIN_ALIGN.  Out of memory
 * is a NULL return; kmalloc(0) returns NULL; kfree(NULL) does nothing and
 * ksize(NULL) is 0.  Freeing a pointer twice, or
 * one kmalloc never returned, is a kernel bug: with DEBUG_SLAB the slab
 * allocator panics naming the caller and the cache.
 *
 * Every function but kmem_init may be called on any hart, at the same
 * time, and from interrupt handlers; none sleeps.  Implementations lock
 * with interrupts off, and hold no lock of theirs while calling the page
 * allocator, printk or a kmem_cache_for_each callback.  Destroying a cache
 * while another hart still uses it is the caller's bug.
 */
#ifndef TERN_SLAB_H
#define TERN_SLAB_H

#include <tern/pgalloc.h>
#include <tern/types.h>

#define KMALLOC_MIN_ALIGN	8
/* Requests above this go straight to whole pages (in the slab allocator). */
#define KMALLOC_MAX_CACHE_SIZE	2048

/* Sets up the allocator's own structures; after pgalloc_init. */
void kmem_init(void);

void *kmalloc(size_t size, gfp_t gfp);
void kfree(const void *ptr);

static inline void *kzalloc(size_t size, gfp_t gfp)
{
	return kmalloc(size, gfp | __GFP_ZERO);
}

/*
 * Resizes, keeping the contents up to the smaller size.  krealloc(NULL, n)
 * is kmalloc(n); krealloc(p, 0) frees p and returns NULL.  On failure the
 * old block is left untouched and NULL is returned.
 */
void *krealloc(const void *ptr, size_t size, gfp_t gfp);

/* The usable size of a kmalloc block (at least what was asked for). */
size_t ksize(const void *ptr);

struct kmem_cache;

/*
 * A cache of objects of one size.  align is 0 (KMALLOC_MIN_ALIGN) or a
 * power of two up to PAGE_SIZE.  Returns NULL on bad arguments or no
 * memory.  Destroying a cache with live objects is a bug: it is refused
 * (-EBUSY), and the cache stays usable.
 */
struct kmem_cache *kmem_cache_create(const char *name, size_t size, size_t align,
				     unsigned int flags);
void *kmem_cache_alloc(struct kmem_cache *cache, gfp_t gfp);
void kmem_cache_free(struct kmem_cache *cache, void *obj);
int kmem_cache_destroy(struct kmem_cache *cache);

/* One line of meminfo per cache (kmalloc size classes included). */
struct kmem_cache_info {
	const char *name;
	size_t object_size;		/* as asked for */
	unsigned long active_objects;	/* allocated now */
	unsigned long total_objects;	/* room in the pages the cache holds */
	unsigned long pages;		/* pages the cache holds */
};

/*
 * Calls fn once per cache, on a copy of its line taken under the cache's
 * lock, and with no lock held: fn may call the allocator, even destroy
 * caches.  Returns the number of caches.
 */
int kmem_cache_for_each(void (*fn)(const struct kmem_cache_info *info, void *arg), void *arg);

struct kmem_stats {
	unsigned long bytes_in_use;	/* asked for by live allocations */
	unsigned long pages;		/* pages taken from the page allocator */
	unsigned long alloc_calls, free_calls;
};
void kmem_get_stats(struct kmem_stats *stats);

/* The implementation's name as the boot banner says it ("slab"). */
extern const char kmem_name[];

#endif
