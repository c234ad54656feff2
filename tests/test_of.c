// SPDX-License-Identifier: MIT
/*
 * Host tests for drivers/base/of.c: compatible matching, phandles, reg
 * translated through ranges, and interrupts resolved to their controller.
 *
 * Trees: argv[1] and argv[2] are the device trees QEMU dumps for its rv64
 * and rv32 virt machines, where every bus maps its children 1:1; argv[3]
 * is tests/dt/of.dts, made by hand with buses whose ranges move
 * addresses, interrupt parents of every kind and one defect per node
 * under /bad.
 *
 * Only <tern/of.h> and <tern/fdt.h>, whose names do not clash with the C
 * library, are used here, so no tests/rename.h.
 */
#include <stdint.h>
#include "harness.h"

#include <tern/errno.h>
#include <tern/of.h>

struct tree {
	uint8_t *blob;		/* exact size, so ASan sees any read past the end */
	struct fdt fdt;
};

static struct tree trees[3];	/* rv64 virt, rv32 virt, of.dts */
#define VIRT64	0
#define VIRT32	1
#define HAND	2

static const struct fdt *load(int i)
{
	struct tree *t = &trees[i];
	long n;
	FILE *fp;

	if (t->blob)
		return &t->fdt;
	if (harness_argc < 4) {
		FAIL("usage: test_of virt64.dtb virt32.dtb of.dtb");
		return NULL;
	}
	fp = fopen(harness_argv[1 + i], "rb");
	if (!fp) {
		FAIL("cannot open %s", harness_argv[1 + i]);
		return NULL;
	}
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	t->blob = malloc(n);
	if (fread(t->blob, 1, n, fp) != (size_t)n || fdt_init(&t->fdt, t->blob, n)) {
		FAIL("%s is not a DTB", harness_argv[1 + i]);
		fclose(fp);
		free(t->blob);
		t->blob = NULL;
		return NULL;
	}
	fclose(fp);
	return &t->fdt;
}

#define LOAD(f, i) do { f = load(i); if (!f) return; } while (0)

static int node(const struct fdt *f, const char *path)
{
	int n = fdt_path_offset(f, path);

	if (n < 0)
		FAIL("no node %s", path);
	return n;
}

/* ---- compatible matching ---- */

TEST(match_takes_the_most_specific_compatible)
{
	static const struct of_device_id generic[] = { { "vendor,pic", NULL }, { NULL, NULL } };
	static const struct of_device_id both[] = {
		{ "vendor,pic", "generic" }, { "vendor,pic-2", "specific" }, { NULL, NULL } };
	static const struct of_device_id none[] = { { "vendor,pic-3", NULL }, { NULL, NULL } };
	const struct of_device_id *m;
	const struct fdt *f;
	int pic, rank = -1;

	LOAD(f, HAND);
	pic = node(f, "/soc/interrupt-controller@100000");
	m = of_match_node(generic, f, pic, &rank);
	EXPECT(m == &generic[0]);
	EXPECT_EQ(rank, 1);
	/* The node's order decides, not the table's. */
	m = of_match_node(both, f, pic, &rank);
	EXPECT(m == &both[1]);
	EXPECT_EQ(rank, 0);
	EXPECT(of_match_node(none, f, pic, &rank) == NULL);
	EXPECT(of_match_node(generic, f, node(f, "/soc/uart@200000"), NULL) == NULL);
	EXPECT(of_match_node(generic, f, node(f, "/cpus"), NULL) == NULL);	/* no compatible */
}

TEST(match_ignores_an_unterminated_compatible)
{
	static const struct of_device_id dev[] = { { "vendor,dev", NULL }, { NULL, NULL } };
	const struct fdt *f;
	int len;

	LOAD(f, HAND);
	EXPECT(of_match_node(dev, f, node(f, "/bad/unterminated"), NULL) == NULL);
	EXPECT(of_compatible_string(f, node(f, "/bad/unterminated"), 0, &len) == NULL);
}

TEST(compatible_strings_in_order)
{
	const struct fdt *f;
	const char *s;
	int soc, len;

	LOAD(f, HAND);
	soc = node(f, "/soc");
	s = of_compatible_string(f, soc, 0, &len);
	ASSERT(s);
	EXPECT_EQ(len, 10);
	EXPECT(memcmp(s, "vendor,soc", 10) == 0);
	s = of_compatible_string(f, soc, 1, &len);
	ASSERT(s);
	EXPECT_EQ(len, 10);
	EXPECT(memcmp(s, "simple-bus", 10) == 0);
	EXPECT(of_compatible_string(f, soc, 2, &len) == NULL);
	EXPECT(of_compatible_string(f, soc, -1, &len) == NULL);
}

