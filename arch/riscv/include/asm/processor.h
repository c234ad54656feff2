/* SPDX-License-Identifier: MIT */
/* What the generic kernel asks of the hart itself, inline. */
#ifndef ASM_PROCESSOR_H
#define ASM_PROCESSOR_H

/*
 * Waits until an interrupt is pending (wfi).  With interrupts off it
 * returns without taking it, so the caller can check for work first and
 * enable interrupts after; it may also return early, for no reason.
 */
static inline void arch_wait_for_interrupt(void)
{
	__asm__ __volatile__("wfi" ::: "memory");
}

/* Executes an instruction every hart refuses (all-zero bits): crash tests. */
static inline void arch_illegal_instruction(void)
{
	__asm__ __volatile__(".word 0" ::: "memory");
}

/*
 * A new program's registers (execve): all zero but pc and sp, for user
 * mode with interrupts on there (sstatus.SPP clear, SPIE set), the
 * floating-point unit off.
 */
#include <asm/csr.h>
#include <asm/ptrace.h>
#include <tern/string.h>

static inline void start_thread(struct pt_regs *regs, unsigned long pc, unsigned long sp)
{
	unsigned long status = csr_read(sstatus);

	memset(regs, 0, sizeof(*regs));
	regs->epc = pc;
	regs->sp = sp;
	regs->status = (status & ~(SR_SPP | SR_SIE | SR_SUM | SR_FS)) | SR_SPIE;
}

#endif
