// SPDX-License-Identifier: MIT
/*
 * Builtins: the commands that change the shell itself (cd, export, exit,
 * set, ...) and a few run here only to save a process (echo, true, test).
 * Each takes argv as a program's main would and returns its status.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sh.h"
#include "launch.h"

struct line_buf {
	char *s, *q;
	size_t len, cap;
};

static int parse_status(const char *who, const char *s, int *out)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (!*s || *end || v < 0) {
		sh_error("%s: %s: bad number", who, s);
		return -1;
	}
	*out = (int)(v & 0xff);
	return 0;
}

static int b_true(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;
}

static int b_false(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 1;
}

/* \n \t \\ \c ... of echo -e; false at \c (no more output). */
static bool echo_escaped(const char *s)
{
	for (; *s; s++) {
		char c = *s;

		if (c == '\\' && s[1]) {
			switch (*++s) {
			case 'n': c = '\n'; break;
			case 't': c = '\t'; break;
			case 'r': c = '\r'; break;
			case 'a': c = '\a'; break;
			case 'b': c = '\b'; break;
			case 'f': c = '\f'; break;
			case 'v': c = '\v'; break;
			case '\\': c = '\\'; break;
			case 'c': return false;
			case '0': {
				int v = 0, i;

				for (i = 0; i < 3 && s[1] >= '0' && s[1] <= '7'; i++)
					v = v * 8 + (*++s - '0');
				c = (char)v;
				break;
			}
			default:
				putchar('\\');
				c = *s;
			}
		}
		putchar(c);
	}
	return true;
}

static int b_echo(int argc, char **argv)
{
	bool newline = true, escapes = false;
	int i = 1;

	for (; i < argc && argv[i][0] == '-' && argv[i][1] &&
	       strspn(argv[i] + 1, "neE") == strlen(argv[i] + 1); i++) {
		const char *o;

		for (o = argv[i] + 1; *o; o++) {
			if (*o == 'n')
				newline = false;
			else
				escapes = *o == 'e';
		}
	}
	for (; i < argc; i++) {
		if (escapes) {
			if (!echo_escaped(argv[i]))
				return fflush(stdout) ? 1 : 0;
		} else {
			fputs(argv[i], stdout);
		}
		if (i + 1 < argc)
			putchar(' ');
	}
	if (newline)
		putchar('\n');
	return fflush(stdout) || ferror(stdout) ? (clearerr(stdout), 1) : 0;
}

static void set_pwd(const char *old)
{
	char buf[PATH_MAX];

	if (old)
		var_set("OLDPWD", old, true);
	if (getcwd(buf, sizeof(buf)))
		var_set("PWD", buf, true);
}

static int b_cd(int argc, char **argv)
{
	const char *dir = argc > 1 ? argv[1] : var_get("HOME");
	char *old = var_get("PWD") ? strdup(var_get("PWD")) : NULL;
	bool dash = false;

	if (dir && !strcmp(dir, "-")) {
		dir = var_get("OLDPWD");
		dash = true;
	}
	if (!dir) {
		sh_error("cd: %s not set", dash ? "OLDPWD" : "HOME");
		free(old);
		return 1;
	}
	if (chdir(dir) < 0) {
		sh_error("cd: %s: %s", dir, strerror(errno));
		free(old);
		return 1;
	}
	set_pwd(old);
	free(old);
	if (dash)
		printf("%s\n", var_get("PWD"));
	return 0;
}

static int b_pwd(int argc, char **argv)
{
	char buf[PATH_MAX];

	(void)argc;
	(void)argv;
	if (!getcwd(buf, sizeof(buf))) {
		sh_error("pwd: %s", strerror(errno));
		return 1;
	}
	printf("%s\n", buf);
	return 0;
}

static int b_export(int argc, char **argv)
{
	int i, status = 0;

	if (argc == 1 || (argc == 2 && !strcmp(argv[1], "-p"))) {
		var_print_exported();
		return 0;
	}
	for (i = 1; i < argc; i++) {
		char *eq = strchr(argv[i], '=');
		size_t len = eq ? (size_t)(eq - argv[i]) : strlen(argv[i]);

		if (!is_name(argv[i], len)) {
			sh_error("export: %s: bad variable name", argv[i]);
			status = 1;
		} else if (eq) {
			*eq = '\0';
			var_set(argv[i], eq + 1, true);
			*eq = '=';
		} else {
			var_export(argv[i]);
		}
	}
	return status;
}

static int b_unset(int argc, char **argv)
{
	int i = 1;

	if (i < argc && !strcmp(argv[i], "-v"))
		i++;
	for (; i < argc; i++)
		var_unset(argv[i]);
	return 0;
}

static int b_exit(int argc, char **argv)
{
	int status = sh.status;

	if (argc > 1 && parse_status("exit", argv[1], &status) < 0)
		status = 2;
	sh.exiting = true;
	sh.exit_status = status;
	return status;
}

static int b_return(int argc, char **argv)
{
	int status = sh.status;

	if (!sh.func_depth) {
		sh_error("return: not in a function or a sourced file");
		return 2;
	}
	if (argc > 1 && parse_status("return", argv[1], &status) < 0)
		status = 2;
	sh.returning = true;
	return status;
}

