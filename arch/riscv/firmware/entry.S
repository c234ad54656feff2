/* SPDX-License-Identifier: MIT */
/*
 * M-mode trap vector (mtvec, direct mode).  mscratch always holds the top of
 * this hart's firmware stack: traps come from S/U-mode, whose sp we must not
 * trust.  The frame goes in the top FW_TRAP_FRAME_SIZE bytes, which code
 * outside a trap never uses (head.S), so the traps M-mode takes itself (a
 * probe's access fault, a fatal fault) leave the interrupted frames intact.
 * Interrupts never nest: mstatus.MIE stays 0 in M-mode.
 * The saved frame is a struct fw_regs; fw_trap() may change it, and what it
 * holds on return is what the interrupted context gets back.
 */
#include <asm/asm.h>
#include <asm/csr.h>
#include "fw.h"

#define FRAME_SIZE	FW_TRAP_FRAME_SIZE

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

/*
 * bool fw_probe_lbu(uintptr_t addr), bool fw_probe_lw(uintptr_t addr):
 * a0 = 1, then the load.  If the load raises an access fault, fw_trap()
 * sees mepc at the _insn label, sets a0 = 0 and resumes after the load,
 * which is 4 bytes long (norvc) for that reason.
 */
	.globl	fw_probe_lbu, fw_probe_lbu_insn, fw_probe_lw, fw_probe_lw_insn
fw_probe_lbu:
	mv	t0, a0
	li	a0, 1
	.option	push
	.option	norvc
fw_probe_lbu_insn:
	lbu	t0, 0(t0)
	.option	pop
	ret

fw_probe_lw:
	mv	t0, a0
	li	a0, 1
	.option	push
	.option	norvc
fw_probe_lw_insn:
	lw	t0, 0(t0)
	.option	pop
	ret
