// SPDX-License-Identifier: MIT
/*
 * Power off: first a driver that can report the status (registered from the
 * device tree), then the firmware, then stop the hart.
 */
#include <tern/arch.h>
#include <tern/printk.h>
#include <tern/reboot.h>

static void (*power_off_handler)(int status);
static const char *power_off_name;

/* From an early initcall (or a crashtest, with NULL to forget the driver). */
void register_power_off_handler(void (*fn)(int status), const char *name)
{
	power_off_handler = fn;
	power_off_name = name;
}

void machine_power_off(int status)
{
	if (status)
		console_printf("Powering off with status %d\n", status);
	if (power_off_handler)
		power_off_handler(status);
	arch_power_off(status);
	console_printf("power off failed: no driver or firmware call worked; halting\n");
	arch_cpu_relax_forever();
}
