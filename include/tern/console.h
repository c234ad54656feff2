/* SPDX-License-Identifier: MIT */
/*
 * Consoles: where the kernel log goes.  A console driver fills a struct
 * console and registers it; every line printk and console_printf write
 * goes to every registered console, in the order they registered.
 *
 * A boot console (CON_BOOT) prints from the first line of start_kernel,
 * before any driver runs: the architecture registers the firmware's
 * console as one (arch_early_console_init).  Boot consoles stay until the
 * first console without CON_BOOT registers, which replaces them all at
 * once (Linux's boot console handover): each line reaches the boot
 * consoles or the new one, not both and not neither, and nothing printed
 * before is replayed (Linux without CON_PRINTBUFFER).  The handover is
 * logged once, on the new console.
 *
 * write() is called with the console lock held and interrupts off, on
 * any hart, and without the lock by a CPU that faults while it holds it
 * (an oops inside printk, a panic): it must not sleep, allocate, printk
 * or take a lock that code under the console lock may hold.
 */
#ifndef TERN_CONSOLE_H
#define TERN_CONSOLE_H

#include <tern/types.h>

#define CON_BOOT	0x1	/* early: replaced by the first other console */

struct console {
	const char *name;
	void (*write)(struct console *con, const char *s, size_t n);
	unsigned int flags;	/* CON_* */
	struct console *next;	/* console lock: the next registered console */
};

/*
 * Adds con after the registered consoles; if it is not a boot console,
 * the boot consoles are unregistered in the same step.  0, -EINVAL (no write method) or
 * -EBUSY (registered already).  Not from an interrupt handler.
 */
int register_console(struct console *con);

/*
 * Removes con: once it returns, no CPU runs con->write.  0, or -EINVAL
 * if con is not registered.  Not from an interrupt handler.
 */
int unregister_console(struct console *con);

/*
 * The registered consoles, in order.  Walking them outside printk is for
 * code that knows nobody registers or unregisters meanwhile (the boot
 * CPU before the others start, a test).
 */
extern struct console *console_drivers;

#define for_each_console(con) \
	for ((con) = console_drivers; (con); (con) = (con)->next)

#endif
