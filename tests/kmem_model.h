/* SPDX-License-Identifier: MIT */
/*
 * A reference-model check for any object allocator (include/tern/slab.h),
 * shared by the test_kmem_* programs.  model_run() makes a long seeded
 * random sequence of kmalloc, kzalloc, krealloc, ksize, kfree and named
 * cache calls, and checks after each one:
 *  - the pointer is aligned (KMALLOC_MIN_ALIGN, or the cache's align) and
 *    ksize covers the request;
 *  - no two live objects overlap: every 8-byte granule of an object is
 *    claimed in the fake page allocator's shadow (fake_pgalloc_shadow),
 *    which must show it unowned, and released on free;
 *  - contents survive: each object holds a pattern of its id, checked on
 *    free and krealloc, and all of them every MODEL_VERIFY_EVERY steps;
 *  - kzalloc zeroes;
 *  - no lock is left held and interrupts are as before (on or off);
 * and at the end, once everything is freed, that the allocator's counters
 * are back where they started.  What happens to the pages then differs by
 * allocator; each test says what it expects.
 *
 * Include after harness.h, rename.h and kmem_host.h.
 */
#ifndef TESTS_KMEM_MODEL_H
#define TESTS_KMEM_MODEL_H

#include <tern/slab.h>
#include <tern/string.h>

#include "irqflags_host.h"

#define MODEL_SLOTS		512
#define MODEL_VERIFY_EVERY	2048
#define MODEL_NR_CACHES		4

struct model_obj {
	unsigned char *p;
	size_t size;
	unsigned int id;	/* pattern seed and shadow owner; 0 when the slot is empty */
	int cache;		/* index in model_caches, or -1 for kmalloc */
};

static const struct {
	const char *name;
	size_t size, align;
} model_cache_defs[MODEL_NR_CACHES] = {
	{ "model-24", 24, 0 },
	{ "model-200", 200, 64 },
	{ "model-1000", 1000, 512 },
	{ "model-3000", 3000, 4096 },
};

static struct model_obj model_objs[MODEL_SLOTS];
static struct kmem_cache *model_caches[MODEL_NR_CACHES];
static unsigned int model_next_id;
static unsigned int model_rng;

static unsigned int model_rand(void)
{
	/* xorshift32 */
	model_rng ^= model_rng << 13;
	model_rng ^= model_rng >> 17;
	model_rng ^= model_rng << 5;
	return model_rng;
}

/* Mostly small, some up to a page or two, a few up to max. */
static size_t model_size(size_t max)
{
	static const size_t limits[16] = {
		128, 128, 128, 128, 128, 128, 128, 128, 128, 2048, 2048, 2048, 2048, 8192, 8192, 0,
	};
	size_t limit = limits[model_rand() % 16];

	return 1 + model_rand() % (limit && limit < max ? limit : max);
}

static unsigned char model_byte(unsigned int id, size_t i)
{
	return (unsigned char)(id * 151 + i * 7 + (i >> 9));
}

static void model_fill(const struct model_obj *o, size_t from)
{
	size_t i;

	for (i = from; i < o->size; i++)
		o->p[i] = model_byte(o->id, i);
}

/* Are the first n bytes intact? */
static bool model_check(const struct model_obj *o, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (o->p[i] != model_byte(o->id, i))
			return FAIL("object %u (%p, %zu bytes): byte %zu is %#x, not %#x", o->id,
				    (void *)o->p, o->size, i, o->p[i], model_byte(o->id, i));
	return true;
}

static size_t model_align(const struct model_obj *o)
{
	size_t align = o->cache < 0 ? 0 : model_cache_defs[o->cache].align;

	return align > KMALLOC_MIN_ALIGN ? align : KMALLOC_MIN_ALIGN;
}

/* Marks o's granules as o's in the shadow; from is where they were unowned. */
static bool model_claim(const struct model_obj *o, unsigned int from, unsigned int to)
{
	unsigned int *s = fake_pgalloc_shadow(o->p, o->size);
	size_t i, n = (o->size + 7) / 8;

	if (!s)
		return FAIL("object %u (%p, %zu bytes) is not inside one allocated page block",
			    o->id, (void *)o->p, o->size);
	for (i = 0; i < n; i++)
		if (s[i] != from)
			return FAIL("object %u (%p, %zu bytes) overlaps object %u at byte %zu",
				    o->id, (void *)o->p, o->size, s[i], 8 * i);
	for (i = 0; i < n; i++)
		s[i] = to;
	return true;
}