TEST(phandles_and_names)
{
	const struct fdt *f;
	const char *name;
	int pic, len;

	LOAD(f, HAND);
	pic = node(f, "/soc/interrupt-controller@100000");
	EXPECT_EQ(of_parse_phandle(f, node(f, "/soc"), "interrupt-parent"), pic);
	EXPECT_EQ(of_node_by_phandle(f, 0), -ENOENT);
	EXPECT_EQ(of_node_by_phandle(f, 0xffffffff), -ENOENT);
	EXPECT_EQ(of_node_by_phandle(f, 0x4242), -ENOENT);
	EXPECT_EQ(of_parse_phandle(f, pic, "no-such-property"), -ENOENT);
	name = of_node_basename(f, node(f, "/soc/uart@200000"), &len);
	ASSERT(name);
	EXPECT_EQ(len, 4);
	EXPECT(memcmp(name, "uart", 4) == 0);
	name = of_node_basename(f, node(f, "/soc/bus@1000000/bus@8000/leaf@1,40"), &len);
	ASSERT(name);
	EXPECT_EQ(len, 4);
	name = of_node_basename(f, node(f, "/soc"), &len);
	ASSERT(name);
	EXPECT_EQ(len, 3);
	name = of_node_basename(f, 0, &len);	/* the root */
	ASSERT(name);
	EXPECT_EQ(len, 0);
}

/* ---- reg and ranges ---- */

static void expect_resource(const struct fdt *f, const char *path, int index,
			    unsigned long long start, unsigned long long size)
{
	struct resource r = { 0, 0 };
	int err = of_address_to_resource(f, node(f, path), index, &r);

	if (!EXPECT_EQ(err, 0))
		printf("# %s reg[%d]\n", path, index);
	EXPECT_EQ(r.start, start);
	EXPECT_EQ(r.size, size);
}

static void expect_resource_error(const struct fdt *f, const char *path, int index, int want)
{
	struct resource r = { 0x1234, 0x5678 };

	if (!EXPECT_EQ(of_address_to_resource(f, node(f, path), index, &r), want))
		printf("# %s reg[%d]\n", path, index);
	EXPECT_EQ(r.start, 0x1234);	/* untouched on error */
	EXPECT_EQ(r.size, 0x5678);
}

TEST(reg_through_one_bus)
{
	const struct fdt *f;

	LOAD(f, HAND);
	expect_resource(f, "/soc/uart@200000", 0, 0x40200000, 0x100);
	expect_resource(f, "/soc/interrupt-controller@100000", 0, 0x40100000, 0x1000);
	EXPECT_EQ(of_reg_count(f, node(f, "/soc/uart@200000")), 1);
	expect_resource_error(f, "/soc/uart@200000", 1, -ENOENT);
	expect_resource_error(f, "/soc/uart@200000", -1, -ENOENT);
}

TEST(reg_through_nested_buses_and_several_ranges)
{
	const struct fdt *f;

	LOAD(f, HAND);
	/* first range of bus@1000000, then soc's */
	expect_resource(f, "/soc/bus@1000000/dev@0", 0, 0x41000000, 0x100);
	/* second range of bus@1000000 */
	expect_resource(f, "/soc/bus@1000000/dev@0", 1, 0x42000800, 0x10);
	EXPECT_EQ(of_reg_count(f, node(f, "/soc/bus@1000000/dev@0")), 2);
	/* 2-cell child address 0x1_00000040 -> 0x8040 -> 0x2000040 -> 0x42000040 */
	expect_resource(f, "/soc/bus@1000000/bus@8000/leaf@1,40", 0, 0x42000040, 0x20);
}

TEST(reg_with_two_cell_sizes_up_to_the_top)
{
	const struct fdt *f;

	LOAD(f, HAND);
	expect_resource(f, "/top@ffffffff00000000", 0, 0xffffffff00000000ull, 0x100000000ull);
	expect_resource_error(f, "/wraps@ffffffff00000000", 0, -EOVERFLOW);
}

