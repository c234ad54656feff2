// SPDX-License-Identifier: MIT
/*
 * Pathname expansion: a pattern split at '/', each component with * ? [
 * matched by fnmatch against a directory's entries (names starting with
 * '.' only by a pattern starting with '.'), the other components taken
 * as they are and checked to exist at the end.
 */
#include <dirent.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "sh.h"

static bool component_has_glob(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (s[i] == '\\' && i + 1 < len)
			i++;
		else if (strchr("*?[", s[i]))
			return true;
	}
	return false;
}

/* Appends len bytes of a literal component, removing the escapes. */
static char *append(const char *path, const char *s, size_t len, bool unescape)
{
	size_t plen = strlen(path);
	char *r = malloc(plen + len + 2), *q;
	size_t i;

	if (!r)
		abort();
	memcpy(r, path, plen);
	q = r + plen;
	for (i = 0; i < len; i++) {
		if (unescape && s[i] == '\\' && i + 1 < len)
			i++;
		*q++ = s[i];
	}
	*q = '\0';
	return r;
}

/* path: what is matched so far (with its trailing '/'); pat: the rest. */
static void walk(const char *path, const char *pat, struct strv *out)
{
	const char *slash = strchr(pat, '/');
	size_t len = slash ? (size_t)(slash - pat) : strlen(pat);
	struct dirent *d;
	char *comp;
	DIR *dir;

	if (!component_has_glob(pat, len)) {
		char *next = append(path, pat, slash ? len + 1 : len, true);
		struct stat st;

		if (slash && slash[1])
			walk(next, slash + 1, out);
		else if (!lstat(next, &st))
			strv_push(out, next), next = NULL;
		free(next);
		return;
	}
	dir = opendir(*path ? path : ".");
	if (!dir)
		return;
	comp = strndup(pat, len);
	while ((d = readdir(dir))) {
		if (d->d_name[0] == '.' && comp[0] != '.')
			continue;
		if (fnmatch(comp, d->d_name, FNM_PERIOD))
			continue;
		if (slash && slash[1]) {
			char *next = append(path, d->d_name, strlen(d->d_name), false);
			char *with = append(next, "/", 1, false);

			walk(with, slash + 1, out);
			free(next);
			free(with);
		} else {
			strv_push(out, append(path, d->d_name, strlen(d->d_name), false));
		}
	}
	closedir(dir);
	free(comp);
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int glob_expand(const char *pattern, struct strv *out)
{
	int first = out->n;

	if (pattern[0] == '/')
		walk("/", pattern + 1, out);
	else
		walk("", pattern, out);
	if (out->n > first)
		qsort(out->v + first, (size_t)(out->n - first), sizeof(char *), cmp);
	return out->n - first;
}
