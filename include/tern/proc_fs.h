/* SPDX-License-Identifier: MIT */
/*
 * procfs (fs/proc/, Documentation/filesystems/proc.md): what the rest of
 * the kernel tells it, and the text formats it shares with the host tests.
 */
#ifndef TERN_PROC_FS_H
#define TERN_PROC_FS_H

#include <tern/types.h>

#ifdef CONFIG_PROC_FS
/*
 * The process with this pid was reaped: its /proc/<pid> dentries leave
 * the cache, so a later lookup says -ENOENT even while someone still
 * holds one (an open file there then reads -ESRCH).  Takes vfs_lock;
 * no other lock held.
 */
void proc_flush_pid(unsigned int pid);
#else
static inline void proc_flush_pid(unsigned int pid)
{
	(void)pid;
}
#endif

/* ---- fs/proc/format.c: pure formatting (tests/test_proc_format.c) ---- */

/* The fields of /proc/<pid>/stat that Tern knows; the others print as 0. */
struct proc_stat_fields {
	int pid;
	const char *comm;		/* printed inside (), as is */
	char state;			/* R S D Z T X */
	int ppid, pgrp, session;
	unsigned long utime, stime;	/* clock ticks (USER_HZ) */
	long priority, nice;
	long num_threads;
	unsigned long long starttime;	/* clock ticks since boot */
	unsigned long vsize;		/* bytes */
	long rss;			/* pages */
	unsigned long rsslim;
	unsigned long startcode, endcode, startstack;
	int exit_signal;
	int processor;
	unsigned long start_data, end_data, start_brk;
	unsigned long arg_start, arg_end, env_start, env_end;
	int exit_code;
};

/*
 * Linux's 52-field /proc/<pid>/stat line, ending in '\n', into buf (like
 * snprintf: the length it needed, buf always terminated when len > 0).
 */
int proc_format_stat(char *buf, size_t len, const struct proc_stat_fields *f);

/* One hart's paragraph of /proc/cpuinfo, as RISC-V Linux prints it. */
struct cpuinfo_hart {
	unsigned int processor;
	unsigned long hartid;
	const char *isa;		/* "rv64imafdc_zicsr..." */
	const char *mmu;		/* "sv39", or NULL: no line */
	const char *uarch;		/* "sifive,u54", or NULL: no line */
};
int proc_format_cpuinfo(char *buf, size_t len, const struct cpuinfo_hart *h);

/* "1234 kB"-style meminfo line: "Name:    N kB\n" with Linux's widths. */
int proc_format_meminfo_line(char *buf, size_t len, const char *name, unsigned long kb);

/*
 * What the architecture knows of CPU cpu (arch/riscv/kernel/cpuinfo.c),
 * strings valid while the kernel runs: false if cpu is not online.
 */
bool arch_cpuinfo_hart(unsigned int cpu, struct cpuinfo_hart *h);

#endif
