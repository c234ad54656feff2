/* SPDX-License-Identifier: MIT */
/*
 * __switch_to(prev, next): save the callee-saved registers (the only ones
 * a C caller expects to survive a call) into prev's context, load next's,
 * point tp at next, and return into next with a0 still prev.  Layout:
 * struct context in asm/switch.h, at offset 0 of struct task.
 */
#include <asm/asm.h>

	.text
	.globl __switch_to
__switch_to:
	REG_S	ra, 0*SZREG(a0)
	REG_S	sp, 1*SZREG(a0)
	REG_S	s0, 2*SZREG(a0)
	REG_S	s1, 3*SZREG(a0)
	REG_S	s2, 4*SZREG(a0)
	REG_S	s3, 5*SZREG(a0)
	REG_S	s4, 6*SZREG(a0)
	REG_S	s5, 7*SZREG(a0)
	REG_S	s6, 8*SZREG(a0)
	REG_S	s7, 9*SZREG(a0)
	REG_S	s8, 10*SZREG(a0)
	REG_S	s9, 11*SZREG(a0)
	REG_S	s10, 12*SZREG(a0)
	REG_S	s11, 13*SZREG(a0)

	REG_L	ra, 0*SZREG(a1)
	REG_L	sp, 1*SZREG(a1)
	REG_L	s0, 2*SZREG(a1)
	REG_L	s1, 3*SZREG(a1)
	REG_L	s2, 4*SZREG(a1)
	REG_L	s3, 5*SZREG(a1)
	REG_L	s4, 6*SZREG(a1)
	REG_L	s5, 7*SZREG(a1)
	REG_L	s6, 8*SZREG(a1)
	REG_L	s7, 9*SZREG(a1)
	REG_L	s8, 10*SZREG(a1)
	REG_L	s9, 11*SZREG(a1)
	REG_L	s10, 12*SZREG(a1)
	REG_L	s11, 13*SZREG(a1)
	mv	tp, a1
	ret
