// SPDX-License-Identifier: MIT
#include <asm/page.h>
#include <asm/sections.h>
#include <tern/boot.h>
#include <tern/errno.h>
#include <tern/ktest.h>
#include <tern/memblock.h>
#include <tern/string.h>

/* Bytes of RAM the device tree's memory nodes describe, read without memblock. */
static u64 device_tree_memory(void)
{
	int node, depth = 0;
	u64 total = 0;

	for (node = fdt_next_node(&boot_fdt, -1, &depth); node >= 0;
	     node = fdt_next_node(&boot_fdt, node, &depth)) {
		int len, i;
		const char *type = fdt_getprop(&boot_fdt, node, "device_type", &len);
		u64 base, size;

		if (depth != 1 || !type || len != 7 || memcmp(type, "memory", 7) ||
		    !fdt_node_is_available(&boot_fdt, node))
			continue;
		for (i = 0; !fdt_get_reg(&boot_fdt, node, i, &base, &size); i++)
			total += size;
	}
	return total;
}

static bool in_memory(phys_addr_t addr)
{
	unsigned int i;

	for (i = 0; i < memblock_memory.count; i++)
		if (addr >= memblock_memory.regions[i].base &&
		    addr - memblock_memory.regions[i].base < memblock_memory.regions[i].size)
			return true;
	return false;
}

/* Whatever -m QEMU was given: compared with the device tree, not with Kconfig. */
static void memory_comes_from_the_device_tree(struct ktest *t)
{
	KTEST_ASSERT(t, memblock_memory.count >= 1);
	/* QEMU's memory nodes neither overlap nor touch: merging keeps the sum. */
	KTEST_EXPECT_EQ(t, memblock_total_memory(), device_tree_memory());
	KTEST_EXPECT(t, in_memory(__pa(_start)));
	KTEST_EXPECT(t, in_memory(__pa(_end) - 1));
	KTEST_EXPECT_LT(t, memblock_free_memory(), memblock_total_memory());
}

static void kernel_and_dtb_are_reserved(struct ktest *t)
{
	KTEST_EXPECT(t, memblock_is_reserved(__pa(_start)));
	KTEST_EXPECT(t, memblock_is_reserved(__pa(_end) - 1));
	KTEST_EXPECT(t, memblock_is_reserved(boot_dtb_address));
	KTEST_EXPECT(t, memblock_is_reserved(boot_dtb_address + boot_fdt.size - 1));
}

static void merges_and_rejects(struct ktest *t)
{
	struct memblock_type saved = memblock_reserved;
	phys_addr_t base = 0x10000000;

	memblock_reserved.count = 0;
	KTEST_EXPECT_EQ(t, memblock_reserve(base, 0x1000, "a"), 0);
	KTEST_EXPECT_EQ(t, memblock_reserve(base + 0x1000, 0x1000, "b"), 0);	/* adjacent */
	KTEST_EXPECT_EQ(t, memblock_reserve(base + 0x800, 0x100, "c"), 0);	/* inside */
	KTEST_EXPECT_EQ(t, memblock_reserved.count, 1);
	KTEST_EXPECT_EQ(t, memblock_reserved.regions[0].size, 0x2000);
	KTEST_EXPECT_EQ(t, memblock_reserve(base, 0, "empty"), -EINVAL);
	KTEST_EXPECT_EQ(t, memblock_reserve(~(phys_addr_t)0 - 10, 100, "wraps"), -EINVAL);
	memblock_reserved = saved;
}

/*
 * A full table refuses a new disjoint range and keeps every range it has
 * (the boot then stops: memblock_reserve_or_panic); one that merges
 * still fits.
 */
static void a_full_table_refuses_and_keeps_its_ranges(struct ktest *t)
{
	static struct memblock_type saved;
	phys_addr_t base = 0x10000000;
	unsigned int i;

	saved = memblock_reserved;
	memblock_reserved.count = 0;
	for (i = 0; i < CONFIG_MEMBLOCK_MAX_REGIONS; i++)
		KTEST_EXPECT_EQ(t, memblock_reserve(base + 2 * i * 0x1000, 0x1000, "r"), 0);
	KTEST_EXPECT_EQ(t, memblock_reserve(base - 0x2000, 0x1000, "low"), -ENOSPC);
	KTEST_EXPECT_EQ(t, memblock_reserve(base + 2 * i * 0x1000, 0x1000, "high"), -ENOSPC);
	KTEST_EXPECT_EQ(t, memblock_reserved.count, CONFIG_MEMBLOCK_MAX_REGIONS);
	for (i = 0; i < CONFIG_MEMBLOCK_MAX_REGIONS; i++)
		KTEST_EXPECT_EQ(t, memblock_reserved.regions[i].base, base + 2 * i * 0x1000);
	KTEST_EXPECT_EQ(t, memblock_reserve(base + 0x1000, 0x1000, "joins two"), 0);
	KTEST_EXPECT_EQ(t, memblock_reserved.count, CONFIG_MEMBLOCK_MAX_REGIONS - 1);
	memblock_reserved = saved;
}

KTEST_SUITE(memblock,
	    KTEST_CASE(memory_comes_from_the_device_tree),
	    KTEST_CASE(kernel_and_dtb_are_reserved),
	    KTEST_CASE(merges_and_rejects),
	    KTEST_CASE(a_full_table_refuses_and_keeps_its_ranges));
