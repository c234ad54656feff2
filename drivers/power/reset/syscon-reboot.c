// SPDX-License-Identifier: MIT
/*
 * Restart by writing a register of a system controller ("syscon-reboot"):
 * regmap is the phandle of the "syscon" node, offset the register's byte
 * offset in it, value and mask the bits to write (<tern/syscon.h>).  QEMU
 * virt describes its SiFive test device so, with value 0x7777: reset.
 */
#include <tern/device.h>
#include <tern/reboot.h>
#include <tern/syscon.h>

static struct {
	void __iomem *reg;
	u32 value, mask;
} reboot;

static void syscon_restart(void)
{
	syscon_update_bits(reboot.reg, reboot.mask, reboot.value);
}

static int syscon_reboot_probe(struct device *dev)
{
	void __iomem *reg;
	u32 offset;
	int err;

	if (reboot.reg)
		return dev_err_probe(dev, -EBUSY, "one is enough");
	if (fdt_getprop_u32(dev->fdt, dev->node, "offset", &offset))
		return dev_err_probe(dev, -EINVAL, "no 32-bit offset");
	err = syscon_read_value_mask(dev, &reboot.value, &reboot.mask);
	if (err)
		return err;
	reg = syscon_map_register(dev, "regmap", offset);
	if (IS_ERR(reg))
		return PTR_ERR(reg);
	reboot.reg = reg;
	register_restart_handler(syscon_restart, "syscon-reboot");
	dev_info(dev, "writes %#x (mask %#x) at offset %#x of its syscon\n",
		 (unsigned int)reboot.value, (unsigned int)reboot.mask,
		 (unsigned int)offset);
	return 0;
}

static const struct of_device_id syscon_reboot_of_match[] = {
	{ .compatible = "syscon-reboot" },
	{ }
};

static const struct driver syscon_reboot_driver = {
	.name = "syscon-reboot",
	.of_match = syscon_reboot_of_match,
	.probe = syscon_reboot_probe,
};
builtin_driver(syscon_reboot_driver);
