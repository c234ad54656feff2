// SPDX-License-Identifier: MIT
/*
 * Starting children.  A program is always started with vfork + execve:
 * between the two the child only moves descriptors, sets its process
 * group and signal dispositions (all its own kernel state) and writes an
 * error with write(2); everything it needs is prepared before vfork.
 *
 * A builtin, function or compound command that must run in a process of
 * its own (in a pipeline, in the background, in ( )) is forked where fork
 * works.  Where it does not (the no-MMU kernel answers ENOSYS), the shell
 * runs itself instead: vfork + execve of sh -c TEXT, with every shell
 * variable in the child's environment.  That child shell therefore sees
 * unexported variables as exported; the shell's functions are defined
 * again in it, from their text, ahead of TEXT.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"
#include "launch.h"

/* What a child does with descriptors and its process group before running. */
struct child {
	int in, out;		/* become 0 and 1 if >= 0 */
	int other;		/* the next pipe's read end: closed, if >= 0 */
	pid_t pgid;		/* the job's group, 0: this child starts it */
	bool bg;
	sigset_t mask;		/* the mask to restore */
};

static const int job_signals[] = { SIGINT, SIGQUIT, SIGTSTP, SIGTTIN, SIGTTOU };

/* Safe after vfork: system calls on the child's own state only. */
static void child_setup(const struct child *ch)
{
	struct sigaction dfl = { .sa_handler = SIG_DFL }, ign = { .sa_handler = SIG_IGN };
	size_t i;

	if (sh.jobctl) {
		pid_t self = getpid();

		setpgid(0, ch->pgid ? ch->pgid : self);
		if (!ch->bg)
			tcsetpgrp(sh.tty, ch->pgid ? ch->pgid : self);
	}
	for (i = 0; i < sizeof(job_signals) / sizeof(job_signals[0]); i++)
		sigaction(job_signals[i], &dfl, NULL);
	if (ch->bg && !sh.jobctl) {
		int null;

		sigaction(SIGINT, &ign, NULL);
		sigaction(SIGQUIT, &ign, NULL);
		null = open("/dev/null", O_RDONLY);
		if (null >= 0 && null != 0) {
			dup2(null, 0);
			close(null);
		}
	}
	if (ch->in >= 0 && ch->in != 0) {
		dup2(ch->in, 0);
		close(ch->in);
	}
	if (ch->out >= 0 && ch->out != 1) {
		dup2(ch->out, 1);
		close(ch->out);
	}
	if (ch->other >= 0)
		close(ch->other);
	sigprocmask(SIG_SETMASK, &ch->mask, NULL);
}

void become_child(void)
{
	sh.interactive = false;
	sh.jobctl = false;
	jobs_forget();
}

static bool executable(const char *path, bool *exists)
{
	struct stat st;

	if (stat(path, &st) < 0 || S_ISDIR(st.st_mode))
		return false;
	*exists = true;
	return !access(path, X_OK);
}

/* The file to execute for name: malloc'd; NULL if nowhere on $PATH. */
static char *find_path(const char *name)
{
	const char *path = var_get("PATH"), *p, *colon;
	char *fallback = NULL;

	if (strchr(name, '/'))
		return strdup(name);
	if (!path)
		path = "/bin:/sbin:/usr/bin:/usr/sbin";
	for (p = path;; p = colon + 1) {
		size_t dlen, len;
		bool exists = false;
		char *full;

		colon = strchr(p, ':');
		dlen = colon ? (size_t)(colon - p) : strlen(p);
		len = dlen + strlen(name) + 2;
		full = malloc(len);
		if (!full)
			abort();
		snprintf(full, len, "%.*s%s%s", (int)dlen, p, dlen ? "/" : "", name);
		if (executable(full, &exists)) {
			free(fallback);
			return full;
		}
		if (exists && !fallback)
			fallback = full;	/* found but not executable: 126 */
		else
			free(full);
		if (!colon)
			break;
	}
	return fallback;
}

