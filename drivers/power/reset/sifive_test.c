// SPDX-License-Identifier: MIT
/*
 * The SiFive test finisher ("sifive,test0"/"sifive,test1"), QEMU virt's
 * way out: one 32-bit register; writing PASS powers off with exit status
 * 0, FAIL | code << 16 exits with that code.  This driver is what makes a
 * failed test or a panic visible as QEMU's exit status, whatever the
 * firmware does with an SBI shutdown reason.  It registers from an early
 * initcall, right after the device tree is validated, so that a panic
 * about anything the device tree says (no memory, no timebase) exits 2;
 * when the tree itself is unusable, it takes the board's own device.
 */
#include <tern/boot.h>
#include <tern/compiler.h>
#include <tern/errno.h>
#include <tern/fdt.h>
#include <tern/init.h>
#include <tern/io.h>
#include <tern/reboot.h>

#define FINISHER_FAIL	0x3333
#define FINISHER_PASS	0x5555

static void __iomem *finisher;

static void sifive_test_power_off(int status)
{
	u32 value = status ? FINISHER_FAIL | ((u32)status << 16) : FINISHER_PASS;

	writel(value, finisher);
}

/*
 * The board's own test device (BOARD_TEST_DEVICE_BASE), for when the
 * device tree is unusable: then no tree can name one, and a panic about
 * the tree must still exit 2.  A board without one says 0.
 */
static int sifive_test_use_board_default(void)
{
	if (!CONFIG_BOARD_TEST_DEVICE_BASE)
		return -ENODEV;
	finisher = ioremap(CONFIG_BOARD_TEST_DEVICE_BASE, 4);
	if (!finisher)
		return -ENOMEM;
	register_power_off_handler(sifive_test_power_off, "sifive,test (board default)");
	return 0;
}

static int sifive_test_init(void)
{
	static const char *const compatible[] = { "sifive,test1", "sifive,test0" };
	u64 base, size;
	unsigned int i;

	if (!boot_fdt_valid())
		return sifive_test_use_board_default();
	for (i = 0; i < ARRAY_SIZE(compatible); i++) {
		int node = fdt_node_offset_by_compatible(&boot_fdt, -1, compatible[i]);

		if (node < 0 || !fdt_node_is_available(&boot_fdt, node))
			continue;
		if (fdt_get_reg(&boot_fdt, node, 0, &base, &size) || size < 4)
			return -EINVAL;
		finisher = ioremap(base, 4);
		if (!finisher)
			return -ENOMEM;
		register_power_off_handler(sifive_test_power_off, "sifive,test");
		return 0;
	}
	return -ENODEV;
}
early_initcall(sifive_test_init);
