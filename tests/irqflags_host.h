/* SPDX-License-Identifier: MIT */
/*
 * Checks and simulated interrupts over the host stand-in for
 * <asm/irqflags.h> (tests/include/asm/irqflags.h, tests/irqflags_host.c).
 *
 * Include after harness.h.
 */
#ifndef TESTS_IRQFLAGS_HOST_H
#define TESTS_IRQFLAGS_HOST_H

#include <stdbool.h>

#include <asm/irqflags.h>

/*
 * The handler host_irq_raise runs, with this thread's interrupts off, as
 * an interrupt would; NULL: none.  Shared by all threads.
 */
extern void (*volatile host_irq_handler)(void);

/*
 * An interrupt arrives on this thread (from a signal handler, say): taken
 * now if interrupts are on, else when they come back on.
 */
void host_irq_raise(void);

/*
 * After a call into an allocator: none of its locks is left held and this
 * thread's interrupts are as they were (on, unless the test turned them
 * off).  Evaluates to whether that holds.
 */
#define EXPECT_LOCKS_RELEASED(irqs_on)					\
	(EXPECT_EQ(host_irq_saves, 0) &&				\
	 EXPECT_EQ(host_irq_flags, (irqs_on) ? SR_SIE : 0))

#endif
