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

void do_initcalls(void);

#endif
