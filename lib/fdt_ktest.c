// SPDX-License-Identifier: MIT
/*
 * ktest suite "fdt": lib/fdt.c against the device tree this kernel booted
 * with (boot_fdt, read-only: nothing here writes to it), plus a tiny blob
 * built on the stack to check that fdt_init() turns corruption away.
 */
#include <tern/boot.h>
#include <tern/errno.h>
#include <tern/fdt.h>
#include <tern/ktest.h>
#include <tern/string.h>

static void live_blob_is_consistent(struct ktest *t)
{
	struct fdt again;

	KTEST_ASSERT(t, boot_fdt.blob != NULL);
	KTEST_EXPECT_EQ(t, fdt_totalsize(boot_fdt.blob), boot_fdt.size);
	KTEST_EXPECT_EQ(t, fdt_init(&again, boot_fdt.blob, boot_fdt.size), 0);
	KTEST_EXPECT_EQ(t, fdt_init(&again, boot_fdt.blob, boot_fdt.size - 1), -EINVAL);
	KTEST_EXPECT_EQ(t, fdt_path_offset(&boot_fdt, "/"), 0);
	KTEST_EXPECT_STREQ(t, fdt_get_name(&boot_fdt, 0, NULL), "");
}

static void cpus_have_timebase_and_harts(struct ktest *t)
{
	int cpus = fdt_path_offset(&boot_fdt, "/cpus"), cpu, harts = 0, len;
	u64 hartid, size;
	u32 tb = 0;

	KTEST_ASSERT(t, cpus > 0);
	KTEST_EXPECT_EQ(t, fdt_getprop_u32(&boot_fdt, cpus, "timebase-frequency", &tb), 0);
	KTEST_EXPECT_GT(t, tb, 0);
	for (cpu = fdt_first_child(&boot_fdt, cpus); cpu >= 0;
	     cpu = fdt_next_sibling(&boot_fdt, cpu)) {
		const char *type = fdt_getprop(&boot_fdt, cpu, "device_type", &len);

		if (!type || len != 4 || memcmp(type, "cpu", 4) != 0)
			continue;	/* cpu-map and the like */
		/* #size-cells is 0 under /cpus: reg is the hart id alone. */
		KTEST_EXPECT_EQ(t, fdt_get_reg(&boot_fdt, cpu, 0, &hartid, &size), 0);
		KTEST_EXPECT_EQ(t, size, 0);
		harts++;
	}
	KTEST_EXPECT_EQ(t, cpu, -ENOENT);
	KTEST_EXPECT_GT(t, harts, 0);
}

static void memory_starts_at_dram_base(struct ktest *t)
{
	int mem = fdt_path_offset(&boot_fdt, "/memory");
	u64 base = 0, size = 0;

	KTEST_ASSERT(t, mem > 0);
	KTEST_EXPECT_EQ(t, fdt_path_offset(&boot_fdt, "/memory@80000000"), mem);
	KTEST_EXPECT_EQ(t, fdt_get_reg(&boot_fdt, mem, 0, &base, &size), 0);
	KTEST_EXPECT_EQ(t, base, 0x80000000ULL);
	KTEST_EXPECT_NE(t, size, 0);
}

static void chosen_exists(struct ktest *t)
{
	int chosen = fdt_path_offset(&boot_fdt, "/chosen");

	KTEST_EXPECT_GT(t, chosen, 0);
	KTEST_EXPECT_STREQ(t, fdt_get_name(&boot_fdt, chosen, NULL), "chosen");
	KTEST_EXPECT_EQ(t, fdt_path_offset(&boot_fdt, "/no-such-node"), -ENOENT);
}

/*
 * The PLIC stands for "a device with registers": every board Tern runs on
 * has one (virt: riscv,plic0; sifive_u: sifive,plic-1.0.0 and riscv,plic0),
 * where a UART's compatible differs from board to board.
 */
#define DEVICE_COMPATIBLE	"riscv,plic0"

static void device_found_by_compatible(struct ktest *t)
{
	int dev = fdt_node_offset_by_compatible(&boot_fdt, -1, DEVICE_COMPATIBLE);
	u64 base = 0, size = 0;
	int len;

	KTEST_ASSERT(t, dev > 0);
	KTEST_EXPECT_EQ(t, fdt_node_check_compatible(&boot_fdt, dev, DEVICE_COMPATIBLE), 0);
	KTEST_EXPECT(t, fdt_getprop(&boot_fdt, dev, "reg", &len) != NULL);
	KTEST_EXPECT_EQ(t, fdt_get_reg(&boot_fdt, dev, 0, &base, &size), 0);
	KTEST_EXPECT_NE(t, base, 0);
	KTEST_EXPECT_NE(t, size, 0);
	KTEST_EXPECT(t, fdt_node_is_available(&boot_fdt, dev));
	KTEST_EXPECT_EQ(t, fdt_node_offset_by_compatible(&boot_fdt, -1, "tern,no-such-device"),
			-ENOENT);
}

