// SPDX-License-Identifier: MIT
/*
 * Page faults taken in the kernel, before the exception fixups and the
 * oops (arch/riscv/kernel/traps.c).  With no user address spaces yet, a
 * page fault in the kernel is one of:
 *   - spurious: another hart mapped the address a moment ago and this
 *     one still held "nothing here" (a hart may cache that until an
 *     sfence.vma): the page table allows the access, so flush the
 *     address here and retry;
 *   - expected, at an instruction with a fixup (probes, later uaccess);
 *   - a bug: an oops, which describe_kernel_mapping helps explain.
 */
#include <asm/csr.h>
#include <asm/memlayout.h>
#include <asm/mmu.h>
#include <asm/ptrace.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <tern/errno.h>
#include <tern/irqflags.h>
#include <tern/kernel.h>
#include <tern/mm.h>
#include <tern/printf.h>
#include <tern/sched.h>
#include <tern/smp.h>

/* A hart that keeps faulting on an address it may reach has another problem. */
#define SPURIOUS_RETRIES	4

/* Per CPU, written only by that CPU with interrupts off (in its trap handler). */
static struct {
	unsigned long addr;
	unsigned int count;
} spurious[NR_CPUS];

static pteval_t access_needs(unsigned long cause)
{
	if (cause == EXC_INST_PAGE_FAULT)
		return _PAGE_X;
	return cause == EXC_STORE_PAGE_FAULT ? _PAGE_W : _PAGE_R;
}

bool kernel_fault_spurious(unsigned long addr, unsigned long cause)
{
	unsigned int cpu = smp_processor_id();
	pteval_t *e = kernel_lookup(addr, NULL);
	pteval_t pte = e ? READ_ONCE(*e) : 0;

	if (!pte || (pte & _PAGE_U) || !(pte & access_needs(cause)))
		return false;
	if (spurious[cpu].addr != (addr & PAGE_MASK)) {
		spurious[cpu].addr = addr & PAGE_MASK;
		spurious[cpu].count = 0;
	}
	if (++spurious[cpu].count > SPURIOUS_RETRIES)
		return false;
	local_flush_tlb_page(addr);
	return true;
}

void describe_kernel_mapping(unsigned long addr, char *buf, size_t len)
{
	unsigned int level;
	pteval_t *e = kernel_lookup(addr, &level);
	pteval_t pte = e ? READ_ONCE(*e) : 0;

	if (!pte) {
		scnprintf(buf, len, "not mapped");
		return;
	}
	scnprintf(buf, len, "mapped %c%c%c%s, %lu KiB page", pte & _PAGE_R ? 'r' : '-',
		  pte & _PAGE_W ? 'w' : '-', pte & _PAGE_X ? 'x' : '-',
		  pte & _PAGE_U ? " user" : "", LEVEL_SIZE(level) >> 10);
}

static unsigned int fault_flags(unsigned long cause)
{
	if (cause == EXC_INST_PAGE_FAULT)
		return FAULT_FLAG_INSTRUCTION;
	return cause == EXC_STORE_PAGE_FAULT ? FAULT_FLAG_WRITE : 0;
}

/*
 * Only a uaccess helper (the only code that runs with SUM set, each of
 * its accesses with a fixup) is served, and not with interrupts off in
 * the helper, in atomic context, or in a task without an address space.
 */
int do_user_page_fault(const struct pt_regs *regs)
{
	struct task *task = current;
	struct mm_struct *mm = task->mm;
	int err;

	if (regs->badaddr >= TASK_SIZE)
		return -EINVAL;
	/* Any other kernel access to a user address is a bug. */
	if (!(regs->status & SR_SUM))
		return -EFAULT;
	/* The helper ran with interrupts off, or must not sleep: the fixup fails it. */
	if (!mm || !(regs->status & SR_SPIE) || task->preempt_count)
		return -EFAULT;
	if (READ_ONCE(mm->lock.owner) == task)
		panic("uaccess at %#lx (pc %#lx) while holding its address space's lock",
		      regs->badaddr, regs->epc);
	local_irq_enable();
	err = handle_mm_fault(mm, regs->badaddr, fault_flags(regs->cause));
	local_irq_disable();
	return err ? -EFAULT : 0;
}