static int loop_control(int argc, char **argv, bool cont)
{
	int n = 1;

	if (argc > 1 && (parse_status(argv[0], argv[1], &n) < 0 || n < 1))
		return 1;
	if (!sh.loop_depth)
		return 0;
	sh.breaking = n < sh.loop_depth ? n : sh.loop_depth;
	sh.continuing = cont;
	return 0;
}

static int b_break(int argc, char **argv)
{
	return loop_control(argc, argv, false);
}

static int b_continue(int argc, char **argv)
{
	return loop_control(argc, argv, true);
}

static int b_source(int argc, char **argv)
{
	struct saved_params saved;
	int status;

	if (argc < 2) {
		sh_error("%s: file name expected", argv[0]);
		return 2;
	}
	if (argc > 2) {
		params_save(&saved);
		params_set(argc - 2, argv + 2);
	}
	sh.func_depth++;
	status = run_file(argv[1], true);
	sh.func_depth--;
	if (argc > 2)
		params_restore(&saved);
	if (sh.returning)
		sh.returning = false;
	return status < 0 ? 1 : status;
}

static int b_eval(int argc, char **argv)
{
	size_t len = 1;
	char *text;
	int i, status;

	for (i = 1; i < argc; i++)
		len += strlen(argv[i]) + 1;
	text = malloc(len);
	if (!text)
		abort();
	text[0] = '\0';
	for (i = 1; i < argc; i++) {
		strcat(text, argv[i]);
		if (i + 1 < argc)
			strcat(text, " ");
	}
	status = run_text(text);
	free(text);
	return status;
}

static int b_wait(int argc, char **argv)
{
	int i, status = 0;

	if (argc == 1)
		return job_wait_all();
	for (i = 1; i < argc; i++)
		status = job_wait_id(argv[i]);
	return status;
}

static int b_shift(int argc, char **argv)
{
	int n = 1;

	if (argc > 1 && parse_status("shift", argv[1], &n) < 0)
		return 2;
	if (n > xops->nparams) {
		sh_error("shift: can't shift that many");
		return 1;
	}
	params_shift(n);
	return 0;
}

static int b_set(int argc, char **argv)
{
	int i = 1;

	if (argc == 1) {
		char **env = var_environ(true), **e;

		for (e = env; *e; e++) {
			printf("%s\n", *e);
			free(*e);
		}
		free(env);
		return 0;
	}
	if (!strcmp(argv[1], "--"))
		i = 2;
	else if (argv[1][0] == '-' || argv[1][0] == '+') {
		sh_error("set: %s: options are not supported", argv[1]);
		return 2;
	}
	params_set(argc - i, argv + i);
	return 0;
}

static bool ifs_white(const char *ifs, char c)
{
	return strchr(ifs, c) && (c == ' ' || c == '\t' || c == '\n');
}

/* One line of fd 0, a byte at a time; q[i]: char i was escaped.  False at EOF. */
static bool read_line(bool raw, struct line_buf *l)
{
	for (;;) {
		char c, esc = 0;
		ssize_t r = read(0, &c, 1);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return false;
		if (!raw && c == '\\') {
			if (read(0, &c, 1) <= 0)
				return false;
			if (c == '\n')
				continue;
			esc = 1;
		} else if (c == '\n') {
			return true;
		}
		if (l->len + 2 > l->cap) {
			l->cap = l->cap * 2 + 64;
			l->s = realloc(l->s, l->cap);
			l->q = realloc(l->q, l->cap);
			if (!l->s || !l->q)
				abort();
		}
		l->q[l->len] = esc;
		l->s[l->len++] = c;
	}
}

/* read [-r] NAME...: one line of standard input, split on IFS. */
static int b_read(int argc, char **argv)
{
	const char *ifs = var_get("IFS") ? var_get("IFS") : " \t\n";
	struct line_buf l = { NULL, NULL, 0, 0 };
	bool raw = false, complete;
	size_t pos = 0;
	int i = 1;

	if (i < argc && !strcmp(argv[i], "-r"))
		raw = true, i++;
	complete = read_line(raw, &l);
#define SEP(k) (!l.q[k] && strchr(ifs, l.s[k]))
	while (pos < l.len && SEP(pos) && ifs_white(ifs, l.s[pos]))
		pos++;
	for (; i < argc; i++) {
		size_t start = pos, end;
		char *v;

		if (i == argc - 1) {
			end = l.len;
			while (end > start && SEP(end - 1) && ifs_white(ifs, l.s[end - 1]))
				end--;
			pos = l.len;
		} else {
			while (pos < l.len && !SEP(pos))
				pos++;
			end = pos;
			while (pos < l.len && SEP(pos) && ifs_white(ifs, l.s[pos]))
				pos++;
			if (pos < l.len && SEP(pos) && pos == end)
				pos++;	/* one non-blank separator */
			while (pos < l.len && SEP(pos) && ifs_white(ifs, l.s[pos]))
				pos++;
		}
		v = strndup(l.s ? l.s + start : "", end - start);
		var_set(argv[i], v, false);
		free(v);
	}
#undef SEP
	free(l.s);
	free(l.q);
	return complete ? 0 : 1;
}

