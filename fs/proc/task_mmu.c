// SPDX-License-Identifier: MIT
/*
 * /proc/<pid> with an MMU: the sizes, argv and maps of an address space
 * of VMAs (mm->lock, a mutex, held while they are read).
 */
#include <tern/err.h>
#include <tern/kernel.h>
#include <tern/mm.h>
#include <tern/namei.h>
#include <tern/process.h>
#include <tern/slab.h>
#include <tern/string.h>
#include "internal.h"

void proc_mm_sizes(struct task *t, struct mm_sizes *z)
{
	struct mm_struct *mm = get_task_mm(t);
	struct rb_node *n;

	memset(z, 0, sizeof(*z));
	if (!mm)
		return;
	mutex_lock(&mm->lock);
	for (n = rb_first(&mm->mm_rb); n; n = rb_next(n)) {
		struct vm_area_struct *v = rb_entry(n, struct vm_area_struct, vm_rb);

		z->vsize += v->vm_end - v->vm_start;
		if ((v->vm_flags & VM_EXEC) && !z->end_code) {
			z->start_code = v->vm_start;
			z->end_code = v->vm_end;
		}
	}
	z->rss = mm->rss;
	z->start_brk = mm->start_brk;
	z->brk = mm->brk;
	z->start_stack = mm->start_stack;
	z->arg_start = mm->arg_start;
	z->arg_end = mm->arg_end;
	z->env_start = mm->env_start;
	z->env_end = mm->env_end;
	mutex_unlock(&mm->lock);
	mmput(mm);
}

/* argv's strings, NUL-separated, read from the process's own memory. */
int proc_show_cmdline(struct proc_buf *b, struct task *t)
{
	struct mm_struct *mm = get_task_mm(t);
	unsigned long start, len;
	size_t got;

	if (!mm)
		return 0;		/* kernel threads and zombies: empty */
	mutex_lock(&mm->lock);
	start = mm->arg_start;
	len = mm->arg_end - mm->arg_start;
	mutex_unlock(&mm->lock);
	if (len > b->size) {
		b->len = len;		/* grow and come again */
		mmput(mm);
		return 0;
	}
	got = access_remote_vm(mm, start, b->buf, len);
	b->len = got;
	mmput(mm);
	return 0;
}

/* Linux's maps line: start-end perms offset dev inode, the name from column 74. */
static void show_vma(struct proc_buf *b, const struct vm_area_struct *v, const char *name,
		     char *path)
{
	struct inode *inode = v->vm_file ? v->vm_file->f_inode : NULL;
	size_t start = b->len;

	pb_printf(b, "%08lx-%08lx %c%c%c%c %08llx %02x:%02x %lu", v->vm_start, v->vm_end,
		  v->vm_flags & VM_READ ? 'r' : '-', v->vm_flags & VM_WRITE ? 'w' : '-',
		  v->vm_flags & VM_EXEC ? 'x' : '-', v->vm_flags & VM_MAYSHARE ? 's' : 'p',
		  (unsigned long long)v->vm_pgoff << PAGE_SHIFT,
		  inode ? (unsigned int)MAJOR(inode->i_sb->s_dev) : 0u,
		  inode ? (unsigned int)MINOR(inode->i_sb->s_dev) : 0u,
		  inode ? inode->i_ino : 0UL);
	if (v->vm_file && path) {
		struct path root;
		char *p;

		get_root_path(&root);
		vfs_lock();
		p = d_path(&v->vm_file->f_path, &root, path, PATH_MAX);
		path_put_locked(&root);
		vfs_unlock();
		name = IS_ERR(p) ? NULL : p;
	}
	if (name)
		pb_printf(b, "%*s%s", (int)MAX(1L, 25 + (long)sizeof(void *) * 6 -
					   (long)(b->len - start)), "", name);
	pb_printf(b, "\n");
}

int proc_show_maps(struct proc_buf *b, struct task *t)
{
	struct mm_struct *mm = get_task_mm(t);
	char *path = kmalloc(PATH_MAX, GFP_KERNEL);
	struct rb_node *n;

	if (!mm) {
		kfree(path);
		return 0;
	}
	mutex_lock(&mm->lock);
	for (n = rb_first(&mm->mm_rb); n; n = rb_next(n)) {
		struct vm_area_struct *v = rb_entry(n, struct vm_area_struct, vm_rb);
		const char *name = NULL;

		if (v->vm_flags & VM_GROWSDOWN)
			name = "[stack]";
		else if (!v->vm_file && v->vm_start < ALIGN_UP(mm->brk, PAGE_SIZE) &&
			 v->vm_end > mm->start_brk)
			name = "[heap]";
		show_vma(b, v, name, path);
	}
	mutex_unlock(&mm->lock);
	mmput(mm);
	kfree(path);
	return 0;
}

