/* SPDX-License-Identifier: MIT */
/*
 * Powering off with a status.  Under QEMU the status becomes QEMU's exit
 * status when a driver can report it (the test finisher); test scripts
 * rely on 0 meaning a clean run.
 */
#ifndef TERN_REBOOT_H
#define TERN_REBOOT_H

#include <tern/compiler.h>

#define POWEROFF_OK		0
#define POWEROFF_TEST_FAILED	1	/* ktest: at least one case failed */
#define POWEROFF_PANIC		2	/* panic() or a fatal trap */

/*
 * A driver that can power the machine off, given the status to report.
 * Registered from an early initcall (<tern/init.h>), so that a panic
 * reports its status from the first line of start_kernel on; without
 * one, machine_power_off asks the firmware (SBI SRST, with reason
 * "failure" for a non-zero status).  NULL forgets the driver.
 */
void register_power_off_handler(void (*fn)(int status), const char *name);

void machine_power_off(int status) __noreturn;

#endif
