/* SPDX-License-Identifier: MIT */
/*
 * What the generic kernel asks of the architecture (arch/riscv/kernel/).
 */
#ifndef TERN_ARCH_H
#define TERN_ARCH_H

#include <asm/timex.h>
#include <tern/compiler.h>
#include <tern/types.h>

extern unsigned long boot_hartid;
extern unsigned int nr_harts_present;	/* enabled harts in the device tree */
extern unsigned int nr_cpus_possible;	/* of them, those with a CPU number (NR_CPUS) */

/*
 * Counts and logs the harts /cpus describes.  Panics if the hart the
 * kernel runs on has no usable CPU node (absent, or marked disabled).
 */
void arch_scan_harts(void);

/*
 * Registers the firmware's console as the boot console (<tern/console.h>):
 * the first call of start_kernel, so that printk works from its first line.
 */
void arch_early_console_init(void);

/*
 * Records the boot hart and the DTB's address (boot_dtb_address) and
 * validates the DTB into boot_fdt; 0, or
 * -EINVAL (a bad tree) or -EFAULT (nothing readable at its address).
 */
int arch_early_setup(unsigned long hartid, uintptr_t dtb);

/*
 * With paging: builds the kernel's page tables from the boot memory map
 * and switches to them (the boot page table is temporary).  Once, after
 * memblock is final but for its own allocations, before mm_init.
 * Without paging there is nothing to do.
 */
void arch_paging_init(void);

/* Reserves the kernel image in the boot memory map (panics if it cannot). */
void arch_reserve_memory(void);

/*
 * Checks that the RAM the device tree describes is there, as far as the
 * architecture can tell: panics naming a memory range that does not answer.
 */
void arch_check_memory(void);

/* Logs the firmware and image layout. */
void arch_print_info(void);

/* arch_read_time(): the 'time' counter, in ticks of timebase-frequency (asm/timex.h). */

/* Stops this hart for good (interrupts are off, so wfi never returns). */
void arch_cpu_relax_forever(void) __noreturn;

/* Asks the firmware to power off; returns only if it could not. */
void arch_power_off(int status);

/* Asks the firmware to restart the machine; returns only if it could not. */
void arch_restart(void);

/* Names an scause value ("Load access fault"). */
const char *trap_cause_name(unsigned long cause);

#endif
