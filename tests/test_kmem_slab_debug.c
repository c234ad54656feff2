// SPDX-License-Identifier: MIT
/*
 * Host tests of the slab allocator built with DEBUG_SLAB: the shared cases
 * of kmem_slab_cases.h, then each bug DEBUG_SLAB must catch, as a panic
 * (a longjmp here) that names the bug, the cache and the caller.  A panic
 * comes before the allocator changes anything, so each case repairs what
 * it broke and frees its objects normally.
 */
#include "harness.h"
#include <stdint.h>

#include "rename.h"
#include "kmem_host.h"
#include "kmem_model.h"
#include "kmem_common_cases.h"
#include "kmem_slab_cases.h"

TEST(double_free_names_the_cache_and_the_caller)
{
	char *p = kmalloc(32, GFP_KERNEL), *keep = kmalloc(32, GFP_KERNEL);

	ASSERT(p && keep);	/* keep holds the slab, so it stays */
	kfree(p);
	EXPECT_PANIC(kfree(p), "kfree: double free of 0x");
	EXPECT(strstr(host_panic_msg, " in cache kmalloc-32 by 0x") != NULL);
	EXPECT_PANIC(ksize(p), "ksize: use after free of");
	EXPECT_PANIC(krealloc(p, 64, GFP_KERNEL), "krealloc: use after free of");
	kfree(keep);
}

TEST(double_free_in_a_named_cache)
{
	struct kmem_cache *c = kmem_cache_create("dbl", 40, 16, 0);
	void *a, *b;

	ASSERT(c);
	a = kmem_cache_alloc(c, GFP_KERNEL);
	b = kmem_cache_alloc(c, GFP_KERNEL);
	ASSERT(a && b);
	kmem_cache_free(c, a);
	EXPECT_PANIC(kmem_cache_free(c, a), "kmem_cache_free: double free of");
	EXPECT(strstr(host_panic_msg, "in cache dbl") != NULL);
	kmem_cache_free(c, b);
	EXPECT_EQ(kmem_cache_destroy(c), 0);
}

TEST(pointer_inside_an_object_panics)
{
	char *p = kmalloc(64, GFP_KERNEL);

	ASSERT(p);
	EXPECT_PANIC(kfree(p + 8), "kfree: bad pointer");
	EXPECT(strstr(host_panic_msg, "not an object in cache kmalloc-64") != NULL);
	EXPECT_PANIC(kfree(p - 8), "not an object");
	EXPECT_PANIC(ksize(p + 1), "not an object");
	EXPECT_PANIC(kfree(pgalloc_block_start(p, NULL)), "a slab header");
	kfree(p);
}

TEST(red_zone_overwrites_are_caught_on_free)
{
	char *p = kmalloc(24, GFP_KERNEL), saved;

	ASSERT(p);
	saved = p[32];
	p[32] = 0;	/* one past the 32-byte object */
	EXPECT_PANIC(kfree(p), "red zone after");
	p[32] = saved;
	saved = p[-1];
	p[-1] = 0;
	EXPECT_PANIC(kfree(p), "red zone before");
	EXPECT(strstr(host_panic_msg, "in cache kmalloc-32") != NULL);
	p[-1] = saved;
	kfree(p);
}

TEST(writes_to_freed_objects_are_caught_on_allocation)
{
	char *keep = kmalloc(128, GFP_KERNEL), *p = kmalloc(128, GFP_KERNEL), *q, saved;

	ASSERT(keep && p);
	kfree(p);
	EXPECT_EQ((unsigned char)p[0], 0x6b);	/* poisoned */
	EXPECT_EQ((unsigned char)p[127], 0x6b);
	saved = p[100];
	p[100] = 1;
	EXPECT_PANIC(kmalloc(128, GFP_KERNEL), "kmalloc: write to freed object");
	EXPECT(strstr(host_panic_msg, "(byte 100 is 0x1) in cache kmalloc-128") != NULL);
	p[100] = saved;
	q = kmalloc(128, GFP_KERNEL);
	EXPECT(q == p);
	kfree(q);
	kfree(keep);
}

TEST(zeroed_allocation_clears_the_poison)
{
	unsigned char *p = kzalloc(100, GFP_KERNEL);
	int i;

	ASSERT(p);
	for (i = 0; i < 128; i++)
		EXPECT_EQ(p[i], 0);
	kfree(p);
}

TEST_MAIN()
