/* SPDX-License-Identifier: MIT */
/*
 * Tests of mm/kmem_slab.c that hold with and without DEBUG_SLAB, shared by
 * test_kmem_slab.c and test_kmem_slab_debug.c.  The allocator runs on the
 * fake page allocator of kmem_host.c in buddy mode.
 *
 * Include after harness.h, rename.h, kmem_host.h and kmem_model.h.
 */
#ifndef TESTS_KMEM_SLAB_CASES_H
#define TESTS_KMEM_SLAB_CASES_H

#include <tern/errno.h>
#include <tern/pgalloc.h>
#include <tern/slab.h>
#include <tern/string.h>

struct cache_query {
	const char *name;		/* the cache to find */
	struct kmem_cache_info info;
	bool found;
	unsigned long pages;		/* every cache's pages */
	unsigned long with_pages;	/* caches holding pages */
	unsigned long active;		/* every cache's live objects */
};

static void query_one(const struct kmem_cache_info *info, void *arg)
{
	struct cache_query *q = arg;

	if (q->name && !strcmp(info->name, q->name)) {
		q->info = *info;
		q->found = true;
	}
	q->pages += info->pages;
	q->with_pages += info->pages != 0;
	q->active += info->active_objects;
}

static struct cache_query query(const char *name)
{
	struct cache_query q = { .name = name };

	kmem_cache_for_each(query_one, &q);
	if (name && !q.found)
		FAIL("no cache %s", name);
	return q;
}

static unsigned int block_order(const void *p)
{
	unsigned int order = ~0U;

	if (!pgalloc_block_start(p, &order))
		FAIL("%p is in no page block", p);
	return order;
}

/*
 * Nothing is allocated: the only pages left are one kept empty slab in
 * some caches, each a single page block.
 */
static void expect_only_kept_slabs(void)
{
	struct cache_query q = query(NULL);

	EXPECT_EQ(q.active, 0);
	EXPECT_EQ(q.pages, fake_pgalloc_used_pages());
	EXPECT_EQ(q.with_pages, fake_pgalloc_blocks());
}

TEST(kmalloc_sizes_map_to_power_of_two_classes)
{
	size_t size, class;

	for (size = 1; size <= KMALLOC_MAX_CACHE_SIZE; size++) {
		void *p = kmalloc(size, GFP_KERNEL);

		ASSERT(p);
		for (class = 8; class < size; class <<= 1)
			;
		EXPECT_EQ(ksize(p), class);
		EXPECT(pgalloc_block_start(p, NULL) != p);
		kfree(p);
	}
	expect_only_kept_slabs();
}

TEST(large_kmalloc_takes_whole_pages)
{
	static const struct {
		size_t size;
		unsigned int order;
	} cases[] = {
		{ 2049, 0 }, { 4096, 0 }, { 4097, 1 }, { 8192, 1 }, { 8193, 2 }, { 100000, 5 },
	};
	unsigned long base = fake_pgalloc_used_pages();
	unsigned int i, order;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		void *p = kmalloc(cases[i].size, GFP_KERNEL);

		ASSERT(p);
		EXPECT_EQ((uintptr_t)p % PAGE_SIZE, 0);
		EXPECT(pgalloc_block_start(p, &order) == p);
		EXPECT_EQ(order, cases[i].order);
		EXPECT_EQ(ksize(p), PAGE_SIZE << cases[i].order);
		EXPECT_EQ(fake_pgalloc_used_pages() - base, 1UL << cases[i].order);
		kfree(p);
		EXPECT_EQ(fake_pgalloc_used_pages(), base);
	}
}

TEST(objects_of_one_class_share_slabs)
{
	enum { N = 128 };
	void *p[N], *blocks[N], *other;
	unsigned int i, j, nr_blocks = 0, per_slab;
	struct cache_query q;

	for (i = 0; i < N; i++) {
		p[i] = kmalloc(i % 2 ? 24 : 32, GFP_KERNEL);	/* both kmalloc-32 */
		ASSERT(p[i]);
	}
	for (i = 0; i < N; i++) {
		void *start = pgalloc_block_start(p[i], NULL);

		for (j = 0; j < nr_blocks && blocks[j] != start; j++)
			;
		if (j == nr_blocks)
			blocks[nr_blocks++] = start;
	}
	q = query("kmalloc-32");
	EXPECT_EQ(q.info.active_objects, N);
	per_slab = q.info.total_objects / (q.info.pages >> block_order(p[0]));
	/* At most one slab not filled by these objects: the kept empty one. */
	EXPECT(nr_blocks <= (N + per_slab - 1) / per_slab + 1);
	EXPECT(q.info.pages >> block_order(p[0]) >= nr_blocks);
	EXPECT(q.info.pages >> block_order(p[0]) <= nr_blocks + 1);
	other = kmalloc(33, GFP_KERNEL);
	for (j = 0; j < nr_blocks; j++)
		EXPECT(pgalloc_block_start(other, NULL) != blocks[j]);
	kfree(other);
	for (i = 0; i < N; i++)
		kfree(p[i]);
	expect_only_kept_slabs();
}

