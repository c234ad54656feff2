// SPDX-License-Identifier: MIT
/*
 * Signal delivery on RISC-V, in Linux's ABI (asm/ucontext.h): the
 * struct rt_sigframe on the user stack (or the alternate one), the
 * return trampoline page, rt_sigreturn, and the restart of interrupted
 * system calls (Documentation/signals.md).
 *
 * Linux returns through the vDSO's trampoline; Tern has no vDSO, so exec
 * maps one read+exec page holding "li a7, 139; ecall" in every address
 * space (arch_setup_sigpage) and the handler's ra points there.  A
 * no-MMU kernel would put the two instructions in the frame instead, as
 * Linux no-MMU does: that is this file's choice alone.
 *
 * Restart (as Linux's arch/riscv): the trap frame keeps a0 at entry in
 * orig_a0; cause stays EXC_ECALL_U while the system call's result may
 * still be a restart code, and is set to -1 once that is decided (and by
 * rt_sigreturn), so a value in a0 is never taken for one twice.
 */
#include <asm/cacheflush.h>
#include <asm/csr.h>
#include <asm/page.h>
#include <asm/switch.h>
#include <asm/ucontext.h>
#include <tern/errno.h>
#include <tern/kernel.h>
#include <tern/mm.h>
#include <tern/mman.h>
#include <tern/process.h>
#include <tern/signal.h>
#include <tern/string.h>
#include <tern/syscalls.h>
#include <tern/uaccess.h>

#define NOT_A_SYSCALL	(~0UL)

_Static_assert(sizeof(struct user_regs_struct) == 32 * sizeof(long), "pc and x1..x31");
_Static_assert(__builtin_offsetof(struct pt_regs, t6) == 31 * sizeof(long),
	       "pt_regs begins as user_regs_struct");
_Static_assert(sizeof(union __riscv_fp_state) == 528, "the Q layout sizes the FP union");
_Static_assert(__builtin_offsetof(struct ucontext, uc_sigmask) == (sizeof(long) == 8 ? 40 : 20),
	       "uc_sigmask after uc_stack");
_Static_assert(__builtin_offsetof(struct ucontext, uc_mcontext) ==
	       (sizeof(long) == 8 ? 176 : 160), "uc_mcontext 16-byte aligned after the pad");
_Static_assert(sizeof(struct rt_sigframe) == (sizeof(long) == 8 ? 1088 : 944),
	       "struct rt_sigframe is Linux's size");
_Static_assert(sizeof(struct thread_fpu) >= sizeof(struct __riscv_d_ext_state) - 4,
	       "thread_fpu holds the D state");

#ifdef CONFIG_MMU
/*
 * The page goes where the heap would start, which then starts a page
 * higher (Linux moves the start of brk too, at random): next to the
 * program's data, under the page tables it has already, so fork copies
 * no table more for it.  Elsewhere (top-down) if that is taken.
 */
int arch_setup_sigpage(struct mm_struct *mm)
{
	static const u32 code[2] = { SIGRETURN_INSN0, SIGRETURN_INSN1 };
	unsigned long addr, at_brk = (mm->brk + PAGE_SIZE - 1) & ~(PAGE_SIZE - 1);
	int err;

	err = do_mmap(mm, at_brk, PAGE_SIZE, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, &addr);
	if (!err)
		mm->start_brk = mm->brk = addr + PAGE_SIZE;
	else
		err = do_mmap(mm, 0, PAGE_SIZE, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_ANONYMOUS, &addr);
	if (err)
		return err;
	if (copy_to_user((void __user *)addr, code, sizeof(code)))
		return -ENOMEM;		/* the page could not be had */
	err = do_mprotect(mm, addr, PAGE_SIZE, PROT_READ | PROT_EXEC);
	if (err)
		return err;
	flush_icache_mm(mm);
	mm->sigpage = addr;
	return 0;
}

/* Where the handler returns to: the page exec mapped.  0: none. */
static unsigned long sigreturn_trampoline(void __user *below_frame)
{
	(void)below_frame;
	return current->mm->sigpage;
}

#define TRAMPOLINE_ROOM	0

#else
/* Without an MMU the frame carries the trampoline (below): nothing to map. */
int arch_setup_sigpage(struct mm_struct *mm)
{
	(void)mm;
	return 0;
}

/*
 * Without an MMU, as Linux's no-MMU kernel does: the two instructions go
 * on the user stack, just above the frame (nothing keeps a stack from
 * being run without an MMU), and the instruction caches forget what they
 * held there.  0 when the stack cannot take them.
 */
static unsigned long sigreturn_trampoline(void __user *code)
{
	static const u32 insns[2] = { SIGRETURN_INSN0, SIGRETURN_INSN1 };

	if (copy_to_user(code, insns, sizeof(insns)))
		return 0;
	flush_icache_all();
	return (unsigned long)code;
}

#define TRAMPOLINE_ROOM	16	/* the two instructions, keeping sp 16-byte aligned */
#endif

static void save_fp(struct sigcontext *sc)
{
	struct task *self = current;

	fpu_flush(self);
	memcpy(sc->sc_fpregs.d.f, self->fpu.f, sizeof(sc->sc_fpregs.d.f));
	sc->sc_fpregs.d.fcsr = self->fpu.fcsr;
}

