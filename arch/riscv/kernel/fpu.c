// SPDX-License-Identifier: MIT
/*
 * User floating point (asm/switch.h).  A hart with the D extension runs
 * user mode with sstatus.FS on, starting Initial at exec; the hart sets
 * it Dirty when user mode writes an FP register, and the trap frame
 * keeps that state.  The registers stay in the hart while the kernel
 * runs (it has no FP instructions); on a switch away, a Dirty frame's
 * registers are saved into task->fpu and the frame marked Clean, and a
 * process switched to gets its registers back if it uses them.  Without
 * the D extension FS stays Off and an FP instruction is SIGILL, as on
 * Linux.  Called with interrupts off, or on current (fork, exec).
 */
#include <asm/csr.h>
#include <asm/elf.h>
#include <asm/switch.h>
#include <tern/irqflags.h>
#include <tern/process.h>
#include <tern/string.h>

#define SR_FS_INITIAL	(1UL << 13)
#define SR_FS_CLEAN	(2UL << 13)
#define SR_FS_DIRTY	(3UL << 13)

void __fpu_save(struct thread_fpu *fpu);
void __fpu_restore(const struct thread_fpu *fpu);

static bool has_fpu(void)
{
	return elf_hwcap() & (1UL << ('d' - 'a'));
}

static void save_if_dirty(struct task *t)
{
	struct pt_regs *regs = task_pt_regs(t);

	if ((regs->status & SR_FS) == SR_FS_DIRTY) {
		__fpu_save(&t->fpu);
		regs->status = (regs->status & ~SR_FS) | SR_FS_CLEAN;
	}
}

void arch_switch_user_state(struct task *prev, struct task *next)
{
	if (prev->is_process && prev->state != TASK_DEAD)
		save_if_dirty(prev);
	if (next->is_process && (task_pt_regs(next)->status & SR_FS))
		__fpu_restore(&next->fpu);
}

void fpu_flush(struct task *t)
{
	unsigned long flags = local_irq_save();

	save_if_dirty(t);
	local_irq_restore(flags);
}

void fpu_reset(struct task *t)
{
	struct pt_regs *regs = task_pt_regs(t);
	unsigned long flags = local_irq_save();	/* no switch may save the old ones over it */

	memset(&t->fpu, 0, sizeof(t->fpu));
	regs->status &= ~SR_FS;
	if (has_fpu()) {
		__fpu_restore(&t->fpu);
		regs->status |= SR_FS_INITIAL;
	}
	local_irq_restore(flags);
}

void fpu_load(struct task *t, const struct thread_fpu *fp)
{
	struct pt_regs *regs = task_pt_regs(t);
	unsigned long flags;

	if (!has_fpu() || !(regs->status & SR_FS))
		return;
	flags = local_irq_save();
	t->fpu = *fp;
	__fpu_restore(&t->fpu);
	regs->status = (regs->status & ~SR_FS) | SR_FS_CLEAN;
	local_irq_restore(flags);
}
