// SPDX-License-Identifier: MIT
/*
 * Traps from user mode, after entry.S saved the registers at the top of
 * the task's kernel stack and traps.c took the interrupts: system calls,
 * page faults, the exceptions that raise a signal, and the way back out
 * with its signal delivery (include/tern/signal.h).
 */
#include <asm/csr.h>
#include <asm/ptrace.h>
#include <tern/arch.h>
#include <tern/errno.h>
#include <tern/irqflags.h>
#include <tern/kernel.h>
#include <tern/mm.h>
#include <tern/process.h>
#include <tern/sched.h>
#include <tern/signal.h>
#include <tern/syscalls.h>

#include "exit_pending.h"

void do_user_exception(struct pt_regs *regs);
void user_return_work(struct pt_regs *regs);
void exit_to_user_mode_work(struct pt_regs *regs);

static bool is_page_fault(unsigned long cause)
{
	return cause == EXC_INST_PAGE_FAULT || cause == EXC_LOAD_PAGE_FAULT ||
	       cause == EXC_STORE_PAGE_FAULT;
}

/* A page fault handle_mm_fault refused: no region there (MAPERR), or not this access. */
static int segv_code(unsigned long addr)
{
	return mm_addr_in_region(current->mm, addr) ? SEGV_ACCERR : SEGV_MAPERR;
}

/*
 * An exception user mode cannot go on from: the signal Linux's
 * arch/riscv sends, with si_addr = stval, forced (a blocked or ignored
 * one kills).  It is delivered on the way out.
 */
static void user_fault_signal(struct pt_regs *regs)
{
	unsigned long cause = regs->cause;
	int sig, code;

	switch (cause) {
	case EXC_ILLEGAL_INST:
		sig = SIGILL;
		code = ILL_ILLOPC;
		break;
	case EXC_BREAKPOINT:
		sig = SIGTRAP;
		code = TRAP_BRKPT;
		break;
	case EXC_INST_MISALIGNED:
	case EXC_LOAD_MISALIGNED:
	case EXC_STORE_MISALIGNED:
		sig = SIGBUS;
		code = BUS_ADRALN;
		break;
	default:
		sig = SIGSEGV;	/* page and access faults, anything else */
		code = is_page_fault(cause) ? segv_code(regs->badaddr) : SEGV_ACCERR;
		break;
	}
	if (current->sighand->action[sig - 1].handler == (unsigned long)SIG_DFL)
		printk("%s[%u]: %s (signal %d) at address %lx, pc %lx\n", current->name,
		       current->pid, trap_cause_name(cause), sig, regs->badaddr, regs->epc);
	force_sig_fault(sig, code, regs->badaddr);
}

/*
 * No memory for a page user mode touched: as Linux's OOM killer would,
 * end the process with SIGKILL; its pages come back at once.  (Linux
 * picks the biggest process; here the one that asked pays.)
 */
static void __noreturn out_of_memory_kill(void)
{
	printk("Out of memory: killed process %u (%s)\n", current->pid, current->name);
	do_group_exit(W_EXITCODE(0, SIGKILL));
}

static unsigned int user_fault_flags(unsigned long cause)
{
	unsigned int flags = FAULT_FLAG_USER;

	if (cause == EXC_INST_PAGE_FAULT)
		flags |= FAULT_FLAG_INSTRUCTION;
	else if (cause == EXC_STORE_PAGE_FAULT)
		flags |= FAULT_FLAG_WRITE;
	return flags;
}

/*
 * The way back to user mode, interrupts off: the group's end
 * (zap_other_threads) or signals to deliver -- both set sigpending, the
 * one flag the fast path tests.  Returns with interrupts off.
 */
void exit_to_user_mode_work(struct pt_regs *regs)
{
	do {
		local_irq_enable();
		check_exit_pending();	/* another thread ended the group: no return */
		do_notify_resume(regs);
		local_irq_disable();
	} while (READ_ONCE(current->sigpending));
}

static inline void exit_to_user_mode(struct pt_regs *regs)
{
	if (unlikely(READ_ONCE(current->sigpending)))
		exit_to_user_mode_work(regs);
}

/* On the way back to user mode after an interrupt: switch if the tick or a wake-up asked. */
void user_return_work(struct pt_regs *regs)
{
	local_irq_enable();
	cond_resched();
	local_irq_disable();
	exit_to_user_mode(regs);
}

/*
 * An exception from user mode other than an ecall (entry.S sends those to
 * do_user_syscall): a page fault is served or raises a signal; anything
 * else raises its signal.  Runs with interrupts off; returns with them
 * off, for the way out, after any signal delivery.
 */
void do_user_exception(struct pt_regs *regs)
{
	unsigned long cause = regs->cause;

	local_irq_enable();
	if (!is_page_fault(cause)) {
		user_fault_signal(regs);
	} else {
		int err = handle_mm_fault(current->mm, regs->badaddr, user_fault_flags(cause));

		if (err == -ENOMEM)
			out_of_memory_kill();
		if (err == -EIO)	/* wholly beyond the end of a mapped file */
			force_sig_fault(SIGBUS, BUS_ADRERR, regs->badaddr);
		else if (err)
			user_fault_signal(regs);
	}
	cond_resched();
	local_irq_disable();
	exit_to_user_mode(regs);
}
