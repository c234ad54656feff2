/* SPDX-License-Identifier: MIT */
/*
 * clear_page and copy_page for harts without vector (asm/page.h picks):
 * a page in unrolled word loops of 32 words, so that each word costs its
 * store (and load) and the loop two or three instructions per 32 words.
 * The page faults of user address spaces spend most of their time here.
 */
#include <asm/asm.h>
#include <asm/page.h>

#define WORDS	32			/* per iteration */

	.text
	.balign 4

/* void clear_page_scalar(void *page) */
	.globl clear_page_scalar
clear_page_scalar:
	li	t0, PAGE_SIZE
	add	t0, a0, t0
1:
	.irp	i, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
	REG_S	zero, \i * SZREG(a0)
	.endr
	addi	a0, a0, WORDS * SZREG
	bne	a0, t0, 1b
	ret

/* void copy_page_scalar(void *to, const void *from): eight words in flight at a time */
	.macro	copy8 first
	REG_L	a2, (\first + 0) * SZREG(a1)
	REG_L	a3, (\first + 1) * SZREG(a1)
	REG_L	a4, (\first + 2) * SZREG(a1)
	REG_L	a5, (\first + 3) * SZREG(a1)
	REG_L	a6, (\first + 4) * SZREG(a1)
	REG_L	a7, (\first + 5) * SZREG(a1)
	REG_L	t1, (\first + 6) * SZREG(a1)
	REG_L	t2, (\first + 7) * SZREG(a1)
	REG_S	a2, (\first + 0) * SZREG(a0)
	REG_S	a3, (\first + 1) * SZREG(a0)
	REG_S	a4, (\first + 2) * SZREG(a0)
	REG_S	a5, (\first + 3) * SZREG(a0)
	REG_S	a6, (\first + 4) * SZREG(a0)
	REG_S	a7, (\first + 5) * SZREG(a0)
	REG_S	t1, (\first + 6) * SZREG(a0)
	REG_S	t2, (\first + 7) * SZREG(a0)
	.endm

	.globl copy_page_scalar
copy_page_scalar:
	li	t0, PAGE_SIZE
	add	t0, a1, t0
1:
	copy8	0
	copy8	8
	copy8	16
	copy8	24
	addi	a0, a0, WORDS * SZREG
	addi	a1, a1, WORDS * SZREG
	bne	a1, t0, 1b
	ret
