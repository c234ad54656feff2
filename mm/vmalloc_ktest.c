// SPDX-License-Identifier: MIT
/*
 * vmalloc and kernel virtual areas (include/tern/vmalloc.h).  Everywhere:
 * the memory holds what is written to it, vfree takes every page back,
 * nonsense is refused.  With paging also: the memory is only virtually
 * contiguous, in the vmalloc area, between guard pages that fault, and
 * faults itself once freed; areas honour their alignment and never
 * overlap, guard pages included.
 */
#include <asm/extable.h>
#include <asm/pgtable.h>
#include <tern/errno.h>
#include <tern/ktest.h>
#include <tern/pgalloc.h>
#include <tern/slab.h>
#include <tern/string.h>
#include <tern/vmalloc.h>

#define MMU	IS_ENABLED(CONFIG_MMU)

static u8 pattern(size_t i)
{
	return (u8)(i * 131 + 7);
}

static void vmalloc_memory_keeps_what_is_written(struct ktest *t)
{
	static const size_t sizes[] = { 1, 100, PAGE_SIZE, 3 * PAGE_SIZE + 1, 256 * 1024 };
	unsigned int k;

	for (k = 0; k < ARRAY_SIZE(sizes); k++) {
		u8 *p = vmalloc(sizes[k]);
		size_t i, bad = 0;

		KTEST_ASSERT(t, p != NULL);
		for (i = 0; i < sizes[k]; i++)
			p[i] = pattern(i);
		for (i = 0; i < sizes[k]; i++)
			bad += p[i] != pattern(i);
		KTEST_EXPECT_EQ(t, bad, 0);
		KTEST_EXPECT_EQ(t, is_vmalloc_addr(p), MMU);
		if (MMU)
			KTEST_EXPECT_EQ(t, (uintptr_t)p & ~PAGE_MASK, 0);
		vfree(p);
	}
}

static void vzalloc_memory_is_zero(struct ktest *t)
{
	size_t size = 5 * PAGE_SIZE, i, nonzero = 0;
	u8 *p = vzalloc(size);

	KTEST_ASSERT(t, p != NULL);
	for (i = 0; i < size; i++)
		nonzero += p[i] != 0;
	KTEST_EXPECT_EQ(t, nonzero, 0);
	vfree(p);
}

static void nonsense_is_refused(struct ktest *t)
{
	void *k = kmalloc(64, GFP_KERNEL);
	u8 *v = vmalloc(2 * PAGE_SIZE);

	KTEST_EXPECT(t, vmalloc(0) == NULL);
	KTEST_EXPECT(t, vmalloc((size_t)-1) == NULL);
	vfree(NULL);
	KTEST_ASSERT(t, k && v);
	if (MMU) {
		vfree(k);		/* not vmalloc's: refused, with a message */
		vfree(v + PAGE_SIZE);	/* inside an area: refused too */
		KTEST_EXPECT_EQ(t, probe_read_word((uintptr_t)v + PAGE_SIZE), 0);
		KTEST_EXPECT(t, get_vm_area(PAGE_SIZE + 1, PAGE_SIZE) == NULL);
		KTEST_EXPECT(t, get_vm_area(PAGE_SIZE, 3 * PAGE_SIZE) == NULL);
		KTEST_EXPECT(t, get_vm_area(0, PAGE_SIZE) == NULL);
	} else {
		KTEST_EXPECT(t, get_vm_area(PAGE_SIZE, PAGE_SIZE) == NULL);
	}
	vfree(v);
	kfree(k);
}

