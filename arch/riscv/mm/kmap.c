// SPDX-License-Identifier: MIT
/*
 * The kernel's page table, swapper_pg_dir, once paging_init has built it
 * (init.c), and the calls that change it (asm/pgtable.h).
 *
 * kernel_pgtable_lock serialises every change to swapper_pg_dir after
 * boot.  Lookups take no lock: kernel page tables are never freed, and
 * PTEs are written whole.  The root's kernel half never changes after
 * paging_init (the vmalloc area's tables below it are allocated there),
 * so an address space that copies it once sees every kernel mapping.
 */
#include <asm/csr.h>
#include <asm/mmu.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <tern/errno.h>
#include <tern/pgalloc.h>
#include <tern/spinlock.h>

#define ROOT_LEVEL	(PGTABLE_LEVELS - 1)

pteval_t swapper_pg_dir[PTRS_PER_TABLE] __aligned(PAGE_SIZE);
unsigned long swapper_satp;

static spinlock_t kernel_pgtable_lock = SPINLOCK_INIT;

/* Tables after boot: pages from the page allocator, zeroed. */
static phys_addr_t kernel_alloc_table(void *unused)
{
	void *page = alloc_page(GFP_KERNEL | __GFP_ZERO);

	return page ? __pa(page) : 0;
}

struct pgtable kernel_pgtable = {
	.root = swapper_pg_dir,
	.table_offset = PAGE_OFFSET - PHYS_RAM_BASE,
	.alloc_table = kernel_alloc_table,
};

int map_kernel_range(unsigned long va, phys_addr_t pa, unsigned long size, pteval_t prot)
{
	unsigned long flags = spin_lock_irqsave(&kernel_pgtable_lock);
	int err = pgtable_map(&kernel_pgtable, va, pa, size, prot, ROOT_LEVEL);

	spin_unlock_irqrestore(&kernel_pgtable_lock, flags);
	return err;
}

int unmap_kernel_range(unsigned long va, unsigned long size)
{
	unsigned long flags = spin_lock_irqsave(&kernel_pgtable_lock);
	int err = pgtable_unmap(&kernel_pgtable, va, size, NULL, NULL);

	spin_unlock_irqrestore(&kernel_pgtable_lock, flags);
	if (err != -EINVAL)
		flush_tlb_kernel_range(va, va + size);
	return err;
}

int protect_kernel_range(unsigned long va, unsigned long size, pteval_t prot)
{
	unsigned long flags = spin_lock_irqsave(&kernel_pgtable_lock);
	int err = pgtable_protect(&kernel_pgtable, va, size, prot);

	spin_unlock_irqrestore(&kernel_pgtable_lock, flags);
	if (err != -EINVAL)
		flush_tlb_kernel_range(va, va + size);
	return err;
}

/* The page table this hart runs on: swapper_pg_dir, the boot one, or (later) a user one. */
static struct pgtable current_pgtable(void)
{
	phys_addr_t root = (phys_addr_t)(csr_read(satp) & ((1UL << PTE_PPN_BITS) - 1)) << PAGE_SHIFT;

	return (struct pgtable){
		.root = __va(root),
		.table_offset = PAGE_OFFSET - PHYS_RAM_BASE,
	};
}

bool kernel_virt_to_phys(const volatile void *p, phys_addr_t *pa)
{
	unsigned long va = (unsigned long)p;
	struct pgtable pt;
	unsigned int level;
	pteval_t *e;

	if (va - PAGE_OFFSET < LINEAR_MAP_SIZE) {
		*pa = __pa(p);
		return true;
	}
	pt = current_pgtable();
	e = pgtable_lookup(&pt, va, &level);
	if (!e)
		return false;
	*pa = pte_phys(READ_ONCE(*e)) + (va & (LEVEL_SIZE(level) - 1));
	return true;
}

pteval_t *kernel_lookup(unsigned long va, unsigned int *level)
{
	struct pgtable pt = current_pgtable();

	return pgtable_lookup(&pt, va, level);
}
