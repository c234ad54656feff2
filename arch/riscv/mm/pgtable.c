// SPDX-License-Identifier: MIT
/*
 * The page-table walker (asm/pgtable.h): one copy for every mode, sized
 * by PGTABLE_LEVELS and PGTABLE_LEVEL_BITS.  Each operation walks a range
 * table by table, from the root down, one entry's worth at a time.
 *
 * It also runs before the MMU is on, at the kernel's physical address
 * (arch/riscv/mm/early.c), so it must only use PC-relative references:
 * no pointers stored in data, no jump tables (built with
 * -fno-jump-tables); its function pointers come from the caller.
 * tests/test_pgtable.c runs it on the host for every mode.
 */
#include <asm/pgtable.h>
#include <tern/compiler.h>
#include <tern/errno.h>

#define ROOT_LEVEL	(PGTABLE_LEVELS - 1)

static pteval_t *table_of(const struct pgtable *pt, pteval_t pte)
{
	return (pteval_t *)(uintptr_t)(pte_phys(pte) + pt->table_offset);
}

/* Bytes from va to the end of its entry at level, at most left. */
static unsigned long chunk(unsigned long va, unsigned int level, unsigned long left)
{
	unsigned long span = LEVEL_SIZE(level), to_end = span - (va & (span - 1));

	return MIN(to_end, left);
}

/* Does the entry map a whole chunk of its level (so it can be a leaf)? */
static bool whole_entry(unsigned long n, unsigned int level)
{
	return n == LEVEL_SIZE(level);
}

static bool range_ok(unsigned long va, unsigned long size)
{
	unsigned long last = va + size - 1;

	if (!size || ((va | size) & ~PAGE_MASK) || last < va)
		return false;
	if (!pgtable_va_valid(va) || !pgtable_va_valid(last))
		return false;
	return PGTABLE_LEVELS == 2 || !((va ^ last) >> (VA_BITS - 1));	/* one half */
}

static bool prot_ok(pteval_t prot)
{
	return !(prot & ~(pteval_t)_PAGE_PROT_MASK) && (prot & _PAGE_RWX) &&
	       (prot & (_PAGE_R | _PAGE_W)) != _PAGE_W;
}

/* Links a new table of entries in place of the leaf *e: the same mappings, one level down. */
static int split_leaf(struct pgtable *pt, pteval_t *e, unsigned int level)
{
	pteval_t pte = *e, flags = pte & _PAGE_PROT_MASK;
	phys_addr_t pa = pte_phys(pte), table_pa = pt->alloc_table(pt->ctx);
	pteval_t *t;
	unsigned long i;

	if (!table_pa)
		return -ENOMEM;
	t = (pteval_t *)(uintptr_t)(table_pa + pt->table_offset);
	for (i = 0; i < PTRS_PER_TABLE; i++)
		t[i] = pfn_pte(pa + i * LEVEL_SIZE(level - 1), flags);
	__atomic_thread_fence(__ATOMIC_RELEASE);	/* the entries before the link */
	WRITE_ONCE(*e, pfn_pte(table_pa, 0));
	return 0;
}

/* The table *e points to, allocated and linked if there is none; NULL without memory. */
static pteval_t *next_table(struct pgtable *pt, pteval_t *e)
{
	pteval_t pte = *e;

	if (!pte_present(pte)) {
		phys_addr_t pa = pt->alloc_table(pt->ctx);

		if (!pa)
			return NULL;
		__atomic_thread_fence(__ATOMIC_RELEASE);	/* zeroed before linked */
		pte = pfn_pte(pa, 0);
		WRITE_ONCE(*e, pte);
	}
	return table_of(pt, pte);
}

static bool table_empty(const pteval_t *t)
{
	unsigned long i;

	for (i = 0; i < PTRS_PER_TABLE; i++)
		if (t[i])
			return false;
	return true;
}

/* Is anything mapped in [va, va + left)? */
static bool range_mapped(const struct pgtable *pt, const pteval_t *table, unsigned int level,
			 unsigned long va, unsigned long left)
{
	while (left) {
		unsigned long n = chunk(va, level, left);
		pteval_t pte = READ_ONCE(table[pte_index(va, level)]);

		if (pte_present(pte) && (pte_is_leaf(pte) || level == 0 ||
					 range_mapped(pt, table_of(pt, pte), level - 1, va, n)))
			return true;
		va += n;
		left -= n;
	}
	return false;
}

struct map_args {
	phys_addr_t pa;		/* where the next byte goes */
	pteval_t prot;
	unsigned int max_level;
};

static int map_table(struct pgtable *pt, pteval_t *table, unsigned int level,
		     unsigned long va, unsigned long left, struct map_args *m)
{
	while (left) {
		unsigned long n = chunk(va, level, left);
		pteval_t *e = &table[pte_index(va, level)];

		/* A leaf where one fits, unless a table (empty) is there already. */
		if (level <= m->max_level && whole_entry(n, level) && !(m->pa & (n - 1)) &&
		    !pte_present(*e)) {
			WRITE_ONCE(*e, pfn_pte(m->pa, m->prot));
			m->pa += n;
		} else {
			pteval_t *next = next_table(pt, e);
			int err;

			if (!next)
				return -ENOMEM;
			err = map_table(pt, next, level - 1, va, n, m);
			if (err)
				return err;
		}
		va += n;
		left -= n;
	}
	return 0;
}

