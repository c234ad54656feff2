/* SPDX-License-Identifier: MIT */
/*
 * Control and status registers: numbers, bit layouts and accessors, for the
 * S-mode kernel and the M-mode built-in firmware.  Layouts follow the RISC-V
 * privileged specification (20211203).
 */
#ifndef ASM_CSR_H
#define ASM_CSR_H

#include <tern/compiler.h>

/* sstatus / mstatus */
#define SR_SIE		(1UL << 1)
#define SR_MIE		(1UL << 3)
#define SR_SPIE		(1UL << 5)
#define SR_MPIE		(1UL << 7)
#define SR_SPP		(1UL << 8)
#define SR_MPP_SHIFT	11
#define SR_MPP		(3UL << SR_MPP_SHIFT)
#define SR_MPP_S	(1UL << SR_MPP_SHIFT)
#define SR_VS		(3UL << 9)	/* vector state: 0 Off, 1 Initial, 2 Clean, 3 Dirty */
#define SR_VS_INITIAL	(1UL << 9)
#define SR_FS		(3UL << 13)
#define SR_SUM		(1UL << 18)
#define SR_MXR		(1UL << 19)

/* Interrupt numbers (mip/mie/sip/sie bits and scause codes) */
#define IRQ_S_SOFT	1
#define IRQ_M_SOFT	3
#define IRQ_S_TIMER	5
#define IRQ_M_TIMER	7
#define IRQ_S_EXT	9
#define IRQ_M_EXT	11
#define MIP_SSIP	(1UL << IRQ_S_SOFT)
#define MIP_MSIP	(1UL << IRQ_M_SOFT)
#define MIP_STIP	(1UL << IRQ_S_TIMER)
#define MIP_MTIP	(1UL << IRQ_M_TIMER)
#define MIP_SEIP	(1UL << IRQ_S_EXT)
#define MIP_MEIP	(1UL << IRQ_M_EXT)
/* sie / sip: the S-mode view of the same bits */
#define SIE_SSIE	MIP_SSIP

/*
 * scounteren: the counters user mode may read, cycle, time and instret
 * (rdcycle, rdtime, rdinstret; the benchmarks read instret).  Set on
 * every hart by the kernel, whatever the firmware left there; the
 * firmware must allow them too (mcounteren: OpenSBI and Tern's do).
 */
#define SCOUNTEREN_CY	0x1
#define SCOUNTEREN_TM	0x2
#define SCOUNTEREN_IR	0x4
#define SCOUNTEREN_USER	(SCOUNTEREN_CY | SCOUNTEREN_TM | SCOUNTEREN_IR)
#define SIE_STIE	MIP_STIP
#define SIE_SEIE	MIP_SEIP
#define SIP_SSIP	MIP_SSIP
#define SIP_STIP	MIP_STIP

/* Exception codes (scause/mcause with the interrupt bit clear) */
#define EXC_INST_MISALIGNED	0
#define EXC_INST_ACCESS		1
#define EXC_ILLEGAL_INST	2
#define EXC_BREAKPOINT		3
#define EXC_LOAD_MISALIGNED	4
#define EXC_LOAD_ACCESS		5
#define EXC_STORE_MISALIGNED	6
#define EXC_STORE_ACCESS	7
#define EXC_ECALL_U		8
#define EXC_ECALL_S		9
#define EXC_ECALL_M		11
#define EXC_INST_PAGE_FAULT	12
#define EXC_LOAD_PAGE_FAULT	13
#define EXC_STORE_PAGE_FAULT	15

#define CAUSE_IRQ_FLAG	(1UL << (__riscv_xlen - 1))

/* menvcfg: Sstc's STCE is bit 63 (bit 31 of menvcfgh on rv32) */
#define ENVCFG_STCE_BIT	63

/* CSRs by number, for names older assemblers do not know */
#define CSR_STIMECMP	0x14d
#define CSR_STIMECMPH	0x15d	/* rv32 only */
#define CSR_MENVCFG	0x30a
#define CSR_MENVCFGH	0x31a	/* rv32 only */

/* PMP configuration bits */
#define PMP_R		0x01
#define PMP_W		0x02
#define PMP_X		0x04
#define PMP_A_TOR	0x08
#define PMP_A_NAPOT	0x18

#ifndef __ASSEMBLER__

#define csr_read(csr) ({						\
	unsigned long __v;						\
	__asm__ __volatile__("csrr %0, " __stringify(csr) : "=r"(__v) :: "memory"); \
	__v;								\
})

#define csr_write(csr, val) ({						\
	unsigned long __v = (unsigned long)(val);			\
	__asm__ __volatile__("csrw " __stringify(csr) ", %0" :: "rK"(__v) : "memory"); \
})

#define csr_set(csr, val) ({						\
	unsigned long __v = (unsigned long)(val);			\
	__asm__ __volatile__("csrs " __stringify(csr) ", %0" :: "rK"(__v) : "memory"); \
})

#define csr_clear(csr, val) ({						\
	unsigned long __v = (unsigned long)(val);			\
	__asm__ __volatile__("csrc " __stringify(csr) ", %0" :: "rK"(__v) : "memory"); \
})

#define csr_swap(csr, val) ({						\
	unsigned long __v = (unsigned long)(val);			\
	__asm__ __volatile__("csrrw %0, " __stringify(csr) ", %1"	\
			     : "=r"(__v) : "rK"(__v) : "memory");	\
	__v;								\
})

#endif /* __ASSEMBLER__ */
#endif
