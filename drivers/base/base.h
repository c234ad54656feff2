/* SPDX-License-Identifier: MIT */
/*
 * Inside the driver model: a struct dt_bus is one device tree, the
 * drivers offered to its nodes and the devices made from it.  The kernel
 * has one, over boot_fdt and the .drivers section (platform.c); a ktest
 * makes its own over a test tree and drivers of its own, and releases it.
 *
 * Contract: one thread at a time works on a bus (the boot CPU's
 * initcalls, or the ktest that owns it); the functions below do not lock.
 */
#ifndef DRIVERS_BASE_BASE_H
#define DRIVERS_BASE_BASE_H

#include <tern/device.h>

/* How deep simple-bus nodes may nest; deeper ones are logged and skipped. */
#define DT_BUS_MAX_DEPTH	8

struct dt_bus {
	const char *name;			/* "platform", or a test's */
	const struct fdt *fdt;
	const struct driver *const *drivers;	/* nr_drivers of them */
	size_t nr_drivers;
	struct list_head devices;		/* struct device.link, creation order */
	unsigned int nr_disabled;		/* nodes skipped for their status */
	/*
	 * Set for the early level: only nodes that an early driver takes get
	 * a device, from this pool, and bound devices are not logged yet.
	 */
	struct device *early_pool;
	unsigned int early_pool_size, early_used;
};

struct dt_bus_counts {
	unsigned int bound, no_driver, failed, waiting;	/* waiting: pending or deferred */
};

/* The driver that takes the node, with its matching entry in *match; or NULL. */
const struct driver *dt_bus_match(const struct dt_bus *bus, int node,
				  const struct of_device_id **match);

/*
 * Creates a device for every enabled node with a compatible among the
 * root's children and, recursively, a simple-bus node's; a node that has
 * a device already keeps it (and gets its parent set).  0, or -ENOMEM
 * (logged; the devices made so far stay).  With an early pool, only the
 * early drivers' nodes get one.
 */
int dt_bus_populate(struct dt_bus *bus);

/*
 * Probes the pending devices (interrupt controllers first), then the
 * deferred ones again while a pass binds any.  Those still deferred stay
 * so, for a later call.
 */
void dt_bus_probe(struct dt_bus *bus);

/* The deferred devices fail for good, each logged with what it waited for. */
void dt_bus_give_up(struct dt_bus *bus);

struct dt_bus_counts dt_bus_count(const struct dt_bus *bus);

/* The device of node, or NULL. */
struct device *dt_bus_find(const struct dt_bus *bus, int node);

/* Unbinds (remove) in reverse order and frees every allocated device. */
void dt_bus_release(struct dt_bus *bus);

/* The built-in driver of "simple-bus" nodes (platform.c), for test buses too. */
extern const struct driver simple_bus_driver;

#endif
