// SPDX-License-Identifier: MIT
/* cat, head, tail, wc: whole files and their ends. */
#include "box.h"
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

APPLET(cat)
{
	int status = 0, opt;

	while ((opt = opt_next(argc, argv, "u")) != -1)
		if (opt != 'u')
			usage("[-u] [FILE...]");
	fflush(stdout);
	if (opt_ind == argc && copy_fd(0, 1) < 0) {
		warn_errno("-");
		return 1;
	}
	for (int i = opt_ind; i < argc; i++) {
		int fd = strcmp(argv[i], "-") ? open(argv[i], O_RDONLY) : 0;

		if (fd < 0 || copy_fd(fd, 1) < 0) {
			warn_errno(argv[i]);
			status = 1;
		}
		if (fd > 0)
			close(fd);
	}
	return status;
}

/* "-5" as "-n 5", for head and tail. */
static const char *old_style_count(int *argc, char ***argv)
{
	char *a = *argc > 1 ? (*argv)[1] : NULL;

	if (a && a[0] == '-' && a[1] >= '0' && a[1] <= '9') {
		(*argv)[1] = (*argv)[0];
		(*argc)--;
		(*argv)++;
		return a + 1;
	}
	return NULL;
}

static long long count_arg(const char *s, bool *from_start)
{
	long long n;

	if (from_start)
		*from_start = *s == '+';
	if ((*s == '+' || *s == '-') && s[1])
		s++;
	if (!parse_ll(s, &n) || n < 0)
		die(1, "invalid number of lines: '%s'", s);
	return n;
}

static void header(int nfiles, const char *name, bool *first)
{
	if (nfiles > 1)
		printf("%s==> %s <==\n", *first ? "" : "\n", name);
	*first = false;
}

APPLET(head)
{
	const char *count = old_style_count(&argc, &argv);
	long long lines = count ? count_arg(count, NULL) : 10, bytes = -1;
	int opt, status = 0;
	bool first = true;

	while ((opt = opt_next(argc, argv, "n:c:")) != -1) {
		if (opt == 'n')
			lines = count_arg(opt_arg, NULL);
		else if (opt == 'c')
			bytes = count_arg(opt_arg, NULL);
		else
			usage("[-n LINES | -c BYTES] [FILE...]");
	}
	int nfiles = argc - opt_ind;

	for (int i = opt_ind; i < argc || (i == opt_ind && !nfiles); i++) {
		const char *name = nfiles ? argv[i] : "-";
		FILE *f = open_input(name);
		long long left = bytes >= 0 ? bytes : lines;
		int c;

		if (!f) {
			status = 1;
			continue;
		}
		header(nfiles, nfiles ? name : "standard input", &first);
		while (left > 0 && (c = getc(f)) != EOF) {
			putchar(c);
			if (bytes >= 0 || c == '\n')
				left--;
		}
		close_input(f);
	}
	return status;
}

/* The last n lines of f (or from line n on when from_start). */
static void tail_file(FILE *f, long long n, bool from_start)
{
	char *buf = NULL, **ring;
	size_t cap = 0;
	ssize_t len;
	long long seen = 0;
	bool nl = true, last_nl = true;

	if (from_start) {
		while ((len = read_line(f, &buf, &cap, &nl)) >= 0)
			if (++seen >= n)
				printf("%s%s", buf, nl ? "\n" : "");
		free(buf);
		return;
	}
	if (n == 0)
		return;
	ring = calloc((size_t)n, sizeof(*ring));
	if (!ring)
		die(1, "out of memory");
	while ((len = read_line(f, &buf, &cap, &nl)) >= 0) {
		free(ring[seen % n]);
		ring[seen % n] = xstrdup(buf);
		last_nl = nl;
		seen++;
	}
	for (long long i = seen > n ? seen - n : 0; i < seen; i++) {
		printf("%s%s", ring[i % n], i + 1 < seen || last_nl ? "\n" : "");
		free(ring[i % n]);
	}
	free(ring);
	free(buf);
}

