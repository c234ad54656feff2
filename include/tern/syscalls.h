/* SPDX-License-Identifier: MIT */
/*
 * System calls: how one is written, and the table that finds it.
 *
 * A system call is defined with SYSCALL_DEFINEn (n arguments, each a
 * type and a name, in the order of the C library's prototype):
 *
 *	SYSCALL_DEFINE2(munmap, unsigned long, addr, size_t, len)
 *	{
 *		return do_munmap(current->mm, addr, len);
 *	}
 *
 * which makes long sys_munmap(const struct pt_regs *regs), taking the
 * arguments from a0..a5; its entry in arch/riscv/kernel/syscall_table.c
 * (indexed by <uapi/asm-generic/unistd.h>) makes it reachable.  The
 * result goes to a0: >= 0, or a negative errno.  Contract for every
 * system call: it runs in the calling task with interrupts on and may
 * sleep; every pointer argument is a user address and is touched only
 * through <tern/uaccess.h>, so a bad pointer gives -EFAULT, never an
 * oops.  Unknown numbers answer -ENOSYS and are logged once each.
 *
 * For the VFS (the lead wires it): read, write, openat... are defined
 * the same way in fs/ and listed in syscall_table.c.
 */
#ifndef TERN_SYSCALLS_H
#define TERN_SYSCALLS_H

#include <asm/ptrace.h>
#include <uapi/asm-generic/unistd.h>

typedef long (*syscall_fn_t)(const struct pt_regs *regs);

#define __SYSCALL_HEAD(name, ...)					\
	long sys_##name(const struct pt_regs *regs);			\
	static long __do_sys_##name(__VA_ARGS__);			\
	long sys_##name(const struct pt_regs *regs)

#define SYSCALL_DEFINE0(name)						\
	__SYSCALL_HEAD(name, void)					\
	{ (void)regs; return __do_sys_##name(); }			\
	static long __do_sys_##name(void)

#define SYSCALL_DEFINE1(name, t1, p1)					\
	__SYSCALL_HEAD(name, t1)					\
	{ return __do_sys_##name((t1)regs->a0); }			\
	static long __do_sys_##name(t1 p1)

#define SYSCALL_DEFINE2(name, t1, p1, t2, p2)				\
	__SYSCALL_HEAD(name, t1, t2)					\
	{ return __do_sys_##name((t1)regs->a0, (t2)regs->a1); }		\
	static long __do_sys_##name(t1 p1, t2 p2)

#define SYSCALL_DEFINE3(name, t1, p1, t2, p2, t3, p3)			\
	__SYSCALL_HEAD(name, t1, t2, t3)				\
	{ return __do_sys_##name((t1)regs->a0, (t2)regs->a1, (t3)regs->a2); }	\
	static long __do_sys_##name(t1 p1, t2 p2, t3 p3)

#define SYSCALL_DEFINE4(name, t1, p1, t2, p2, t3, p3, t4, p4)		\
	__SYSCALL_HEAD(name, t1, t2, t3, t4)				\
	{ return __do_sys_##name((t1)regs->a0, (t2)regs->a1, (t3)regs->a2,	\
				 (t4)regs->a3); }			\
	static long __do_sys_##name(t1 p1, t2 p2, t3 p3, t4 p4)

#define SYSCALL_DEFINE5(name, t1, p1, t2, p2, t3, p3, t4, p4, t5, p5)	\
	__SYSCALL_HEAD(name, t1, t2, t3, t4, t5)			\
	{ return __do_sys_##name((t1)regs->a0, (t2)regs->a1, (t3)regs->a2,	\
				 (t4)regs->a3, (t5)regs->a4); }		\
	static long __do_sys_##name(t1 p1, t2 p2, t3 p3, t4 p4, t5 p5)

#define SYSCALL_DEFINE6(name, t1, p1, t2, p2, t3, p3, t4, p4, t5, p5, t6, p6)	\
	__SYSCALL_HEAD(name, t1, t2, t3, t4, t5, t6)			\
	{ return __do_sys_##name((t1)regs->a0, (t2)regs->a1, (t3)regs->a2,	\
				 (t4)regs->a3, (t5)regs->a4, (t6)regs->a5); }	\
	static long __do_sys_##name(t1 p1, t2 p2, t3 p3, t4 p4, t5 p5, t6 p6)

/*
 * Calls that need the whole frame (clone copies it, execve replaces it)
 * reach it as task_pt_regs(current) (<tern/process.h>): the same frame.
 */

/* The trap handler, for an ecall from user mode: dispatches on a7, result in a0. */
void do_syscall(struct pt_regs *regs);

#endif
