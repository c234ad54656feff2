/* SPDX-License-Identifier: MIT */
/*
 * Fences on other harts (arch/riscv/mm/remote_fence.c): an IPI to
 * each and a wait for their answers, in wfi.  Each target fences its
 * instruction fetches (fence.i) and, with an MMU, its whole TLB
 * (sfence.vma).  The TLB flushes of asm/tlbflush.h and the instruction
 * cache flushes of asm/cacheflush.h and asm/mmu_context.h all end here.
 */
#ifndef ASM_REMOTE_FENCE_H
#define ASM_REMOTE_FENCE_H

#include <tern/smp.h>

/*
 * Interrupts off.  Returns once every CPU in cpus (not this one) has
 * fenced.  The caller must hold no lock a target may spin on with
 * interrupts off; not from interrupt handlers.
 */
void remote_fence(cpumask_t cpus);

/* From the software-interrupt handler: the fences other CPUs asked of this one. */
void remote_fence_ipi(void);

#endif
