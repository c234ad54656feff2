/* SPDX-License-Identifier: MIT */
/*
 * Trap entry and exit.  Every trap lands here (stvec): save the whole
 * register state as a struct pt_regs, call do_trap(regs) with sstatus.SUM
 * clear, restore everything (including sepc/sstatus, which the handler
 * may change) and sret.
 *
 * Which stack: sscratch is 0 while the hart runs the kernel, and holds
 * the current struct task while it runs user mode (as in Linux).  The
 * entry swaps tp with sscratch: a nonzero tp then means the trap came
 * from user mode, and the frame goes at the top of the task's kernel
 * stack (task->kernel_sp); otherwise tp is put back and the frame goes
 * on the current stack.  The way out to user mode (SPP clear in the
 * saved sstatus) puts the task back in sscratch.
 */
#include <asm/asm.h>
#include <asm/csr.h>
#include <asm/ptrace.h>
#include <asm/switch.h>

#define SLOT(n)	((n) * SZREG)
/*
 * The trap frame: struct pt_regs, then a frame record {fp, ra} = {trapped
 * s0, trapped pc} just below the old sp.  With s0 pointing above it, a
 * frame-pointer backtrace from the handler walks on into the trapped code.
 */
#define FRAME_SLOTS	PT_FRAME_SLOTS

/*
 * user=1: the trap came from user mode, whose sp and tp the caller stores
 * (they are elsewhere by then), and whose frame record is {0, pc}.  On
 * return t0 holds scause.
 */
.macro SAVE_TRAP_FRAME user=0
	addi	sp, sp, -SLOT(FRAME_SLOTS)
	REG_S	x1, SLOT(1)(sp)
	/* x2 (sp) is stored below, as its value before the trap. */
	REG_S	x3, SLOT(3)(sp)
.if \user == 0
	REG_S	x4, SLOT(4)(sp)
.endif
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

.if \user == 0
	addi	t0, sp, SLOT(FRAME_SLOTS)
	REG_S	t0, SLOT(2)(sp)
	REG_S	s0, SLOT(PT_SIZE_REGS)(sp)
.else
	/* The frame record ends a backtrace at the user pc. */
	REG_S	zero, SLOT(PT_SIZE_REGS)(sp)
.endif
	csrr	t0, sepc
	REG_S	t0, SLOT(0)(sp)
	REG_S	t0, SLOT(PT_SIZE_REGS + 1)(sp)
	/* The handler runs without SUM (only the uaccess helpers set it); sret restores it. */
	li	t1, SR_SUM
	csrrc	t0, sstatus, t1
	REG_S	t0, SLOT(PT_STATUS)(sp)
	csrr	t0, stval
	REG_S	t0, SLOT(PT_BADADDR)(sp)
	csrr	t0, scause
	REG_S	t0, SLOT(PT_CAUSE)(sp)
.endm

	.text
	.balign 4
	.globl handle_trap_entry
handle_trap_entry:
	csrrw	tp, sscratch, tp
	bnez	tp, handle_user_trap
	csrrw	tp, sscratch, zero	/* from the kernel: tp back, sscratch 0 again */
#ifdef CONFIG_VMAP_STACK
	/*
	 * Would the trap frame reach below the current task's stack (its
	 * lowest address in tp->stack; 0 for the boot stack, which is not
	 * checked)?  Then the stack overflowed into its guard page, and
	 * pushing the frame would fault again: go to the overflow stack.
	 * t0 is kept in sscratch meanwhile.
	 */
	csrw	sscratch, t0
	REG_L	t0, TASK_STACK_OFFSET(tp)
	addi	t0, t0, SLOT(FRAME_SLOTS)
	bltu	sp, t0, handle_stack_overflow
	csrrw	t0, sscratch, zero
#endif
	SAVE_TRAP_FRAME
	mv	a0, sp
	addi	s0, sp, SLOT(FRAME_SLOTS)
	call	do_trap
	j	ret_from_trap

/*
 * From user mode: tp is the task, sscratch the user's tp.  The user's sp
 * waits in task->user_sp until the frame has room for it.
 */
handle_user_trap:
	REG_S	sp, TASK_USER_SP_OFFSET(tp)
	REG_L	sp, TASK_KERNEL_SP_OFFSET(tp)
	SAVE_TRAP_FRAME user=1
	REG_L	t1, TASK_USER_SP_OFFSET(tp)
	REG_S	t1, SLOT(2)(sp)
	csrrw	t1, sscratch, zero
	REG_S	t1, SLOT(4)(sp)
	/* The kernel addresses globals through gp (linker relaxation): the user's is saved. */
.option push
.option norelax
	la	gp, __global_pointer$
.option pop
	mv	a0, sp
	addi	s0, sp, SLOT(FRAME_SLOTS)
#ifdef CONFIG_PROCESSES
	/*
	 * A system call (t0 is scause) skips the trap dispatch both ways:
	 * do_user_syscall returns with interrupts off, to user mode.
	 */
	li	t1, EXC_ECALL_U
	bne	t0, t1, 1f
	call	do_user_syscall
	j	ret_from_syscall
1:
#endif
	call	do_trap
	j	ret_from_trap

/* void ret_to_user(struct pt_regs *regs): regs is the frame atop current's stack. */
	.globl ret_to_user
ret_to_user:
	mv	sp, a0

/*
 * sp is the trap frame.  Interrupts go off until sret; a return to user
 * mode puts the task (tp) in sscratch for the next entry.
 */
ret_from_trap:
	csrci	sstatus, SR_SIE
	REG_L	t0, SLOT(PT_STATUS)(sp)
	andi	t1, t0, SR_SPP
	bnez	t1, 1f
	csrw	sscratch, tp
1:	csrw	sstatus, t0
	j	restore_regs

/* Interrupts are off and the frame returns to user mode (SPP clear). */
ret_from_syscall:
	csrw	sscratch, tp
	REG_L	t0, SLOT(PT_STATUS)(sp)
	csrw	sstatus, t0
restore_regs:
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

#ifdef CONFIG_VMAP_STACK
/*
 * The trap entry found the stack overflowed: sp is below the task's stack
 * (in the unmapped page under it), t0 is in sscratch.  Take the one
 * overflow stack (a CPU that finds it taken waits: the first panics),
 * save the registers there as a trap frame, with the trapped sp put back
 * in it, and report (traps.c).  Never returns.
 */
	.balign 4
handle_stack_overflow:
1:	lla	t0, overflow_stack_owner
	amoswap.w.aq t0, t0, (t0)
	bnez	t0, 1b
	lla	t0, overflow_stack_top
	REG_S	sp, -SZREG(t0)		/* the trapped sp, for the frame below */
	addi	sp, t0, -16
	csrr	t0, sscratch
	SAVE_TRAP_FRAME
	REG_L	t0, SLOT(FRAME_SLOTS)+16-SZREG(sp)
	REG_S	t0, SLOT(2)(sp)
	/*
	 * The frame record's fp is cleared: a backtrace from here stops at
	 * the trapped pc instead of walking frames that may lie in the
	 * guard page (show_regs still names the trapped code).
	 */
	REG_S	zero, SLOT(PT_SIZE_REGS)(sp)
	mv	a0, sp
	addi	s0, sp, SLOT(FRAME_SLOTS)
	call	handle_kernel_stack_overflow
2:	wfi
	j	2b

	.bss
	.balign 16
overflow_stack:
	.space	4096
overflow_stack_top:
	/* At 4 mod 8: its address, which a CPU swaps in to take it, is never 0. */
	.word	0
overflow_stack_owner:
	.word	0
#endif
