// SPDX-License-Identifier: MIT
/*
 * Device interrupt lines: one handler per line in a table of NR_IRQS, and
 * the one interrupt controller (drivers/irqchip/) that delivers them to
 * this hart.  Line 0 means "nothing pending" to the PLIC and cannot be
 * requested.
 *
 * Locking: the table and the controller are changed with interrupts off;
 * handlers run from handle_external_irq, with interrupts off.
 */
#include <asm/csr.h>
#include <tern/errno.h>
#include <tern/irq.h>
#include <tern/arch.h>
#include <tern/printk.h>
#include <tern/smp.h>

struct irq_desc {
	irq_handler_t handler;		/* NULL: the line is free */
	void *dev;
	const char *name;
	unsigned long count;		/* interrupts handled */
};

static struct irq_desc irq_table[NR_IRQS];
static const struct irqchip *irqchip;
static unsigned long unhandled;
static unsigned long ipis;

int request_irq(unsigned int irq, irq_handler_t handler, const char *name, void *dev)
{
	unsigned long flags;
	int err = 0;

	if (!irq || irq >= NR_IRQS || !handler)
		return -EINVAL;
	if (!irqchip)
		return -ENODEV;
	if (irq > irqchip->max_irq)
		return -EINVAL;
	flags = local_irq_save();
	if (irq_table[irq].handler) {
		err = -EBUSY;
	} else {
		irq_table[irq] = (struct irq_desc){ handler, dev, name, irq_table[irq].count };
		irqchip->enable(irq);
	}
	local_irq_restore(flags);
	return err;
}

void free_irq(unsigned int irq, void *dev)
{
	unsigned long flags;

	if (!irq || irq >= NR_IRQS)
		return;
	flags = local_irq_save();
	if (irq_table[irq].handler && irq_table[irq].dev == dev) {
		irqchip->disable(irq);
		irq_table[irq].handler = NULL;
		irq_table[irq].dev = NULL;
		irq_table[irq].name = NULL;
	} else {
		pr_warn("irq: free_irq(%u): not held by this device\n", irq);
	}
	local_irq_restore(flags);
}

void irqchip_register(const struct irqchip *chip)
{
	if (irqchip) {
		pr_warn("irq: %s ignored, %s is already the interrupt controller\n",
			chip->name, irqchip->name);
		return;
	}
	irqchip = chip;
	csr_set(sie, SIE_SEIE);
}

const struct irqchip *irqchip_get(void)
{
	return irqchip;
}

void handle_external_irq(void)
{
	unsigned int irq;

	if (!irqchip) {
		csr_clear(sie, SIE_SEIE);
		irq_unhandled("external interrupt without a controller", 0);
		return;
	}
	while ((irq = irqchip->claim())) {
		struct irq_desc *desc = irq < NR_IRQS ? &irq_table[irq] : NULL;

		if (desc && desc->handler) {
			desc->count++;
			desc->handler(irq, desc->dev);
			irqchip->complete(irq);
		} else {
			/* Complete first: a PLIC ignores completing a disabled line. */
			irqchip->complete(irq);
			irqchip->disable(irq);
			irq_unhandled("line", irq);
		}
	}
}

unsigned long irq_count(unsigned int irq)
{
	return irq < NR_IRQS ? READ_ONCE(irq_table[irq].count) : 0;
}

void irq_unhandled(const char *what, unsigned long which)
{
	unhandled++;
	pr_warn("irq: unhandled %s %lu, masked\n", what, which);
}

unsigned long irq_unhandled_count(void)
{
	return READ_ONCE(unhandled);
}

static bool cpus_stopping;	/* smp_stop_others: every IPI stops its CPU */

/*
 * A reschedule IPI needs nothing here: the sender set need_resched, and
 * the way out of the interrupt (or the idle loop the interrupt woke)
 * calls the scheduler.
 */
void handle_ipi(void)
{
	__atomic_fetch_add(&ipis, 1, __ATOMIC_RELAXED);
	if (READ_ONCE(cpus_stopping))
		arch_cpu_relax_forever();	/* interrupts are off in a handler */
}

void smp_stop_others(void)
{
	unsigned int cpu, self = smp_processor_id();

	WRITE_ONCE(cpus_stopping, true);
	for_each_online_cpu(cpu)
		if (cpu != self)
			smp_send_reschedule(cpu);
}

unsigned long ipi_count(void)
{
	return READ_ONCE(ipis);
}
