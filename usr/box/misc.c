// SPDX-License-Identifier: MIT
/* true, false, sleep, seq, env, clear. */
#include "box.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

APPLET(true)
{
	(void)argc;
	(void)argv;
	return 0;
}

APPLET(false)
{
	(void)argc;
	(void)argv;
	return 1;
}

/* "1.5" as seconds and nanoseconds, without floating point. */
static bool parse_seconds(const char *s, struct timespec *ts)
{
	long long sec = 0, nsec = 0, scale = 100000000;
	const char *p = s;

	for (; *p >= '0' && *p <= '9'; p++)
		sec = sec * 10 + (*p - '0');
	if (*p == '.')
		for (p++; *p >= '0' && *p <= '9'; p++, scale /= 10)
			nsec += (*p - '0') * scale;
	if (*p == 's')
		p++;
	ts->tv_sec = (time_t)sec;
	ts->tv_nsec = (long)nsec;
	return p != s && !*p;
}

APPLET(sleep)
{
	struct timespec ts;

	if (argc != 2)
		usage("SECONDS");
	if (!parse_seconds(argv[1], &ts))
		die(1, "invalid time interval '%s'", argv[1]);
	while (nanosleep(&ts, &ts) < 0) {
		if (errno != EINTR) {
			warn_errno("nanosleep");
			return 1;
		}
	}
	return 0;
}

APPLET(seq)
{
	long long first = 1, step = 1, last;
	const char *sep = "\n";
	int opt;

	while ((opt = opt_next(argc, argv, "s:")) != -1) {
		if (opt != 's')
			usage("[-s SEP] [FIRST [STEP]] LAST");
		sep = opt_arg;
	}
	int n = argc - opt_ind;
	char **a = argv + opt_ind;

	if (n < 1 || n > 3 || !parse_ll(a[n - 1], &last) ||
	    (n > 1 && !parse_ll(a[0], &first)) || (n == 3 && !parse_ll(a[1], &step)))
		usage("[-s SEP] [FIRST [STEP]] LAST (integers)");
	if (step == 0)
		die(1, "the increment must not be 0");
	bool any = false;

	for (long long v = first; step > 0 ? v <= last : v >= last; v += step) {
		printf("%s%lld", any ? sep : "", v);
		any = true;
	}
	if (any)
		putchar('\n');
	return 0;
}

extern char **environ;

APPLET(env)
{
	int i = 1;

	if (i < argc && (!strcmp(argv[i], "-i") || !strcmp(argv[i], "-"))) {
		static char *empty[] = { NULL };

		environ = empty;
		i++;
	}
	for (; i < argc && strchr(argv[i], '='); i++) {
		char *eq = strchr(argv[i], '=');

		*eq = '\0';
		if (setenv(argv[i], eq + 1, 1) < 0)
			die(125, "%s: %s", argv[i], strerror(errno));
	}
	if (i == argc) {
		for (char **e = environ; *e; e++)
			puts(*e);
		return 0;
	}
	fflush(stdout);
	execvp(argv[i], argv + i);
	warn_errno(argv[i]);
	return errno == ENOENT ? 127 : 126;
}

APPLET(clear)
{
	(void)argc;
	(void)argv;
	fputs("\033[H\033[2J\033[3J", stdout);
	return 0;
}
