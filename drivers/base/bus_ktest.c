// SPDX-License-Identifier: MIT
/*
 * The driver model on a tree of its own (bus_ktest.dts, built in) with
 * drivers of its own: matching, deferred probes retried after what they
 * wait for, failures logged while the rest binds, disabled nodes left
 * alone, reg through ranges and interrupts through irq domains.
 *
 * The first case makes the bus (populate, probe, give up on the deferred)
 * with a recording console at loglevel 8; the others look at it; the last
 * releases it.  Other harts may print meanwhile, so the record is
 * searched, not compared whole.
 */
#include <tern/console.h>
#include <tern/device.h>
#include <tern/irqdomain.h>
#include <tern/kernel.h>
#include <tern/ktest.h>
#include <tern/slab.h>
#include <tern/string.h>
#include "base.h"

extern const u8 __dtb_bus_ktest_begin[], __dtb_bus_ktest_end[];

#define TREE_BASE	0x40000000	/* where bus@40000000 puts its children */
#define LOG_SIZE	8192
#define MAX_PROBED	32

static struct fdt tree;
static struct dt_bus bus;
static bool bus_ready;

/* ---- the recording console ---- */

static struct {
	struct console con;
	char text[LOG_SIZE];	/* NUL-ended, cut short when full */
	size_t len;
} record;

static void record_write(struct console *con, const char *s, size_t n)
{
	size_t room = sizeof(record.text) - 1 - record.len;

	memcpy(record.text + record.len, s, MIN(n, room));
	record.len += MIN(n, room);
	record.text[record.len] = '\0';
}

static bool logged(const char *what)
{
	return strstr(record.text, what) != NULL;
}

/* ---- the drivers ---- */

static struct {
	const struct device *dev;
	unsigned int probes;
} probed[MAX_PROBED];
static unsigned int removed;

static unsigned int probes_of(const struct device *dev)
{
	unsigned int i;

	for (i = 0; i < MAX_PROBED; i++)
		if (probed[i].dev == dev)
			return probed[i].probes;
	return 0;
}

static void count_probe(const struct device *dev)
{
	unsigned int i;

	for (i = 0; i < MAX_PROBED; i++)
		if (probed[i].dev == dev || !probed[i].dev) {
			probed[i].dev = dev;
			probed[i].probes++;
			return;
		}
}

/* Two cells: the line, and a trigger type of 0-3. */
static int test_intc_xlate(struct irq_domain *d, const u32 *cells, unsigned int nr_cells,
			   unsigned long *hwirq)
{
	if (nr_cells != 2 || cells[1] > 3)
		return -EINVAL;
	*hwirq = cells[0];
	return 0;
}

static const struct irq_domain_ops test_intc_ops = { .xlate = test_intc_xlate };

/* Its irq numbers start at its offset in the bus: 0x1000 for intc_b, 0x3000 for intc_a. */
static int test_intc_probe(struct device *dev)
{
	struct irq_domain *d;
	struct resource res;
	int err;

	count_probe(dev);
	if (dev_irq_count(dev) > 0) {
		int irq = dev_irq(dev, 0);	/* chained to another controller */

		if (irq < 0)
			return irq;
	}
	err = dev_resource(dev, 0, &res);
	if (err)
		return err;
	d = kzalloc(sizeof(*d), GFP_KERNEL);
	if (!d)
		return -ENOMEM;
	*d = (struct irq_domain){
		.name = "test-intc", .fdt = dev->fdt, .node = dev->node, .ops = &test_intc_ops,
		.irq_base = (unsigned int)(res.start - TREE_BASE), .nr_irqs = 32,
	};
	err = irq_domain_add(d);
	if (err) {
		kfree(d);
		return err;
	}
	dev_set_drvdata(dev, d);
	return 0;
}

static void test_intc_remove(struct device *dev)
{
	struct irq_domain *d = dev_get_drvdata(dev);

	irq_domain_remove(d);
	kfree(d);
	removed++;
}

/* Takes every interrupt it has, as a driver would before request_irq. */
static int test_consumer_probe(struct device *dev)
{
	int i, n = dev_irq_count(dev);

	count_probe(dev);
	if (n < 0)
		return n;
	for (i = 0; i < n; i++) {
		int irq = dev_irq(dev, (unsigned int)i);

		if (irq < 0)
			return irq;
	}
	return 0;
}

