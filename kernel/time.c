// SPDX-License-Identifier: MIT
/*
 * Boot-relative time.  The counter runs at the device tree's
 * /cpus/timebase-frequency (10 MHz on QEMU virt); "boot" is the moment
 * time_init ran, which is a few thousand instructions into the kernel.
 */
#include <tern/arch.h>
#include <tern/boot.h>
#include <tern/errno.h>
#include <tern/fdt.h>
#include <tern/time.h>

static u32 timebase_hz;
static u64 boot_ticks;

int time_init(void)
{
	int cpus = fdt_path_offset(&boot_fdt, "/cpus");
	u32 hz;

	if (cpus < 0 || fdt_getprop_u32(&boot_fdt, cpus, "timebase-frequency", &hz) || !hz)
		return -ENODEV;
	boot_ticks = arch_read_time();
	timebase_hz = hz;
	return 0;
}

u32 timebase_frequency(void)
{
	return timebase_hz;
}

u64 time_since_boot_us(void)
{
	u64 ticks;

	if (!timebase_hz)
		return 0;
	ticks = arch_read_time() - boot_ticks;
	/* Split to avoid overflowing ticks * 1e6 after ~30 minutes at 10 MHz. */
	return ticks / timebase_hz * 1000000 + ticks % timebase_hz * 1000000 / timebase_hz;
}
