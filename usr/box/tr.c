// SPDX-License-Identifier: MIT
/* tr: translate (-c complement), delete (-d) and squeeze (-s) bytes. */
#include "box.h"
#include <ctype.h>
#include <string.h>

static const struct {
	const char *name;
	int (*is)(int);
} classes[] = {
	{ "alnum", isalnum }, { "alpha", isalpha }, { "blank", isblank },
	{ "cntrl", iscntrl }, { "digit", isdigit }, { "graph", isgraph },
	{ "lower", islower }, { "print", isprint }, { "punct", ispunct },
	{ "space", isspace }, { "upper", isupper }, { "xdigit", isxdigit },
};

/* One byte of a set at *s (an escape or a plain character). */
static unsigned char set_char(const char **s)
{
	char c;

	if (**s == '\\' && (*s)[1]) {
		int used = parse_escape(*s + 1, &c, false);

		if (used == 0) {		/* "\x" for an unknown x is x */
			c = (*s)[1];
			used = 1;
		}
		*s += 1 + used;
		return (unsigned char)c;
	}
	return (unsigned char)*(*s)++;
}

static int add(unsigned char *out, size_t size, size_t *n, unsigned char c)
{
	if (*n >= size)
		return -1;
	out[(*n)++] = c;
	return 0;
}

/* "[:name:]" at s: appends the class, returns the characters used, 0 if none. */
static int expand_class(const char *s, unsigned char *out, size_t size, size_t *n,
			const char **err)
{
	const char *end;

	if (strncmp(s, "[:", 2) || !(end = strstr(s + 2, ":]")))
		return 0;
	for (size_t i = 0; i < sizeof(classes) / sizeof(classes[0]); i++) {
		if (strlen(classes[i].name) != (size_t)(end - s - 2) ||
		    strncmp(classes[i].name, s + 2, (size_t)(end - s - 2)))
			continue;
		for (int c = 0; c < 256; c++)
			if (classes[i].is(c) && add(out, size, n, (unsigned char)c))
				return *err = "set too long", -1;
		return (int)(end + 2 - s);
	}
	*err = "invalid character class";
	return -1;
}

/* "[c*n]" at s: appends n copies of c; returns the characters used, 0 if none. */
static int expand_repeat(const char *s, unsigned char *out, size_t size, size_t *n)
{
	const char *p = s + 1;
	unsigned char c;
	long count = 0;

	if (*s != '[' || !p[0])
		return 0;
	c = set_char(&p);
	if (*p++ != '*' || !isdigit((unsigned char)*p))
		return 0;
	while (isdigit((unsigned char)*p))
		count = count * 10 + (*p++ - '0');
	if (*p != ']' || count > 256)
		return 0;
	while (count--)
		if (add(out, size, n, c))
			return 0;
	return (int)(p + 1 - s);
}

int tr_expand_set(const char *set, unsigned char *out, size_t size, const char **err)
{
	size_t n = 0;
	int used;

	*err = "set too long";
	while (*set) {
		used = expand_class(set, out, size, &n, err);
		if (used < 0)
			return -1;
		if (!used)
			used = expand_repeat(set, out, size, &n);
		if (used) {
			set += used;
			continue;
		}
		unsigned char lo = set_char(&set);

		if (*set == '-' && set[1]) {
			set++;
			unsigned char hi = set_char(&set);

			if (hi < lo)
				return *err = "range endpoints in reverse order", -1;
			for (int c = lo; c <= hi; c++)
				if (add(out, size, &n, (unsigned char)c))
					return -1;
		} else if (add(out, size, &n, lo)) {
			return -1;
		}
	}
	return (int)n;
}

static int complement(unsigned char *set, int n)
{
	bool in[256] = { false };
	int k = 0;

	for (int i = 0; i < n; i++)
		in[set[i]] = true;
	for (int c = 0; c < 256; c++)
		if (!in[c])
			set[k++] = (unsigned char)c;
	return k;
}

APPLET(tr)
{
	static unsigned char s1[4096], s2[4096];
	bool del = false, squeeze = false, comp = false, in1[256] = { 0 }, sq[256] = { 0 };
	unsigned char map[256];
	int opt, n1, n2 = 0, c, last = -1;
	const char *err;

	while ((opt = opt_next(argc, argv, "cCds")) != -1) {
		switch (opt) {
		case 'c': case 'C': comp = true; break;
		case 'd': del = true; break;
		case 's': squeeze = true; break;
		default: usage("[-cds] SET1 [SET2]");
		}
	}
	int nsets = argc - opt_ind;
	bool translate = !del && nsets == 2;

	if (nsets < 1 || nsets > 2 || (!del && !squeeze && nsets != 2) || (del && !squeeze && nsets != 1))
		usage("[-cds] SET1 [SET2]");
	n1 = tr_expand_set(argv[opt_ind], s1, sizeof(s1), &err);
	if (n1 >= 0 && nsets == 2)
		n2 = tr_expand_set(argv[opt_ind + 1], s2, sizeof(s2), &err);
	if (n1 < 0 || n2 < 0)
		die(1, "%s", err);
	if (comp)
		n1 = complement(s1, n1);
	if (translate && n2 == 0 && n1 > 0)
		die(1, "when translating, SET2 must not be empty");
	for (int i = 0; i < 256; i++)
		map[i] = (unsigned char)i;
	for (int i = 0; i < n1; i++) {
		in1[s1[i]] = true;
		if (translate)
			map[s1[i]] = s2[i < n2 ? i : n2 - 1];
	}
	/* -s squeezes SET2 when there is one, else SET1. */
	for (int i = 0; i < (nsets == 2 ? n2 : n1); i++)
		sq[nsets == 2 ? s2[i] : s1[i]] = true;
	while ((c = getchar()) != EOF) {
		if (del && in1[c])
			continue;
		c = map[c];
		if (squeeze && sq[c] && c == last)
			continue;
		last = c;
		putchar(c);
	}
	return 0;
}