TEST(reg_that_is_no_cpu_address)
{
	const struct fdt *f;

	LOAD(f, HAND);
	EXPECT_EQ(of_reg_count(f, node(f, "/i2c@10000/sensor@48")), 1);
	expect_resource_error(f, "/i2c@10000/sensor@48", 0, -ENXIO);	/* no ranges */
	expect_resource_error(f, "/noranges/child@10", 0, -ENXIO);
	expect_resource_error(f, "/bad/outside@2000", 0, -ENXIO);
	expect_resource_error(f, "/bad/straddles@ff0", 0, -ENXIO);	/* partly inside */
}

TEST(reg_malformed_or_absent)
{
	const struct fdt *f;

	LOAD(f, HAND);
	EXPECT_EQ(of_reg_count(f, node(f, "/bad/short-reg")), -EINVAL);
	expect_resource_error(f, "/bad/short-reg", 0, -EINVAL);
	EXPECT_EQ(of_reg_count(f, node(f, "/soc")), 0);
	expect_resource_error(f, "/soc", 0, -ENOENT);
	/* pci's 3-cell addresses are not understood: its children would be refused */
	EXPECT_EQ(of_reg_count(f, node(f, "/soc/pci@500000")), 1);
}

/* ---- interrupts ---- */

static void expect_irq(const struct fdt *f, const char *path, int index, const char *ctrl,
		       unsigned int nr_cells, uint32_t c0, uint32_t c1)
{
	struct of_irq_spec spec;
	int err;

	memset(&spec, 0, sizeof(spec));
	err = of_irq_parse(f, node(f, path), index, &spec);
	if (!EXPECT_EQ(err, 0)) {
		printf("# %s interrupt %d\n", path, index);
		return;
	}
	EXPECT_EQ(spec.controller, node(f, ctrl));
	EXPECT_EQ(spec.nr_cells, nr_cells);
	EXPECT_EQ(spec.cells[0], c0);
	if (nr_cells > 1)
		EXPECT_EQ(spec.cells[1], c1);
}

static void expect_irq_error(const struct fdt *f, const char *path, int index, int want)
{
	struct of_irq_spec spec;

	if (!EXPECT_EQ(of_irq_parse(f, node(f, path), index, &spec), want))
		printf("# %s interrupt %d\n", path, index);
}

#define PIC	"/soc/interrupt-controller@100000"
#define PIC2	"/soc/interrupt-controller@300000"
#define INTC	"/cpus/cpu@0/interrupt-controller"

TEST(interrupts_go_to_the_inherited_interrupt_parent)
{
	const struct fdt *f;

	LOAD(f, HAND);
	expect_irq(f, "/soc/uart@200000", 0, PIC, 2, 10, 4);
	/* dev@0 -> bus@1000000 -> soc, whose interrupt-parent is the pic */
	expect_irq(f, "/soc/bus@1000000/dev@0", 0, PIC, 2, 3, 0);
	expect_irq(f, "/soc/bus@1000000/dev@0", 1, PIC, 2, 4, 1);
	EXPECT_EQ(of_irq_count(f, node(f, "/soc/bus@1000000/dev@0")), 2);
	expect_irq_error(f, "/soc/bus@1000000/dev@0", 2, -ENOENT);
	EXPECT_EQ(of_irq_find_parent(f, node(f, "/soc/bus@1000000/dev@0")), node(f, PIC));
	/* a controller's own interrupts go to its parent, not to itself */
	expect_irq(f, PIC2, 0, PIC, 2, 20, 0);
}

TEST(interrupts_to_a_named_parent)
{
	const struct fdt *f;

	LOAD(f, HAND);
	expect_irq(f, "/soc/bus@1000000/bus@8000/leaf@1,40", 0, PIC2, 1, 7, 0);
	EXPECT_EQ(of_irq_count(f, node(f, "/soc/bus@1000000/bus@8000/leaf@1,40")), 1);
}

TEST(interrupts_extended_with_mixed_cell_counts)
{
	const struct fdt *f;

	LOAD(f, HAND);
	expect_irq(f, "/soc/ext@400000", 0, PIC, 2, 5, 1);
	expect_irq(f, "/soc/ext@400000", 1, PIC2, 1, 6, 0);
	expect_irq(f, "/soc/ext@400000", 2, INTC, 1, 9, 0);
	expect_irq_error(f, "/soc/ext@400000", 3, -ENOENT);
	EXPECT_EQ(of_irq_count(f, node(f, "/soc/ext@400000")), 3);
	/* interrupts-extended wins over the inherited interrupt-parent */
	expect_irq(f, PIC, 1, INTC, 1, 9, 0);
}

