/* SPDX-License-Identifier: MIT */
/*
 * Splitting a path into its components (lib/pathname.c): pure logic,
 * shared by the path walk (fs/namei.c) and the host tests.
 *
 *	const char *p = "a//b/", *name;
 *	size_t len;
 *	unsigned int how;
 *	while ((r = path_next_component(&p, &name, &len, &how)) > 0)
 *		...	"a" (how 0), then "b" (PATH_LAST | PATH_TRAILING_SLASH)
 */
#ifndef TERN_PATHNAME_H
#define TERN_PATHNAME_H

#include <tern/types.h>

#define PATH_LAST		(1u << 0)	/* only slashes follow */
#define PATH_TRAILING_SLASH	(1u << 1)	/* ... and at least one does */

/*
 * The next component at or after *p (slashes skipped): sets *name, *len
 * and *how and moves *p past it.  1 with a component, 0 when only slashes
 * or nothing was left, -ENAMETOOLONG for a component over NAME_MAX bytes.
 */
int path_next_component(const char **p, const char **name, size_t *len, unsigned int *how);

static inline bool path_is_dot(const char *name, size_t len)
{
	return len == 1 && name[0] == '.';
}

static inline bool path_is_dotdot(const char *name, size_t len)
{
	return len == 2 && name[0] == '.' && name[1] == '.';
}

/*
 * The length of a kernel path string: -ENAMETOOLONG if it has no NUL in
 * PATH_MAX bytes, -ENOENT if empty and !empty_ok.
 */
long path_checked_len(const char *path, bool empty_ok);

#endif
