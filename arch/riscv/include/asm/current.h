/* SPDX-License-Identifier: MIT */
/*
 * The running task lives in tp while the kernel runs: __switch_to loads
 * it along with the rest of next's context, and the boot code and each
 * hart's start-up set it once.  Reading it is one move, and it is right
 * on every hart without knowing which hart this is.
 *
 * Not volatile: within one function tp changes only across a context
 * switch, and then the same task comes back, so a cached value stays
 * right.
 */
#ifndef ASM_CURRENT_H
#define ASM_CURRENT_H

struct task;

static inline struct task *get_current(void)
{
	struct task *t;

	__asm__("mv %0, tp" : "=r"(t));
	return t;
}

static inline void set_current(struct task *t)
{
	__asm__ __volatile__("mv tp, %0" : : "r"(t) : "memory");
}

#endif
