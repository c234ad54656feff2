// SPDX-License-Identifier: MIT
/*
 * The SiFive test finisher ("sifive,test0"/"sifive,test1"), QEMU virt's
 * way out: one 32-bit register; writing PASS powers off with exit status
 * 0, FAIL | code << 16 exits with that code.  This driver is what makes a
 * failed test or a panic visible as QEMU's exit status, whatever the
 * firmware does with an SBI shutdown reason, so its handler outranks one
 * that cannot carry the status (POWER_OFF_STATUS, <tern/reboot.h>).
 *
 * It is an early driver (<tern/device.h>): probed at the early initcall
 * level, right after the device tree is validated, so that a panic about
 * anything the device tree says (no memory, no timebase) exits 2.  When
 * the tree itself is unusable no driver is probed, and an early initcall
 * of its own takes the board's device (BOARD_TEST_DEVICE_BASE).
 */
#include <tern/boot.h>
#include <tern/compiler.h>
#include <tern/device.h>
#include <tern/errno.h>
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

static int sifive_test_probe(struct device *dev)
{
	struct resource res;
	int err;

	if (finisher)
		return dev_err_probe(dev, -EBUSY, "one finisher is enough");
	err = dev_resource(dev, 0, &res);
	if (err || res.size < 4)
		return dev_err_probe(dev, err ? err : -EINVAL, "reg");
	finisher = dev_ioremap_resource(dev, 0);
	if (IS_ERR(finisher)) {
		err = PTR_ERR(finisher);
		finisher = NULL;
		return err;
	}
	register_power_off_handler(sifive_test_power_off, "sifive-test", POWER_OFF_STATUS);
	return 0;
}

static const struct of_device_id sifive_test_of_match[] = {
	{ .compatible = "sifive,test1" },
	{ .compatible = "sifive,test0" },
	{ }
};

static const struct driver sifive_test_driver = {
	.name = "sifive-test",
	.of_match = sifive_test_of_match,
	.probe = sifive_test_probe,
	.early = true,
};
builtin_driver(sifive_test_driver);

/*
 * The board's own test device, for when the device tree is unusable: then
 * no tree can name one, and a panic about the tree must still exit 2.  A
 * board without one says 0.
 */
static int sifive_test_use_board_default(void)
{
	if (boot_fdt_valid() || !CONFIG_BOARD_TEST_DEVICE_BASE)
		return -ENODEV;
	finisher = ioremap(CONFIG_BOARD_TEST_DEVICE_BASE, 4);
	if (!finisher)
		return -ENOMEM;
	register_power_off_handler(sifive_test_power_off, "sifive-test (board default)",
				   POWER_OFF_STATUS);
	return 0;
}
early_initcall(sifive_test_use_board_default);
