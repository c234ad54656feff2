// SPDX-License-Identifier: MIT
/*
 * Named caches for the heap allocators (simple and bump): a cache is just
 * kmalloc of its object size, with alignment above KMALLOC_MIN_ALIGN done
 * by over-allocating.  The slab allocator has real caches of its own.
 */
#include <tern/compiler.h>
#include <tern/errno.h>
#include <tern/printk.h>
#include <tern/string.h>

#include "kmem_heap.h"

#define CACHE_NAME_LEN	24

struct kmem_cache {
	size_t size, align;	/* align: a power of two, at least 8 */
	unsigned long active;
	struct kmem_cache *next;
	char name[CACHE_NAME_LEN];
};

static struct kmem_cache *cache_list;

struct kmem_cache *kmem_cache_create(const char *name, size_t size, size_t align,
				     unsigned int flags)
{
	struct kmem_cache *cache, **pp;

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
	for (pp = &cache_list; *pp; pp = &(*pp)->next)
		;
	*pp = cache;
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
		cache->active++;
	return obj;
}

void kmem_cache_free(struct kmem_cache *cache, void *obj)
{
	if (!obj)
		return;
	cache->active--;
	if (cache->align != KMALLOC_MIN_ALIGN)
		obj = ((void **)obj)[-1];
	kmem_heap_free(obj, (unsigned long)__builtin_return_address(0));
}

int kmem_cache_destroy(struct kmem_cache *cache)
{
	struct kmem_cache **pp;

	if (!cache)
		return -EINVAL;
	if (cache->active) {
		pr_err("kmem_cache_destroy: %s still has %lu objects\n", cache->name,
		       cache->active);
		return -EBUSY;
	}
	for (pp = &cache_list; *pp != cache; pp = &(*pp)->next)
		;
	*pp = cache->next;
	kfree(cache);
	return 0;
}

int kmem_heap_caches_for_each(void (*fn)(const struct kmem_cache_info *info, void *arg),
			      void *arg)
{
	struct kmem_cache *cache, *next;
	int n = 0;

	for (cache = cache_list; cache; cache = next, n++) {
		struct kmem_cache_info info = { cache->name, cache->size, cache->active,
						cache->active, 0 };

		next = cache->next;	/* fn may destroy the cache */
		fn(&info, arg);
	}
	return n;
}
