/* SPDX-License-Identifier: MIT */
/* Context switch (arch/riscv/kernel/switch.S). */
#ifndef ASM_SWITCH_H
#define ASM_SWITCH_H

#include <asm/asm.h>

#ifndef __ASSEMBLER__
#include <tern/types.h>
#endif

/*
 * struct task (include/tern/sched.h) begins with its context, and its
 * stack's lowest address follows: the trap entry reads it through tp
 * (entry.S, CONFIG_VMAP_STACK; traps.c checks the offset).
 */
#define TASK_STACK_OFFSET	(14 * SZREG)
/*
 * Then the two words the trap entry from user mode needs (struct task's
 * kernel_sp and user_sp): where the kernel stack starts (its top, the
 * trap frame just below it), and a slot for the user's sp while the
 * entry saves registers.  While a task runs in user mode, sscratch holds
 * its struct task; in the kernel sscratch is 0 (entry.S).
 */
#define TASK_KERNEL_SP_OFFSET	(15 * SZREG)
#define TASK_USER_SP_OFFSET	(16 * SZREG)

#ifndef __ASSEMBLER__
/* What a switched-out task keeps: the callee-saved registers. */
struct context {
	unsigned long ra, sp;
	unsigned long s[12];
};

/*
 * A process's floating-point registers while they are not in the hart
 * (arch/riscv/kernel/fpu.c): f0-f31 as 64-bit words (the D extension),
 * and fcsr.
 */
struct thread_fpu {
	u64 f[32];
	u32 fcsr;
};

struct task;

/*
 * The scheduler, with interrupts off, just before switching from prev to
 * next (CONFIG_PROCESSES): prev's user FP registers are saved if user
 * mode changed them, next's are loaded if it uses them.
 */
void arch_switch_user_state(struct task *prev, struct task *next);

/* The current process's FP registers into its struct task (before fork copies it). */
void fpu_flush(struct task *t);

/*
 * sigreturn: current's FP registers become *fp, in the task and in the
 * hart (nothing without the D extension: FS stays Off).
 */
void fpu_load(struct task *t, const struct thread_fpu *fp);

/* A fresh program's FP state (exec): zeroed, in the hart and in the task. */
void fpu_reset(struct task *t);

/*
 * Saves the callee-saved registers into prev's context (the first member
 * of struct task), loads next's, makes next current (tp) and returns into
 * next, handing it prev: the task that ran before it on this hart.  A new
 * task's context has ra = its entry trampoline, which gets prev as its
 * first argument.
 */
struct task *__switch_to(struct task *prev, struct task *next);
#endif

#endif
