/* SPDX-License-Identifier: MIT */
/* Redirection plans: redir.c. */
#ifndef SH_REDIR_H
#define SH_REDIR_H

#include "sh.h"

struct step {
	int fd;			/* the descriptor redirected */
	enum redir_type type;
	char *path;		/* file to open, or NULL for a dup/close */
	int src;		/* R_DUP*, R_HEREDOC: descriptor to copy, -1 to close */
	bool owned;		/* src is the plan's own (a here-document): closed with it */
};

struct plan {
	struct step *steps;
	int n;
};

#define SAVED_MAX 16
struct saved {
	int fd[SAVED_MAX];
	int copy[SAVED_MAX];	/* -1: fd was closed before */
	int n;
};

/* Expands the words of r into p; -1 (message printed) on failure. */
int plan_make(struct redir *r, struct plan *p);
void plan_free(struct plan *p);
/* Carries p out; sv (or NULL, in a child) records what to undo.  -1 on failure. */
int plan_apply(const struct plan *p, struct saved *sv);
void saved_restore(struct saved *sv);
void raw_error(const char *what, const char *why);

#endif
