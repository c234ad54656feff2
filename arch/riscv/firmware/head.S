/* SPDX-License-Identifier: MIT */
/*
 * Reset entry of the Tern firmware.  QEMU starts every hart here, in M-mode,
 * with a0 = hartid, a1 = DTB, a2 = struct fw_dynamic_info.  Each hart gets
 * its own stack, then fw_main() decides which one boots the system.
 */
#include <asm/asm.h>
#include <asm/csr.h>
#include "fw.h"

	.section .text.head, "ax"
	.globl	_start
_start:
	csrw	mie, zero
	csrr	t0, mhartid
	li	t1, FW_MAX_HARTS
	bgeu	t0, t1, .Lpark_forever

	/* sp = top of this hart's stack; hart 0's stack is the lowest. */
	la	sp, _fw_stacks
	addi	t1, t0, 1
	li	t2, FW_STACK_SIZE
	mul	t1, t1, t2
	add	sp, sp, t1

	/*
	 * entry.S swaps sp with mscratch on every trap, so mscratch must hold
	 * the stack top before a trap can happen; the trap frame's space at
	 * the top stays free (fw.h).
	 */
	csrw	mscratch, sp
	addi	sp, sp, -FW_TRAP_FRAME_SIZE
	la	t1, fw_trap_vector
	csrw	mtvec, t1

	mv	a0, t0
	call	fw_main
	/* fw_main does not return */

	/* A hart we have no stack for: it never runs, not even under HSM. */
.Lpark_forever:
	wfi
	j	.Lpark_forever
