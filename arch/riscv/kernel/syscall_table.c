// SPDX-License-Identifier: MIT
/*
 * The system call table, indexed by the asm-generic numbers
 * (<uapi/asm-generic/unistd.h>), and the dispatch from the trap handler.
 * A hole is -ENOSYS, logged once per number.  The VFS's calls are listed
 * too, through the wrappers of syscall_vfs.c.
 */
#include <tern/errno.h>
#include <tern/irqflags.h>
#include <tern/kernel.h>
#include <tern/sched.h>
#include <tern/syscalls.h>


#define SYSCALL(name)	long __riscv_sys_##name(const struct pt_regs *regs);
#include "syscall_list.h"
#undef SYSCALL

static long __riscv_sys_ni_syscall(const struct pt_regs *regs);

/* Every hole is __riscv_sys_ni_syscall, so the dispatch needs no NULL test. */
#define SYSCALL(name)	[__NR_##name] = __riscv_sys_##name,
static const syscall_fn_t sys_call_table[__NR_syscalls] = {
	[0 ... __NR_syscalls - 1] = __riscv_sys_ni_syscall,
#include "syscall_list.h"
};
#undef SYSCALL

#define BITS_PER_LONG	(8 * sizeof(long))

/* Numbers already reported (one bit each; above the table: one report for all). */
static unsigned long ni_reported[__NR_syscalls / BITS_PER_LONG + 1];

static __cold long sys_ni_syscall(unsigned long nr)
{
	unsigned long idx = MIN(nr, (unsigned long)__NR_syscalls);
	unsigned long bit = 1UL << (idx % BITS_PER_LONG);
	unsigned long *word = &ni_reported[idx / BITS_PER_LONG];

	if (!(__atomic_fetch_or(word, bit, __ATOMIC_RELAXED) & bit))
		printk("%s[%u]: unknown system call %lu: -ENOSYS%s\n", current->name,
		       current->pid, nr, idx == __NR_syscalls ? " (later ones not reported)" : "");
	return -ENOSYS;
}

static long __riscv_sys_ni_syscall(const struct pt_regs *regs)
{
	return sys_ni_syscall(regs->a7);
}

/* arch/riscv/kernel/user_trap.c: signal delivery on the way out (interrupts off). */
void user_return_work(struct pt_regs *regs);

/* current->sigpending in one load from tp (the fast path's one test). */
static inline long current_sigpending(void)
{
	long v;	/* lw sign-extends: no extension after it */

	__asm__ __volatile__("lw %0, %1(tp)" : "=r"(v) : "i"(offsetof(struct task, sigpending)));
	return v;
}

_Static_assert(offsetof(struct task, sigpending) < 2048, "sigpending: a 12-bit offset from tp");

/*
 * A system call from user mode: entry.S comes here straight from the trap
 * entry (past do_trap), with interrupts off, and the return goes straight
 * back out; this is the whole path of a null system call, so it stays
 * small.  sepc moves past the ecall first, so that a fork child and a
 * restarted call resume after it.  Returns with interrupts off.
 */
void do_user_syscall(struct pt_regs *regs)
{
	unsigned long nr = regs->a7;

	local_irq_enable();
	regs->epc += 4;
	regs->a0 = likely(nr < __NR_syscalls) ? sys_call_table[nr](regs) : sys_ni_syscall(nr);
	local_irq_disable();
	if (unlikely(current_sigpending() || need_resched()))
		user_return_work(regs);	/* switch, then signals */
}
