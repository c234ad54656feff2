/* SPDX-License-Identifier: MIT */
/*
 * Kernel entry, per the Linux RISC-V boot protocol: the firmware enters
 * here in S-mode with the MMU off, a0 = hart id, a1 = physical address of
 * the device tree.  The image starts with Linux's 64-byte image header so
 * any Linux Image loader can boot it.
 *
 * With paging the kernel is linked at its address in the linear map
 * (asm/memlayout.h) but runs at its physical address until the MMU is
 * on, so the code before that uses only PC-relative addresses (lla), and
 * C only in arch/riscv/mm/early.c, written for it.  enable_paging then
 * turns the MMU on: stvec points at the virtual address of the next
 * instruction, so the fetch that faults once satp is written lands there.
 * gp, sp, tp and stvec are set again afterwards, as virtual addresses.
 */
#include <asm/asm.h>
#include <asm/csr.h>
#include <asm/memlayout.h>

#ifdef CONFIG_MMU
/* What turns a physical address in the kernel into the virtual one. */
#define VA_PA_OFFSET	(PAGE_OFFSET - PHYS_RAM_BASE)

/* satp = \satp, continuing at the next instruction's virtual address. */
.macro enable_paging satp
	lla	t0, 1f
	li	t1, VA_PA_OFFSET
	add	t0, t0, t1
	csrw	stvec, t0
	sfence.vma
	csrw	satp, \satp
	.balign 4
1:
.endm
#endif

	.section .head.text, "ax"
	.globl _start
_start:
	/* code0/code1: jump over the header (two instructions, 8 bytes). */
	.option push
	.option norvc
	j	_start_kernel
	nop
	.option pop
	.balign 8
	.dword	CONFIG_KERNEL_TEXT_OFFSET	/* text_offset from RAM start */
	.dword	_end - _start			/* image_size, .bss included */
	.dword	0				/* flags: little endian */
	.word	2				/* header version 0.2 */
	.word	0				/* res1 */
	.dword	0				/* res2 */
	.ascii	"RISCV\0\0\0"			/* magic (deprecated) */
	.ascii	"RSC\x05"			/* magic2 */
	.word	0				/* res3: no PE/COFF header */

_start_kernel:
	/* No interrupts until trap handling is set up. */
	csrw	sie, zero
	csrw	sip, zero
	/*
	 * No floating-point or vector state (OpenSBI hands over VS on when
	 * the hart has V): the kernel uses neither, except the vector page
	 * routines, which turn VS on for themselves (lib/page_vector.S).
	 */
	li	t0, SR_FS | SR_VS
	csrc	sstatus, t0

	.option push
	.option norelax
	lla	gp, __global_pointer$
	.option pop

	/*
	 * Refuse to run anywhere but where the firmware was to load us (RAM
	 * base + text_offset): there the kernel's addresses (with the MMU
	 * off) or its linear-map offset (with it on) are right.
	 */
	lla	t0, _start
	li	t1, KERNEL_LOAD_ADDR
	bne	t0, t1, .Lwrong_address

	/* Clear .bss, then run on the boot stack. */
	lla	t0, __bss_start
	lla	t1, __bss_end
1:	bgeu	t0, t1, 2f
	REG_S	zero, 0(t0)
	addi	t0, t0, SZREG
	j	1b
2:
	lla	sp, boot_stack_top
	mv	s1, a0			/* hart id */
	mv	s2, a1			/* device tree */
#ifdef CONFIG_MMU
	lla	t0, early_trap_entry
	csrw	stvec, t0
	mv	a0, s2
	call	paging_early_setup	/* the boot page table's satp, or it stops */
	enable_paging a0
	/* From here on at the linked, virtual, addresses. */
	.option push
	.option norelax
	lla	gp, __global_pointer$
	.option pop
	lla	sp, boot_stack_top
#endif
	lla	tp, init_task		/* current: the boot code is the first task */
	mv	s0, zero		/* terminates frame-pointer backtraces */
	mv	ra, zero
	lla	t0, handle_trap_entry
	csrw	stvec, t0
	mv	a0, s1
	mv	a1, s2
	tail	start_kernel

/*
 * A secondary hart, started by SBI HSM hart_start (smp.c) at the physical
 * address of this label: S-mode, MMU off, interrupts off, a0 = hart id,
 * a1 = the idle task it is to become.  That task's context holds the top
 * of its stack.  With paging it first turns the MMU on, on swapper_pg_dir.
 */
	.text
	.globl secondary_entry
secondary_entry:
	csrw	sie, zero
	li	t0, SR_FS | SR_VS		/* as on the boot hart */
	csrc	sstatus, t0
#ifdef CONFIG_MMU
	lla	t2, swapper_satp
	REG_L	t2, 0(t2)
	enable_paging t2
#endif
	.option push
	.option norelax
	lla	gp, __global_pointer$
	.option pop
	mv	tp, a1
	REG_L	sp, SZREG(a1)		/* idle->ctx.sp */
	mv	s0, zero
	mv	ra, zero
	lla	t0, handle_trap_entry
	csrw	stvec, t0
	tail	smp_secondary_start

.Lwrong_address:
	/* Say so through the legacy SBI console; no C runtime yet. */
	lla	s1, wrong_address_msg
3:	lbu	a0, 0(s1)
	beqz	a0, 4f
	li	a7, 1			/* SBI v0.1 console_putchar */
	ecall
	addi	s1, s1, 1
	j	3b
4:	wfi
	j	4b

#ifdef CONFIG_MMU
/* The trap vector while the MMU is off: early.c says what trapped and stops. */
	.balign 4
early_trap_entry:
	tail	early_trap

/*
 * unsigned long satp_probe(unsigned long satp): writes satp, reads it
 * back, and turns paging off again (early.c).  The page table satp names
 * maps this code to itself; the aligned block keeps it in one page.
 */
	.globl satp_probe
	.balign 32
satp_probe:
	sfence.vma
	csrw	satp, a0
	csrr	a0, satp
	csrw	satp, zero
	sfence.vma
	ret
#endif

	.section .rodata
wrong_address_msg:
	.asciz	"tern: loaded at the wrong address; check CONFIG_BOARD_RAM_BASE\n"
