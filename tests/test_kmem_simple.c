// SPDX-License-Identifier: MIT
/*
 * Host tests of the simple (first-fit) object allocator, mm/kmem_simple.c
 * as it is, on the fake page allocator of kmem_host.c: the contract, the
 * reference model, merging of free blocks, reuse without growth, and bad
 * frees that are reported and leave the heap intact.
 */
#include "harness.h"
#include <stdint.h>

#include "rename.h"
#include "kmem_host.h"
#include "kmem_model.h"
#include "kmem_common_cases.h"

struct heap_info {
	unsigned long live, free_blocks, pages;
};

static void read_heap(const struct kmem_cache_info *info, void *arg)
{
	struct heap_info *h = arg;

	if (!strcmp(info->name, "kmalloc-heap")) {
		h->live = info->active_objects;
		h->free_blocks = info->total_objects - info->active_objects;
		h->pages = info->pages;
	}
}

static struct heap_info heap(void)
{
	struct heap_info h = { 0, 0, 0 };

	kmem_cache_for_each(read_heap, &h);
	return h;
}

TEST(heap_pages_are_never_returned)
{
	unsigned long used = fake_pgalloc_used_pages();
	struct kmem_stats s;
	void *p[4000];
	int i, n;

	/* Until the heap grows (earlier tests may have left it roomy), and a bit more. */
	for (n = 0; n < 4000 && (n < 200 || fake_pgalloc_used_pages() == used); n++) {
		p[n] = kmalloc(1000, GFP_KERNEL);
		ASSERT(p[n]);
	}
	EXPECT(fake_pgalloc_used_pages() > used);
	used = fake_pgalloc_used_pages();
	for (i = 0; i < n; i++)
		kfree(p[i]);
	EXPECT_EQ(fake_pgalloc_used_pages(), used);
	kmem_get_stats(&s);
	EXPECT_EQ(s.pages, used);
	EXPECT_EQ(heap().pages, used);
}

TEST(freed_neighbours_merge_back)
{
	struct heap_info before;
	void *p[100];
	unsigned int i;

	kfree(kmalloc(60000, GFP_KERNEL));	/* room for all of them without growing */
	before = heap();
	for (i = 0; i < 100; i++) {
		p[i] = kmalloc(1 + (i * 37) % 256, GFP_KERNEL);
		ASSERT(p[i]);
	}
	EXPECT_EQ(heap().pages, before.pages);
	for (i = 0; i < 100; i++)
		kfree(p[(i * 7) % 100]);
	EXPECT_EQ(heap().free_blocks, before.free_blocks);
	EXPECT_EQ(heap().live, before.live);
}

TEST(freed_memory_is_reused)
{
	unsigned long base = fake_pgalloc_used_pages();
	void **list = NULL, **p;
	unsigned int n = 0, m = 0;

	fake_pgalloc_set_limit(base + 64);
	while (n < 100000 && (p = kmalloc(2048, GFP_KERNEL))) {
		*p = list;
		list = p;
		n++;
	}
	EXPECT(n >= 100 && n < 100000);
	while (list) {
		p = *list;
		kfree(list);
		list = p;
	}
	/* The same again fits in what the heap holds. */
	while (m < n && (p = kmalloc(2048, GFP_KERNEL))) {
		*p = list;
		list = p;
		m++;
	}
	EXPECT_EQ(m, n);
	while (list) {
		p = *list;
		kfree(list);
		list = p;
	}
	fake_pgalloc_set_limit(0);
}

TEST(krealloc_shrinks_in_place_and_frees_the_tail)
{
	struct kmem_stats s0, s1;
	char *p = kmalloc(4000, GFP_KERNEL), *q;

	ASSERT(p);
	memset(p, 'z', 4000);
	kmem_get_stats(&s0);
	q = krealloc(p, 100, GFP_KERNEL);
	EXPECT(q == p);
	EXPECT(ksize(q) >= 100 && ksize(q) < 200);
	kmem_get_stats(&s1);
	EXPECT(s0.bytes_in_use - s1.bytes_in_use > 3800);
	p = krealloc(q, 5000, GFP_KERNEL);
	ASSERT(p);
	EXPECT_EQ(p[99], 'z');
	kfree(p);
}

TEST(bad_frees_are_reported_and_ignored)
{
	char *p = kmalloc(40, GFP_KERNEL), *q = kmalloc(40, GFP_KERNEL);
	struct kmem_stats s0, s1;

	ASSERT(p && q);
	memset(q, 0, 40);
	kfree(p);
	kmem_get_stats(&s0);
	EXPECT_PRINTK(kfree(p), "kfree: double free of 0x");
	EXPECT(strstr(host_printk_msg, " by 0x") != NULL);
	EXPECT_PRINTK(kfree(q + 1), "kfree: bad pointer");
	EXPECT_PRINTK(kfree(q + 16), "kfree: bad pointer");
	EXPECT_PRINTK(EXPECT_EQ(ksize(p), 0), "ksize: use after free of");
	EXPECT_PRINTK(EXPECT(krealloc(p, 80, GFP_KERNEL) == NULL), "krealloc: use after free of");
	kmem_get_stats(&s1);
	EXPECT_EQ(s1.free_calls, s0.free_calls);
	EXPECT_EQ(s1.bytes_in_use, s0.bytes_in_use);
	kfree(q);
	model_run(20000, 0x5eed3, 5000, false);	/* the heap still works */
}

TEST(random_sequence_matches_the_model)
{
	model_run(200000, 0x5eed1, 70000, true);
	EXPECT_EQ(heap().live, 0);
}

TEST(works_on_a_bump_page_allocator)
{
	fake_pgalloc_set_bump(true);
	kmalloc(1, GFP_KERNEL);		/* oops: never freed, like any leak */
	model_run(50000, 0x5eed4, 70000, true);
	fake_pgalloc_set_bump(false);
}

TEST_MAIN()
