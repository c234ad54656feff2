/* SPDX-License-Identifier: MIT */
/*
 * Has another thread ended the group, or is an exec in another thread
 * replacing it (zap_other_threads, kernel/thread.c)?  Then this thread
 * ends here.  Tested in exit_to_user_mode_work (user_trap.c), which the
 * way back to user mode reaches because zap_other_threads sets
 * sigpending as well.  Interrupts on.
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
