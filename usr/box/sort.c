// SPDX-License-Identifier: MIT
/* sort (-r -n -u -f) and uniq (-c -d -u). */
#include "box.h"
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/*
 * The leading number of s as sort -n reads it: blanks, an optional
 * '-', digits, an optional '.' and digits.  Compared digit string by
 * digit string, so any length works and no floating point is needed.
 */
struct num {
	bool neg;
	const char *int_part, *frac;
	size_t int_len, frac_len;
};

static void parse_num(const char *s, struct num *n)
{
	while (*s == ' ' || *s == '\t')
		s++;
	n->neg = *s == '-';
	if (n->neg)
		s++;
	while (*s == '0')
		s++;
	n->int_part = s;
	while (isdigit((unsigned char)*s))
		s++;
	n->int_len = (size_t)(s - n->int_part);
	n->frac = s;
	n->frac_len = 0;
	if (*s == '.') {
		n->frac = ++s;
		while (isdigit((unsigned char)*s))
			s++;
		n->frac_len = (size_t)(s - n->frac);
	}
	while (n->frac_len && n->frac[n->frac_len - 1] == '0')
		n->frac_len--;
	if (!n->int_len && !n->frac_len)
		n->neg = false;		/* -0 is 0 */
}

static int compare_magnitude(const struct num *a, const struct num *b)
{
	int c;

	if (a->int_len != b->int_len)
		return a->int_len < b->int_len ? -1 : 1;
	c = memcmp(a->int_part, b->int_part, a->int_len);
	if (c)
		return c;
	for (size_t i = 0; i < a->frac_len || i < b->frac_len; i++) {
		char da = i < a->frac_len ? a->frac[i] : '0';
		char db = i < b->frac_len ? b->frac[i] : '0';

		if (da != db)
			return da < db ? -1 : 1;
	}
	return 0;
}

static int compare_numbers(const char *sa, const char *sb)
{
	struct num a, b;
	int c;

	parse_num(sa, &a);
	parse_num(sb, &b);
	if (a.neg != b.neg)
		return a.neg ? -1 : 1;
	c = compare_magnitude(&a, &b);
	return a.neg ? -c : c;
}

/* Equal keys fall back to the bytes, as GNU sort's last resort. */
int sort_compare(const char *a, const char *b, int flags)
{
	int c = 0;

	if (flags & SORT_NUMERIC)
		c = compare_numbers(a, b);
	else if (flags & SORT_FOLD)
		c = strcasecmp(a, b);
	if (c == 0)
		c = strcmp(a, b);
	c = c < 0 ? -1 : c > 0;
	return flags & SORT_REVERSE ? -c : c;
}

/* The key part only: what -u calls equal. */
static int sort_key_compare(const char *a, const char *b, int flags)
{
	if (flags & SORT_NUMERIC)
		return compare_numbers(a, b);
	if (flags & SORT_FOLD)
		return strcasecmp(a, b);
	return strcmp(a, b);
}

static int sort_flags;

static int qsort_cmp(const void *a, const void *b)
{
	return sort_compare(*(char *const *)a, *(char *const *)b, sort_flags);
}

APPLET(sort)
{
	char **lines = NULL, *buf = NULL;
	size_t n = 0, cap = 0, bufcap = 0;
	bool unique = false, nl;
	int opt, status = 0;

	while ((opt = opt_next(argc, argv, "rnuf")) != -1) {
		switch (opt) {
		case 'r': sort_flags |= SORT_REVERSE; break;
		case 'n': sort_flags |= SORT_NUMERIC; break;
		case 'f': sort_flags |= SORT_FOLD; break;
		case 'u': unique = true; break;
		default: usage("[-rnuf] [FILE...]");
		}
	}
	for (int i = opt_ind; i < argc || (i == opt_ind && opt_ind == argc); i++) {
		FILE *f = open_input(i < argc ? argv[i] : "-");

		if (!f) {
			status = 2;
			continue;
		}
		while (read_line(f, &buf, &bufcap, &nl) >= 0) {
			if (n == cap) {
				cap = cap ? cap * 2 : 64;
				lines = xrealloc(lines, cap * sizeof(*lines));
			}
			lines[n++] = xstrdup(buf);
		}
		close_input(f);
	}
	if (n)
		qsort(lines, n, sizeof(*lines), qsort_cmp);
	for (size_t i = 0; i < n; i++) {
		if (!unique || i == 0 || sort_key_compare(lines[i - 1], lines[i], sort_flags))
			puts(lines[i]);
	}
	for (size_t i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
	free(buf);
	return status;
}

APPLET(uniq)
{
	char *prev = NULL, *buf = NULL;
	size_t cap = 0;
	long long count = 0;
	bool counts = false, only_dup = false, only_single = false, nl;
	int opt;

	while ((opt = opt_next(argc, argv, "cdu")) != -1) {
		switch (opt) {
		case 'c': counts = true; break;
		case 'd': only_dup = true; break;
		case 'u': only_single = true; break;
		default: usage("[-cdu] [INPUT]");
		}
	}
	FILE *f = open_input(opt_ind < argc ? argv[opt_ind] : "-");

	if (!f)
		return 1;
	for (bool more = true; more;) {
		more = read_line(f, &buf, &cap, &nl) >= 0;
		if (more && prev && !strcmp(prev, buf)) {
			count++;
			continue;
		}
		if (prev && !(only_dup && count == 1) && !(only_single && count > 1)) {
			if (counts)
				printf("%7lld ", count);
			puts(prev);
		}
		free(prev);
		prev = more ? xstrdup(buf) : NULL;
		count = 1;
	}
	free(buf);
	close_input(f);
	return 0;
}
