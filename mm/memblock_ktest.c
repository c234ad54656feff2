// SPDX-License-Identifier: MIT
#include <asm/sections.h>
#include <tern/boot.h>
#include <tern/errno.h>
#include <tern/ktest.h>
#include <tern/memblock.h>

static void memory_comes_from_the_device_tree(struct ktest *t)
{
	KTEST_ASSERT(t, memblock_memory.count >= 1);
	KTEST_EXPECT_EQ(t, memblock_memory.regions[0].base, CONFIG_BOARD_RAM_BASE);
	/* make run gives QEMU_MEMORY_MB; the test scripts do not change it. */
	KTEST_EXPECT_EQ(t, memblock_total_memory(), (phys_addr_t)CONFIG_QEMU_MEMORY_MB << 20);
	KTEST_EXPECT_LT(t, memblock_free_memory(), memblock_total_memory());
}

static void kernel_and_dtb_are_reserved(struct ktest *t)
{
	KTEST_EXPECT(t, memblock_is_reserved((uintptr_t)_start));
	KTEST_EXPECT(t, memblock_is_reserved((uintptr_t)_end - 1));
	KTEST_EXPECT(t, memblock_is_reserved((uintptr_t)boot_fdt.blob));
	KTEST_EXPECT(t, memblock_is_reserved((uintptr_t)boot_fdt.blob + boot_fdt.size - 1));
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
