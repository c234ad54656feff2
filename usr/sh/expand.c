// SPDX-License-Identifier: MIT
/*
 * Word expansion: tilde, parameters ($x ${x} ${x:-w} ${#x} ${x%p} ...,
 * the special $? $$ $# $@ $* $! $0..$9), command substitution ($(...)
 * and `...`, through xops->command_subst), arithmetic ($((...))), then
 * field splitting of what unquoted expansions produced (on IFS) and
 * pathname expansion (glob.c) of fields with unquoted * ? [, and quote
 * removal.
 *
 * A field is built character by character with, for each, whether it was
 * quoted: quoted characters never split nor glob.
 */
#include <ctype.h>
#include <fnmatch.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

struct expand_ops *xops;

enum mode { M_FIELDS, M_SINGLE, M_PATTERN };

struct builder {
	enum mode mode;
	struct strv *out;
	char *buf, *quoted;	/* the field so far; quoted[i] for buf[i] */
	size_t len, cap;
	bool has;		/* the field exists even if empty ("" seen) */
	bool error;
};

void strv_push(struct strv *sv, char *s)
{
	if (sv->n + 2 > sv->cap) {
		sv->cap = sv->cap ? sv->cap * 2 : 8;
		sv->v = realloc(sv->v, sizeof(char *) * (size_t)sv->cap);
		if (!sv->v)
			abort();
	}
	sv->v[sv->n++] = s;
	sv->v[sv->n] = NULL;
}

void strv_free(struct strv *sv)
{
	int i;

	for (i = 0; i < sv->n; i++)
		free(sv->v[i]);
	free(sv->v);
	sv->v = NULL;
	sv->n = sv->cap = 0;
}

static void put(struct builder *b, char c, bool quoted)
{
	if (b->len + 2 > b->cap) {
		b->cap = b->cap ? b->cap * 2 : 64;
		b->buf = realloc(b->buf, b->cap);
		b->quoted = realloc(b->quoted, b->cap);
		if (!b->buf || !b->quoted)
			abort();
	}
	b->quoted[b->len] = quoted;
	b->buf[b->len++] = c;
	b->buf[b->len] = '\0';
}

static bool has_glob(struct builder *b)
{
	size_t i;

	for (i = 0; i < b->len; i++)
		if (!b->quoted[i] && strchr("*?[", b->buf[i]))
			return true;
	return false;
}

/* The field as an fnmatch pattern: quoted specials escaped. */
static char *as_pattern(struct builder *b)
{
	char *p = malloc(b->len * 2 + 1), *q = p;
	size_t i;

	if (!p)
		abort();
	for (i = 0; i < b->len; i++) {
		if (b->quoted[i] && strchr("*?[]\\", b->buf[i]))
			*q++ = '\\';
		*q++ = b->buf[i];
	}
	*q = '\0';
	return p;
}

static void finish(struct builder *b)
{
	if (!b->has && !b->len)
		return;
	if (b->mode == M_FIELDS && has_glob(b)) {
		char *pat = as_pattern(b);
		int n = glob_expand(pat, b->out);

		free(pat);
		if (n > 0)
			goto done;
	}
	strv_push(b->out, strndup(b->buf ? b->buf : "", b->len));
done:
	b->len = 0;
	b->has = false;
}

/* Field break of "$@": outside M_FIELDS the fields join with a space. */
static void field_break(struct builder *b)
{
	if (b->mode == M_FIELDS)
		finish(b);
	else
		put(b, ' ', true);
}

static const char *ifs(void)
{
	const char *s = xops->lookup("IFS");

	return s ? s : " \t\n";
}

/* The result of an expansion: split on IFS unless quoted or not splitting. */
static void put_expansion(struct builder *b, const char *s, bool quoted)
{
	const char *sep = ifs();

	if (quoted || b->mode != M_FIELDS) {
		for (; *s; s++)
			put(b, *s, quoted);
		return;
	}
	for (; *s; s++) {
		if (strchr(sep, *s)) {
			if (b->len || b->has)
				finish(b);
			else if (!isspace((unsigned char)*s))
				finish((b->has = true, b));
		} else {
			put(b, *s, false);
		}
	}
}

static void expand_error(struct builder *b, const char *fmt, const char *arg)
{
	fputs("sh: ", stderr);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	b->error = true;
}

static char numbuf[32];

/* A parameter's value; NULL if unset.  Not for @ and *. */
static const char *param(const char *name)
{
	if (isdigit((unsigned char)name[0])) {
		long i = strtol(name, NULL, 10);

		if (i == 0)
			return xops->arg0;
		return i <= xops->nparams ? xops->params[i - 1] : NULL;
	}
	switch (name[1] ? 0 : name[0]) {
	case '?':
		snprintf(numbuf, sizeof(numbuf), "%d", xops->status);
		return numbuf;
	case '$':
		snprintf(numbuf, sizeof(numbuf), "%ld", xops->pid);
		return numbuf;
	case '#':
		snprintf(numbuf, sizeof(numbuf), "%d", xops->nparams);
		return numbuf;
	case '!':
		if (!xops->bgpid)
			return NULL;
		snprintf(numbuf, sizeof(numbuf), "%ld", xops->bgpid);
		return numbuf;
	case '-':
		return "";
	}
	return xops->lookup(name);
}

