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

#endif
