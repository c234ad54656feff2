/* SPDX-License-Identifier: MIT */
/*
 * Host stand-in for arch/riscv/include/asm/irqflags.h, so that mm/ sources
 * with <tern/spinlock.h> build on the host with the real atomic locks.
 * Each host thread plays a hart: host_irq_flags is its sstatus.SIE (on when
 * a thread starts), and host_irq_saves counts saves not yet restored.  Our
 * allocators only disable interrupts through spin_lock_irqsave, so
 * host_irq_saves is also the number of their locks the thread holds:
 * after every call into them it must be 0 again, and host_irq_flags what
 * it was (tests/irqflags_host.h checks both).
 *
 * Interrupts can be simulated (tests/irqflags_host.c): a signal handler
 * calls host_irq_raise(), which runs host_irq_handler at once if this
 * thread's interrupts are on, and otherwise when they come back on, as a
 * pending interrupt would be taken.
 */
#ifndef ASM_IRQFLAGS_H
#define ASM_IRQFLAGS_H

#include <stdbool.h>

#define SR_SIE		0x2UL

extern _Thread_local volatile unsigned long host_irq_flags;
extern _Thread_local volatile int host_irq_saves;
extern _Thread_local volatile bool host_irq_pending;

/*
 * The handler a simulated interrupt runs, with this thread's interrupts
 * off; NULL: none.  Shared by all threads.
 */
extern void (*volatile host_irq_handler)(void);

/*
 * An interrupt arrives on this thread (from a signal handler, say): taken
 * now if interrupts are on, else when they come back on.
 */
void host_irq_raise(void);

/* Takes the pending interrupt: interrupts are on again. */
void host_irq_take_pending(void);

static inline unsigned long arch_local_irq_save(void)
{
	unsigned long flags = host_irq_flags;

	host_irq_flags = 0;
	host_irq_saves++;
	return flags;
}

static inline void arch_local_irq_restore(unsigned long flags)
{
	host_irq_saves--;
	host_irq_flags = flags & SR_SIE;
	if ((flags & SR_SIE) && host_irq_pending)
		host_irq_take_pending();
}

static inline void arch_local_irq_enable(void)
{
	host_irq_flags = SR_SIE;
	if (host_irq_pending)
		host_irq_take_pending();
}

static inline void arch_local_irq_disable(void)
{
	host_irq_flags = 0;
}

static inline bool arch_irqs_disabled(void)
{
	return !(host_irq_flags & SR_SIE);
}

#endif