static int test_fail_probe(struct device *dev)
{
	count_probe(dev);
	return -EIO;
}

static int test_stuck_probe(struct device *dev)
{
	count_probe(dev);
	return dev_err_probe(dev, -EPROBE_DEFER, "a clock that never comes\n");
}

static int test_plain_probe(struct device *dev)
{
	count_probe(dev);
	return 0;
}

static const struct of_device_id test_intc_match[] = {
	{ .compatible = "tern,test-intc" }, { } };
static const struct of_device_id test_consumer_match[] = {
	{ .compatible = "tern,test-consumer" }, { } };
static const struct of_device_id test_fail_match[] = {
	{ .compatible = "tern,test-fail" }, { } };
static const struct of_device_id test_stuck_match[] = {
	{ .compatible = "tern,test-intc-stuck" }, { } };
static const struct of_device_id test_generic_match[] = {
	{ .compatible = "tern,test-generic", .data = "generic" }, { } };
static const struct of_device_id test_specific_match[] = {
	{ .compatible = "tern,test-specific", .data = "specific" }, { } };

static const struct driver test_intc = {
	.name = "test-intc", .of_match = test_intc_match,
	.probe = test_intc_probe, .remove = test_intc_remove,
};
static const struct driver test_consumer = {
	.name = "test-consumer", .of_match = test_consumer_match, .probe = test_consumer_probe,
};
static const struct driver test_fail = {
	.name = "test-fail", .of_match = test_fail_match, .probe = test_fail_probe,
};
static const struct driver test_stuck = {
	.name = "test-intc-stuck", .of_match = test_stuck_match, .probe = test_stuck_probe,
};
/* Same string as test_generic, later in the table: never chosen. */
static const struct driver test_generic_too = {
	.name = "test-generic-too", .of_match = test_generic_match, .probe = test_plain_probe,
};
static const struct driver test_generic = {
	.name = "test-generic", .of_match = test_generic_match, .probe = test_plain_probe,
};
static const struct driver test_specific = {
	.name = "test-specific", .of_match = test_specific_match, .probe = test_plain_probe,
};

static const struct driver *const test_drivers[] = {
	&simple_bus_driver, &test_generic, &test_generic_too, &test_intc, &test_consumer,
	&test_fail, &test_stuck, &test_specific,
};

/* ---- the cases ---- */

static struct device *dev_at(const char *path)
{
	int node = fdt_path_offset(&tree, path);

	return node >= 0 ? dt_bus_find(&bus, node) : NULL;
}

#define EXPECT_STATE(t, path, want_state, want_driver) do {		\
	struct device *__d = dev_at(path);				\
	KTEST_EXPECT(t, __d != NULL);					\
	if (__d) {							\
		KTEST_EXPECT_EQ(t, __d->state, want_state);		\
		KTEST_EXPECT(t, __d->driver == (want_driver));		\
	}								\
} while (0)

#define B "/bus@40000000"

static void bus_is_made(struct ktest *t)
{
	int loglevel = console_get_loglevel();
	size_t size = (size_t)(__dtb_bus_ktest_end - __dtb_bus_ktest_begin);

	KTEST_ASSERT(t, fdt_init(&tree, __dtb_bus_ktest_begin, size) == 0);
	bus = (struct dt_bus){
		.name = "ktest-tree", .fdt = &tree, .drivers = test_drivers,
		.nr_drivers = ARRAY_SIZE(test_drivers),
		.devices = LIST_HEAD_INIT(bus.devices),
	};
	record.con = (struct console){ .name = "ktest-bus", .write = record_write,
				       .flags = CON_BOOT };
	record.len = 0;
	record.text[0] = '\0';
	KTEST_ASSERT(t, register_console(&record.con) == 0);
	console_set_loglevel(LOGLEVEL_DEBUG + 1);
	KTEST_EXPECT_EQ(t, dt_bus_populate(&bus), 0);
	dt_bus_probe(&bus);
	dt_bus_give_up(&bus);
	console_set_loglevel(loglevel);
	unregister_console(&record.con);
	bus_ready = true;
}

