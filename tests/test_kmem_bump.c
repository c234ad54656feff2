// SPDX-License-Identifier: MIT
/*
 * Host tests of the bump object allocator, mm/kmem_bump.c as it is, on the
 * fake page allocator of kmem_host.c: the contract and the reference model
 * hold, kfree counts but never reclaims, and bad frees are reported.
 */
#include "harness.h"
#include <stdint.h>

#include "rename.h"
#include "kmem_host.h"
#include "kmem_model.h"
#include "kmem_common_cases.h"

TEST(kfree_counts_but_never_reclaims)
{
	struct kmem_stats s0, s1;
	void *p, *q;
	unsigned long used;

	kmem_get_stats(&s0);
	p = kmalloc(100, GFP_KERNEL);
	ASSERT(p);
	kmem_get_stats(&s1);
	EXPECT_EQ(s1.bytes_in_use - s0.bytes_in_use, 100);	/* exactly as asked */
	EXPECT_EQ(s1.alloc_calls - s0.alloc_calls, 1);
	used = fake_pgalloc_used_pages();
	kfree(p);
	kmem_get_stats(&s1);
	EXPECT_EQ(s1.bytes_in_use, s0.bytes_in_use);
	EXPECT_EQ(s1.free_calls - s0.free_calls, 1);
	EXPECT_EQ(fake_pgalloc_used_pages(), used);
	q = kmalloc(100, GFP_KERNEL);
	EXPECT(q != p);
	EXPECT((char *)q > (char *)p || fake_pgalloc_used_pages() > used);
	kfree(q);
}

TEST(ksize_and_krealloc_use_the_size_header)
{
	char *p = kmalloc(13, GFP_KERNEL), *q;

	ASSERT(p);
	EXPECT_EQ(ksize(p), 16);
	memset(p, 'b', 13);
	EXPECT(krealloc(p, 16, GFP_KERNEL) == p);
	EXPECT(krealloc(p, 3, GFP_KERNEL) == p);
	q = krealloc(p, 17, GFP_KERNEL);
	ASSERT(q && q != p);
	EXPECT_EQ(q[2], 'b');
	EXPECT_EQ(ksize(q), 24);
	kfree(q);
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
	EXPECT_PRINTK(kfree(q + 3), "kfree: bad pointer");
	EXPECT_PRINTK(kfree(q + 16), "kfree: bad pointer");
	EXPECT_PRINTK(EXPECT_EQ(ksize(p), 0), "ksize: use after free of");
	kmem_get_stats(&s1);
	EXPECT_EQ(s1.free_calls, s0.free_calls);
	EXPECT_EQ(s1.bytes_in_use, s0.bytes_in_use);
	kfree(q);
}

TEST(out_of_memory_stays_out_of_memory)
{
	unsigned long base = fake_pgalloc_used_pages();
	void **list = NULL, **p;
	unsigned int n = 0;

	fake_pgalloc_set_limit(base + 16);
	while (n < 100000 && (p = kmalloc(2048, GFP_KERNEL))) {
		*p = list;
		list = p;
		n++;
	}
	EXPECT(n >= 16 && n < 100000);
	while (list) {
		p = *list;
		kfree(list);
		list = p;
	}
	EXPECT(kmalloc(2048, GFP_KERNEL) == NULL);	/* nothing was reclaimed */
	fake_pgalloc_set_limit(0);
	p = kmalloc(2048, GFP_KERNEL);
	EXPECT(p != NULL);
	kfree(p);
}

TEST(random_sequence_matches_the_model)
{
	model_run(100000, 0x5eed1, 70000, true);
}

TEST(works_on_a_bump_page_allocator)
{
	fake_pgalloc_set_bump(true);
	model_run(20000, 0x5eed4, 70000, true);
	fake_pgalloc_set_bump(false);
}

TEST_MAIN()
