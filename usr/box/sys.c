// SPDX-License-Identifier: MIT
/* free, uptime, uname, dmesg, date: what the kernel says about itself. */
#include "box.h"
#include <stdlib.h>
#include <string.h>
#include <sys/klog.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

/* A "Name:   N kB" line of /proc/meminfo, or -1 when it is missing. */
static long long meminfo_kib(const char *text, const char *name)
{
	size_t n = strlen(name);

	for (const char *p = text; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (!strncmp(p, name, n) && p[n] == ':')
			return strtoll(p + n + 1, NULL, 10);
	return -1;
}

APPLET(free)
{
	static char text[4096];
	long long total, freek, avail, buffers, cached, shared;
	struct sysinfo si;

	(void)argc;
	(void)argv;
	if (read_small_file("/proc/meminfo", text, sizeof(text)) > 0 &&
	    (total = meminfo_kib(text, "MemTotal")) >= 0) {
		freek = meminfo_kib(text, "MemFree");
		avail = meminfo_kib(text, "MemAvailable");
		buffers = meminfo_kib(text, "Buffers");
		cached = meminfo_kib(text, "Cached");
		shared = meminfo_kib(text, "Shmem");
	} else if (sysinfo(&si) == 0) {
		total = (long long)si.totalram * si.mem_unit / 1024;
		freek = (long long)si.freeram * si.mem_unit / 1024;
		buffers = (long long)si.bufferram * si.mem_unit / 1024;
		shared = (long long)si.sharedram * si.mem_unit / 1024;
		avail = cached = -1;
	} else {
		warn_errno("/proc/meminfo");
		return 1;
	}
	long long cache = (buffers > 0 ? buffers : 0) + (cached > 0 ? cached : 0);

	if (avail < 0)
		avail = freek + cache;
	printf("%15s %11s %11s %11s %11s %11s\n", "total", "used", "free", "shared",
	       "buff/cache", "available");
	printf("Mem:  %11lld %11lld %11lld %11lld %11lld %11lld\n", total,
	       total - freek - cache, freek, shared > 0 ? shared : 0, cache, avail);
	return 0;
}

APPLET(uptime)
{
	char buf[128], load[96] = "";
	time_t now = time(NULL);
	struct tm *tm = gmtime(&now);
	long long up;

	(void)argc;
	(void)argv;
	if (read_small_file("/proc/uptime", buf, sizeof(buf)) <= 0) {
		warn_errno("/proc/uptime");
		return 1;
	}
	up = atoll(buf);
	if (read_small_file("/proc/loadavg", buf, sizeof(buf)) > 0) {
		char a[16], b[16], c[16];

		if (sscanf(buf, "%15s %15s %15s", a, b, c) == 3)
			snprintf(load, sizeof(load), ",  load average: %s, %s, %s", a, b, c);
	}
	printf(" %02d:%02d:%02d up ", tm ? tm->tm_hour : 0, tm ? tm->tm_min : 0,
	       tm ? tm->tm_sec : 0);
	if (up >= 86400)
		printf("%lld day%s, ", up / 86400, up >= 2 * 86400 ? "s" : "");
	if (up % 86400 >= 3600)
		printf("%2lld:%02lld", up % 86400 / 3600, up % 3600 / 60);
	else
		printf("%lld min", up % 3600 / 60);
	printf("%s\n", load);
	return 0;
}

APPLET(uname)
{
	struct utsname u;
	const char *fields[5];
	bool want[5] = { false };
	int opt, printed = 0;

	while ((opt = opt_next(argc, argv, "asnrvm")) != -1) {
		const char *at = strchr("snrvm", opt);

		if (opt == 'a')
			memset(want, true, sizeof(want));
		else if (at)
			want[at - "snrvm"] = true;
		else
			usage("[-asnrvm]");
	}
	if (uname(&u) < 0) {
		warn_errno("uname");
		return 1;
	}
	fields[0] = u.sysname;
	fields[1] = u.nodename;
	fields[2] = u.release;
	fields[3] = u.version;
	fields[4] = u.machine;
	if (!memchr(want, true, sizeof(want)))
		want[0] = true;
	for (int i = 0; i < 5; i++)
		if (want[i])
			printf("%s%s", printed++ ? " " : "", fields[i]);
	putchar('\n');
	return 0;
}

/* syslog(2)'s actions, as <sys/klog.h> leaves them unnamed. */
#define SYSLOG_ACTION_READ_ALL 3
#define SYSLOG_ACTION_READ_CLEAR 4
#define SYSLOG_ACTION_CLEAR 5
#define SYSLOG_ACTION_SIZE_BUFFER 10

/* Writes the log without the "<level>" syslog(2) puts before each line. */
static void print_log(const char *buf, int n, bool raw)
{
	for (int i = 0; i < n;) {
		int start = i;

		if (!raw && buf[i] == '<') {
			int k = i + 1;

			while (k < n && buf[k] >= '0' && buf[k] <= '9')
				k++;
			if (k < n && k > i + 1 && buf[k] == '>')
				start = k + 1;
		}
		while (i < n && buf[i] != '\n')
			i++;
		fwrite(buf + start, 1, (size_t)(i - start), stdout);
		putchar('\n');
		i++;
	}
}

APPLET(dmesg)
{
	bool clear = false, clear_only = false, raw = false;
	int opt, size, n;
	char *buf;

	while ((opt = opt_next(argc, argv, "cCr")) != -1) {
		if (opt == 'c')
			clear = true;
		else if (opt == 'C')
			clear_only = true;
		else if (opt == 'r')
			raw = true;
		else
			usage("[-c | -C] [-r]");
	}
	if (clear_only) {
		if (klogctl(SYSLOG_ACTION_CLEAR, NULL, 0) < 0) {
			warn_errno("klogctl");
			return 1;
		}
		return 0;
	}
	size = klogctl(SYSLOG_ACTION_SIZE_BUFFER, NULL, 0);
	if (size < 0) {
		warn_errno("klogctl");
		return 1;
	}
	buf = xmalloc((size_t)size + 1);
	n = klogctl(clear ? SYSLOG_ACTION_READ_CLEAR : SYSLOG_ACTION_READ_ALL, buf, size);
	if (n < 0) {
		warn_errno("klogctl");
		free(buf);
		return 1;
	}
	print_log(buf, n, raw);
	free(buf);
	return 0;
}

/* Tern keeps UTC: no time zone database, so "UTC" is printed for %Z. */
APPLET(date)
{
	const char *fmt = "%a %b %e %H:%M:%S UTC %Y";
	char out[256];
	long long when;
	time_t now;
	int opt;
	const char *at = NULL;

	while ((opt = opt_next(argc, argv, "ud:")) != -1) {
		if (opt == 'd')
			at = opt_arg;
		else if (opt != 'u')
			usage("[-u] [-d @SECONDS] [+FORMAT]");
	}
	if (opt_ind < argc && argv[opt_ind][0] == '+')
		fmt = argv[opt_ind++] + 1;
	if (opt_ind < argc)
		die(1, "setting the time is not supported");
	now = time(NULL);
	if (at) {
		if (at[0] != '@' || !parse_ll(at + 1, &when))
			die(1, "invalid date '%s' (only @SECONDS)", at);
		now = (time_t)when;
	}
	struct tm *tm = gmtime(&now);

	if (!tm)
		die(1, "time out of range");
	out[0] = '\0';
	if (!strftime(out, sizeof(out), fmt, tm) && *fmt)
		die(1, "format too long");
	puts(out);
	return 0;
}