/* The environment of a child: exported (all: every) variables, then assigns. */
static char **child_env(struct strv *assigns, bool all)
{
	char **env = var_environ(all);
	int n = 0, i, j;

	while (env[n])
		n++;
	env = realloc(env, sizeof(char *) * (size_t)(n + (assigns ? assigns->n : 0) + 1));
	if (!env)
		abort();
	for (i = 0; assigns && i < assigns->n; i++) {
		size_t nlen = (size_t)(strchr(assigns->v[i], '=') - assigns->v[i]) + 1;

		for (j = 0; j < n; j++)
			if (!strncmp(env[j], assigns->v[i], nlen))
				break;
		if (j == n)
			n++;
		else
			free(env[j]);
		env[j] = strdup(assigns->v[i]);
	}
	env[n] = NULL;
	return env;
}

static void free_vec(char **v)
{
	char **p;

	for (p = v; p && *p; p++)
		free(*p);
	free(v);
}

/* What execve gets: prepared in the shell, used by the vfork child. */
struct exec_args {
	char *path;		/* NULL: not found */
	char **argv, **envp;
	char **script_argv;	/* sh path args...: for a file without #! (ENOEXEC) */
	const struct plan *plan;
};

static void __attribute__((noreturn)) child_exec(const struct child *ch, struct exec_args *x)
{
	int err;

	child_setup(ch);
	if (x->plan && plan_apply(x->plan, NULL) < 0)
		_exit(1);
	if (!x->path) {
		raw_error(x->argv[0], "not found");
		_exit(127);
	}
	execve(x->path, x->argv, x->envp);
	err = errno;
	if (err == ENOEXEC && x->script_argv) {
		execve(sh.self, x->script_argv, x->envp);
		err = errno;
	}
	raw_error(x->argv[0], err == ENOENT ? "not found" : strerror(err));
	_exit(err == ENOENT ? 127 : 126);
}

static pid_t vfork_exec(struct child *ch, struct exec_args *x)
{
	sigset_t all;
	pid_t pid;

	fflush(stdout);
	fflush(stderr);
	sigfillset(&all);
	sigprocmask(SIG_BLOCK, &all, &ch->mask);
	pid = vfork();
	if (pid == 0)
		child_exec(ch, x);
	sigprocmask(SIG_SETMASK, &ch->mask, NULL);
	if (pid < 0)
		sh_error("vfork: %s", strerror(errno));
	return pid;
}

static char **vec_of(const char *const *head, int nhead, char **tail, int ntail)
{
	char **v = calloc((size_t)(nhead + ntail) + 1, sizeof(char *));
	int i;

	if (!v)
		abort();
	for (i = 0; i < nhead; i++)
		v[i] = strdup(head[i]);
	for (i = 0; i < ntail; i++)
		v[nhead + i] = strdup(tail[i]);
	return v;
}

static pid_t spawn_program(struct child *ch, struct cmd *c)
{
	struct exec_args x = { .plan = &c->plan };
	pid_t pid;

	x.path = find_path(c->argv.v[0]);
	x.argv = c->argv.v;
	x.envp = child_env(&c->assigns, false);
	if (x.path) {
		const char *head[] = { "sh", x.path };

		x.script_argv = vec_of(head, 2, c->argv.v + 1, c->argv.n - 1);
	}
	pid = vfork_exec(ch, &x);
	free(x.path);
	free_vec(x.envp);
	free_vec(x.script_argv);
	return pid;
}

/* No fork: sh -c SCRIPT NAME ARGS... in a vfork child. */
static pid_t spawn_shell(struct child *ch, const char *script, char **args, int nargs,
			 struct strv *assigns, const struct plan *plan)
{
	const char *head[] = { "sh", "-c", script, xops->arg0 };
	struct exec_args x = { .plan = plan };
	pid_t pid;

	char *text = funcs_text(script);

	head[2] = text;
	x.path = strdup(sh.self);
	x.argv = vec_of(head, 4, args, nargs);
	free(text);
	x.envp = child_env(assigns, true);
	pid = vfork_exec(ch, &x);
	free(x.path);
	free_vec(x.argv);
	free_vec(x.envp);
	return pid;
}

