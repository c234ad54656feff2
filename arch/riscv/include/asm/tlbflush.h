/* SPDX-License-Identifier: MIT */
/*
 * TLB maintenance.  A hart may cache any translation it has used until
 * an sfence.vma covers it; the page-table walker never flushes, so who
 * removes or restricts a mapping flushes it before what it mapped is
 * reused.  A new mapping needs no flush: a hart that still holds a stale
 * "nothing here" faults and retries (arch/riscv/mm/fault.c).
 *
 * Kernel mappings are global (G): one flush covers every address space.
 */
#ifndef ASM_TLBFLUSH_H
#define ASM_TLBFLUSH_H

#include <tern/compiler.h>

static inline void local_flush_tlb_all(void)
{
	__asm__ __volatile__("sfence.vma" ::: "memory");
}

static inline void local_flush_tlb_page(unsigned long addr)
{
	__asm__ __volatile__("sfence.vma %0" :: "r"(addr) : "memory");
}

/* This hart: [start, end), page by page, or all of it when that is cheaper. */
void local_flush_tlb_kernel_range(unsigned long start, unsigned long end);

/*
 * Every online CPU: [start, end) of the kernel's addresses is out of
 * every TLB when this returns.  The remote part is one function
 * (asm/remote_fence.h: remote_fence), an IPI to
 * the others and a wait for their answers.  Interrupts may be off, but
 * the caller must hold no lock another CPU may spin on with interrupts
 * off; not from interrupt handlers.
 */
void flush_tlb_kernel_range(unsigned long start, unsigned long end);

#endif
