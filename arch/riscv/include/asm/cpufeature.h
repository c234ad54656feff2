/* SPDX-License-Identifier: MIT */
/*
 * What the harts implement, from the device tree (arch/riscv/kernel/cpufeature.c).
 *
 * riscv_isa holds one bit per single-letter extension ('a' is bit 0) that
 * EVERY usable hart names, in "riscv,isa" ("rv64imafdcv_zicsr...") or in
 * "riscv,isa-base" + "riscv,isa-extensions" (the newer binding).  Code may
 * use an extension only if its bit is set here: a kernel runs on machines
 * with and without it (QEMU's sifive_u harts have no V, virt's may).
 * Written once by arch_scan_harts on the boot hart, before the other harts
 * start; read-only afterwards.
 */
#ifndef ASM_CPUFEATURE_H
#define ASM_CPUFEATURE_H

#include <tern/fdt.h>
#include <tern/types.h>

extern unsigned long riscv_isa;

static inline bool riscv_has_extension(char letter)
{
	return riscv_isa & (1UL << (letter - 'a'));
}

/* The single-letter extensions of one CPU node, as riscv_isa bits; 0 if it names none. */
unsigned long riscv_isa_of_node(const struct fdt *fdt, int node);

/* True if the CPU node names the multi-letter extension ext ("sstc", "zicbom"). */
bool riscv_node_has_extension(const struct fdt *fdt, int node, const char *ext);

/* Called by arch_scan_harts for every usable hart: riscv_isa keeps what all share. */
void riscv_isa_add_hart(const struct fdt *fdt, int node);

/* After the scan: decides the page operations (asm/page.h) and says what was found. */
void riscv_isa_report(void);

#endif