static pid_t spawn_reexec(struct child *ch, struct node *n, struct cmd *c)
{
	pid_t pid;

	if (n->type == N_SUBSHELL) {
		struct plan plan;

		if (plan_make(n->redirs, &plan) < 0)
			return -1;
		pid = spawn_shell(ch, n->name, xops->params, xops->nparams, NULL, &plan);
		plan_free(&plan);
		return pid;
	}
	if (!c)
		return spawn_shell(ch, n->src, xops->params, xops->nparams, NULL, NULL);
	return spawn_shell(ch, "\"$@\"", c->argv.v, c->argv.n, &c->assigns, &c->plan);
}

int run_subshell_here(struct node *n)
{
	struct node group = *n;

	if (n->type != N_SUBSHELL)
		return run_node(n);
	group.type = N_GROUP;
	return run_node(&group);
}

static pid_t spawn_fork(struct child *ch, struct node *n, struct cmd *c)
{
	pid_t pid;
	int status;

	fflush(stdout);
	fflush(stderr);
	sigprocmask(SIG_BLOCK, NULL, &ch->mask);
	pid = fork();
	if (pid != 0)
		return pid;
	become_child();
	child_setup(ch);
	if (c)
		status = c->argv.n ? run_in_shell(c) : 0;
	else
		status = run_subshell_here(n);
	if (sh.exiting)
		status = sh.exit_status;
	fflush(stdout);
	_exit(status & 0xff);
}

static pid_t spawn(struct child *ch, struct node *n, struct cmd *c)
{
	pid_t pid;

	if (c && c->argv.n && !builtin_find(c->argv.v[0]) && !func_find(c->argv.v[0]))
		return spawn_program(ch, c);
	if (sh.have_fork) {
		pid = spawn_fork(ch, n, c);
		if (pid >= 0 || errno != ENOSYS)
			return pid;
		sh.have_fork = false;
	}
	return spawn_reexec(ch, n, c);
}

/* A pipe whose ends are not inherited by programs the shell runs. */
static int cloexec_pipe(int p[2])
{
	if (pipe(p) < 0)
		return -1;
	fcntl(p[0], F_SETFD, FD_CLOEXEC);
	fcntl(p[1], F_SETFD, FD_CLOEXEC);
	return 0;
}

static char *job_text(struct node **nodes, int n)
{
	size_t len = 1;
	char *s;
	int i;

	for (i = 0; i < n; i++)
		len += strlen(nodes[i]->src ? nodes[i]->src : "?") + 3;
	s = malloc(len);
	if (!s)
		abort();
	s[0] = '\0';
	for (i = 0; i < n; i++) {
		if (i)
			strcat(s, " | ");
		strcat(s, nodes[i]->src ? nodes[i]->src : "?");
	}
	return s;
}

int launch_pipeline(struct node **nodes, int n, bool bg, struct cmd *pre)
{
	struct child ch = { .in = -1, .other = -1, .bg = bg };
	struct job *job = NULL;
	char *text = job_text(nodes, n);
	pid_t pid = -1;
	int i, status = 0;

	for (i = 0; i < n; i++) {
		int p[2] = { -1, -1 };
		struct cmd own, *c = NULL;

		if (i < n - 1 && cloexec_pipe(p) < 0) {
			sh_error("pipe: %s", strerror(errno));
			status = 1;
			break;
		}
		ch.out = p[1];
		ch.other = p[0];
		if (nodes[i]->type == N_CMD) {
			if (i == 0 && pre)
				c = pre;
			else if (cmd_expand(nodes[i], &own) == 0)
				c = &own;
		}
		pid = nodes[i]->type == N_CMD && !c ? -1 : spawn(&ch, nodes[i], c);
		if (c == &own)
			cmd_free(&own);
		if (pid > 0) {
			if (!ch.pgid) {
				ch.pgid = pid;
				job = job_new(pid, text, bg);
			}
			if (sh.jobctl)
				setpgid(pid, ch.pgid);
			job_add_pid(job, pid);
		}
		if (ch.in >= 0)
			close(ch.in);
		if (p[1] >= 0)
			close(p[1]);
		ch.in = p[0];
	}
	if (ch.in >= 0)
		close(ch.in);
	free(text);
	if (!job)
		return status ? status : 1;
	if (bg) {
		xops->bgpid = pid > 0 ? pid : ch.pgid;
		if (sh.interactive)
			fprintf(stderr, "[%d] %ld\n", job_id(job), (long)xops->bgpid);
		return 0;
	}
	status = job_wait_fg(job);
	return pid > 0 ? status : 1;
}

