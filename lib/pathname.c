// SPDX-License-Identifier: MIT
/* Path components, for the path walk (include/tern/pathname.h). */
#include <tern/errno.h>
#include <tern/pathname.h>
#include <tern/string.h>
#include <uapi/linux/limits.h>

int path_next_component(const char **p, const char **name, size_t *len, unsigned int *how)
{
	const char *s = *p, *e;

	while (*s == '/')
		s++;
	if (!*s) {
		*p = s;
		return 0;
	}
	for (e = s; *e && *e != '/'; e++)
		;
	*name = s;
	*len = (size_t)(e - s);
	*how = 0;
	if (*e == '/')
		*how |= PATH_TRAILING_SLASH;
	while (*e == '/')
		e++;
	if (!*e)
		*how |= PATH_LAST;
	else
		*how &= ~PATH_TRAILING_SLASH;
	*p = e;
	return *len > NAME_MAX ? -ENAMETOOLONG : 1;
}

long path_checked_len(const char *path, bool empty_ok)
{
	size_t n = strnlen(path, PATH_MAX);

	if (n == PATH_MAX)
		return -ENAMETOOLONG;
	if (!n && !empty_ok)
		return -ENOENT;
	return (long)n;
}
