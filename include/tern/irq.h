/* SPDX-License-Identifier: MIT */
/*
 * Device interrupts.  A driver asks for its interrupt line with
 * request_irq, on the irq number dev_irq() gives for its device tree
 * interrupt (<tern/device.h>, through <tern/irqdomain.h>); the interrupt
 * controller driver (drivers/irqchip/, bound from the device tree)
 * registers itself with irqchip_register, and the trap code calls
 * handle_external_irq on a supervisor external interrupt.  Each line goes to one CPU, CPU 0 unless
 * irq_set_affinity says otherwise; every CPU the controller reaches takes
 * external interrupts.
 */
#ifndef TERN_IRQ_H
#define TERN_IRQ_H

#include <asm/irq.h>
#include <tern/irqflags.h>
#include <tern/types.h>

#define NR_IRQS 128

typedef void (*irq_handler_t)(unsigned int irq, void *dev);

/* 0, -EINVAL (bad line or handler), -EBUSY (taken), -ENODEV (no controller). */
int request_irq(unsigned int irq, irq_handler_t handler, const char *name, void *dev);
/*
 * Releases the line.  Once it returns, the handler runs on no CPU: so it
 * must not be called from that handler.
 */
void free_irq(unsigned int irq, void *dev);

/*
 * Sends a requested line to cpu.  0, or -EINVAL for a line nobody
 * requested, or a CPU that is offline or that the controller cannot
 * interrupt.
 */
int irq_set_affinity(unsigned int irq, unsigned int cpu);

/* On a secondary CPU as it comes up, interrupts off: take external interrupts. */
void irq_cpu_online(void);

/* The operations are called with interrupts off, and may run on several harts at once. */
struct irqchip {
	const char *name;
	unsigned int max_irq;			/* highest line it has (lines start at 1) */
	bool (*has_cpu)(unsigned int cpu);	/* can it interrupt that CPU? */
	/* On a CPU that has_cpu, as it comes online: ready to take interrupts. */
	void (*cpu_online)(unsigned int cpu);
	/* Delivers irq to cpu (which has_cpu), priority 1; or stops that. */
	void (*enable)(unsigned int irq, unsigned int cpu);
	void (*disable)(unsigned int irq, unsigned int cpu);
	unsigned int (*claim)(void);		/* on this hart; 0: nothing pending */
	void (*complete)(unsigned int irq);	/* on this hart, even if moved since */
};

/*
 * One controller; registering it enables the external interrupt on this
 * hart (arch_irq_enable_external, asm/irq.h).
 */
void irqchip_register(const struct irqchip *chip);
/* The registered controller, or NULL. */
const struct irqchip *irqchip_get(void);

/* From the trap handler: claim, run the handler, complete, until none is left. */
void handle_external_irq(void);

/* Interrupts taken so far on a line (for tests and meminfo-style views). */
unsigned long irq_count(unsigned int irq);

/*
 * An interrupt nobody handles (a line without a handler, a cause the trap
 * code does not know): counted and logged; the caller masks its source,
 * so each is logged once until something enables it again.
 */
void irq_unhandled(const char *what, unsigned long which);
unsigned long irq_unhandled_count(void);

#endif