static void devices_bind_by_compatible(struct ktest *t)
{
	KTEST_ASSERT(t, bus_ready);
	EXPECT_STATE(t, B, DEVICE_BOUND, &simple_bus_driver);
	EXPECT_STATE(t, B "/bus@8000", DEVICE_BOUND, &simple_bus_driver);
	EXPECT_STATE(t, B "/interrupt-controller@3000", DEVICE_BOUND, &test_intc);
	EXPECT_STATE(t, B "/parent@d000", DEVICE_BOUND, &test_generic);
	EXPECT_STATE(t, "/named-only", DEVICE_BOUND, &test_generic);
	EXPECT_STATE(t, "/okay-node", DEVICE_BOUND, &test_generic);
	EXPECT_STATE(t, B "/orphan@6000", DEVICE_NO_DRIVER, NULL);
	EXPECT_STATE(t, B "/interrupt-controller@c000", DEVICE_NO_DRIVER, NULL);
	KTEST_EXPECT(t, logged("ktest-tree 40006000.orphan: no driver for \"tern,nobody\", "
			       "\"tern,nobody-either\"\n"));
	KTEST_EXPECT(t, logged("test-intc 40003000.interrupt-controller: bound\n"));
}

/* The node's order of strings decides, then the table's order. */
static void the_most_specific_compatible_wins(struct ktest *t)
{
	struct device *specific = dev_at(B "/specific@7000"), *generic = dev_at(B "/generic@7100");

	KTEST_ASSERT(t, bus_ready && specific && generic);
	KTEST_EXPECT(t, specific->driver == &test_specific);
	KTEST_EXPECT_STREQ(t, dev_get_match_data(specific), "specific");
	KTEST_EXPECT(t, generic->driver == &test_generic);
	KTEST_EXPECT_STREQ(t, dev_get_match_data(generic), "generic");
	KTEST_EXPECT_EQ(t, specific->state, DEVICE_BOUND);
	KTEST_EXPECT_EQ(t, generic->state, DEVICE_BOUND);
}

/*
 * intc_b comes before intc_a, its interrupt parent: its first probe
 * defers, and so do its consumers'; once intc_a binds, they all do.
 */
static void a_deferred_probe_binds_after_its_dependency(struct ktest *t)
{
	struct device *intc_b = dev_at(B "/interrupt-controller@1000");
	struct device *intc_a = dev_at(B "/interrupt-controller@3000");
	struct device *c1 = dev_at(B "/consumer@2000"), *c2 = dev_at(B "/bus@8000/consumer@100");

	KTEST_ASSERT(t, bus_ready && intc_b && intc_a && c1 && c2);
	KTEST_EXPECT_EQ(t, intc_b->state, DEVICE_BOUND);
	KTEST_EXPECT_EQ(t, probes_of(intc_b), 2);
	KTEST_EXPECT_EQ(t, probes_of(intc_a), 1);
	KTEST_EXPECT_EQ(t, c1->state, DEVICE_BOUND);
	KTEST_EXPECT_EQ(t, probes_of(c1), 2);
	KTEST_EXPECT_EQ(t, c2->state, DEVICE_BOUND);
	KTEST_EXPECT_EQ(t, probes_of(c2), 2);
	KTEST_EXPECT(t, logged("test-intc 40001000.interrupt-controller: probe deferred: "
			       "interrupt controller 40003000.interrupt-controller\n"));
}

/* Waiting for what never binds ends as a failure that says what it waited for. */
static void a_probe_deferred_to_the_end_fails(struct ktest *t)
{
	struct device *stuck = dev_at(B "/interrupt-controller@9000");
	struct device *waits = dev_at(B "/waits-forever@a000");

	KTEST_ASSERT(t, bus_ready && stuck && waits);
	KTEST_EXPECT_EQ(t, stuck->state, DEVICE_FAILED);
	KTEST_EXPECT_EQ(t, stuck->probe_err, -EPROBE_DEFER);
	KTEST_EXPECT_EQ(t, waits->state, DEVICE_FAILED);
	KTEST_EXPECT_EQ(t, waits->probe_err, -EPROBE_DEFER);
	KTEST_EXPECT(t, probes_of(stuck) >= 2);
	KTEST_EXPECT(t, logged("test-intc-stuck 40009000.interrupt-controller: probe deferred "
			       "for good: waited for a clock that never comes\n"));
	KTEST_EXPECT(t, logged("test-consumer 4000a000.waits-forever: probe deferred for good: "
			       "waited for interrupt controller 40009000.interrupt-controller\n"));
}

