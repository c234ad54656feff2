// SPDX-License-Identifier: MIT
/* Kernel command line parameters: the rules are in include/tern/cmdline.h. */
#include <tern/cmdline.h>

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n';
}

static const char *skip_blanks(const char *s)
{
	while (is_blank(*s))
		s++;
	return s;
}

/* [start, end) is "--", the end of the kernel's parameters. */
static bool is_separator(const char *start, const char *end)
{
	return end - start == 2 && start[0] == '-' && start[1] == '-';
}

/*
 * Splits the word [start, end) at its first '=' and removes the quotes the
 * rules remove.  quoted: the word began with a quote, already skipped.
 */
static void split_word(const char *start, const char *end, bool quoted, struct cmdline_param *p)
{
	const char *eq = start;

	if (quoted && end > start && end[-1] == '"')
		end--;
	while (eq < end && *eq != '=')
		eq++;
	p->name = start;
	p->name_len = (size_t)(eq - start);
	if (eq == end) {
		p->value = NULL;
		p->value_len = 0;
		return;
	}
	start = eq + 1;
	if (start < end && *start == '"') {
		start++;
		if (end > start && end[-1] == '"')
			end--;
	}
	p->value = start;
	p->value_len = (size_t)(end - start);
}

bool cmdline_next_param(const char **pos, struct cmdline_param *p)
{
	const char *s = *pos;

	for (;;) {
		const char *start;
		bool quoted, in_quote;

		s = skip_blanks(s);
		if (!*s) {
			*pos = s;
			return false;
		}
		quoted = in_quote = *s == '"';
		start = quoted ? s + 1 : s;
		for (s = start; *s && (in_quote || !is_blank(*s)); s++)
			if (*s == '"')
				in_quote = !in_quote;
		split_word(start, s, quoted, p);
		if (!p->value && is_separator(p->name, p->name + p->name_len)) {
			*pos = skip_blanks(s);
			return false;
		}
		if (p->name_len || p->value) {
			*pos = s;
			return true;
		}
		/* "" or a lone quote: nothing there, on to the next word. */
	}
}

bool cmdline_param_is(const struct cmdline_param *p, const char *name)
{
	size_t i;

	for (i = 0; i < p->name_len; i++)
		if (name[i] != p->name[i])	/* also stops at name's NUL */
			return false;
	return name[i] == '\0';
}

bool cmdline_find_param(const char *line, const char *name, struct cmdline_param *p)
{
	struct cmdline_param cur;
	bool found = false;

	while (cmdline_next_param(&line, &cur))
		if (cmdline_param_is(&cur, name)) {
			*p = cur;
			found = true;
		}
	return found;
}
