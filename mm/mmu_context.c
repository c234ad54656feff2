// SPDX-License-Identifier: MIT
/* A kernel thread borrowing a user address space (include/tern/mm.h). */
#include <asm/mmu_context.h>
#include <tern/irqflags.h>
#include <tern/kernel.h>
#include <tern/mm.h>
#include <tern/sched.h>

void use_mm(struct mm_struct *mm)
{
	unsigned long flags = local_irq_save();

	if (current->mm)
		panic("use_mm: task %s has an address space already", current->name);
	current->mm = mm;
	switch_mm(NULL, mm);
	local_irq_restore(flags);
}

void unuse_mm(struct mm_struct *mm)
{
	unsigned long flags = local_irq_save();

	if (current->mm != mm)
		panic("unuse_mm: task %s does not use that address space", current->name);
	current->mm = NULL;
	switch_mm(mm, NULL);
	local_irq_restore(flags);
}
