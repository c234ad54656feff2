// SPDX-License-Identifier: MIT
/*
 * Host tests of the page-table walker (arch/riscv/mm/pgtable.c), built
 * once per paging mode (tests/Makefile: test_pgtable_sv32 ... _sv57), so
 * that Sv32's 32-bit PTEs with 10 bits per level are tested as well as
 * the 9-bit levels of Sv39, Sv48 and Sv57.
 *
 * Table pages come from a fake physical memory above 4 GiB (Sv32's
 * 34-bit addresses are used), poisoned when freed; a budget makes the
 * allocator fail on demand.  A model keeps, per 4 KiB page of a window,
 * what should be mapped; thousands of random map/unmap/protect calls with
 * a fixed seed, at every leaf size the window holds, are checked against
 * it, along with the tables themselves: none leaked, none empty when the
 * walker frees them, none holding a pointer at level 0.
 */
#include "harness.h"
#include <stdint.h>

#include <asm/pgtable.h>
#include <tern/compiler.h>
#include <tern/errno.h>

#define ROOT_LEVEL	(PGTABLE_LEVELS - 1)
#define FAKE_PA_BASE	0x200000000ULL		/* 8 GiB */
#define MAX_TABLES	8192
/* Largest leaf the random tests use: the window must hold a few. */
#define RAND_MAX_LEVEL	(ROOT_LEVEL < 2 ? ROOT_LEVEL : 2)
#define WINDOW_SIZE	(PGTABLE_LEVELS == 2 ? 16 * LEVEL_SIZE(1) : 4 * LEVEL_SIZE(2))
#define WINDOW_PAGES	(WINDOW_SIZE / PAGE_SIZE)
/* A physical address space big enough for every leaf size, within every mode's. */
#define PA_SPACE	(PGTABLE_LEVELS == 2 ? 1ULL << 34 : 1ULL << 44)

static uint8_t *arena;
static bool table_used[MAX_TABLES];
static long tables_live;
static long alloc_budget = -1;		/* tables alloc_table may still give; -1: any */

static phys_addr_t fake_alloc(void *ctx)
{
	unsigned long i;

	if (alloc_budget == 0)
		return 0;
	for (i = 0; i < MAX_TABLES && table_used[i]; i++)
		;
	if (i == MAX_TABLES) {
		FAIL("out of fake table pages");
		return 0;
	}
	table_used[i] = true;
	memset(arena + i * PAGE_SIZE, 0, PAGE_SIZE);
	tables_live++;
	if (alloc_budget > 0)
		alloc_budget--;
	return FAKE_PA_BASE + i * PAGE_SIZE;
}

static void fake_free(phys_addr_t pa, void *ctx)
{
	unsigned long i = (unsigned long)((pa - FAKE_PA_BASE) / PAGE_SIZE);

	if (pa < FAKE_PA_BASE || i >= MAX_TABLES || !table_used[i] || (pa & (PAGE_SIZE - 1))) {
		FAIL("free_table(%#llx): not a live table", (unsigned long long)pa);
		return;
	}
	memset(arena + i * PAGE_SIZE, 0xa5, PAGE_SIZE);	/* a use after free shows */
	table_used[i] = false;
	tables_live--;
}

static struct pgtable new_pt(bool free_tables)
{
	static pteval_t *root;

	if (!root) {	/* once: the program's whole life (no leak to report) */
		arena = aligned_alloc(PAGE_SIZE, (size_t)MAX_TABLES * PAGE_SIZE);
		root = aligned_alloc(PAGE_SIZE, PAGE_SIZE);
	}
	memset(table_used, 0, sizeof(table_used));
	tables_live = 0;
	alloc_budget = -1;
	return (struct pgtable){
		.root = root,
		.table_offset = (unsigned long)((uintptr_t)arena - FAKE_PA_BASE),
		.alloc_table = fake_alloc,
		.free_table = free_tables ? fake_free : NULL,
	};
}

