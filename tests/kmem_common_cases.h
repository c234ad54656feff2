/* SPDX-License-Identifier: MIT */
/*
 * Host tests of the object allocator contract (include/tern/slab.h) that
 * every implementation must pass, shared by the test_kmem_* programs.
 *
 * Include after harness.h, rename.h and kmem_host.h.
 */
#ifndef TESTS_KMEM_COMMON_CASES_H
#define TESTS_KMEM_COMMON_CASES_H

#include <tern/errno.h>
#include <tern/pgalloc.h>
#include <tern/slab.h>
#include <tern/string.h>

TEST(kmalloc_zero_and_enormous_sizes_return_null)
{
	char *p = kmalloc(64, GFP_KERNEL);

	ASSERT(p);
	memset(p, 'y', 64);
	EXPECT(kmalloc(0, GFP_KERNEL) == NULL);
	EXPECT(kzalloc(0, GFP_KERNEL) == NULL);
	EXPECT(kmalloc(SIZE_MAX, GFP_KERNEL) == NULL);
	EXPECT(kmalloc(SIZE_MAX - PAGE_SIZE + 2, GFP_KERNEL) == NULL);
	EXPECT(kmalloc((PAGE_SIZE << PGALLOC_MAX_ORDER) + 1, GFP_KERNEL) == NULL);
	EXPECT(krealloc(p, SIZE_MAX, GFP_KERNEL) == NULL);
	EXPECT_EQ(p[63], 'y');
	EXPECT(kmem_cache_create("huge", SIZE_MAX, 0, 0) == NULL);
	EXPECT_EQ(ksize(NULL), 0);
	kfree(NULL);
	kmem_cache_free(NULL, NULL);
	kfree(p);
}

TEST(kzalloc_and_gfp_zero_clear_reused_memory)
{
	static const size_t sizes[] = { 1, 8, 24, 100, 1000, 2048, 3000, 8192 };
	unsigned int i, j;

	for (i = 0; i < sizeof(sizes) / sizeof(sizes[0]); i++) {
		unsigned char *p = kmalloc(sizes[i], GFP_KERNEL);

		ASSERT(p);
		memset(p, 0xff, sizes[i]);
		kfree(p);
		p = i % 2 ? kzalloc(sizes[i], GFP_KERNEL) : kmalloc(sizes[i], __GFP_ZERO);
		ASSERT(p);
		for (j = 0; j < sizes[i] && !p[j]; j++)
			;
		EXPECT_EQ(j, sizes[i]);
		kfree(p);
	}
}

TEST(krealloc_keeps_contents_and_handles_null_and_zero)
{
	static const size_t sizes[] = { 10, 100, 1000, 3000, 10000, 50, 7, 2049, 1 };
	unsigned char *p = krealloc(NULL, 5, GFP_KERNEL);
	size_t old = 5, i, k;

	ASSERT(p);
	for (i = 0; i < old; i++)
		p[i] = (unsigned char)(i * 13 + 1);
	for (k = 0; k < sizeof(sizes) / sizeof(sizes[0]); k++) {
		size_t keep = old < sizes[k] ? old : sizes[k];

		p = krealloc(p, sizes[k], GFP_KERNEL);
		ASSERT(p);
		EXPECT(ksize(p) >= sizes[k]);
		for (i = 0; i < keep && p[i] == (unsigned char)(i * 13 + 1); i++)
			;
		EXPECT_EQ(i, keep);
		for (i = keep; i < sizes[k]; i++)
			p[i] = (unsigned char)(i * 13 + 1);
		old = sizes[k];
	}
	EXPECT(krealloc(p, ksize(p), GFP_KERNEL) == p);
	EXPECT(krealloc(p, 0, GFP_KERNEL) == NULL);	/* and p is freed */
}

TEST(cache_create_checks_its_arguments)
{
	static const size_t aligns[] = { 0, 1, 8, 16, 64, 512, 4096 };
	unsigned int i, j;

	EXPECT(kmem_cache_create("zero", 0, 0, 0) == NULL);
	EXPECT(kmem_cache_create("align3", 16, 3, 0) == NULL);
	EXPECT(kmem_cache_create("align8k", 16, 2 * PAGE_SIZE, 0) == NULL);
	EXPECT_EQ(kmem_cache_destroy(NULL), -EINVAL);
	for (i = 0; i < sizeof(aligns) / sizeof(aligns[0]); i++) {
		struct kmem_cache *c = kmem_cache_create("aligned", 40, aligns[i], 0);
		size_t align = aligns[i] > 8 ? aligns[i] : 8;
		void *p[20];

		ASSERT(c);
		for (j = 0; j < 20; j++) {
			p[j] = kmem_cache_alloc(c, GFP_KERNEL);
			ASSERT(p[j]);
			EXPECT_EQ((uintptr_t)p[j] % align, 0);
			memset(p[j], (int)j, 40);
		}
		for (j = 0; j < 20; j++) {
			EXPECT_EQ(((unsigned char *)p[j])[39], j);
			kmem_cache_free(c, p[j]);
		}
		EXPECT_EQ(kmem_cache_destroy(c), 0);
	}
}

