// SPDX-License-Identifier: MIT
/* mkdir, rmdir, rm, touch, ln: names in directories. */
#include "box.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* mkdir -p: every missing component; existing directories are fine. */
static int make_parents(char *path, mode_t mode)
{
	struct stat st;

	for (char *p = path + 1;; p++) {
		if (*p && *p != '/')
			continue;
		char saved = *p;

		*p = '\0';
		if (mkdir(path, mode) < 0 && (errno != EEXIST || stat(path, &st) < 0 ||
					      !S_ISDIR(st.st_mode))) {
			if (errno == EEXIST)
				errno = ENOTDIR;
			*p = saved;
			return -1;
		}
		*p = saved;
		if (!saved)
			return 0;
	}
}

APPLET(mkdir)
{
	bool parents = false;
	int opt, status = 0;

	while ((opt = opt_next(argc, argv, "p")) != -1) {
		if (opt != 'p')
			usage("[-p] DIR...");
		parents = true;
	}
	if (opt_ind == argc)
		usage("[-p] DIR...");
	for (int i = opt_ind; i < argc; i++) {
		if ((parents ? make_parents(argv[i], 0777) : mkdir(argv[i], 0777)) < 0) {
			fflush(stdout);
			fprintf(stderr, "mkdir: cannot create directory '%s': %s\n", argv[i],
				strerror(errno));
			status = 1;
		}
	}
	return status;
}

APPLET(rmdir)
{
	bool parents = false;
	int opt, status = 0;

	while ((opt = opt_next(argc, argv, "p")) != -1) {
		if (opt != 'p')
			usage("[-p] DIR...");
		parents = true;
	}
	for (int i = opt_ind; i < argc; i++) {
		char *path = argv[i], *slash;

		for (;;) {
			if (rmdir(path) < 0) {
				warn_errno(path);
				status = 1;
				break;
			}
			if (!parents || !(slash = strrchr(path, '/')) || slash == path)
				break;
			*slash = '\0';
		}
	}
	return status;
}

struct rm_opts {
	bool recursive, force;
};

static int remove_path(const char *path, const struct rm_opts *o)
{
	struct stat st;
	int status = 0;

	if (lstat(path, &st) < 0) {
		if (o->force && errno == ENOENT)
			return 0;
		warn_errno(path);
		return 1;
	}
	if (!S_ISDIR(st.st_mode)) {
		if (unlink(path) == 0)
			return 0;
		warn_errno(path);
		return 1;
	}
	if (!o->recursive) {
		warnx("cannot remove '%s': Is a directory", path);
		return 1;
	}
	DIR *d = opendir(path);
	struct dirent *e;

	if (!d) {
		warn_errno(path);
		return 1;
	}
	while ((e = readdir(d))) {
		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		char *child = path_join(path, e->d_name);

		status |= remove_path(child, o);
		free(child);
	}
	closedir(d);
	if (rmdir(path) < 0) {
		warn_errno(path);
		status = 1;
	}
	return status;
}

APPLET(rm)
{
	struct rm_opts o = { false, false };
	int opt, status = 0;

	while ((opt = opt_next(argc, argv, "rRf")) != -1) {
		if (opt == 'f')
			o.force = true;
		else if (opt == 'r' || opt == 'R')
			o.recursive = true;
		else
			usage("[-rf] FILE...");
	}
	if (opt_ind == argc && !o.force)
		usage("[-rf] FILE...");
	for (int i = opt_ind; i < argc; i++)
		status |= remove_path(argv[i], &o);
	return status;
}

/*
 * touch: creates missing files; for an existing one, truncating it to
 * its own size makes the kernel stamp it with the current time (there
 * is no utimensat in Tern's C library, so -d/-t/-r are not offered).
 */
APPLET(touch)
{
	bool no_create = false;
	int opt, status = 0;

	while ((opt = opt_next(argc, argv, "c")) != -1) {
		if (opt != 'c')
			usage("[-c] FILE...");
		no_create = true;
	}
	if (opt_ind == argc)
		usage("[-c] FILE...");
	for (int i = opt_ind; i < argc; i++) {
		struct stat st;
		int fd;

		if (stat(argv[i], &st) == 0 && S_ISDIR(st.st_mode))
			continue;	/* nothing to stamp without utimensat */
		fd = open(argv[i], O_WRONLY | (no_create ? 0 : O_CREAT), 0666);
		if (fd < 0) {
			if (!(no_create && errno == ENOENT)) {
				warn_errno(argv[i]);
				status = 1;
			}
			continue;
		}
		if (fstat(fd, &st) == 0 && ftruncate(fd, st.st_size) < 0) {
			warn_errno(argv[i]);
			status = 1;
		}
		close(fd);
	}
	return status;
}

char *target_path(const char *src, const char *dest, bool follow_dest)
{
	struct stat st;
	int r = follow_dest ? stat(dest, &st) : lstat(dest, &st);

	if (r == 0 && S_ISDIR(st.st_mode)) {
		char *copy = xstrdup(base_name(src)), *p = copy + strlen(copy);

		while (p > copy + 1 && p[-1] == '/')
			*--p = '\0';
		char *path = path_join(dest, copy);

		free(copy);
		return path;
	}
	return xstrdup(dest);
}

APPLET(ln)
{
	bool sym = false, force = false;
	int opt, status = 0;

	while ((opt = opt_next(argc, argv, "sf")) != -1) {
		if (opt == 's')
			sym = true;
		else if (opt == 'f')
			force = true;
		else
			usage("[-sf] TARGET LINK | TARGET... DIR");
	}
	int n = argc - opt_ind;

	if (n < 1)
		usage("[-sf] TARGET LINK | TARGET... DIR");
	const char *dest = n == 1 ? "." : argv[argc - 1];

	for (int i = opt_ind; i < argc - (n > 1); i++) {
		char *path = target_path(argv[i], dest, true);

		if (force)
			unlink(path);
		if ((sym ? symlink(argv[i], path) : link(argv[i], path)) < 0) {
			warn_errno(path);
			status = 1;
		}
		free(path);
	}
	return status;
}
