/* SPDX-License-Identifier: MIT */
/*
 * Checks over the host stand-in for <asm/irqflags.h>
 * (tests/include/asm/irqflags.h, tests/irqflags_host.c).
 *
 * Include after harness.h.
 */
#ifndef TESTS_IRQFLAGS_HOST_H
#define TESTS_IRQFLAGS_HOST_H

#include <stdbool.h>

#include <asm/irqflags.h>

/*
 * After a call into an allocator: none of its locks is left held and this
 * thread's interrupts are as they were (on, unless the test turned them
 * off).  Returns whether that holds.
 */
#define EXPECT_LOCKS_RELEASED(irqs_on) host_irq_expect_released((irqs_on), __FILE__, __LINE__)

static inline bool host_irq_expect_released(bool irqs_on, const char *file, int line)
{
	bool ok = harness_eq(host_irq_saves, 0, file, line, "irqsave locks held", "0");

	return harness_eq(host_irq_flags, irqs_on ? SR_SIE : 0, file, line, "interrupt flag",
			  irqs_on ? "on" : "off") && ok;
}

#endif
