// SPDX-License-Identifier: MIT
/*
 * Redirections.  A plan (file names expanded, in the shell) is carried
 * out either in a child between vfork and execve -- so only system calls,
 * no stdio nor malloc -- or in the shell itself for builtins and compound
 * commands, saving each descriptor it replaces (as a close-on-exec copy
 * at 10 or above) to put it back afterwards.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"
#include "redir.h"

/* An error line on fd 2 with write(2) alone: safe after vfork. */
void raw_error(const char *what, const char *why)
{
	const char *parts[] = { "sh: ", what, ": ", why, "\n" };
	size_t i;

	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		if (write(2, parts[i], strlen(parts[i])) < 0)
			return;
}

void plan_free(struct plan *p)
{
	int i;

	for (i = 0; i < p->n; i++) {
		free(p->steps[i].path);
		if (p->steps[i].owned)
			close(p->steps[i].src);
	}
	free(p->steps);
	p->steps = NULL;
	p->n = 0;
}

/*
 * A here-document's text ($, ` and \ expanded unless its delimiter was
 * quoted) in an unlinked file of $TMPDIR or /tmp, open for reading at 10
 * or above, close-on-exec; -1 on failure.
 */
static int here_doc_fd(struct redir *r)
{
	static unsigned int seq;
	const char *dir = var_get("TMPDIR") ? var_get("TMPDIR") : "/tmp";
	char path[256], *text;
	int wfd, rfd, high;
	size_t len;

	if (r->quoted) {
		text = strdup(r->word);
	} else {
		/* As inside "...", but a " is itself. */
		char *q = malloc(strlen(r->word) * 2 + 3), *d = q;
		const char *s;

		if (!q)
			abort();
		*d++ = '"';
		for (s = r->word; *s; s++) {
			if (*s == '"')
				*d++ = '\\';
			else if (*s == '\\' && s[1] == '"')
				*d++ = '\\';
			*d++ = *s;
		}
		*d++ = '"';
		*d = '\0';
		text = expand_single(q);
		free(q);
	}
	if (!text)
		return -1;
	snprintf(path, sizeof(path), "%s/.sh-here.%ld.%u", dir, (long)getpid(), seq++);
	wfd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (wfd < 0) {
		sh_error("here-document: %s: %s", path, strerror(errno));
		free(text);
		return -1;
	}
	rfd = open(path, O_RDONLY | O_CLOEXEC);
	unlink(path);
	len = strlen(text);
	if (rfd < 0 || write(wfd, text, len) != (ssize_t)len) {
		sh_error("here-document: %s", strerror(errno));
		close(wfd);
		if (rfd >= 0)
			close(rfd);
		free(text);
		return -1;
	}
	close(wfd);
	free(text);
	high = fcntl(rfd, F_DUPFD_CLOEXEC, 10);
	if (high >= 0) {
		close(rfd);
		rfd = high;
	}
	return rfd;
}

static bool parse_fd(const char *s, int *fd)
{
	char *end;
	long v;

	if (!strcmp(s, "-")) {
		*fd = -1;
		return true;
	}
	v = strtol(s, &end, 10);
	if (!*s || *end || v < 0 || v > 1023)
		return false;
	*fd = (int)v;
	return true;
}

int plan_make(struct redir *r, struct plan *p)
{
	p->steps = NULL;
	p->n = 0;
	for (; r; r = r->next) {
		struct step st = { .fd = r->fd, .type = r->type, .src = -1 };
		char *word = r->type == R_HEREDOC ? strdup("") : expand_single(r->word);

		if (!word) {
			plan_free(p);
			return -1;
		}
		if (r->type == R_HEREDOC) {
			free(word);
			st.src = here_doc_fd(r);
			if (st.src < 0) {
				plan_free(p);
				return -1;
			}
			st.owned = true;
		} else if (r->type == R_DUPIN || r->type == R_DUPOUT) {
			if (!parse_fd(word, &st.src)) {
				sh_error("%s: bad file descriptor", word);
				free(word);
				plan_free(p);
				return -1;
			}
			free(word);
		} else {
			st.path = word;
		}
		p->steps = realloc(p->steps, sizeof(*p->steps) * (size_t)(p->n + 1));
		if (!p->steps)
			abort();
		p->steps[p->n++] = st;
	}
	return 0;
}

static int open_flags(enum redir_type type)
{
	switch (type) {
	case R_OUT:
		return O_WRONLY | O_CREAT | O_TRUNC;
	case R_APPEND:
		return O_WRONLY | O_CREAT | O_APPEND;
	case R_RDWR:
		return O_RDWR | O_CREAT;
	default:
		return O_RDONLY;
	}
}

/* Saves fd in st (if st): a copy, or -1 if fd was not open. */
static void save(struct saved *sv, int fd)
{
	int i;

	if (!sv)
		return;
	for (i = 0; i < sv->n; i++)
		if (sv->fd[i] == fd)
			return;		/* the first save is the original */
	if (sv->n == SAVED_MAX)
		return;
	sv->fd[sv->n] = fd;
	sv->copy[sv->n++] = fcntl(fd, F_DUPFD_CLOEXEC, 10);
}

int plan_apply(const struct plan *p, struct saved *sv)
{
	int i;

	for (i = 0; i < p->n; i++) {
		const struct step *st = &p->steps[i];
		int fd;

		if (st->path) {
			fd = open(st->path, open_flags(st->type), 0666);
			if (fd < 0) {
				raw_error(st->path, strerror(errno));
				return -1;
			}
			if (fd != st->fd) {
				save(sv, st->fd);
				if (dup2(fd, st->fd) < 0) {
					raw_error(st->path, strerror(errno));
					close(fd);
					return -1;
				}
				close(fd);
			} else if (sv) {
				/* It was closed: close it again when undoing. */
				save(sv, -1);
				sv->fd[sv->n - 1] = fd;
				sv->copy[sv->n - 1] = -1;
			}
		} else if (st->src < 0) {
			save(sv, st->fd);
			close(st->fd);
		} else if (st->src != st->fd) {
			if (fcntl(st->src, F_GETFD) < 0) {
				char num[12];

				snprintf(num, sizeof(num), "%d", st->src);
				raw_error(num, "bad file descriptor");
				return -1;
			}
			save(sv, st->fd);
			dup2(st->src, st->fd);
		}
	}
	return 0;
}

void saved_restore(struct saved *sv)
{
	int i;

	fflush(stdout);
	for (i = sv->n - 1; i >= 0; i--) {
		if (sv->copy[i] >= 0) {
			dup2(sv->copy[i], sv->fd[i]);
			close(sv->copy[i]);
		} else {
			close(sv->fd[i]);
		}
	}
	sv->n = 0;
}
