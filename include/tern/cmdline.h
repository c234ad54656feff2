/* SPDX-License-Identifier: MIT */
/*
 * Splitting the kernel command line into parameters (lib/cmdline.c).
 * Pure: no allocation, no kernel dependencies, nothing copied, so nothing
 * is ever truncated, and host unit tests run it under AddressSanitizer.
 *
 * The rules, Linux's:
 *  - Parameters are separated by blanks (space, tab, newline).
 *  - A parameter is "name" or "name=value", split at its first '='; the
 *    value may be empty ("name=").
 *  - Double quotes group: blanks between a pair of quotes do not end a
 *    parameter, so  msg="a b c"  is one.  Quotes are removed in two
 *    places only: around the value (ktest="fdt,string" gives fdt,string)
 *    and around the whole parameter ("msg=a b" gives msg and a b).  Any
 *    other quote is part of the name or value.  A quote never closed runs
 *    to the end of the line.
 *  - A "--" ends the kernel's parameters: what follows is for init.
 */
#ifndef TERN_CMDLINE_H
#define TERN_CMDLINE_H

#include <tern/types.h>

struct cmdline_param {
	const char *name;	/* name_len bytes, not NUL-terminated */
	size_t name_len;
	const char *value;	/* NULL for a bare "name"; else value_len bytes */
	size_t value_len;
};

/*
 * Parses the parameter at *pos into *p and moves *pos past it.  Returns
 * false at the end of the line, and at "--": *pos then points at the
 * first word after it (init's arguments) or at the terminating NUL.
 */
bool cmdline_next_param(const char **pos, struct cmdline_param *p);

/* Is p named name (a NUL-terminated string)? */
bool cmdline_param_is(const struct cmdline_param *p, const char *name);

/*
 * Finds the last "name" or "name=value" before any "--" (the last one
 * wins, as with the parameter handlers).  False if there is none.
 */
bool cmdline_find_param(const char *line, const char *name, struct cmdline_param *p);

#endif
