// SPDX-License-Identifier: MIT
/*
 * Where the shell's lines come from: a string (sh -c), a file (a script,
 * read in blocks), standard input when it is not a terminal (read a byte
 * at a time, so the commands it runs see the rest), or a terminal.
 *
 * On a terminal the shell edits the line itself, for the history on the
 * arrows: only while it reads, the terminal is in non-canonical mode
 * without echo (signals stay on, so ^C still interrupts the read); the
 * modes it found are restored before a command runs.  Keys: printable
 * characters, erase (backspace/DEL), kill (^U), ^W, ^D on an empty line,
 * ESC [ A and ESC [ B (older and newer history), Enter.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "sh.h"

#define HISTORY_MAX 100

volatile sig_atomic_t sh_interrupted;

struct input {
	int fd;			/* -1: a string */
	bool edit;		/* a terminal, line editing */
	bool bytewise;		/* shared standard input: never read ahead */
	const char *str;
	size_t spos;
	char buf[1024];
	size_t len, pos;
};

static char *history[HISTORY_MAX];
static int nhistory;

void history_add(const char *line)
{
	size_t len = strlen(line);

	while (len && line[len - 1] == '\n')
		len--;
	if (!len || (nhistory && !strncmp(history[nhistory - 1], line, len) &&
		     !history[nhistory - 1][len]))
		return;
	if (nhistory == HISTORY_MAX) {
		free(history[0]);
		memmove(history, history + 1, sizeof(char *) * (HISTORY_MAX - 1));
		nhistory--;
	}
	history[nhistory++] = strndup(line, len);
}

struct input *input_fd(int fd, bool interactive)
{
	struct input *in = calloc(1, sizeof(*in));

	if (!in)
		abort();
	in->fd = fd;
	in->edit = interactive && isatty(fd);
	in->bytewise = !in->edit && fd == 0;
	return in;
}

struct input *input_string(const char *s)
{
	struct input *in = calloc(1, sizeof(*in));

	if (!in)
		abort();
	in->fd = -1;
	in->str = s;
	return in;
}

void input_close(struct input *in)
{
	if (in->fd > 2)
		close(in->fd);
	free(in);
}

struct line {
	char *s;
	size_t len, cap;
};

static void line_put(struct line *l, char c)
{
	if (l->len + 2 > l->cap) {
		l->cap = l->cap ? l->cap * 2 : 128;
		l->s = realloc(l->s, l->cap);
		if (!l->s)
			abort();
	}
	l->s[l->len++] = c;
	l->s[l->len] = '\0';
}

static void out(int fd, const char *s, size_t n)
{
	if (write(fd, s, n) < 0)
		return;
}

/* One byte from in; 0 at the end, -1 on error (EINTR included). */
static int read_byte(struct input *in, char *c)
{
	ssize_t r;

	if (in->pos == in->len) {
		r = read(in->fd, in->buf, in->bytewise || in->edit ? 1 : sizeof(in->buf));
		if (r <= 0)
			return (int)r;
		in->len = (size_t)r;
		in->pos = 0;
	}
	*c = in->buf[in->pos++];
	return 1;
}

static void erase(int fd, size_t n)
{
	while (n--)
		out(fd, "\b \b", 3);
}

static void replace_line(int fd, struct line *l, const char *with)
{
	erase(fd, l->len);
	l->len = 0;
	if (l->s)
		l->s[0] = '\0';
	for (; *with; with++)
		line_put(l, *with);
	out(fd, l->s ? l->s : "", l->len);
}

/* ESC seen: the rest of an arrow key's sequence. */
static void arrow(struct input *in, struct line *l, int *hpos, char **draft)
{
	char c1 = 0, c2 = 0;

	if (read_byte(in, &c1) <= 0 || (c1 != '[' && c1 != 'O') || read_byte(in, &c2) <= 0)
		return;
	if (c2 == 'A' && *hpos > 0) {
		if (*hpos == nhistory) {
			free(*draft);
			*draft = strdup(l->s ? l->s : "");
		}
		replace_line(in->fd, l, history[--*hpos]);
	} else if (c2 == 'B' && *hpos < nhistory) {
		++*hpos;
		replace_line(in->fd, l, *hpos == nhistory ? (*draft ? *draft : "") : history[*hpos]);
	}
}

static char *edit_line(struct input *in, const char *prompt, bool *interrupted)
{
	struct termios old, raw;
	struct line l = { 0 };
	int hpos = nhistory;
	char *draft = NULL;
	bool eof = false;

	if (tcgetattr(in->fd, &old) < 0)
		return NULL;
	raw = old;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	tcsetattr(in->fd, TCSANOW, &raw);
	out(in->fd, prompt, strlen(prompt));
	sh_interrupted = 0;
	for (;;) {
		char c;
		int r = read_byte(in, &c);

		if (r < 0 && errno == EINTR && !sh_interrupted)
			continue;
		if (r < 0) {
			*interrupted = true;
			out(in->fd, "\n", 1);
			break;
		}
		if (r == 0 || (c == old.c_cc[VEOF] && !l.len)) {
			eof = !l.len;
			break;
		}
		if (c == '\n' || c == '\r') {
			out(in->fd, "\n", 1);
			line_put(&l, '\n');
			break;
		}
		if (c == old.c_cc[VERASE] || c == 0x7f || c == '\b') {
			if (l.len) {
				l.s[--l.len] = '\0';
				erase(in->fd, 1);
			}
		} else if (c == old.c_cc[VKILL]) {
			replace_line(in->fd, &l, "");
		} else if (c == old.c_cc[VWERASE]) {
			size_t n = l.len;

			while (n && l.s[n - 1] == ' ')
				n--;
			while (n && l.s[n - 1] != ' ')
				n--;
			erase(in->fd, l.len - n);
			l.len = n;
			l.s[n] = '\0';
		} else if (c == 0x1b) {
			arrow(in, &l, &hpos, &draft);
		} else if ((unsigned char)c >= 0x20 || c == '\t') {
			line_put(&l, c);
			out(in->fd, &c, 1);
		}
	}
	tcsetattr(in->fd, TCSANOW, &old);
	free(draft);
	if (eof || *interrupted) {
		free(l.s);
		return NULL;
	}
	return l.s;
}

char *input_line(struct input *in, const char *prompt, bool *interrupted)
{
	struct line l = { 0 };
	char c = 0;

	*interrupted = false;
	if (in->fd < 0) {
		const char *s = in->str + in->spos, *nl;
		size_t n;

		if (!*s)
			return NULL;
		nl = strchr(s, '\n');
		n = nl ? (size_t)(nl - s) + 1 : strlen(s);
		in->spos += n;
		return strndup(s, n);
	}
	if (in->edit && prompt)
		return edit_line(in, prompt, interrupted);
	if (prompt && *prompt)
		out(2, prompt, strlen(prompt));
	for (;;) {
		int r = read_byte(in, &c);

		if (r < 0 && errno == EINTR) {
			if (!sh_interrupted)
				continue;
			*interrupted = true;
			free(l.s);
			return NULL;
		}
		if (r <= 0)
			break;
		line_put(&l, c);
		if (c == '\n')
			break;
	}
	return l.s;
}
