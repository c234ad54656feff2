// SPDX-License-Identifier: MIT
/*
 * Interrupt domains (<tern/irqdomain.h>): a list of the registered
 * controllers' translations from device tree cells to irq numbers.
 *
 * Locking: irq_domain_lock guards the list.  A domain found by
 * irq_find_domain stays valid as long as its owner keeps it registered;
 * only tests remove domains, after their devices are gone.
 */
#include <tern/errno.h>
#include <tern/irqdomain.h>
#include <tern/spinlock.h>

static LIST_HEAD(irq_domains);
static spinlock_t irq_domain_lock = SPINLOCK_INIT;

static struct irq_domain *find_locked(const struct fdt *fdt, int node)
{
	struct irq_domain *d;

	list_for_each_entry(d, &irq_domains, link)
		if (d->fdt == fdt && d->node == node)
			return d;
	return NULL;
}

int irq_domain_add(struct irq_domain *d)
{
	int err = 0;

	spin_lock(&irq_domain_lock);
	if (find_locked(d->fdt, d->node))
		err = -EEXIST;
	else
		list_add_tail(&d->link, &irq_domains);
	spin_unlock(&irq_domain_lock);
	return err;
}

void irq_domain_remove(struct irq_domain *d)
{
	spin_lock(&irq_domain_lock);
	list_del_init(&d->link);
	spin_unlock(&irq_domain_lock);
}

struct irq_domain *irq_find_domain(const struct fdt *fdt, int node)
{
	struct irq_domain *d;

	spin_lock(&irq_domain_lock);
	d = find_locked(fdt, node);
	spin_unlock(&irq_domain_lock);
	return d;
}

int irq_domain_map(struct irq_domain *d, const u32 *cells, unsigned int nr_cells)
{
	unsigned long hwirq;

	if (d->ops && d->ops->xlate) {
		int err = d->ops->xlate(d, cells, nr_cells, &hwirq);

		if (err)
			return err;
	} else {
		if (nr_cells < 1)
			return -EINVAL;
		hwirq = cells[0];
	}
	if (hwirq >= d->nr_irqs || d->irq_base + hwirq > INT32_MAX)
		return -ENXIO;
	return (int)(d->irq_base + hwirq);
}
