/* SPDX-License-Identifier: MIT */
/*
 * Kernel command line parameters, each declared where it is used, as in
 * Linux:
 *
 *	static int loglevel_setup(const char *value, size_t len) { ... }
 *	early_param("loglevel", loglevel_setup);
 *
 *	static int ktest_setup(const char *value, size_t len) { ... }
 *	__setup("ktest=", ktest_setup);
 *
 * The declaration goes into the .boot_params linker section; start_kernel
 * walks the command line (split by the rules of <tern/cmdline.h>) and
 * calls the handler of each parameter it finds, in command-line order, so
 * the last of two "loglevel=" wins.  The trailing '=' of __setup's name is
 * Linux's spelling and changes nothing: a handler is called for a bare
 * "name" with value NULL, and for "name=value" with the value (len bytes,
 * not NUL-terminated, possibly empty, never truncated, pointing into the
 * command line, which stays in place for good).  A handler returns 0, or
 * -EINVAL for a value it refuses (logged; the boot goes on).
 *
 * Two moments:
 *  - early_param: right after the device tree is read, before the banner;
 *    the handler may use only the console (loglevel, later earlycon).
 *  - __setup: once memory is up; the handler may allocate.
 * A parameter with no handler at either moment is unknown: all of them
 * are logged once, in one line.  Linux hands them to init; so will we.
 * The words after "--" are init's (boot_init_args).
 */
#ifndef TERN_PARAMS_H
#define TERN_PARAMS_H

#include <tern/compiler.h>
#include <tern/types.h>

struct boot_param {
	const char *name;	/* "loglevel", or "ktest=" as __setup spells it */
	int (*setup)(const char *value, size_t len);
	bool early;
} __aligned(sizeof(void *));

#define __boot_param(str, fn, is_early)					\
	static const struct boot_param __boot_param_##fn		\
	__used __section(".boot_params") = { str, fn, is_early }

#define __setup(str, fn)	__boot_param(str, fn, false)
#define early_param(str, fn)	__boot_param(str, fn, true)

/* The handler registered for name (name_len bytes), or NULL. */
const struct boot_param *boot_param_find(const char *name, size_t name_len);

/* Runs the early_param handlers of the parameters on cmdline. */
void parse_early_params(const char *cmdline);

/* Runs the __setup handlers, then logs every parameter nobody handles. */
void parse_boot_params(const char *cmdline);

/* The words after "--" on the command line ("" if none): init's. */
extern const char *boot_init_args;

#endif
