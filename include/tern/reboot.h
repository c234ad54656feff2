/* SPDX-License-Identifier: MIT */
/*
 * Powering off with a status, and restarting.  Under QEMU the status
 * becomes QEMU's exit status when a driver can report it (the test
 * finisher); test scripts rely on 0 meaning a clean run.
 */
#ifndef TERN_REBOOT_H
#define TERN_REBOOT_H

#include <tern/compiler.h>

#define POWEROFF_OK		0
#define POWEROFF_TEST_FAILED	1	/* ktest: at least one case failed */
#define POWEROFF_PANIC		2	/* panic() or a fatal trap */

/* How much of the status a power-off handler carries out of the machine. */
#define POWER_OFF_PLAIN		1	/* it powers off; a failure it leaves to the firmware */
#define POWER_OFF_STATUS	2	/* the exact status (the SiFive test finisher) */

/*
 * A driver that can power the machine off, given the status to report.
 * The kernel keeps the handler of the highest rank (POWER_OFF_*) it was
 * given; one of the same rank replaces the one before.  Registered from
 * an early driver's probe (<tern/device.h>) so that a panic reports its
 * status from the first line of start_kernel on.  The handler returns
 * only if the machine is still running: it failed, or it declines a
 * status it cannot report; machine_power_off then asks the firmware (SBI
 * SRST, with reason "failure" for a non-zero status).  fn NULL forgets
 * the handler, whatever its rank.
 */
void register_power_off_handler(void (*fn)(int status), const char *name, int rank);

/* The name the handler in use was registered with, or NULL. */
const char *power_off_handler_name(void);

void machine_power_off(int status) __noreturn;

/*
 * Work to finish before a clean power-off (writing back the buffer
 * cache): kernel_power_off runs each fn in process context, interrupts
 * on, in the order registered.  Register from initcalls; the struct is
 * the registrant's and stays registered.  A panic skips them.
 */
struct power_off_prepare {
	void (*fn)(int status);
	const char *name;
	struct power_off_prepare *next;		/* the kernel's */
};
void register_power_off_prepare(struct power_off_prepare *p);

/* The end of a run that did not panic: the prepare steps, then machine_power_off. */
void kernel_power_off(int status) __noreturn;

/*
 * A driver that can restart the machine (a reset register); the last one
 * registered is used.  It returns only if the machine is still running.
 */
void register_restart_handler(void (*fn)(void), const char *name);
const char *restart_handler_name(void);

/* Restarts: through the handler, else the firmware (SBI SRST cold reboot), else halts. */
void machine_restart(void) __noreturn;

#endif
