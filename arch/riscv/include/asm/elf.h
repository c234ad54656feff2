/* SPDX-License-Identifier: MIT */
/* What the ELF loader (fs/binfmt_elf.c) asks of the architecture. */
#ifndef ASM_ELF_H
#define ASM_ELF_H

#include <asm/memlayout.h>
#include <tern/elf.h>

#define ELF_CLASS	(__riscv_xlen == 64 ? ELFCLASS64 : ELFCLASS32)

/* Where an ET_DYN program (static-PIE) is loaded: two thirds up, as Linux does. */
#define ELF_ET_DYN_BASE	((TASK_SIZE / 3 * 2) & ~(ELF_PAGE_SIZE - 1))

/*
 * AT_HWCAP: bit (c - 'a') for every single-letter extension c in the
 * boot hart's riscv,isa string ("rv64imafdc_zicsr": i m a f d c).
 * Computed once (arch/riscv/kernel/hwcap.c).
 */
unsigned long elf_hwcap(void);

#endif
