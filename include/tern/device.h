/* SPDX-License-Identifier: MIT */
/*
 * The driver model: devices come from the device tree, drivers say which
 * "compatible" strings they drive, and the kernel binds one to the other
 * (drivers/base/, Documentation/driver-model.md).
 *
 * A driver is a struct driver placed in the .drivers linker section with
 * builtin_driver(), so adding one never edits a central list:
 *
 *	static const struct of_device_id foo_of_match[] = {
 *		{ .compatible = "vendor,foo-2" }, { .compatible = "vendor,foo" }, { }
 *	};
 *
 *	static int foo_probe(struct device *dev)
 *	{
 *		void __iomem *regs = dev_ioremap_resource(dev, 0);
 *		int irq = dev_irq(dev, 0);
 *
 *		if (IS_ERR(regs))
 *			return PTR_ERR(regs);
 *		if (irq < 0) {
 *			iounmap(regs);
 *			return irq;	(-EPROBE_DEFER: its controller is not bound yet)
 *		}
 *		...
 *		dev_info(dev, "%u KiB", size / 1024);
 *		return 0;
 *	}
 *
 *	static const struct driver foo_driver = {
 *		.name = "foo", .of_match = foo_of_match, .probe = foo_probe,
 *	};
 *	builtin_driver(foo_driver);
 *
 * At the device initcall level the kernel creates a device for every
 * enabled node with a "compatible" among the root's children, and below
 * every "simple-bus" node, recursively; a node whose status is not "okay"
 * gets none.  A device is bound to the driver that matches the earliest
 * of its compatible strings (the most specific); between two drivers that
 * match the same string, the first in link order.  Interrupt controllers
 * are probed first, then the rest in tree order, then the probes that
 * answered -EPROBE_DEFER again, as long as a pass binds something, and
 * once more at the late level.  Each bound device is logged at KERN_INFO:
 * by the driver's own dev_info() lines during probe (say what was found:
 * "virtio-blk 10008000.virtio_mmio: 64 MiB"), else by the kernel's
 * "<driver> <device>: bound".  A failed probe is logged with its error
 * and the boot goes on; a node without a driver is logged at KERN_DEBUG
 * (loglevel=8); the late level logs a summary.
 *
 * Contract for a driver's probe:
 *  - it runs in process context on the boot CPU, before the other CPUs
 *    start, one probe at a time; it may allocate and sleep;
 *  - it returns 0 (bound), -EPROBE_DEFER (something it needs is not there
 *    yet: it is called again later), or another -errno (the device stays
 *    unbound, the error is logged);
 *  - when it fails it undoes what it did (iounmap, free_irq, kfree):
 *    nothing is undone for it, and dev's driver data is cleared;
 *  - a driver with .early = true is also offered the devices of the
 *    early initcall level, right after the device tree is validated and
 *    before memory is up: its probe may then use the device tree,
 *    dev_resource, dev_ioremap_resource and printing only (no allocation,
 *    no dev_irq, nothing that sleeps).  That is for the power-off device,
 *    so that a panic from the first line on reports its status.
 *  - remove, if given, undoes a successful probe; only the ktests' own
 *    trees are ever unbound.
 *
 * Devices are created, probed and linked only from initcalls on the boot
 * CPU before the other CPUs start; after that the devices are read-only
 * and may be looked at without a lock.
 */
#ifndef TERN_DEVICE_H
#define TERN_DEVICE_H

#include <tern/compiler.h>
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/fdt.h>
#include <tern/io.h>
#include <tern/list.h>
#include <tern/of.h>
#include <tern/printk.h>
#include <tern/types.h>

struct device;
struct dt_bus;

struct driver {
	const char *name;			/* "sifive-plic": prefixes its messages */
	const struct of_device_id *of_match;	/* ends with an empty entry */
	int (*probe)(struct device *dev);	/* NULL: bound as it is */
	void (*remove)(struct device *dev);	/* optional */
	bool early;				/* also probed at the early level */
};

/* Puts drv (a struct driver) in the .drivers section: registered at link time. */
#define builtin_driver(drv)						\
	static const struct driver *const __driver_##drv		\
	__used __section(".drivers") __aligned(sizeof(void *)) = &(drv)

enum device_state {
	DEVICE_NO_DRIVER,	/* no driver matches its compatible strings */
	DEVICE_PENDING,		/* matched, not probed yet */
	DEVICE_DEFERRED,	/* its probe said -EPROBE_DEFER: tried again */
	DEVICE_BOUND,		/* its probe returned 0 */
	DEVICE_FAILED,		/* its probe failed, or deferred to the end */
};

