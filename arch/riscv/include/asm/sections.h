/* SPDX-License-Identifier: MIT */
/* Symbols placed by arch/riscv/kernel/vmlinux.lds.S. */
#ifndef ASM_SECTIONS_H
#define ASM_SECTIONS_H

extern char _start[], _end[];
extern char _stext[], _etext[];
extern char __start_rodata[], __end_rodata[], __end_rw[];
extern char __bss_start[], __bss_end[];
extern char boot_stack_top[];

#endif
