/* SPDX-License-Identifier: MIT */
/*
 * Pages, and how kernel virtual addresses map to physical ones.
 *
 * The linear map: every page of RAM the kernel uses is reachable at
 *
 *	va = pa - PHYS_RAM_BASE + PAGE_OFFSET
 *
 * one constant offset.  Without paging (PAGING_NONE) PAGE_OFFSET equals
 * PHYS_RAM_BASE and __va/__pa are the identity (the compiler folds the
 * offset away).  With paging, PAGE_OFFSET is a high address
 * (asm/memlayout.h) and the kernel lives inside the linear map, so
 * __pa also works on the addresses of its own code and data.
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

/* PHYS_RAM_BASE, where the board's RAM starts, and PAGE_OFFSET, where the linear map puts it. */
#include <asm/memlayout.h>

#ifndef __ASSEMBLER__

#include <tern/kconfig.h>
#include <tern/types.h>

/*
 * The page frames the linear map can cover, [LINEAR_PFN_START,
 * LINEAR_PFN_END): RAM outside them is not used.  Without paging, all a
 * pointer reaches; with it, LINEAR_MAP_SIZE from PHYS_RAM_BASE.
 * PHYS_ADDR_LAST is the highest physical address the kernel can map at
 * all: a pointer's reach without paging, the PTE's physical page number
 * with it (34 bits on Sv32, 56 on the others).
 */
#ifdef PGTABLE_LEVELS
#define LINEAR_PFN_START	(PHYS_RAM_BASE >> PAGE_SHIFT)
#define LINEAR_PFN_END		((PHYS_RAM_BASE + LINEAR_MAP_SIZE) >> PAGE_SHIFT)
#define PHYS_ADDR_LAST		(((phys_addr_t)1 << (PGTABLE_LEVELS == 2 ? 34 : 56)) - 1)
#else
#define LINEAR_PFN_START	0UL
#define LINEAR_PFN_END		((UINTPTR_MAX >> PAGE_SHIFT) + 1)
#define PHYS_ADDR_LAST		((phys_addr_t)UINTPTR_MAX)
#endif

/* Is the page frame in the linear map's range (whether or not it is RAM)? */
static inline bool pfn_is_linear(u64 pfn)
{
	return pfn - LINEAR_PFN_START < (u64)(LINEAR_PFN_END - LINEAR_PFN_START);
}

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

/*
 * Zero-fills a page / copies one, at page-aligned kernel addresses, for
 * the page faults of user address spaces, where these take most of the
 * time.  Two implementations: unrolled word loops (arch/riscv/lib/page.S)
 * and, when every hart has the vector extension and RISCV_ISA_V is on,
 * vector loads and stores of 8 registers at a time (page_vector.S), which
 * need about a tenth of the instructions.  riscv_page_ops_vector is set
 * once at boot (arch/riscv/kernel/cpufeature.c), before any user page.
 * Any context may call them; the vector ones run with interrupts off.
 */
void clear_page_scalar(void *page);
void copy_page_scalar(void *to, const void *from);
void clear_page_vector(void *page);
void copy_page_vector(void *to, const void *from);
unsigned long riscv_vlenb(void);	/* vector register bytes; only with V */
extern bool riscv_page_ops_vector;

static inline void clear_page(void *page)
{
	if (IS_ENABLED(CONFIG_RISCV_ISA_V) && riscv_page_ops_vector)
		clear_page_vector(page);
	else
		clear_page_scalar(page);
}

static inline void copy_page(void *to, const void *from)
{
	if (IS_ENABLED(CONFIG_RISCV_ISA_V) && riscv_page_ops_vector)
		copy_page_vector(to, from);
	else
		copy_page_scalar(to, from);
}

#endif /* !__ASSEMBLER__ */
#endif
