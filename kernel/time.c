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
#include <tern/math64.h>
#include <tern/time.h>
#include <tern/timer.h>

static u32 timebase_hz;
u64 ktime_boot_ticks;		/* the time CSR at time_init */
u64 ktime_ns_per_tick_32;	/* 1e9 * 2^32 / timebase_hz: see ticks_to_ns */

int time_init(void)
{
	int cpus = fdt_path_offset(&boot_fdt, "/cpus");
	u32 hz;

	if (cpus < 0 || fdt_getprop_u32(&boot_fdt, cpus, "timebase-frequency", &hz) || !hz)
		return -ENODEV;
	ktime_boot_ticks = arch_read_time();
	ktime_ns_per_tick_32 = (NSEC_PER_SEC << 32) / hz;
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
	ticks = arch_read_time() - ktime_boot_ticks;
	/* Split to avoid overflowing ticks * 1e6 after ~30 minutes at 10 MHz. */
	return ticks / timebase_hz * 1000000 + ticks % timebase_hz * 1000000 / timebase_hz;
}

/* The ticks_to_ns of ktime_ns (tern/timer.h, which says how it works). */
static u64 ticks_to_ns(u64 ticks)
{
	return mul_u64_u64_shr32(ticks, ktime_ns_per_tick_32);
}

/*
 * Rounded up, so that once the time CSR reaches the result, ktime_ns()
 * has reached ns.  UINT64_MAX (never) for UINT64_MAX, when the result
 * would not fit, and before time_init.
 */
u64 ktime_to_time_csr(u64 ns)
{
	u64 secs = ns / NSEC_PER_SEC, rem = ns % NSEC_PER_SEC, ticks;

	if (ns == UINT64_MAX || !timebase_hz ||
	    secs >= (UINT64_MAX - ktime_boot_ticks) / timebase_hz)
		return UINT64_MAX;
	ticks = secs * timebase_hz + (rem * timebase_hz + NSEC_PER_SEC - 1) / NSEC_PER_SEC;
	/* ticks_to_ns may round below the exact value: step past it. */
	while (ticks_to_ns(ticks) < ns)
		ticks++;
	return ktime_boot_ticks + ticks;
}
