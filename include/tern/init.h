/* SPDX-License-Identifier: MIT */
/*
 * Initcalls: functions that start_kernel runs once the device tree is
 * readable, in link order (the order of obj-y lines), so a driver can set
 * itself up without the generic kernel naming it:
 *
 *	static int foo_init(void) { ... return 0 or -errno; }
 *	initcall(foo_init);
 *
 * A negative return is logged as a failed initcall; -ENODEV (no such
 * device in the device tree) is not an error.
 *
 * early_initcall(fn) runs much earlier: right after early setup has
 * tried to validate the device tree, before anything that could panic,
 * even about the tree itself.  It is for what the kernel needs in order
 * to report its own failure: the power-off device that gives QEMU the
 * panic's exit status, so that every panic from the first line on exits
 * 2.  Such a function checks boot_fdt_valid() before reading boot_fdt
 * (an unusable tree leaves only board defaults), may print, and nothing
 * more: no allocation, no timers, no interrupts, no panic.  Its return
 * value is treated as above.
 */
#ifndef TERN_INIT_H
#define TERN_INIT_H

#include <tern/compiler.h>

typedef int (*initcall_t)(void);

struct initcall {
	initcall_t fn;
	const char *name;
};

#define initcall(fn)							\
	static const struct initcall __initcall_##fn			\
	__used __section(".initcalls") __aligned(sizeof(void *)) = { fn, #fn }

#define early_initcall(fn)						\
	static const struct initcall __early_initcall_##fn		\
	__used __section(".initcalls.early") __aligned(sizeof(void *)) = { fn, #fn }

void do_early_initcalls(void);
void do_initcalls(void);

#endif
