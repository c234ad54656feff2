// SPDX-License-Identifier: MIT
/*
 * Host tests of the buddy algorithm (mm/buddy.c) over arrays of struct
 * page.  The zones' pfns are made up (the buddy never touches the pages'
 * memory); their records start out as garbage that looks like every state
 * a record can be in, with list links that crash if followed, so reading
 * a record the buddy has not written yet shows.  Holes are reserved pages,
 * whose records the test writes, as the page map does.  A model records
 * who owns each page; long random alloc/free sequences with a fixed seed
 * are checked against it after every step.
 */
#include "harness.h"
#include <stdint.h>

#include "rename.h"
#include <tern/buddy.h>
#include <tern/compiler.h>
#include <tern/errno.h>
#include <tern/string.h>

#define RESERVED	(-1)		/* model: a hole, never handed out */
#define FREE		0		/* model: free; > 0 is the owning block's id */
#define BASE_PFN	(1UL << 20)	/* aligned to every section size */

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
	unsigned long start, npages;	/* the zone's pfns */
	struct page *pages;		/* its records */
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

/* Records as uninitialised memory might hold them: any state, poisoned links. */
static void garbage_records(struct page *pages, unsigned long n, unsigned int max_order)
{
	static const u32 states[] = { PG_buddy, PG_head, PG_pcp, 0, PG_reserved };
	unsigned long i;

	for (i = 0; i < n; i++) {
		pages[i].flags = states[rnd() % ARRAY_SIZE(states)] | (u32)(rnd() % (max_order + 1));
		pages[i]._refcount = (int)rnd();
		pages[i].list.next = (struct list_head *)(uintptr_t)8;
		pages[i].list.prev = (struct list_head *)(uintptr_t)8;
	}
}

static struct page *alloc_records(unsigned long n)
{
	struct page *p = aligned_alloc(__alignof__(struct page), n * sizeof(struct page));

	if (!p)
		abort();
	return p;
}

/*
 * A zone of npages pages starting offset pages past a section boundary,
 * with holes (reserved pages) punched in it.
 */
static void arena_init(struct arena *a, unsigned int max_order, unsigned long offset,
		       unsigned long npages, const struct hole *holes, int nr_holes)
{
	unsigned long i, run_start = 0;
	bool in_run = false;

	memset(a, 0, sizeof(*a));
	a->start = BASE_PFN + offset;
	a->npages = npages;
	a->pages = alloc_records(npages);
	garbage_records(a->pages, npages, max_order);
	a->owner = calloc(npages, sizeof(*a->owner));
	a->order = calloc(npages, sizeof(*a->order));
	a->next_id = 1;
	if (buddy_init_zone(&a->z, a->start, a->start + npages, a->pages, max_order))
		FAIL("buddy_init_zone");
	for (i = 0; i < npages; i++) {
		if (is_hole(holes, nr_holes, i)) {
			a->owner[i] = RESERVED;
			a->pages[i].flags = PG_reserved;
			a->pages[i]._refcount = 1;
		}
	}
	for (i = 0; i <= npages; i++) {
		bool hole = i == npages || is_hole(holes, nr_holes, i);

		if (!hole && !in_run) {
			run_start = i;
			in_run = true;
		} else if (hole && in_run) {
			EXPECT_EQ(buddy_add_free_range(&a->z, a->start + run_start, a->start + i),
				  0);
			in_run = false;
		}
	}
}

