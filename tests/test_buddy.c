// SPDX-License-Identifier: MIT
/*
 * Host tests of the buddy algorithm (mm/buddy.c) on fake arenas: malloc'd
 * memory whose page frame numbers are its host addresses >> 12.  A model
 * records who owns each page; long random alloc/free sequences with a
 * fixed seed are checked against it after every step.
 */
#include "harness.h"
#include <stdint.h>

#include "rename.h"
#include <tern/buddy.h>
#include <tern/compiler.h>
#include <tern/errno.h>
#include <tern/string.h>

#define PAGE		BUDDY_PAGE_SIZE
#define RESERVED	(-1)		/* model: a hole, never handed out */
#define FREE		0		/* model: free; > 0 is the owning block's id */

static uint64_t rng_state;

static uint64_t rnd(void)
{
	/* xorshift64: the same sequence on every run */
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 7;
	rng_state ^= rng_state << 17;
	return rng_state;
}

struct hole {
	unsigned long start, pages;	/* page offsets from the zone's start */
};

struct arena {
	void *mem;			/* what malloc gave */
	unsigned long start, npages;	/* the zone's pfns */
	u8 *tags;
	unsigned long ntags;
	struct buddy_zone z;
	int *owner;			/* the model, per page of the zone */
	unsigned int *order;		/* per head page: the allocated order */
	int next_id;
};

static bool is_hole(const struct hole *holes, int nr, unsigned long i)
{
	int h;

	for (h = 0; h < nr; h++)
		if (i >= holes[h].start && i < holes[h].start + holes[h].pages)
			return true;
	return false;
}

/*
 * A zone of npages pages starting offset pages past a section boundary,
 * with holes (reserved pages) punched in it.  Tags and memory start out
 * as garbage, as in the kernel.
 */
static void arena_init(struct arena *a, unsigned int max_order, unsigned long offset,
		       unsigned long npages, const struct hole *holes, int nr_holes, bool poison)
{
	unsigned long section = PAGE << max_order, i, run_start = 0;
	uintptr_t base;
	bool in_run = false;

	memset(a, 0, sizeof(*a));
	a->mem = malloc(offset * PAGE + npages * PAGE + 2 * section);
	base = ALIGN_UP((uintptr_t)a->mem, section);
	a->start = base / PAGE + offset;
	a->npages = npages;
	for (i = 0; i < (offset + npages) * PAGE; i += 64)
		((u8 *)base)[i] = (u8)rnd();
	a->ntags = buddy_tags_size(a->start, a->start + npages, max_order);
	a->tags = malloc(a->ntags);
	for (i = 0; i < a->ntags; i++)
		a->tags[i] = (u8)rnd();
	a->owner = calloc(npages, sizeof(*a->owner));
	a->order = calloc(npages, sizeof(*a->order));
	a->next_id = 1;
	if (buddy_init_zone(&a->z, a->start, a->start + npages, a->tags, max_order, poison))
		FAIL("buddy_init_zone");
	for (i = 0; i <= npages; i++) {
		bool hole = i == npages || is_hole(holes, nr_holes, i);

		if (i < npages && hole)
			a->owner[i] = RESERVED;
		if (!hole && !in_run) {
			run_start = i;
			in_run = true;
		} else if (hole && in_run) {
			EXPECT_EQ(buddy_add_free_range(&a->z, a->start + run_start, a->start + i),
				  0);
			in_run = false;
		}
	}
	buddy_finish_init(&a->z);
}

static void arena_free(struct arena *a)
{
	free(a->mem);
	free(a->tags);
	free(a->owner);
	free(a->order);
}

static unsigned long model_free_pages(const struct arena *a)
{
	unsigned long i, n = 0;

	for (i = 0; i < a->npages; i++)
		n += a->owner[i] == FREE;
	return n;
}

