/* SPDX-License-Identifier: MIT */
/*
 * The one test on every way back to user mode (user_trap.c, and the
 * system calls' path in syscall_table.c): another thread ended the
 * group, or an exec in another thread is replacing it
 * (zap_other_threads, kernel/thread.c).  Interrupts on.
 */
#ifndef RISCV_KERNEL_EXIT_PENDING_H
#define RISCV_KERNEL_EXIT_PENDING_H

#include <tern/compiler.h>
#include <tern/process.h>

static inline void check_exit_pending(void)
{
	unsigned long pending;

	_Static_assert(sizeof(((struct task *)0)->exit_pending) == 1, "lbu reads exit_pending");
	/* One load off tp (current), without copying tp first: every system call pays it. */
	__asm__ __volatile__("lbu %0, %1(tp)" : "=r"(pending)
			     : "i"(__builtin_offsetof(struct task, exit_pending)));
	if (unlikely(pending))
		thread_exit_pending();
}

#endif