/* The physical pages behind vmalloc memory go back to the page allocator. */
static void vfree_gives_back_every_page(struct ktest *t)
{
	enum { PAGES = 16 };
	phys_addr_t pa[PAGES];
	unsigned int i, order;
	u8 *p;

	if (!MMU)
		return;		/* kmalloc's memory: the kmem suites check it */
	p = vmalloc(PAGES * PAGE_SIZE);
	KTEST_ASSERT(t, p != NULL);
	for (i = 0; i < PAGES; i++) {
		KTEST_ASSERT(t, kernel_virt_to_phys(p + i * PAGE_SIZE, &pa[i]));
		KTEST_EXPECT_EQ(t, pa[i] & ~PAGE_MASK, 0);
		if (IS_ENABLED(CONFIG_PGALLOC_BUDDY))
			KTEST_EXPECT(t, pgalloc_block_start(__va(pa[i]), &order) == __va(pa[i]));
	}
	vfree(p);
	for (i = 0; i < PAGES; i++)
		KTEST_EXPECT(t, pgalloc_block_start(__va(pa[i]), &order) == NULL);
}

/* Freed, and either side of an area: nothing there. */
static void guard_pages_and_freed_memory_fault(struct ktest *t)
{
	u8 *p;

	if (!MMU)
		return;
	p = vmalloc(3 * PAGE_SIZE);
	KTEST_ASSERT(t, p != NULL);
	KTEST_EXPECT_EQ(t, probe_read_word((uintptr_t)p + 3 * PAGE_SIZE - 4), 0);
	KTEST_EXPECT_EQ(t, probe_read_word((uintptr_t)p + 3 * PAGE_SIZE), -EFAULT);
	KTEST_EXPECT_EQ(t, probe_read_word((uintptr_t)p - 4), -EFAULT);
	KTEST_EXPECT_EQ(t, probe_write_word((uintptr_t)p + 3 * PAGE_SIZE, 1), -EFAULT);
	vfree(p);
	KTEST_EXPECT_EQ(t, probe_read_word((uintptr_t)p), -EFAULT);
	KTEST_EXPECT_EQ(t, probe_read_word((uintptr_t)p + 2 * PAGE_SIZE), -EFAULT);
}

/* Areas of assorted sizes and alignments: aligned, apart by a guard page, reusable. */
static void areas_are_aligned_and_apart(struct ktest *t)
{
	enum { N = 24 };
	struct vm_area *a[N];
	unsigned long rng = 0x2545f491;
	unsigned int i, j;

	if (!MMU)
		return;
	for (i = 0; i < N; i++) {
		unsigned long size = PAGE_SIZE * (1 + (rng >> 5) % 7);
		unsigned long align = PAGE_SIZE << ((rng >> 11) % 5);

		rng = rng * 1103515245 + 12345;
		a[i] = get_vm_area(size, align);
		KTEST_ASSERT(t, a[i] != NULL);
		KTEST_EXPECT_EQ(t, a[i]->addr & (align - 1), 0);
		KTEST_EXPECT_EQ(t, a[i]->size, size);
		KTEST_EXPECT(t, is_vmalloc_addr((void *)a[i]->addr));
		KTEST_EXPECT(t, is_vmalloc_addr((void *)(a[i]->addr + size)));	/* its guard */
		KTEST_EXPECT(t, find_vm_area((void *)(a[i]->addr + size - 1)) == a[i]);
		KTEST_EXPECT(t, find_vm_area((void *)(a[i]->addr + size)) == NULL);
	}
	for (i = 0; i < N; i++)
		for (j = 0; j < N; j++)
			if (i != j && a[i]->addr <= a[j]->addr)	/* i's guard page below j */
				KTEST_EXPECT_GE(t, a[j]->addr, a[i]->addr + a[i]->size + PAGE_SIZE);
	for (i = 0; i < N; i += 2)
		free_vm_area(a[i]);
	for (i = 0; i < N; i += 2) {
		a[i] = get_vm_area(PAGE_SIZE, PAGE_SIZE);
		KTEST_ASSERT(t, a[i] != NULL);
	}
	for (i = 0; i < N; i++)
		free_vm_area(a[i]);
}

KTEST_SUITE(vmalloc,
	    KTEST_CASE(vmalloc_memory_keeps_what_is_written),
	    KTEST_CASE(vzalloc_memory_is_zero),
	    KTEST_CASE(nonsense_is_refused),
	    KTEST_CASE(vfree_gives_back_every_page),
	    KTEST_CASE(guard_pages_and_freed_memory_fault),
	    KTEST_CASE(areas_are_aligned_and_apart));
