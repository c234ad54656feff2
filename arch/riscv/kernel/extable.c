// SPDX-License-Identifier: MIT
/* Exception fixups (asm/extable.h): a short table, searched on a fault. */
#include <asm/csr.h>
#include <asm/extable.h>
#include <tern/errno.h>

extern const struct exception_table_entry __ex_table_start[], __ex_table_end[];

bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e;
	unsigned long insn = regs->epc;

	/* A fetch that faulted: the entry is the jalr (4 bytes) that jumped there. */
	if (regs->cause == EXC_INST_PAGE_FAULT || regs->cause == EXC_INST_ACCESS)
		insn = regs->ra - 4;
	for (e = __ex_table_start; e < __ex_table_end; e++)
		if (e->insn == insn) {
			regs->epc = e->fixup;
			return true;
		}
	return false;
}

int probe_read_word(uintptr_t addr)
{
	int err = 0;
	u32 unused;

	__asm__ __volatile__(
		"1:	lw	%1, 0(%2)\n"
		"	j	3f\n"
		"2:	li	%0, %3\n"
		"3:\n"
		ASM_EXTABLE(1b, 2b)
		: "+r"(err), "=&r"(unused)
		: "r"(addr), "i"(-EFAULT)
		: "memory");
	return err;
}

int probe_write_word(uintptr_t addr, u32 value)
{
	int err = 0;

	__asm__ __volatile__(
		"1:	sw	%1, 0(%2)\n"
		"	j	3f\n"
		"2:	li	%0, %3\n"
		"3:\n"
		ASM_EXTABLE(1b, 2b)
		: "+r"(err)
		: "r"(value), "r"(addr), "i"(-EFAULT)
		: "memory");
	return err;
}

/*
 * The jalr is 4 bytes (norvc) so that the fixup of a fetch fault finds it
 * at ra - 4.  The code at addr must return with ret and touch no
 * register but a0 (the probes point it at a single ret).
 */
int probe_exec(uintptr_t addr)
{
	register unsigned long a0 __asm__("a0") = 0;
	register uintptr_t target __asm__("t0") = addr;

	__asm__ __volatile__(
		"	.option push\n"
		"	.option norvc\n"
		"1:	jalr	ra, 0(%1)\n"
		"	.option pop\n"
		"	j	3f\n"
		"2:	li	%0, %2\n"
		"3:\n"
		ASM_EXTABLE(1b, 2b)
		: "+r"(a0)
		: "r"(target), "i"(-EFAULT)
		: "ra", "memory");
	return (int)a0;
}
