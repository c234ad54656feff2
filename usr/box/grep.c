// SPDX-License-Identifier: MIT
/*
 * grep: fixed strings (-F), basic (default) or extended (-E) regular
 * expressions through regcomp.  Exit 0 when a line was selected, 1 when
 * none was, 2 on an error.
 */
#include "box.h"
#include <ctype.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct grep {
	const char *pattern;
	regex_t re;
	bool fixed, icase, invert, count, number, quiet, whole_line, list, names;
};

static bool same_char(char a, char b, bool icase)
{
	return icase ? tolower((unsigned char)a) == tolower((unsigned char)b) : a == b;
}

static bool fixed_match(const struct grep *g, const char *line)
{
	size_t pl = strlen(g->pattern), ll = strlen(line);

	if (g->whole_line && pl != ll)
		return false;
	for (size_t i = 0; i + pl <= ll; i++) {
		size_t k = 0;

		while (k < pl && same_char(line[i + k], g->pattern[k], g->icase))
			k++;
		if (k == pl)
			return true;
	}
	return false;
}

static bool line_matches(const struct grep *g, const char *line)
{
	regmatch_t m;

	if (g->fixed)
		return fixed_match(g, line);
	if (!g->whole_line)
		return regexec(&g->re, line, 0, NULL, 0) == 0;
	return regexec(&g->re, line, 1, &m, 0) == 0 && m.rm_so == 0 &&
	       (size_t)m.rm_eo == strlen(line);
}

/* Returns how many lines were selected. */
static long long grep_file(const struct grep *g, FILE *f, const char *name)
{
	char *buf = NULL;
	size_t cap = 0;
	long long lineno = 0, selected = 0;
	bool nl;

	while (read_line(f, &buf, &cap, &nl) >= 0) {
		lineno++;
		if (line_matches(g, buf) == g->invert)
			continue;
		selected++;
		if (g->quiet || g->list)
			break;
		if (g->count)
			continue;
		if (g->names)
			printf("%s:", name);
		if (g->number)
			printf("%lld:", lineno);
		printf("%s\n", buf);
	}
	free(buf);
	if (g->count)
		printf("%s%s%lld\n", g->names ? name : "", g->names ? ":" : "", selected);
	if (g->list && selected)
		printf("%s\n", name);
	return selected;
}

APPLET(grep)
{
	struct grep g = { 0 };
	bool extended = false, no_messages = false;
	int opt, status = 1, err;

	while ((opt = opt_next(argc, argv, "FEGivcnqxlse:")) != -1) {
		switch (opt) {
		case 'F': g.fixed = true; break;
		case 'E': extended = true; break;
		case 'G': extended = false; break;
		case 'i': g.icase = true; break;
		case 'v': g.invert = true; break;
		case 'c': g.count = true; break;
		case 'n': g.number = true; break;
		case 'q': g.quiet = true; break;
		case 'x': g.whole_line = true; break;
		case 'l': g.list = true; break;
		case 's': no_messages = true; break;
		case 'e': g.pattern = opt_arg; break;
		default: usage("[-FEivcnqxls] PATTERN [FILE...]");
		}
	}
	if (!g.pattern) {
		if (opt_ind == argc)
			usage("[-FEivcnqxls] PATTERN [FILE...]");
		g.pattern = argv[opt_ind++];
	}
	if (!g.fixed) {
		err = regcomp(&g.re, g.pattern, (extended ? REG_EXTENDED : 0) |
			      (g.icase ? REG_ICASE : 0) | (g.whole_line ? 0 : REG_NOSUB));
		if (err) {
			char msg[128];

			regerror(err, &g.re, msg, sizeof(msg));
			die(2, "%s: %s", g.pattern, msg);
		}
	}
	g.names = argc - opt_ind > 1;
	for (int i = opt_ind; i < argc || (i == opt_ind && opt_ind == argc); i++) {
		const char *name = i < argc ? argv[i] : "-";
		FILE *f = strcmp(name, "-") ? fopen(name, "r") : stdin;

		if (!f) {
			if (!no_messages)
				warn_errno(name);
			status = 2;
			continue;
		}
		if (grep_file(&g, f, i < argc ? name : "(standard input)") && status == 1)
			status = 0;
		close_input(f);
		if (g.quiet && status == 0)
			break;
	}
	if (!g.fixed)
		regfree(&g.re);
	return status;
}
