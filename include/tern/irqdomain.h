/* SPDX-License-Identifier: MIT */
/*
 * Interrupt domains: how an interrupt the device tree names (a controller
 * node and its cells, <tern/of.h>) becomes an irq number for request_irq
 * (<tern/irq.h>).  Each interrupt controller driver registers one domain
 * for its node, saying how its cells read as a hardware line (hwirq) and
 * which irq numbers its lines have: irq = irq_base + hwirq, for hwirq
 * below nr_irqs.  dev_irq() (<tern/device.h>) finds the domain of the
 * controller a device's interrupt goes to and asks it.
 *
 * Today's irq numbers are the lines of the one external controller
 * kernel/irq.c drives (the PLIC: irq_base 0, so irq = source number).
 * The harts' local controllers ("riscv,cpu-intc") register domains with
 * nr_irqs 0: a device's interrupt may name them (the PLIC's own outputs
 * do), but their causes are the architecture's (timer, software,
 * external), taken by the trap code and never requested.
 *
 * Contract: the struct irq_domain is the registrant's, filled before
 * irq_domain_add and left alone until irq_domain_remove.  Add, remove and
 * look up from process context (initcalls, probes); irq_domain_lock
 * guards the list.  A domain is found by its tree and node, so domains of
 * a test tree never answer for the boot tree's nodes.
 */
#ifndef TERN_IRQDOMAIN_H
#define TERN_IRQDOMAIN_H

#include <tern/fdt.h>
#include <tern/list.h>
#include <tern/types.h>

struct irq_domain;

struct irq_domain_ops {
	/*
	 * Reads nr_cells cells (the controller's #interrupt-cells) into
	 * *hwirq: 0, or -EINVAL for cells that name no line of this
	 * controller.  NULL: the first cell is the line, any others (a
	 * trigger type) are ignored.
	 */
	int (*xlate)(struct irq_domain *d, const u32 *cells, unsigned int nr_cells,
		     unsigned long *hwirq);
};

struct irq_domain {
	const char *name;			/* for messages: the controller's */
	const struct fdt *fdt;			/* the tree node is in */
	int node;				/* the controller's node */
	const struct irq_domain_ops *ops;
	unsigned int irq_base;			/* irq number of hwirq 0 */
	unsigned int nr_irqs;			/* hwirqs with irq numbers; 0: none */
	void *host_data;			/* the controller driver's */
	struct list_head link;			/* irq_domain_lock */
};

/* 0, or -EEXIST when the node has a domain already. */
int irq_domain_add(struct irq_domain *d);
void irq_domain_remove(struct irq_domain *d);

/* The domain registered for node of fdt, or NULL. */
struct irq_domain *irq_find_domain(const struct fdt *fdt, int node);

/*
 * The irq number of the interrupt given by cells: >= 0, or -EINVAL (cells
 * that name no line), -ENXIO (a line without an irq number: the domain
 * has none, or the line is beyond them).
 */
int irq_domain_map(struct irq_domain *d, const u32 *cells, unsigned int nr_cells);

#endif
