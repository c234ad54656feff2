/* SPDX-License-Identifier: MIT */
/*
 * Instruction-cache coherence for code the kernel wrote: the no-MMU
 * loader, which copies a program into memory any hart may then fetch
 * from.  (With an MMU, flush_icache_mm in asm/mmu_context.h does it per
 * address space.)
 */
#ifndef ASM_CACHEFLUSH_H
#define ASM_CACHEFLUSH_H

#include <asm/sbi.h>
#include <tern/smp.h>

/* Every hart's instruction fetches see the stores made before the call. */
static inline void flush_icache_all(void)
{
	__asm__ __volatile__("fence.i" ::: "memory");
	if (IS_ENABLED(CONFIG_SMP) && num_online_cpus() > 1)	/* mask base -1: all harts */
		(void)sbi_ecall(SBI_EXT_RFENCE, SBI_RFENCE_REMOTE_FENCE_I, 0, -1UL, 0, 0);
}

#endif
