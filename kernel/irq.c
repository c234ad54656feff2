// SPDX-License-Identifier: MIT
/*
 * Device interrupt lines: one handler per line in a table of NR_IRQS, and
 * the one interrupt controller (drivers/irqchip/) that delivers them.
 * Line 0 means "nothing pending" to the PLIC and cannot be requested.
 *
 * Locking: irq_lock (interrupts off) guards the table, each line's CPU
 * and the calls that enable and disable lines.  A handler runs without
 * it, with interrupts off, on the CPU its line goes to; free_irq waits
 * until no CPU runs the handler it removed.
 */
#include <tern/errno.h>
#include <tern/irq.h>
#include <tern/printk.h>
#include <tern/smp.h>
#include <tern/spinlock.h>

struct irq_desc {
	irq_handler_t handler;		/* NULL: the line is free */
	void *dev;
	const char *name;
	unsigned int cpu;		/* where the line goes */
	unsigned int running;		/* CPUs in its handler now */
	unsigned long count;		/* interrupts handled */
};

static struct irq_desc irq_table[NR_IRQS];
static spinlock_t irq_lock = SPINLOCK_INIT;
static const struct irqchip *irqchip;
static unsigned long unhandled;

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
	flags = spin_lock_irqsave(&irq_lock);
	if (irq_table[irq].handler) {
		err = -EBUSY;
	} else {
		struct irq_desc *desc = &irq_table[irq];

		desc->handler = handler;
		desc->dev = dev;
		desc->name = name;
		desc->cpu = 0;		/* the boot CPU: the controller always reaches it */
		irqchip->enable(irq, desc->cpu);
	}
	spin_unlock_irqrestore(&irq_lock, flags);
	return err;
}

void free_irq(unsigned int irq, void *dev)
{
	struct irq_desc *desc;
	unsigned long flags;
	bool freed = false;

	if (!irq || irq >= NR_IRQS)
		return;
	desc = &irq_table[irq];
	flags = spin_lock_irqsave(&irq_lock);
	if (desc->handler && desc->dev == dev) {
		irqchip->disable(irq, desc->cpu);
		desc->handler = NULL;
		desc->dev = NULL;
		desc->name = NULL;
		freed = true;
	}
	spin_unlock_irqrestore(&irq_lock, flags);
	if (!freed) {
		pr_warn("irq: free_irq(%u): not held by this device\n", irq);
		return;
	}
	while (__atomic_load_n(&desc->running, __ATOMIC_ACQUIRE))
		;	/* a handler that started before the line was disabled */
}

int irq_set_affinity(unsigned int irq, unsigned int cpu)
{
	struct irq_desc *desc;
	unsigned long flags;
	int err = -EINVAL;

	if (!irq || irq >= NR_IRQS || !irqchip || !cpu_online(cpu) || !irqchip->has_cpu(cpu))
		return -EINVAL;
	desc = &irq_table[irq];
	flags = spin_lock_irqsave(&irq_lock);
	if (desc->handler) {
		irqchip->disable(irq, desc->cpu);
		desc->cpu = cpu;
		irqchip->enable(irq, cpu);
		err = 0;
	}
	spin_unlock_irqrestore(&irq_lock, flags);
	return err;
}

void irqchip_register(const struct irqchip *chip)
{
	if (irqchip) {
		pr_warn("irq: %s ignored, %s is already the interrupt controller\n",
			chip->name, irqchip->name);
		return;
	}
	irqchip = chip;
	arch_irq_enable_external();
}

void irq_cpu_online(void)
{
	unsigned int cpu = smp_processor_id();

	if (irqchip && irqchip->has_cpu(cpu)) {
		irqchip->cpu_online(cpu);
		arch_irq_enable_external();
	}
}

const struct irqchip *irqchip_get(void)
{
	return irqchip;
}

/* Runs the handler of line irq, claimed on this CPU; false if it has none. */
static bool run_handler(unsigned int irq)
{
	struct irq_desc *desc = &irq_table[irq];
	irq_handler_t handler;
	void *dev;

	spin_lock(&irq_lock);
	handler = desc->handler;
	dev = desc->dev;
	if (handler) {
		desc->count++;
		desc->running++;
	}
	spin_unlock(&irq_lock);
	if (!handler)
		return false;
	handler(irq, dev);
	__atomic_fetch_sub(&desc->running, 1, __ATOMIC_RELEASE);
	return true;
}

void handle_external_irq(void)
{
	unsigned int irq;

	if (!irqchip) {
		arch_irq_disable_external();
		irq_unhandled("external interrupt without a controller", 0);
		return;
	}
	while ((irq = irqchip->claim())) {
		if (irq < NR_IRQS && run_handler(irq)) {
			irqchip->complete(irq);
		} else {
			irqchip->complete(irq);
			irqchip->disable(irq, smp_processor_id());	/* it came here */
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
	__atomic_fetch_add(&unhandled, 1, __ATOMIC_RELAXED);
	pr_warn("irq: unhandled %s %lu, masked\n", what, which);
}

unsigned long irq_unhandled_count(void)
{
	return READ_ONCE(unhandled);
}
