// SPDX-License-Identifier: MIT
/*
 * A device tree's devices (base.h): one for every enabled node with a
 * compatible on the root and below simple-bus nodes, each matched to the
 * driver of its most specific compatible string, then probed, with the
 * probes that answer -EPROBE_DEFER tried again while others succeed.
 *
 * No lock: one thread works on a bus at a time (base.h).
 */
#include <tern/kernel.h>
#include <tern/printf.h>
#include <tern/slab.h>
#include <tern/string.h>
#include "base.h"

const struct driver *dt_bus_match(const struct dt_bus *bus, int node,
				  const struct of_device_id **match)
{
	const struct driver *best = NULL;
	int best_rank = 0;
	size_t i;

	for (i = 0; i < bus->nr_drivers; i++) {
		const struct driver *drv = bus->drivers[i];
		const struct of_device_id *m;
		int rank;

		if (!drv->of_match)
			continue;
		m = of_match_node(drv->of_match, bus->fdt, node, &rank);
		if (m && (!best || rank < best_rank)) {
			best = drv;
			best_rank = rank;
			*match = m;
		}
	}
	return best;
}

/* "10000000.serial", as Linux: reg 0's CPU address and the node's name; else the name. */
static void make_name(struct device *dev)
{
	struct resource res;
	const char *base;
	int len;

	base = of_node_basename(dev->fdt, dev->node, &len);
	if (!base) {
		base = "?";
		len = 1;
	}
	if (!of_address_to_resource(dev->fdt, dev->node, 0, &res))
		snprintf(dev->name, sizeof(dev->name), "%llx.%.*s",
			 (unsigned long long)res.start, len, base);
	else
		snprintf(dev->name, sizeof(dev->name), "%.*s", len, base);
}

/* Logs, at KERN_DEBUG, that no driver takes the device: "no driver for "a", "b"". */
static void log_no_driver(const struct device *dev)
{
	char list[96];
	const char *compat;
	size_t n = 0;
	int i, len;

	list[0] = '\0';
	for (i = 0; (compat = of_compatible_string(dev->fdt, dev->node, i, &len)); i++)
		n += (size_t)scnprintf(list + n, sizeof(list) - n, "%s\"%.*s\"", i ? ", " : "",
				       len, compat);
	dev_dbg(dev, "no driver for %s\n", list);
}

static void init_device(struct dt_bus *bus, struct device *dev, int node)
{
	dev->fdt = bus->fdt;
	dev->node = node;
	dev->bus = bus;
	make_name(dev);
	dev->driver = dt_bus_match(bus, node, &dev->match);
	dev->state = dev->driver ? DEVICE_PENDING : DEVICE_NO_DRIVER;
	list_add_tail(&dev->link, &bus->devices);
	if (!dev->driver)
		log_no_driver(dev);
}

struct device *dt_bus_find(const struct dt_bus *bus, int node)
{
	struct device *dev;

	list_for_each_entry(dev, &bus->devices, link)
		if (dev->node == node)
			return dev;
	return NULL;
}

/* Among the first n devices only: those made before this populate. */
static struct device *find_among_first(const struct dt_bus *bus, int node, unsigned int n)
{
	struct device *dev;

	list_for_each_entry(dev, &bus->devices, link) {
		if (!n--)
			break;
		if (dev->node == node)
			return dev;
	}
	return NULL;
}

/*
 * The device for node: the one it has, or a new one; NULL when the early
 * level leaves the node for later (ERR_PTR(-ENOMEM) when out of memory).
 */
static struct device *device_for(struct dt_bus *bus, int node, unsigned int existing)
{
	struct device *dev = find_among_first(bus, node, existing);
	const struct of_device_id *match;
	const struct driver *drv;

	if (dev)
		return dev;
	if (bus->early_pool) {
		drv = dt_bus_match(bus, node, &match);
		if (!drv || !drv->early)
			return NULL;
		if (bus->early_used == bus->early_pool_size) {
			pr_warn("%s: no room for more early devices: %s waits for the "
				"device level\n", bus->name, drv->name);
			return NULL;
		}
		dev = &bus->early_pool[bus->early_used++];
		memset(dev, 0, sizeof(*dev));
		dev->early = true;
	} else {
		dev = kzalloc(sizeof(*dev), GFP_KERNEL);
		if (!dev)
			return ERR_PTR(-ENOMEM);
	}
	init_device(bus, dev, node);
	return dev;
}

static bool is_simple_bus(const struct fdt *fdt, int node)
{
	return fdt_node_check_compatible(fdt, node, "simple-bus") == 0;
}