static void init_pt(struct pgtable *pt)
{
	memset(pt->root, 0, PAGE_SIZE);
}

/* Tables reachable from t (a table of the given level), not counting t; checks them too. */
static long count_tables(const struct pgtable *pt, const pteval_t *t, unsigned int level,
			 bool must_be_nonempty)
{
	long n = 0;
	bool empty = true;
	unsigned long i;

	for (i = 0; i < PTRS_PER_TABLE; i++) {
		pteval_t pte = t[i];

		if (!pte)
			continue;
		empty = false;
		if (!pte_present(pte)) {
			FAIL("level %u entry %lu: non-zero but not valid (%#llx)", level, i,
			     (unsigned long long)pte);
			continue;
		}
		if (pte_is_leaf(pte))
			continue;
		if (level == 0) {
			FAIL("level 0 entry %lu points to a table", i);
			continue;
		}
		n += 1 + count_tables(pt, (const pteval_t *)(uintptr_t)(pte_phys(pte) +
								    pt->table_offset),
				      level - 1, true);
	}
	if (must_be_nonempty && empty && pt->free_table)
		FAIL("an empty level %u table stayed linked", level);
	return n;
}

static void check_tables(const struct pgtable *pt)
{
	EXPECT_EQ(count_tables(pt, pt->root, ROOT_LEVEL, false), tables_live);
}

/* The physical address va maps to, or -1. */
static phys_addr_t translate(const struct pgtable *pt, unsigned long va, pteval_t *prot)
{
	unsigned int level = 99;
	pteval_t *e = pgtable_lookup(pt, va, &level);

	if (!e)
		return (phys_addr_t)-1;
	if (level > ROOT_LEVEL || (pte_phys(*e) & (LEVEL_SIZE(level) - 1))) {
		FAIL("leaf at level %u with pa %#llx", level, (unsigned long long)pte_phys(*e));
		return (phys_addr_t)-1;
	}
	if (prot)
		*prot = *e & _PAGE_PROT_MASK;
	return pte_phys(*e) + (va & (LEVEL_SIZE(level) - 1));
}

/* ---- deterministic cases ---- */

TEST(map_and_lookup_at_every_level)
{
	struct pgtable pt = new_pt(true);
	unsigned int l;

	for (l = 0; l <= ROOT_LEVEL; l++) {
		unsigned long size = LEVEL_SIZE(l), va = 3 * size;
		phys_addr_t pa = (phys_addr_t)5 << LEVEL_SHIFT(l);
		unsigned int level = 99;
		pteval_t prot = 0;

		if (pa + size > (phys_addr_t)1 << (PTE_PPN_BITS + PAGE_SHIFT) ||
		    !pgtable_va_valid(va + size - 1))
			continue;	/* Sv57's 256 TiB leaf at pa 5 << 48: beyond 56 bits */
		init_pt(&pt);
		ASSERT_EQ(pgtable_map(&pt, va, pa, size, PAGE_KERNEL, l), 0);
		EXPECT(pgtable_lookup(&pt, va, &level) != NULL);
		EXPECT_EQ(level, l);
		EXPECT_EQ(translate(&pt, va, &prot), pa);
		EXPECT_EQ(prot, PAGE_KERNEL);
		EXPECT_EQ(translate(&pt, va + size - PAGE_SIZE, NULL), pa + size - PAGE_SIZE);
		EXPECT_EQ(translate(&pt, va + size / 2, NULL), pa + size / 2);
		EXPECT(pgtable_lookup(&pt, va - PAGE_SIZE, NULL) == NULL);
		EXPECT(pgtable_lookup(&pt, va + size, NULL) == NULL);
		EXPECT_EQ(tables_live, (long)(ROOT_LEVEL - l));
		check_tables(&pt);
		EXPECT_EQ(pgtable_unmap(&pt, va, size, NULL, NULL), 0);
		EXPECT(pgtable_lookup(&pt, va, NULL) == NULL);
		EXPECT_EQ(tables_live, 0);
	}
}

