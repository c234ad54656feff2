// SPDX-License-Identifier: MIT
/* Helpers every applet shares: messages, allocation, input, paths. */
#include "box.h"
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

const char *applet_name = "box";

void warn_errno(const char *what)
{
	int e = errno;

	fflush(stdout);
	fprintf(stderr, "%s: %s: %s\n", applet_name, what, strerror(e));
}

static void vwarn(const char *fmt, va_list ap)
{
	fflush(stdout);
	fprintf(stderr, "%s: ", applet_name);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
}

void warnx(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
}

void die(int status, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	exit(status);
}

void usage(const char *text)
{
	fprintf(stderr, "usage: %s %s\n", applet_name, text);
	exit(2);
}

/*
 * Not getopt: picolibc's (newlib's) takes a lone "-" for an option and
 * moves operands after options, and glibc's moves them too, so the
 * applets would read their arguments differently in Tern and on the
 * host where their tests are developed.
 */
int opt_ind = 1;
char *opt_arg;
static int opt_pos;	/* next option character in argv[opt_ind]; 0: none started */

void opt_reset(void)
{
	opt_ind = 1;
	opt_pos = 0;
}

int opt_next(int argc, char **argv, const char *spec)
{
	const char *arg, *hit;
	char c;

	if (opt_pos == 0) {
		if (opt_ind >= argc)
			return -1;
		arg = argv[opt_ind];
		if (arg[0] != '-' || arg[1] == '\0')
			return -1;
		if (!strcmp(arg, "--")) {
			opt_ind++;
			return -1;
		}
		opt_pos = 1;
	}
	arg = argv[opt_ind];
	c = arg[opt_pos++];
	hit = c != ':' ? strchr(spec, c) : NULL;
	if (arg[opt_pos] == '\0') {
		opt_ind++;
		opt_pos = 0;
	}
	if (!hit) {
		warnx("invalid option -- '%c'", c);
		return '?';
	}
	if (hit[1] == ':') {
		if (opt_pos) {			/* "-n5": the rest is the argument */
			opt_arg = (char *)arg + opt_pos;
			opt_ind++;
			opt_pos = 0;
		} else if (opt_ind < argc) {
			opt_arg = argv[opt_ind++];
		} else {
			warnx("option requires an argument -- '%c'", c);
			return '?';
		}
	}
	return c;
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		die(1, "out of memory");
	return p;
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die(1, "out of memory");
	return p;
}

char *xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

FILE *open_input(const char *path)
{
	FILE *f;

	if (!strcmp(path, "-"))
		return stdin;
	f = fopen(path, "r");
	if (!f)
		warn_errno(path);
	return f;
}

void close_input(FILE *f)
{
	if (f && f != stdin)
		fclose(f);
}

ssize_t read_line(FILE *f, char **buf, size_t *cap, bool *had_nl)
{
	size_t len = 0;
	int c;

	*had_nl = false;
	while ((c = getc(f)) != EOF) {
		if (len + 2 > *cap) {
			*cap = *cap ? *cap * 2 : 128;
			*buf = xrealloc(*buf, *cap);
		}
		if (c == '\n') {
			*had_nl = true;
			break;
		}
		(*buf)[len++] = (char)c;
	}
	if (c == EOF && len == 0)
		return -1;
	if (!*buf) {
		*cap = 128;
		*buf = xmalloc(*cap);
	}
	(*buf)[len] = '\0';
	return (ssize_t)len;
}

int copy_fd(int in, int out)
{
	static char buf[4096];
	ssize_t n;

	while ((n = read(in, buf, sizeof(buf))) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		for (ssize_t off = 0; off < n;) {
			ssize_t w = write(out, buf + off, (size_t)(n - off));

			if (w < 0) {
				if (errno == EINTR)
					continue;
				return -1;
			}
			off += w;
		}
	}
	return 0;
}

char *path_join(const char *dir, const char *name)
{
	size_t dl = strlen(dir), nl = strlen(name);
	char *p = xmalloc(dl + nl + 2);

	memcpy(p, dir, dl);
	if (dl && dir[dl - 1] != '/')
		p[dl++] = '/';
	memcpy(p + dl, name, nl + 1);
	return p;
}

const char *base_name(const char *path)
{
	size_t n = strlen(path);

	while (n > 1 && path[n - 1] == '/')
		n--;
	while (n > 0 && path[n - 1] != '/')
		n--;
	return path + n;
}

bool parse_ll(const char *s, long long *out)
{
	char *end;

	if (!*s)
		return false;
	errno = 0;
	*out = strtoll(s, &end, 10);
	return !errno && *end == '\0';
}

ssize_t read_small_file(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	ssize_t n, total = 0;

	if (fd < 0)
		return -1;
	while (total + 1 < (ssize_t)size &&
	       (n = read(fd, buf + total, size - 1 - (size_t)total)) > 0)
		total += n;
	close(fd);
	buf[total] = '\0';
	return total;
}