/* Is there a naturally aligned run of 2^order free pages in the model? */
static bool model_has_block(const struct arena *a, unsigned int order)
{
	unsigned long pages = 1UL << order, pfn, i;

	for (pfn = ALIGN_UP(a->start, pages); pfn + pages <= a->start + a->npages; pfn += pages) {
		for (i = 0; i < pages && a->owner[pfn - a->start + i] == FREE; i++)
			;
		if (i == pages)
			return true;
	}
	return false;
}

/* Allocates and checks the block against the model; 0 when out of memory. */
static unsigned long arena_alloc(struct arena *a, unsigned int order)
{
	unsigned long pfn = buddy_alloc(&a->z, order), i, pages = 1UL << order;
	int id = a->next_id++;

	if (pfn == BUDDY_NO_PAGE) {
		if (model_has_block(a, order))
			FAIL("order %u: out of memory with a free aligned block left", order);
		return 0;
	}
	if (pfn & (pages - 1))
		FAIL("order %u: pfn %#lx not aligned", order, pfn);
	if (pfn < a->start || pfn + pages > a->start + a->npages) {
		FAIL("order %u: pfn %#lx outside the arena", order, pfn);
		return 0;
	}
	for (i = 0; i < pages; i++) {
		int *o = &a->owner[pfn - a->start + i];

		if (*o != FREE)
			FAIL("order %u: page %#lx is %s", order, pfn + i,
			     *o == RESERVED ? "reserved" : "already allocated");
		*o = id;
	}
	a->order[pfn - a->start] = order;
	/* The memory is ours: writing it must not break the allocator. */
	for (i = 0; i < pages; i++)
		memset((void *)(uintptr_t)((pfn + i) * PAGE), 0xee, 2 * sizeof(void *));
	return pfn;
}

static void arena_release(struct arena *a, unsigned long pfn)
{
	unsigned int order = a->order[pfn - a->start];
	unsigned long i;

	EXPECT_EQ(buddy_free(&a->z, pfn, order), BUDDY_OK);
	for (i = 0; i < 1UL << order; i++)
		a->owner[pfn - a->start + i] = FREE;
}

/* The allocator's view (free lists, tags, block_start) against the model. */
static bool arena_check(struct arena *a)
{
	unsigned long listed = 0, i;
	unsigned int k;
	bool ok = true;

	for (k = 0; k <= a->z.max_order; k++) {
		const struct buddy_free *f;

		for (f = a->z.free[k]; f; f = f->next) {
			unsigned long pfn = (uintptr_t)f / PAGE;

			if (pfn & ((1UL << k) - 1) || pfn < a->start ||
			    pfn + (1UL << k) > a->start + a->npages)
				return FAIL("free block %#lx order %u misplaced", pfn, k);
			if (a->tags[pfn - a->z.tag_base] != (BUDDY_TAG_FREE | k))
				ok = FAIL("free block %#lx order %u has tag %#x", pfn, k,
					  a->tags[pfn - a->z.tag_base]);
			for (i = 0; i < 1UL << k; i++)
				if (a->owner[pfn - a->start + i] != FREE)
					return FAIL("free block %#lx holds page %#lx of %d",
						    pfn, pfn + i, a->owner[pfn - a->start + i]);
			listed += 1UL << k;
		}
	}
	listed += buddy_virgin_sections(&a->z) << a->z.max_order;
	ok &= EXPECT_EQ(listed, model_free_pages(a));
	ok &= EXPECT_EQ(a->z.free_pages, model_free_pages(a));
	for (i = 0; i < a->npages && ok; i++) {
		unsigned int order = 99;
		unsigned long head = buddy_block_start(&a->z, a->start + i, &order);
		int o = a->owner[i];

		if (o <= 0 && head != BUDDY_NO_PAGE)
			ok = FAIL("page %#lx is not allocated, block_start says %#lx",
				  a->start + i, head);
		if (o > 0 && (head == BUDDY_NO_PAGE || a->owner[head - a->start] != o ||
			      (head > a->start && a->owner[head - a->start - 1] == o) ||
			      order != a->order[head - a->start]))
			ok = FAIL("page %#lx: block_start %#lx order %u is wrong", a->start + i,
				  head, order);
	}
	return ok;
}

