/* SPDX-License-Identifier: MIT */
/* The process list as ps and top read it from /proc. */
#ifndef BOX_PROC_H
#define BOX_PROC_H

#include <stdbool.h>
#include <stddef.h>

/* Linux's USER_HZ: the unit of utime and stime in /proc/<pid>/stat. */
#define PROC_TICKS_PER_SEC 100

struct proc_info {
	int pid, ppid;
	char state;
	unsigned long long ticks;	/* utime + stime */
	unsigned long long vsz_kib, rss_kib;
	unsigned pct10;			/* top: tenths of a percent of one hart */
	char cmd[80];			/* the command line, or [comm] */
};

/* Reads every /proc/<pid>; returns how many (*out malloc'd), -1 on error. */
int read_procs(struct proc_info **out);
/* Parses the text of /proc/<pid>/stat into p (not cmd); false if malformed. */
bool parse_proc_stat(const char *text, struct proc_info *p);

#endif
