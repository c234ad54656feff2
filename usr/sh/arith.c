// SPDX-License-Identifier: MIT
/*
 * $((...)): integer arithmetic in C's precedence, on long, with variables
 * by name (unset or empty is 0) -- enough for counters in scripts.
 * Operators: ( ) unary + - ! ~, * / %, + -, << >>, < <= > >=, == !=, &,
 * ^, |, &&, ||, ?:.  No assignments (x+=1): write x=$((x+1)).
 */
#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

struct arith {
	const char *s;
	const char *err;
};

static long ternary(struct arith *a);

static void blanks(struct arith *a)
{
	while (isspace((unsigned char)*a->s))
		a->s++;
}

static bool eat(struct arith *a, const char *op)
{
	size_t n = strlen(op);

	blanks(a);
	if (strncmp(a->s, op, n))
		return false;
	/* A one-character operator is not the start of a two-character one. */
	if (n == 1 && strchr("<>&|", op[0]) && a->s[1] == op[0])
		return false;
	if (n == 1 && strchr("<>!", op[0]) && a->s[1] == '=')
		return false;
	a->s += n;
	return true;
}

static long primary(struct arith *a)
{
	long v;

	blanks(a);
	if (eat(a, "(")) {
		v = ternary(a);
		if (!eat(a, ")") && !a->err)
			a->err = "missing )";
		return v;
	}
	if (eat(a, "-"))
		return -primary(a);
	if (eat(a, "+"))
		return primary(a);
	if (eat(a, "!"))
		return !primary(a);
	if (eat(a, "~"))
		return ~primary(a);
	if (isdigit((unsigned char)*a->s)) {
		char *end;

		v = strtol(a->s, &end, 0);
		a->s = end;
		return v;
	}
	if (isalpha((unsigned char)*a->s) || *a->s == '_') {
		char name[128];
		size_t n = 0;
		const char *val;

		while (isalnum((unsigned char)*a->s) || *a->s == '_') {
			if (n < sizeof(name) - 1)
				name[n++] = *a->s;
			a->s++;
		}
		name[n] = '\0';
		val = xops->lookup(name);
		return val && *val ? strtol(val, NULL, 0) : 0;
	}
	if (!a->err)
		a->err = *a->s ? "syntax error" : "operand expected";
	return 0;
}

static long binary(struct arith *a, int level);

static const char *const levels[][4] = {
	{ "||" }, { "&&" }, { "|" }, { "^" }, { "&" }, { "==", "!=" },
	{ "<=", ">=", "<", ">" }, { "<<", ">>" }, { "+", "-" }, { "*", "/", "%" },
};
#define NR_LEVELS ((int)(sizeof(levels) / sizeof(levels[0])))

static long apply(struct arith *a, const char *op, long l, long r)
{
	if (!strcmp(op, "||")) return l || r;
	if (!strcmp(op, "&&")) return l && r;
	if (!strcmp(op, "|")) return l | r;
	if (!strcmp(op, "^")) return l ^ r;
	if (!strcmp(op, "&")) return l & r;
	if (!strcmp(op, "==")) return l == r;
	if (!strcmp(op, "!=")) return l != r;
	if (!strcmp(op, "<=")) return l <= r;
	if (!strcmp(op, ">=")) return l >= r;
	if (!strcmp(op, "<")) return l < r;
	if (!strcmp(op, ">")) return l > r;
	if (!strcmp(op, "<<")) return (long)((unsigned long)l << (r & 63));
	if (!strcmp(op, ">>")) return l >> (r & 63);
	if (!strcmp(op, "+")) return (long)((unsigned long)l + (unsigned long)r);
	if (!strcmp(op, "-")) return (long)((unsigned long)l - (unsigned long)r);
	if (!strcmp(op, "*")) return (long)((unsigned long)l * (unsigned long)r);
	if (r == 0 || (l == LONG_MIN && r == -1)) {
		if (!a->err)
			a->err = "division by zero";
		return 0;
	}
	return !strcmp(op, "/") ? l / r : l % r;
}

static long binary(struct arith *a, int level)
{
	long v;

	if (level == NR_LEVELS)
		return primary(a);
	v = binary(a, level + 1);
	for (;;) {
		const char *op = NULL;
		int i;

		for (i = 0; i < 4 && levels[level][i]; i++)
			if (eat(a, levels[level][i])) {
				op = levels[level][i];
				break;
			}
		if (!op)
			return v;
		v = apply(a, op, v, binary(a, level + 1));
	}
}

static long ternary(struct arith *a)
{
	long c = binary(a, 0), t, f;

	if (!eat(a, "?"))
		return c;
	t = ternary(a);
	if (!eat(a, ":") && !a->err)
		a->err = "missing :";
	f = ternary(a);
	return c ? t : f;
}

int arith_eval(const char *expr, long *value, const char **err)
{
	struct arith a = { .s = expr };

	*value = ternary(&a);
	blanks(&a);
	if (!a.err && *a.s)
		a.err = "syntax error";
	*err = a.err;
	return a.err ? -1 : 0;
}
