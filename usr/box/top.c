// SPDX-License-Identifier: MIT
/*
 * top: the system summary and the process table.  On a terminal it
 * redraws every second (ANSI clear) until 'q' or ^C; -b (batch) or
 * -n COUNT print COUNT screens (one by default with -b) without
 * touching the terminal.  %CPU is the share of one hart since the
 * previous screen (0 on the first).
 */
#include "box.h"
#include "proc.h"
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t interrupted;

static void on_signal(int sig)
{
	(void)sig;
	interrupted = 1;
}

struct sample {
	struct proc_info *list;
	int n;
	long long when_cs;	/* monotonic time, centiseconds */
};

static long long now_cs(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 100 + ts.tv_nsec / 10000000;
}

static void cpu_shares(struct sample *cur, const struct sample *prev)
{
	long long elapsed = cur->when_cs - prev->when_cs;

	for (int i = 0, j = 0; i < cur->n && prev->list && elapsed > 0; i++) {
		while (j < prev->n && prev->list[j].pid < cur->list[i].pid)
			j++;
		if (j < prev->n && prev->list[j].pid == cur->list[i].pid &&
		    cur->list[i].ticks >= prev->list[j].ticks)
			cur->list[i].pct10 = (unsigned)((cur->list[i].ticks - prev->list[j].ticks) *
						       1000 * 100 / PROC_TICKS_PER_SEC / elapsed);
	}
}

static void print_summary(const struct sample *s)
{
	static char buf[1024];
	long long up = 0;
	unsigned long long total = 0, avail = 0;
	int running = 0;

	if (read_small_file("/proc/uptime", buf, sizeof(buf)) > 0)
		up = atoll(buf);
	printf("top - up %lld:%02lld:%02lld", up / 3600, up / 60 % 60, up % 60);
	if (read_small_file("/proc/loadavg", buf, sizeof(buf)) > 0) {
		buf[strcspn(buf, " ")] = '\0';
		printf(",  load average: %s", buf);
	}
	for (int i = 0; i < s->n; i++)
		running += s->list[i].state == 'R';
	printf("\nTasks: %d total, %d running, %d sleeping\n", s->n, running, s->n - running);
	if (read_small_file("/proc/meminfo", buf, sizeof(buf)) > 0) {
		char *t = strstr(buf, "MemTotal:"), *a = strstr(buf, "MemAvailable:");

		if (!a)
			a = strstr(buf, "MemFree:");
		total = t ? strtoull(t + strcspn(t, "0123456789"), NULL, 10) : 0;
		avail = a ? strtoull(a + strcspn(a, "0123456789"), NULL, 10) : 0;
	}
	printf("KiB Mem: %llu total, %llu used, %llu available\n\n", total, total - avail, avail);
}

static int by_cpu(const void *a, const void *b)
{
	const struct proc_info *x = a, *y = b;

	if (x->pct10 != y->pct10)
		return x->pct10 > y->pct10 ? -1 : 1;
	return x->pid - y->pid;
}

static void print_screen(struct sample *s, int rows)
{
	qsort(s->list, (size_t)s->n, sizeof(*s->list), by_cpu);
	print_summary(s);
	printf("  PID  PPID S  %%CPU   VSZ   RSS     TIME CMD\n");
	for (int i = 0; i < s->n && (rows <= 0 || i < rows - 6); i++) {
		const struct proc_info *p = &s->list[i];
		unsigned long long sec = p->ticks / PROC_TICKS_PER_SEC;

		printf("%5d %5d %c %3u.%u %5llu %5llu %5llu:%02llu %.40s\n", p->pid, p->ppid,
		       p->state, p->pct10 / 10, p->pct10 % 10, p->vsz_kib, p->rss_kib, sec / 60,
		       sec % 60, p->cmd);
	}
	fflush(stdout);
}

static int by_pid(const void *a, const void *b)
{
	return ((const struct proc_info *)a)->pid - ((const struct proc_info *)b)->pid;
}

/* Waits up to a second for a key; true when it was 'q' (or ^C). */
static bool wait_for_quit(bool tty)
{
	struct pollfd pfd = { .fd = 0, .events = POLLIN };
	char c;

	if (!tty) {
		sleep(1);
		return interrupted;
	}
	if (poll(&pfd, 1, 1000) > 0 && read(0, &c, 1) == 1)
		return c == 'q' || c == 'Q' || c == 3;
	return interrupted;
}

APPLET(top)
{
	struct sample prev = { 0 }, cur;
	struct termios saved, raw;
	long long count = -1;
	bool batch = false, tty;
	int opt;

	while ((opt = opt_next(argc, argv, "bn:")) != -1) {
		if (opt == 'b')
			batch = true;
		else if (opt != 'n' || !parse_ll(opt_arg, &count) || count < 1)
			usage("[-b] [-n COUNT]");
	}
	if (batch && count < 0)
		count = 1;
	tty = !batch && isatty(0) && isatty(1) && tcgetattr(0, &saved) == 0;
	if (tty) {
		raw = saved;
		raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
		raw.c_cc[VMIN] = 1;
		raw.c_cc[VTIME] = 0;
		tcsetattr(0, TCSANOW, &raw);
	}
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	for (long long i = 0; count < 0 || i < count; i++) {
		cur.n = read_procs(&cur.list);
		cur.when_cs = now_cs();
		if (cur.n < 0) {
			warn_errno("/proc");
			break;
		}
		cpu_shares(&cur, &prev);
		if (tty)
			fputs("\033[H\033[J", stdout);
		print_screen(&cur, tty ? 24 : 0);
		qsort(cur.list, (size_t)cur.n, sizeof(*cur.list), by_pid);
		free(prev.list);
		prev = cur;
		if ((count < 0 || i + 1 < count) && wait_for_quit(tty))
			break;
		if (!tty && count > 1)
			putchar('\n');
	}
	free(prev.list);
	if (tty)
		tcsetattr(0, TCSANOW, &saved);
	return 0;
}
