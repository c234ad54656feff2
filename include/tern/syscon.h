/* SPDX-License-Identifier: MIT */
/*
 * System controllers ("syscon"): a block of registers that several
 * drivers use, each a register or a few.  A driver names the syscon node
 * with a phandle property of its own node and maps the register it needs
 * (drivers/mfd/syscon.c).  QEMU virt's SiFive test device is one, for its
 * "syscon-poweroff" and "syscon-reboot" nodes.
 *
 * Nothing here allocates, so early drivers may use it.
 */
#ifndef TERN_SYSCON_H
#define TERN_SYSCON_H

#include <tern/device.h>
#include <tern/io.h>
#include <tern/types.h>

/*
 * Maps the 32-bit register at byte offset of the syscon node that dev's
 * phandle property prop names (its reg entry 0, through every bus's
 * ranges).  The mapping, or ERR_PTR(-errno): -ENOENT (no such property),
 * -EINVAL (it names no node, or an offset not 4-aligned), -ENODEV (the
 * node is not compatible "syscon", or is disabled), -ERANGE (offset beyond
 * its reg), the errors of of_address_to_resource, -ENOMEM (cannot map).
 * Each failure is logged naming dev.  Undo with iounmap.
 */
void __iomem *syscon_map_register(struct device *dev, const char *prop, u32 offset);

/*
 * The "value" and "mask" properties of dev's node, as the syscon-poweroff
 * and syscon-reboot bindings give them: the bits in mask take the bits of
 * value.  Without mask, all 32 bits; without value, the mask is the value.
 * 0, or -EINVAL (neither present, or malformed; logged).
 */
int syscon_read_value_mask(struct device *dev, u32 *value, u32 *mask);

/* Sets the bits of mask in the register to those of value. */
static inline void syscon_update_bits(void __iomem *reg, u32 mask, u32 value)
{
	u32 old = mask == 0xffffffffu ? 0 : readl(reg);

	writel((old & ~mask) | (value & mask), reg);
}

#endif