TEST(max_level_limits_the_leaf_size)
{
	struct pgtable pt = new_pt(false);
	unsigned long size = 2 * LEVEL_SIZE(1), va = 4 * LEVEL_SIZE(1);
	unsigned int level = 99;

	init_pt(&pt);
	ASSERT_EQ(pgtable_map(&pt, va, 0x40000000, size, PAGE_KERNEL_RO, 0), 0);
	EXPECT(pgtable_lookup(&pt, va + LEVEL_SIZE(1), &level) != NULL);
	EXPECT_EQ(level, 0);
	EXPECT_EQ(translate(&pt, va + size - PAGE_SIZE, NULL), 0x40000000 + size - PAGE_SIZE);
	/* pa aligned to a page only: 4 KiB leaves even when larger are allowed */
	ASSERT_EQ(pgtable_map(&pt, va + size, 0x40001000, LEVEL_SIZE(1), PAGE_KERNEL, ROOT_LEVEL), 0);
	EXPECT(pgtable_lookup(&pt, va + size, &level) != NULL);
	EXPECT_EQ(level, 0);
	check_tables(&pt);
}

TEST(map_refuses_what_is_mapped)
{
	struct pgtable pt = new_pt(true);
	unsigned long va = LEVEL_SIZE(1);

	init_pt(&pt);
	ASSERT_EQ(pgtable_map(&pt, va, 0x100000, 4 * PAGE_SIZE, PAGE_KERNEL, 0), 0);
	/* overlapping the end, the start, and inside: nothing changes */
	EXPECT_EQ(pgtable_map(&pt, va + 3 * PAGE_SIZE, 0x900000, 4 * PAGE_SIZE, PAGE_KERNEL, 0),
		  -EEXIST);
	EXPECT_EQ(pgtable_map(&pt, va - 2 * PAGE_SIZE, 0x900000, 3 * PAGE_SIZE, PAGE_KERNEL, 0),
		  -EEXIST);
	EXPECT_EQ(pgtable_map(&pt, va - LEVEL_SIZE(1), 0, 2 * LEVEL_SIZE(1), PAGE_KERNEL, 1),
		  -EEXIST);
	EXPECT(pgtable_lookup(&pt, va + 4 * PAGE_SIZE, NULL) == NULL);
	EXPECT(pgtable_lookup(&pt, va - PAGE_SIZE, NULL) == NULL);
	EXPECT_EQ(translate(&pt, va + 3 * PAGE_SIZE, NULL), 0x103000);
	check_tables(&pt);
	/* a large leaf over the area is refused too */
	EXPECT_EQ(pgtable_map(&pt, 0, 0, LEVEL_SIZE(1) * 2, PAGE_KERNEL, 1), -EEXIST);
	check_tables(&pt);
}

