// SPDX-License-Identifier: MIT
/* echo and printf, and the backslash escapes they share. */
#include "box.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

static int octal_digits(const char *s, int max, int *value)
{
	int n = 0;

	*value = 0;
	while (n < max && s[n] >= '0' && s[n] <= '7')
		*value = *value * 8 + (s[n++] - '0');
	return n;
}

static int hex_value(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int parse_escape(const char *s, char *c, bool octal_zero)
{
	static const char from[] = "\\abefnrtv\"'", to[] = "\\\a\b\033\f\n\r\t\v\"'";
	const char *hit = *s ? strchr(from, *s) : NULL;
	int v, n;

	if (hit) {
		*c = to[hit - from];
		return 1;
	}
	if (octal_zero && *s == '0') {
		n = octal_digits(s + 1, 3, &v);
		*c = (char)v;
		return 1 + n;
	}
	if (!octal_zero && *s >= '0' && *s <= '7') {
		n = octal_digits(s, 3, &v);
		*c = (char)v;
		return n;
	}
	if (*s == 'x' && hex_value(s[1]) >= 0) {
		v = hex_value(s[1]);
		n = 2;
		if (hex_value(s[2]) >= 0)
			v = v * 16 + hex_value(s[n++]);
		*c = (char)v;
		return n;
	}
	*c = '\\';		/* not an escape: the backslash stands */
	return 0;
}

/* Writes s with escapes expanded; false when it met \c (stop output). */
static bool put_escaped(FILE *out, const char *s, bool octal_zero)
{
	char c;

	while (*s) {
		if (*s != '\\' || !s[1]) {
			putc(*s++, out);
			continue;
		}
		if (s[1] == 'c')
			return false;
		s += 1 + parse_escape(s + 1, &c, octal_zero);
		putc(c, out);
	}
	return true;
}

APPLET(echo)
{
	bool newline = true, escapes = false;
	int i = 1;

	for (; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
		if (strspn(argv[i] + 1, "neE") != strlen(argv[i] + 1))
			break;
		for (const char *p = argv[i] + 1; *p; p++) {
			if (*p == 'n')
				newline = false;
			else
				escapes = *p == 'e';
		}
	}
	for (; i < argc; i++) {
		if (escapes) {
			if (!put_escaped(stdout, argv[i], true))
				return 0;
		} else {
			fputs(argv[i], stdout);
		}
		if (i + 1 < argc)
			putchar(' ');
	}
	if (newline)
		putchar('\n');
	return 0;
}

struct pf_args {
	int argc, next;
	char **argv;
	int status;
};

static const char *next_arg(struct pf_args *a)
{
	return a->next < a->argc ? a->argv[a->next++] : NULL;
}

static long long num_arg(struct pf_args *a, bool is_signed)
{
	const char *s = next_arg(a);
	char *end;
	long long v;

	if (!s || !*s)
		return 0;
	if ((s[0] == '\'' || s[0] == '"') && s[1])
		return (unsigned char)s[1];
	errno = 0;
	if (is_signed || s[0] == '-')
		v = strtoll(s, &end, 0);
	else
		v = (long long)strtoull(s, &end, 0);
	if (errno || *end || end == s) {
		fflush(stdout);
		fprintf(stderr, "printf: '%s': %s\n", s, errno ? strerror(errno) :
			"expected a numeric value");
		a->status = 1;
	}
	return v;
}

/*
 * One conversion at *pp (just after '%'): copies flags, width and
 * precision (resolving '*') into spec, then prints.  Returns false
 * when output must stop (%b met \c, or a bad conversion).
 */
static bool convert(FILE *out, const char **pp, struct pf_args *a)
{
	char spec[64] = "%";
	size_t n = 1;
	const char *p = *pp;

	while (*p && strchr("-+ #0", *p) && n < 8)
		spec[n++] = *p++;
	for (int part = 0; part < 2; part++) {
		if (part == 1) {
			if (*p != '.')
				break;
			spec[n++] = *p++;
		}
		if (*p == '*') {
			n += (size_t)snprintf(spec + n, 24, "%d", (int)num_arg(a, true));
			p++;
		} else {
			while (*p >= '0' && *p <= '9' && n < 40)
				spec[n++] = *p++;
		}
	}
	*pp = p + (*p ? 1 : 0);
	switch (*p) {
	case 'd': case 'i':
		memcpy(spec + n, "lld", 4);
		fprintf(out, spec, num_arg(a, true));
		return true;
	case 'o': case 'u': case 'x': case 'X':
		spec[n++] = 'l';
		spec[n++] = 'l';
		spec[n++] = *p;
		spec[n] = '\0';
		fprintf(out, spec, (unsigned long long)num_arg(a, false));
		return true;
	case 'c': {
		const char *s = next_arg(a);

		if (s && *s) {
			memcpy(spec + n, "c", 2);
			fprintf(out, spec, s[0]);
		}
		return true;
	}
	case 's': {
		const char *s = next_arg(a);

		memcpy(spec + n, "s", 2);
		fprintf(out, spec, s ? s : "");
		return true;
	}
	case 'b': {
		const char *s = next_arg(a);

		return put_escaped(out, s ? s : "", true);
	}
	default:
		fflush(stdout);
		fprintf(stderr, "printf: %%%c: invalid conversion\n", *p ? *p : ' ');
		a->status = 1;
		return false;
	}
}

int printf_format(FILE *out, const char *fmt, int argc, char **argv)
{
	struct pf_args a = { .argc = argc, .argv = argv };
	char c;

	do {
		int before = a.next;

		for (const char *p = fmt; *p;) {
			if (*p == '\\' && p[1]) {
				if (p[1] == 'c')
					return a.status;
				p += 1 + parse_escape(p + 1, &c, false);
				putc(c, out);
			} else if (*p == '%' && p[1] == '%') {
				putc('%', out);
				p += 2;
			} else if (*p == '%') {
				p++;
				if (!convert(out, &p, &a))
					return a.status;
			} else {
				putc(*p++, out);
			}
		}
		if (a.next == before)
			break;		/* no conversion took an argument */
	} while (a.next < a.argc);
	return a.status;
}

APPLET(printf)
{
	if (argc > 1 && !strcmp(argv[1], "--")) {
		argc--;
		argv++;
	}
	if (argc < 2)
		usage("FORMAT [ARGUMENT...]");
	return printf_format(stdout, argv[1], argc - 2, argv + 2);
}
