// SPDX-License-Identifier: MIT
/*
 * The slab allocator's DEBUG_SLAB checks (kmem_slab.h): red zones around
 * every object, RZ_ACTIVE while it is allocated and RZ_INACTIVE while it
 * is free, and free objects filled with POISON_FREE, so that kfree and
 * kmalloc tell a double free from an overwrite and notice a write to a
 * freed object.  The slot layout is drawn in kmem_slab.c.
 */
#include <tern/slab.h>
#include <tern/string.h>

#include "kmem_slab.h"

/* The first byte of [p, p + n) that is not c, or NULL. */
static const u8 *find_mismatch(const void *p, u8 c, size_t n)
{
	const u8 *b = p;

	for (; n; n--, b++)
		if (*b != c)
			return b;
	return NULL;
}

static bool is_object(const struct kmem_cache *cache, const struct slab *slab, const void *p)
{
	uintptr_t off = (uintptr_t)p - (uintptr_t)first_object(cache, slab);

	return (uintptr_t)p >= (uintptr_t)first_object(cache, slab) &&
	       off % cache->stride == 0 && off / cache->stride < cache->objects;
}

static void set_red_zones(const struct kmem_cache *cache, void *obj, u8 c)
{
	memset((char *)obj - cache->red_left, c, cache->red_left);
	memset((char *)obj + cache->size, c, RZ_RIGHT);
}

/* Red zones all c? */
static bool red_zones_are(const struct kmem_cache *cache, const void *obj, u8 c)
{
	return !find_mismatch((const char *)obj - cache->red_left, c, cache->red_left) &&
	       !find_mismatch((const char *)obj + cache->size, c, RZ_RIGHT);
}

void slab_debug_init_object(const struct kmem_cache *cache, void *obj)
{
	memset(obj, POISON_FREE, cache->size);
	set_red_zones(cache, obj, RZ_INACTIVE);
}

void slab_debug_alloc(struct kmem_cache *cache, const struct slab *slab, void *obj,
		      const char *fn, unsigned long caller, const unsigned long *locked)
{
	void *next = *free_pointer(cache, obj);
	const u8 *bad;

	if (!is_object(cache, slab, obj) || (next && !is_object(cache, slab, next)))
		slab_bug(fn, cache, locked, caller, "free list of slab %p corrupted", slab);
	bad = find_mismatch(obj, POISON_FREE, cache->size);
	if (bad)
		slab_bug(fn, cache, locked, caller, "write to freed object %p (byte %u is %#x)",
			 obj, (unsigned int)(bad - (const u8 *)obj), *bad);
	if (!red_zones_are(cache, obj, RZ_INACTIVE))
		slab_bug(fn, cache, locked, caller, "red zone of freed object %p overwritten",
			 obj);
	set_red_zones(cache, obj, RZ_ACTIVE);
}

void slab_debug_check_live(struct kmem_cache *cache, const struct slab *slab,
			   const void *p, const char *fn, unsigned long caller,
			   const char *freed, const unsigned long *locked)
{
	if (!is_object(cache, slab, p))
		slab_bug(fn, cache, locked, caller, "bad pointer %p: not an object", p);
	if (red_zones_are(cache, p, RZ_INACTIVE))
		slab_bug(fn, cache, locked, caller, "%s of %p", freed, p);
	if (find_mismatch((const char *)p - cache->red_left, RZ_ACTIVE, cache->red_left))
		slab_bug(fn, cache, locked, caller, "red zone before %p overwritten", p);
	if (find_mismatch((const char *)p + cache->size, RZ_ACTIVE, RZ_RIGHT))
		slab_bug(fn, cache, locked, caller, "red zone after %p (%u bytes) overwritten",
			 p, (unsigned int)cache->size);
}

void slab_debug_free(struct kmem_cache *cache, const struct slab *slab, void *obj,
		     const char *fn, unsigned long caller, const unsigned long *locked)
{
	slab_debug_check_live(cache, slab, obj, fn, caller, "double free", locked);
	slab_debug_init_object(cache, obj);
}