/* "$@" and "$*" and their unquoted forms. */
static void put_all_params(struct builder *b, char which, bool quoted)
{
	char sep[2] = { ifs()[0], '\0' };
	int i;

	for (i = 0; i < xops->nparams; i++) {
		if (i) {
			if (which == '@' && quoted)
				field_break(b);
			else
				put_expansion(b, which == '*' && quoted ? sep : " ", quoted);
		}
		if (quoted)
			b->has = true;
		put_expansion(b, xops->params[i], quoted);
	}
}

static char *expand_to(const char *raw, size_t len, enum mode mode);

/* ${name%pat} ${name%%pat} ${name#pat} ${name##pat} */
static char *remove_affix(const char *val, const char *pat, bool suffix, bool longest)
{
	size_t n = strlen(val), i;
	char *tmp = strdup(val);

	if (!tmp)
		abort();
	for (i = 0; i <= n; i++) {
		size_t len = longest ? n - i : i;	/* length of the part removed */

		if (suffix) {
			if (!fnmatch(pat, val + n - len, 0)) {
				tmp[n - len] = '\0';
				return tmp;
			}
		} else {
			tmp[len] = '\0';
			if (!fnmatch(pat, tmp, 0)) {
				strcpy(tmp, val + len);
				return tmp;
			}
			tmp[len] = val[len];
		}
	}
	return tmp;
}

/* s just past "${", e at the closing '}'. */
static void braced(struct builder *b, const char *s, const char *e, bool quoted)
{
	bool length = false, colon = false;
	const char *name = s, *val;
	char nm[64];
	size_t nlen;
	char op = 0;

	if (*s == '#' && s + 1 < e) {
		length = true;
		s++;
	}
	name = s;
	if (isdigit((unsigned char)*s))
		while (s < e && isdigit((unsigned char)*s))
			s++;
	else if (isalpha((unsigned char)*s) || *s == '_')
		while (s < e && (isalnum((unsigned char)*s) || *s == '_'))
			s++;
	else if (s < e && strchr("?$#!@*-", *s))
		s++;
	nlen = (size_t)(s - name);
	if (!nlen || nlen >= sizeof(nm) || (length && s != e)) {
		expand_error(b, "bad substitution: %s", "${...}");
		return;
	}
	memcpy(nm, name, nlen);
	nm[nlen] = '\0';
	if (s < e) {
		if (*s == ':') {
			colon = true;
			s++;
		}
		op = *s++;
		if (!strchr("-=+?%#", op) || (colon && strchr("%#", op))) {
			expand_error(b, "bad substitution: %s", nm);
			return;
		}
	}
	if ((nm[0] == '@' || nm[0] == '*') && !nm[1] && !op && !length) {
		put_all_params(b, nm[0], quoted);
		return;
	}
	val = (nm[0] == '@' || nm[0] == '*') && !nm[1] ? (xops->nparams ? "" : NULL) : param(nm);
	if (length) {
		char buf[32];

		snprintf(buf, sizeof(buf), "%zu", val ? strlen(val) : 0);
		put_expansion(b, buf, quoted);
		return;
	}
	if (op == '%' || op == '#') {
		bool longest = *s == op;
		char *pat, *r;

		s += longest;
		pat = expand_to(s, (size_t)(e - s), M_PATTERN);
		r = remove_affix(val ? val : "", pat, op == '%', longest);
		put_expansion(b, r, quoted);
		free(pat);
		free(r);
		return;
	}
	if (op) {
		bool set = val && (!colon || *val);
		char *word = NULL;

		if ((op == '+') == set || op == '-' || op == '=' || op == '?')
			word = expand_to(s, (size_t)(e - s), M_SINGLE);
		if (op == '+') {
			if (set)
				put_expansion(b, word, quoted);
			b->has |= set && quoted;
			free(word);
			return;
		}
		if (!set) {
			if (op == '?') {
				fprintf(stderr, "sh: %s: %s\n", nm, *word ? word : "parameter not set");
				b->error = true;
			} else {
				if (op == '=' && xops->assign(nm, word) < 0)
					b->error = true;
				put_expansion(b, word, quoted);
			}
			free(word);
			return;
		}
		free(word);
	}
	if (val)
		put_expansion(b, val, quoted);
}

static void command_subst(struct builder *b, const char *text, size_t len, bool quoted)
{
	char *out = xops->command_subst(text, len);
	size_t n;

	if (!out) {
		b->error = true;
		return;
	}
	n = strlen(out);
	while (n && out[n - 1] == '\n')
		out[--n] = '\0';
	put_expansion(b, out, quoted);
	free(out);
}

static void arith(struct builder *b, const char *text, size_t len, bool quoted)
{
	char *expr = expand_to(text, len, M_SINGLE);
	const char *err = NULL;
	char buf[32];
	long v;

	if (!expr || arith_eval(expr, &v, &err) < 0) {
		expand_error(b, "arithmetic: %s", err ? err : "error");
	} else {
		snprintf(buf, sizeof(buf), "%ld", v);
		put_expansion(b, buf, quoted);
	}
	free(expr);
}

