// SPDX-License-Identifier: MIT
/* cut: fields (-f, -d, -s) or characters (-c) by a list like "1,3-5,7-". */
#include "box.h"
#include <stdlib.h>
#include <string.h>

struct range {
	long lo, hi;		/* 1-based, inclusive; hi LONG_MAX for "N-" */
};

static size_t parse_list(const char *s, struct range *r, size_t max)
{
	size_t n = 0;
	char *end;

	while (*s && n < max) {
		r[n].lo = 1;
		r[n].hi = 0x7fffffffL;
		if (*s != '-') {
			r[n].lo = strtol(s, &end, 10);
			if (end == s || r[n].lo < 1)
				die(1, "invalid list: '%s'", s);
			s = end;
			if (*s != '-')
				r[n].hi = r[n].lo;
		}
		if (*s == '-' && s[1] >= '0' && s[1] <= '9') {
			r[n].hi = strtol(s + 1, &end, 10);
			s = end;
		} else if (*s == '-') {
			s++;
		}
		if (r[n].hi < r[n].lo || (*s && *s != ','))
			die(1, "invalid list");
		n++;
		if (*s == ',')
			s++;
	}
	if (!n)
		die(1, "invalid list");
	return n;
}

static bool selected(const struct range *r, size_t n, long i)
{
	for (size_t k = 0; k < n; k++)
		if (i >= r[k].lo && i <= r[k].hi)
			return true;
	return false;
}

static void cut_fields(const char *line, char delim, const struct range *r, size_t n,
		       bool only_delimited)
{
	const char *p = line, *end;
	bool first = true;

	if (!strchr(line, delim)) {
		if (!only_delimited)
			puts(line);
		return;
	}
	for (long i = 1;; i++) {
		end = strchr(p, delim);
		if (!end)
			end = p + strlen(p);
		if (selected(r, n, i)) {
			printf("%s%.*s", first ? "" : (char[]){ delim, 0 }, (int)(end - p), p);
			first = false;
		}
		if (!*end)
			break;
		p = end + 1;
	}
	putchar('\n');
}

APPLET(cut)
{
	struct range r[64];
	size_t n = 0;
	char delim = '\t', *buf = NULL;
	size_t cap = 0;
	bool fields = false, only_delimited = false, nl;
	int opt, status = 0;

	while ((opt = opt_next(argc, argv, "d:f:c:b:s")) != -1) {
		switch (opt) {
		case 'd':
			if (strlen(opt_arg) != 1)
				die(1, "the delimiter must be a single character");
			delim = opt_arg[0];
			break;
		case 'f': fields = true; n = parse_list(opt_arg, r, 64); break;
		case 'b':
		case 'c': fields = false; n = parse_list(opt_arg, r, 64); break;
		case 's': only_delimited = true; break;
		default: usage("-f LIST [-d DELIM] [-s] | -c LIST [FILE...]");
		}
	}
	if (!n)
		usage("-f LIST [-d DELIM] [-s] | -c LIST [FILE...]");
	for (int i = opt_ind; i < argc || (i == opt_ind && opt_ind == argc); i++) {
		FILE *f = open_input(i < argc ? argv[i] : "-");

		if (!f) {
			status = 1;
			continue;
		}
		while (read_line(f, &buf, &cap, &nl) >= 0) {
			if (fields) {
				cut_fields(buf, delim, r, n, only_delimited);
				continue;
			}
			for (long k = 0; buf[k]; k++)
				if (selected(r, n, k + 1))
					putchar(buf[k]);
			putchar('\n');
		}
		close_input(f);
	}
	free(buf);
	return status;
}
