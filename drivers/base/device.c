// SPDX-License-Identifier: MIT
/*
 * What a driver asks about its device (<tern/device.h>): its registers
 * and interrupts as the device tree gives them, and messages naming it.
 */
#include <stdarg.h>
#include <tern/irqdomain.h>
#include <tern/printf.h>
#include <tern/string.h>
#include "base.h"

const char *dev_driver_name(const struct device *dev)
{
	if (dev->driver)
		return dev->driver->name;
	return dev->bus ? dev->bus->name : "device";
}

int dev_err_probe(struct device *dev, int err, const char *fmt, ...)
{
	char msg[DEVICE_REASON_MAX];
	va_list ap;
	size_t n;

	va_start(ap, fmt);
	n = (size_t)vscnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	if (n && msg[n - 1] == '\n')
		msg[n - 1] = '\0';
	if (err == -EPROBE_DEFER)
		memcpy(dev->defer_reason, msg, sizeof(msg));
	else
		dev_err(dev, "%s: error %d\n", msg, err);
	return err;
}

int dev_resource(const struct device *dev, unsigned int index, struct resource *res)
{
	if (index > INT32_MAX)
		return -ENOENT;
	return of_address_to_resource(dev->fdt, dev->node, (int)index, res);
}

int dev_resource_count(const struct device *dev)
{
	return of_reg_count(dev->fdt, dev->node);
}

void __iomem *dev_ioremap_resource(struct device *dev, unsigned int index)
{
	struct resource res;
	void __iomem *regs;
	int err = dev_resource(dev, index, &res);

	if (err) {
		dev_err(dev, "reg entry %u is not usable: error %d\n", index, err);
		return ERR_PTR(err);
	}
	regs = res.size <= SIZE_MAX ? ioremap(res.start, (size_t)res.size) : NULL;
	if (!regs) {
		dev_err(dev, "cannot map reg entry %u (%#llx, %#llx bytes)\n", index,
			(unsigned long long)res.start, (unsigned long long)res.size);
		return ERR_PTR(-ENOMEM);
	}
	return regs;
}

int dev_irq(struct device *dev, unsigned int index)
{
	struct of_irq_spec spec;
	struct irq_domain *domain;
	struct device *ctrl;
	int err;

	if (index > INT32_MAX)
		return -ENOENT;
	err = of_irq_parse(dev->fdt, dev->node, (int)index, &spec);
	if (err)
		return err;
	domain = irq_find_domain(dev->fdt, spec.controller);
	if (domain)
		return irq_domain_map(domain, spec.cells, spec.nr_cells);
	ctrl = dev->bus ? dt_bus_find(dev->bus, spec.controller) : NULL;
	if (ctrl && (ctrl->state == DEVICE_PENDING || ctrl->state == DEVICE_DEFERRED)) {
		snprintf(dev->defer_reason, sizeof(dev->defer_reason),
			 "interrupt controller %s", ctrl->name);
		return -EPROBE_DEFER;
	}
	return -ENXIO;
}

int dev_irq_count(const struct device *dev)
{
	return of_irq_count(dev->fdt, dev->node);
}
