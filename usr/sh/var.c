// SPDX-License-Identifier: MIT
/*
 * Shell variables (a flat table: scripts hold few) and the positional
 * parameters $1.. (xops->params).  Exported variables form the
 * environment of every program the shell runs.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sh.h"

struct var {
	char *name;
	char *value;
	bool exported;
};

static struct var *vars;
static int nvars, capvars;

static struct var *find(const char *name)
{
	int i;

	for (i = 0; i < nvars; i++)
		if (!strcmp(vars[i].name, name))
			return &vars[i];
	return NULL;
}

const char *var_get(const char *name)
{
	struct var *v = find(name);

	return v ? v->value : NULL;
}

int var_set(const char *name, const char *value, bool export)
{
	struct var *v = find(name);
	char *copy = strdup(value);

	if (!copy)
		return -1;
	if (!v) {
		if (nvars == capvars) {
			capvars = capvars ? capvars * 2 : 32;
			vars = realloc(vars, sizeof(*vars) * (size_t)capvars);
			if (!vars)
				abort();
		}
		v = &vars[nvars++];
		v->name = strdup(name);
		v->exported = false;
		v->value = NULL;
	}
	free(v->value);
	v->value = copy;
	v->exported |= export;
	return 0;
}

void var_export(const char *name)
{
	struct var *v = find(name);

	if (v)
		v->exported = true;
	else
		var_set(name, "", true);
}

int var_unset(const char *name)
{
	struct var *v = find(name);

	if (!v)
		return 0;
	free(v->name);
	free(v->value);
	*v = vars[--nvars];
	return 0;
}

void var_init(char **envp)
{
	for (; envp && *envp; envp++) {
		char *eq = strchr(*envp, '=');
		char *name;

		if (!eq)
			continue;
		name = strndup(*envp, (size_t)(eq - *envp));
		if (name && is_name(name, strlen(name)))
			var_set(name, eq + 1, true);
		free(name);
	}
}

char **var_environ(bool all)
{
	char **env = calloc((size_t)nvars + 1, sizeof(char *));
	int i, n = 0;

	if (!env)
		abort();
	for (i = 0; i < nvars; i++) {
		size_t len;

		if (!all && !vars[i].exported)
			continue;
		len = strlen(vars[i].name) + strlen(vars[i].value) + 2;
		env[n] = malloc(len);
		if (!env[n])
			abort();
		snprintf(env[n++], len, "%s=%s", vars[i].name, vars[i].value);
	}
	return env;
}

static int cmp_env(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void var_print_exported(void)
{
	char **env = var_environ(false), **e;
	int n = 0;

	while (env[n])
		n++;
	qsort(env, (size_t)n, sizeof(*env), cmp_env);
	for (e = env; *e; e++) {
		char *eq = strchr(*e, '='), *c;

		printf("export %.*s='", (int)(eq - *e), *e);
		for (c = eq + 1; *c; c++)
			if (*c == '\'')
				fputs("'\\''", stdout);
			else
				putchar(*c);
		printf("'\n");
		free(*e);
	}
	free(env);
}

static void free_params(void)
{
	int i;

	for (i = 0; i < xops->nparams; i++)
		free(xops->params[i]);
	free(xops->params);
	xops->params = NULL;
	xops->nparams = 0;
}

void params_set(int n, char **v)
{
	char **copy = calloc((size_t)n + 1, sizeof(char *));
	int i;

	if (!copy)
		abort();
	for (i = 0; i < n; i++)
		copy[i] = strdup(v[i]);
	free_params();
	xops->params = copy;
	xops->nparams = n;
}

void params_shift(int n)
{
	int i;

	if (n > xops->nparams)
		n = xops->nparams;
	for (i = 0; i < n; i++)
		free(xops->params[i]);
	memmove(xops->params, xops->params + n,
		sizeof(char *) * (size_t)(xops->nparams - n + 1));
	xops->nparams -= n;
}

/* Moves the parameters into s (the caller then sets new ones), or back. */
void params_save(struct saved_params *s)
{
	s->n = xops->nparams;
	s->v = xops->params;
	xops->params = NULL;
	xops->nparams = 0;
}

void params_restore(struct saved_params *s)
{
	free_params();
	xops->params = s->v;
	xops->nparams = s->n;
}
