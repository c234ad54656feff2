// SPDX-License-Identifier: MIT
/*
 * The object allocator's contract (include/tern/slab.h), checked on
 * whichever implementation is linked: slab, simple or bump.  Where they
 * are meant to differ, the case says what it expects by IS_ENABLED:
 *  - bump never reclaims: freed memory is not handed out again;
 *  - simple never gives heap pages back to the page allocator;
 *  - slab gives empty slabs back (one kept per cache).
 * kmalloc(0) returns NULL in all three.
 */
#include <tern/errno.h>
#include <tern/ktest.h>
#include <tern/pgalloc.h>
#include <tern/slab.h>
#include <tern/string.h>

#define BUMP	IS_ENABLED(CONFIG_KMEM_BUMP)
#define SIMPLE	IS_ENABLED(CONFIG_KMEM_SIMPLE)

static u8 pattern(unsigned int seed, size_t i)
{
	return (u8)(seed * 151 + i * 7 + (i >> 9));
}

static void fill(void *p, size_t size, unsigned int seed)
{
	size_t i;

	for (i = 0; i < size; i++)
		((u8 *)p)[i] = pattern(seed, i);
}

/* Are the first size bytes still the pattern? */
static bool intact(const void *p, size_t size, unsigned int seed)
{
	size_t i;

	for (i = 0; i < size; i++)
		if (((const u8 *)p)[i] != pattern(seed, i))
			return false;
	return true;
}

static bool all_zero(const void *p, size_t size)
{
	size_t i;

	for (i = 0; i < size; i++)
		if (((const u8 *)p)[i])
			return false;
	return true;
}

static bool aligned(const void *p, size_t align)
{
	return !((uintptr_t)p & (align - 1));
}

static void name_matches_the_config(struct ktest *t)
{
	KTEST_EXPECT_STREQ(t, kmem_name, BUMP ? "bump" : SIMPLE ? "simple" : "slab");
}

static void every_size_is_aligned_and_usable(struct ktest *t)
{
	static const size_t odd[] = {
		511, 513, 1023, 1025, 2047, 2048, 2049, 3000, 4095, 4096, 4097,
		5000, 8191, 8193, 12345, 65537,
	};
	size_t size, i;
	void *p;

	for (i = 0; i < 300 + ARRAY_SIZE(odd); i++) {
		size = i < 300 ? i + 1 : odd[i - 300];
		p = kmalloc(size, GFP_KERNEL);
		KTEST_ASSERT(t, p != NULL);
		KTEST_EXPECT(t, aligned(p, KMALLOC_MIN_ALIGN));
		KTEST_EXPECT_GE(t, ksize(p), size);
		fill(p, size, size);
		KTEST_EXPECT(t, intact(p, size, size));
		kfree(p);
	}
}

/* A pseudo-random size of 1..4100 bytes, mostly small. */
static size_t some_size(unsigned int i)
{
	unsigned int r = i * 2654435761u;

	return 1 + (r >> 8) % ((r & 3) ? 256 : 4100);
}

static void live_objects_never_overlap(struct ktest *t)
{
	enum { N = 200 };
	void **p = kmalloc(N * sizeof(*p), GFP_KERNEL);
	unsigned int i, j, round;

	KTEST_ASSERT(t, p != NULL);
	for (i = 0; i < N; i++) {
		p[i] = kmalloc(some_size(i), GFP_KERNEL);
		KTEST_ASSERT(t, p[i] != NULL);
		fill(p[i], some_size(i), i);
	}
	/* Twice: then free every other one and reallocate into the holes. */
	for (round = 0; round < 2; round++) {
		for (i = 0; i < N; i++) {
			uintptr_t a = (uintptr_t)p[i];

			KTEST_EXPECT(t, intact(p[i], some_size(i), i));
			for (j = 0; j < i; j++) {
				uintptr_t b = (uintptr_t)p[j];

				if (a < b + some_size(j) && b < a + some_size(i))
					ktest_fail(t, __FILE__, __LINE__,
						   "objects %u and %u overlap", i, j);
			}
		}
		for (i = 0; i < N && round == 0; i += 2) {
			kfree(p[i]);
			p[i] = kmalloc(some_size(i), GFP_KERNEL);
			KTEST_ASSERT(t, p[i] != NULL);
			fill(p[i], some_size(i), i);
		}
	}
	for (i = 0; i < N; i++)
		kfree(p[i]);
	kfree(p);
}

