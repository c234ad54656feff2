/* SPDX-License-Identifier: MIT */
/*
 * The kernel's virtual address space, per paging mode (Kconfig "Paging").
 * Usable from assembly.  Documentation/mm/paging.md has the same pictures
 * with the reasons.
 *
 * Page tables have PGTABLE_LEVELS levels of PTRS_PER_TABLE entries;
 * level 0 holds the 4 KiB leaves, level PGTABLE_LEVELS - 1 is the root.
 * A leaf at level l maps LEVEL_SIZE(l) bytes:
 *
 *	mode	levels	bits/level  VA bits	leaves
 *	Sv32	2	10	    32		4 KiB, 4 MiB
 *	Sv39	3	9	    39		4 KiB, 2 MiB, 1 GiB
 *	Sv48	4	9	    48		... and 512 GiB
 *	Sv57	5	9	    57		... and 256 TiB
 *
 * Sv32 (3G/1G split; RAM beyond the 768 MiB window is not used):
 *
 *	0x00000000 +------------------------+
 *		   | user (TASK_SIZE)       |
 *	0xc0000000 +------------------------+ PAGE_OFFSET = __va(PHYS_RAM_BASE)
 *		   | linear map, 768 MiB    |   the kernel image inside it, at
 *		   |                        |   PAGE_OFFSET + KERNEL_TEXT_OFFSET
 *	0xf0000000 +------------------------+ VMALLOC_START
 *		   | vmalloc, ioremap       |
 *	0xffc00000 +------------------------+ FIXADDR_START
 *		   | fixmap (one leaf table)|
 *		   +------------------------+
 *
 * Sv39, Sv48, Sv57 (64-bit): the lower half is the user's; the upper
 * half is cut in quarters:
 *
 *	-2^(VA_BITS-1)	+---------------------------+ VMALLOC_START
 *			| vmalloc, ioremap (1/4)    |
 *			+---------------------------+ PAGE_OFFSET
 *			| linear map (1/2 of it at  |   the kernel image inside,
 *			|   most, see LINEAR_MAP_SIZE) |   at + KERNEL_TEXT_OFFSET
 *			+---------------------------+
 *			| unused (1/4) ...          |
 *	-(2 MiB)	+---------------------------+ FIXADDR_START
 *			| fixmap (one leaf table)   |
 *			+---------------------------+
 *
 *	Sv39: vmalloc 0xffffffc000000000, PAGE_OFFSET 0xffffffd000000000
 *	Sv48: vmalloc 0xffff800000000000, PAGE_OFFSET 0xffffa00000000000
 *	Sv57: vmalloc 0xff00000000000000, PAGE_OFFSET 0xff40000000000000
 *
 * The linear map covers at most LINEAR_MAP_SIZE of RAM from
 * PHYS_RAM_BASE: what the boot page table maps before the device tree
 * is read (arch/riscv/mm/early.c), 768 MiB on Sv32, 128 GiB on Sv39 and
 * one table of gigapages, 512 GiB, on Sv48 and Sv57.
 *
 * Without paging (PAGING_NONE) there is no layout: addresses are
 * physical and PAGE_OFFSET is PHYS_RAM_BASE.
 */
#ifndef ASM_MEMLAYOUT_H
#define ASM_MEMLAYOUT_H

#ifdef __ASSEMBLER__
#define __ML_UL(x)	x
#else
#define __ML_UL(x)	x##UL
#endif
#define _ML_UL(x)	__ML_UL(x)

#define PHYS_RAM_BASE	_ML_UL(CONFIG_BOARD_RAM_BASE)

#if defined(CONFIG_PAGING_SV32)
#define PGTABLE_LEVELS		2
#define PGTABLE_LEVEL_BITS	10
#define SATP_MODE_CONFIGURED	1
#elif defined(CONFIG_PAGING_SV39)
#define PGTABLE_LEVELS		3
#define PGTABLE_LEVEL_BITS	9
#define SATP_MODE_CONFIGURED	8
#elif defined(CONFIG_PAGING_SV48)
#define PGTABLE_LEVELS		4
#define PGTABLE_LEVEL_BITS	9
#define SATP_MODE_CONFIGURED	9
#elif defined(CONFIG_PAGING_SV57)
#define PGTABLE_LEVELS		5
#define PGTABLE_LEVEL_BITS	9
#define SATP_MODE_CONFIGURED	10
#endif

#ifdef PGTABLE_LEVELS

#define PTRS_PER_TABLE		(_ML_UL(1) << PGTABLE_LEVEL_BITS)
#define LEVEL_SHIFT(l)		(12 + (l) * PGTABLE_LEVEL_BITS)
#define LEVEL_SIZE(l)		(_ML_UL(1) << LEVEL_SHIFT(l))
#define VA_BITS			LEVEL_SHIFT(PGTABLE_LEVELS)

#if PGTABLE_LEVELS == 2
#define TASK_SIZE		_ML_UL(0xc0000000)
#define PAGE_OFFSET		_ML_UL(0xc0000000)
#define LINEAR_MAP_SIZE		_ML_UL(0x30000000)
#define VMALLOC_START		_ML_UL(0xf0000000)
#define VMALLOC_END		_ML_UL(0xffc00000)
#else
#define TASK_SIZE		(_ML_UL(1) << (VA_BITS - 1))
#define KERNEL_QUARTER		(_ML_UL(1) << (VA_BITS - 3))
#define VMALLOC_START		(_ML_UL(0) - TASK_SIZE)
#define VMALLOC_END		(VMALLOC_START + KERNEL_QUARTER)
#define PAGE_OFFSET		VMALLOC_END
#if PGTABLE_LEVELS == 3
#define LINEAR_MAP_SIZE		(2 * KERNEL_QUARTER)
#else
#define LINEAR_MAP_SIZE		(PTRS_PER_TABLE * LEVEL_SIZE(2))
#endif
#endif

/* The fixmap: the last leaf table's worth of addresses (asm/fixmap.h). */
#define FIXADDR_START		(_ML_UL(0) - PTRS_PER_TABLE * LEVEL_SIZE(0))

#else /* PAGING_NONE */

#define PAGE_OFFSET		PHYS_RAM_BASE

#endif

/* Where the kernel is linked: inside the linear map, as the firmware loads it. */
#define KERNEL_LINK_ADDR	(PAGE_OFFSET + _ML_UL(CONFIG_KERNEL_TEXT_OFFSET))
#define KERNEL_LOAD_ADDR	(PHYS_RAM_BASE + _ML_UL(CONFIG_KERNEL_TEXT_OFFSET))

#endif
