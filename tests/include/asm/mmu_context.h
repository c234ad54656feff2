/* SPDX-License-Identifier: MIT */
/*
 * Host stand-in for arch/riscv/include/asm/mmu_context.h: the TLB and
 * instruction-cache flushes mm/memory.c asks for are recorded by
 * tests/mm_host.c, so that the tests can check they happen.
 */
#ifndef ASM_MMU_CONTEXT_H
#define ASM_MMU_CONTEXT_H

#include <tern/types.h>

struct mm_struct;

struct mm_asid {
	u64 id;
};

void flush_tlb_mm(struct mm_struct *mm);
void flush_tlb_user_range(struct mm_struct *mm, unsigned long start, unsigned long end);
void flush_icache_mm(struct mm_struct *mm);
void local_flush_tlb_page(unsigned long addr);

#endif