static void kzalloc_zeroes(struct ktest *t)
{
	static const size_t sizes[] = { 1, 8, 24, 100, 1000, 2048, 3000, 8192 };
	unsigned int i;
	u8 *p;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		p = kmalloc(sizes[i], GFP_KERNEL);
		KTEST_ASSERT(t, p != NULL);
		memset(p, 0xff, sizes[i]);
		kfree(p);
		p = i % 2 ? kzalloc(sizes[i], GFP_KERNEL) : kmalloc(sizes[i], __GFP_ZERO);
		KTEST_ASSERT(t, p != NULL);
		KTEST_EXPECT(t, all_zero(p, sizes[i]));
		kfree(p);
	}
}

static void krealloc_keeps_contents(struct ktest *t)
{
	static const size_t sizes[] = { 10, 100, 1000, 3000, 10000, 50, 7, 2049, 1 };
	size_t old = 5, i;
	u8 *p = krealloc(NULL, old, GFP_KERNEL), *q;

	KTEST_ASSERT(t, p != NULL);
	fill(p, old, 1);
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		p = krealloc(p, sizes[i], GFP_KERNEL);
		KTEST_ASSERT(t, p != NULL);
		KTEST_EXPECT_GE(t, ksize(p), sizes[i]);
		KTEST_EXPECT(t, intact(p, MIN(old, sizes[i]), 1));
		fill(p, sizes[i], 1);
		old = sizes[i];
	}
	KTEST_EXPECT(t, krealloc(p, ksize(p), GFP_KERNEL) == p);
	/* Failure leaves the block alone. */
	q = krealloc(p, SIZE_MAX / 2, GFP_KERNEL);
	KTEST_EXPECT(t, q == NULL);
	KTEST_EXPECT(t, intact(p, old, 1));
	KTEST_EXPECT(t, krealloc(p, 0, GFP_KERNEL) == NULL);	/* frees p */
}

static void zero_null_and_enormous_requests(struct ktest *t)
{
	KTEST_EXPECT(t, kmalloc(0, GFP_KERNEL) == NULL);
	KTEST_EXPECT(t, kzalloc(0, GFP_KERNEL) == NULL);
	KTEST_EXPECT(t, kmalloc(SIZE_MAX, GFP_KERNEL) == NULL);
	KTEST_EXPECT(t, kmalloc(SIZE_MAX - PAGE_SIZE + 2, GFP_KERNEL) == NULL);
	KTEST_EXPECT(t, kmalloc(SIZE_MAX / 2, GFP_KERNEL) == NULL);
	KTEST_EXPECT(t, kmalloc((PAGE_SIZE << PGALLOC_MAX_ORDER) + 1, GFP_KERNEL) == NULL);
	KTEST_EXPECT(t, kmem_cache_create("huge", SIZE_MAX, 0, 0) == NULL);
	KTEST_EXPECT_EQ(t, ksize(NULL), 0);
	kfree(NULL);
	kmem_cache_free(NULL, NULL);
}

