// SPDX-License-Identifier: MIT
/*
 * Host stand-in state of tests/include/asm/irqflags.h: each thread's fake
 * interrupt enable, its count of unrestored saves, and simulated
 * interrupts.  See that header.
 */
#include <stddef.h>

#include <asm/irqflags.h>

_Thread_local volatile unsigned long host_irq_flags = SR_SIE;
_Thread_local volatile int host_irq_saves;
_Thread_local volatile bool host_irq_pending;

void (*volatile host_irq_handler)(void);

/* As a trap would: interrupts off while the handler runs. */
static void take_interrupt(void)
{
	host_irq_flags = 0;
	if (host_irq_handler)
		host_irq_handler();
	host_irq_flags = SR_SIE;
}

void host_irq_take_pending(void)
{
	while (host_irq_pending) {
		host_irq_pending = false;
		take_interrupt();
	}
}

void host_irq_raise(void)
{
	if (!(host_irq_flags & SR_SIE)) {
		host_irq_pending = true;
		return;
	}
	take_interrupt();
	host_irq_take_pending();
}