TEST(bad_arguments_are_refused)
{
	struct pgtable pt = new_pt(true);
	unsigned long va = LEVEL_SIZE(1);

	init_pt(&pt);
	EXPECT_EQ(pgtable_map(&pt, va + 1, 0, PAGE_SIZE, PAGE_KERNEL, 0), -EINVAL);
	EXPECT_EQ(pgtable_map(&pt, va, 0x800, PAGE_SIZE, PAGE_KERNEL, 0), -EINVAL);
	EXPECT_EQ(pgtable_map(&pt, va, 0, PAGE_SIZE + 8, PAGE_KERNEL, 0), -EINVAL);
	EXPECT_EQ(pgtable_map(&pt, va, 0, 0, PAGE_KERNEL, 0), -EINVAL);
	EXPECT_EQ(pgtable_map(&pt, va, 0, PAGE_SIZE, _PAGE_W | _PAGE_A, 0), -EINVAL);
	EXPECT_EQ(pgtable_map(&pt, va, 0, PAGE_SIZE, _PAGE_G | _PAGE_A, 0), -EINVAL);
	EXPECT_EQ(pgtable_map(&pt, va, 0, PAGE_SIZE, PAGE_KERNEL | _PAGE_V, 0), -EINVAL);
	EXPECT_EQ(pgtable_map(&pt, va, 0, PAGE_SIZE, PAGE_KERNEL | 0x400, 0), -EINVAL);
	EXPECT_EQ(pgtable_map(&pt, va, (phys_addr_t)1 << (PTE_PPN_BITS + PAGE_SHIFT), PAGE_SIZE,
			      PAGE_KERNEL, 0), -EINVAL);
	EXPECT_EQ(pgtable_map(&pt, va, ((phys_addr_t)1 << (PTE_PPN_BITS + PAGE_SHIFT)) - PAGE_SIZE,
			      2 * PAGE_SIZE, PAGE_KERNEL, 0), -EINVAL);
	EXPECT_EQ(pgtable_map(&pt, 0UL - PAGE_SIZE, 0, 2 * PAGE_SIZE, PAGE_KERNEL, 0), -EINVAL);
	EXPECT_EQ(pgtable_unmap(&pt, va, 0, NULL, NULL), -EINVAL);
	EXPECT_EQ(pgtable_protect(&pt, va, PAGE_SIZE, _PAGE_W), -EINVAL);
#if PGTABLE_LEVELS > 2
	/* Sv39 and up: not canonical, or across the hole between the halves */
	EXPECT_EQ(pgtable_map(&pt, 1UL << (VA_BITS - 1), 0, PAGE_SIZE, PAGE_KERNEL, 0), -EINVAL);
	EXPECT_EQ(pgtable_map(&pt, (1UL << (VA_BITS - 1)) - PAGE_SIZE, 0, 2 * PAGE_SIZE,
			      PAGE_KERNEL, 0), -EINVAL);
	EXPECT(pgtable_lookup(&pt, 1UL << (VA_BITS - 1), NULL) == NULL);
	EXPECT(pgtable_walk_alloc(&pt, 1UL << (VA_BITS - 1), 0) == NULL);
#endif
	EXPECT_EQ(tables_live, 0);
}

TEST(map_without_memory_changes_nothing)
{
	struct pgtable pt = new_pt(true);
	/* Two leaf tables' worth of 4 KiB pages, across a level-1 boundary. */
	unsigned long va = 3 * LEVEL_SIZE(1) - 8 * PAGE_SIZE, size = 16 * PAGE_SIZE;
	long budget;

	init_pt(&pt);
	for (budget = 0; budget < ROOT_LEVEL + 1; budget++) {
		unsigned long i;

		alloc_budget = budget;
		EXPECT_EQ(pgtable_map(&pt, va, 0x300000, size, PAGE_KERNEL, 0), -ENOMEM);
		for (i = 0; i < size; i += PAGE_SIZE)
			EXPECT(pgtable_lookup(&pt, va + i, NULL) == NULL);
		EXPECT_EQ(tables_live, 0);
		check_tables(&pt);
	}
	alloc_budget = -1;
	EXPECT_EQ(pgtable_map(&pt, va, 0x300000, size, PAGE_KERNEL, 0), 0);
	EXPECT_EQ(tables_live, ROOT_LEVEL + 1);
}

static unsigned long removed_bytes;
static unsigned long removed_calls;

static void count_removed(unsigned long va, pteval_t old, unsigned int level, void *arg)
{
	EXPECT(pte_is_leaf(old));
	EXPECT_EQ(va & (LEVEL_SIZE(level) - 1), 0);
	removed_bytes += LEVEL_SIZE(level);
	removed_calls++;
}

