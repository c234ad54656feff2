/* SPDX-License-Identifier: MIT */
/* What the architecture hands to the generic kernel at boot. */
#ifndef TERN_BOOT_H
#define TERN_BOOT_H

#include <tern/compiler.h>
#include <tern/fdt.h>
#include <tern/types.h>

/* The device tree the firmware passed in a1, validated by early setup. */
extern struct fdt boot_fdt;

/* Kernel command line: /chosen/bootargs, or the CMDLINE option when absent. */
extern const char *boot_command_line;

/*
 * Finds "name" or "name=value" in the command line.  Returns true if
 * present; *value is set to the text after '=' (or NULL), *len to its
 * length.  Parameters are separated by spaces.
 */
bool cmdline_find(const char *cmdline, const char *name, const char **value, size_t *len);

/* Handles "crashtest=..." (kernel/crashtest.c, option CRASH_TEST). */
void crashtest_run(const char *cmdline);

void start_kernel(unsigned long hartid, phys_addr_t dtb) __noreturn;

#endif
