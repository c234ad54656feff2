// SPDX-License-Identifier: MIT
/*
 * Traps from user mode, after entry.S saved the registers at the top of
 * the task's kernel stack and traps.c took the interrupts: system calls,
 * page faults, and the exceptions that end a process
 * (include/tern/process.h).
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
#include <tern/syscalls.h>

void do_user_exception(struct pt_regs *regs);
void user_return_work(void);

static bool is_page_fault(unsigned long cause)
{
	return cause == EXC_INST_PAGE_FAULT || cause == EXC_LOAD_PAGE_FAULT ||
	       cause == EXC_STORE_PAGE_FAULT;
}

/* The signal Linux sends for an exception in user mode. */
static int user_fault_signal(unsigned long cause)
{
	switch (cause) {
	case EXC_ILLEGAL_INST:
		return SIGILL;
	case EXC_BREAKPOINT:
		return SIGTRAP;
	case EXC_INST_MISALIGNED:
	case EXC_LOAD_MISALIGNED:
	case EXC_STORE_MISALIGNED:
		return SIGBUS;
	default:
		return SIGSEGV;		/* page and access faults, anything else */
	}
}

/*
 * A fault user mode cannot recover from ends the process, with the wait
 * status of the signal Linux would send.  Until signals exist there is
 * no handler to run: the signals work turns this into a real signal
 * (si_addr = stval).
 */
static void __noreturn user_fault_kill(struct pt_regs *regs)
{
	int sig = user_fault_signal(regs->cause);

	printk("%s[%u]: %s (signal %d) at address %lx, pc %lx\n", current->name,
	       current->pid, trap_cause_name(regs->cause), sig, regs->badaddr, regs->epc);
	do_exit(W_EXITCODE(0, sig));
}

/*
 * No memory for a page user mode touched: as Linux's OOM killer would,
 * end the process with SIGKILL; its pages come back at once.  (Linux
 * picks the biggest process; here the one that asked pays.)
 */
static void __noreturn out_of_memory_kill(void)
{
	printk("Out of memory: killed process %u (%s)\n", current->pid, current->name);
	do_exit(W_EXITCODE(0, SIGKILL));
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

/* On the way back to user mode after an interrupt: switch if the tick or a wake-up asked. */
void user_return_work(void)
{
	local_irq_enable();
	cond_resched();
	local_irq_disable();
}

/*
 * An exception from user mode other than an ecall (entry.S sends those to
 * do_user_syscall): a page fault is served or kills the process; anything
 * else kills it.  Runs with interrupts off; returns with them off, for
 * the way out.
 */
void do_user_exception(struct pt_regs *regs)
{
	unsigned long cause = regs->cause;

	local_irq_enable();
	if (!is_page_fault(cause)) {
		user_fault_kill(regs);
	} else {
		int err = handle_mm_fault(current->mm, regs->badaddr, user_fault_flags(cause));

		if (err == -ENOMEM)
			out_of_memory_kill();
		if (err)
			user_fault_kill(regs);
	}
	cond_resched();
	local_irq_disable();
}
