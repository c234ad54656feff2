/* SPDX-License-Identifier: MIT */
/*
 * M-mode trap vector (mtvec, direct mode).  mscratch always holds the top of
 * this hart's firmware stack: traps come from S/U-mode, whose sp we must not
 * trust, and the firmware never nests traps (mstatus.MIE stays 0 in M-mode).
 * The saved frame is a struct fw_regs; fw_trap() may change it, and what it
 * holds on return is what the interrupted context gets back.
 */
#include <asm/asm.h>
#include <asm/csr.h>

#define FRAME_SIZE	(32 * SZREG)

.macro SAVE n
	REG_S	x\n, (\n * SZREG)(sp)
.endm
.macro LOAD n
	REG_L	x\n, (\n * SZREG)(sp)
.endm

	.text
	.align	2
	.globl	fw_trap_vector
fw_trap_vector:
	csrrw	sp, mscratch, sp
	addi	sp, sp, -FRAME_SIZE
	SAVE	1
	.irp	n, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	SAVE	\n
	.endr
	/* Interrupted sp into the frame; mscratch back to the stack top. */
	csrr	t0, mscratch
	REG_S	t0, (2 * SZREG)(sp)
	addi	t0, sp, FRAME_SIZE
	csrw	mscratch, t0

	mv	a0, sp
	call	fw_trap

	LOAD	1
	.irp	n, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31
	LOAD	\n
	.endr
	LOAD	2
	mret
