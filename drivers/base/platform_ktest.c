// SPDX-License-Identifier: MIT
/*
 * The kernel's own devices, compared with what the boot device tree says:
 * every enabled node on the bus has a device, bound when a driver of this
 * kernel takes one of its compatible strings; resources and interrupts
 * are the tree's; the power-off and restart drivers in use are the best
 * the tree and the configuration allow.
 */
#include <tern/boot.h>
#include <tern/device.h>
#include <tern/irqdomain.h>
#include <tern/kernel.h>
#include <tern/ktest.h>
#include <tern/reboot.h>
#include <tern/string.h>
#include "base.h"

extern const struct driver *const __drivers_start[], *const __drivers_end[];

#define VIRTIO_MMIO_MAGIC	0x74726976	/* "virt" */

/* Does any driver of this kernel take one of the node's compatible strings? */
static bool has_driver(int node)
{
	const struct driver *const *drv;

	for (drv = __drivers_start; drv < __drivers_end; drv++)
		if ((*drv)->of_match && of_match_node((*drv)->of_match, &boot_fdt, node, NULL))
			return true;
	return false;
}

struct walk {
	struct ktest *t;
	unsigned int bound, unbound, disabled;
};

/* The rule of <tern/device.h>: the root's children, and below simple-bus nodes. */
static void check_below(struct walk *w, int node, int depth)
{
	int child, len;

	for (child = fdt_first_child(&boot_fdt, node); child >= 0;
	     child = fdt_next_sibling(&boot_fdt, child)) {
		struct device *dev = device_find_by_node(child);

		if (!fdt_getprop(&boot_fdt, child, "compatible", &len)) {
			KTEST_EXPECT(w->t, dev == NULL);
			continue;
		}
		if (!fdt_node_is_available(&boot_fdt, child)) {
			KTEST_EXPECT(w->t, dev == NULL);
			w->disabled++;
			continue;
		}
		KTEST_EXPECT(w->t, dev != NULL);
		if (!dev)
			continue;
		if (has_driver(child)) {
			KTEST_EXPECT_EQ(w->t, dev->state, DEVICE_BOUND);
			w->bound++;
		} else {
			KTEST_EXPECT_EQ(w->t, dev->state, DEVICE_NO_DRIVER);
			w->unbound++;
		}
		if (depth < DT_BUS_MAX_DEPTH &&
		    !fdt_node_check_compatible(&boot_fdt, child, "simple-bus"))
			check_below(w, child, depth + 1);
	}
}

static void every_enabled_node_with_a_driver_is_bound(struct ktest *t)
{
	struct walk w = { t, 0, 0, 0 };
	int cpus = fdt_path_offset(&boot_fdt, "/cpus"), node;

	check_below(&w, 0, 0);
	KTEST_EXPECT_GE(t, w.bound + w.unbound, 1);
	/* Nodes off the bus get none: the cpus and their controllers. */
	for (node = fdt_first_child(&boot_fdt, cpus); cpus >= 0 && node >= 0;
	     node = fdt_next_sibling(&boot_fdt, node))
		KTEST_EXPECT(t, device_find_by_node(node) == NULL);
	if (IS_ENABLED(CONFIG_IRQCHIP_SIFIVE_PLIC))
		KTEST_EXPECT_GE(t, w.bound, 2);	/* the PLIC and the soc bus at least */
}

/* On QEMU virt every bus maps 1:1 ("ranges;"), so reg is the CPU address. */
static bool identity_mapped(int node)
{
	int bus, len;

	for (bus = fdt_parent_offset(&boot_fdt, node); bus > 0;
	     bus = fdt_parent_offset(&boot_fdt, bus))
		if (!fdt_getprop(&boot_fdt, bus, "ranges", &len) || len != 0)
			return false;
	return true;
}

static void resources_are_the_trees(struct ktest *t)
{
	int node, checked = 0;

	for (node = fdt_next_node(&boot_fdt, -1, NULL); node >= 0;
	     node = fdt_next_node(&boot_fdt, node, NULL)) {
		struct device *dev = device_find_by_node(node);
		int i, count;

		if (!dev)
			continue;
		count = dev_resource_count(dev);
		KTEST_EXPECT_EQ(t, count, of_reg_count(&boot_fdt, node));
		for (i = 0; i < count; i++) {
			struct resource res;
			u64 addr, size;

			KTEST_ASSERT(t, fdt_get_reg(&boot_fdt, node, i, &addr, &size) == 0);
			if (!identity_mapped(node))
				continue;
			KTEST_ASSERT(t, dev_resource(dev, (unsigned int)i, &res) == 0);
			KTEST_EXPECT_EQ(t, res.start, addr);
			KTEST_EXPECT_EQ(t, res.size, size);
			checked++;
		}
	}
	KTEST_EXPECT_GE(t, checked, 1);
}