struct seen {
	int count;
	uint32_t cells[8];
};

static int note(const struct of_irq_spec *spec, int index, void *arg)
{
	struct seen *s = arg;

	if (index != s->count || index >= 8)
		return -1;
	s->cells[s->count++] = spec->cells[0];
	return 0;
}

static int stop_at_second(const struct of_irq_spec *spec, int index, void *arg)
{
	(void)spec;
	(void)arg;
	return index == 1 ? 42 : 0;
}

TEST(for_each_visits_every_interrupt_in_order)
{
	struct seen s = { 0 };
	const struct fdt *f;

	LOAD(f, HAND);
	EXPECT_EQ(of_irq_for_each(f, node(f, "/soc/ext@400000"), note, &s), 0);
	EXPECT_EQ(s.count, 3);
	EXPECT_EQ(s.cells[0], 5);
	EXPECT_EQ(s.cells[1], 6);
	EXPECT_EQ(s.cells[2], 9);
	EXPECT_EQ(of_irq_for_each(f, node(f, "/soc/ext@400000"), stop_at_second, NULL), 42);
	s.count = 0;
	EXPECT_EQ(of_irq_for_each(f, node(f, "/soc"), note, &s), 0);	/* none */
	EXPECT_EQ(s.count, 0);
	EXPECT_EQ(of_irq_for_each(f, node(f, "/bad/through-nexus"), note, &s), -EOPNOTSUPP);
}

TEST(interrupts_malformed_or_absent)
{
	const struct fdt *f;

	LOAD(f, HAND);
	EXPECT_EQ(of_irq_count(f, node(f, "/soc")), 0);
	expect_irq_error(f, "/soc", 0, -ENOENT);
	expect_irq_error(f, "/bad/loop-a", 0, -EINVAL);
	EXPECT_EQ(of_irq_find_parent(f, node(f, "/bad/loop-a")), -EINVAL);
	expect_irq_error(f, "/bad/no-such-phandle", 0, -EINVAL);
	expect_irq_error(f, "/bad/wrong-length", 0, -EINVAL);
	EXPECT_EQ(of_irq_count(f, node(f, "/bad/wrong-length")), -EINVAL);
	/* the first entry is whole; the second is cut short */
	expect_irq(f, "/bad/extended-cut-short", 0, PIC, 2, 1, 0);
	expect_irq_error(f, "/bad/extended-cut-short", 1, -EINVAL);
	EXPECT_EQ(of_irq_count(f, node(f, "/bad/extended-cut-short")), -EINVAL);
	/* a nexus (interrupt-map) is not followed */
	expect_irq_error(f, "/bad/through-nexus", 0, -EOPNOTSUPP);
	EXPECT_EQ(of_irq_count(f, node(f, "/bad/through-nexus")), 1);
	/* the root has no interrupt parent */
	EXPECT_EQ(of_irq_find_parent(f, 0), -ENOENT);
}

/* ---- QEMU's trees: every bus is "ranges;", so reg is the CPU address ---- */

TEST(virt_resources_are_reg)
{
	for (int i = VIRT64; i <= VIRT32; i++) {
		const struct fdt *f;
		int n, devices = 0;

		LOAD(f, i);
		for (n = fdt_next_node(f, -1, NULL); n >= 0; n = fdt_next_node(f, n, NULL)) {
			int len, idx, count = of_reg_count(f, n);
			struct resource r;
			u64 addr, size;

			/* The cpu nodes' reg are hart ids: virt_cpu_reg_is_no_cpu_address. */
			if (!fdt_getprop(f, n, "compatible", &len) || count <= 0 ||
			    fdt_parent_offset(f, n) == node(f, "/cpus"))
				continue;
			for (idx = 0; idx < count; idx++) {
				ASSERT_EQ(fdt_get_reg(f, n, idx, &addr, &size), 0);
				ASSERT_EQ(of_address_to_resource(f, n, idx, &r), 0);
				EXPECT_EQ(r.start, addr);
				EXPECT_EQ(r.size, size);
			}
			devices++;
		}
		EXPECT(devices >= 10);	/* UART, RTC, PLIC, CLINT, test, 8 virtio-mmio, ... */
	}
}