static void count_cache(const struct kmem_cache_info *info, void *arg)
{
	(*(int *)arg) += info != NULL;
}

/*
 * Every entry point, on its common and its error paths, with interrupts
 * on and (as from an interrupt handler) off: none leaves a lock held or
 * changes the interrupt state.  The stand-ins of kmem_host.c abort if the
 * page allocator, printk or panic is called with a lock held.
 */
TEST(every_call_releases_its_locks_and_restores_interrupts)
{
	int irqs_on;

	for (irqs_on = 1; irqs_on >= 0; irqs_on--) {
		struct kmem_cache *c;
		struct kmem_stats s;
		char *p, *q;
		int n = 0;

		if (!irqs_on)
			arch_local_irq_disable();
		p = kmalloc(100, GFP_KERNEL);
		EXPECT(p && EXPECT_LOCKS_RELEASED(irqs_on));
		q = kzalloc(5000, GFP_KERNEL);		/* a page allocation for slab */
		EXPECT(q && EXPECT_LOCKS_RELEASED(irqs_on));
		EXPECT(ksize(p) >= 100 && EXPECT_LOCKS_RELEASED(irqs_on));
		p = krealloc(p, 50, GFP_KERNEL);
		EXPECT(p && EXPECT_LOCKS_RELEASED(irqs_on));
		p = krealloc(p, 3000, GFP_KERNEL);
		EXPECT(p && EXPECT_LOCKS_RELEASED(irqs_on));
		EXPECT(!kmalloc(0, GFP_KERNEL) && EXPECT_LOCKS_RELEASED(irqs_on));
		EXPECT(!kmalloc(SIZE_MAX, GFP_KERNEL) && EXPECT_LOCKS_RELEASED(irqs_on));
		c = kmem_cache_create("irqs", 40, 64, 0);
		EXPECT(c && EXPECT_LOCKS_RELEASED(irqs_on));
		if (c) {
			void *obj = kmem_cache_alloc(c, __GFP_ZERO);

			EXPECT(obj && EXPECT_LOCKS_RELEASED(irqs_on));
			EXPECT(kmem_cache_for_each(count_cache, &n) == n && n > 1);
			EXPECT_LOCKS_RELEASED(irqs_on);
			EXPECT_PRINTK(EXPECT_EQ(kmem_cache_destroy(c), -EBUSY), "irqs still has");
			EXPECT_LOCKS_RELEASED(irqs_on);
			kmem_cache_free(c, obj);
			EXPECT_LOCKS_RELEASED(irqs_on);
			EXPECT(kmem_cache_destroy(c) == 0 && EXPECT_LOCKS_RELEASED(irqs_on));
		}
		kmem_get_stats(&s);
		EXPECT_LOCKS_RELEASED(irqs_on);
		kfree(q);
		EXPECT_LOCKS_RELEASED(irqs_on);
		kfree(p);
		EXPECT_LOCKS_RELEASED(irqs_on);
		kfree(NULL);
		EXPECT_LOCKS_RELEASED(irqs_on);
		arch_local_irq_enable();
	}
}

/* As an interrupt handler would: every call with interrupts off. */
TEST(random_sequence_with_interrupts_off)
{
	arch_local_irq_disable();
	model_run(20000, 0x5eed9, 2048, true);
	EXPECT(arch_irqs_disabled());
	arch_local_irq_enable();
}

TEST(destroy_with_live_objects_is_refused)
{
	struct kmem_cache *c = kmem_cache_create("busy", 72, 0, 0);
	void *a, *b;

	ASSERT(c);
	a = kmem_cache_alloc(c, GFP_KERNEL);
	ASSERT(a);
	EXPECT_PRINTK(EXPECT_EQ(kmem_cache_destroy(c), -EBUSY), "busy still has 1 objects");
	b = kmem_cache_alloc(c, __GFP_ZERO);
	ASSERT(b);
	EXPECT_EQ(((char *)b)[71], 0);
	kmem_cache_free(c, a);
	EXPECT_EQ(kmem_cache_destroy(c), -EBUSY);
	kmem_cache_free(c, b);
	EXPECT_EQ(kmem_cache_destroy(c), 0);
}

#endif