TEST(unmap_splits_a_large_leaf)
{
	struct pgtable pt = new_pt(true);
	unsigned long size = LEVEL_SIZE(1), va = 2 * size, hole = va + 5 * PAGE_SIZE;
	phys_addr_t pa = 7 * (phys_addr_t)size;
	unsigned int level;

	init_pt(&pt);
	ASSERT_EQ(pgtable_map(&pt, va, pa, size, PAGE_KERNEL_EXEC, 1), 0);
	alloc_budget = 0;
	EXPECT_EQ(pgtable_unmap(&pt, hole, PAGE_SIZE, count_removed, NULL), -ENOMEM);
	EXPECT_EQ(translate(&pt, hole, NULL), pa + 5 * PAGE_SIZE);	/* untouched */
	alloc_budget = -1;
	removed_bytes = removed_calls = 0;
	EXPECT_EQ(pgtable_unmap(&pt, hole, PAGE_SIZE, count_removed, NULL), 0);
	EXPECT_EQ(removed_bytes, PAGE_SIZE);
	EXPECT(pgtable_lookup(&pt, hole, NULL) == NULL);
	EXPECT_EQ(translate(&pt, hole - PAGE_SIZE, NULL), pa + 4 * PAGE_SIZE);
	EXPECT_EQ(translate(&pt, hole + PAGE_SIZE, NULL), pa + 6 * PAGE_SIZE);
	EXPECT(pgtable_lookup(&pt, va, &level) && level == 0);
	check_tables(&pt);
	/* the rest goes in one call, in 4 KiB leaves now; the table with it */
	removed_bytes = removed_calls = 0;
	EXPECT_EQ(pgtable_unmap(&pt, va, size, count_removed, NULL), 0);
	EXPECT_EQ(removed_bytes, size - PAGE_SIZE);
	EXPECT_EQ(removed_calls, PTRS_PER_TABLE - 1);
	EXPECT_EQ(tables_live, 0);
}

TEST(protect_changes_flags_and_keeps_pages)
{
	struct pgtable pt = new_pt(false);
	unsigned long size = LEVEL_SIZE(1), va = 6 * size;
	phys_addr_t pa = 3 * (phys_addr_t)size;
	pteval_t prot;

	init_pt(&pt);
	ASSERT_EQ(pgtable_map(&pt, va, pa, 2 * size, PAGE_KERNEL, 1), 0);
	/* a hole in the range is skipped */
	EXPECT_EQ(pgtable_protect(&pt, va - size, size + 3 * PAGE_SIZE, PAGE_KERNEL_RO), 0);
	EXPECT_EQ(translate(&pt, va + 2 * PAGE_SIZE, &prot), pa + 2 * PAGE_SIZE);
	EXPECT_EQ(prot, PAGE_KERNEL_RO);
	EXPECT_EQ(translate(&pt, va + 3 * PAGE_SIZE, &prot), pa + 3 * PAGE_SIZE);
	EXPECT_EQ(prot, PAGE_KERNEL);
	EXPECT_EQ(pgtable_protect(&pt, va + size, size, PAGE_KERNEL_EXEC | _PAGE_U), 0);
	EXPECT_EQ(translate(&pt, va + 2 * size - PAGE_SIZE, &prot), pa + 2 * size - PAGE_SIZE);
	EXPECT_EQ(prot, PAGE_KERNEL_EXEC | _PAGE_U);
	EXPECT(pgtable_lookup(&pt, va - PAGE_SIZE, NULL) == NULL);
	check_tables(&pt);
}

