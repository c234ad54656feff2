// SPDX-License-Identifier: MIT
/*
 * /proc/<pid>: stat, status, cmdline, comm, maps, mounts.  Each show
 * function gets the task held (a zombie's struct too: its address space
 * is gone, so its sizes read 0, as in Linux).  What reads the address
 * space (sizes, cmdline, maps) is task_mmu.c's or task_nommu.c's.
 */
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/namei.h>
#include <tern/kernel.h>
#include <tern/mm.h>
#include <tern/process.h>
#include <tern/proc_fs.h>
#include <tern/slab.h>
#include <tern/string.h>
#include <tern/timer.h>
#include "internal.h"

#define USER_HZ		100		/* clock ticks in /proc, as Linux's */
#define NS_PER_TICK	(NSEC_PER_SEC / USER_HZ)

/* What procfs reads of a task under tasklist_lock. */
struct task_snapshot {
	char comm[TASK_NAME_LEN];
	char state;
	int ppid, pgrp, session, exit_status;
	bool zombie;
};

static char task_state_char(const struct task *t)
{
	if (t->exit_state == EXIT_ZOMBIE)
		return 'Z';
	if (t->exit_state == EXIT_DEAD || t->state == TASK_DEAD)
		return 'X';
	return t->state == TASK_RUNNING ? 'R' : 'S';
}

static void snapshot(struct task *t, struct task_snapshot *s)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);

	memcpy(s->comm, t->name, sizeof(s->comm));
	s->comm[sizeof(s->comm) - 1] = '\0';
	s->state = task_state_char(t);
	s->ppid = t->parent ? (int)task_tgid(t->parent) : 0;
	s->pgrp = (int)t->pgid;
	s->session = (int)t->sid;
	s->zombie = t->exit_state == EXIT_ZOMBIE;
	s->exit_status = t->exit_status;
	spin_unlock_irqrestore(&tasklist_lock, flags);
}

static int show_stat(struct proc_buf *b, struct task *t)
{
	struct proc_stat_fields f = { 0 };
	struct task_snapshot s;
	struct mm_sizes z;
	char line[512];
	int n;

	snapshot(t, &s);
	proc_mm_sizes(t, &z);
	f.pid = (int)task_tgid(t);
	f.comm = s.comm;
	f.state = s.state;
	f.ppid = s.ppid;
	f.pgrp = s.pgrp;
	f.session = s.session;
	f.utime = (unsigned long)(task_runtime_ns(t) / NS_PER_TICK);
	f.nice = t->se.nice;
	f.priority = 20 + f.nice;
	f.num_threads = 1;
	f.starttime = t->start_time / NS_PER_TICK;
	f.vsize = z.vsize;
	f.rss = (long)z.rss;
	f.rsslim = ~0UL;
	f.startcode = z.start_code;
	f.endcode = z.end_code;
	f.startstack = z.start_stack;
	f.exit_signal = t->exit_signal;
	f.processor = (int)t->cpu;
	f.start_brk = z.start_brk;
	f.arg_start = z.arg_start;
	f.arg_end = z.arg_end;
	f.env_start = z.env_start;
	f.env_end = z.env_end;
	f.exit_code = s.zombie ? s.exit_status : 0;
	n = proc_format_stat(line, sizeof(line), &f);
	pb_write(b, line, (size_t)MIN(n, (int)sizeof(line) - 1));
	return 0;
}

static const char *state_name(char c)
{
	switch (c) {
	case 'R':
		return "R (running)";
	case 'S':
		return "S (sleeping)";
	case 'Z':
		return "Z (zombie)";
	default:
		return "X (dead)";
	}
}

static int show_status(struct proc_buf *b, struct task *t)
{
	struct task_snapshot s;
	struct mm_sizes z;

	snapshot(t, &s);
	proc_mm_sizes(t, &z);
	pb_printf(b, "Name:\t%s\nUmask:\t%04o\nState:\t%s\n", s.comm, 022, state_name(s.state));
	pb_printf(b, "Tgid:\t%u\nNgid:\t0\nPid:\t%u\nPPid:\t%d\nTracerPid:\t0\n",
		  task_tgid(t), task_tgid(t), s.ppid);
	pb_printf(b, "Uid:\t%u\t%u\t%u\t%u\nGid:\t%u\t%u\t%u\t%u\n",
		  t->uid, t->uid, t->uid, t->uid, t->gid, t->gid, t->gid, t->gid);
	if (t->mm || z.vsize) {
		pb_printf(b, "VmSize:\t%8lu kB\n", z.vsize / 1024);
		pb_printf(b, "VmRSS:\t%8lu kB\n", z.rss * (PAGE_SIZE / 1024));
	}
	pb_printf(b, "Threads:\t1\n");
	pb_printf(b, "Cpus_allowed:\t%lx\n", t->cpus_allowed);
	return 0;
}

static int show_comm(struct proc_buf *b, struct task *t)
{
	struct task_snapshot s;

	snapshot(t, &s);
	pb_printf(b, "%s\n", s.comm);
	return 0;
}

static int mount_line(struct vfsmount *mnt, void *arg)
{
	struct proc_buf *b = arg;
	size_t size = PATH_MAX + 128;
	char *line = kmalloc(size, GFP_KERNEL);
	int n = line ? mount_show(mnt, line, size) : -ENOMEM;

	if (n >= 0)
		pb_write(b, line, (size_t)n);
	kfree(line);
	return n < 0 ? n : 0;
}

int proc_show_mounts(struct proc_buf *b, struct task *t)
{
	return mounts_for_each(mount_line, b);
}

const struct proc_entry proc_pid_entries[] = {
	PROC_FILE("cmdline", proc_show_cmdline),
	PROC_FILE("comm", show_comm),
	PROC_FILE("maps", proc_show_maps),
	PROC_FILE("mounts", proc_show_mounts),
	PROC_FILE("stat", show_stat),
	PROC_FILE("status", show_status),
	PROC_END
};
