// SPDX-License-Identifier: MIT
/*
 * The fixmap (asm/fixmap.h): one static leaf table for the top of the
 * address space, with static tables above it down from the root's entry,
 * linked into the boot page table and into swapper_pg_dir alike.
 *
 * fixmap_link and fixmap_set also run with the MMU off (early.c): they
 * reach the tables through their symbols, which resolve PC-relative to
 * wherever the code runs.
 */
#include <asm/fixmap.h>
#include <asm/tlbflush.h>
#include <tern/spinlock.h>

#define ROOT_LEVEL	(PGTABLE_LEVELS - 1)

/* [0] is the leaf table; [l] the level-l table that points to [l - 1]. */
static pteval_t fixmap_tables[ROOT_LEVEL][PTRS_PER_TABLE] __aligned(PAGE_SIZE);

static spinlock_t early_io_lock = SPINLOCK_INIT;
static unsigned int early_io_used;			/* slots handed out; never reused */
static u8 early_io_pages[FIX_EARLY_IO_PAGES];		/* pages of the mapping at a slot */

_Static_assert(NR_FIX_SLOTS < PTRS_PER_TABLE, "the fixmap is one leaf table, its last page a guard");

void fixmap_link(pteval_t *root, unsigned long table_offset)
{
	unsigned int l;

	for (l = 1; l < ROOT_LEVEL; l++)
		fixmap_tables[l][pte_index(FIXADDR_START, l)] =
			pfn_pte((uintptr_t)fixmap_tables[l - 1] - table_offset, 0);
	WRITE_ONCE(root[pte_index(FIXADDR_START, ROOT_LEVEL)],
		   pfn_pte((uintptr_t)fixmap_tables[ROOT_LEVEL - 1] - table_offset, 0));
}

void fixmap_set(unsigned int first, phys_addr_t pa, unsigned long size, pteval_t prot)
{
	unsigned long i;

	for (i = 0; i < size; i += PAGE_SIZE)
		WRITE_ONCE(fixmap_tables[0][first + i / PAGE_SIZE], pfn_pte(pa + i, prot));
}

void __iomem *early_ioremap(phys_addr_t phys, size_t size)
{
	unsigned long offset = phys & ~PAGE_MASK, pages, flags;
	void __iomem *addr = NULL;

	if (!size || phys + size - 1 < phys || phys + size - 1 > PHYS_ADDR_LAST)
		return NULL;
	pages = (offset + size + PAGE_SIZE - 1) / PAGE_SIZE;
	flags = spin_lock_irqsave(&early_io_lock);
	if (pages <= FIX_EARLY_IO_PAGES - early_io_used) {
		unsigned int slot = FIX_EARLY_IO_FIRST + early_io_used;

		fixmap_set(slot, phys - offset, pages * PAGE_SIZE, PAGE_KERNEL_IO);
		early_io_pages[early_io_used] = (u8)pages;
		early_io_used += pages;
		addr = (void __iomem *)(fix_to_virt(slot) + offset);
	}
	spin_unlock_irqrestore(&early_io_lock, flags);
	return addr;
}

bool early_iounmap(volatile void __iomem *addr)
{
	unsigned long va = (unsigned long)addr & PAGE_MASK, first, flags;
	unsigned int i, n;

	if (va < fix_to_virt(FIX_EARLY_IO_FIRST) ||
	    va >= fix_to_virt(FIX_EARLY_IO_FIRST + FIX_EARLY_IO_PAGES))
		return false;
	first = (va - fix_to_virt(FIX_EARLY_IO_FIRST)) / PAGE_SIZE;
	flags = spin_lock_irqsave(&early_io_lock);
	n = early_io_pages[first];
	early_io_pages[first] = 0;
	for (i = 0; i < n; i++)
		WRITE_ONCE(fixmap_tables[0][FIX_EARLY_IO_FIRST + first + i], 0);
	spin_unlock_irqrestore(&early_io_lock, flags);
	if (n)
		flush_tlb_kernel_range(va, va + n * PAGE_SIZE);
	return true;
}
