// SPDX-License-Identifier: MIT
/*
 * The text formats of procfs that user space parses field by field
 * (procps, busybox), kept free of kernel state so the host tests can
 * check them (tests/test_proc_format.c).
 */
#include <tern/printf.h>
#include <tern/proc_fs.h>
#include <tern/string.h>

/*
 * Linux's order (fs/proc/array.c, proc(5)): pid (comm) state ppid pgrp
 * session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime
 * cutime cstime priority nice num_threads itrealvalue starttime vsize
 * rss rsslim startcode endcode startstack kstkesp kstkeip signal blocked
 * sigignore sigcatch wchan nswap cnswap exit_signal processor
 * rt_priority policy delayacct_blkio_ticks guest_time cguest_time
 * start_data end_data start_brk arg_start arg_end env_start env_end
 * exit_code.  No controlling tty: tty_nr 0, tpgid -1.
 */
int proc_format_stat(char *buf, size_t len, const struct proc_stat_fields *f)
{
	return snprintf(buf, len,
			"%d (%s) %c %d %d %d %d %d %u %lu %lu %lu %lu %lu %lu %ld %ld %ld %ld "
			"%ld %ld %llu %lu %ld %lu %lu %lu %lu %lu %lu %lu %lu %lu %lu %lu %lu "
			"%lu %d %d %u %u %llu %lu %ld %lu %lu %lu %lu %lu %lu %lu %d\n",
			f->pid, f->comm, f->state, f->ppid, f->pgrp, f->session, 0, -1, 0u,
			0UL, 0UL, 0UL, 0UL, f->utime, f->stime, 0L, 0L, f->priority, f->nice,
			f->num_threads, 0L, f->starttime, f->vsize, f->rss, f->rsslim,
			f->startcode, f->endcode, f->startstack, 0UL, 0UL, 0UL, 0UL, 0UL, 0UL,
			0UL, 0UL, 0UL, f->exit_signal, f->processor, 0u, 0u, 0ULL, 0UL, 0L,
			f->start_data, f->end_data, f->start_brk, f->arg_start, f->arg_end,
			f->env_start, f->env_end, f->exit_code);
}

int proc_format_cpuinfo(char *buf, size_t len, const struct cpuinfo_hart *h)
{
	int n = snprintf(buf, len, "processor\t: %u\nhart\t\t: %lu\nisa\t\t: %s\n",
			 h->processor, h->hartid, h->isa);

	if (h->mmu)
		n += snprintf(buf + MIN((size_t)n, len), len - MIN((size_t)n, len),
			      "mmu\t\t: %s\n", h->mmu);
	if (h->uarch)
		n += snprintf(buf + MIN((size_t)n, len), len - MIN((size_t)n, len),
			      "uarch\t\t: %s\n", h->uarch);
	n += snprintf(buf + MIN((size_t)n, len), len - MIN((size_t)n, len), "\n");
	return n;
}

/* Linux's show_val_kb: "Name:" padded to 16 columns, the value in 8, " kB". */
int proc_format_meminfo_line(char *buf, size_t len, const char *name, unsigned long kb)
{
	int pad = 15 - (int)strlen(name);

	return snprintf(buf, len, "%s:%*s%8lu kB\n", name, pad > 0 ? pad : 0, "", kb);
}
