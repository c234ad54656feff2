// SPDX-License-Identifier: MIT
/* System controller registers for the drivers that name them (<tern/syscon.h>). */
#include <tern/errno.h>
#include <tern/syscon.h>

void __iomem *syscon_map_register(struct device *dev, const char *prop, u32 offset)
{
	struct resource res;
	void __iomem *reg;
	int node, err;

	if (!fdt_getprop(dev->fdt, dev->node, prop, &err)) {
		dev_err(dev, "no %s property\n", prop);
		return ERR_PTR(-ENOENT);
	}
	node = of_parse_phandle(dev->fdt, dev->node, prop);
	if (node < 0) {
		dev_err(dev, "%s names no node\n", prop);
		return ERR_PTR(-EINVAL);
	}
	if (fdt_node_check_compatible(dev->fdt, node, "syscon") ||
	    !fdt_node_is_available(dev->fdt, node)) {
		dev_err(dev, "%s: %s is not an enabled syscon\n", prop,
			fdt_get_name(dev->fdt, node, &err));
		return ERR_PTR(-ENODEV);
	}
	err = of_address_to_resource(dev->fdt, node, 0, &res);
	if (!err && (offset % 4 || res.size < 4 || offset > res.size - 4))
		err = offset % 4 ? -EINVAL : -ERANGE;
	if (err) {
		dev_err(dev, "%s: no register at offset %#x of the syscon (error %d)\n", prop,
			(unsigned int)offset, err);
		return ERR_PTR(err);
	}
	reg = ioremap(res.start + offset, 4);
	if (!reg) {
		dev_err(dev, "%s: cannot map %#llx\n", prop,
			(unsigned long long)(res.start + offset));
		return ERR_PTR(-ENOMEM);
	}
	return reg;
}

int syscon_read_value_mask(struct device *dev, u32 *value, u32 *mask)
{
	int value_err = fdt_getprop_u32(dev->fdt, dev->node, "value", value);
	int mask_err = fdt_getprop_u32(dev->fdt, dev->node, "mask", mask);

	if ((value_err && value_err != -ENOENT) || (mask_err && mask_err != -ENOENT) ||
	    (value_err && mask_err)) {
		dev_err(dev, "needs a 32-bit value or mask\n");
		return -EINVAL;
	}
	if (value_err) {
		*value = *mask;		/* the binding's older form: mask alone */
		*mask = 0xffffffffu;
	} else if (mask_err) {
		*mask = 0xffffffffu;
	}
	return 0;
}