TEST(empty_slabs_go_back_to_the_page_allocator)
{
	enum { N = 2000 };
	static void *p[N];
	unsigned long base = fake_pgalloc_used_pages();
	struct kmem_cache *cache = kmem_cache_create("reclaim", 100, 0, 0);
	struct cache_query q;
	unsigned int i, order;

	ASSERT(cache);
	EXPECT_EQ(query("reclaim").info.pages, 0);
	for (i = 0; i < N; i++) {
		p[i] = kmem_cache_alloc(cache, GFP_KERNEL);
		ASSERT(p[i]);
	}
	order = block_order(p[0]);
	q = query("reclaim");
	EXPECT_EQ(q.info.active_objects, N);
	EXPECT(q.info.pages >= 4);
	EXPECT_EQ(fake_pgalloc_used_pages() - base, q.info.pages);
	/* Free in a scattered order, so slabs empty at different times. */
	for (i = 0; i < N; i++)
		kmem_cache_free(cache, p[(i * 7) % N]);
	q = query("reclaim");
	EXPECT_EQ(q.info.active_objects, 0);
	EXPECT_EQ(q.info.pages, 1UL << order);	/* the one kept empty slab */
	EXPECT_EQ(fake_pgalloc_used_pages() - base, 1UL << order);
	EXPECT_EQ(kmem_cache_destroy(cache), 0);
	EXPECT_EQ(fake_pgalloc_used_pages(), base);

	/* kmalloc classes too: what kmalloc-256 holds is all the growth. */
	base = fake_pgalloc_used_pages() - query("kmalloc-256").info.pages;
	for (i = 0; i < N; i++) {
		p[i] = kmalloc(200 + i % 57, GFP_KERNEL);
		ASSERT(p[i]);
	}
	for (i = 0; i < N; i++)
		kfree(p[(i * 7) % N]);
	EXPECT_EQ(fake_pgalloc_used_pages() - base, query("kmalloc-256").info.pages);
	EXPECT(query("kmalloc-256").info.pages <= 1UL << order);
	expect_only_kept_slabs();
}

/*
 * kfree remembers the last slab it found; a released slab must be
 * forgotten, or a stale pointer into it would be taken for an object (and
 * AddressSanitizer would see the read of freed memory).
 */
TEST(a_released_slab_is_forgotten)
{
	struct kmem_cache *c = kmem_cache_create("forget", 2000, 0, 0);
	void *p[4];
	unsigned int i;

	ASSERT(c);
	for (i = 0; i < 4; i++) {
		p[i] = kmem_cache_alloc(c, GFP_KERNEL);
		ASSERT(p[i]);
	}
	EXPECT_EQ(query("forget").info.pages, 2);	/* two objects a slab */
	for (i = 0; i < 4; i++)
		kmem_cache_free(c, p[i]);	/* the first slab is kept, the second released */
	EXPECT_EQ(query("forget").info.pages, 1);
	EXPECT_PANIC(kmem_cache_free(c, p[3]), "not in an allocated page block");
	EXPECT_PANIC(ksize(p[2]), "not in an allocated page block");
	EXPECT_EQ(kmem_cache_destroy(c), 0);
}

TEST(krealloc_within_a_class_keeps_the_pointer)
{
	char *p = kmalloc(20, GFP_KERNEL), *q;

	ASSERT(p);
	memset(p, 'x', 20);
	EXPECT(krealloc(p, 32, GFP_KERNEL) == p);
	EXPECT(krealloc(p, 17, GFP_KERNEL) == p);
	q = krealloc(p, 33, GFP_KERNEL);
	ASSERT(q);
	EXPECT(q != p);
	EXPECT_EQ(ksize(q), 64);
	EXPECT_EQ(q[0], 'x');
	EXPECT_EQ(q[16], 'x');
	p = krealloc(q, 5000, GFP_KERNEL);	/* to two pages */
	ASSERT(p);
	EXPECT(krealloc(p, 8000, GFP_KERNEL) == p);
	q = krealloc(p, 9000, GFP_KERNEL);
	ASSERT(q && q != p);
	EXPECT_EQ(q[16], 'x');
	p = krealloc(q, 10, GFP_KERNEL);	/* back to a slab */
	ASSERT(p);
	EXPECT(pgalloc_block_start(p, NULL) != p);
	EXPECT_EQ(p[9], 'x');
	EXPECT(krealloc(p, 0, GFP_KERNEL) == NULL);
	expect_only_kept_slabs();
}

