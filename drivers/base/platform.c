// SPDX-License-Identifier: MIT
/*
 * The kernel's devices: the boot device tree's, bound to the drivers of
 * the .drivers section (builtin_driver), in three initcall levels:
 *
 *	early	right after the device tree is validated: only the early
 *		drivers' devices (the power-off device), from a static pool
 *	device	every device; the early ones are kept; all are probed
 *	late	deferred probes tried once more, then given up; a summary
 *
 * Devices are never freed.  Locking: none; the initcalls run on the boot
 * CPU before the other CPUs start (base.h), and the list is read-only
 * afterwards.
 */
#include <tern/boot.h>
#include <tern/init.h>
#include <tern/kernel.h>
#include "base.h"

/* Room for the early drivers' devices: power-off and restart. */
#define EARLY_DEVICES_MAX	4

extern const struct driver *const __drivers_start[], *const __drivers_end[];

static struct device early_devices[EARLY_DEVICES_MAX];

static struct dt_bus platform_bus = {
	.name = "platform",
	.fdt = &boot_fdt,
	.devices = LIST_HEAD_INIT(platform_bus.devices),
};

/* "simple-bus": a bus whose children the core makes devices of; nothing to do. */
static int simple_bus_probe(struct device *dev)
{
	struct device *child;
	unsigned int n = 0;

	list_for_each_entry(child, &dev->bus->devices, link)
		n += child->parent == dev;
	dev_info(dev, "%u device%s below\n", n, n == 1 ? "" : "s");
	return 0;
}

static const struct of_device_id simple_bus_of_match[] = {
	{ .compatible = "simple-bus" },
	{ }
};

const struct driver simple_bus_driver = {
	.name = "simple-bus",
	.of_match = simple_bus_of_match,
	.probe = simple_bus_probe,
};
builtin_driver(simple_bus_driver);

static void offer_builtin_drivers(void)
{
	platform_bus.drivers = __drivers_start;
	platform_bus.nr_drivers = (size_t)(__drivers_end - __drivers_start);
}

static int platform_probe_early(void)
{
	if (!boot_fdt_valid())
		return -ENODEV;
	offer_builtin_drivers();
	platform_bus.early_pool = early_devices;
	platform_bus.early_pool_size = EARLY_DEVICES_MAX;
	dt_bus_populate(&platform_bus);
	dt_bus_probe(&platform_bus);
	return 0;
}
early_initcall(platform_probe_early);

static int platform_probe_all(void)
{
	struct device *dev;
	int err;

	offer_builtin_drivers();
	platform_bus.early_pool = NULL;
	/* The early level's bound devices are logged here, with the rest. */
	list_for_each_entry(dev, &platform_bus.devices, link)
		if (dev->state == DEVICE_BOUND && !dev->announced)
			dev_printk(KERN_INFO, dev, "bound (early)\n");
	err = dt_bus_populate(&platform_bus);
	dt_bus_probe(&platform_bus);
	return err;
}
device_initcall(platform_probe_all);

static int platform_report(void)
{
	struct dt_bus_counts c;

	dt_bus_probe(&platform_bus);
	dt_bus_give_up(&platform_bus);
	c = dt_bus_count(&platform_bus);
	pr_info("devices: %u bound, %u without a driver, %u failed; %u disabled nodes\n",
		c.bound, c.no_driver, c.failed, platform_bus.nr_disabled);
	return 0;
}
late_initcall(platform_report);

struct device *device_find_by_node(int node)
{
	return dt_bus_find(&platform_bus, node);
}
