// SPDX-License-Identifier: MIT
/* ps: every process from /proc/<pid>/stat and cmdline. */
#include "box.h"
#include "proc.h"
#include <ctype.h>
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

bool parse_proc_stat(const char *text, struct proc_info *p)
{
	const char *open = strchr(text, '('), *close = strrchr(text, ')');
	unsigned long long field[24] = { 0 };
	const char *s;
	char *end;
	int i;

	if (!open || !close || close < open || close[1] != ' ' || !close[2])
		return false;
	p->pid = atoi(text);
	snprintf(p->cmd, sizeof(p->cmd), "[%.*s]", (int)(close - open - 1), open + 1);
	p->state = close[2];
	/* field[k] is stat's field k + 4 (1-based): ppid is field[0]. */
	s = close + 3;
	for (i = 0; i < 24 && *s; i++) {
		field[i] = (unsigned long long)strtoll(s, &end, 10);
		if (end == s)
			return false;
		s = end + strspn(end, " \n");
	}
	if (i < 21)
		return false;
	p->ppid = (int)field[0];
	p->ticks = field[10] + field[11];	/* utime (14), stime (15) */
	p->vsz_kib = field[19] / 1024;		/* vsize (23), bytes */
	p->rss_kib = field[20] * 4;		/* rss (24), 4 KiB pages */
	p->pct10 = 0;
	return true;
}

static void read_cmdline(struct proc_info *p)
{
	char path[48], buf[sizeof(p->cmd)];
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/cmdline", p->pid);
	n = read_small_file(path, buf, sizeof(buf));
	if (n <= 0)
		return;
	for (ssize_t i = 0; i < n; i++)
		if (buf[i] == '\0')
			buf[i] = ' ';
	while (n > 0 && buf[n - 1] == ' ')
		buf[--n] = '\0';
	memcpy(p->cmd, buf, (size_t)n + 1);
}

static int by_pid(const void *a, const void *b)
{
	return ((const struct proc_info *)a)->pid - ((const struct proc_info *)b)->pid;
}

int read_procs(struct proc_info **out)
{
	struct proc_info *list = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	static char path[300], text[1024];
	DIR *d = opendir("/proc");

	if (!d)
		return -1;
	while ((e = readdir(d))) {
		if (!isdigit((unsigned char)e->d_name[0]))
			continue;
		snprintf(path, sizeof(path), "/proc/%s/stat", e->d_name);
		if (read_small_file(path, text, sizeof(text)) <= 0)
			continue;	/* it exited meanwhile */
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			list = xrealloc(list, cap * sizeof(*list));
		}
		if (!parse_proc_stat(text, &list[n]))
			continue;
		read_cmdline(&list[n]);
		n++;
	}
	closedir(d);
	if (n)
		qsort(list, n, sizeof(*list), by_pid);
	*out = list;
	return (int)n;
}

static void format_time(unsigned long long ticks, char out[24])
{
	unsigned long long s = ticks / PROC_TICKS_PER_SEC;

	snprintf(out, 24, "%llu:%02llu", s / 60, s % 60);
}

APPLET(ps)
{
	struct proc_info *list;
	char t[24];
	int n;

	(void)argc;	/* ps always lists every process ("ps", "ps aux", "ps -ef" alike) */
	(void)argv;
	n = read_procs(&list);
	if (n < 0) {
		warn_errno("/proc");
		return 1;
	}
	printf("  PID  PPID S     TIME CMD\n");
	for (int i = 0; i < n; i++) {
		format_time(list[i].ticks, t);
		printf("%5d %5d %c %8s %s\n", list[i].pid, list[i].ppid, list[i].state, t,
		       list[i].cmd);
	}
	free(list);
	return 0;
}
