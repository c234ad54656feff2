// SPDX-License-Identifier: MIT
/*
 * The shell's lexer: operators, and words kept raw (quotes and $ forms
 * left in, for expand.c), with io numbers (the 2 of 2>file) split off.
 * Reserved words are plain T_WORDs; the parser recognises them where a
 * command may start.
 */
#include <ctype.h>
#include <string.h>

#include "sh.h"

void lex_init(struct lexer *lx, const char *src)
{
	memset(lx, 0, sizeof(*lx));
	lx->src = src;
	lx->io_number = -1;
}

static const char *skip_squote(const char *s)
{
	const char *e = strchr(s + 1, '\'');

	return e ? e + 1 : NULL;
}

static const char *skip_backquote(const char *s)
{
	for (s++; *s; s++) {
		if (*s == '\\' && s[1])
			s++;
		else if (*s == '`')
			return s + 1;
	}
	return NULL;
}

static const char *skip_dollar(const char *s);

static const char *skip_dquote(const char *s)
{
	for (s++; *s;) {
		if (*s == '"')
			return s + 1;
		if (*s == '\\' && s[1]) {
			s += 2;
		} else if (*s == '$') {
			s = skip_dollar(s);
			if (!s)
				return NULL;
		} else if (*s == '`') {
			s = skip_backquote(s);
			if (!s)
				return NULL;
		} else {
			s++;
		}
	}
	return NULL;
}

/* ${...}: to the matching brace, quotes inside skipped. */
const char *lex_brace_end(const char *s)
{
	int depth = 0;

	for (; *s;) {
		if (*s == '{') {
			depth++;
			s++;
		} else if (*s == '}') {
			if (--depth == 0)
				return s + 1;
			s++;
		} else if (*s == '\\' && s[1]) {
			s += 2;
		} else if (*s == '\'' || *s == '"' || *s == '`' || (*s == '$' && s[1] == '(')) {
			s = *s == '\'' ? skip_squote(s) : *s == '"' ? skip_dquote(s) :
			    *s == '`' ? skip_backquote(s) : lex_paren_end(s + 1);
			if (!s)
				return NULL;
		} else {
			s++;
		}
	}
	return NULL;
}

/* s at '$': past the $ form (a lone $ is one character). */
static const char *skip_dollar(const char *s)
{
	if (s[1] == '(')
		return lex_paren_end(s + 1);
	if (s[1] == '{')
		return lex_brace_end(s + 1);
	return s + 1;
}

const char *lex_paren_end(const char *s)
{
	int depth = 0;

	for (; *s;) {
		if (*s == '(') {
			depth++;
			s++;
		} else if (*s == ')') {
			s++;
			if (--depth == 0)
				return s;
		} else if (*s == '\\' && s[1]) {
			s += 2;
		} else if (*s == '\'') {
			s = skip_squote(s);
		} else if (*s == '"') {
			s = skip_dquote(s);
		} else if (*s == '`') {
			s = skip_backquote(s);
		} else if (*s == '$' && s[1] == '{') {
			s = lex_brace_end(s + 1);
		} else {
			s++;
		}
		if (!s)
			return NULL;
	}
	return NULL;
}

static bool is_delim(char c)
{
	return c == '\0' || c == ' ' || c == '\t' || c == '\n' || strchr("|&;<>()", c);
}

const char *lex_word_end(const char *s)
{
	while (!is_delim(*s)) {
		if (*s == '\\') {
			if (!s[1] || (s[1] == '\n' && !s[2]))
				return NULL;	/* a continuation line follows */
			s += 2;
		} else if (*s == '\'') {
			s = skip_squote(s);
		} else if (*s == '"') {
			s = skip_dquote(s);
		} else if (*s == '`') {
			s = skip_backquote(s);
		} else if (*s == '$') {
			s = skip_dollar(s);
		} else {
			s++;
		}
		if (!s)
			return NULL;
	}
	return s;
}

struct op {
	const char *text;
	enum tok tok;
};

/* Longest first. */
static const struct op ops[] = {
	{ "<<-", T_DLESSDASH }, { "<<", T_DLESS }, { "&&", T_AND }, { "||", T_OR }, { ";;", T_DSEMI }, { ">>", T_DGREAT },
	{ "<&", T_LESSAND }, { ">&", T_GREATAND }, { "<>", T_LESSGREAT }, { ">|", T_CLOBBER },
	{ "\n", T_NL }, { ";", T_SEMI }, { "&", T_AMP }, { "|", T_PIPE }, { "(", T_LPAREN },
	{ ")", T_RPAREN }, { "<", T_LESS }, { ">", T_GREAT },
};

static void skip_blanks(struct lexer *lx)
{
	const char *s = lx->src;

	for (;;) {
		if (s[lx->pos] == ' ' || s[lx->pos] == '\t') {
			lx->pos++;
		} else if (s[lx->pos] == '\\' && s[lx->pos + 1] == '\n' && s[lx->pos + 2]) {
			lx->pos += 2;
		} else if (s[lx->pos] == '#') {
			while (s[lx->pos] && s[lx->pos] != '\n')
				lx->pos++;
		} else {
			return;
		}
	}
}

enum tok lex_next(struct lexer *lx)
{
	const char *s, *e;
	size_t i;

	skip_blanks(lx);
	lx->io_number = -1;
	lx->start = lx->pos;
	s = lx->src + lx->pos;
	if (!*s) {
		lx->end = lx->pos;
		return lx->tok = T_EOF;
	}
	for (i = 0; i < sizeof(ops) / sizeof(ops[0]); i++) {
		size_t len = strlen(ops[i].text);

		if (!strncmp(s, ops[i].text, len)) {
			lx->pos += len;
			lx->end = lx->pos;
			return lx->tok = ops[i].tok;
		}
	}
	e = lex_word_end(s);
	if (!e) {
		lx->end = strlen(lx->src);
		return lx->tok = T_INCOMPLETE;
	}
	/* 2>file: the digits are an io number, not a word. */
	if ((*e == '<' || *e == '>') && e - s <= 4) {
		const char *d = s;

		while (d < e && isdigit((unsigned char)*d))
			d++;
		if (d == e) {
			int fd = 0;

			for (d = s; d < e; d++)
				fd = fd * 10 + (*d - '0');
			lx->pos += (size_t)(e - s);
			lex_next(lx);	/* the operator */
			lx->io_number = fd;
			return lx->tok;
		}
	}
	lx->pos += (size_t)(e - s);
	lx->end = lx->pos;
	return lx->tok = T_WORD;
}
