// SPDX-License-Identifier: MIT
/*
 * Host tests for lib/pathname.c, the component splitter of the path
 * walk: slash runs, trailing slashes, the NAME_MAX and PATH_MAX limits,
 * and random paths against a simple model that splits with a loop over
 * the characters.
 */
#include "harness.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <tern/errno.h>
#include <tern/pathname.h>
#include <uapi/linux/limits.h>

/* Splits path into "name/how" words joined by spaces, or "ERR". */
static void split(const char *path, char *out, size_t size)
{
	const char *p = path, *name;
	size_t len, used = 0;
	unsigned int how;
	int r;

	out[0] = '\0';
	while ((r = path_next_component(&p, &name, &len, &how)) > 0)
		used += (size_t)snprintf(out + used, size - used, "%s%.*s/%u",
					 used ? " " : "", (int)len, name, how);
	if (r < 0)
		snprintf(out, size, "ERR%d", r);
}

TEST(splits_on_slash_runs)
{
	char out[256];

	split("a//b/c", out, sizeof(out));
	EXPECT_STREQ(out, "a/0 b/0 c/1");
	split("/usr/bin/", out, sizeof(out));
	EXPECT_STREQ(out, "usr/0 bin/3");
	split("///", out, sizeof(out));
	EXPECT_STREQ(out, "");
	split("", out, sizeof(out));
	EXPECT_STREQ(out, "");
	split("./..//x//", out, sizeof(out));
	EXPECT_STREQ(out, "./0 ../0 x/3");
}

TEST(dots_are_recognised_exactly)
{
	EXPECT(path_is_dot(".", 1));
	EXPECT(!path_is_dot("..", 2));
	EXPECT(!path_is_dot(".a", 2));
	EXPECT(path_is_dotdot("..", 2));
	EXPECT(!path_is_dotdot("...", 3));
	EXPECT(!path_is_dotdot(".", 1));
}

TEST(name_max_is_the_longest_component)
{
	char path[NAME_MAX + 8], out[NAME_MAX + 64];

	memset(path, 'n', NAME_MAX);
	path[NAME_MAX] = '\0';
	split(path, out, sizeof(out));
	EXPECT_EQ(strlen(out), NAME_MAX + 2);		/* "nnn.../1" */
	path[NAME_MAX] = 'n';
	path[NAME_MAX + 1] = '\0';
	split(path, out, sizeof(out));
	EXPECT_STREQ(out, "ERR-36");			/* -ENAMETOOLONG */
}

TEST(path_max_counts_the_nul)
{
	static char path[PATH_MAX + 1];

	memset(path, 'a', PATH_MAX);
	path[PATH_MAX - 1] = '\0';			/* 4095 bytes + NUL: fits */
	EXPECT_EQ(path_checked_len(path, false), PATH_MAX - 1);
	path[PATH_MAX - 1] = 'a';			/* no NUL in 4096 bytes */
	EXPECT_EQ(path_checked_len(path, false), (unsigned long long)-ENAMETOOLONG);
	EXPECT_EQ(path_checked_len("", false), (unsigned long long)-ENOENT);
	EXPECT_EQ(path_checked_len("", true), 0);
}

/* The model: components are the maximal runs of non-slash characters. */
static void model_split(const char *path, char *out, size_t size)
{
	size_t used = 0, i = 0, n = strlen(path);

	out[0] = '\0';
	while (i < n) {
		size_t s, e, j;
		unsigned int how = 0;

		while (i < n && path[i] == '/')
			i++;
		if (i == n)
			break;
		for (s = i; i < n && path[i] != '/'; i++)
			;
		e = i;
		for (j = e; j < n && path[j] == '/'; j++)
			;
		if (j == n)
			how = 1u | (e < n ? 2u : 0u);
		used += (size_t)snprintf(out + used, size - used, "%s%.*s/%u", used ? " " : "",
					 (int)(e - s), path + s, how);
	}
}

TEST(random_paths_match_the_model)
{
	static const char *const parts[] = { "a", "bc", ".", "..", "/", "//", "x.y", "..." };
	char path[128], got[512], want[512];
	unsigned int round, k;

	srand(12);
	for (round = 0; round < 20000; round++) {
		size_t used = 0;

		path[0] = '\0';
		for (k = (unsigned int)rand() % 10; k; k--) {
			const char *p = parts[rand() % 8];

			if (used + strlen(p) + 1 >= sizeof(path))
				break;
			strcpy(path + used, p);
			used += strlen(p);
		}
		split(path, got, sizeof(got));
		model_split(path, want, sizeof(want));
		if (strcmp(got, want)) {
			FAIL("\"%s\": got \"%s\", want \"%s\"", path, got, want);
			return;
		}
	}
}

TEST_MAIN()
