/* SPDX-License-Identifier: MIT */
/*
 * Where the console should be, as the command line and the device tree
 * say it (drivers/tty/serial/console_arg.c, pure, also built by the host
 * tests):
 *
 *   console=ttyS0,115200n8   a device name, its index, its options
 *   /chosen/stdout-path = "/soc/serial@10000000:115200"
 *                            a node path or an alias, then options
 *
 * Options are a baud rate and optionally parity (n, o, e), data bits and
 * flow control (r); only the baud rate is kept.
 */
#ifndef TERN_CONSOLE_ARG_H
#define TERN_CONSOLE_ARG_H

#include <tern/types.h>

#define CONSOLE_NAME_MAX	16	/* with its NUL */

struct console_arg {
	char name[CONSOLE_NAME_MAX];	/* "ttyS" */
	int index;			/* 0, or -1 when the name had no number */
	u32 baud;			/* 0 when not given */
};

/*
 * Parses the len bytes at s ("ttyS0,115200n8"): 0, or -EINVAL for an
 * empty or over-long name, an index above 255, or options that do not
 * read as above (out is then cleared).
 */
int console_arg_parse(const char *s, size_t len, struct console_arg *out);

/*
 * Splits a stdout-path value (len bytes, without its NUL) at its first
 * ':': *path_len is the length of the path or alias, *baud the options'
 * baud rate (0 when none).  0, or -EINVAL for an empty path or bad
 * options.
 */
int stdout_path_split(const char *s, size_t len, size_t *path_len, u32 *baud);

#endif
