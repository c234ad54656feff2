/* SPDX-License-Identifier: MIT */
/*
 * Semihosting: calls from the guest to the emulator or debugger that runs
 * it, in ARM's convention (operation number, pointer to a parameter block),
 * which RISC-V adopted.  QEMU answers them only when started with
 * "-semihosting-config enable=on"; otherwise the trapping instruction is
 * caught and the call fails with -ENOSYS.
 */
#ifndef TERN_SEMIHOST_H
#define TERN_SEMIHOST_H

#define SEMIHOST_SYS_EXIT_EXTENDED	0x20	/* a (reason, subcode) block on rv32 and rv64 */
#define SEMIHOST_APPLICATION_EXIT	0x20026	/* ADP_Stopped_ApplicationExit */

/*
 * Performs operation op with parameter block arg (a kernel address; the
 * emulator reads it through the current translation).  Returns what the
 * host returns, or -ENOSYS if nothing answered.  Any context.
 */
long arch_semihost_call(unsigned long op, void *arg);

#endif