APPLET(tail)
{
	const char *count = old_style_count(&argc, &argv);
	bool from_start = false, first = true;
	long long lines = count ? count_arg(count, &from_start) : 10;
	int opt, status = 0;

	while ((opt = opt_next(argc, argv, "n:")) != -1) {
		if (opt != 'n')
			usage("[-n [+]LINES] [FILE...]");
		lines = count_arg(opt_arg, &from_start);
	}
	int nfiles = argc - opt_ind;

	for (int i = opt_ind; i < argc || (i == opt_ind && !nfiles); i++) {
		const char *name = nfiles ? argv[i] : "-";
		FILE *f = open_input(name);

		if (!f) {
			status = 1;
			continue;
		}
		header(nfiles, nfiles ? name : "standard input", &first);
		tail_file(f, lines, from_start);
		close_input(f);
	}
	return status;
}

struct wc_counts {
	unsigned long long lines, words, bytes;
};

static int wc_count(const char *name, struct wc_counts *c)
{
	FILE *f = open_input(name);
	bool in_word = false;
	int ch;

	if (!f)
		return 1;
	while ((ch = getc(f)) != EOF) {
		c->bytes++;
		if (ch == '\n')
			c->lines++;
		if (ch == ' ' || (ch >= '\t' && ch <= '\r')) {
			in_word = false;
		} else if (!in_word) {
			in_word = true;
			c->words++;
		}
	}
	if (ferror(f)) {
		warn_errno(name);
		close_input(f);
		return 1;
	}
	close_input(f);
	return 0;
}

static void wc_print(const struct wc_counts *c, const char *what, int width, const char *name)
{
	const char *sep = "";

	if (strchr(what, 'l')) {
		printf("%*llu", width, c->lines);
		sep = " ";
	}
	if (strchr(what, 'w')) {
		printf("%s%*llu", sep, width, c->words);
		sep = " ";
	}
	if (strchr(what, 'c'))
		printf("%s%*llu", sep, width, c->bytes);
	printf("%s%s\n", name ? " " : "", name ? name : "");
}

/* coreutils' width: the digits of the files' total size, 7 for pipes. */
static int wc_width(int nfiles, char **names, const char *what)
{
	unsigned long long total = 0;
	int width = 1, min = 1;
	struct stat st;

	if (strlen(what) == 1 && nfiles <= 1)
		return 1;
	for (int i = 0; i < nfiles || (i == 0 && !nfiles); i++) {
		const char *n = nfiles ? names[i] : "-";
		int r = strcmp(n, "-") ? stat(n, &st) : fstat(0, &st);

		if (r == 0 && S_ISREG(st.st_mode))
			total += (unsigned long long)st.st_size;
		else
			min = 7;
	}
	for (; total >= 10; total /= 10)
		width++;
	return width < min ? min : width;
}

APPLET(wc)
{
	char what[4] = "", *w = what;
	struct wc_counts total = { 0 };
	int opt, status = 0, width;

	while ((opt = opt_next(argc, argv, "lwc")) != -1) {
		if (!strchr("lwc", opt))
			usage("[-lwc] [FILE...]");
		if (!strchr(what, opt))
			*w++ = (char)opt;
	}
	if (!what[0])
		strcpy(what, "lwc");
	int nfiles = argc - opt_ind;

	width = wc_width(nfiles, argv + opt_ind, what);
	for (int i = 0; i < nfiles || (i == 0 && !nfiles); i++) {
		struct wc_counts c = { 0 };

		if (wc_count(nfiles ? argv[opt_ind + i] : "-", &c)) {
			status = 1;
			continue;
		}
		wc_print(&c, what, width, nfiles ? argv[opt_ind + i] : NULL);
		total.lines += c.lines;
		total.words += c.words;
		total.bytes += c.bytes;
	}
	if (nfiles > 1)
		wc_print(&total, what, width, "total");
	return status;
}
