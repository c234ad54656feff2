// SPDX-License-Identifier: MIT
#include <asm/sbi.h>
#include <tern/arch.h>

/*
 * SBI SRST shutdown, with reason "system failure" for a non-zero status.
 * Whether the reason reaches QEMU's exit status is up to the firmware.
 */
void arch_power_off(int status)
{
	sbi_shutdown(status != 0);
}

/* SBI SRST cold reboot; legacy SBI has none. */
void arch_restart(void)
{
	sbi_reboot();
}
