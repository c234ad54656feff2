// SPDX-License-Identifier: MIT
/*
 * The RISC-V Platform-Level Interrupt Controller ("sifive,plic-1.0.0",
 * "riscv,plic0"; RISC-V PLIC specification 1.0.0).  Interrupt sources
 * 1..riscv,ndev each have a priority; each hart mode that can take
 * external interrupts is a "context", with an enable bit per source, a
 * priority threshold and a claim/complete register.  A source interrupts
 * a context when it is pending, enabled there and its priority is above
 * the threshold.  Claiming returns the best such source and clears its
 * pending bit; the gateway forwards nothing more from it until the claim
 * is completed.
 *
 * Register map (byte offsets from the base):
 *
 *	0x000000 + 4 * source		priority (0: never interrupts)
 *	0x001000 + 4 * (source / 32)	pending bits
 *	0x002000 + 0x80 * context	enable bits, 32 sources per word
 *	0x200000 + 0x1000 * context	priority threshold
 *	0x200004 + 0x1000 * context	claim (read) / complete (write)
 *
 * Contexts are numbered in the order of the node's interrupts-extended
 * entries: the entry that points at a hart's interrupt controller
 * ("riscv,cpu-intc", irq-riscv-intc.c) with interrupt 9, the supervisor
 * external interrupt, is that hart's S-mode context.  This driver finds
 * the S-mode context of every CPU (the boot CPU's must exist), sets each
 * threshold to 0, and enables a source at priority 1 in the context of
 * the one CPU it goes to (kernel/irq.c says which).  Each hart claims and
 * completes in its own context.
 *
 * It drives the one external controller kernel/irq.c knows: a source's
 * number is its irq number, and its irq domain says so to dev_irq (a
 * device's "interrupts" cell is the source).  A second PLIC is refused.
 */
#include <asm/csr.h>
#include <tern/arch.h>
#include <tern/boot.h>
#include <tern/device.h>
#include <tern/errno.h>
#include <tern/io.h>
#include <tern/irq.h>
#include <tern/irqdomain.h>
#include <tern/smp.h>
#include <tern/spinlock.h>
#include "irq-riscv-intc.h"

#define PLIC_PRIORITY(src)	(4UL * (src))
#define PLIC_ENABLE(ctx, src)	(0x2000UL + 0x80UL * (ctx) + 4UL * ((src) / 32))
#define PLIC_THRESHOLD(ctx)	(0x200000UL + 0x1000UL * (ctx))
#define PLIC_CLAIM(ctx)		(0x200004UL + 0x1000UL * (ctx))
#define PLIC_MAX_SOURCES	1023
#define PLIC_MAX_CONTEXTS	15872

#define NO_CONTEXT		(-1)

static struct plic {
	void __iomem *regs;		/* ioremap of the node's reg; NULL: not probed */
	unsigned int ndev;		/* sources 1..ndev */
	int context[NR_CPUS];		/* each CPU's S-mode context, or NO_CONTEXT */
	spinlock_t enable_lock;		/* read-modify-write of the enable words */
	struct irq_domain domain;	/* cells <source> -> irq number source */
} plic;

/*
 * readl/writel order a write after the memory writes before it (a
 * handler's bookkeeping before complete), a read before the memory reads
 * after it.
 */
static u32 plic_read(unsigned long off)
{
	return readl(plic.regs + off);
}

static void plic_write(unsigned long off, u32 v)
{
	writel(v, plic.regs + off);
}

static bool plic_has_cpu(unsigned int cpu)
{
	return cpu < NR_CPUS && plic.context[cpu] != NO_CONTEXT;
}

/* Sets or clears irq's enable bit in context ctx; returns whether it was set. */
static bool plic_set_enable(int ctx, unsigned int irq, bool on)
{
	unsigned long off = PLIC_ENABLE(ctx, irq);
	u32 bit = 1u << (irq % 32), word;

	spin_lock(&plic.enable_lock);
	word = plic_read(off);
	plic_write(off, on ? word | bit : word & ~bit);
	spin_unlock(&plic.enable_lock);
	return word & bit;
}

static void plic_enable(unsigned int irq, unsigned int cpu)
{
	plic_write(PLIC_PRIORITY(irq), 1);
	plic_set_enable(plic.context[cpu], irq, true);
}

static void plic_disable(unsigned int irq, unsigned int cpu)
{
	plic_set_enable(plic.context[cpu], irq, false);
}

static unsigned int plic_claim(void)
{
	return plic_read(PLIC_CLAIM(plic.context[smp_processor_id()]));
}

/*
 * The PLIC ignores a completion for a source not enabled in the context:
 * if the line moved to another CPU while this one handled it, it is
 * enabled here for the moment of the completion, or the gateway would
 * never forward it again.
 */
static void plic_complete(unsigned int irq)
{
	int ctx = plic.context[smp_processor_id()];
	bool was_on = plic_set_enable(ctx, irq, true);

	plic_write(PLIC_CLAIM(ctx), irq);
	if (!was_on)
		plic_set_enable(ctx, irq, false);
}

/* Nothing enabled, threshold 0: quiet until a line is enabled there. */
static void plic_reset_context(int ctx)
{
	unsigned int src;

	for (src = 0; src <= plic.ndev; src += 32)
		plic_write(PLIC_ENABLE(ctx, src), 0);
	plic_write(PLIC_THRESHOLD(ctx), 0);
}

