/* SPDX-License-Identifier: MIT */
/* Frame-pointer backtraces (the kernel is built with -fno-omit-frame-pointer). */
#ifndef ASM_STACKTRACE_H
#define ASM_STACKTRACE_H

#include <asm/ptrace.h>

/*
 * Calls fn(pc, arg) for each return address, innermost first, starting at
 * the given frame pointer; stops at a zero or implausible frame pointer,
 * or after a bounded number of frames.
 */
void walk_stack_frames(unsigned long fp, void (*fn)(unsigned long pc, void *arg), void *arg);

/* Prints "Call trace:" and one symbolised line per frame. */
void dump_backtrace(unsigned long fp);
void dump_backtrace_here(void);
/* The same for a trap: the trapped pc first, then its callers. */
void dump_trap_backtrace(const struct pt_regs *regs);

/* Prints every register of a trap frame. */
void show_regs(const struct pt_regs *regs);

#endif
