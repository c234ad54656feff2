// SPDX-License-Identifier: MIT
/*
 * The slab allocator's own promises (mm/kmem_slab.c), on the buddy page
 * allocator: empty slabs go back to it (one kept per cache), objects of
 * one size class share slabs, large kmallocs are whole page blocks, and
 * kmem_cache_for_each counts exactly.  Nothing else allocates pages while
 * a case runs, so the page allocator's free count measures the slabs.
 */
#include <tern/ktest.h>
#include <tern/pgalloc.h>
#include <tern/slab.h>
#include <tern/string.h>

struct cache_lookup {
	const char *name;
	struct kmem_cache_info info;
};

static void lookup_one(const struct kmem_cache_info *info, void *arg)
{
	struct cache_lookup *l = arg;

	if (!strcmp(info->name, l->name))
		l->info = *info;
}

/* The named cache's line of kmem_cache_for_each (zeroes if none). */
static struct kmem_cache_info cache_info(const char *name)
{
	struct cache_lookup l = { .name = name };

	kmem_cache_for_each(lookup_one, &l);
	return l.info;
}

static unsigned long free_pages_now(void)
{
	struct pgalloc_stats s;

	pgalloc_get_stats(&s);
	return s.free_pages;
}

static unsigned int block_order(const void *p)
{
	unsigned int order = 0;

	pgalloc_block_start(p, &order);
	return order;
}

static void empty_slabs_go_back_to_the_page_allocator(struct ktest *t)
{
	enum { N = 500 };
	struct kmem_cache *c = kmem_cache_create("ktest-reclaim", 100, 0, 0);
	unsigned long free0, kmalloc_pages;
	void **p = kmalloc(N * sizeof(*p), GFP_KERNEL);
	struct kmem_cache_info info;
	unsigned int i, slab_pages;

	KTEST_ASSERT(t, c && p);
	free0 = free_pages_now();
	for (i = 0; i < N; i++) {
		p[i] = kmem_cache_alloc(c, GFP_KERNEL);
		KTEST_ASSERT(t, p[i] != NULL);
	}
	slab_pages = 1U << block_order(p[0]);
	info = cache_info("ktest-reclaim");
	KTEST_EXPECT_GE(t, info.pages, 4 * slab_pages);
	KTEST_EXPECT_EQ(t, free0 - free_pages_now(), info.pages);
	for (i = 0; i < N; i++)		/* scattered, so slabs empty at different times */
		kmem_cache_free(c, p[(i * 7) % N]);
	info = cache_info("ktest-reclaim");
	KTEST_EXPECT_EQ(t, info.active_objects, 0);
	KTEST_EXPECT_EQ(t, info.pages, slab_pages);	/* the one kept empty slab */
	KTEST_EXPECT_EQ(t, free0 - free_pages_now(), slab_pages);
	KTEST_EXPECT_EQ(t, kmem_cache_destroy(c), 0);
	KTEST_EXPECT_EQ(t, free_pages_now(), free0);

	/* The same through a kmalloc class: its pages change by one slab at most. */
	kmalloc_pages = cache_info("kmalloc-512").pages;
	free0 = free_pages_now();
	for (i = 0; i < N; i++) {
		p[i] = kmalloc(300 + i % 200, GFP_KERNEL);
		KTEST_ASSERT(t, p[i] != NULL);
	}
	for (i = 0; i < N; i++)
		kfree(p[(i * 7) % N]);
	info = cache_info("kmalloc-512");
	KTEST_EXPECT_EQ(t, free0 + kmalloc_pages, free_pages_now() + info.pages);
	KTEST_EXPECT_LE(t, info.pages, kmalloc_pages + slab_pages);
	kfree(p);
}

static void objects_of_one_class_share_slabs(struct ktest *t)
{
	enum { N = 128 };
	void *p[N], *blocks[N], *other;
	unsigned int i, j, nr_blocks = 0, per_slab, slabs_before, order;
	struct kmem_cache_info info = cache_info("kmalloc-32");

	for (i = 0; i < N; i++) {
		p[i] = kmalloc(i % 2 ? 17 : 32, GFP_KERNEL);	/* both kmalloc-32 */
		KTEST_ASSERT(t, p[i] != NULL);
		KTEST_EXPECT_EQ(t, ksize(p[i]), 32);
	}
	order = block_order(p[0]);
	slabs_before = info.pages >> order;
	for (i = 0; i < N; i++) {
		void *start = pgalloc_block_start(p[i], NULL);

		KTEST_EXPECT(t, start != NULL && start != p[i]);
		for (j = 0; j < nr_blocks && blocks[j] != start; j++)
			;
		if (j == nr_blocks)
			blocks[nr_blocks++] = start;
	}
	info = cache_info("kmalloc-32");
	per_slab = info.total_objects / (info.pages >> order);
	KTEST_EXPECT_GE(t, per_slab, 64);	/* 126, or 72 with DEBUG_SLAB's red zones */
	/* New slabs are filled before another is taken. */
	KTEST_EXPECT_LE(t, nr_blocks, slabs_before + (N + per_slab - 1) / per_slab);
	other = kmalloc(33, GFP_KERNEL);	/* kmalloc-64: never in those slabs */
	KTEST_ASSERT(t, other != NULL);
	for (j = 0; j < nr_blocks; j++)
		KTEST_EXPECT(t, pgalloc_block_start(other, NULL) != blocks[j]);
	kfree(other);
	for (i = 0; i < N; i++)
		kfree(p[i]);
}

