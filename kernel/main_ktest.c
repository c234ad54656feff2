// SPDX-License-Identifier: MIT
/* What start_kernel was handed and checked before anything else ran. */
#include <tern/boot.h>
#include <tern/ktest.h>
#include <tern/time.h>

/*
 * a1 whole, and nothing else: taken as a 64-bit parameter on rv32 it
 * would also pick up a2, which the boot protocol leaves undefined (Tern's
 * firmware leaves whatever its C code had there).
 */
static void dtb_address_is_register_a1(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, sizeof(boot_dtb_address), sizeof(unsigned long));
	KTEST_EXPECT_EQ(t, boot_dtb_address, (uintptr_t)boot_fdt.blob);
}

/* A device tree without a timebase is refused at boot: we never run without one. */
static void time_has_a_timebase(struct ktest *t)
{
	KTEST_EXPECT_NE(t, timebase_frequency(), 0);
}

KTEST_SUITE(boot,
	    KTEST_CASE(dtb_address_is_register_a1),
	    KTEST_CASE(time_has_a_timebase));
