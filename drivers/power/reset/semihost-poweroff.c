// SPDX-License-Identifier: MIT
/*
 * Power off through semihosting's SYS_EXIT: QEMU exits with the kernel's
 * status.  For machines without a test finisher, such as QEMU's sifive_u,
 * whose only reset is a GPIO line that cannot carry a status.  QEMU must
 * be started with "-semihosting-config enable=on" (scripts/qemu-cmd.sh
 * adds it when this driver is built in); without it the call traps, fails
 * with -ENOSYS, and power-off falls back to the firmware.
 *
 * Nothing in the device tree describes semihosting, so the driver
 * registers itself at the early initcall level, ranked as a handler that
 * reports the exact status, unless a handler is there already; a test
 * finisher probed later registers at the same rank and replaces it.
 */
#include <tern/init.h>
#include <tern/reboot.h>
#include <tern/semihost.h>

static void semihost_power_off(int status)
{
	/* SYS_EXIT_EXTENDED takes (reason, subcode) in a block of longs. */
	static unsigned long block[2];

	block[0] = SEMIHOST_APPLICATION_EXIT;
	block[1] = (unsigned long)status;
	arch_semihost_call(SEMIHOST_SYS_EXIT_EXTENDED, block);
}

static int semihost_poweroff_init(void)
{
	if (power_off_handler_name())
		return 0;	/* a driver the device tree named knows better */
	register_power_off_handler(semihost_power_off, "semihosting", POWER_OFF_STATUS);
	return 0;
}
early_initcall(semihost_poweroff_init);
