// SPDX-License-Identifier: MIT
/* cp (-r) and mv (rename, or copy and remove across filesystems). */
#include "box.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int copy_file(const char *src, const char *dest, mode_t mode)
{
	int in = open(src, O_RDONLY), out, status = 0;

	if (in < 0) {
		warn_errno(src);
		return 1;
	}
	out = open(dest, O_WRONLY | O_CREAT | O_TRUNC, mode & 07777);
	if (out < 0) {
		warn_errno(dest);
		close(in);
		return 1;
	}
	if (copy_fd(in, out) < 0) {
		warn_errno(dest);
		status = 1;
	}
	close(in);
	if (close(out) < 0 && !status) {
		warn_errno(dest);
		status = 1;
	}
	return status;
}

static int copy_link(const char *src, const char *dest)
{
	static char target[PATH_MAX];	/* static: small stacks without an MMU */
	ssize_t n = readlink(src, target, sizeof(target) - 1);

	if (n < 0) {
		warn_errno(src);
		return 1;
	}
	target[n] = '\0';
	unlink(dest);
	if (symlink(target, dest) < 0) {
		warn_errno(dest);
		return 1;
	}
	return 0;
}

static int copy_dir(const char *src, const char *dest, mode_t mode)
{
	struct dirent *e;
	int status = 0;
	DIR *d;

	if (mkdir(dest, (mode & 07777) | 0700) < 0 && errno != EEXIST) {
		warn_errno(dest);
		return 1;
	}
	d = opendir(src);
	if (!d) {
		warn_errno(src);
		return 1;
	}
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char *s = path_join(src, e->d_name), *t = path_join(dest, e->d_name);

		status |= copy_tree(s, t, true);
		free(s);
		free(t);
	}
	closedir(d);
	chmod(dest, mode & 07777);
	return status;
}

int copy_tree(const char *src, const char *dest, bool recursive)
{
	struct stat st;

	if ((recursive ? lstat(src, &st) : stat(src, &st)) < 0) {
		warn_errno(src);
		return 1;
	}
	if (S_ISLNK(st.st_mode))
		return copy_link(src, dest);
	if (S_ISDIR(st.st_mode)) {
		if (!recursive) {
			warnx("-r not specified; omitting directory '%s'", src);
			return 1;
		}
		return copy_dir(src, dest, st.st_mode);
	}
	return copy_file(src, dest, st.st_mode);
}

/* Refuses to copy or move a directory into itself. */
static bool inside(const char *src, const char *dest)
{
	size_t n = strlen(src);

	while (n > 1 && src[n - 1] == '/')
		n--;
	return !strncmp(src, dest, n) && dest[n] == '/';
}

static int cp_or_mv(int argc, char **argv, bool move, bool recursive)
{
	int n = argc - opt_ind, status = 0;
	struct stat st;

	if (n < 2)
		usage(move ? "SOURCE DEST | SOURCE... DIR" : "[-r] SOURCE DEST | SOURCE... DIR");
	const char *dest = argv[argc - 1];

	if (n > 2 && (stat(dest, &st) < 0 || !S_ISDIR(st.st_mode))) {
		warnx("target '%s' is not a directory", dest);
		return 1;
	}
	for (int i = opt_ind; i < argc - 1; i++) {
		char *path = target_path(argv[i], dest, true);

		if (inside(argv[i], path)) {
			warnx("cannot copy '%s' into itself", argv[i]);
			status = 1;
		} else if (!move) {
			status |= copy_tree(argv[i], path, recursive);
		} else if (rename(argv[i], path) < 0) {
			if (errno != EXDEV) {
				warn_errno(argv[i]);
				status = 1;
			} else if (copy_tree(argv[i], path, true) == 0) {
				char *rm_argv[] = { "rm", "-rf", "--", argv[i], NULL };

				opt_reset();
				status |= box_rm(4, rm_argv);
			} else {
				status = 1;
			}
		}
		free(path);
	}
	return status;
}

APPLET(cp)
{
	bool recursive = false;
	int opt;

	while ((opt = opt_next(argc, argv, "rRf")) != -1) {
		if (opt == 'r' || opt == 'R')
			recursive = true;
		else if (opt != 'f')
			usage("[-r] SOURCE DEST | SOURCE... DIR");
	}
	return cp_or_mv(argc, argv, false, recursive);
}

APPLET(mv)
{
	int opt;

	while ((opt = opt_next(argc, argv, "f")) != -1)
		if (opt != 'f')
			usage("SOURCE DEST | SOURCE... DIR");
	return cp_or_mv(argc, argv, true, true);
}