/* Random allocs and frees holding up to 'hold' blocks, then everything freed. */
static void random_workload(struct arena *a, unsigned long steps, unsigned int hold,
			    unsigned int check_every)
{
	unsigned long *held = calloc(hold, sizeof(*held)), free_at_start = a->z.free_pages;
	unsigned int n = 0, k;
	unsigned long s;

	for (s = 0; s < steps; s++) {
		if (n < hold && (n == 0 || rnd() % 100 < 55)) {
			unsigned int order = rnd() % (a->z.max_order + 1);
			unsigned int small = rnd() % 3;

			/* Small orders are the common case. */
			if (rnd() % 4)
				order = MIN(order, small);
			held[n] = arena_alloc(a, order);
			n += held[n] != 0;
		} else if (n) {
			unsigned int i = rnd() % n;

			arena_release(a, held[i]);
			held[i] = held[--n];
		}
		if (s % check_every == 0 && !arena_check(a))
			break;
	}
	while (n)
		arena_release(a, held[--n]);
	arena_check(a);
	EXPECT_EQ(a->z.free_pages, free_at_start);
	/* Fully coalesced: no two free buddies below max_order. */
	for (k = 0; k < a->z.max_order; k++) {
		const struct buddy_free *f;

		for (f = a->z.free[k]; f; f = f->next) {
			unsigned long pfn = (uintptr_t)f / PAGE, buddy = pfn ^ (1UL << k);

			if (buddy_zone_contains(&a->z, buddy) &&
			    a->tags[buddy - a->z.tag_base] == (BUDDY_TAG_FREE | k))
				FAIL("free buddies %#lx and %#lx of order %u", pfn, buddy, k);
		}
	}
	free(held);
}

/* Free-list counts per order, plus virgin sections counted as max-order blocks. */
static void snapshot(const struct arena *a, unsigned long *counts)
{
	unsigned int k;

	for (k = 0; k <= a->z.max_order; k++)
		counts[k] = buddy_count_free(&a->z, k);
	counts[a->z.max_order] += buddy_virgin_sections(&a->z);
}

TEST(one_section_splits_and_coalesces)
{
	struct arena a;
	unsigned long before[BUDDY_MAX_ORDER + 1], after[BUDDY_MAX_ORDER + 1];
	unsigned long p, q;

	rng_state = 1;
	arena_init(&a, 4, 0, 16, NULL, 0, false);
	EXPECT_EQ(a.z.free_pages, 16);
	EXPECT_EQ(buddy_virgin_sections(&a.z), 1);
	EXPECT_EQ(buddy_largest_free_order(&a.z), 4);
	p = arena_alloc(&a, 0);
	q = arena_alloc(&a, 0);
	EXPECT_EQ(p, a.start);
	EXPECT_EQ(q, a.start + 1);
	EXPECT_EQ(buddy_count_free(&a.z, 0), 0);
	EXPECT_EQ(buddy_count_free(&a.z, 1), 1);
	EXPECT_EQ(buddy_count_free(&a.z, 2), 1);
	EXPECT_EQ(buddy_count_free(&a.z, 3), 1);
	EXPECT_EQ(buddy_largest_free_order(&a.z), 3);
	EXPECT_EQ(a.z.free_pages, 14);
	arena_check(&a);
	snapshot(&a, before);
	arena_release(&a, p);
	EXPECT_EQ(buddy_count_free(&a.z, 0), 1);
	arena_release(&a, q);
	snapshot(&a, after);
	EXPECT_EQ(after[4], 1);
	EXPECT_EQ(after[0] + after[1] + after[2] + after[3], 0);
	EXPECT_EQ(buddy_largest_free_order(&a.z), 4);
	EXPECT_EQ(a.z.free_pages, 16);
	arena_check(&a);
	EXPECT(before[3] == 1);
	arena_free(&a);
}