static int b_umask(int argc, char **argv)
{
	mode_t m;
	char *end;

	if (argc == 1) {
		m = umask(0);
		umask(m);
		printf("%04o\n", (unsigned int)m);
		return 0;
	}
	m = (mode_t)strtoul(argv[1], &end, 8);
	if (*end || !*argv[1]) {
		sh_error("umask: %s: bad mode", argv[1]);
		return 1;
	}
	umask(m);
	return 0;
}

static const struct {
	const char *name;
	int sig;
} signals[] = {
	{ "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT }, { "KILL", SIGKILL },
	{ "USR1", SIGUSR1 }, { "USR2", SIGUSR2 }, { "PIPE", SIGPIPE }, { "ALRM", SIGALRM },
	{ "TERM", SIGTERM }, { "CHLD", SIGCHLD }, { "CONT", SIGCONT }, { "STOP", SIGSTOP },
	{ "TSTP", SIGTSTP }, { "TTIN", SIGTTIN }, { "TTOU", SIGTTOU },
};

static int signal_number(const char *s)
{
	size_t i;
	char *end;
	long v;

	if (!strncmp(s, "SIG", 3))
		s += 3;
	for (i = 0; i < sizeof(signals) / sizeof(signals[0]); i++)
		if (!strcmp(s, signals[i].name))
			return signals[i].sig;
	v = strtol(s, &end, 10);
	return *s && !*end && v >= 0 && v < 65 ? (int)v : -1;
}

/* kill [-SIG | -s SIG] PID|%JOB...: a builtin so that %JOB works. */
static int b_kill(int argc, char **argv)
{
	int sig = SIGTERM, i = 1, status = 0;

	if (i < argc && !strcmp(argv[i], "-l")) {
		size_t k;

		for (k = 0; k < sizeof(signals) / sizeof(signals[0]); k++)
			printf("%s%c", signals[k].name,
			       k + 1 < sizeof(signals) / sizeof(signals[0]) ? ' ' : '\n');
		return 0;
	}
	if (i + 1 < argc && !strcmp(argv[i], "-s")) {
		sig = signal_number(argv[i + 1]);
		i += 2;
	} else if (i < argc && argv[i][0] == '-' && argv[i][1] && strcmp(argv[i], "--")) {
		sig = signal_number(argv[i] + 1);
		i++;
	}
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	if (sig < 0 || i == argc) {
		sh_error("kill: usage: kill [-SIGNAL | -s SIGNAL] PID|%%JOB...");
		return 2;
	}
	for (; i < argc; i++) {
		char *end;
		long pid;
		int r;

		if (argv[i][0] == '%') {
			pid_t pgid = job_pgid(argv[i]);

			if (!pgid) {
				sh_error("kill: %s: no such job", argv[i]);
				status = 1;
				continue;
			}
			r = killpg(pgid, sig);
			if (r < 0 && !sh.jobctl)
				r = kill(pgid, sig);	/* no group of its own: its first process */
		} else {
			pid = strtol(argv[i], &end, 10);
			if (!*argv[i] || *end) {
				sh_error("kill: %s: arguments must be process or job IDs", argv[i]);
				status = 1;
				continue;
			}
			r = kill((pid_t)pid, sig);
		}
		if (r < 0) {
			sh_error("kill: %s: %s", argv[i], strerror(errno));
			status = 1;
		}
	}
	return status;
}

static int b_exec(int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return 0;	/* exec with a command is exec_command() */
}

struct builtin {
	const char *name;
	builtin_fn fn;
	bool special;	/* its variable assignments stay (POSIX special builtin) */
};

static const struct builtin builtins[] = {
	{ ":", b_true, true }, { ".", b_source, true }, { "[", test_builtin, false },
	{ "bg", bg_builtin, false }, { "break", b_break, true }, { "cd", b_cd, false },
	{ "continue", b_continue, true }, { "echo", b_echo, false }, { "eval", b_eval, true },
	{ "exec", b_exec, true }, { "exit", b_exit, true }, { "export", b_export, true },
	{ "false", b_false, false }, { "fg", fg_builtin, false }, { "jobs", jobs_builtin, false },
	{ "kill", b_kill, false },
	{ "pwd", b_pwd, false }, { "read", b_read, false }, { "return", b_return, true },
	{ "set", b_set, true }, { "shift", b_shift, true }, { "source", b_source, true },
	{ "test", test_builtin, false }, { "true", b_true, false }, { "umask", b_umask, false },
	{ "unset", b_unset, true }, { "wait", b_wait, false },
};

static const struct builtin *find(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof(builtins) / sizeof(builtins[0]); i++)
		if (!strcmp(builtins[i].name, name))
			return &builtins[i];
	return NULL;
}

builtin_fn builtin_find(const char *name)
{
	const struct builtin *b = find(name);

	return b ? b->fn : NULL;
}

bool builtin_special(const char *name)
{
	const struct builtin *b = find(name);

	return b && b->special;
}