TEST(kernel_tables_stay_when_emptied)
{
	struct pgtable pt = new_pt(false);
	unsigned long va = 5 * LEVEL_SIZE(1);
	unsigned int level;
	pteval_t *e;

	init_pt(&pt);
	ASSERT_EQ(pgtable_map(&pt, va, 0x10000, PAGE_SIZE, PAGE_KERNEL, 0), 0);
	EXPECT_EQ(pgtable_unmap(&pt, va, PAGE_SIZE, NULL, NULL), 0);
	EXPECT_EQ(tables_live, ROOT_LEVEL);
	check_tables(&pt);
	/* walk_alloc finds the entry in the tables that stayed */
	e = pgtable_walk_alloc(&pt, va, 0);
	ASSERT(e != NULL);
	EXPECT_EQ(*e, 0);
	EXPECT_EQ(tables_live, ROOT_LEVEL);
	*e = pfn_pte(0x20000, PAGE_KERNEL_RO);
	EXPECT_EQ(translate(&pt, va, NULL), 0x20000);
	*e = 0;
	/* a large leaf is not written over the empty table (it would leak): 4 KiB leaves */
	ASSERT_EQ(pgtable_map(&pt, va, 0, LEVEL_SIZE(1), PAGE_KERNEL, ROOT_LEVEL), 0);
	EXPECT(pgtable_lookup(&pt, va, &level) && level == 0);
	EXPECT_EQ(tables_live, ROOT_LEVEL);
	check_tables(&pt);
}

TEST(walk_alloc_builds_the_path_and_stops_at_leaves)
{
	struct pgtable pt = new_pt(true);
	unsigned long va = 9 * LEVEL_SIZE(1);
	unsigned int l;

	init_pt(&pt);
	for (l = ROOT_LEVEL + 1; l-- > 0;) {
		pteval_t *e = pgtable_walk_alloc(&pt, va, l);

		EXPECT(e != NULL);
		EXPECT_EQ(tables_live, (long)(ROOT_LEVEL - l));
	}
	EXPECT(pgtable_walk_alloc(&pt, va, ROOT_LEVEL + 1) == NULL);
	ASSERT_EQ(pgtable_map(&pt, 2 * LEVEL_SIZE(1), 0, LEVEL_SIZE(1), PAGE_KERNEL, 1), 0);
	EXPECT(pgtable_walk_alloc(&pt, 2 * LEVEL_SIZE(1), 0) == NULL);
	EXPECT(pgtable_walk_alloc(&pt, 2 * LEVEL_SIZE(1), 1) != NULL);
}

TEST(the_top_of_the_address_space)
{
	struct pgtable pt = new_pt(true);
	/* On the host an unsigned long is 64 bits: Sv32's top is 2^32. */
	unsigned long top = PGTABLE_LEVELS == 2 ? 0xffffffffUL - PAGE_SIZE + 1 : 0UL - PAGE_SIZE;
	unsigned long va = top - 3 * PAGE_SIZE;

	init_pt(&pt);
	ASSERT_EQ(pgtable_map(&pt, va, 0x5000, 4 * PAGE_SIZE, PAGE_KERNEL, ROOT_LEVEL), 0);
	EXPECT_EQ(translate(&pt, top, NULL), 0x8000);
	EXPECT_EQ(pgtable_protect(&pt, va, 4 * PAGE_SIZE, PAGE_KERNEL_RO), 0);
	removed_bytes = 0;
	EXPECT_EQ(pgtable_unmap(&pt, va, 4 * PAGE_SIZE, count_removed, NULL), 0);
	EXPECT_EQ(removed_bytes, 4 * PAGE_SIZE);
	EXPECT_EQ(tables_live, 0);
}

/* ---- random sequences against a model ---- */

struct mpage {
	phys_addr_t pa;
	pteval_t prot;
	bool mapped;
};

struct model {
	unsigned long base;	/* the window's first address */
	struct mpage *p;	/* WINDOW_PAGES of them */
	struct pgtable pt;
	unsigned long long rng;
	unsigned long removed;	/* bytes the current unmap reported */
};

static const pteval_t prots[] = {
	PAGE_KERNEL, PAGE_KERNEL_RO, PAGE_KERNEL_EXEC, PAGE_KERNEL_RWX,
	_PAGE_R | _PAGE_U, _PAGE_R | _PAGE_W | _PAGE_U | _PAGE_A, _PAGE_X | _PAGE_U,
	_PAGE_R | _PAGE_X | _PAGE_D | _PAGE_A, _PAGE_X,
};