TEST(every_order_aligned_and_disjoint)
{
	struct arena a;
	unsigned int k;
	unsigned long got[11];

	rng_state = 2;
	arena_init(&a, 10, 3, 3 * 1024 + 77, NULL, 0, false);
	for (k = 0; k <= 10; k++) {
		got[k] = arena_alloc(&a, k);
		EXPECT(got[k] != 0);
	}
	EXPECT_EQ(buddy_alloc(&a.z, 11), BUDDY_NO_PAGE);
	arena_check(&a);
	for (k = 0; k <= 10; k++)
		if (got[k])
			arena_release(&a, got[k]);
	EXPECT_EQ(a.z.free_pages, 3 * 1024 + 77);
	arena_check(&a);
	arena_free(&a);
}

TEST(start_up_leaves_whole_sections_untouched)
{
	struct hole holes[] = { { 0, 5 }, { 3000, 2 } };
	unsigned long sect = 1UL << 8, npages = 40 * sect + 3, i, untouched = 0;
	struct arena a;

	/* An unaligned zone; a marker in the tags shows which ones start-up wrote. */
	rng_state = 3;
	memset(&a, 0, sizeof(a));
	a.mem = malloc((17 + npages) * PAGE + 2 * sect * PAGE);
	a.start = ALIGN_UP((uintptr_t)a.mem, sect * PAGE) / PAGE + 17;
	a.npages = npages;
	a.ntags = buddy_tags_size(a.start, a.start + npages, 8);
	a.tags = malloc(a.ntags);
	memset(a.tags, 0xa5, a.ntags);
	EXPECT_EQ(buddy_init_zone(&a.z, a.start, a.start + npages, a.tags, 8, false), 0);
	EXPECT_EQ(buddy_add_free_range(&a.z, a.start + 5, a.start + 3000), 0);
	EXPECT_EQ(buddy_add_free_range(&a.z, a.start + 3002, a.start + npages), 0);
	buddy_finish_init(&a.z);
	EXPECT_EQ(a.z.free_pages, npages - 7);
	for (i = 0; i < a.ntags; i++)
		untouched += a.tags[i] == 0xa5;
	/* 41 sections: only the 3 holding the ends of the two ranges are written. */
	EXPECT_EQ(a.ntags, 41 * sect);
	EXPECT_EQ(untouched, 38 * sect);
	EXPECT_EQ(buddy_virgin_sections(&a.z), 38);

	a.owner = calloc(npages, sizeof(*a.owner));
	a.order = calloc(npages, sizeof(*a.order));
	a.next_id = 1;
	for (i = 0; i < npages; i++)
		a.owner[i] = is_hole(holes, 2, i) ? RESERVED : FREE;
	EXPECT(arena_check(&a));
	random_workload(&a, 3000, 64, 97);
	arena_free(&a);
}

TEST(random_default_order_unaligned_arena)
{
	struct hole holes[] = { { 0, 1 }, { 700, 300 }, { 2047, 2 }, { 5000, 1 } };
	struct arena a;

	rng_state = 4;
	arena_init(&a, 10, 513, 9 * 1024 + 123, holes, 4, false);
	random_workload(&a, 60000, 256, 997);
	arena_free(&a);
}

TEST(random_small_orders_many_ranges)
{
	struct hole holes[24];
	unsigned int max_order, i;
	struct arena a;

	/* More ranges with whole sections than BUDDY_MAX_RUNS: the rest start split. */
	for (i = 0; i < 24; i++)
		holes[i] = (struct hole){ 40 * i + 37, 1 + i % 3 };
	for (max_order = 0; max_order <= 3; max_order++) {
		rng_state = 5 + max_order;
		arena_init(&a, max_order, max_order, 1000, holes, 24, false);
		EXPECT_EQ(a.z.free_pages, model_free_pages(&a));
		EXPECT(arena_check(&a));
		random_workload(&a, 20000, 128, 251);
		arena_free(&a);
	}
}