/* A failure is logged with its error, and the devices after it still bind. */
static void a_failing_probe_is_logged_and_the_rest_bind(struct ktest *t)
{
	struct device *failing = dev_at(B "/failing@4000"), *dev;
	bool after = false;
	unsigned int bound_after = 0;

	KTEST_ASSERT(t, bus_ready && failing);
	KTEST_EXPECT_EQ(t, failing->state, DEVICE_FAILED);
	KTEST_EXPECT_EQ(t, failing->probe_err, -EIO);
	KTEST_EXPECT_EQ(t, probes_of(failing), 1);	/* a failure is not retried */
	KTEST_EXPECT(t, dev_get_drvdata(failing) == NULL);
	KTEST_EXPECT(t, logged("test-fail 40004000.failing: probe failed: error -5\n"));
	list_for_each_entry(dev, &bus.devices, link) {
		bound_after += after && dev->state == DEVICE_BOUND;
		after = after || dev == failing;
	}
	KTEST_EXPECT_GE(t, bound_after, 5);
	/* Its interrupt controller has no driver: no irq, a failed probe. */
	EXPECT_STATE(t, B "/no-irq-driver@b000", DEVICE_FAILED, &test_consumer);
	KTEST_EXPECT(t, logged("test-consumer 4000b000.no-irq-driver: probe failed: error -6\n"));
}

static void disabled_and_off_bus_nodes_get_no_device(struct ktest *t)
{
	KTEST_ASSERT(t, bus_ready);
	KTEST_EXPECT(t, dev_at(B "/disabled@5000") == NULL);
	KTEST_EXPECT(t, dev_at(B "/parent@d000/child") == NULL);	/* not below a bus */
	KTEST_EXPECT(t, dev_at("/no-compatible") == NULL);
	KTEST_EXPECT(t, fdt_path_offset(&tree, B "/disabled@5000") > 0);
	KTEST_EXPECT_EQ(t, bus.nr_disabled, 1);
}

static void names_are_the_cpu_address_and_the_node_name(struct ktest *t)
{
	struct device *dev;

	KTEST_ASSERT(t, bus_ready);
	dev = dev_at(B "/consumer@2000");
	KTEST_ASSERT(t, dev != NULL);
	KTEST_EXPECT_STREQ(t, dev_name(dev), "40002000.consumer");
	dev = dev_at(B "/bus@8000/consumer@100");
	KTEST_ASSERT(t, dev != NULL);
	KTEST_EXPECT_STREQ(t, dev_name(dev), "40008100.consumer");
	KTEST_EXPECT(t, dev->parent == dev_at(B "/bus@8000"));
	KTEST_EXPECT(t, dev->parent->parent == dev_at(B));
	KTEST_EXPECT(t, dev_at(B)->parent == NULL);
	dev = dev_at("/named-only");
	KTEST_ASSERT(t, dev != NULL);
	KTEST_EXPECT_STREQ(t, dev_name(dev), "named-only");
	KTEST_EXPECT_STREQ(t, dev_name(dev_at(B)), "bus");
}

static void resources_go_through_every_bus(struct ktest *t)
{
	struct device *c1 = dev_at(B "/consumer@2000"), *c2 = dev_at(B "/bus@8000/consumer@100");
	struct resource res;
	void __iomem *regs;

	KTEST_ASSERT(t, bus_ready && c1 && c2);
	KTEST_EXPECT_EQ(t, dev_resource_count(c1), 2);
	KTEST_ASSERT(t, dev_resource(c1, 0, &res) == 0);
	KTEST_EXPECT_EQ(t, res.start, TREE_BASE + 0x2000);
	KTEST_EXPECT_EQ(t, res.size, 0x100);
	KTEST_ASSERT(t, dev_resource(c1, 1, &res) == 0);
	KTEST_EXPECT_EQ(t, res.start, TREE_BASE + 0x2800);
	KTEST_EXPECT_EQ(t, res.size, 0x10);
	KTEST_EXPECT_EQ(t, dev_resource(c1, 2, &res), -ENOENT);
	KTEST_ASSERT(t, dev_resource(c2, 0, &res) == 0);
	KTEST_EXPECT_EQ(t, res.start, TREE_BASE + 0x8100);
	KTEST_EXPECT_EQ(t, res.size, 0x10);
	/* Errors come back as ERR_PTR; nothing of this tree is mapped. */
	regs = dev_ioremap_resource(c1, 2);
	KTEST_EXPECT(t, IS_ERR(regs) && PTR_ERR(regs) == -ENOENT);
	regs = dev_ioremap_resource(dev_at("/named-only"), 0);
	KTEST_EXPECT(t, IS_ERR(regs) && PTR_ERR(regs) == -ENOENT);
	KTEST_EXPECT_EQ(t, dev_resource_count(dev_at("/named-only")), 0);
}