static void caches_align_and_check_arguments(struct ktest *t)
{
	static const size_t aligns[] = { 0, 8, 16, 64, 256, PAGE_SIZE };
	static const size_t sizes[] = { 1, 24, 100, 1000, 3000, 5000 };
	void *p[24];
	unsigned int i, j;

	KTEST_EXPECT(t, kmem_cache_create("zero", 0, 0, 0) == NULL);
	KTEST_EXPECT(t, kmem_cache_create("align3", 16, 3, 0) == NULL);
	KTEST_EXPECT(t, kmem_cache_create("align2p", 16, 2 * PAGE_SIZE, 0) == NULL);
	KTEST_EXPECT_EQ(t, kmem_cache_destroy(NULL), -EINVAL);
	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		size_t align = aligns[i], size = sizes[i];
		struct kmem_cache *c = kmem_cache_create("ktest-align", size, align, 0);

		KTEST_ASSERT(t, c != NULL);
		for (j = 0; j < ARRAY_SIZE(p); j++) {
			p[j] = kmem_cache_alloc(c, GFP_KERNEL);
			KTEST_ASSERT(t, p[j] != NULL);
			KTEST_EXPECT(t, aligned(p[j], MAX(align, KMALLOC_MIN_ALIGN)));
			fill(p[j], size, j);
		}
		for (j = 0; j < ARRAY_SIZE(p); j++) {
			KTEST_EXPECT(t, intact(p[j], size, j));
			kmem_cache_free(c, p[j]);
		}
		KTEST_EXPECT_EQ(t, kmem_cache_destroy(c), 0);
	}
}

static void destroy_with_live_objects_is_refused(struct ktest *t)
{
	struct kmem_cache *c = kmem_cache_create("ktest-busy", 72, 0, 0);
	void *a, *b;

	KTEST_ASSERT(t, c != NULL);
	a = kmem_cache_alloc(c, GFP_KERNEL);
	KTEST_ASSERT(t, a != NULL);
	KTEST_EXPECT_EQ(t, kmem_cache_destroy(c), -EBUSY);
	b = kmem_cache_alloc(c, __GFP_ZERO);	/* still usable */
	KTEST_ASSERT(t, b != NULL);
	KTEST_EXPECT_EQ(t, ((u8 *)b)[71], 0);
	kmem_cache_free(c, a);
	kmem_cache_free(c, b);
	KTEST_EXPECT_EQ(t, kmem_cache_destroy(c), 0);
}

struct cache_lookup {
	const char *name;
	struct kmem_cache_info info;
	bool found;
};

static void lookup_one(const struct kmem_cache_info *info, void *arg)
{
	struct cache_lookup *l = arg;

	if (!strcmp(info->name, l->name)) {
		l->info = *info;
		l->found = true;
	}
}

static void count_one(const struct kmem_cache_info *info, void *arg)
{
}

static struct cache_lookup lookup(const char *name)
{
	struct cache_lookup l = { .name = name };

	kmem_cache_for_each(lookup_one, &l);
	return l;
}

static void stats_follow_allocations(struct ktest *t)
{
	struct kmem_stats s0, s1;
	struct kmem_cache *c;
	struct cache_lookup l;
	int caches = kmem_cache_for_each(count_one, NULL);
	void *p, *obj[3];
	unsigned int i;

	kmem_get_stats(&s0);
	p = kmalloc(100, GFP_KERNEL);
	KTEST_ASSERT(t, p != NULL);
	kmem_get_stats(&s1);
	KTEST_EXPECT_EQ(t, s1.alloc_calls - s0.alloc_calls, 1);
	/* The request, or what the block can hold (slab, simple). */
	KTEST_EXPECT_GE(t, s1.bytes_in_use - s0.bytes_in_use, 100);
	KTEST_EXPECT_LE(t, s1.bytes_in_use - s0.bytes_in_use, ksize(p));
	kfree(p);
	kmem_get_stats(&s1);
	KTEST_EXPECT_EQ(t, s1.free_calls - s0.free_calls, 1);
	KTEST_EXPECT_EQ(t, s1.bytes_in_use, s0.bytes_in_use);

	c = kmem_cache_create("ktest-stats", 48, 0, 0);
	KTEST_ASSERT(t, c != NULL);
	KTEST_EXPECT_EQ(t, kmem_cache_for_each(count_one, NULL), caches + 1);
	l = lookup("ktest-stats");
	KTEST_EXPECT(t, l.found);
	KTEST_EXPECT_EQ(t, l.info.object_size, 48);
	KTEST_EXPECT_EQ(t, l.info.active_objects, 0);
	for (i = 0; i < ARRAY_SIZE(obj); i++)
		obj[i] = kmem_cache_alloc(c, GFP_KERNEL);
	KTEST_ASSERT(t, obj[2] != NULL);
	l = lookup("ktest-stats");
	KTEST_EXPECT_EQ(t, l.info.active_objects, 3);
	KTEST_EXPECT_GE(t, l.info.total_objects, 3);
	/* Only slab caches hold pages of their own. */
	KTEST_EXPECT(t, BUMP || SIMPLE ? l.info.pages == 0 : l.info.pages >= 1);
	for (i = 0; i < ARRAY_SIZE(obj); i++)
		kmem_cache_free(c, obj[i]);
	KTEST_EXPECT_EQ(t, lookup("ktest-stats").info.active_objects, 0);
	KTEST_EXPECT_EQ(t, kmem_cache_destroy(c), 0);
	KTEST_EXPECT(t, !lookup("ktest-stats").found);
	KTEST_EXPECT_EQ(t, kmem_cache_for_each(count_one, NULL), caches);
}