TEST(random_until_out_of_memory)
{
	struct hole holes[] = { { 100, 3 } };
	unsigned long held[1000], before[BUDDY_MAX_ORDER + 1], after[BUDDY_MAX_ORDER + 1];
	unsigned int n = 0, round, max = ARRAY_SIZE(held);
	struct arena a;

	rng_state = 9;
	arena_init(&a, 5, 7, 1000, holes, 1, false);
	snapshot(&a, before);
	for (round = 0; round < 3; round++) {
		unsigned long pfn;

		/* Random orders until one fails, then order 0 until that fails too. */
		while (n < max && (pfn = arena_alloc(&a, rnd() % 6)) != 0)
			held[n++] = pfn;
		while (n < max && (pfn = arena_alloc(&a, 0)) != 0)
			held[n++] = pfn;
		EXPECT_EQ(a.z.free_pages, 0);
		EXPECT_EQ(buddy_largest_free_order(&a.z), -1);
		EXPECT(arena_check(&a));
		while (n)
			arena_release(&a, held[--n]);
		EXPECT_EQ(a.z.free_pages, 997);
		snapshot(&a, after);
		/* Back to the same maximal blocks: virgin sections return as max-order blocks. */
		EXPECT_MEMEQ(before, after, sizeof(unsigned long) * 6);
	}
	arena_free(&a);
}

TEST(large_max_order_small_arenas)
{
	struct arena a;
	unsigned long p;

	/* Order 18 sections are 1 GiB: the arena has only a head and a tail. */
	rng_state = 10;
	arena_init(&a, 18, 1000, 3000, NULL, 0, false);
	EXPECT_EQ(buddy_virgin_sections(&a.z), 0);
	EXPECT_EQ(a.z.free_pages, 3000);
	random_workload(&a, 5000, 64, 101);
	EXPECT_EQ(buddy_alloc(&a.z, 18), BUDDY_NO_PAGE);
	arena_free(&a);

	/* A single page. */
	arena_init(&a, 10, 5, 1, NULL, 0, false);
	EXPECT_EQ(buddy_largest_free_order(&a.z), 0);
	EXPECT_EQ(buddy_alloc(&a.z, 1), BUDDY_NO_PAGE);
	p = arena_alloc(&a, 0);
	EXPECT_EQ(p, a.start);
	EXPECT_EQ(buddy_alloc(&a.z, 0), BUDDY_NO_PAGE);
	arena_release(&a, p);
	EXPECT_EQ(a.z.free_pages, 1);
	EXPECT(arena_check(&a));
	arena_free(&a);

	/* A single page with max_order 0: one virgin section. */
	arena_init(&a, 0, 0, 1, NULL, 0, false);
	EXPECT_EQ(buddy_virgin_sections(&a.z), 1);
	p = arena_alloc(&a, 0);
	EXPECT_EQ(buddy_alloc(&a.z, 0), BUDDY_NO_PAGE);
	arena_release(&a, p);
	EXPECT(arena_check(&a));
	arena_free(&a);
}