static void arena_free(struct arena *a)
{
	free(a->pages);
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
	EXPECT_EQ(page_flags(buddy_page(&a->z, pfn)), PG_head | order);
	/* The owner may use the list link: the buddy must not care. */
	buddy_page(&a->z, pfn)->list.next = NULL;
	buddy_page(&a->z, pfn)->list.prev = NULL;
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

/* The allocator's view (free lists, records, block_start) against the model. */
static bool arena_check(struct arena *a)
{
	unsigned long listed = 0, i;
	unsigned int k;
	bool ok = true;

	for (k = 0; k <= a->z.max_order; k++) {
		const struct list_head *node;

		for (node = a->z.free[k].next; node != &a->z.free[k]; node = node->next) {
			const struct page *page = list_entry(node, struct page, list);
			unsigned long pfn = buddy_pfn(&a->z, page);

			if (pfn & ((1UL << k) - 1) || pfn < a->start ||
			    pfn + (1UL << k) > a->start + a->npages)
				return FAIL("free block %#lx order %u misplaced", pfn, k);
			if (page->flags != (PG_buddy | k))
				ok = FAIL("free block %#lx order %u has flags %#x", pfn, k,
					  page->flags);
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
		const struct list_head *node;

		for (node = a->z.free[k].next; node != &a->z.free[k]; node = node->next) {
			const struct page *page = list_entry(node, struct page, list);
			unsigned long pfn = buddy_pfn(&a->z, page), buddy = pfn ^ (1UL << k);

			if (buddy_zone_contains(&a->z, buddy) &&
			    buddy_page(&a->z, buddy)->flags == (PG_buddy | k))
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
	arena_init(&a, 4, 0, 16, NULL, 0);
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
	arena_init(&a, 10, 3, 3 * 1024 + 77, NULL, 0);
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
	unsigned long sect = 1UL << 8, npages = 40 * sect + 3, i, untouched = 0, heads = 0;
	struct page *before;
	struct arena a;

	/*
	 * An unaligned zone, 17 pages into a section: the records start-up
	 * writes are those of the free pages of the 3 sections that hold the
	 * ends of the two ranges, and the first of each whole section.
	 */
	rng_state = 3;
	memset(&a, 0, sizeof(a));
	a.start = BASE_PFN + 17;
	a.npages = npages;
	a.pages = alloc_records(npages);
	garbage_records(a.pages, npages, 8);
	for (i = 0; i < npages; i++) {
		if (is_hole(holes, 2, i)) {
			a.pages[i].flags = PG_reserved;
			a.pages[i]._refcount = 1;
		}
	}
	before = alloc_records(npages);
	memcpy(before, a.pages, npages * sizeof(*before));
	EXPECT_EQ(buddy_init_zone(&a.z, a.start, a.start + npages, a.pages, 8), 0);
	EXPECT_EQ(buddy_add_free_range(&a.z, a.start + 5, a.start + 3000), 0);
	EXPECT_EQ(buddy_add_free_range(&a.z, a.start + 3002, a.start + npages), 0);
	EXPECT_EQ(a.z.free_pages, npages - 7);
	for (i = 0; i < npages; i++) {
		bool same = !memcmp(&before[i], &a.pages[i], sizeof(*before));

		untouched += same;
		if (!same && a.pages[i].flags == PG_virgin)
			heads++;
	}
	/* 41 sections: 38 whole ones are virgin, all but their first record untouched. */
	EXPECT_EQ(buddy_virgin_sections(&a.z), 38);
	EXPECT_EQ(heads, 38);
	EXPECT_EQ(untouched, 38 * (sect - 1) + 7);	/* and the holes */
	free(before);

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
	arena_init(&a, 10, 513, 9 * 1024 + 123, holes, 4);
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
		arena_init(&a, max_order, max_order, 1000, holes, 24);
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
	arena_init(&a, 5, 7, 1000, holes, 1);
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
	arena_init(&a, 18, 1000, 3000, NULL, 0);
	EXPECT_EQ(buddy_virgin_sections(&a.z), 0);
	EXPECT_EQ(a.z.free_pages, 3000);
	random_workload(&a, 5000, 64, 101);
	EXPECT_EQ(buddy_alloc(&a.z, 18), BUDDY_NO_PAGE);
	arena_free(&a);

	/* A single page. */
	arena_init(&a, 10, 5, 1, NULL, 0);
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
	arena_init(&a, 0, 0, 1, NULL, 0);
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
	unsigned long p, q, r, big, free_before, virgin;
	unsigned int o;
	struct arena a;

	rng_state = 11;
	arena_init(&a, 6, 0, 512, holes, 2);
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
	/* Pages of a virgin section, whose records look allocated: never handed out. */
	EXPECT(buddy_virgin_sections(&a.z) > 0);
	virgin = a.start + 512 - 64;
	buddy_page(&a.z, virgin + 1)->flags = PG_head;
	buddy_page(&a.z, virgin + 63)->flags = PG_head | 3;
	EXPECT_EQ(buddy_free(&a.z, virgin, 0), BUDDY_ENOTALLOC);
	EXPECT_EQ(buddy_free(&a.z, virgin + 1, 0), BUDDY_ENOTALLOC);
	EXPECT_EQ(buddy_free(&a.z, virgin + 63, 3), BUDDY_ENOTALLOC);
	EXPECT_EQ(buddy_block_start(&a.z, virgin + 1, &o), BUDDY_NO_PAGE);
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

/* Another layer (the per-CPU lists) holds some order-0 blocks as PG_pcp pages. */
TEST(pages_held_elsewhere_are_neither_free_nor_blocks)
{
	unsigned long p[4], i;
	unsigned int o;
	struct arena a;

	rng_state = 12;
	arena_init(&a, 4, 0, 64, NULL, 0);
	for (i = 0; i < 4; i++)
		p[i] = arena_alloc(&a, 0);
	buddy_page(&a.z, p[1])->flags = PG_pcp;
	EXPECT_EQ(buddy_block_start(&a.z, p[1], &o), BUDDY_NO_PAGE);
	EXPECT_EQ(buddy_free(&a.z, p[1], 0), BUDDY_EDOUBLE);
	/* Its buddy is freed: no merge with a page that is not on a free list. */
	arena_release(&a, p[0]);
	EXPECT_EQ(buddy_count_free(&a.z, 0), 1);
	buddy_page(&a.z, p[1])->flags = PG_head;
	arena_release(&a, p[1]);
	EXPECT_EQ(buddy_count_free(&a.z, 0), 0);
	arena_release(&a, p[2]);
	arena_release(&a, p[3]);
	EXPECT_EQ(buddy_largest_free_order(&a.z), 4);
	EXPECT(arena_check(&a));
	arena_free(&a);
}

/* The initrd's pages come back after start-up: merged with the free pages around them. */
TEST(a_reserved_range_given_back_merges)
{
	struct hole holes[] = { { 16, 16 } };	/* a whole order-4 block inside a section */
	struct arena a;
	unsigned long i;

	rng_state = 13;
	arena_init(&a, 5, 0, 64, holes, 1);
	EXPECT_EQ(a.z.total_pages, 48);
	EXPECT_EQ(a.z.free_pages, 48);
	EXPECT_EQ(buddy_give_range(&a.z, a.start + 16, a.start + 32), 0);
	for (i = 16; i < 32; i++)
		a.owner[i] = FREE;
	EXPECT_EQ(a.z.total_pages, 64);
	EXPECT_EQ(a.z.free_pages, 64);
	EXPECT_EQ(buddy_largest_free_order(&a.z), 5);	/* merged up to the whole section */
	EXPECT(arena_check(&a));
	EXPECT_EQ(buddy_give_range(&a.z, a.start + 10, a.start + 10), -EINVAL);
	EXPECT_EQ(buddy_give_range(&a.z, a.start + 60, a.start + 65), -EINVAL);
	arena_free(&a);
}

TEST(bad_arguments)
{
	struct page *pages = alloc_records(64);
	struct buddy_zone z;

	EXPECT_EQ(buddy_init_zone(&z, 100, 100, pages, 4), -EINVAL);
	EXPECT_EQ(buddy_init_zone(&z, 100, 110, pages, BUDDY_MAX_ORDER + 1), -EINVAL);
	EXPECT_EQ(buddy_init_zone(&z, 0x100000, 0x100010, pages, 4), 0);
	EXPECT_EQ(buddy_add_free_range(&z, 0x100008, 0x100004), -EINVAL);
	EXPECT_EQ(buddy_add_free_range(&z, 0x100008, 0x100011), -EINVAL);
	EXPECT_EQ(buddy_add_free_range(&z, 0x100002, 0x100004), 0);
	/* Ranges must be apart: no free page next to another range's. */
	EXPECT_EQ(buddy_add_free_range(&z, 0x100004, 0x100006), -EINVAL);
	EXPECT_EQ(buddy_add_free_range(&z, 0x100003, 0x100006), -EINVAL);
	EXPECT_EQ(buddy_add_free_range(&z, 0x100005, 0x100006), 0);
	free(pages);
}

TEST_MAIN()
