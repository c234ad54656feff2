// SPDX-License-Identifier: MIT
/* Exception fixups (asm/extable.h): a short table, searched on a fault. */
#include <asm/extable.h>
#include <tern/errno.h>

extern const struct exception_table_entry __ex_table_start[], __ex_table_end[];

bool fixup_exception(struct pt_regs *regs)
{
	const struct exception_table_entry *e;

	for (e = __ex_table_start; e < __ex_table_end; e++)
		if (e->insn == regs->epc) {
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
