/* SPDX-License-Identifier: MIT */
/*
 * Kernel entry, per the Linux RISC-V boot protocol: the firmware enters
 * here in S-mode with the MMU off, a0 = hart id, a1 = physical address of
 * the device tree.  The image starts with Linux's 64-byte image header so
 * any Linux Image loader can boot it.
 */
#include <asm/asm.h>
#include <asm/csr.h>

	.section .head.text, "ax"
	.globl _start
_start:
	/* code0/code1: jump over the header (two instructions, 8 bytes). */
	.option push
	.option norvc
	j	_start_kernel
	nop
	.option pop
	.balign 8
	.dword	CONFIG_KERNEL_TEXT_OFFSET	/* text_offset from RAM start */
	.dword	_end - _start			/* image_size, .bss included */
	.dword	0				/* flags: little endian */
	.word	2				/* header version 0.2 */
	.word	0				/* res1 */
	.dword	0				/* res2 */
	.ascii	"RISCV\0\0\0"			/* magic (deprecated) */
	.ascii	"RSC\x05"			/* magic2 */
	.word	0				/* res3: no PE/COFF header */

_start_kernel:
	/* No interrupts until trap handling is set up. */
	csrw	sie, zero
	csrw	sip, zero

	.option push
	.option norelax
	lla	gp, __global_pointer$
	.option pop

	/*
	 * Refuse to run where we were not linked: with the MMU off every
	 * absolute pointer in .data would be wrong.  Compare the link-time
	 * address (stored as data) with where we actually are.
	 */
	lla	t0, _start
	lla	t1, linked_start
	REG_L	t1, 0(t1)
	bne	t0, t1, .Lwrong_address

	/* Clear .bss, then run C on the boot stack. */
	lla	t0, __bss_start
	lla	t1, __bss_end
1:	bgeu	t0, t1, 2f
	REG_S	zero, 0(t0)
	addi	t0, t0, SZREG
	j	1b
2:
	lla	sp, boot_stack_top
	lla	tp, init_task		/* current: the boot code is the first task */
	mv	s0, zero		/* terminates frame-pointer backtraces */
	mv	ra, zero
	lla	t0, handle_trap_entry
	csrw	stvec, t0
	tail	start_kernel

/*
 * A secondary hart, started by SBI HSM hart_start (smp.c): S-mode, MMU
 * off, interrupts off, a0 = hart id, a1 = the idle task it is to become.
 * That task's context holds the top of its stack.
 */
	.text
	.globl secondary_entry
secondary_entry:
	csrw	sie, zero
	.option push
	.option norelax
	lla	gp, __global_pointer$
	.option pop
	mv	tp, a1
	REG_L	sp, SZREG(a1)		/* idle->ctx.sp */
	mv	s0, zero
	mv	ra, zero
	lla	t0, handle_trap_entry
	csrw	stvec, t0
	tail	smp_secondary_start

.Lwrong_address:
	/* Say so through the legacy SBI console; no C runtime yet. */
	lla	s1, wrong_address_msg
3:	lbu	a0, 0(s1)
	beqz	a0, 4f
	li	a7, 1			/* SBI v0.1 console_putchar */
	ecall
	addi	s1, s1, 1
	j	3b
4:	wfi
	j	4b

	.section .rodata
	.balign SZREG
linked_start:
	RISCV_PTR _start
wrong_address_msg:
	.asciz	"tern: loaded at the wrong address; check CONFIG_BOARD_RAM_BASE\n"
