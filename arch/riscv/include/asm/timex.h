/* SPDX-License-Identifier: MIT */
/*
 * The free-running 'time' counter, read inline: the scheduler reads it on
 * every switch.  On rv32 it is two CSRs, read high, low, high again so
 * that a carry between the reads shows.
 */
#ifndef ASM_TIMEX_H
#define ASM_TIMEX_H

#include <tern/types.h>

static inline u64 arch_read_time(void)
{
#if __riscv_xlen == 32
	u32 hi, lo, hi2;

	do {
		__asm__ __volatile__("rdtimeh %0" : "=r"(hi));
		__asm__ __volatile__("rdtime %0" : "=r"(lo));
		__asm__ __volatile__("rdtimeh %0" : "=r"(hi2));
	} while (hi != hi2);
	return ((u64)hi << 32) | lo;
#else
	unsigned long t;

	__asm__ __volatile__("rdtime %0" : "=r"(t));
	return t;
#endif
}

#endif