static void parents_and_children_agree(struct ktest *t)
{
	int dev = fdt_node_offset_by_compatible(&boot_fdt, -1, DEVICE_COMPATIBLE);
	int cpus = fdt_path_offset(&boot_fdt, "/cpus"), parent, child;

	KTEST_ASSERT(t, dev > 0 && cpus > 0);
	KTEST_EXPECT_EQ(t, fdt_parent_offset(&boot_fdt, 0), -ENOENT);
	KTEST_EXPECT_EQ(t, fdt_parent_offset(&boot_fdt, cpus), 0);
	parent = fdt_parent_offset(&boot_fdt, dev);
	KTEST_ASSERT(t, parent >= 0);
	/* The device is among its parent's children. */
	for (child = fdt_first_child(&boot_fdt, parent); child >= 0 && child != dev;
	     child = fdt_next_sibling(&boot_fdt, child))
		;
	KTEST_EXPECT_EQ(t, child, dev);
	child = fdt_first_child(&boot_fdt, cpus);
	KTEST_ASSERT(t, child > 0);
	KTEST_EXPECT_EQ(t, fdt_parent_offset(&boot_fdt, child), cpus);
	KTEST_EXPECT_LT(t, fdt_parent_offset(&boot_fdt, dev + 4), 0);	/* not a node */
}

/* Walks the tree: every node has a name, and the walk ends cleanly. */
static void walk_visits_every_node(struct ktest *t)
{
	int node, depth = 0, nodes = 0;

	for (node = fdt_next_node(&boot_fdt, -1, &depth); node >= 0;
	     node = fdt_next_node(&boot_fdt, node, &depth)) {
		KTEST_ASSERT(t, depth >= 0);
		KTEST_ASSERT(t, fdt_get_name(&boot_fdt, node, NULL) != NULL);
		nodes++;
	}
	KTEST_EXPECT_EQ(t, node, -ENOENT);
	KTEST_EXPECT_GT(t, nodes, 4);
}

/* ---- A tiny blob on the stack: "/ { };" ---- */

#define TINY_SIZE	72	/* header 40, rsvmap 16, struct 16, strings 0 */

static void put_be32(u8 *p, u32 v)
{
	p[0] = v >> 24;
	p[1] = v >> 16;
	p[2] = v >> 8;
	p[3] = v;
}

static void build_tiny(u8 *b)
{
	memset(b, 0, TINY_SIZE);
	put_be32(b + 0, FDT_MAGIC);
	put_be32(b + 4, TINY_SIZE);		/* totalsize */
	put_be32(b + 8, 56);			/* off_dt_struct */
	put_be32(b + 12, 72);			/* off_dt_strings */
	put_be32(b + 16, 40);			/* off_mem_rsvmap */
	put_be32(b + 20, 17);			/* version */
	put_be32(b + 24, 16);			/* last_comp_version */
	put_be32(b + 36, 16);			/* size_dt_struct */
	put_be32(b + 56, 1);			/* FDT_BEGIN_NODE "" */
	put_be32(b + 64, 2);			/* FDT_END_NODE */
	put_be32(b + 68, 9);			/* FDT_END */
}

/* Rebuilds the tiny blob with one word changed; returns fdt_init's verdict. */
static int init_tiny_with(u8 *b, int off, u32 v)
{
	struct fdt f;

	build_tiny(b);
	if (off >= 0)
		put_be32(b + off, v);
	return fdt_init(&f, b, TINY_SIZE);
}

static void init_rejects_corruption(struct ktest *t)
{
	u32 words[TINY_SIZE / 4];
	u8 *b = (u8 *)words;
	struct fdt f;

	KTEST_ASSERT(t, init_tiny_with(b, -1, 0) == 0);	/* the good one passes */
	KTEST_EXPECT_EQ(t, fdt_init(&f, b, TINY_SIZE - 1), -EINVAL);
	KTEST_EXPECT_EQ(t, init_tiny_with(b, 0, 0xedfe0dd0), -EINVAL);	/* magic */
	KTEST_EXPECT_EQ(t, init_tiny_with(b, 4, TINY_SIZE + 4), -EINVAL);	/* totalsize */
	KTEST_EXPECT_EQ(t, init_tiny_with(b, 8, 0x1000), -EINVAL);	/* struct offset */
	KTEST_EXPECT_EQ(t, init_tiny_with(b, 20, 15), -EINVAL);	/* version */
	KTEST_EXPECT_EQ(t, init_tiny_with(b, 36, 20), -EINVAL);	/* struct size */
	KTEST_EXPECT_EQ(t, init_tiny_with(b, 68, 4), -EINVAL);	/* FDT_END gone */
	KTEST_EXPECT_EQ(t, init_tiny_with(b, 64, 4), -EINVAL);	/* root never closed */
	KTEST_EXPECT_EQ(t, init_tiny_with(b, 40, 1), -EINVAL);	/* rsvmap unterminated */
	KTEST_EXPECT_EQ(t, init_tiny_with(b, 60, 0x61626364), -EINVAL);	/* name eats END_NODE */
}

KTEST_SUITE(fdt,
	KTEST_CASE(live_blob_is_consistent),
	KTEST_CASE(cpus_have_timebase_and_harts),
	KTEST_CASE(memory_starts_at_dram_base),
	KTEST_CASE(chosen_exists),
	KTEST_CASE(device_found_by_compatible),
	KTEST_CASE(parents_and_children_agree),
	KTEST_CASE(walk_visits_every_node),
	KTEST_CASE(init_rejects_corruption));
