/* SPDX-License-Identifier: MIT */
/*
 * This hart's interrupt enable, over the architecture's asm/irqflags.h.
 * The flags word of local_irq_save() means nothing but "give it back to
 * local_irq_restore()".  Inline: the scheduler and the locks call these
 * on every switch and every critical section.
 */
#ifndef TERN_IRQFLAGS_H
#define TERN_IRQFLAGS_H

#include <asm/irqflags.h>
#include <tern/types.h>

static inline unsigned long local_irq_save(void)
{
	return arch_local_irq_save();
}

static inline void local_irq_restore(unsigned long flags)
{
	arch_local_irq_restore(flags);
}

static inline void local_irq_enable(void)
{
	arch_local_irq_enable();
}

static inline void local_irq_disable(void)
{
	arch_local_irq_disable();
}

static inline bool irqs_disabled(void)
{
	return arch_irqs_disabled();
}

#endif
