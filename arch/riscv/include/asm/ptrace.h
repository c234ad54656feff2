/* SPDX-License-Identifier: MIT */
/*
 * Register state saved on trap entry (arch/riscv/kernel/entry.S), in
 * Linux's layout: epc, then x1..x31, then the trap CSRs.
 */
#ifndef ASM_PTRACE_H
#define ASM_PTRACE_H

#define PT_NR_GPRS	32	/* epc + x1..x31 */
#define PT_STATUS	32
#define PT_BADADDR	33
#define PT_CAUSE	34
#define PT_ORIG_A0	35	/* from user mode only */
#define PT_SIZE_REGS	36	/* slots, kept even for 16-byte stack alignment */
/* A trap frame: struct pt_regs, then a frame record {fp, ra} (entry.S). */
#define PT_FRAME_SLOTS	(PT_SIZE_REGS + 2)

#ifndef __ASSEMBLER__
struct pt_regs {
	unsigned long epc;
	unsigned long ra, sp, gp, tp;
	unsigned long t0, t1, t2;
	unsigned long s0, s1;
	unsigned long a0, a1, a2, a3, a4, a5, a6, a7;
	unsigned long s2, s3, s4, s5, s6, s7, s8, s9, s10, s11;
	unsigned long t3, t4, t5, t6;
	unsigned long status;
	unsigned long badaddr;	/* stval */
	unsigned long cause;	/* scause */
	unsigned long orig_a0;	/* a0 at a system call's entry, for a restart */
};

_Static_assert(sizeof(struct pt_regs) == PT_SIZE_REGS * sizeof(long) &&
	       __builtin_offsetof(struct pt_regs, orig_a0) == PT_ORIG_A0 * sizeof(long),
	       "entry.S and struct pt_regs disagree");

#define PT_FRAME_SIZE	(PT_FRAME_SLOTS * sizeof(long))

/* Did the trap come from user mode (sstatus.SPP clear)? */
static inline int user_mode(const struct pt_regs *regs)
{
	return !(regs->status & (1UL << 8));
}

/*
 * Leaves the kernel for user mode with the registers in regs, which is
 * the trap frame at the top of current's kernel stack (entry.S).
 * Interrupts may be on; they are turned off first.
 */
void ret_to_user(struct pt_regs *regs) __attribute__((__noreturn__));
#endif

#endif
