/* SPDX-License-Identifier: MIT */
/*
 * Initcalls: functions that start_kernel runs so that code can set itself
 * up without the generic kernel naming it:
 *
 *	static int foo_init(void) { ... return 0 or -errno; }
 *	subsys_initcall(foo_init);
 *
 * A negative return is logged as a failed initcall; -ENODEV (no such
 * device in the device tree) is not an error.
 *
 * Each level is a linker section; the levels run in this order, and the
 * functions of one level in link order (the order of obj-y lines):
 *
 *	early	right after early setup has tried to validate the device
 *		tree, before anything that could panic, even about the tree
 *	core	the rest run from do_initcalls(): memory, the scheduler and
 *		the command line are up, interrupts are still off
 *	arch	the architecture's own devices (the harts' local interrupt
 *		controllers)
 *	subsys	subsystems that drivers register with
 *	device	drivers: the device tree's devices are created and bound
 *		(drivers/base/)
 *	late	what needs the devices bound: the last retry of deferred
 *		probes and the device summary
 *
 * The early level is for what the kernel needs in order to report its own
 * failure: the power-off device that gives QEMU the panic's exit status,
 * so that every panic from the first line on exits 2.  An early function
 * checks boot_fdt_valid() before reading boot_fdt (an unusable tree leaves
 * only board defaults), may ioremap and print, and nothing more: no
 * allocation, no timers, no interrupts, no panic.
 */
#ifndef TERN_INIT_H
#define TERN_INIT_H

#include <tern/compiler.h>

typedef int (*initcall_t)(void);

struct initcall {
	initcall_t fn;
	const char *name;
};

#define __define_initcall(fn, level)					\
	static const struct initcall __initcall_##level##_##fn		\
	__used __section(".initcalls." #level) __aligned(sizeof(void *)) = { fn, #fn }

#define early_initcall(fn)	__define_initcall(fn, early)
#define core_initcall(fn)	__define_initcall(fn, core)
#define arch_initcall(fn)	__define_initcall(fn, arch)
#define subsys_initcall(fn)	__define_initcall(fn, subsys)
#define device_initcall(fn)	__define_initcall(fn, device)
#define late_initcall(fn)	__define_initcall(fn, late)

/* The early level, from start_kernel right after arch_early_setup. */
void do_early_initcalls(void);
/* The core to late levels, in order. */
void do_initcalls(void);

/*
 * Starts the first process (kernel/init.c) and leaves the boot task
 * asleep for good; powers off when there is no init program to run.
 */
void __attribute__((__noreturn__)) start_init(void);

#endif
