// SPDX-License-Identifier: MIT
/*
 * The RISC-V hart-local interrupt controller ("riscv,cpu-intc"): one per
 * hart, a child of its cpu node, whose lines are the interrupt causes of
 * scause and sie (1 supervisor software, 5 supervisor timer, 9
 * supervisor external; 3, 7 and 11 are machine mode's, which firmware
 * such as OpenSBI rewrites to -1 in the tree it passes on).
 *
 * The trap code takes these causes itself (arch/riscv), so there is
 * nothing to drive.  What this driver gives is a root irq domain per hart
 * the kernel runs on, so that an interrupt the device tree routes to a
 * hart resolves (the PLIC's interrupts-extended, one entry per context)
 * and tells which CPU it reaches.  The domains have no irq numbers:
 * nothing requests a hart-local cause through request_irq.
 *
 * The nodes sit under /cpus, which the driver model does not walk, so the
 * domains are registered from an arch initcall, before any device probes.
 */
#include <tern/boot.h>
#include <tern/errno.h>
#include <tern/init.h>
#include <tern/irqdomain.h>
#include <tern/printk.h>
#include <tern/smp.h>
#include "irq-riscv-intc.h"

#define MAX_CAUSE	(8 * sizeof(unsigned long) - 1)	/* an sie bit */

static struct irq_domain intc_domains[NR_CPUS];

static int riscv_intc_xlate(struct irq_domain *d, const u32 *cells, unsigned int nr_cells,
			    unsigned long *hwirq)
{
	if (nr_cells != 1 || cells[0] > MAX_CAUSE)
		return -EINVAL;
	*hwirq = cells[0];
	return 0;
}

static const struct irq_domain_ops riscv_intc_ops = {
	.xlate = riscv_intc_xlate,
};

int riscv_intc_cpu(const struct fdt *fdt, int node)
{
	struct irq_domain *d = irq_find_domain(fdt, node);

	if (!d || d->ops != &riscv_intc_ops)
		return -ENODEV;
	return (int)(uintptr_t)d->host_data;
}

/* The CPU whose cpu node holds intc, or -1. */
static int intc_cpu(int intc)
{
	int cpu_node = fdt_parent_offset(&boot_fdt, intc);
	u64 hartid, unused;
	unsigned int cpu;

	if (cpu_node < 0 || fdt_get_reg(&boot_fdt, cpu_node, 0, &hartid, &unused))
		return -1;
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (cpu_to_hartid(cpu) == hartid)
			return (int)cpu;
	return -1;
}

static int riscv_intc_init(void)
{
	unsigned int registered = 0;
	int node = -1;

	while ((node = fdt_node_offset_by_compatible(&boot_fdt, node, "riscv,cpu-intc")) >= 0) {
		int cpu = intc_cpu(node);
		struct irq_domain *d;

		if (cpu < 0 || intc_domains[cpu].name)
			continue;	/* not a hart we run on, or a second intc for it */
		d = &intc_domains[cpu];
		d->name = "riscv-intc";
		d->fdt = &boot_fdt;
		d->node = node;
		d->ops = &riscv_intc_ops;
		d->host_data = (void *)(uintptr_t)cpu;
		if (irq_domain_add(d) == 0)
			registered++;
	}
	if (!registered)
		return -ENODEV;
	pr_info("riscv-intc: hart-local interrupt controllers of %u CPUs\n", registered);
	return 0;
}
arch_initcall(riscv_intc_init);
