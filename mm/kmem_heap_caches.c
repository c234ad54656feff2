// SPDX-License-Identifier: MIT
/*
 * Named caches for the heap allocators (simple and bump): a cache is just
 * kmalloc of its object size, with alignment above KMALLOC_MIN_ALIGN done
 * by over-allocating.  The slab allocator has real caches of its own.
 *
 * Locking: cache_lock, taken with interrupts off, protects cache_list,
 * the ids and every cache's active count.  It is never held while calling
 * kmalloc or kfree (whose heap lock is the allocator's own), nor while
 * kmem_heap_caches_for_each calls back.
 */
#include <tern/compiler.h>
#include <tern/errno.h>
#include <tern/printk.h>
#include <tern/spinlock.h>
#include <tern/string.h>

#include "kmem_heap.h"

#define CACHE_NAME_LEN	24

struct kmem_cache {
	size_t size, align;	/* align: a power of two, at least 8 */
	char name[CACHE_NAME_LEN];
	/* cache_lock */
	unsigned long active;
	unsigned long id;	/* creation order: cache_list is sorted by it */
	struct kmem_cache *next;
};

static spinlock_t cache_lock = SPINLOCK_INIT;
/* cache_lock */
static struct kmem_cache *cache_list;
static unsigned long next_cache_id;

static void count_object(struct kmem_cache *cache, long n)
{
	unsigned long flags = spin_lock_irqsave(&cache_lock);

	cache->active += n;
	spin_unlock_irqrestore(&cache_lock, flags);
}

struct kmem_cache *kmem_cache_create(const char *name, size_t size, size_t align,
				     unsigned int flags)
{
	struct kmem_cache *cache, **pp;
	unsigned long irq;

	(void)flags;
	align = align ? align : KMALLOC_MIN_ALIGN;
	if (!size || size > kmem_heap_max_size - PAGE_SIZE || (align & (align - 1)) || align > PAGE_SIZE)
		return NULL;
	cache = kzalloc(sizeof(*cache), GFP_KERNEL);
	if (!cache)
		return NULL;
	strlcpy(cache->name, name ? name : "(unnamed)", sizeof(cache->name));
	cache->size = size;
	cache->align = MAX(align, KMALLOC_MIN_ALIGN);
	irq = spin_lock_irqsave(&cache_lock);
	for (pp = &cache_list; *pp; pp = &(*pp)->next)
		;
	cache->id = next_cache_id++;
	*pp = cache;
	spin_unlock_irqrestore(&cache_lock, irq);
	return cache;
}

/*
 * Alignment above KMALLOC_MIN_ALIGN: over-allocate, and keep the kmalloc
 * pointer in the word before the object for kmem_cache_free.
 */
void *kmem_cache_alloc(struct kmem_cache *cache, gfp_t gfp)
{
	void *raw, *obj;

	if (cache->align == KMALLOC_MIN_ALIGN) {
		obj = kmalloc(cache->size, gfp);
	} else {
		raw = kmalloc(cache->size + cache->align, gfp);
		if (!raw)
			return NULL;
		obj = (void *)ALIGN_UP((uintptr_t)raw + 1, cache->align);
		((void **)obj)[-1] = raw;
	}
	if (obj)
		count_object(cache, 1);
	return obj;
}

void kmem_cache_free(struct kmem_cache *cache, void *obj)
{
	if (!obj)
		return;
	count_object(cache, -1);
	if (cache->align != KMALLOC_MIN_ALIGN)
		obj = ((void **)obj)[-1];
	kmem_free_caller(obj, (unsigned long)__builtin_return_address(0));
}

int kmem_cache_destroy(struct kmem_cache *cache)
{
	struct kmem_cache **pp;
	unsigned long flags, active;

	if (!cache)
		return -EINVAL;
	flags = spin_lock_irqsave(&cache_lock);
	active = cache->active;
	if (!active) {
		for (pp = &cache_list; *pp != cache; pp = &(*pp)->next)
			;
		*pp = cache->next;
	}
	spin_unlock_irqrestore(&cache_lock, flags);
	if (active) {
		pr_err("kmem_cache_destroy: %s still has %lu objects\n", cache->name, active);
		return -EBUSY;
	}
	kfree(cache);
	return 0;
}

/*
 * fn runs with no lock held, on a copy, so it may do anything, destroying
 * caches included.  The walk goes by id, so a cache destroyed meanwhile is
 * skipped and one created meanwhile is seen.
 */
int kmem_heap_caches_for_each(void (*fn)(const struct kmem_cache_info *info, void *arg),
			      void *arg)
{
	unsigned long next_id = 0, flags;
	struct kmem_cache_info info;
	char name[CACHE_NAME_LEN];
	struct kmem_cache *cache;
	int n;

	for (n = 0;; n++) {
		flags = spin_lock_irqsave(&cache_lock);
		for (cache = cache_list; cache && cache->id < next_id; cache = cache->next)
			;
		if (cache) {
			next_id = cache->id + 1;
			memcpy(name, cache->name, sizeof(name));
			info = (struct kmem_cache_info){ name, cache->size, cache->active,
							 cache->active, 0 };
		}
		spin_unlock_irqrestore(&cache_lock, flags);
		if (!cache)
			return n;
		fn(&info, arg);
	}
}