TEST(virt_cpu_reg_is_no_cpu_address)
{
	for (int i = VIRT64; i <= VIRT32; i++) {
		struct resource r;
		const struct fdt *f;

		LOAD(f, i);
		EXPECT_EQ(of_address_to_resource(f, node(f, "/cpus/cpu@0"), 0, &r), -ENXIO);
	}
}

/* Devices' "interrupts" name a PLIC source; the PLIC's go to the harts. */
TEST(virt_interrupts_resolve_to_the_plic_and_the_harts)
{
	for (int i = VIRT64; i <= VIRT32; i++) {
		const struct fdt *f;
		int plic, n, checked = 0;
		struct of_irq_spec spec;
		struct seen s = { 0 };

		LOAD(f, i);
		plic = fdt_node_offset_by_compatible(f, -1, "riscv,plic0");
		ASSERT(plic > 0);
		for (n = fdt_next_node(f, -1, NULL); n >= 0; n = fdt_next_node(f, n, NULL)) {
			uint32_t raw;

			if (fdt_getprop_u32(f, n, "interrupts", &raw))
				continue;
			ASSERT_EQ(of_irq_parse(f, n, 0, &spec), 0);
			EXPECT_EQ(spec.controller, plic);
			EXPECT_EQ(spec.nr_cells, 1);
			EXPECT_EQ(spec.cells[0], raw);
			EXPECT_EQ(of_irq_count(f, n), 1);
			checked++;
		}
		EXPECT(checked >= 10);	/* UART, RTC, 8 virtio-mmio */
		/* Each hart's M-mode (11) and S-mode (9) external interrupt. */
		EXPECT_EQ(of_irq_for_each(f, plic, note, &s), 0);
		EXPECT(s.count >= 2 && s.count % 2 == 0 && s.count <= 8);
		for (n = 0; n < s.count && n < 8; n++)
			EXPECT_EQ(s.cells[n], n % 2 ? 9 : 11);
		for (n = 0; n < s.count; n++) {
			ASSERT_EQ(of_irq_parse(f, plic, n, &spec), 0);
			EXPECT_EQ(fdt_node_check_compatible(f, spec.controller,
							    "riscv,cpu-intc"), 0);
		}
	}
}

/* ---- hostile trees ---- */

static int visit_nothing(const struct of_irq_spec *spec, int index, void *arg)
{
	(void)spec;
	(void)index;
	(void)arg;
	return 0;
}

/* Every function on every node; whatever they return, nothing reads outside the blob. */
static void poke(const struct fdt *f)
{
	static const struct of_device_id any[] = {
		{ "simple-bus", NULL }, { "vendor,pic", NULL }, { "ns16550a", NULL },
		{ NULL, NULL } };
	int n, i, len;

	for (n = fdt_next_node(f, -1, NULL); n >= 0; n = fdt_next_node(f, n, NULL)) {
		struct of_irq_spec spec;
		struct resource r;

		of_match_node(any, f, n, NULL);
		of_node_basename(f, n, &len);
		of_reg_count(f, n);
		of_irq_count(f, n);
		of_irq_find_parent(f, n);
		of_irq_for_each(f, n, visit_nothing, NULL);
		of_parse_phandle(f, n, "interrupt-parent");
		for (i = 0; i < 3; i++) {
			of_address_to_resource(f, n, i, &r);
			of_irq_parse(f, n, i, &spec);
		}
	}
}

TEST(hostile_trees_are_read_safely)
{
	unsigned long long rng = 0x0f0f0f0f12345678ull;
	const struct fdt *f;
	int round, accepted = 0;

	LOAD(f, HAND);
	for (round = 0; round < 3000; round++) {
		uint8_t *copy = malloc(f->size);
		struct fdt m;
		int flips = 1 + harness_rnd(&rng, 8);

		memcpy(copy, trees[HAND].blob, f->size);
		while (flips--) {
			/* mostly the structure block, where the cells and lengths are */
			uint32_t at = f->off_struct + harness_rnd(&rng, f->size_struct);

			copy[at] = (uint8_t)harness_rnd(&rng, 256);
		}
		if (fdt_init(&m, copy, f->size) == 0) {
			poke(&m);
			accepted++;
		}
		free(copy);
	}
	EXPECT(accepted > 100);	/* the walk was exercised, not just refused */
}

TEST_MAIN()
