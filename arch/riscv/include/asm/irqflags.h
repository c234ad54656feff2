/* SPDX-License-Identifier: MIT */
/*
 * This hart's interrupt enable: sstatus.SIE.  While it is clear no
 * interrupt is taken in S-mode (a pending one still ends a wfi); the
 * individual sources are masked in sie.  Traps clear SIE on entry and
 * sret restores it, so handlers always run with interrupts off.
 *
 * The flags word is sstatus with every bit but SIE cleared.  The generic
 * kernel calls them through the local_irq_*() wrappers of <tern/irqflags.h>.
 */
#ifndef ASM_IRQFLAGS_H
#define ASM_IRQFLAGS_H

#include <asm/csr.h>
#include <tern/types.h>

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags;

	__asm__ __volatile__("csrrc %0, sstatus, %1"
			     : "=r"(flags) : "rK"(SR_SIE) : "memory");
	return flags & SR_SIE;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	if (flags & SR_SIE)
		csr_set(sstatus, SR_SIE);
	else
		csr_clear(sstatus, SR_SIE);
}

static inline void arch_local_irq_enable(void)
{
	csr_set(sstatus, SR_SIE);
}

static inline void arch_local_irq_disable(void)
{
	csr_clear(sstatus, SR_SIE);
}

static inline bool arch_irqs_disabled(void)
{
	return !(csr_read(sstatus) & SR_SIE);
}

#endif
