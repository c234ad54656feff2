// SPDX-License-Identifier: MIT
/* The generic kernel's view of the interrupt enable (<tern/irq.h>). */
#include <asm/irqflags.h>
#include <tern/irq.h>

unsigned long local_irq_save(void)
{
	return arch_local_irq_save();
}

void local_irq_restore(unsigned long flags)
{
	arch_local_irq_restore(flags);
}

void local_irq_enable(void)
{
	arch_local_irq_enable();
}

void local_irq_disable(void)
{
	arch_local_irq_disable();
}

bool irqs_disabled(void)
{
	return arch_irqs_disabled();
}
