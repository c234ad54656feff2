/* SPDX-License-Identifier: MIT */
/* Context switch (arch/riscv/kernel/switch.S). */
#ifndef ASM_SWITCH_H
#define ASM_SWITCH_H

/* What a switched-out task keeps: the callee-saved registers. */
struct context {
	unsigned long ra, sp;
	unsigned long s[12];
};

/*
 * Saves the callee-saved registers into *prev, loads *next's and returns
 * into next.  A new task's context has ra = its entry trampoline.
 */
void __switch_to(struct context *prev, struct context *next);

#endif
