/* SPDX-License-Identifier: MIT */
/*
 * Which interrupt sources this hart takes: the supervisor external
 * interrupt (from the PLIC) is one bit of sie.  The generic interrupt
 * code (kernel/irq.c) turns it on when a controller can deliver to this
 * hart, and off when an external interrupt arrives with no controller to
 * claim it.  Interrupts as a whole are sstatus.SIE (asm/irqflags.h).
 */
#ifndef ASM_IRQ_H
#define ASM_IRQ_H

#include <asm/csr.h>

static inline void arch_irq_enable_external(void)
{
	csr_set(sie, SIE_SEIE);
}

static inline void arch_irq_disable_external(void)
{
	csr_clear(sie, SIE_SEIE);
}

#endif