static unsigned long long rnd64(struct model *m, unsigned long long bound)
{
	unsigned long long hi = harness_rnd(&m->rng, 1u << 30), lo = harness_rnd(&m->rng, 1u << 30);

	return ((hi << 30) | lo) % bound;
}

static bool check_page(struct model *m, unsigned long i)
{
	unsigned long va = m->base + i * PAGE_SIZE;
	pteval_t prot = 0;
	phys_addr_t pa = translate(&m->pt, va, &prot);

	if (!m->p[i].mapped)
		return pa == (phys_addr_t)-1 ||
		       FAIL("%#lx: mapped to %#llx, should not be", va, (unsigned long long)pa);
	return (pa == m->p[i].pa && prot == m->p[i].prot) ||
	       FAIL("%#lx: maps %#llx prot %#llx, model says %#llx prot %#llx", va,
		    (unsigned long long)pa, (unsigned long long)prot,
		    (unsigned long long)m->p[i].pa, (unsigned long long)m->p[i].prot);
}

/* Pages first..first+n-1, and one either side: all of them, or a sample of a large range. */
static void check_range(struct model *m, unsigned long first, unsigned long n)
{
	unsigned long lo = first ? first - 1 : 0, hi = MIN(first + n + 1, WINDOW_PAGES), i;

	if (hi - lo <= 1024) {
		for (i = lo; i < hi; i++)
			if (!check_page(m, i))
				return;
		return;
	}
	for (i = 0; i < 64; i++)
		if (!check_page(m, lo + i) || !check_page(m, hi - 1 - i))
			return;
	for (i = 0; i < 256; i++)
		if (!check_page(m, lo + rnd64(m, hi - lo)))
			return;
}

static void check_all(struct model *m)
{
	unsigned long i;

	for (i = 0; i < WINDOW_PAGES; i++)
		if (!check_page(m, i))
			break;
	check_tables(&m->pt);
}

static void model_removed(unsigned long va, pteval_t old, unsigned int level, void *arg)
{
	struct model *m = arg;
	unsigned long i = (va - m->base) / PAGE_SIZE;

	if (va < m->base || i >= WINDOW_PAGES || !m->p[i].mapped || pte_phys(old) != m->p[i].pa)
		FAIL("unmap reported %#lx (level %u, pa %#llx), which the model does not map so",
		     va, level, (unsigned long long)pte_phys(old));
	m->removed += LEVEL_SIZE(level);
}

/* A random range: often whole leaves of some level, sometimes off by a few pages. */
static void random_range(struct model *m, unsigned int *level, unsigned long *first,
			 unsigned long *n)
{
	unsigned int l = harness_rnd(&m->rng, 10) < 6 ? 0 : 1 + harness_rnd(&m->rng, RAND_MAX_LEVEL);
	unsigned long span = LEVEL_SIZE(l) / PAGE_SIZE, start, len;

	start = rnd64(m, WINDOW_PAGES / span) * span;
	len = span * (1 + harness_rnd(&m->rng, 2));
	if (l == 0)
		len = 1 + harness_rnd(&m->rng, 40);
	else if (harness_rnd(&m->rng, 3) == 0)
		start += harness_rnd(&m->rng, 4);	/* off the leaf boundary */
	if (start >= WINDOW_PAGES)
		start = WINDOW_PAGES - 1;
	*level = l;
	*first = start;
	*n = MIN(len, WINDOW_PAGES - start);
}

