/* SPDX-License-Identifier: MIT */
/* What the architecture hands to the generic kernel at boot. */
#ifndef TERN_BOOT_H
#define TERN_BOOT_H

#include <tern/compiler.h>
#include <tern/fdt.h>
#include <tern/types.h>

/* Largest device tree the kernel reads: QEMU's are a few KiB; this bounds a bad header. */
#define DTB_MAX_SIZE	(1u << 20)

/* The device tree the firmware passed in a1, validated by arch_early_setup. */
extern struct fdt boot_fdt;

/* Did early setup accept the device tree?  (Early initcalls run either way.) */
static inline bool boot_fdt_valid(void)
{
	return boot_fdt.blob != NULL;
}

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

/*
 * The firmware enters with a0 = hart id and a1 = the device tree's
 * physical address: both register-wide (on rv32, a 64-bit parameter
 * would also take a2, which the boot protocol leaves undefined).
 */
void start_kernel(unsigned long hartid, uintptr_t dtb) __noreturn;

/* What start_kernel was given in a1, the device tree's physical address; arch_early_setup sets it. */
extern uintptr_t boot_dtb_address;

#endif
