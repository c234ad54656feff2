/* SPDX-License-Identifier: MIT */
/* Simple commands expanded (exec.c) and started as children (launch.c). */
#ifndef SH_LAUNCH_H
#define SH_LAUNCH_H

#include "sh.h"
#include "redir.h"

/* A simple command after expansion. */
struct cmd {
	struct strv argv;
	struct strv assigns;	/* NAME=value, expanded */
	struct plan plan;
};

/* Expands n (an N_CMD); -1 (message printed) on failure. */
int cmd_expand(struct node *n, struct cmd *c);
void cmd_free(struct cmd *c);
/* Runs the builtin or function c->argv.v[0] in the shell. */
int run_in_shell(struct cmd *c);
/* A subshell's body where the subshell already is a process of its own. */
int run_subshell_here(struct node *n);

/*
 * Runs nodes[0..n) as a pipeline, each in a child process, as one job;
 * waits for it unless bg.  pre: nodes[0] already expanded (n == 1), or
 * NULL.  Returns the status of the last command (0 for bg).
 */
int launch_pipeline(struct node **nodes, int n, bool bg, struct cmd *pre);

/* The exec builtin. */
int exec_command(struct cmd *c);

/* Leaves the shell's parent role in a forked child: no jobs, no prompts. */
void become_child(void);

#endif