static void random_map(struct model *m)
{
	unsigned int l, max_level;
	unsigned long first, n, i;
	bool busy = false;
	phys_addr_t pa;
	pteval_t prot = prots[harness_rnd(&m->rng, ARRAY_SIZE(prots))];
	int err;

	random_range(m, &l, &first, &n);
	/* aligned like the address, so large leaves fit ... */
	pa = rnd64(m, PA_SPACE / LEVEL_SIZE(l) - 4) * LEVEL_SIZE(l) +
	     (first % (LEVEL_SIZE(l) / PAGE_SIZE)) * PAGE_SIZE;
	/* ... or, for small ranges only, not: then as 4 KiB pages */
	if (l <= 1 && harness_rnd(&m->rng, 4) == 0)
		pa += PAGE_SIZE * (1 + harness_rnd(&m->rng, 8));
	max_level = l + harness_rnd(&m->rng, ROOT_LEVEL - l + 1);
	for (i = first; i < first + n; i++)
		busy |= m->p[i].mapped;
	err = pgtable_map(&m->pt, m->base + first * PAGE_SIZE, pa, n * PAGE_SIZE, prot, max_level);
	if (!EXPECT_EQ(err, busy ? -EEXIST : 0) || busy)
		return;
	for (i = 0; i < n; i++)
		m->p[first + i] = (struct mpage){ pa + i * PAGE_SIZE, prot, true };
	check_range(m, first, n);
}

static void random_unmap(struct model *m)
{
	unsigned long first, n, i, mapped = 0;
	unsigned int l;

	random_range(m, &l, &first, &n);
	for (i = first; i < first + n; i++)
		mapped += m->p[i].mapped;
	m->removed = 0;
	EXPECT_EQ(pgtable_unmap(&m->pt, m->base + first * PAGE_SIZE, n * PAGE_SIZE,
				model_removed, m), 0);
	EXPECT_EQ(m->removed, mapped * PAGE_SIZE);
	for (i = first; i < first + n; i++)
		m->p[i].mapped = false;
	check_range(m, first, n);
}

static void random_protect(struct model *m)
{
	pteval_t prot = prots[harness_rnd(&m->rng, ARRAY_SIZE(prots))];
	unsigned long first, n, i;
	unsigned int l;

	random_range(m, &l, &first, &n);
	EXPECT_EQ(pgtable_protect(&m->pt, m->base + first * PAGE_SIZE, n * PAGE_SIZE, prot), 0);
	for (i = first; i < first + n; i++)
		if (m->p[i].mapped)
			m->p[i].prot = prot;
	check_range(m, first, n);
}

static void random_ops(unsigned long base, bool free_tables, unsigned long long seed, int ops)
{
	struct model m = { .base = base, .rng = seed };
	int op;

	m.p = calloc(WINDOW_PAGES, sizeof(*m.p));
	m.pt = new_pt(free_tables);
	init_pt(&m.pt);
	for (op = 0; op < ops && harness_failures == 0; op++) {
		unsigned int r = harness_rnd(&m.rng, 20);

		if (r < 9)
			random_map(&m);
		else if (r < 15)
			random_unmap(&m);
		else
			random_protect(&m);
		if (op % 250 == 249)
			check_all(&m);
	}
	check_all(&m);
	/* everything away: with free_table, every table goes too */
	EXPECT_EQ(pgtable_unmap(&m.pt, base, WINDOW_SIZE, NULL, NULL), 0);
	memset(m.p, 0, WINDOW_PAGES * sizeof(*m.p));
	check_all(&m);
	if (free_tables)
		EXPECT_EQ(tables_live, 0);
	free(m.p);
}

/* The window at the bottom of the address space (the user's half). */
TEST(random_ops_low_addresses)
{
	random_ops(0, true, 0x5eed1, 3000);
}

/* The window at the top (the kernel's half), tables kept as the kernel keeps them. */
TEST(random_ops_high_addresses_tables_kept)
{
	unsigned long base = PGTABLE_LEVELS == 2 ? 0x100000000UL - WINDOW_SIZE : 0UL - WINDOW_SIZE;

	random_ops(base, false, 0x5eed2, 3000);
}

TEST(random_ops_high_addresses)
{
	unsigned long base = PGTABLE_LEVELS == 2 ? 0x100000000UL - WINDOW_SIZE : 0UL - WINDOW_SIZE;

	random_ops(base, true, 0x5eed3, 3000);
}

TEST_MAIN()
