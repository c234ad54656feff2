// SPDX-License-Identifier: MIT
/*
 * Trap dispatch.  Exceptions from user mode go to user_trap.c
 * (CONFIG_PROCESSES); interrupts from there come here as any other and
 * may switch tasks on the way back.  Interrupts go to their handlers: the timer to
 * handle_timer_irq, the external interrupt to handle_external_irq (the
 * PLIC), the software interrupt to handle_ipi; then the tick is restarted
 * if idle had stopped it, and the scheduler may switch tasks.  An
 * interrupt cause nobody handles is masked, counted and logged.  A page
 * fault the page table does not explain (spurious: arch/riscv/mm/fault.c)
 * is retried; one at a user address goes to do_user_page_fault first.
 * An access or page fault on an instruction with an
 * exception fixup (asm/extable.h) resumes at the fixup.  Nothing else may
 * raise an exception in the kernel except by mistake, so every other
 * exception is an oops: cause, what was accessed where and how, the
 * registers and a symbolised backtrace, then panic.
 */
#include <asm/csr.h>
#include <asm/extable.h>
#include <asm/mmu.h>
#include <asm/ptrace.h>
#include <asm/stacktrace.h>
#include <asm/switch.h>
#include <asm/remote_fence.h>
#include <tern/arch.h>
#include <tern/irq.h>
#include <tern/kallsyms.h>
#include <tern/kernel.h>
#include <tern/printf.h>
#include <tern/sched.h>
#include <tern/smp.h>
#include <tern/timer.h>

void do_trap(struct pt_regs *regs);
/* arch/riscv/kernel/user_trap.c (CONFIG_PROCESSES) */
void do_user_exception(struct pt_regs *regs);
void user_return_work(struct pt_regs *regs);
void __noreturn handle_kernel_stack_overflow(struct pt_regs *regs);

_Static_assert(offsetof(struct task, stack) == TASK_STACK_OFFSET,
	       "entry.S finds the task's stack at TASK_STACK_OFFSET");
_Static_assert(offsetof(struct task, kernel_sp) == TASK_KERNEL_SP_OFFSET &&
	       offsetof(struct task, user_sp) == TASK_USER_SP_OFFSET,
	       "entry.S finds kernel_sp and user_sp at their offsets");

static bool is_page_fault(unsigned long cause)
{
	return cause == EXC_INST_PAGE_FAULT || cause == EXC_LOAD_PAGE_FAULT ||
	       cause == EXC_STORE_PAGE_FAULT;
}

/* The faults of an access that did not reach memory: stval holds its address. */
static bool is_memory_fault(unsigned long cause)
{
	return is_page_fault(cause) || cause == EXC_INST_ACCESS ||
	       cause == EXC_LOAD_ACCESS || cause == EXC_STORE_ACCESS;
}

static const char *access_name(unsigned long cause)
{
	if (cause == EXC_INST_PAGE_FAULT || cause == EXC_INST_ACCESS)
		return "instruction fetch";
	if (cause == EXC_LOAD_PAGE_FAULT || cause == EXC_LOAD_ACCESS)
		return "load";
	return "store";
}

/* "Bad store at 0x... (mapped r-x, 4 KiB page) in function+0x12/0x40" */
static void report_bad_access(const struct pt_regs *regs)
{
	char sym[KSYM_NAME_LEN + 32], mapping[48];

	if (IS_ENABLED(CONFIG_MMU))
		describe_kernel_mapping(regs->badaddr, mapping, sizeof(mapping));
	else
		scnprintf(mapping, sizeof(mapping), "physical: nothing answered");
	sprint_symbol(sym, sizeof(sym), regs->epc);
	console_printf("Bad %s at address %0*lx (%s) in %s\n", access_name(regs->cause),
		       (int)(2 * sizeof(long)), regs->badaddr, mapping, sym);
}

/* Report a fatal kernel trap and stop. */
static void __noreturn die(struct pt_regs *regs, const char *what)
{
	console_printf("\nOops - %s [cause %lx] at kernel address %lx\n",
		       what, regs->cause, regs->epc);
	if (is_memory_fault(regs->cause))
		report_bad_access(regs);
	show_regs(regs);
	dump_trap_backtrace(regs);
	panic("Fatal exception: %s", what);
}

/*
 * entry.S, on the overflow stack, when a trap came with sp below the
 * current task's stack (CONFIG_VMAP_STACK): the task ran into the guard
 * page under it.  regs holds the trapped registers, sp included.
 */
void __noreturn handle_kernel_stack_overflow(struct pt_regs *regs)
{
	struct task *t = current;
	void *stack = t->stack;

	t->stack = NULL;	/* a trap from here on stays on the overflow stack */
	console_printf("\nkernel stack overflow in task %s (pid %u): sp %lx below the stack at %p\n",
		       t->name, t->pid, regs->sp, stack);
	if (is_memory_fault(regs->cause))
		report_bad_access(regs);
	show_regs(regs);
	panic("kernel stack overflow in task %s", t->name);
}

/* Interrupts are off (sstatus.SIE) for the whole of it. */
static void do_irq(unsigned long code)
{
	switch (code) {
	case IRQ_S_TIMER:
		handle_timer_irq();
		break;
	case IRQ_S_EXT:
		handle_external_irq();
		break;
	case IRQ_S_SOFT:
		csr_clear(sip, SIP_SSIP);
		if (IS_ENABLED(CONFIG_SMP))
			remote_fence_ipi();
		handle_ipi();
		break;
	default:
		if (code < __riscv_xlen)
			csr_clear(sie, 1UL << code);
		irq_unhandled("interrupt cause", code);
		break;
	}
	tick_irq_exit();
	preempt_on_irq_exit();
}

/*
 * The exceptions a fixup may cover: an access that did not reach memory,
 * or a semihosting ebreak that found no host to answer it (asm/extable.h).
 */
static bool fixup_may_cover(unsigned long cause)
{
	return is_memory_fault(cause) || cause == EXC_BREAKPOINT;
}

void do_trap(struct pt_regs *regs)
{
	bool from_user = IS_ENABLED(CONFIG_PROCESSES) && user_mode(regs);

	if (regs->cause & CAUSE_IRQ_FLAG) {
		do_irq(regs->cause & ~CAUSE_IRQ_FLAG);
		if (from_user)
			user_return_work(regs);
		return;
	}
	if (from_user) {
		do_user_exception(regs);
		return;
	}
	if (IS_ENABLED(CONFIG_MMU) && is_page_fault(regs->cause) &&
	    (do_user_page_fault(regs) == 0 ||
	     kernel_fault_spurious(regs->badaddr, regs->cause)))
		return;
	if (fixup_may_cover(regs->cause) && fixup_exception(regs))
		return;
	die(regs, trap_cause_name(regs->cause));
}
