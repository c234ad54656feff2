/* SPDX-License-Identifier: MIT */
/*
 * Trap entry and exit.  Every trap taken in S-mode lands here (stvec): save
 * the whole register state as a struct pt_regs on the current stack, call
 * do_trap(regs), restore everything (including sepc/sstatus, which the
 * handler may change) and sret.
 */
#include <asm/asm.h>
#include <asm/csr.h>
#include <asm/ptrace.h>

#define SLOT(n)	((n) * SZREG)
/*
 * The trap frame: struct pt_regs, then a frame record {fp, ra} = {trapped
 * s0, trapped pc} just below the old sp.  With s0 pointing above it, a
 * frame-pointer backtrace from the handler walks on into the trapped code.
 */
#define FRAME_SLOTS	(PT_SIZE_REGS + 2)

	.text
	.balign 4
	.globl handle_trap_entry
handle_trap_entry:
	addi	sp, sp, -SLOT(FRAME_SLOTS)
	REG_S	x1, SLOT(1)(sp)
	/* x2 (sp) is stored below, as its value before the trap. */
	REG_S	x3, SLOT(3)(sp)
	REG_S	x4, SLOT(4)(sp)
	REG_S	x5, SLOT(5)(sp)
	REG_S	x6, SLOT(6)(sp)
	REG_S	x7, SLOT(7)(sp)
	REG_S	x8, SLOT(8)(sp)
	REG_S	x9, SLOT(9)(sp)
	REG_S	x10, SLOT(10)(sp)
	REG_S	x11, SLOT(11)(sp)
	REG_S	x12, SLOT(12)(sp)
	REG_S	x13, SLOT(13)(sp)
	REG_S	x14, SLOT(14)(sp)
	REG_S	x15, SLOT(15)(sp)
	REG_S	x16, SLOT(16)(sp)
	REG_S	x17, SLOT(17)(sp)
	REG_S	x18, SLOT(18)(sp)
	REG_S	x19, SLOT(19)(sp)
	REG_S	x20, SLOT(20)(sp)
	REG_S	x21, SLOT(21)(sp)
	REG_S	x22, SLOT(22)(sp)
	REG_S	x23, SLOT(23)(sp)
	REG_S	x24, SLOT(24)(sp)
	REG_S	x25, SLOT(25)(sp)
	REG_S	x26, SLOT(26)(sp)
	REG_S	x27, SLOT(27)(sp)
	REG_S	x28, SLOT(28)(sp)
	REG_S	x29, SLOT(29)(sp)
	REG_S	x30, SLOT(30)(sp)
	REG_S	x31, SLOT(31)(sp)

	addi	t0, sp, SLOT(FRAME_SLOTS)
	REG_S	t0, SLOT(2)(sp)
	csrr	t0, sepc
	REG_S	t0, SLOT(0)(sp)
	REG_S	t0, SLOT(PT_SIZE_REGS + 1)(sp)
	REG_S	s0, SLOT(PT_SIZE_REGS)(sp)
	csrr	t0, sstatus
	REG_S	t0, SLOT(PT_STATUS)(sp)
	csrr	t0, stval
	REG_S	t0, SLOT(PT_BADADDR)(sp)
	csrr	t0, scause
	REG_S	t0, SLOT(PT_CAUSE)(sp)

	mv	a0, sp
	addi	s0, sp, SLOT(FRAME_SLOTS)
	call	do_trap

	REG_L	t0, SLOT(PT_STATUS)(sp)
	csrw	sstatus, t0
	REG_L	t0, SLOT(0)(sp)
	csrw	sepc, t0

	REG_L	x1, SLOT(1)(sp)
	REG_L	x3, SLOT(3)(sp)
	REG_L	x4, SLOT(4)(sp)
	REG_L	x5, SLOT(5)(sp)
	REG_L	x6, SLOT(6)(sp)
	REG_L	x7, SLOT(7)(sp)
	REG_L	x8, SLOT(8)(sp)
	REG_L	x9, SLOT(9)(sp)
	REG_L	x10, SLOT(10)(sp)
	REG_L	x11, SLOT(11)(sp)
	REG_L	x12, SLOT(12)(sp)
	REG_L	x13, SLOT(13)(sp)
	REG_L	x14, SLOT(14)(sp)
	REG_L	x15, SLOT(15)(sp)
	REG_L	x16, SLOT(16)(sp)
	REG_L	x17, SLOT(17)(sp)
	REG_L	x18, SLOT(18)(sp)
	REG_L	x19, SLOT(19)(sp)
	REG_L	x20, SLOT(20)(sp)
	REG_L	x21, SLOT(21)(sp)
	REG_L	x22, SLOT(22)(sp)
	REG_L	x23, SLOT(23)(sp)
	REG_L	x24, SLOT(24)(sp)
	REG_L	x25, SLOT(25)(sp)
	REG_L	x26, SLOT(26)(sp)
	REG_L	x27, SLOT(27)(sp)
	REG_L	x28, SLOT(28)(sp)
	REG_L	x29, SLOT(29)(sp)
	REG_L	x30, SLOT(30)(sp)
	REG_L	x31, SLOT(31)(sp)
	REG_L	x2, SLOT(2)(sp)
	sret
