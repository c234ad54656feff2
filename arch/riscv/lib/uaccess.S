/* SPDX-License-Identifier: MIT */
/*
 * The copy routines of the uaccess helpers (asm/uaccess.h).  Every load
 * or store that may touch user memory has an exception-table entry; SUM
 * is set on entry and cleared on every way out.
 *
 * Copies and clears go word by word, eight words at a time, when the
 * addresses allow, and byte by byte otherwise.  A fault in the word loops
 * sends the block to the byte loop, from the block's start (the
 * registers move only after a whole block): a byte that faults there is
 * the first one not copied, so the count returned is exact.  Bytes
 * copied twice get the same value again.
 */
#include <asm/asm.h>
#include <asm/csr.h>
#include <tern/errno.h>

/* insn reg, addr with a fixup at label fixup. */
	.macro	uaccess insn, reg, addr, fixup
100:	\insn	\reg, \addr
	.pushsection __ex_table, "a"
	.balign	SZREG
	RISCV_PTR 100b, \fixup
	.popsection
	.endm

	.text
	.balign 4

/* unsigned long __asm_copy_user(void *to, const void *from, unsigned long n) */
	.globl	__asm_copy_user
__asm_copy_user:
	li	t6, SR_SUM
	csrs	sstatus, t6
	xor	t0, a0, a1
	andi	t0, t0, SZREG - 1
	bnez	t0, .Lcopy_bytes		/* never both aligned */
.Lcopy_align:
	andi	t0, a0, SZREG - 1
	beqz	t0, .Lcopy_blocks
	beqz	a2, .Lcopy_done
	uaccess	lbu, t1, 0(a1), .Lcopy_done
	uaccess	sb, t1, 0(a0), .Lcopy_done
	addi	a0, a0, 1
	addi	a1, a1, 1
	addi	a2, a2, -1
	j	.Lcopy_align
.Lcopy_blocks:
	li	t0, 8 * SZREG
	bltu	a2, t0, .Lcopy_bytes
	uaccess	REG_L, a3, 0 * SZREG(a1), .Lcopy_bytes
	uaccess	REG_L, a4, 1 * SZREG(a1), .Lcopy_bytes
	uaccess	REG_L, a5, 2 * SZREG(a1), .Lcopy_bytes
	uaccess	REG_L, a6, 3 * SZREG(a1), .Lcopy_bytes
	uaccess	REG_L, a7, 4 * SZREG(a1), .Lcopy_bytes
	uaccess	REG_L, t1, 5 * SZREG(a1), .Lcopy_bytes
	uaccess	REG_L, t2, 6 * SZREG(a1), .Lcopy_bytes
	uaccess	REG_L, t3, 7 * SZREG(a1), .Lcopy_bytes
	uaccess	REG_S, a3, 0 * SZREG(a0), .Lcopy_bytes
	uaccess	REG_S, a4, 1 * SZREG(a0), .Lcopy_bytes
	uaccess	REG_S, a5, 2 * SZREG(a0), .Lcopy_bytes
	uaccess	REG_S, a6, 3 * SZREG(a0), .Lcopy_bytes
	uaccess	REG_S, a7, 4 * SZREG(a0), .Lcopy_bytes
	uaccess	REG_S, t1, 5 * SZREG(a0), .Lcopy_bytes
	uaccess	REG_S, t2, 6 * SZREG(a0), .Lcopy_bytes
	uaccess	REG_S, t3, 7 * SZREG(a0), .Lcopy_bytes
	addi	a0, a0, 8 * SZREG
	addi	a1, a1, 8 * SZREG
	addi	a2, a2, -8 * SZREG
	j	.Lcopy_blocks
.Lcopy_bytes:
	beqz	a2, .Lcopy_done
	uaccess	lbu, t1, 0(a1), .Lcopy_done
	uaccess	sb, t1, 0(a0), .Lcopy_done
	addi	a0, a0, 1
	addi	a1, a1, 1
	addi	a2, a2, -1
	j	.Lcopy_bytes
.Lcopy_done:
	csrc	sstatus, t6
	mv	a0, a2
	ret

/* unsigned long __asm_clear_user(void __user *to, unsigned long n) */
	.globl	__asm_clear_user
__asm_clear_user:
	li	t6, SR_SUM
	csrs	sstatus, t6
.Lclear_align:
	andi	t0, a0, SZREG - 1
	beqz	t0, .Lclear_blocks
	beqz	a1, .Lclear_done
	uaccess	sb, zero, 0(a0), .Lclear_done
	addi	a0, a0, 1
	addi	a1, a1, -1
	j	.Lclear_align
.Lclear_blocks:
	li	t0, 8 * SZREG
	bltu	a1, t0, .Lclear_bytes
	uaccess	REG_S, zero, 0 * SZREG(a0), .Lclear_bytes
	uaccess	REG_S, zero, 1 * SZREG(a0), .Lclear_bytes
	uaccess	REG_S, zero, 2 * SZREG(a0), .Lclear_bytes
	uaccess	REG_S, zero, 3 * SZREG(a0), .Lclear_bytes
	uaccess	REG_S, zero, 4 * SZREG(a0), .Lclear_bytes
	uaccess	REG_S, zero, 5 * SZREG(a0), .Lclear_bytes
	uaccess	REG_S, zero, 6 * SZREG(a0), .Lclear_bytes
	uaccess	REG_S, zero, 7 * SZREG(a0), .Lclear_bytes
	addi	a0, a0, 8 * SZREG
	addi	a1, a1, -8 * SZREG
	j	.Lclear_blocks
.Lclear_bytes:
	beqz	a1, .Lclear_done
	uaccess	sb, zero, 0(a0), .Lclear_done
	addi	a0, a0, 1
	addi	a1, a1, -1
	j	.Lclear_bytes
.Lclear_done:
	csrc	sstatus, t6
	mv	a0, a1
	ret

/* long __asm_strncpy_from_user(char *dst, const char __user *src, long count), count > 0 */
	.globl	__asm_strncpy_from_user
__asm_strncpy_from_user:
	li	t6, SR_SUM
	csrs	sstatus, t6
	mv	t0, a1				/* src at the start */
	add	t2, a1, a2			/* src at the end */
1:
	uaccess	lbu, t1, 0(a1), .Lstr_fault
	sb	t1, 0(a0)
	beqz	t1, .Lstr_done
	addi	a0, a0, 1
	addi	a1, a1, 1
	bne	a1, t2, 1b
.Lstr_done:
	csrc	sstatus, t6
	sub	a0, a1, t0
	ret
.Lstr_fault:
	csrc	sstatus, t6
	li	a0, -EFAULT
	ret
