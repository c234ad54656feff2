/* SPDX-License-Identifier: MIT */
/* Assembler helpers that hide the register width (rv32 / rv64). */
#ifndef ASM_ASM_H
#define ASM_ASM_H

#if __riscv_xlen == 64
#define REG_L		ld
#define REG_S		sd
#define SZREG		8
#define LGREG		3
#define RISCV_PTR	.dword
#else
#define REG_L		lw
#define REG_S		sw
#define SZREG		4
#define LGREG		2
#define RISCV_PTR	.word
#endif

#endif