/*
 * The firmware may reset a hart's contexts when it starts the hart (OpenSBI
 * does): set this CPU's up again on the CPU itself, once it runs.
 */
static void plic_cpu_online(unsigned int cpu)
{
	plic_reset_context(plic.context[cpu]);
}

static struct irqchip plic_chip = {
	.name = "sifive-plic",
	.has_cpu = plic_has_cpu,
	.cpu_online = plic_cpu_online,
	.enable = plic_enable,
	.disable = plic_disable,
	.claim = plic_claim,
	.complete = plic_complete,
};

/* A device's interrupt cell is the source, 1..ndev. */
static int plic_xlate(struct irq_domain *d, const u32 *cells, unsigned int nr_cells,
		      unsigned long *hwirq)
{
	if (nr_cells < 1 || cells[0] < 1 || cells[0] > plic.ndev)
		return -EINVAL;
	*hwirq = cells[0];
	return 0;
}

static const struct irq_domain_ops plic_domain_ops = {
	.xlate = plic_xlate,
};

struct context_scan {
	const struct fdt *fdt;
	int highest;		/* the highest context found, or -ENOENT */
};

/*
 * Entry index of interrupts-extended is context index: an S-mode external
 * interrupt of a hart we run on is that CPU's context.  Stops after the
 * PLIC's last possible context.
 */
static int note_context(const struct of_irq_spec *spec, int index, void *arg)
{
	struct context_scan *scan = arg;
	int cpu;

	if (index >= PLIC_MAX_CONTEXTS)
		return 1;
	if (spec->cells[0] != IRQ_S_EXT)
		return 0;
	cpu = riscv_intc_cpu(scan->fdt, spec->controller);
	if (cpu >= 0 && plic.context[cpu] == NO_CONTEXT) {
		plic.context[cpu] = index;
		scan->highest = index;
	}
	return 0;
}

/* Fills plic.context; returns the highest context found, or a negative error. */
static int plic_find_contexts(struct device *dev)
{
	struct context_scan scan = { dev->fdt, -ENOENT };
	unsigned int cpu;
	int err;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		plic.context[cpu] = NO_CONTEXT;
	err = of_irq_for_each(dev->fdt, dev->node, note_context, &scan);
	return err < 0 ? err : scan.highest;
}

static void plic_start(void)
{
	unsigned int src, cpu;

	spin_lock_init(&plic.enable_lock);
	for (src = 1; src <= plic.ndev; src++)
		plic_write(PLIC_PRIORITY(src), 0);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (plic_has_cpu(cpu))
			plic_reset_context(plic.context[cpu]);
}

static int plic_probe(struct device *dev)
{
	unsigned int cpu, reached = 0;
	struct resource res;
	int highest, err;
	u32 ndev;

	if (plic.regs)
		return dev_err_probe(dev, -EBUSY, "the kernel drives one PLIC, and has one");
	err = dev_resource(dev, 0, &res);
	if (err)
		return dev_err_probe(dev, err, "reg");
	if (fdt_getprop_u32(dev->fdt, dev->node, "riscv,ndev", &ndev) || !ndev ||
	    ndev > PLIC_MAX_SOURCES)
		return dev_err_probe(dev, -EINVAL, "riscv,ndev missing or above %d",
				     PLIC_MAX_SOURCES);
	highest = plic_find_contexts(dev);
	if (highest < 0 || plic.context[0] == NO_CONTEXT)
		return dev_err_probe(dev, highest < 0 ? highest : -ENOENT,
				     "no S-mode context for hart %lu in interrupts-extended",
				     boot_hartid);
	if (res.size < PLIC_CLAIM(highest) + 4)
		return dev_err_probe(dev, -EINVAL, "reg too small for context %d", highest);
	/* Up to the last context used: reg may span all 15872 (64 MiB). */
	plic.regs = ioremap(res.start, PLIC_CLAIM(highest) + 4);
	if (!plic.regs)
		return -ENOMEM;
	plic.ndev = ndev;
	plic_start();
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		reached += plic_has_cpu(cpu);

	plic_chip.max_irq = MIN(ndev, NR_IRQS - 1);
	plic.domain = (struct irq_domain){
		.name = "sifive-plic", .fdt = dev->fdt, .node = dev->node,
		.ops = &plic_domain_ops, .irq_base = 0, .nr_irqs = plic_chip.max_irq + 1,
	};
	err = irq_domain_add(&plic.domain);
	if (err) {
		iounmap(plic.regs);
		plic.regs = NULL;
		return dev_err_probe(dev, err, "irq domain");
	}
	irqchip_register(&plic_chip);
	dev_info(dev, "%u sources, S-mode contexts for %u of %u CPUs (CPU 0: %d)\n",
		 plic.ndev, reached, nr_cpus_possible, plic.context[0]);
	return 0;
}

static const struct of_device_id plic_of_match[] = {
	{ .compatible = "sifive,plic-1.0.0" },
	{ .compatible = "riscv,plic0" },
	{ }
};

static const struct driver plic_driver = {
	.name = "sifive-plic",
	.of_match = plic_of_match,
	.probe = plic_probe,
};
builtin_driver(plic_driver);
