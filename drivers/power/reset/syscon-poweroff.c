// SPDX-License-Identifier: MIT
/*
 * Power off by writing a register of a system controller
 * ("syscon-poweroff"): regmap is the phandle of the "syscon" node, offset
 * the register's byte offset in it, value and mask the bits to write
 * (<tern/syscon.h>).  QEMU virt describes its SiFive test device so, with
 * value 0x5555: pass.
 *
 * The binding carries no status.  A clean power-off (status 0) writes the
 * value; a failure is declined, so that machine_power_off hands it to the
 * firmware (SBI SRST with reason "failure"), which may report it.  A
 * driver that carries the status (the test finisher) outranks this one.
 */
#include <tern/device.h>
#include <tern/reboot.h>
#include <tern/syscon.h>

static struct {
	void __iomem *reg;
	u32 value, mask;
} poweroff;

static void syscon_poweroff(int status)
{
	if (!status)
		syscon_update_bits(poweroff.reg, poweroff.mask, poweroff.value);
}

static int syscon_poweroff_probe(struct device *dev)
{
	void __iomem *reg;
	u32 offset;
	int err;

	if (poweroff.reg)
		return dev_err_probe(dev, -EBUSY, "one is enough");
	if (fdt_getprop_u32(dev->fdt, dev->node, "offset", &offset))
		return dev_err_probe(dev, -EINVAL, "no 32-bit offset");
	err = syscon_read_value_mask(dev, &poweroff.value, &poweroff.mask);
	if (err)
		return err;
	reg = syscon_map_register(dev, "regmap", offset);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	poweroff.reg = reg;
	register_power_off_handler(syscon_poweroff, "syscon-poweroff", POWER_OFF_PLAIN);
	dev_info(dev, "writes %#x (mask %#x) at offset %#x of its syscon\n",
		 (unsigned int)poweroff.value, (unsigned int)poweroff.mask,
		 (unsigned int)offset);
	return 0;
}

static const struct of_device_id syscon_poweroff_of_match[] = {
	{ .compatible = "syscon-poweroff" },
	{ }
};

static const struct driver syscon_poweroff_driver = {
	.name = "syscon-poweroff",
	.of_match = syscon_poweroff_of_match,
	.probe = syscon_poweroff_probe,
};
builtin_driver(syscon_poweroff_driver);