TEST(bad_frees_are_refused_and_change_nothing)
{
	struct hole holes[] = { { 0, 2 }, { 40, 8 } };
	unsigned long p, q, r, big, free_before;
	struct arena a;

	rng_state = 11;
	arena_init(&a, 6, 0, 512, holes, 2, false);
	p = arena_alloc(&a, 0);
	q = arena_alloc(&a, 0);
	r = arena_alloc(&a, 2);
	big = arena_alloc(&a, 6);
	EXPECT(p && q && r && big);
	arena_check(&a);
	free_before = a.z.free_pages;

	EXPECT_EQ(buddy_free(&a.z, r, 1), BUDDY_EORDER);
	EXPECT_EQ(buddy_free(&a.z, r, 3), BUDDY_EORDER);
	EXPECT_EQ(buddy_free(&a.z, r + 1, 0), BUDDY_EINTERIOR);
	EXPECT_EQ(buddy_free(&a.z, r + 2, 1), BUDDY_EINTERIOR);
	EXPECT_EQ(buddy_free(&a.z, big + 33, 0), BUDDY_EINTERIOR);
	EXPECT_EQ(buddy_free(&a.z, a.start, 0), BUDDY_ENOTALLOC);	/* reserved */
	EXPECT_EQ(buddy_free(&a.z, a.start + 41, 0), BUDDY_ENOTALLOC);
	EXPECT_EQ(buddy_free(&a.z, a.start + 512, 0), BUDDY_EOUTSIDE);
	EXPECT_EQ(buddy_free(&a.z, a.start - 1, 0), BUDDY_EOUTSIDE);
	EXPECT_EQ(buddy_free(&a.z, r, 7), BUDDY_EBADORDER);
	/* A page of a virgin section: never handed out. */
	EXPECT(buddy_virgin_sections(&a.z) > 0);
	EXPECT_EQ(buddy_free(&a.z, a.start + 512 - 64, 0), BUDDY_ENOTALLOC);
	EXPECT_EQ(buddy_free(&a.z, a.start + 512 - 1, 0), BUDDY_ENOTALLOC);
	/* A page inside a free block. */
	EXPECT_EQ(buddy_free(&a.z, r + 4, 0), BUDDY_EDOUBLE);
	EXPECT_EQ(a.z.free_pages, free_before);
	EXPECT(arena_check(&a));

	/* Double frees: of a lone block, and of both halves once they merged. */
	arena_release(&a, r);
	EXPECT_EQ(buddy_free(&a.z, r, 2), BUDDY_EDOUBLE);
	arena_release(&a, p);
	arena_release(&a, q);
	EXPECT_EQ(buddy_free(&a.z, p, 0), BUDDY_EDOUBLE);
	EXPECT_EQ(buddy_free(&a.z, q, 0), BUDDY_EDOUBLE);
	EXPECT(arena_check(&a));
	EXPECT_EQ(buddy_check_free(&a.z, big, 6), BUDDY_OK);
	arena_release(&a, big);
	EXPECT_EQ(buddy_free(&a.z, big, 6), BUDDY_EDOUBLE);
	EXPECT_EQ(a.z.free_pages, 512 - 10);
	EXPECT(arena_check(&a));
	EXPECT_STREQ(buddy_strerror(BUDDY_EDOUBLE), "double free");
	arena_free(&a);
}

TEST(freed_blocks_are_poisoned)
{
	struct arena a;
	unsigned long p, i;
	const u8 *mem;
	bool poisoned = true;

	rng_state = 12;
	arena_init(&a, 4, 0, 64, NULL, 0, true);
	p = arena_alloc(&a, 3);
	(void)arena_alloc(&a, 3);	/* keeps p from merging */
	arena_release(&a, p);
	mem = (const u8 *)(uintptr_t)(p * PAGE);
	/* All but the free-list links at the start. */
	for (i = sizeof(struct buddy_free); i < 8 * PAGE; i++)
		poisoned &= mem[i] == BUDDY_POISON;
	EXPECT(poisoned);
	arena_free(&a);
}

TEST(bad_arguments)
{
	struct buddy_zone z;
	u8 tags[64];

	EXPECT_EQ(buddy_init_zone(&z, 100, 100, tags, 4, false), -EINVAL);
	EXPECT_EQ(buddy_init_zone(&z, 100, 110, tags, BUDDY_MAX_ORDER + 1, false), -EINVAL);
	EXPECT_EQ(buddy_init_zone(&z, 0x100000, 0x100010, tags, 4, false), 0);
	EXPECT_EQ(buddy_add_free_range(&z, 0x100008, 0x100004), -EINVAL);
	EXPECT_EQ(buddy_add_free_range(&z, 0x100008, 0x100011), -EINVAL);
	EXPECT_EQ(buddy_tags_size(0x100003, 0x100011, 4), 32);
}

TEST_MAIN()