char *run_command_subst(const char *text, size_t len)
{
	struct child ch = { .in = -1, .other = -1, .bg = true };
	char *script = strndup(text, len), *out = NULL;
	size_t used = 0, cap = 0;
	int p[2], status;
	pid_t pid = -1;
	bool jobctl = sh.jobctl;

	if (cloexec_pipe(p) < 0) {
		sh_error("pipe: %s", strerror(errno));
		free(script);
		return NULL;
	}
	ch.out = p[1];
	ch.other = p[0];
	sh.jobctl = false;	/* the child stays in the shell's group */
	if (sh.have_fork) {
		fflush(stdout);
		sigprocmask(SIG_BLOCK, NULL, &ch.mask);
		pid = fork();
		if (pid == 0) {
			become_child();
			ch.bg = false;
			child_setup(&ch);
			status = run_text(script);
			fflush(stdout);
			_exit((sh.exiting ? sh.exit_status : status) & 0xff);
		}
		if (pid < 0 && errno == ENOSYS)
			sh.have_fork = false;
	}
	if (!sh.have_fork) {
		ch.bg = false;
		pid = spawn_shell(&ch, script, xops->params, xops->nparams, NULL, NULL);
	}
	sh.jobctl = jobctl;
	close(p[1]);
	for (;;) {
		ssize_t r;

		if (used + 512 > cap) {
			cap = cap ? cap * 2 : 1024;
			out = realloc(out, cap);
			if (!out)
				abort();
		}
		r = read(p[0], out + used, cap - used - 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		used += (size_t)r;
	}
	close(p[0]);
	out[used] = '\0';
	free(script);
	if (pid < 0) {
		free(out);
		return NULL;
	}
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	sh.subst_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
	return out;
}

/*
 * exec: with no command, c's redirections stay for the shell; with one,
 * the shell becomes it (no fork: this process).  On failure a
 * non-interactive shell exits with 127 or 126.
 */
int exec_command(struct cmd *c)
{
	struct sigaction dfl = { .sa_handler = SIG_DFL };
	struct exec_args x = { 0 };
	int status, err;
	size_t i;

	fflush(stdout);
	if (plan_apply(&c->plan, NULL) < 0)
		status = 1;
	else if (c->argv.n == 1)
		return 0;
	else if (!(x.path = find_path(c->argv.v[1]))) {
		raw_error(c->argv.v[1], "not found");
		status = 127;
	} else {
		x.envp = child_env(&c->assigns, false);
		for (i = 0; i < sizeof(job_signals) / sizeof(job_signals[0]); i++)
			sigaction(job_signals[i], &dfl, NULL);
		execve(x.path, c->argv.v + 1, x.envp);
		err = errno;
		if (err == ENOEXEC) {
			const char *head[] = { "sh", x.path };

			x.script_argv = vec_of(head, 2, c->argv.v + 2, c->argv.n - 2);
			execve(sh.self, x.script_argv, x.envp);
			err = errno;
		}
		raw_error(c->argv.v[1], err == ENOENT ? "not found" : strerror(err));
		status = err == ENOENT ? 127 : 126;
		free_vec(x.envp);
		free_vec(x.script_argv);
		free(x.path);
	}
	if (!sh.interactive) {
		sh.exiting = true;
		sh.exit_status = status;
	}
	return status;
}
