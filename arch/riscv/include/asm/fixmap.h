/* SPDX-License-Identifier: MIT */
/*
 * The fixmap: page-sized slots at fixed virtual addresses, at the top of
 * the address space (asm/memlayout.h: FIXADDR_START), for what must be
 * mapped before the kernel's page tables exist and stay mapped after:
 * the device tree when the linear map does not reach it, and early
 * ioremap, for device registers needed before vmalloc works (the
 * power-off device, from an early initcall).
 *
 * Its page tables are static (arch/riscv/mm/fixmap.c) and linked into
 * both the boot page table and swapper_pg_dir, so a slot set early
 * stays mapped across the switch, with no copying.
 */
#ifndef ASM_FIXMAP_H
#define ASM_FIXMAP_H

#include <asm/pgtable.h>
#include <tern/boot.h>
#include <tern/compiler.h>

/* Pages to hold a device tree of DTB_MAX_SIZE at any offset in its first page. */
#define FIX_DTB_PAGES		(DTB_MAX_SIZE / PAGE_SIZE + 1)
#define FIX_EARLY_IO_PAGES	32

enum fixed_addresses {
	FIX_DTB_FIRST,
	FIX_EARLY_IO_FIRST = FIX_DTB_FIRST + FIX_DTB_PAGES,
	/* The last page of the address space stays unmapped: a guard. */
	NR_FIX_SLOTS = FIX_EARLY_IO_FIRST + FIX_EARLY_IO_PAGES,
};

#define fix_to_virt(slot)	(FIXADDR_START + (unsigned long)(slot) * PAGE_SIZE)

/* Is addr in the fixmap? */
static inline bool is_fixmap_addr(unsigned long addr)
{
	return addr >= FIXADDR_START && addr < fix_to_virt(NR_FIX_SLOTS);
}

/*
 * Links the fixmap's static tables into root.  table_offset as in struct
 * pgtable: 0 while the MMU is off (early.c), the linear offset after.
 */
void fixmap_link(pteval_t *root, unsigned long table_offset);

/*
 * Maps [pa, pa + size) (whole pages) at slots from first on, with prot;
 * the slots must be free, and then no TLB flush is needed.  Callable
 * with the MMU off.
 */
void fixmap_set(unsigned int first, phys_addr_t pa, unsigned long size, pteval_t prot);

/*
 * ioremap before vmalloc works: the next free early-I/O slots, never
 * reused.  NULL if the range does not fit or cannot be mapped.
 */
void __iomem *early_ioremap(phys_addr_t phys, size_t size);

/* Unmaps what early_ioremap returned (and flushes); false if addr is not one. */
bool early_iounmap(volatile void __iomem *addr);

#endif