/*
 * Fill memory with 2048-byte objects until kmalloc says NULL, free them
 * all, and check the pages come back: the page allocator's free pages plus
 * the allocator's own are what they were.  Only slab is run to NULL: simple
 * keeps every page it grows into (all of RAM, for the rest of the boot), and
 * bump never reuses anything, so those two take a bounded 1 MiB instead and
 * check what they promise: simple reuses it, bump does not give it back.
 */
static void out_of_memory_and_back(struct ktest *t)
{
	struct pgalloc_stats ps0, ps1;
	struct kmem_stats ks0, ks1;
	unsigned long n = 0, limit, again = 0;
	void **list = NULL, **p;

	pgalloc_get_stats(&ps0);
	kmem_get_stats(&ks0);
	limit = BUMP || SIMPLE ? 512 : ps0.total_pages * (PAGE_SIZE / 2048) + 64;
	while (n < limit && (p = kmalloc(2048, GFP_KERNEL))) {
		*p = list;
		list = p;
		n++;
	}
	KTEST_EXPECT(t, BUMP || SIMPLE ? n == limit : n < limit);
	KTEST_EXPECT_GE(t, n, 256);
	if (!BUMP && !SIMPLE)
		KTEST_EXPECT(t, kmalloc(PAGE_SIZE << 4, GFP_KERNEL) == NULL);
	while (list) {
		p = *list;
		kfree(list);
		list = p;
	}
	pgalloc_get_stats(&ps1);
	kmem_get_stats(&ks1);
	KTEST_EXPECT_EQ(t, ks1.bytes_in_use, ks0.bytes_in_use);
	KTEST_EXPECT_EQ(t, ps1.free_pages + ks1.pages, ps0.free_pages + ks0.pages);
	if (BUMP)
		KTEST_EXPECT_GE(t, ks1.pages - ks0.pages, n / 2);	/* kept, not reused */
	if (SIMPLE) {
		/* The same again fits in the heap: no new pages. */
		while (again < n && (p = kmalloc(2048, GFP_KERNEL))) {
			*p = list;
			list = p;
			again++;
		}
		KTEST_EXPECT_EQ(t, again, n);
		kmem_get_stats(&ks0);
		KTEST_EXPECT_EQ(t, ks0.pages, ks1.pages);
		while (list) {
			p = *list;
			kfree(list);
			list = p;
		}
	}
}

KTEST_SUITE(kmem,
	    KTEST_CASE(name_matches_the_config),
	    KTEST_CASE(every_size_is_aligned_and_usable),
	    KTEST_CASE(live_objects_never_overlap),
	    KTEST_CASE(kzalloc_zeroes),
	    KTEST_CASE(krealloc_keeps_contents),
	    KTEST_CASE(zero_null_and_enormous_requests),
	    KTEST_CASE(caches_align_and_check_arguments),
	    KTEST_CASE(destroy_with_live_objects_is_refused),
	    KTEST_CASE(stats_follow_allocations),
	    KTEST_CASE(out_of_memory_and_back));