static int populate_below(struct dt_bus *bus, int node, struct device *parent, int depth,
			  unsigned int existing)
{
	const struct fdt *fdt = bus->fdt;
	int child, len, err;

	for (child = fdt_first_child(fdt, node); child >= 0; child = fdt_next_sibling(fdt, child)) {
		struct device *dev;

		if (!fdt_getprop(fdt, child, "compatible", &len))
			continue;
		if (!fdt_node_is_available(fdt, child)) {
			if (!bus->early_pool)
				bus->nr_disabled++;
			continue;
		}
		dev = device_for(bus, child, existing);
		if (IS_ERR(dev))
			return PTR_ERR(dev);
		if (dev)
			dev->parent = parent;
		if (!is_simple_bus(fdt, child))
			continue;
		if (depth == DT_BUS_MAX_DEPTH) {
			pr_warn("%s: buses nested deeper than %d: the devices below %s are "
				"left out\n", bus->name, DT_BUS_MAX_DEPTH,
				fdt_get_name(fdt, child, &len));
			continue;
		}
		err = populate_below(bus, child, dev, depth + 1, existing);
		if (err)
			return err;
	}
	return 0;
}

int dt_bus_populate(struct dt_bus *bus)
{
	struct device *dev;
	unsigned int existing = 0;
	int err;

	list_for_each_entry(dev, &bus->devices, link)
		existing++;
	if (!bus->early_pool)
		bus->nr_disabled = 0;
	err = populate_below(bus, 0, NULL, 0, existing);
	if (err)
		pr_err("%s: out of memory making devices: the rest of the tree is left out\n",
		       bus->name);
	return err;
}

static void probe_one(struct device *dev)
{
	int err;

	dev->announced = false;
	dev->defer_reason[0] = '\0';
	err = dev->driver->probe ? dev->driver->probe(dev) : 0;
	dev->probe_err = err;
	if (!err) {
		dev->state = DEVICE_BOUND;
		if (!dev->announced && !dev->bus->early_pool)
			dev_printk(KERN_INFO, dev, "bound\n");
		return;
	}
	dev->driver_data = NULL;
	if (err == -EPROBE_DEFER) {
		dev->state = DEVICE_DEFERRED;
		dev_dbg(dev, "probe deferred: %s\n",
			dev->defer_reason[0] ? dev->defer_reason : "no reason given");
		return;
	}
	dev->state = DEVICE_FAILED;
	dev_err(dev, "probe failed: error %d\n", err);
}

static bool is_interrupt_controller(const struct device *dev)
{
	int len;

	return fdt_getprop(dev->fdt, dev->node, "interrupt-controller", &len) != NULL;
}

/* Probes the devices in state 'which' (controllers only, if asked); how many it bound. */
static unsigned int probe_pass(struct dt_bus *bus, enum device_state which,
			       bool controllers_only)
{
	unsigned int bound = 0;
	struct device *dev;

	list_for_each_entry(dev, &bus->devices, link) {
		if (dev->state != which || (controllers_only && !is_interrupt_controller(dev)))
			continue;
		probe_one(dev);
		bound += dev->state == DEVICE_BOUND;
	}
	return bound;
}

/* Each pass of the last loop binds one device at least, so it ends. */
void dt_bus_probe(struct dt_bus *bus)
{
	probe_pass(bus, DEVICE_PENDING, true);
	probe_pass(bus, DEVICE_PENDING, false);
	while (probe_pass(bus, DEVICE_DEFERRED, false))
		;
}

void dt_bus_give_up(struct dt_bus *bus)
{
	struct device *dev;

	list_for_each_entry(dev, &bus->devices, link) {
		if (dev->state != DEVICE_DEFERRED)
			continue;
		dev->state = DEVICE_FAILED;
		dev_err(dev, "probe deferred for good: waited for %s\n",
			dev->defer_reason[0] ? dev->defer_reason : "what its driver did not say");
	}
}

struct dt_bus_counts dt_bus_count(const struct dt_bus *bus)
{
	struct dt_bus_counts c = { 0, 0, 0, 0 };
	const struct device *dev;

	list_for_each_entry(dev, &bus->devices, link) {
		switch (dev->state) {
		case DEVICE_BOUND:
			c.bound++;
			break;
		case DEVICE_NO_DRIVER:
			c.no_driver++;
			break;
		case DEVICE_FAILED:
			c.failed++;
			break;
		case DEVICE_PENDING:
		case DEVICE_DEFERRED:
			c.waiting++;
			break;
		}
	}
	return c;
}

void dt_bus_release(struct dt_bus *bus)
{
	while (!list_empty(&bus->devices)) {
		struct device *dev = list_entry(bus->devices.prev, struct device, link);

		if (dev->state == DEVICE_BOUND && dev->driver->remove)
			dev->driver->remove(dev);
		list_del(&dev->link);
		if (!dev->early)
			kfree(dev);
	}
}
