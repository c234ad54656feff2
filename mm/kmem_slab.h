/* SPDX-License-Identifier: MIT */
/*
 * Inside the slab allocator: what mm/kmem_slab.c shares with its
 * DEBUG_SLAB checks, mm/kmem_slab_debug.c, which is built only with
 * DEBUG_SLAB (kmem_slab.c calls them under IS_ENABLED(CONFIG_DEBUG_SLAB)).
 * The slab layout and the locking rules are described in kmem_slab.c.
 */
#ifndef MM_KMEM_SLAB_H
#define MM_KMEM_SLAB_H

#include <tern/compiler.h>
#include <tern/spinlock.h>
#include <tern/types.h>

#define CACHE_NAME_LEN	24

/* DEBUG_SLAB patterns */
#define POISON_FREE	0x6b	/* every byte of a free object */
#define RZ_ACTIVE	0xcc	/* red zones of an allocated object */
#define RZ_INACTIVE	0xbb	/* red zones of a free object */
#define RZ_RIGHT	8	/* red zone bytes after an object */

struct slab {
	u32 magic;			/* SLAB_MAGIC ^ address while a slab */
	u32 inuse;			/* allocated objects */
	struct kmem_cache *cache;
	void *freelist;			/* first free object; NULL when full */
	struct slab *next, **pprev;	/* on cache->partial or cache->full */
};

struct kmem_cache {
	/* Read and written by every allocation and free, under lock. */
	spinlock_t lock;
	struct slab *partial;	/* slabs with a free slot, the kept empty one too */
	struct slab *full;	/* slabs without */
	struct slab *empty;	/* the kept empty slab (on partial), or NULL */
	u32 objects;		/* slots per slab; 0 until set up */
	u32 size;		/* usable object size: object_size rounded up */
	u32 free_offset;	/* DEBUG_SLAB: where the free pointer is, from the object */
	u32 red_left;		/* DEBUG_SLAB: red zone before the object (else 0) */
	unsigned long alloc_calls, free_calls;
	/* Fixed at creation. */
	u32 order;		/* a slab is 2^order pages */
	u32 offset;		/* first slot, from the slab start */
	u32 stride;		/* slot to slot */
	size_t object_size;	/* as asked for */
	unsigned long nr_slabs;	/* lock */
	/* slab_lock */
	unsigned long id;	/* creation order: cache_list is sorted by it */
	struct kmem_cache *next;	/* on cache_list */
	char name[CACHE_NAME_LEN];
};

static __always_inline void **free_pointer(const struct kmem_cache *cache, void *obj)
{
	if (IS_ENABLED(CONFIG_DEBUG_SLAB))
		return (void **)((char *)obj + cache->free_offset);
	return obj;
}

static inline char *first_object(const struct kmem_cache *cache, const struct slab *slab)
{
	return (char *)slab + cache->offset + cache->red_left;
}

/*
 * Panics with "<fn>: <what> in cache <name> by <caller>".  locked: NULL,
 * or the flags cache->lock is held with, to drop it first (the host tests'
 * panic returns to the test, which goes on using the cache).
 */
void __noreturn __printf(5, 6)
slab_bug(const char *fn, struct kmem_cache *cache, const unsigned long *locked,
	 unsigned long caller, const char *fmt, ...);

/*
 * kmem_slab_debug.c.  Each check runs before anything is changed, under
 * cache->lock, taken with *locked; a report drops it and panics naming
 * fn and the caller.
 */
/* A new slab's slot: free, poisoned. */
void slab_debug_init_object(const struct kmem_cache *cache, void *obj);
/* obj, the head of slab's free list, is about to be handed out. */
void slab_debug_alloc(struct kmem_cache *cache, const struct slab *slab, void *obj,
		      const char *fn, unsigned long caller, const unsigned long *locked);
/*
 * p is passed back (kfree) or looked at (ksize): is it a live object?
 * freed names the bug when it is not: "double free", "use after free".
 */
void slab_debug_check_live(struct kmem_cache *cache, const struct slab *slab,
			   const void *p, const char *fn, unsigned long caller,
			   const char *freed, const unsigned long *locked);
/* obj is being freed: checked as live, then poisoned. */
void slab_debug_free(struct kmem_cache *cache, const struct slab *slab, void *obj,
		     const char *fn, unsigned long caller, const unsigned long *locked);

#endif