/* Builds the frame and points the registers at the handler: 0, or -EFAULT. */
static int setup_rt_frame(struct ksignal *ksig, struct pt_regs *regs)
{
	struct rt_sigframe f;
	struct rt_sigframe __user *frame;
	unsigned long sp = sigsp(regs->sp, ksig), trampoline;
	u64 mask = sigmask_to_save();

	sp = (sp - sizeof(f) - TRAMPOLINE_ROOM) & ~15UL;
	frame = (struct rt_sigframe __user *)sp;
	trampoline = sigreturn_trampoline(frame + 1);
	if (!trampoline)
		return -EFAULT;
	memset(&f, 0, sizeof(f));
	fill_siginfo(&f.info, ksig->sig, &ksig->info);
	f.uc.uc_stack.ss_sp = (void *)current->sas_ss_sp;
	f.uc.uc_stack.ss_size = current->sas_ss_size;
	f.uc.uc_stack.ss_flags = !current->sas_ss_size ? SS_DISABLE :
				 (on_sig_stack(regs->sp) ? SS_ONSTACK : 0) |
				 (int)current->sas_ss_flags;
	memcpy(&f.uc.uc_sigmask, &mask, sizeof(mask));
	memcpy(&f.uc.uc_mcontext.sc_regs, regs, sizeof(struct user_regs_struct));
	save_fp(&f.uc.uc_mcontext);
	if (copy_to_user(frame, &f, sizeof(f)))
		return -EFAULT;
	regs->epc = ksig->ka.handler;
	regs->ra = trampoline;
	regs->sp = sp;
	regs->a0 = (unsigned long)ksig->sig;
	regs->a1 = (unsigned long)&frame->info;
	regs->a2 = (unsigned long)&frame->uc;
	return 0;
}

/*
 * The handler returned through the trampoline: registers, FP registers,
 * mask and alternate stack come back from the frame at sp.  sstatus is
 * not in the frame: the privilege and interrupt bits stay the kernel's,
 * so a forged frame can only choose user registers.  A frame that
 * cannot be read is SIGSEGV.
 */
SYSCALL_DEFINE0(rt_sigreturn)
{
	struct pt_regs *regs = task_pt_regs(current);
	struct rt_sigframe __user *frame = (struct rt_sigframe __user *)regs->sp;
	struct ucontext uc;
	struct thread_fpu fp;
	u64 mask;

	if (copy_from_user(&uc, &frame->uc, sizeof(uc))) {
		force_sig_fault(SIGSEGV, SI_KERNEL, 0);
		return regs->a0;
	}
	memcpy(&mask, &uc.uc_sigmask, sizeof(mask));
	set_current_blocked(mask);
	memcpy(regs, &uc.uc_mcontext.sc_regs, sizeof(struct user_regs_struct));
	regs->cause = NOT_A_SYSCALL;
	memset(&fp, 0, sizeof(fp));
	memcpy(fp.f, uc.uc_mcontext.sc_fpregs.d.f, sizeof(fp.f));
	fp.fcsr = uc.uc_mcontext.sc_fpregs.d.fcsr;
	fpu_load(current, &fp);
	restore_altstack(&frame->uc.uc_stack);
	return regs->a0;
}

/* A handler will run: the interrupted call gives -EINTR or is restarted. */
static void restart_for_handler(struct pt_regs *regs, const struct ksignal *ksig)
{
	switch ((long)regs->a0) {
	case -ERESTART_RESTARTBLOCK:
	case -ERESTARTNOHAND:
		regs->a0 = -EINTR;
		break;
	case -ERESTARTSYS:
		if (!(ksig->ka.flags & SA_RESTART)) {
			regs->a0 = -EINTR;
			break;
		}
		/* fall through */
	case -ERESTARTNOINTR:
		regs->a0 = regs->orig_a0;
		regs->epc -= 4;
		break;
	}
}

/* No handler runs: every restart code restarts (RESTARTBLOCK through restart_syscall). */
static void restart_without_handler(struct pt_regs *regs)
{
	switch ((long)regs->a0) {
	case -ERESTARTNOHAND:
	case -ERESTARTSYS:
	case -ERESTARTNOINTR:
		regs->a0 = regs->orig_a0;
		regs->epc -= 4;
		break;
	case -ERESTART_RESTARTBLOCK:
		regs->a0 = regs->orig_a0;
		regs->a7 = __NR_restart_syscall;
		regs->epc -= 4;
		break;
	}
}

void do_notify_resume(struct pt_regs *regs)
{
	bool syscall = regs->cause == EXC_ECALL_U;
	struct ksignal ksig;

	if (get_signal(&ksig)) {
		if (syscall)
			restart_for_handler(regs, &ksig);
		regs->cause = NOT_A_SYSCALL;
		signal_setup_done(setup_rt_frame(&ksig, regs) != 0, &ksig);
		return;
	}
	if (syscall)
		restart_without_handler(regs);
	regs->cause = NOT_A_SYSCALL;
	restore_saved_sigmask();
}
