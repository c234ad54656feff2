// SPDX-License-Identifier: MIT
/*
 * /proc/<pid> without an MMU: the sizes, argv and maps of an address
 * space that is a list of regions of physical memory (<tern/mm.h>;
 * mm->lock, a spinlock, held while the list is read).  Every page of a
 * region is resident, so RSS is the size; nothing enforces permissions,
 * so maps says rwx for every region.
 */
#include <tern/kernel.h>
#include <tern/mm.h>
#include <tern/process.h>
#include <tern/string.h>
#include "internal.h"

void proc_mm_sizes(struct task *t, struct mm_sizes *z)
{
	struct mm_struct *mm = get_task_mm(t);
	struct vm_region *r;
	unsigned long flags;

	memset(z, 0, sizeof(*z));
	if (!mm)
		return;
	flags = spin_lock_irqsave(&mm->lock);
	list_for_each_entry(r, &mm->regions, list) {
		z->vsize += r->end - r->start;
		if (r->kind == VMR_IMAGE) {
			z->start_code = r->start;
			z->end_code = r->end;
		}
	}
	z->rss = z->vsize / PAGE_SIZE;
	z->start_brk = mm->start_brk;
	z->brk = mm->brk;
	z->start_stack = mm->start_stack;
	z->arg_start = mm->arg_start;
	z->arg_end = mm->arg_end;
	z->env_start = mm->env_start;
	z->env_end = mm->env_end;
	spin_unlock_irqrestore(&mm->lock, flags);
	mmput(mm);
}

/*
 * argv's strings, copied straight from where exec put them: the stack
 * region, which lives as long as the reference to mm held here.
 */
int proc_show_cmdline(struct proc_buf *b, struct task *t)
{
	struct mm_struct *mm = get_task_mm(t);
	unsigned long start, len, flags;

	if (!mm)
		return 0;		/* kernel threads and zombies: empty */
	flags = spin_lock_irqsave(&mm->lock);
	start = mm->arg_start;
	len = mm->arg_end - mm->arg_start;
	spin_unlock_irqrestore(&mm->lock, flags);
	if (len > b->size) {
		b->len = len;		/* grow and come again */
	} else if (len && mm_range_ok(mm, start, len)) {
		memcpy(b->buf, (const void *)start, len);
		b->len = len;
	}
	mmput(mm);
	return 0;
}

static const char *region_name(const struct vm_region *r)
{
	switch (r->kind) {
	case VMR_BRK:
		return "[heap]";
	case VMR_STACK:
		return "[stack]";
	default:
		return NULL;
	}
}

/* Linux's maps line, the name from the same column as with an MMU. */
int proc_show_maps(struct proc_buf *b, struct task *t)
{
	struct mm_struct *mm = get_task_mm(t);
	struct vm_region *r;
	unsigned long flags;

	if (!mm)
		return 0;
	flags = spin_lock_irqsave(&mm->lock);
	list_for_each_entry(r, &mm->regions, list) {
		const char *name = region_name(r);
		size_t start = b->len;

		pb_printf(b, "%08lx-%08lx rwxp 00000000 00:00 0", r->start, r->end);
		if (name)
			pb_printf(b, "%*s%s", (int)MAX(1L, 25 + (long)sizeof(void *) * 6 -
						   (long)(b->len - start)), "", name);
		pb_printf(b, "\n");
	}
	spin_unlock_irqrestore(&mm->lock, flags);
	mmput(mm);
	return 0;
}
