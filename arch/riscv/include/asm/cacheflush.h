/* SPDX-License-Identifier: MIT */
/*
 * Instruction-cache coherence for code the kernel wrote: the no-MMU
 * loader, which copies a program into memory any hart may then fetch
 * from, and the signal trampoline.  (With an MMU, flush_icache_mm in
 * asm/mmu_context.h does it per address space.)
 */
#ifndef ASM_CACHEFLUSH_H
#define ASM_CACHEFLUSH_H

#include <asm/remote_fence.h>
#include <tern/irqflags.h>
#include <tern/smp.h>

/*
 * Every hart's instruction fetches see the stores made before the call.
 * The other harts fence on the kernel's own IPI (asm/remote_fence.h),
 * not SBI's remote fence.i, whose M-mode spin QEMU pays dearly for.  Not
 * from interrupt handlers, nor holding a lock another hart may spin on
 * with interrupts off.
 */
static inline void flush_icache_all(void)
{
	unsigned long flags;

	__asm__ __volatile__("fence.i" ::: "memory");
	if (!IS_ENABLED(CONFIG_SMP) || num_online_cpus() < 2)
		return;
	flags = local_irq_save();
	remote_fence(READ_ONCE(cpu_online_mask));
	local_irq_restore(flags);
}

#endif
