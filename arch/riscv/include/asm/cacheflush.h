/* SPDX-License-Identifier: MIT */
/*
 * Instruction-cache coherence for code the kernel wrote: the no-MMU
 * loader, which copies a program into memory any hart may then fetch
 * from, and the signal trampoline.  (With an MMU, flush_icache_mm in
 * asm/mmu_context.h does it per address space.)
 */
#ifndef ASM_CACHEFLUSH_H
#define ASM_CACHEFLUSH_H

/*
 * Every hart's instruction fetches see the stores made before the call
 * (arch/riscv/mm/remote_fence.c).  The other harts fence on the kernel's
 * own IPI, not SBI's remote fence.i, whose M-mode spin QEMU pays dearly
 * for.  Not from interrupt handlers, nor holding a lock another hart may
 * spin on with interrupts off.
 */
void flush_icache_all(void);

#endif
