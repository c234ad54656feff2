/* SPDX-License-Identifier: MIT */
/*
 * clear_page and copy_page with the vector extension (asm/page.h picks
 * them only when every hart has V): each vse8/vle8 moves 8 vector
 * registers (LMUL=8), 128 bytes with QEMU's default VLEN of 128 bits, so a
 * page takes 32 iterations instead of 512 word stores (and loads).  The
 * loops are vector-length agnostic: they work for any VLEN.
 *
 * The kernel keeps sstatus.VS Off everywhere else, and user mode never
 * gets it on, so there is no vector state to save: each routine turns VS
 * on with interrupts off (no trap can run code that finds VS on, or
 * switch tasks in the middle), and restores sstatus as it found it.  The
 * vector registers keep page data afterwards; nothing can read them
 * while VS is Off.  If user programs are ever given V, their vector state
 * must be saved first and these registers cleared before returning.
 */
#include <asm/asm.h>
#include <asm/csr.h>
#include <asm/page.h>

	.option	push
	.option	arch, +v
	.text
	.balign 4

/* t1 = sstatus as found; interrupts off, VS Initial. */
.macro	VECTOR_BEGIN
	li	t2, SR_SIE
	csrrc	t1, sstatus, t2
	li	t2, SR_VS_INITIAL
	csrs	sstatus, t2
.endm

.macro	VECTOR_END
	csrw	sstatus, t1
.endm

/* void clear_page_vector(void *page) */
	.globl clear_page_vector
clear_page_vector:
	VECTOR_BEGIN
	li	a1, PAGE_SIZE
	/*
	 * vl stays the same on every iteration: VLMAX is a power of two, so
	 * PAGE_SIZE is either at most VLMAX (one iteration) or at least
	 * twice it (vl = VLMAX, and the rest stays a multiple of it).
	 */
	vsetvli	t0, a1, e8, m8, ta, ma
	vmv.v.i	v0, 0
1:
	vse8.v	v0, (a0)
	add	a0, a0, t0
	sub	a1, a1, t0
	bnez	a1, 1b
	VECTOR_END
	ret

/* void copy_page_vector(void *to, const void *from) */
	.globl copy_page_vector
copy_page_vector:
	VECTOR_BEGIN
	li	a2, PAGE_SIZE
1:
	vsetvli	t0, a2, e8, m8, ta, ma
	vle8.v	v0, (a1)
	vse8.v	v0, (a0)
	add	a1, a1, t0
	add	a0, a0, t0
	sub	a2, a2, t0
	bnez	a2, 1b
	VECTOR_END
	ret

/* unsigned long riscv_vlenb(void): bytes per vector register */
	.globl riscv_vlenb
riscv_vlenb:
	VECTOR_BEGIN
	csrr	a0, vlenb
	VECTOR_END
	ret

	.option	pop