static void large_kmallocs_are_whole_pages(struct ktest *t)
{
	static const struct {
		size_t size;
		unsigned int order;
	} cases[] = {
		{ 2049, 0 }, { 4096, 0 }, { 4097, 1 }, { 8192, 1 }, { 8193, 2 }, { 100000, 5 },
	};
	unsigned long free0 = free_pages_now();
	unsigned int i, order;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		void *p = kmalloc(cases[i].size, GFP_KERNEL);

		KTEST_ASSERT(t, p != NULL);
		KTEST_EXPECT(t, pgalloc_block_start(p, &order) == p);
		KTEST_EXPECT_EQ(t, order, cases[i].order);
		KTEST_EXPECT_EQ(t, ksize(p), PAGE_SIZE << cases[i].order);
		KTEST_EXPECT_EQ(t, free0 - free_pages_now(), 1UL << cases[i].order);
		kfree(p);
		KTEST_EXPECT_EQ(t, free_pages_now(), free0);
	}
}

static void krealloc_within_a_class_keeps_the_pointer(struct ktest *t)
{
	char *p = kmalloc(20, GFP_KERNEL), *q;

	KTEST_ASSERT(t, p != NULL);
	memset(p, 'x', 20);
	KTEST_EXPECT(t, krealloc(p, 32, GFP_KERNEL) == p);
	KTEST_EXPECT(t, krealloc(p, 17, GFP_KERNEL) == p);
	q = krealloc(p, 33, GFP_KERNEL);
	KTEST_ASSERT(t, q != NULL);
	KTEST_EXPECT(t, q != p);
	KTEST_EXPECT_EQ(t, q[19], 'x');
	p = krealloc(q, 5000, GFP_KERNEL);
	KTEST_ASSERT(t, p != NULL);
	KTEST_EXPECT(t, krealloc(p, 8192, GFP_KERNEL) == p);
	kfree(p);
}

static void for_each_counts_exactly(struct ktest *t)
{
	struct kmem_cache *c = kmem_cache_create("ktest-count", 200, 64, 0);
	struct kmem_cache_info info;
	void *p[40];
	unsigned int i, order, slabs;

	KTEST_ASSERT(t, c != NULL);
	info = cache_info("ktest-count");
	KTEST_EXPECT_EQ(t, info.object_size, 200);
	KTEST_EXPECT_EQ(t, info.pages, 0);
	for (i = 0; i < ARRAY_SIZE(p); i++) {
		p[i] = kmem_cache_alloc(c, GFP_KERNEL);
		KTEST_ASSERT(t, p[i] != NULL);
	}
	order = block_order(p[0]);
	info = cache_info("ktest-count");
	slabs = info.pages >> order;
	KTEST_EXPECT_EQ(t, info.active_objects, ARRAY_SIZE(p));
	KTEST_EXPECT_EQ(t, info.pages, slabs << order);
	KTEST_EXPECT_EQ(t, info.total_objects % slabs, 0);
	/* Every slab but the last is full. */
	KTEST_EXPECT_LT(t, info.total_objects - info.active_objects, info.total_objects / slabs);
	for (i = 0; i < ARRAY_SIZE(p); i++)
		kmem_cache_free(c, p[i]);
	info = cache_info("ktest-count");
	KTEST_EXPECT_EQ(t, info.active_objects, 0);
	KTEST_EXPECT_EQ(t, info.pages, 1UL << order);
	KTEST_EXPECT_EQ(t, kmem_cache_destroy(c), 0);
}

/* With DEBUG_SLAB a freed object reads as poison (0x6b); without, nothing is promised. */
static void freed_objects_are_poisoned_with_debug_slab(struct ktest *t)
{
	u8 *keep = kmalloc(64, GFP_KERNEL), *p = kmalloc(64, GFP_KERNEL);
	unsigned int i;

	KTEST_ASSERT(t, keep && p);
	memset(p, 0, 64);
	kfree(p);
	for (i = 0; IS_ENABLED(CONFIG_DEBUG_SLAB) && i < 64; i++)
		KTEST_EXPECT_EQ(t, p[i], 0x6b);
	kfree(keep);
}

KTEST_SUITE(slab,
	    KTEST_CASE(empty_slabs_go_back_to_the_page_allocator),
	    KTEST_CASE(objects_of_one_class_share_slabs),
	    KTEST_CASE(large_kmallocs_are_whole_pages),
	    KTEST_CASE(krealloc_within_a_class_keeps_the_pointer),
	    KTEST_CASE(for_each_counts_exactly),
	    KTEST_CASE(freed_objects_are_poisoned_with_debug_slab));