static void interrupts_go_through_the_controllers_domains(struct ktest *t)
{
	struct device *c1 = dev_at(B "/consumer@2000"), *c2 = dev_at(B "/bus@8000/consumer@100");
	struct device *bad = dev_at(B "/bad-cells@e000");

	KTEST_ASSERT(t, bus_ready && c1 && c2 && bad);
	KTEST_EXPECT_EQ(t, dev_irq_count(c1), 2);
	KTEST_EXPECT_EQ(t, dev_irq(c1, 0), 0x1000 + 5);	/* intc_b's numbers */
	KTEST_EXPECT_EQ(t, dev_irq(c1, 1), 0x1000 + 6);
	KTEST_EXPECT_EQ(t, dev_irq(c1, 2), -ENOENT);
	KTEST_EXPECT_EQ(t, dev_irq_count(c2), 2);
	KTEST_EXPECT_EQ(t, dev_irq(c2, 0), 0x3000 + 7);	/* intc_a's */
	KTEST_EXPECT_EQ(t, dev_irq(c2, 1), 0x1000 + 8);
	KTEST_EXPECT_EQ(t, dev_irq(bad, 0), -EINVAL);		/* trigger 9 */
	KTEST_EXPECT_EQ(t, dev_irq(bad, 1), -ENXIO);		/* line 40 of 32 */
	KTEST_EXPECT_EQ(t, dev_irq(dev_at("/named-only"), 0), -ENOENT);
	KTEST_EXPECT(t, irq_find_domain(&tree, c1->node) == NULL);	/* not a controller */
}

static void the_counts_add_up(struct ktest *t)
{
	struct dt_bus_counts c;

	KTEST_ASSERT(t, bus_ready);
	c = dt_bus_count(&bus);
	KTEST_EXPECT_EQ(t, c.bound, 11);
	KTEST_EXPECT_EQ(t, c.no_driver, 3);	/* orphan, nodrv, bad-cells */
	KTEST_EXPECT_EQ(t, c.failed, 4);	/* failing, stuck, waits-forever, no-irq-driver */
	KTEST_EXPECT_EQ(t, c.waiting, 0);
}

/* Released: every bound device with a remove method is unbound, domains go. */
static void release_unbinds_and_frees(struct ktest *t)
{
	struct device *intc_a = dev_at(B "/interrupt-controller@3000");
	int node;

	KTEST_ASSERT(t, bus_ready && intc_a);
	node = intc_a->node;
	KTEST_EXPECT(t, irq_find_domain(&tree, node) != NULL);
	removed = 0;
	dt_bus_release(&bus);
	bus_ready = false;
	KTEST_EXPECT_EQ(t, removed, 2);		/* intc_a and intc_b */
	KTEST_EXPECT(t, irq_find_domain(&tree, node) == NULL);
	KTEST_EXPECT(t, list_empty(&bus.devices));
}

KTEST_SUITE(driver_model,
	    KTEST_CASE(bus_is_made),
	    KTEST_CASE(devices_bind_by_compatible),
	    KTEST_CASE(the_most_specific_compatible_wins),
	    KTEST_CASE(a_deferred_probe_binds_after_its_dependency),
	    KTEST_CASE(a_probe_deferred_to_the_end_fails),
	    KTEST_CASE(a_failing_probe_is_logged_and_the_rest_bind),
	    KTEST_CASE(disabled_and_off_bus_nodes_get_no_device),
	    KTEST_CASE(names_are_the_cpu_address_and_the_node_name),
	    KTEST_CASE(resources_go_through_every_bus),
	    KTEST_CASE(interrupts_go_through_the_controllers_domains),
	    KTEST_CASE(the_counts_add_up),
	    KTEST_CASE(release_unbinds_and_frees));
