/* SPDX-License-Identifier: MIT */
/*
 * __fpu_save(struct thread_fpu *), __fpu_restore(const struct thread_fpu *):
 * the 32 FP registers and fcsr, with sstatus.FS on meanwhile (the kernel
 * itself runs with FS off: it has no FP instructions).  The caller
 * checked that the hart has the D extension.
 */
#include <asm/asm.h>
#include <asm/csr.h>

#define FSLOT(n)	((n) * 8)

	.text
	.option push
	.option arch, +d

	.globl __fpu_save
__fpu_save:
	li	t1, SR_FS
	csrs	sstatus, t1
	fsd	f0, FSLOT(0)(a0)
	fsd	f1, FSLOT(1)(a0)
	fsd	f2, FSLOT(2)(a0)
	fsd	f3, FSLOT(3)(a0)
	fsd	f4, FSLOT(4)(a0)
	fsd	f5, FSLOT(5)(a0)
	fsd	f6, FSLOT(6)(a0)
	fsd	f7, FSLOT(7)(a0)
	fsd	f8, FSLOT(8)(a0)
	fsd	f9, FSLOT(9)(a0)
	fsd	f10, FSLOT(10)(a0)
	fsd	f11, FSLOT(11)(a0)
	fsd	f12, FSLOT(12)(a0)
	fsd	f13, FSLOT(13)(a0)
	fsd	f14, FSLOT(14)(a0)
	fsd	f15, FSLOT(15)(a0)
	fsd	f16, FSLOT(16)(a0)
	fsd	f17, FSLOT(17)(a0)
	fsd	f18, FSLOT(18)(a0)
	fsd	f19, FSLOT(19)(a0)
	fsd	f20, FSLOT(20)(a0)
	fsd	f21, FSLOT(21)(a0)
	fsd	f22, FSLOT(22)(a0)
	fsd	f23, FSLOT(23)(a0)
	fsd	f24, FSLOT(24)(a0)
	fsd	f25, FSLOT(25)(a0)
	fsd	f26, FSLOT(26)(a0)
	fsd	f27, FSLOT(27)(a0)
	fsd	f28, FSLOT(28)(a0)
	fsd	f29, FSLOT(29)(a0)
	fsd	f30, FSLOT(30)(a0)
	fsd	f31, FSLOT(31)(a0)
	frcsr	t0
	sw	t0, FSLOT(32)(a0)
	csrc	sstatus, t1
	ret

	.globl __fpu_restore
__fpu_restore:
	li	t1, SR_FS
	csrs	sstatus, t1
	fld	f0, FSLOT(0)(a0)
	fld	f1, FSLOT(1)(a0)
	fld	f2, FSLOT(2)(a0)
	fld	f3, FSLOT(3)(a0)
	fld	f4, FSLOT(4)(a0)
	fld	f5, FSLOT(5)(a0)
	fld	f6, FSLOT(6)(a0)
	fld	f7, FSLOT(7)(a0)
	fld	f8, FSLOT(8)(a0)
	fld	f9, FSLOT(9)(a0)
	fld	f10, FSLOT(10)(a0)
	fld	f11, FSLOT(11)(a0)
	fld	f12, FSLOT(12)(a0)
	fld	f13, FSLOT(13)(a0)
	fld	f14, FSLOT(14)(a0)
	fld	f15, FSLOT(15)(a0)
	fld	f16, FSLOT(16)(a0)
	fld	f17, FSLOT(17)(a0)
	fld	f18, FSLOT(18)(a0)
	fld	f19, FSLOT(19)(a0)
	fld	f20, FSLOT(20)(a0)
	fld	f21, FSLOT(21)(a0)
	fld	f22, FSLOT(22)(a0)
	fld	f23, FSLOT(23)(a0)
	fld	f24, FSLOT(24)(a0)
	fld	f25, FSLOT(25)(a0)
	fld	f26, FSLOT(26)(a0)
	fld	f27, FSLOT(27)(a0)
	fld	f28, FSLOT(28)(a0)
	fld	f29, FSLOT(29)(a0)
	fld	f30, FSLOT(30)(a0)
	fld	f31, FSLOT(31)(a0)
	lw	t0, FSLOT(32)(a0)
	fscsr	t0
	csrc	sstatus, t1
	ret

	.option pop
