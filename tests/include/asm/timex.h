/* SPDX-License-Identifier: MIT */
/*
 * Host stand-in for arch/riscv/include/asm/timex.h, so that <tern/timer.h>
 * builds on the host: a 10 MHz counter (QEMU's timebase) from the host's
 * monotonic clock.  The policy tests run on a simulated clock and never
 * read it.
 */
#ifndef ASM_TIMEX_H
#define ASM_TIMEX_H

#include <time.h>
#include <tern/types.h>

static inline u64 arch_read_time(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (u64)ts.tv_sec * 10000000 + (u64)ts.tv_nsec / 100;
}

#endif