static bool model_new(struct model_obj *o, size_t size, int cache, bool zero)
{
	size_t i;

	o->size = cache < 0 ? size : model_cache_defs[cache].size;
	o->cache = cache;
	o->id = ++model_next_id;
	if (cache >= 0)
		o->p = kmem_cache_alloc(model_caches[cache], zero ? __GFP_ZERO : GFP_KERNEL);
	else
		o->p = zero ? kzalloc(size, GFP_KERNEL) : kmalloc(size, GFP_KERNEL);
	if (!o->p) {
		o->id = 0;
		return FAIL("no memory for %zu bytes (cache %d)", o->size, cache);
	}
	if ((uintptr_t)o->p % model_align(o))
		FAIL("%p is not aligned to %zu", (void *)o->p, model_align(o));
	if (cache < 0 && ksize(o->p) < size)
		FAIL("ksize(%p) is %zu, below %zu", (void *)o->p, ksize(o->p), size);
	for (i = 0; zero && i < o->size; i++)
		if (o->p[i])
			return FAIL("zeroed object %p has byte %zu = %#x", (void *)o->p, i,
				    o->p[i]);
	if (!model_claim(o, 0, o->id))
		return false;
	model_fill(o, 0);
	return true;
}

static void model_free(struct model_obj *o)
{
	model_check(o, o->size);
	model_claim(o, o->id, 0);
	if (o->cache < 0)
		kfree(o->p);
	else
		kmem_cache_free(model_caches[o->cache], o->p);
	o->p = NULL;
	o->id = 0;
}

static void model_realloc(struct model_obj *o, size_t size)
{
	size_t keep = size < o->size ? size : o->size;
	unsigned char *p;

	model_check(o, o->size);
	model_claim(o, o->id, 0);
	p = krealloc(o->p, size, GFP_KERNEL);
	if (!p) {
		FAIL("krealloc(%p, %zu) failed", (void *)o->p, size);
		model_claim(o, 0, o->id);
		return;
	}
	o->p = p;
	o->size = size;
	if ((uintptr_t)p % KMALLOC_MIN_ALIGN || ksize(p) < size)
		FAIL("krealloc gave %p, ksize %zu, for %zu bytes", (void *)p, ksize(p), size);
	model_check(o, keep);
	model_claim(o, 0, o->id);
	model_fill(o, keep);
}

/*
 * ops random steps on up to MODEL_SLOTS live objects of up to max_size
 * bytes, named caches included when caches is true; then frees everything.
 */
static void model_run(unsigned long ops, unsigned int seed, size_t max_size, bool caches)
{
	bool irqs_on = !arch_irqs_disabled();
	struct kmem_stats before, after;
	unsigned long step;
	int i;

	model_rng = seed;
	kmem_get_stats(&before);
	for (i = 0; caches && i < MODEL_NR_CACHES; i++) {
		model_caches[i] = kmem_cache_create(model_cache_defs[i].name,
						    model_cache_defs[i].size,
						    model_cache_defs[i].align, 0);
		if (!model_caches[i])
			FAIL("kmem_cache_create(%s) failed", model_cache_defs[i].name);
	}
	for (step = 0; step < ops && !harness_failures; step++) {
		struct model_obj *o = &model_objs[model_rand() % MODEL_SLOTS];
		unsigned int r = model_rand() % 100;

		if (!o->p) {
			int cache = caches && r < 25 ? (int)(r % MODEL_NR_CACHES) : -1;

			model_new(o, model_size(max_size), cache, r % 10 == 9);
		} else if (r < 55) {
			model_free(o);
		} else if (r < 85 && o->cache < 0) {
			model_realloc(o, model_size(max_size));
		} else {
			model_check(o, o->size);
			if (o->cache < 0 && ksize(o->p) < o->size)
				FAIL("ksize(%p) shrank below %zu", (void *)o->p, o->size);
		}
		EXPECT_LOCKS_RELEASED(irqs_on);
		if (step % MODEL_VERIFY_EVERY == 0)
			for (i = 0; i < MODEL_SLOTS; i++)
				if (model_objs[i].p)
					model_check(&model_objs[i], model_objs[i].size);
	}
	for (i = 0; i < MODEL_SLOTS; i++)
		if (model_objs[i].p)
			model_free(&model_objs[i]);
	for (i = 0; caches && i < MODEL_NR_CACHES; i++)
		if (model_caches[i] && kmem_cache_destroy(model_caches[i]))
			FAIL("kmem_cache_destroy(%s) failed", model_cache_defs[i].name);
	kmem_get_stats(&after);
	EXPECT_EQ(after.bytes_in_use, before.bytes_in_use);
	EXPECT_EQ(after.alloc_calls - before.alloc_calls, after.free_calls - before.free_calls);
}

#endif