TEST(statistics_follow_allocations)
{
	struct kmem_cache *c = kmem_cache_create("stats", 100, 0, 0);
	struct kmem_stats s0, s1;
	struct cache_query q;
	void *p[5], *big;
	unsigned int i, order;

	ASSERT(c);
	kmem_get_stats(&s0);
	for (i = 0; i < 5; i++)
		p[i] = kmem_cache_alloc(c, GFP_KERNEL);
	big = kmalloc(3 * PAGE_SIZE, GFP_KERNEL);
	ASSERT(p[4] && big);
	order = block_order(p[0]);
	q = query("stats");
	EXPECT_EQ(q.info.object_size, 100);
	EXPECT_EQ(q.info.active_objects, 5);
	EXPECT_EQ(q.info.pages, 1UL << order);
	EXPECT(q.info.total_objects >= 5 && q.info.total_objects * 100 <= PAGE_SIZE << order);
	kmem_get_stats(&s1);
	EXPECT_EQ(s1.alloc_calls - s0.alloc_calls, 6);
	EXPECT_EQ(s1.bytes_in_use - s0.bytes_in_use, 5 * 100 + 4 * PAGE_SIZE);
	EXPECT_EQ(s1.pages - s0.pages, (1UL << order) + 4);
	for (i = 0; i < 5; i++)
		kmem_cache_free(c, p[i]);
	kfree(big);
	kmem_get_stats(&s1);
	EXPECT_EQ(s1.free_calls - s0.free_calls, 6);
	EXPECT_EQ(s1.bytes_in_use, s0.bytes_in_use);
	EXPECT_EQ(kmem_cache_destroy(c), 0);
	kmem_get_stats(&s1);
	/* A destroyed cache's calls stay counted. */
	EXPECT_EQ(s1.alloc_calls - s0.alloc_calls, 6);
	expect_only_kept_slabs();
}

TEST(out_of_memory_returns_null_then_recovers)
{
	unsigned long base = fake_pgalloc_used_pages();
	void **list = NULL, **p;
	unsigned int n = 0;

	fake_pgalloc_set_limit(base + 64);
	while (n < 100000 && (p = kmalloc(2048, GFP_KERNEL))) {
		*p = list;
		list = p;
		n++;
	}
	EXPECT(n > 64 && n < 100000);
	EXPECT(kmalloc(5000, GFP_KERNEL) == NULL);
	while (list) {
		p = *list;
		kfree(list);
		list = p;
	}
	fake_pgalloc_set_limit(0);
	expect_only_kept_slabs();
	p = kmalloc(2048, GFP_KERNEL);
	EXPECT(p != NULL);
	kfree(p);
}

TEST(pointers_kmalloc_never_returned_panic)
{
	struct kmem_cache *a = kmem_cache_create("a", 48, 0, 0);
	struct kmem_cache *b = kmem_cache_create("b", 48, 0, 0);
	void *heap = malloc(64), *obj, *big;
	long local;

	ASSERT(a && b && heap);
	obj = kmem_cache_alloc(b, GFP_KERNEL);
	big = kmalloc(3 * PAGE_SIZE, __GFP_ZERO);
	ASSERT(obj && big);
	EXPECT_PANIC(kfree(heap), "kfree: bad pointer");
	EXPECT_PANIC(kfree(&local), "not in an allocated page block");
	EXPECT_PANIC(kfree((char *)big + 64), "not from kmalloc");
	EXPECT_PANIC(ksize((char *)big + PAGE_SIZE), "ksize: bad pointer");
	EXPECT_PANIC(kmem_cache_free(a, obj), "is from b in cache a by 0x");
	EXPECT_PANIC(kmem_cache_free(a, big), "is from a large kmalloc");
	kmem_cache_free(b, obj);
	kfree(big);
	free(heap);
	EXPECT_EQ(kmem_cache_destroy(a), 0);
	EXPECT_EQ(kmem_cache_destroy(b), 0);
	expect_only_kept_slabs();
}

/* Afterwards every page is back, but for one kept empty slab per cache. */
TEST(random_sequence_matches_the_model)
{
	model_run(200000, 0x5eed1, 70000, true);
	expect_only_kept_slabs();
}

TEST(random_sequence_under_memory_pressure)
{
	unsigned long base = fake_pgalloc_used_pages();

	/* Small objects only, and room for them: every kmalloc must succeed. */
	fake_pgalloc_set_limit(base + 1024);
	model_run(50000, 0x5eed2, 512, true);
	fake_pgalloc_set_limit(0);
	expect_only_kept_slabs();
}

#endif
