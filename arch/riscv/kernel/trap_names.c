// SPDX-License-Identifier: MIT
/*
 * The names of the trap causes (scause), for the reports of the kernel's
 * traps (traps.c) and of the user faults that end a process
 * (user_trap.c): a file of its own, so that those two do not call each
 * other round in a loop.
 */
#include <asm/csr.h>
#include <asm/ptrace.h>
#include <tern/arch.h>
#include <tern/kernel.h>

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
