// SPDX-License-Identifier: MIT
/*
 * test and [: a recursive-descent reading of POSIX test's grammar:
 *   expr := and ("-o" and)*    and := not ("-a" not)*
 *   not  := "!" not | primary
 *   primary := "(" expr ")" | UNARY arg | arg BINARY arg | arg
 * Exit 0 for true, 1 for false, 2 for a malformed expression.
 */
#include "box.h"
#include <setjmp.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct parser {
	char **argv;
	int argc, pos;
	jmp_buf fail;
};

static void __attribute__((noreturn)) syntax(struct parser *p, const char *what)
{
	warnx("%s", what);
	longjmp(p->fail, 1);
}

static const char *peek(struct parser *p, int ahead)
{
	return p->pos + ahead < p->argc ? p->argv[p->pos + ahead] : NULL;
}

static const char *take(struct parser *p)
{
	if (p->pos >= p->argc)
		syntax(p, "argument expected");
	return p->argv[p->pos++];
}

static bool file_test(char op, const char *path)
{
	struct stat st;

	if (op == 'h' || op == 'L')
		return lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
	if (stat(path, &st) != 0)
		return false;
	switch (op) {
	case 'e': return true;
	case 'f': return S_ISREG(st.st_mode);
	case 'd': return S_ISDIR(st.st_mode);
	case 'c': return S_ISCHR(st.st_mode);
	case 'b': return S_ISBLK(st.st_mode);
	case 'p': return S_ISFIFO(st.st_mode);
	case 's': return st.st_size > 0;
	case 'r': return access(path, R_OK) == 0;
	case 'w': return access(path, W_OK) == 0;
	default: return access(path, X_OK) == 0;	/* 'x' */
	}
}

static bool is_unary(const char *s)
{
	return s && s[0] == '-' && s[1] && !s[2] && strchr("efdcbpsrwxhLznt", s[1]);
}

static const char *const binaries[] = {
	"=", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", NULL,
};

static int binary_index(const char *s)
{
	for (int i = 0; s && binaries[i]; i++)
		if (!strcmp(s, binaries[i]))
			return i;
	return -1;
}

static long long integer(struct parser *p, const char *s)
{
	long long v;

	while (*s == ' ')
		s++;
	if (!parse_ll(s, &v)) {
		warnx("%s: integer expression expected", s);
		longjmp(p->fail, 1);
	}
	return v;
}

static bool binary(struct parser *p, const char *a, int op, const char *b)
{
	if (op == 0)
		return !strcmp(a, b);
	if (op == 1)
		return strcmp(a, b) != 0;
	long long x = integer(p, a), y = integer(p, b);

	switch (op) {
	case 2: return x == y;
	case 3: return x != y;
	case 4: return x < y;
	case 5: return x <= y;
	case 6: return x > y;
	default: return x >= y;
	}
}

static bool expr_or(struct parser *p);

static bool primary(struct parser *p)
{
	const char *s = take(p);
	int op = binary_index(peek(p, 0));
	bool v;

	if (op >= 0 && peek(p, 1)) {		/* "a = b", even when a is "(" or "!" */
		p->pos++;
		return binary(p, s, op, take(p));
	}
	if (!strcmp(s, "(") && peek(p, 0)) {
		v = expr_or(p);
		if (!peek(p, 0) || strcmp(take(p), ")"))
			syntax(p, "')' expected");
		return v;
	}
	if (is_unary(s) && peek(p, 0)) {
		const char *arg = take(p);

		if (s[1] == 'z')
			return !*arg;
		if (s[1] == 'n')
			return *arg != 0;
		if (s[1] == 't')
			return isatty((int)integer(p, arg));
		return file_test(s[1], arg);
	}
	return *s != 0;
}

static bool expr_not(struct parser *p)
{
	const char *s = peek(p, 0);

	/* "! = x" compares "!"; a lone "!" is a non-empty string. */
	if (s && !strcmp(s, "!") && peek(p, 1) && binary_index(peek(p, 1)) < 0) {
		p->pos++;
		return !expr_not(p);
	}
	return primary(p);
}

static bool expr_and(struct parser *p)
{
	bool v = expr_not(p);

	while (peek(p, 0) && !strcmp(peek(p, 0), "-a") && peek(p, 1)) {
		p->pos++;
		v = expr_not(p) && v;
	}
	return v;
}

static bool expr_or(struct parser *p)
{
	bool v = expr_and(p);

	while (peek(p, 0) && !strcmp(peek(p, 0), "-o") && peek(p, 1)) {
		p->pos++;
		v = expr_and(p) || v;
	}
	return v;
}

APPLET(test)
{
	struct parser p = { .argv = argv + 1, .argc = argc - 1 };
	bool v;

	if (!strcmp(applet_name, "[")) {
		if (argc < 2 || strcmp(argv[argc - 1], "]"))
			die(2, "missing ']'");
		p.argc--;
	}
	if (p.argc == 0)
		return 1;
	if (setjmp(p.fail))
		return 2;
	v = expr_or(&p);
	if (p.pos != p.argc)
		syntax(&p, "extra argument");
	return v ? 0 : 1;
}
