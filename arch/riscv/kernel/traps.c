// SPDX-License-Identifier: MIT
/*
 * S-mode trap dispatch.  Nothing may trap in the kernel yet except by
 * mistake, so every trap is an oops: cause, stval, registers and a
 * symbolised backtrace, then panic.  Interrupt handling arrives with
 * the timer and interrupt-controller work.
 */
#include <asm/csr.h>
#include <asm/ptrace.h>
#include <asm/stacktrace.h>
#include <tern/arch.h>
#include <tern/kernel.h>

void do_trap(struct pt_regs *regs);

static const char *const exception_names[] = {
	[EXC_INST_MISALIGNED]	= "Instruction address misaligned",
	[EXC_INST_ACCESS]	= "Instruction access fault",
	[EXC_ILLEGAL_INST]	= "Illegal instruction",
	[EXC_BREAKPOINT]	= "Breakpoint",
	[EXC_LOAD_MISALIGNED]	= "Load address misaligned",
	[EXC_LOAD_ACCESS]	= "Load access fault",
	[EXC_STORE_MISALIGNED]	= "Store/AMO address misaligned",
	[EXC_STORE_ACCESS]	= "Store/AMO access fault",
	[EXC_ECALL_U]		= "Environment call from U-mode",
	[EXC_ECALL_S]		= "Environment call from S-mode",
	[EXC_INST_PAGE_FAULT]	= "Instruction page fault",
	[EXC_LOAD_PAGE_FAULT]	= "Load page fault",
	[EXC_STORE_PAGE_FAULT]	= "Store/AMO page fault",
};

const char *trap_cause_name(unsigned long cause)
{
	if (cause & CAUSE_IRQ_FLAG)
		return "Unexpected interrupt";
	if (cause < ARRAY_SIZE(exception_names) && exception_names[cause])
		return exception_names[cause];
	return "Unknown exception";
}

/* Report a fatal kernel trap and stop. */
static void __noreturn die(struct pt_regs *regs, const char *what)
{
	console_printf("\nOops - %s [cause %lx] at kernel address %lx\n",
		       what, regs->cause, regs->epc);
	show_regs(regs);
	dump_trap_backtrace(regs);
	panic("Fatal exception: %s", what);
}

void do_trap(struct pt_regs *regs)
{
	die(regs, trap_cause_name(regs->cause));
}
