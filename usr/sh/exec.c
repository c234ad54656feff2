// SPDX-License-Identifier: MIT
/*
 * Running a parsed tree.  Builtins, functions and compound commands run in
 * the shell itself; programs, pipelines and background jobs in children
 * started by launch.c.  Loop control (break, continue, return, exit)
 * travels up through the flags of struct shell, which every loop and list
 * checks after each command.
 */
#include <errno.h>
#include <fnmatch.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"
#include "launch.h"
#include "redir.h"

struct shell sh;

void sh_error(const char *fmt, ...)
{
	va_list ap;

	fflush(stdout);
	fputs("sh: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static bool unwinding(void)
{
	return sh.exiting || sh.returning || sh.breaking;
}

/* Functions: a flat table of name -> body (the N_FUNC node, kept). */
static struct node **funcs;
static int nfuncs;

struct node *func_find(const char *name)
{
	int i;

	for (i = 0; i < nfuncs; i++)
		if (!strcmp(funcs[i]->name, name))
			return funcs[i];
	return NULL;
}

/* The tree is freed after its line runs: the table keeps its own parse of n->src. */
static int func_define(struct node *n)
{
	struct node *copy;
	struct lexer lx;
	const char *err;
	int i;

	lex_init(&lx, n->src);
	if (parse_line(&lx, &copy, &err) != P_OK || copy->type != N_FUNC) {
		sh_error("%s: cannot define", n->name);
		return 1;
	}
	n = copy;
	for (i = 0; i < nfuncs; i++) {
		if (!strcmp(funcs[i]->name, n->name)) {
			funcs[i] = n;	/* the old body may be running: leak it */
			return 0;
		}
	}
	funcs = realloc(funcs, sizeof(*funcs) * (size_t)(nfuncs + 1));
	if (!funcs)
		abort();
	funcs[nfuncs++] = n;
	return 0;
}

char *funcs_text(const char *script)
{
	size_t len = strlen(script) + 1;
	char *text;
	int i;

	for (i = 0; i < nfuncs; i++)
		len += strlen(funcs[i]->src) + 1;
	text = malloc(len);
	if (!text)
		abort();
	text[0] = '\0';
	for (i = 0; i < nfuncs; i++) {
		strcat(text, funcs[i]->src);
		strcat(text, "\n");
	}
	strcat(text, script);
	return text;
}

static int run_func(struct node *f, char **argv)
{
	struct saved_params saved;
	int argc = 0, status;

	while (argv[argc])
		argc++;
	params_save(&saved);
	params_set(argc - 1, argv + 1);
	sh.func_depth++;
	status = run_node(f->a);
	sh.func_depth--;
	params_restore(&saved);
	if (sh.returning) {
		sh.returning = false;
		status = sh.status;
	}
	return status;
}

/* Temporary NAME=value of a builtin or function: the old values to restore. */
struct temp_vars {
	char **names, **olds;	/* olds[i] NULL: was unset */
	int n;
};

static void temp_set(struct temp_vars *t, char **assigns, int n)
{
	int i;

	t->n = n;
	t->names = calloc((size_t)n + 1, sizeof(char *));
	t->olds = calloc((size_t)n + 1, sizeof(char *));
	if (!t->names || !t->olds)
		abort();
	for (i = 0; i < n; i++) {
		char *eq = strchr(assigns[i], '=');
		const char *old;

		t->names[i] = strndup(assigns[i], (size_t)(eq - assigns[i]));
		old = var_get(t->names[i]);
		t->olds[i] = old ? strdup(old) : NULL;
		var_set(t->names[i], eq + 1, false);
	}
}

static void temp_restore(struct temp_vars *t)
{
	int i;

	for (i = 0; i < t->n; i++) {
		if (t->olds[i])
			var_set(t->names[i], t->olds[i], false);
		else
			var_unset(t->names[i]);
		free(t->names[i]);
		free(t->olds[i]);
	}
	free(t->names);
	free(t->olds);
}

void cmd_free(struct cmd *c)
{
	strv_free(&c->argv);
	strv_free(&c->assigns);
	plan_free(&c->plan);
}

int cmd_expand(struct node *n, struct cmd *c)
{
	int i;

	memset(c, 0, sizeof(*c));
	sh.subst_status = 0;
	for (i = 0; n->words[i]; i++)
		if (expand_word(n->words[i], &c->argv) < 0)
			goto bad;
	for (i = 0; n->assigns && n->assigns[i]; i++) {
		char *eq = strchr(n->assigns[i], '=');
		char *val = expand_single(eq + 1);
		size_t len;
		char *s;

		if (!val)
			goto bad;
		len = (size_t)(eq - n->assigns[i]) + strlen(val) + 2;
		s = malloc(len);
		if (!s)
			abort();
		snprintf(s, len, "%.*s=%s", (int)(eq - n->assigns[i]), n->assigns[i], val);
		free(val);
		strv_push(&c->assigns, s);
	}
	if (plan_make(n->redirs, &c->plan) < 0)
		goto bad;
	return 0;
bad:
	cmd_free(c);
	return -1;
}

/* Runs a builtin or function in the shell, with c's redirections and variables. */
int run_in_shell(struct cmd *c)
{
	builtin_fn fn = builtin_find(c->argv.v[0]);
	struct node *f = fn ? NULL : func_find(c->argv.v[0]);
	struct saved sv = { .n = 0 };
	struct temp_vars tv = { NULL, NULL, 0 };
	bool special = fn && builtin_special(c->argv.v[0]);
	int status;

	if (!strcmp(c->argv.v[0], "exec"))
		return exec_command(c);
	fflush(stdout);
	if (plan_apply(&c->plan, &sv) < 0) {
		saved_restore(&sv);
		return 1;
	}
	if (special) {
		int i;

		for (i = 0; i < c->assigns.n; i++) {
			char *eq = strchr(c->assigns.v[i], '=');

			*eq = '\0';
			var_set(c->assigns.v[i], eq + 1, false);
			*eq = '=';
		}
	} else {
		temp_set(&tv, c->assigns.v, c->assigns.n);
	}
	status = fn ? fn(c->argv.n, c->argv.v) : run_func(f, c->argv.v);
	fflush(stdout);
	fflush(stderr);
	temp_restore(&tv);
	saved_restore(&sv);
	return status;
}

static int assign_only(struct cmd *c)
{
	struct saved sv = { .n = 0 };
	int i;

	for (i = 0; i < c->assigns.n; i++) {
		char *eq = strchr(c->assigns.v[i], '=');

		*eq = '\0';
		var_set(c->assigns.v[i], eq + 1, false);
		*eq = '=';
	}
	/* Redirections alone still open (create) their files. */
	if (plan_apply(&c->plan, &sv) < 0) {
		saved_restore(&sv);
		return 1;
	}
	saved_restore(&sv);
	return sh.subst_status;
}

static int run_simple(struct node *n)
{
	struct cmd c;
	int status;

	if (cmd_expand(n, &c) < 0)
		return 1;
	if (!c.argv.n)
		status = assign_only(&c);
	else if (builtin_find(c.argv.v[0]) || func_find(c.argv.v[0]))
		status = run_in_shell(&c);
	else
		status = launch_pipeline(&n, 1, false, &c);
	cmd_free(&c);
	return status;
}

/* Redirections of a compound command, around it. */
static int with_redirs(struct node *n, int (*body)(struct node *))
{
	struct saved sv = { .n = 0 };
	struct plan p;
	int status;

	if (!n->redirs)
		return body(n);
	if (plan_make(n->redirs, &p) < 0)
		return 1;
	fflush(stdout);
	if (plan_apply(&p, &sv) < 0) {
		status = 1;
	} else {
		status = body(n);
		fflush(stdout);
	}
	saved_restore(&sv);
	plan_free(&p);
	return status;
}

/* After a loop body: whether to leave the loop. */
static bool loop_done(void)
{
	if (sh.exiting || sh.returning)
		return true;
	if (sh_interrupted) {
		sh.breaking = sh.loop_depth;
		sh.continuing = false;
	}
	if (!sh.breaking)
		return false;
	if (sh.continuing && sh.breaking == 1) {
		sh.breaking = 0;
		sh.continuing = false;
		return false;
	}
	sh.breaking--;
	if (!sh.breaking)
		sh.continuing = false;
	return true;
}

static int body_while(struct node *n)
{
	int status = 0;

	sh.loop_depth++;
	for (;;) {
		int cond = run_node(n->a);

		if (unwinding()) {
			if (loop_done())
				break;
			continue;
		}
		if ((cond == 0) != (n->type == N_WHILE))
			break;
		status = run_node(n->b);
		if (loop_done())
			break;
	}
	sh.loop_depth--;
	return status;
}

static int body_for(struct node *n)
{
	struct strv words = { 0 };
	int status = 0, i;

	if (n->words) {
		for (i = 0; n->words[i]; i++)
			if (expand_word(n->words[i], &words) < 0) {
				strv_free(&words);
				return 1;
			}
	} else {
		for (i = 0; i < xops->nparams; i++)
			strv_push(&words, strdup(xops->params[i]));
	}
	sh.loop_depth++;
	for (i = 0; i < words.n; i++) {
		var_set(n->name, words.v[i], false);
		status = run_node(n->b);
		if (loop_done())
			break;
	}
	sh.loop_depth--;
	strv_free(&words);
	return status;
}

static int body_if(struct node *n)
{
	int cond = run_node(n->a);

	if (unwinding())
		return cond;
	if (cond == 0)
		return run_node(n->b);
	return n->c ? run_node(n->c) : 0;
}

static int body_case(struct node *n)
{
	char *word = expand_single(n->name);
	int i, j;

	if (!word)
		return 1;
	for (i = 0; i < n->nkids; i++) {
		struct node *it = n->kids[i];

		for (j = 0; it->words[j]; j++) {
			char *pat = expand_pattern(it->words[j]);
			bool match = pat && !fnmatch(pat, word, 0);

			free(pat);
			if (match) {
				free(word);
				return it->a ? run_node(it->a) : 0;
			}
		}
	}
	free(word);
	return 0;
}

static int body_group(struct node *n)
{
	return run_node(n->a);
}

static int body_subshell(struct node *n)
{
	return launch_pipeline(&n, 1, false, NULL);
}

int run_node(struct node *n)
{
	int status = 0;

	switch (n->type) {
	case N_CMD:
		status = run_simple(n);
		break;
	case N_PIPE:
		status = launch_pipeline(n->kids, n->nkids, false, NULL);
		break;
	case N_BG:
		status = launch_pipeline(n->a->type == N_PIPE ? n->a->kids : &n->a,
					 n->a->type == N_PIPE ? n->a->nkids : 1, true, NULL);
		break;
	case N_AND:
	case N_OR:
		status = run_node(n->a);
		if (!unwinding() && (status == 0) == (n->type == N_AND))
			status = run_node(n->b);
		break;
	case N_SEQ:
		run_node(n->a);
		status = unwinding() ? sh.status : run_node(n->b);
		break;
	case N_NOT:
		status = !run_node(n->a);
		break;
	case N_IF:
		status = with_redirs(n, body_if);
		break;
	case N_WHILE:
	case N_UNTIL:
		status = with_redirs(n, body_while);
		break;
	case N_FOR:
		status = with_redirs(n, body_for);
		break;
	case N_CASE:
		status = with_redirs(n, body_case);
		break;
	case N_GROUP:
		status = with_redirs(n, body_group);
		break;
	case N_SUBSHELL:
		status = body_subshell(n);
		break;
	case N_FUNC:
		status = func_define(n);
		break;
	case N_CASEITEM:
		break;
	}
	set_status(status);
	return status;
}
