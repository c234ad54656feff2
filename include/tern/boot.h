/* SPDX-License-Identifier: MIT */
/* What the architecture hands to the generic kernel at boot. */
#ifndef TERN_BOOT_H
#define TERN_BOOT_H

#include <tern/compiler.h>
#include <tern/fdt.h>
#include <tern/types.h>

/* The device tree the firmware passed in a1, validated by early setup. */
extern struct fdt boot_fdt;

/*
 * Kernel command line: /chosen/bootargs, or the CMDLINE option when it is
 * absent or empty.  The parameters on it are declared with __setup and
 * early_param (<tern/params.h>).
 */
extern const char *boot_command_line;

/*
 * Sets boot_command_line from the device tree.  A bootargs property that
 * is not a NUL-terminated string is ignored, with a warning.
 */
void setup_command_line(void);

/* Runs the crash that "crashtest=..." asked for (kernel/crashtest.c, option CRASH_TEST). */
void crashtest_run(void);

void start_kernel(unsigned long hartid, phys_addr_t dtb) __noreturn;

#endif
