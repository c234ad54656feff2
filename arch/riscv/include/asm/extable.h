/* SPDX-License-Identifier: MIT */
/*
 * Exception fixups.  An instruction that may fault by design (a probe of
 * memory that may not be there; later, accesses to user memory) gets an
 * entry in the __ex_table section: if it takes an access fault (or a
 * page fault), the trap handler resumes at the entry's fixup instead of
 * reporting an oops.  For a fault on fetching an instruction, the entry
 * is that of the jalr that jumped there (at ra - 4).  Any other fault
 * stays an oops.
 */
#ifndef ASM_EXTABLE_H
#define ASM_EXTABLE_H

#include <asm/asm.h>
#include <asm/ptrace.h>
#include <tern/compiler.h>
#include <tern/types.h>

struct exception_table_entry {
	unsigned long insn;	/* the address that may fault */
	unsigned long fixup;	/* where to resume if it does */
};

/* An entry for the instruction at label insn (inline asm, a local label). */
#define ASM_EXTABLE(insn, fixup)					\
	"	.pushsection __ex_table, \"a\"\n"			\
	"	.balign " __stringify(SZREG) "\n"			\
	"	" __stringify(RISCV_PTR) " " #insn ", " #fixup "\n"	\
	"	.popsection\n"

/* From the trap handler: true if regs->epc has a fixup, now in regs->epc. */
bool fixup_exception(struct pt_regs *regs);

/*
 * Reads the word at addr (a kernel address: physical ones reach it
 * through __va); 0 if memory answered, -EFAULT if the access faulted.
 * Interrupts may be on.
 */
int probe_read_word(uintptr_t addr);

/* Writes value to the word at addr: 0, or -EFAULT if the store faulted. */
int probe_write_word(uintptr_t addr, u32 value);

/*
 * Calls the code at addr, which must be a lone "ret": 0 if it ran,
 * -EFAULT if fetching it faulted (not executable, or not mapped).  For
 * the W^X ktests: an instruction fetch fault is fixed up by the entry of
 * the jump that led to it.
 */
int probe_exec(uintptr_t addr);

#endif
