/* SPDX-License-Identifier: MIT */
/*
 * procfs internals (Documentation/filesystems/proc.md).
 *
 * Every file is generated whole when it is opened, into a buffer the
 * open file keeps (struct proc_buf): reads at any offset see one
 * consistent snapshot, and a file whose process is gone fails at open
 * (-ESRCH), never half-way through.
 *
 * The tree is made on demand by lookup: an entry table for the top
 * directory and one for each /proc/<pid>, pid directories from the pid
 * table (find_get_task).  Every procfs dentry is DCACHE_DONTCACHE, so
 * nothing stale stays in the dcache once unused; proc_flush_pid unhashes
 * a reaped pid's directory even while someone holds it.
 */
#ifndef FS_PROC_INTERNAL_H
#define FS_PROC_INTERNAL_H

#include <tern/fs.h>
#include <tern/printf.h>
#include <tern/sched.h>

/* A file's text, grown by doubling when a show function fills it. */
struct proc_buf {
	char *buf;
	size_t size;		/* bytes buf holds */
	size_t len;		/* bytes written, or needed: > size means "too small" */
};

void pb_printf(struct proc_buf *b, const char *fmt, ...) __printf(2, 3);
void pb_write(struct proc_buf *b, const void *data, size_t n);

/*
 * One name in a procfs directory.  Files have show (t: the pid
 * directory's task, held; NULL at the top), which returns 0 or -errno;
 * symlinks have link (the target into buf, a kernel string); directories
 * have entries.
 */
struct proc_entry {
	const char *name;
	umode_t mode;
	int (*show)(struct proc_buf *b, struct task *t);
	void (*link)(char *buf, size_t len);
	const struct proc_entry *entries;	/* NULL-named end */
};

#define PROC_FILE(n, fn)	{ .name = (n), .mode = S_IFREG | 0444, .show = (fn) }
#define PROC_LINK(n, fn)	{ .name = (n), .mode = S_IFLNK | 0777, .link = (fn) }
#define PROC_END		{ .name = NULL }

/* i_private of every procfs inode but the root. */
struct proc_inode {
	const struct proc_entry *ent;	/* NULL: a /proc/<pid> directory */
	unsigned int pid;		/* 0: at the top */
};

extern const struct proc_entry proc_root_entries[];
extern const struct proc_entry proc_pid_entries[];

/* The mount table, one Linux line per mount (/proc/mounts, /proc/<pid>/mounts). */
int proc_show_mounts(struct proc_buf *b, struct task *t);

/* An address space's sizes (bytes; rss in pages), 0 for a task without one. */
struct mm_sizes {
	unsigned long vsize, rss, start_code, end_code;
	unsigned long start_brk, brk, start_stack, arg_start, arg_end, env_start, env_end;
};

/*
 * What reads a task's address space: task_mmu.c (VMAs) or task_nommu.c
 * (regions).  t is held; kernel threads and zombies have none.
 */
void proc_mm_sizes(struct task *t, struct mm_sizes *z);
/* argv's strings, NUL-separated, from the process's memory. */
int proc_show_cmdline(struct proc_buf *b, struct task *t);
/* One Linux maps line per VMA or region. */
int proc_show_maps(struct proc_buf *b, struct task *t);

/* The task of a procfs inode's pid, held (put_task), or NULL: it is gone. */
struct task *proc_task(struct inode *inode);

/* tgid if t leads a thread group, else its pid (kernel threads). */
static inline unsigned int task_tgid(const struct task *t)
{
	return t->tgid ? t->tgid : t->pid;
}

#endif
