// SPDX-License-Identifier: MIT
/*
 * Host tests of the slab allocator, mm/kmem_slab.c as it is (without
 * DEBUG_SLAB; test_kmem_slab_debug.c builds it with), on the fake page
 * allocator of kmem_host.c.
 */
#include "harness.h"
#include <stdint.h>

#include "rename.h"
#include "kmem_host.h"
#include "kmem_model.h"
#include "kmem_common_cases.h"
#include "kmem_slab_cases.h"
#include <tern/printf.h>

/* Slab orders are picked to waste at most 1/8 of each slab. */
TEST(slabs_waste_at_most_an_eighth)
{
	void *p[9];
	unsigned int i;

	for (i = 0; i < 9; i++) {
		char name[16];
		struct cache_query q;

		p[i] = kmalloc(8U << i, GFP_KERNEL);
		ASSERT(p[i]);
		snprintf(name, sizeof(name), "kmalloc-%u", 8U << i);
		q = query(name);
		EXPECT(q.info.total_objects * q.info.object_size * 8 >=
		       q.info.pages * PAGE_SIZE * 7);
	}
	for (i = 0; i < 9; i++)
		kfree(p[i]);
}

/* Without DEBUG_SLAB, a kmalloc(32)/kfree loop reuses one object. */
TEST(alloc_free_loop_reuses_one_object)
{
	void *p = kmalloc(32, GFP_KERNEL);
	unsigned long used = fake_pgalloc_used_pages();
	int i;

	kfree(p);
	for (i = 0; i < 1000; i++) {
		void *q = kmalloc(32, GFP_KERNEL);

		EXPECT(q == p);
		kfree(q);
	}
	EXPECT_EQ(fake_pgalloc_used_pages(), used);
}

TEST_MAIN()
