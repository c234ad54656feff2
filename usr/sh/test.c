// SPDX-License-Identifier: MIT
/*
 * test and [ as a builtin (loops call them often; a process each would be
 * slow).  POSIX's rules by argument count for up to four arguments, then
 * a parser for ! ( ) -a -o.  Status 0 true, 1 false, 2 error.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sh.h"

struct test {
	char **argv;
	int argc, pos;
	bool error;
};

static bool bad(struct test *t, const char *what, const char *arg)
{
	if (!t->error)
		sh_error("test: %s%s%s", arg ? arg : "", arg ? ": " : "", what);
	t->error = true;
	return false;
}

static long number(struct test *t, const char *s)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	while (*end == ' ' || *end == '\t')
		end++;
	if (!*s || *end || errno)
		bad(t, "integer expression expected", s);
	return v;
}

static bool is_unary(const char *op)
{
	return op[0] == '-' && op[1] && !op[2] && strchr("nzefdrwxsLhbcpSt", op[1]);
}

static bool unary(struct test *t, const char *op, const char *arg)
{
	struct stat st;
	char c = op[1];

	if (c == 'n')
		return *arg;
	if (c == 'z')
		return !*arg;
	if (c == 't')
		return isatty((int)number(t, arg));
	if (c == 'r' || c == 'w' || c == 'x')
		return !access(arg, c == 'r' ? R_OK : c == 'w' ? W_OK : X_OK);
	if ((c == 'L' || c == 'h') ? lstat(arg, &st) < 0 : stat(arg, &st) < 0)
		return false;
	switch (c) {
	case 'e': return true;
	case 'f': return S_ISREG(st.st_mode);
	case 'd': return S_ISDIR(st.st_mode);
	case 's': return st.st_size > 0;
	case 'L': case 'h': return S_ISLNK(st.st_mode);
	case 'b': return S_ISBLK(st.st_mode);
	case 'c': return S_ISCHR(st.st_mode);
	case 'p': return S_ISFIFO(st.st_mode);
	case 'S': return S_ISSOCK(st.st_mode);
	}
	return false;
}

static const char *const binops[] = {
	"=", "==", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "-nt", "-ot", NULL,
};

static bool is_binary(const char *op)
{
	int i;

	for (i = 0; binops[i]; i++)
		if (!strcmp(op, binops[i]))
			return true;
	return false;
}

static bool binary(struct test *t, const char *a, const char *op, const char *b)
{
	long x, y;

	if (!strcmp(op, "=") || !strcmp(op, "=="))
		return !strcmp(a, b);
	if (!strcmp(op, "!="))
		return strcmp(a, b);
	if (!strcmp(op, "<"))
		return strcmp(a, b) < 0;
	if (!strcmp(op, ">"))
		return strcmp(a, b) > 0;
	if (!strcmp(op, "-nt") || !strcmp(op, "-ot")) {
		struct stat sa, sb;
		bool ha = !stat(a, &sa), hb = !stat(b, &sb);

		if (op[1] == 'n')
			return ha && (!hb || sa.st_mtime > sb.st_mtime);
		return hb && (!ha || sa.st_mtime < sb.st_mtime);
	}
	x = number(t, a);
	y = number(t, b);
	if (!strcmp(op, "-eq")) return x == y;
	if (!strcmp(op, "-ne")) return x != y;
	if (!strcmp(op, "-lt")) return x < y;
	if (!strcmp(op, "-le")) return x <= y;
	if (!strcmp(op, "-gt")) return x > y;
	return x >= y;
}

static const char *peek(struct test *t, int k)
{
	return t->pos + k < t->argc ? t->argv[t->pos + k] : NULL;
}

static bool expr_or(struct test *t);

static bool primary(struct test *t)
{
	const char *a = peek(t, 0), *b = peek(t, 1);
	bool v;

	if (!a)
		return bad(t, "argument expected", NULL);
	if (!strcmp(a, "(")) {
		t->pos++;
		v = expr_or(t);
		if (!peek(t, 0) || strcmp(peek(t, 0), ")"))
			return bad(t, "')' expected", NULL);
		t->pos++;
		return v;
	}
	if (b && is_binary(b) && peek(t, 2)) {
		t->pos += 3;
		return binary(t, a, b, peek(t, -1));
	}
	if (is_unary(a) && b) {
		t->pos += 2;
		return unary(t, a, b);
	}
	t->pos++;
	return *a;
}

static bool expr_not(struct test *t)
{
	if (peek(t, 0) && !strcmp(peek(t, 0), "!") && peek(t, 1)) {
		t->pos++;
		return !expr_not(t);
	}
	return primary(t);
}

static bool expr_and(struct test *t)
{
	bool v = expr_not(t);

	while (peek(t, 0) && !strcmp(peek(t, 0), "-a")) {
		t->pos++;
		v = expr_not(t) && v;
	}
	return v;
}

static bool expr_or(struct test *t)
{
	bool v = expr_and(t);

	while (peek(t, 0) && !strcmp(peek(t, 0), "-o")) {
		t->pos++;
		v = expr_and(t) || v;
	}
	return v;
}

/* POSIX: the meaning by number of arguments, for up to four. */
static bool by_count(struct test *t, char **a, int n)
{
	if (n == 0)
		return false;
	if (n == 1)
		return *a[0];
	if (n == 2 && !strcmp(a[0], "!"))
		return !*a[1];
	if (n == 2) {
		if (!is_unary(a[0]))
			return bad(t, "unary operator expected", a[0]);
		return unary(t, a[0], a[1]);
	}
	if (n == 3 && is_binary(a[1]))
		return binary(t, a[0], a[1], a[2]);
	if (n == 3 && !strcmp(a[0], "!"))
		return !by_count(t, a + 1, 2);
	if (n == 3 && !strcmp(a[0], "(") && !strcmp(a[2], ")"))
		return *a[1];
	if (n == 4 && !strcmp(a[0], "!"))
		return !by_count(t, a + 1, 3);
	if (n == 4 && !strcmp(a[0], "(") && !strcmp(a[3], ")"))
		return by_count(t, a + 1, 2);
	t->pos = 0;
	{
		bool v = expr_or(t);

		if (t->pos < t->argc)
			return bad(t, "unexpected argument", t->argv[t->pos]);
		return v;
	}
}

int test_builtin(int argc, char **argv)
{
	struct test t = { .argv = argv + 1, .argc = argc - 1 };
	bool v;

	if (!strcmp(argv[0], "[")) {
		if (argc < 2 || strcmp(argv[argc - 1], "]")) {
			sh_error("[: missing ]");
			return 2;
		}
		t.argc--;
	}
	v = by_count(&t, t.argv, t.argc);
	return t.error ? 2 : !v;
}
