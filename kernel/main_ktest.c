// SPDX-License-Identifier: MIT
/* What start_kernel was handed and checked before anything else ran. */
#include <asm/pgtable.h>
#include <tern/boot.h>
#include <tern/init.h>
#include <tern/ktest.h>
#include <tern/time.h>

/*
 * a1 whole, and nothing else: taken as a 64-bit parameter on rv32 it
 * would also pick up a2, which the boot protocol leaves undefined (Tern's
 * firmware leaves whatever its C code had there).
 */
static void dtb_address_is_register_a1(struct ktest *t)
{
	phys_addr_t blob = 0;

	KTEST_EXPECT_EQ(t, sizeof(boot_dtb_address), sizeof(unsigned long));
	KTEST_EXPECT(t, kernel_virt_to_phys(boot_fdt.blob, &blob));
	KTEST_EXPECT_EQ(t, boot_dtb_address, blob);
}

/* A device tree without a timebase is refused at boot: we never run without one. */
static void time_has_a_timebase(struct ktest *t)
{
	KTEST_EXPECT_NE(t, timebase_frequency(), 0);
}

/*
 * One initcall per level, each noting when it ran (1, 2, ...; 0: never):
 * the levels must run in the order <tern/init.h> gives, each once.
 */
enum { EARLY, CORE, ARCH, SUBSYS, DEVICE, LATE, NR_LEVELS };
static unsigned int level_ran[NR_LEVELS], levels_run;

#define LEVEL_PROBE(name, level)					\
	static int ktest_##name##_level(void)				\
	{								\
		level_ran[level] = ++levels_run;			\
		return 0;						\
	}								\
	name##_initcall(ktest_##name##_level)

LEVEL_PROBE(early, EARLY);
LEVEL_PROBE(core, CORE);
LEVEL_PROBE(arch, ARCH);
LEVEL_PROBE(subsys, SUBSYS);
LEVEL_PROBE(device, DEVICE);
LEVEL_PROBE(late, LATE);

static void initcall_levels_run_in_order(struct ktest *t)
{
	unsigned int level;

	KTEST_EXPECT_EQ(t, levels_run, NR_LEVELS);
	for (level = 0; level < NR_LEVELS; level++)
		KTEST_EXPECT_EQ(t, level_ran[level], level + 1);
}

KTEST_SUITE(boot,
	    KTEST_CASE(dtb_address_is_register_a1),
	    KTEST_CASE(time_has_a_timebase),
	    KTEST_CASE(initcall_levels_run_in_order));