/* s at '$': expands it, returns the first character after. */
static const char *dollar(struct builder *b, const char *s, const char *end, bool quoted)
{
	const char *e;
	char nm[2] = { s[1], '\0' };

	if (s[1] == '(') {
		e = lex_paren_end(s + 1);
		if (!e || e > end) {
			expand_error(b, "%s", "unterminated $(");
			return end;
		}
		if (s[2] == '(' && e[-2] == ')')
			arith(b, s + 3, (size_t)(e - s - 5), quoted);
		else
			command_subst(b, s + 2, (size_t)(e - s - 3), quoted);
		return e;
	}
	if (s[1] == '{') {
		e = lex_brace_end(s + 1);
		if (!e || e > end) {
			expand_error(b, "%s", "unterminated ${");
			return end;
		}
		braced(b, s + 2, e - 1, quoted);
		return e;
	}
	if (s + 1 < end && (isalpha((unsigned char)s[1]) || s[1] == '_')) {
		char name[256];
		size_t n = 0;
		const char *v;

		for (e = s + 1; e < end && (isalnum((unsigned char)*e) || *e == '_'); e++)
			if (n < sizeof(name) - 1)
				name[n++] = *e;
		name[n] = '\0';
		v = xops->lookup(name);
		if (v)
			put_expansion(b, v, quoted);
		return e;
	}
	if (s + 1 < end && (s[1] == '@' || s[1] == '*')) {
		put_all_params(b, s[1], quoted);
		return s + 2;
	}
	if (s + 1 < end && (isdigit((unsigned char)s[1]) || strchr("?$#!-", s[1]))) {
		const char *v = param(nm);

		if (v)
			put_expansion(b, v, quoted);
		return s + 2;
	}
	put(b, '$', true);
	return s + 1;
}

/* `...`: the text with \$ \` \\ unescaped. */
static const char *backquote(struct builder *b, const char *s, const char *end, bool quoted)
{
	char *text = malloc((size_t)(end - s) + 1);
	size_t n = 0;

	if (!text)
		abort();
	for (s++; s < end && *s != '`'; s++) {
		if (*s == '\\' && s + 1 < end && strchr("$`\\", s[1]))
			s++;
		text[n++] = *s;
	}
	text[n] = '\0';
	command_subst(b, text, n, quoted);
	free(text);
	return s < end ? s + 1 : end;
}

static void tilde(struct builder *b, const char **sp, const char *end)
{
	const char *s = *sp;
	const char *home;

	if (s[1] && s + 1 < end && s[1] != '/')
		return;
	home = xops->lookup("HOME");
	if (!home)
		return;
	put_expansion(b, home, true);
	*sp = s + 1;
}

static void expand_into(struct builder *b, const char *s, const char *end)
{
	bool dq = false;

	if (s < end && *s == '~' && b->mode != M_PATTERN)
		tilde(b, &s, end);
	while (s < end && !b->error) {
		char c = *s;

		if (c == '\\') {
			if (s + 1 >= end) {
				put(b, '\\', dq);
				s++;
			} else if (s[1] == '\n') {
				s += 2;
			} else if (!dq || strchr("$`\"\\", s[1])) {
				put(b, s[1], true);
				s += 2;
			} else {
				put(b, '\\', true);
				s++;
			}
		} else if (c == '\'' && !dq) {
			b->has = true;
			for (s++; s < end && *s != '\''; s++)
				put(b, *s, true);
			s++;
		} else if (c == '"') {
			dq = !dq;
			b->has = true;
			s++;
		} else if (c == '$') {
			s = dollar(b, s, end, dq);
		} else if (c == '`') {
			s = backquote(b, s, end, dq);
		} else {
			put(b, c, dq);
			s++;
		}
	}
}

static char *expand_to(const char *raw, size_t len, enum mode mode)
{
	struct strv out = { 0 };
	struct builder b = { .mode = mode, .out = &out };
	char *r;

	expand_into(&b, raw, raw + len);
	if (b.error) {
		free(b.buf);
		free(b.quoted);
		return NULL;
	}
	r = mode == M_PATTERN ? as_pattern(&b) : strndup(b.buf ? b.buf : "", b.len);
	free(b.buf);
	free(b.quoted);
	return r;
}

int expand_word(const char *raw, struct strv *out)
{
	struct builder b = { .mode = M_FIELDS, .out = out };

	/* "$@" with no parameters is no field at all. */
	if (!strcmp(raw, "\"$@\"") && !xops->nparams)
		return 0;
	expand_into(&b, raw, raw + strlen(raw));
	if (!b.error)
		finish(&b);
	free(b.buf);
	free(b.quoted);
	return b.error ? -1 : 0;
}

char *expand_single(const char *raw)
{
	return expand_to(raw, strlen(raw), M_SINGLE);
}

char *expand_pattern(const char *raw)
{
	return expand_to(raw, strlen(raw), M_PATTERN);
}
