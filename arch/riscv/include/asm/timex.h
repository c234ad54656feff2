/* SPDX-License-Identifier: MIT */
/*
 * The 64-bit counters, read inline: the scheduler reads the time on every
 * switch.  On rv32 each is two CSRs, read high, low, high again so that a
 * carry between the reads shows.
 */
#ifndef ASM_TIMEX_H
#define ASM_TIMEX_H

#include <tern/types.h>

#if __riscv_xlen == 32
#define read_counter64(csr) ({						\
	u32 __hi, __lo, __hi2;						\
	do {								\
		__asm__ __volatile__("rd" #csr "h %0" : "=r"(__hi));	\
		__asm__ __volatile__("rd" #csr " %0" : "=r"(__lo));	\
		__asm__ __volatile__("rd" #csr "h %0" : "=r"(__hi2));	\
	} while (__hi != __hi2);					\
	((u64)__hi << 32) | __lo;					\
})
#else
#define read_counter64(csr) ({						\
	unsigned long __v;						\
	__asm__ __volatile__("rd" #csr " %0" : "=r"(__v));		\
	(u64)__v;							\
})
#endif

/* The free-running time counter, ticks of the DTB's timebase-frequency. */
static inline u64 arch_read_time(void)
{
	return read_counter64(time);
}

#endif