/* "10000000.serial": the CPU address of reg 0 and the node name, as Linux */
#define DEVICE_NAME_MAX		48
#define DEVICE_REASON_MAX	64

struct device {
	char name[DEVICE_NAME_MAX];
	const struct fdt *fdt;			/* the tree its node is in */
	int node;				/* the node's offset in fdt */
	struct device *parent;			/* the bus above it, or NULL */
	struct dt_bus *bus;			/* the set of devices it belongs to */
	const struct driver *driver;		/* the matching driver, or NULL */
	const struct of_device_id *match;	/* the driver's entry that matched */
	void *driver_data;			/* the driver's, from probe on */
	enum device_state state;
	int probe_err;				/* the last probe's return */
	/* What a deferred probe waits for (dev_irq and dev_err_probe say). */
	char defer_reason[DEVICE_REASON_MAX];
	bool announced;				/* probe logged a dev_info line */
	bool early;				/* static storage, from the early level */
	struct list_head link;			/* in bus's list, creation order */
};

static inline const char *dev_name(const struct device *dev)
{
	return dev->name;
}

static inline void dev_set_drvdata(struct device *dev, void *data)
{
	dev->driver_data = data;
}

static inline void *dev_get_drvdata(const struct device *dev)
{
	return dev->driver_data;
}

/* The data of the of_match entry the device was bound by. */
static inline const void *dev_get_match_data(const struct device *dev)
{
	return dev->match ? dev->match->data : NULL;
}

/* The driver's name, or "(no driver)". */
const char *dev_driver_name(const struct device *dev);

/*
 * Messages about a device: "<driver> <device>: <message>".  dev_info
 * (or dev_notice, for the few device lines a default boot shows) during
 * probe stands for the kernel's "bound" line.
 */
#define dev_printk(level, dev, fmt, ...)				\
	printk(level "%s %s: " fmt, dev_driver_name(dev), dev_name(dev), ##__VA_ARGS__)
#define dev_err(dev, fmt, ...)	dev_printk(KERN_ERR, dev, fmt, ##__VA_ARGS__)
#define dev_warn(dev, fmt, ...)	dev_printk(KERN_WARNING, dev, fmt, ##__VA_ARGS__)
#define dev_dbg(dev, fmt, ...)	dev_printk(KERN_DEBUG, dev, fmt, ##__VA_ARGS__)
#define dev_info(dev, fmt, ...) ({					\
	struct device *__dev = (dev);					\
	__dev->announced = true;					\
	dev_printk(KERN_INFO, __dev, fmt, ##__VA_ARGS__);		\
})
#define dev_notice(dev, fmt, ...) ({					\
	struct device *__dev = (dev);					\
	__dev->announced = true;					\
	dev_printk(KERN_NOTICE, __dev, fmt, ##__VA_ARGS__);		\
})

/*
 * For a probe's error path: returns err.  -EPROBE_DEFER is not logged
 * but kept as the reason the device waits (logged if it waits to the
 * end); any other error is logged with dev_err.
 */
int dev_err_probe(struct device *dev, int err, const char *fmt, ...) __printf(3, 4);

/*
 * Entry index of the node's reg, in CPU physical addresses (all the
 * buses' ranges applied): 0, or the errors of of_address_to_resource.
 */
int dev_resource(const struct device *dev, unsigned int index, struct resource *res);

/* How many reg entries the device has (0 without reg), or a negative error. */
int dev_resource_count(const struct device *dev);

/*
 * ioremap of reg entry index, whole.  The mapping, or ERR_PTR(-errno):
 * those of dev_resource (logged, naming the entry), or -ENOMEM when the
 * range cannot be mapped.  Undo with iounmap.
 */
void __iomem *dev_ioremap_resource(struct device *dev, unsigned int index);

/*
 * The irq number of the device's interrupt index (interrupts or
 * interrupts-extended), for request_irq: >= 0, or -ENOENT (no such
 * interrupt), -EPROBE_DEFER (its controller is a device not bound yet;
 * the reason is noted for the log), -ENXIO (its controller has no domain
 * and will get none: no driver, a failed probe; or the line has no irq
 * number, as a hart-local interrupt), -EINVAL / -EOPNOTSUPP (the
 * device tree's cells, see of_irq_parse and irq_domain_map).
 */
int dev_irq(struct device *dev, unsigned int index);

/* How many interrupts the device has (0 if none), or a negative error. */
int dev_irq_count(const struct device *dev);

/* The device of the boot tree's node, or NULL (none, or not yet created). */
struct device *device_find_by_node(int node);

#endif
