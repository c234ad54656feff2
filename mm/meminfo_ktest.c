// SPDX-License-Identifier: MIT
#include <tern/ktest.h>
#include <tern/meminfo.h>
#include <tern/pgalloc.h>
#include <tern/slab.h>
#include <tern/string.h>

static char report[2048];

static void reports_totals_and_allocators(struct ktest *t)
{
	size_t len = meminfo_format(report, sizeof(report));

	KTEST_EXPECT_EQ(t, len, strlen(report));
	KTEST_EXPECT(t, strstr(report, "MemTotal:") != NULL);
	KTEST_EXPECT(t, strstr(report, "MemFree:") != NULL);
	KTEST_EXPECT(t, strstr(report, pgalloc_name) != NULL);
	KTEST_EXPECT(t, strstr(report, kmem_name) != NULL);
}

static void lists_a_new_cache_with_its_objects(struct ktest *t)
{
	struct kmem_cache *cache = kmem_cache_create("meminfo-test", 48, 0, 0);
	void *obj;

	KTEST_ASSERT(t, cache != NULL);
	obj = kmem_cache_alloc(cache, GFP_KERNEL);
	KTEST_ASSERT(t, obj != NULL);
	meminfo_format(report, sizeof(report));
	KTEST_EXPECT(t, strstr(report, "meminfo-test") != NULL);
	kmem_cache_free(cache, obj);
	KTEST_EXPECT_EQ(t, kmem_cache_destroy(cache), 0);
	meminfo_format(report, sizeof(report));
	KTEST_EXPECT(t, strstr(report, "meminfo-test") == NULL);
}

static void truncates_safely(struct ktest *t)
{
	char small[16];

	memset(small, 'x', sizeof(small));
	KTEST_EXPECT_LE(t, meminfo_format(small, sizeof(small)), sizeof(small) - 1);
	KTEST_EXPECT_EQ(t, small[sizeof(small) - 1], '\0');
	KTEST_EXPECT_EQ(t, meminfo_format(small, 0), 0);
}

KTEST_SUITE(meminfo,
	    KTEST_CASE(reports_totals_and_allocators),
	    KTEST_CASE(lists_a_new_cache_with_its_objects),
	    KTEST_CASE(truncates_safely));
