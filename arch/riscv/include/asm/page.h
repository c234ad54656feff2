/* SPDX-License-Identifier: MIT */
/*
 * Pages, and how kernel virtual addresses map to physical ones.
 *
 * The linear map: every page of RAM is reachable at
 *
 *	va = pa - PHYS_RAM_BASE + PAGE_OFFSET
 *
 * one constant offset.  Paging is off today (PAGING_NONE): PAGE_OFFSET
 * equals PHYS_RAM_BASE and __va/__pa are the identity (the compiler folds
 * the offset away).  Turning the MMU on changes PAGE_OFFSET only: the
 * kernel then lives inside the linear map at a high PAGE_OFFSET.
 *
 * Types: phys_addr_t for physical addresses (64 bits on rv32 too), void *
 * or unsigned long for virtual ones, unsigned long for page frame numbers
 * (pa >> PAGE_SHIFT).  __va and pfn_to_virt are meaningful only for
 * memory in the linear map, __pa and virt_to_pfn only for addresses in it.
 *
 * The numbers are usable from assembly too (no C suffixes there).
 */
#ifndef ASM_PAGE_H
#define ASM_PAGE_H

#ifdef __ASSEMBLER__
#define __PAGE_UL(x)	x
#else
#define __PAGE_UL(x)	x##UL
#endif
#define _PAGE_UL(x)	__PAGE_UL(x)

#define PAGE_SHIFT	12
#define PAGE_SIZE	(_PAGE_UL(1) << PAGE_SHIFT)
#define PAGE_MASK	(~(PAGE_SIZE - 1))

/* Where the board's RAM starts (physical), and where the linear map puts it. */
#define PHYS_RAM_BASE	_PAGE_UL(CONFIG_BOARD_RAM_BASE)
#define PAGE_OFFSET	PHYS_RAM_BASE

#ifndef __ASSEMBLER__

#include <tern/types.h>

/*
 * In phys_addr_t arithmetic, which wraps like unsigned long, so that with
 * PAGE_OFFSET == PHYS_RAM_BASE both fold to nothing on rv32 as on rv64.
 */
static inline phys_addr_t __pa(const volatile void *va)
{
	return (phys_addr_t)(uintptr_t)va - PAGE_OFFSET + PHYS_RAM_BASE;
}

static inline void *__va(phys_addr_t pa)
{
	return (void *)(uintptr_t)(pa - PHYS_RAM_BASE + PAGE_OFFSET);
}

static inline unsigned long virt_to_pfn(const volatile void *va)
{
	return (unsigned long)(__pa(va) >> PAGE_SHIFT);
}

static inline void *pfn_to_virt(unsigned long pfn)
{
	return __va((phys_addr_t)pfn << PAGE_SHIFT);
}

#endif /* !__ASSEMBLER__ */
#endif
