// SPDX-License-Identifier: MIT
/*
 * ls: -l (mode, links, owner, group, size, time, name -> target),
 * -a (dot files), -1 (one per line), -d (directories as themselves).
 * Names are sorted bytewise; columns on a terminal, one per line else.
 */
#include "box.h"
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct ls_opts {
	bool longfmt, all, one, dirs_as_files;
	int width;		/* terminal width, 0 when not a terminal */
};

struct entry {
	char *name, *path;
	struct stat st;
};

static void mode_string(mode_t m, char out[11])
{
	static const char rwx[] = "rwxrwxrwx";

	out[0] = S_ISDIR(m) ? 'd' : S_ISLNK(m) ? 'l' : S_ISCHR(m) ? 'c' : S_ISBLK(m) ? 'b' :
		 S_ISFIFO(m) ? 'p' : S_ISSOCK(m) ? 's' : '-';
	for (int i = 0; i < 9; i++)
		out[i + 1] = m & (0400 >> i) ? rwx[i] : '-';
	if (m & S_ISUID)
		out[3] = out[3] == 'x' ? 's' : 'S';
	if (m & S_ISGID)
		out[6] = out[6] == 'x' ? 's' : 'S';
	if (m & S_ISVTX)
		out[9] = out[9] == 'x' ? 't' : 'T';
	out[10] = '\0';
}

static void print_long(const struct entry *e)
{
	static char target[PATH_MAX];	/* static: small stacks without an MMU */
	char mode[11], when[32];
	time_t mtime = e->st.st_mtime;
	struct tm *tm = localtime(&mtime);
	ssize_t n;

	mode_string(e->st.st_mode, mode);
	if (!tm || !strftime(when, sizeof(when), "%b %e %H:%M", tm))
		strcpy(when, "?");
	printf("%s %2lu %-4lu %-4lu ", mode, (unsigned long)e->st.st_nlink,
	       (unsigned long)e->st.st_uid, (unsigned long)e->st.st_gid);
	if (S_ISCHR(e->st.st_mode) || S_ISBLK(e->st.st_mode))
		printf("%3lu, %3lu", (unsigned long)(e->st.st_rdev >> 8) & 0xfff,
		       (unsigned long)(e->st.st_rdev & 0xff));
	else
		printf("%8lld", (long long)e->st.st_size);
	printf(" %s %s", when, e->name);
	if (S_ISLNK(e->st.st_mode) && (n = readlink(e->path, target, sizeof(target) - 1)) >= 0) {
		target[n] = '\0';
		printf(" -> %s", target);
	}
	putchar('\n');
}

/* Column-major columns as wide as the longest name plus two. */
static void print_columns(struct entry *e, size_t n, const struct ls_opts *o)
{
	size_t w = 1, cols, rows;

	for (size_t i = 0; i < n; i++)
		if (strlen(e[i].name) + 2 > w)
			w = strlen(e[i].name) + 2;
	cols = o->width && !o->one ? (size_t)o->width / w : 1;
	if (cols < 1)
		cols = 1;
	rows = (n + cols - 1) / cols;
	for (size_t r = 0; r < rows; r++) {
		for (size_t c = 0; c < cols; c++) {
			size_t i = c * rows + r;

			if (i >= n)
				break;
			bool last = c + 1 == cols || i + rows >= n;

			printf("%-*s", last ? 0 : (int)w, e[i].name);
			if (last)
				break;
		}
		putchar('\n');
	}
}

static void print_entries(struct entry *e, size_t n, const struct ls_opts *o)
{
	if (o->longfmt) {
		for (size_t i = 0; i < n; i++)
			print_long(&e[i]);
	} else if (n) {
		print_columns(e, n, o);
	}
}

static int by_name(const void *a, const void *b)
{
	return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
}

static void free_entries(struct entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(e[i].name);
		free(e[i].path);
	}
	free(e);
}

static int list_dir(const char *dir, const struct ls_opts *o)
{
	struct entry *e = NULL;
	size_t n = 0, cap = 0;
	struct dirent *d;
	int status = 0;
	DIR *dp = opendir(dir);

	if (!dp) {
		warn_errno(dir);
		return 1;
	}
	while ((d = readdir(dp))) {
		if (d->d_name[0] == '.' && !o->all)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			e = xrealloc(e, cap * sizeof(*e));
		}
		e[n].name = xstrdup(d->d_name);
		e[n].path = path_join(dir, d->d_name);
		if (lstat(e[n].path, &e[n].st) < 0) {
			warn_errno(e[n].path);
			status = 1;
			free(e[n].name);
			free(e[n].path);
			continue;
		}
		n++;
	}
	closedir(dp);
	qsort(e, n, sizeof(*e), by_name);
	if (o->longfmt) {
		unsigned long long blocks = 0;

		for (size_t i = 0; i < n; i++)
			blocks += (unsigned long long)e[i].st.st_blocks / 2;
		printf("total %llu\n", n ? blocks : 0);
	}
	print_entries(e, n, o);
	free_entries(e, n);
	return status;
}

APPLET(ls)
{
	struct ls_opts o = { 0 };
	struct entry *files;
	struct winsize ws;
	size_t nfiles = 0, ndirs = 0;
	char **dirs;
	int opt, status = 0;

	while ((opt = opt_next(argc, argv, "la1d")) != -1) {
		switch (opt) {
		case 'l': o.longfmt = true; break;
		case 'a': o.all = true; break;
		case '1': o.one = true; break;
		case 'd': o.dirs_as_files = true; break;
		default: usage("[-la1d] [FILE...]");
		}
	}
	if (isatty(1))
		o.width = ioctl(1, TIOCGWINSZ, &ws) == 0 && ws.ws_col ? ws.ws_col : 80;
	if (opt_ind == argc)
		argv[--opt_ind] = ".";
	files = xmalloc((size_t)(argc - opt_ind) * sizeof(*files));
	dirs = xmalloc((size_t)(argc - opt_ind) * sizeof(*dirs));
	for (int i = opt_ind; i < argc; i++) {
		struct entry *e = &files[nfiles];

		if (lstat(argv[i], &e->st) < 0) {
			fflush(stdout);
			fprintf(stderr, "ls: cannot access '%s': %s\n", argv[i], strerror(errno));
			status = 2;
			continue;
		}
		/* A symlink to a directory named on the command line is followed, not with -l. */
		struct stat target;
		bool is_dir = S_ISDIR(e->st.st_mode) || (S_ISLNK(e->st.st_mode) && !o.longfmt &&
				stat(argv[i], &target) == 0 && S_ISDIR(target.st_mode));

		if (is_dir && !o.dirs_as_files) {
			dirs[ndirs++] = argv[i];
			continue;
		}
		e->name = xstrdup(argv[i]);
		e->path = xstrdup(argv[i]);
		nfiles++;
	}
	qsort(files, nfiles, sizeof(*files), by_name);
	print_entries(files, nfiles, &o);
	for (size_t i = 0; i < ndirs; i++) {
		if (nfiles || ndirs > 1 || status)
			printf("%s%s:\n", nfiles || i ? "\n" : "", dirs[i]);
		status |= list_dir(dirs[i], &o) ? (status ? status : 1) : 0;
	}
	free_entries(files, nfiles);
	free(dirs);
	return status;
}
