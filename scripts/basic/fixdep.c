// SPDX-License-Identifier: MIT
/*
 * fixdep: turn gcc's dependency file into a Kbuild .cmd file.
 *
 * Usage: fixdep <depfile> <target> <command>
 *
 * Every object depends on include/generated/autoconf.h, so with gcc's plain
 * dependencies toggling any option would rebuild everything.  Instead, drop
 * that dependency and, for each CONFIG_FOO_BAR a prerequisite mentions, add
 * $(wildcard $(objtree)/include/config/foo/bar.h): the per-symbol stamp file
 * that Kconfiglib's sync_deps() touches when the symbol's value changes.
 * Toggling one option then rebuilds only the objects that mention it.
 *
 * Output (read back by make):
 *   savedcmd_<target> := <command>
 *   deps_<target> := <source and headers> $(wildcard <stamps>)
 *   <target>: $(deps_<target>)
 *   $(deps_<target>):
 * The last line keeps a deleted header from breaking the next build.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_SYMS 4096

static char *seen[MAX_SYMS];
static int nr_seen;

static void *xmalloc(size_t n)
{
	void *p = malloc(n);

	if (!p) {
		perror("fixdep");
		exit(2);
	}
	return p;
}

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) || (n = ftell(f)) < 0 || fseek(f, 0, SEEK_SET)) {
		fclose(f);
		return NULL;
	}
	buf = xmalloc((size_t)n + 1);
	if (fread(buf, 1, (size_t)n, f) != (size_t)n) {
		fclose(f);
		free(buf);
		return NULL;
	}
	fclose(f);
	buf[n] = '\0';
	*len = (size_t)n;
	return buf;
}

static int is_ident(int c)
{
	return isalnum(c) || c == '_';
}

/* Emit a stamp dependency for CONFIG_<name>, once per symbol. */
static void use_symbol(const char *name, size_t len)
{
	char *sym;
	int i;

	for (i = 0; i < nr_seen; i++)
		if (strlen(seen[i]) == len && !memcmp(seen[i], name, len))
			return;
	if (nr_seen == MAX_SYMS) {
		fprintf(stderr, "fixdep: more than %d CONFIG_ symbols\n", MAX_SYMS);
		exit(2);
	}
	sym = xmalloc(len + 1);
	memcpy(sym, name, len);
	sym[len] = '\0';
	seen[nr_seen++] = sym;

	/* CONFIG_FOO_BAR -> include/config/foo/bar.h (Kconfiglib's layout) */
	printf("    $(wildcard $(objtree)/include/config/");
	for (i = 0; i < (int)len; i++)
		putchar(sym[i] == '_' ? '/' : tolower((unsigned char)sym[i]));
	printf(".h) \\\n");
}

/* Find every CONFIG_<ident> in a file that is not part of a longer name. */
static void scan_file(const char *path)
{
	size_t len, i;
	char *buf = read_file(path, &len);

	if (!buf) {
		fprintf(stderr, "fixdep: cannot read %s\n", path);
		exit(2);
	}
	for (i = 0; i + 7 < len; i++) {
		size_t start, end;

		if (memcmp(buf + i, "CONFIG_", 7) || (i > 0 && is_ident(buf[i - 1])))
			continue;
		start = i + 7;
		for (end = start; end < len && is_ident(buf[end]); end++)
			;
		if (end > start)
			use_symbol(buf + start, end - start);
		i = end - 1;
	}
	free(buf);
}

static int ignored(const char *path)
{
	static const char *const skip[] = {
		"include/generated/autoconf.h",
		"include/config/auto.conf",
		"include/tern/kconfig.h",
	};
	size_t n = strlen(path);
	unsigned int i;

	for (i = 0; i < sizeof(skip) / sizeof(skip[0]); i++) {
		size_t m = strlen(skip[i]);

		if (n >= m && !strcmp(path + n - m, skip[i]))
			return 1;
	}
	return 0;
}

/*
 * gcc writes "target: dep dep \<newline> dep ...".  Split on blanks and
 * backslash-newlines; skip the target (the word ending in ':').
 */
static void parse_depfile(char *buf, const char *target)
{
	char *p = buf;
	int first = 1;

	printf("deps_%s := \\\n", target);
	while (*p) {
		char *word;

		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
		       (*p == '\\' && (p[1] == '\n' || p[1] == '\r')))
			p++;
		if (!*p)
			break;
		word = p;
		while (*p && *p != ' ' && *p != '\t' && *p != '\n' && *p != '\r')
			p++;
		if (*p)
			*p++ = '\0';
		if (first) {
			first = 0;	/* the "target:" word */
			continue;
		}
		if (!strcmp(word, "\\") || ignored(word))
			continue;
		printf("  %s \\\n", word);
		scan_file(word);
	}
	printf("\n%s: $(deps_%s)\n\n$(deps_%s):\n", target, target, target);
}

int main(int argc, char **argv)
{
	size_t len;
	char *buf;

	if (argc != 4) {
		fprintf(stderr, "Usage: fixdep <depfile> <target> <command>\n");
		return 2;
	}
	buf = read_file(argv[1], &len);
	if (!buf) {
		fprintf(stderr, "fixdep: cannot read depfile %s\n", argv[1]);
		return 2;
	}
	printf("savedcmd_%s := %s\n\n", argv[2], argv[3]);
	parse_depfile(buf, argv[2]);
	free(buf);
	return 0;
}
