/* SPDX-License-Identifier: MIT */
/* The device tree's CPU nodes (arch/riscv/kernel/cpu.c). */
#ifndef ASM_CPU_H
#define ASM_CPU_H

#include <tern/fdt.h>

/*
 * The one rule for "this /cpus child describes a hart we may use", for
 * every caller: device_type "cpu", status "okay"/"ok" or absent, and a
 * reg that holds the hart id.  Tern's firmware applies the same rule
 * (arch/riscv/firmware/platform.c), and OpenSBI marks "disabled" the
 * harts it keeps from the kernel.  0 and *hartid, or -ENODEV.
 */
int riscv_cpu_node_hartid(const struct fdt *fdt, int node, unsigned long *hartid);

/* The boot hart's CPU node in boot_fdt, found by arch_scan_harts. */
int riscv_boot_cpu_node(void);

#endif