struct unmap_args {
	pgtable_unmap_fn fn;
	void *arg;
	bool protect;		/* change leaves to prot instead of clearing them */
	pteval_t prot;
};

static int walk_leaves(struct pgtable *pt, pteval_t *table, unsigned int level,
		       unsigned long va, unsigned long left, const struct unmap_args *u);

/* The entry *e covers [va, va + n) of the range: clear, protect or descend. */
static int leaf_range(struct pgtable *pt, pteval_t *e, unsigned int level,
		      unsigned long va, unsigned long n, const struct unmap_args *u)
{
	pteval_t pte = *e;
	pteval_t *child;
	int err;

	if (!pte_present(pte))
		return 0;
	if ((pte_is_leaf(pte) || level == 0) && whole_entry(n, level)) {
		if (u->protect) {
			WRITE_ONCE(*e, pfn_pte(pte_phys(pte), u->prot));
			return 0;
		}
		WRITE_ONCE(*e, 0);
		if (u->fn)
			u->fn(va, pte, level, u->arg);
		return 0;
	}
	if (pte_is_leaf(pte)) {
		err = split_leaf(pt, e, level);
		if (err)
			return err;
		pte = *e;
	}
	child = table_of(pt, pte);
	err = walk_leaves(pt, child, level - 1, va, n, u);
	if (!u->protect && pt->free_table && table_empty(child)) {
		WRITE_ONCE(*e, 0);
		pt->free_table(pte_phys(pte), pt->ctx);
	}
	return err;
}

static int walk_leaves(struct pgtable *pt, pteval_t *table, unsigned int level,
		       unsigned long va, unsigned long left, const struct unmap_args *u)
{
	while (left) {
		unsigned long n = chunk(va, level, left);
		int err = leaf_range(pt, &table[pte_index(va, level)], level, va, n, u);

		if (err)
			return err;
		va += n;
		left -= n;
	}
	return 0;
}

int pgtable_unmap(struct pgtable *pt, unsigned long va, unsigned long size,
		  pgtable_unmap_fn fn, void *arg)
{
	struct unmap_args u = { .fn = fn, .arg = arg };

	if (!range_ok(va, size))
		return -EINVAL;
	return walk_leaves(pt, pt->root, ROOT_LEVEL, va, size, &u);
}

int pgtable_protect(struct pgtable *pt, unsigned long va, unsigned long size, pteval_t prot)
{
	struct unmap_args u = { .protect = true, .prot = prot };

	if (!range_ok(va, size) || !prot_ok(prot))
		return -EINVAL;
	return walk_leaves(pt, pt->root, ROOT_LEVEL, va, size, &u);
}

int pgtable_map(struct pgtable *pt, unsigned long va, phys_addr_t pa, unsigned long size,
		pteval_t prot, unsigned int max_level)
{
	struct map_args m = { .pa = pa, .prot = prot, .max_level = MIN(max_level, ROOT_LEVEL) };
	int err;

	if (!range_ok(va, size) || !prot_ok(prot) || (pa & ~(phys_addr_t)PAGE_MASK) ||
	    pa + size - 1 < pa || (pa + size - 1) >> PTE_PPN_BITS >> PAGE_SHIFT)
		return -EINVAL;
	if (range_mapped(pt, pt->root, ROOT_LEVEL, va, size))
		return -EEXIST;
	err = map_table(pt, pt->root, ROOT_LEVEL, va, size, &m);
	if (err)	/* nothing was mapped here before: undo all, emptied tables too */
		pgtable_unmap(pt, va, size, NULL, NULL);
	return err;
}

pteval_t *pgtable_lookup(const struct pgtable *pt, unsigned long va, unsigned int *level)
{
	pteval_t *table = pt->root;
	unsigned int l;

	if (!pgtable_va_valid(va))
		return NULL;
	for (l = ROOT_LEVEL;; l--) {
		pteval_t *e = &table[pte_index(va, l)];
		pteval_t pte = READ_ONCE(*e);

		if (!pte_present(pte))
			return NULL;
		if (pte_is_leaf(pte)) {
			if (level)
				*level = l;
			return e;
		}
		if (l == 0)
			return NULL;	/* a pointer where a leaf must be: nothing usable */
		table = table_of(pt, pte);
	}
}

pteval_t *pgtable_walk_alloc(struct pgtable *pt, unsigned long va, unsigned int level)
{
	pteval_t *table = pt->root;
	unsigned int l;

	if (!pgtable_va_valid(va) || level > ROOT_LEVEL)
		return NULL;
	for (l = ROOT_LEVEL; l > level; l--) {
		pteval_t *e = &table[pte_index(va, l)];

		if (pte_is_leaf(*e))
			return NULL;
		table = next_table(pt, e);
		if (!table)
			return NULL;
	}
	return &table[pte_index(va, level)];
}