/* The mapping reaches the device: each virtio-mmio slot says "virt". */
static void ioremap_resource_reaches_the_registers(struct ktest *t)
{
	int node = -1;

	while ((node = fdt_node_offset_by_compatible(&boot_fdt, node, "virtio,mmio")) >= 0) {
		struct device *dev = device_find_by_node(node);
		void __iomem *regs;

		if (!fdt_node_is_available(&boot_fdt, node))
			continue;
		KTEST_ASSERT(t, dev != NULL);
		regs = dev_ioremap_resource(dev, 0);
		KTEST_ASSERT(t, !IS_ERR(regs));
		KTEST_EXPECT_EQ(t, readl(regs), VIRTIO_MMIO_MAGIC);
		iounmap(regs);
	}
}

/* The PLIC's domain: a device's irq number is the source its interrupts cell names. */
static void irq_numbers_are_the_plic_sources(struct ktest *t)
{
	int plic = fdt_node_offset_by_compatible(&boot_fdt, -1, "riscv,plic0"), node;
	struct device *plic_dev = plic >= 0 ? device_find_by_node(plic) : NULL;
	bool bound = plic_dev && plic_dev->state == DEVICE_BOUND;
	unsigned int checked = 0;

	if (IS_ENABLED(CONFIG_IRQCHIP_SIFIVE_PLIC) && plic >= 0)
		KTEST_EXPECT(t, bound);
	if (bound)
		KTEST_EXPECT(t, irq_find_domain(&boot_fdt, plic) != NULL);
	for (node = fdt_next_node(&boot_fdt, -1, NULL); node >= 0;
	     node = fdt_next_node(&boot_fdt, node, NULL)) {
		struct device *dev = device_find_by_node(node);
		struct of_irq_spec spec;
		int i, n;

		if (!dev)
			continue;
		n = dev_irq_count(dev);
		for (i = 0; i < n; i++) {
			KTEST_ASSERT(t, of_irq_parse(&boot_fdt, node, i, &spec) == 0);
			if (spec.controller != plic)
				continue;
			KTEST_EXPECT_EQ(t, dev_irq(dev, (unsigned int)i),
					bound ? (int)spec.cells[0] : -ENXIO);
			checked++;
		}
	}
	if (plic >= 0)
		KTEST_EXPECT_GE(t, checked, 1);
}

static bool tree_has(const char *compatible)
{
	int node = fdt_node_offset_by_compatible(&boot_fdt, -1, compatible);

	return node >= 0 && fdt_node_is_available(&boot_fdt, node);
}

/*
 * The power-off handler in use carries the most status it can: the test
 * finisher (bound early), then semihosting (sifive_u), then syscon-poweroff.
 */
static void the_best_power_off_driver_is_used(struct ktest *t)
{
	const char *name = power_off_handler_name();

	if (IS_ENABLED(CONFIG_POWER_RESET_SIFIVE_TEST) &&
	    (tree_has("sifive,test1") || tree_has("sifive,test0"))) {
		int node = fdt_node_offset_by_compatible(&boot_fdt, -1, "sifive,test0");
		struct device *dev = node >= 0 ? device_find_by_node(node) : NULL;

		KTEST_EXPECT_STREQ(t, name, "sifive-test");
		KTEST_ASSERT(t, dev != NULL);
		KTEST_EXPECT(t, dev->early);
		KTEST_EXPECT_EQ(t, dev->state, DEVICE_BOUND);
	} else if (IS_ENABLED(CONFIG_POWER_RESET_SEMIHOSTING)) {
		KTEST_EXPECT_STREQ(t, name, "semihosting");
	} else if (IS_ENABLED(CONFIG_POWER_RESET_SYSCON_POWEROFF) && tree_has("syscon-poweroff")) {
		KTEST_EXPECT_STREQ(t, name, "syscon-poweroff");
	} else {
		KTEST_EXPECT(t, name == NULL);
	}
	if (IS_ENABLED(CONFIG_POWER_RESET_SYSCON_REBOOT) && tree_has("syscon-reboot"))
		KTEST_EXPECT_STREQ(t, restart_handler_name(), "syscon-reboot");
	else
		KTEST_EXPECT(t, restart_handler_name() == NULL);
}

KTEST_SUITE(devices,
	    KTEST_CASE(every_enabled_node_with_a_driver_is_bound),
	    KTEST_CASE(resources_are_the_trees),
	    KTEST_CASE(ioremap_resource_reaches_the_registers),
	    KTEST_CASE(irq_numbers_are_the_plic_sources),
	    KTEST_CASE(the_best_power_off_driver_is_used));
