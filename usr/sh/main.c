// SPDX-License-Identifier: MIT
/*
 * sh: Tern's shell.
 *
 *	sh                 commands from standard input (interactive on a terminal)
 *	sh -c TEXT [NAME [ARG...]]
 *	sh FILE [ARG...]   a script (also how the kernel runs #!/bin/sh files)
 *
 * The loop reads a line, appends it to the text of the command being
 * read, and runs each command line as soon as it parses complete; an
 * incomplete one (open quote, if without fi, trailing |) asks for more
 * with PS2.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sh.h"
#include "launch.h"

extern char **environ;

static struct expand_ops ops;

static int assign(const char *name, const char *value)
{
	return var_set(name, value, false);
}

/*
 * The retired-instruction count when the interactive shell first prompts,
 * exported as TERN_BOOT_INSTRET: the boot's length from reset, which
 * make bench reports (usr/bench).  RISC-V only; elsewhere nothing.
 */
static void note_first_prompt(void)
{
#if defined(__riscv)
	static bool noted;
	unsigned long long n;
	char buf[24];

	if (noted)
		return;
	noted = true;
#if __riscv_xlen == 64
	__asm__ __volatile__("rdinstret %0" : "=r"(n));
#else
	unsigned int hi, lo, hi2;

	do {
		__asm__ __volatile__("rdinstreth %0" : "=r"(hi));
		__asm__ __volatile__("rdinstret %0" : "=r"(lo));
		__asm__ __volatile__("rdinstreth %0" : "=r"(hi2));
	} while (hi != hi2);
	n = (unsigned long long)hi << 32 | lo;
#endif
	snprintf(buf, sizeof(buf), "%llu", n);
	var_set("TERN_BOOT_INSTRET", buf, true);
#endif
}

static const char *prompt(bool more)
{
	const char *p = var_get(more ? "PS2" : "PS1");

	if (!more)
		note_first_prompt();

	return p ? p : more ? "> " : "# ";
}

/* Appends line to *text (of *len bytes). */
static void append(char **text, size_t *len, const char *line)
{
	size_t n = strlen(line);

	*text = realloc(*text, *len + n + 1);
	if (!*text)
		abort();
	memcpy(*text + *len, line, n + 1);
	*len += n;
}

/* Runs every complete command line of text from *done; false on a syntax error. */
static bool run_complete(const char *text, size_t *done, bool *incomplete)
{
	*incomplete = false;
	while (!sh.exiting && !sh.returning) {
		struct lexer lx;
		struct node *n;
		const char *err = NULL;
		enum parse_status st;

		lex_init(&lx, text + *done);
		st = parse_line(&lx, &n, &err);
		if (st == P_EMPTY) {
			*done += lx.pos;
			return true;
		}
		if (st == P_INCOMPLETE) {
			*incomplete = true;
			return true;
		}
		if (st == P_ERROR) {
			sh_error("syntax error: %s", err);
			set_status(2);
			return false;
		}
		*done += lx.pos;
		run_node(n);
		node_free(n);
		if (sh_interrupted && sh.interactive)
			fputc('\n', stderr);	/* after the ^C the loop ended on */
		sh_interrupted = 0;
	}
	return true;
}

int run_input(struct input *in)
{
	char *text = NULL;
	size_t len = 0, done = 0;
	bool incomplete = false;

	while (!sh.exiting && !sh.returning) {
		bool top = sh.interactive && in != NULL;
		bool interrupted;
		char *line;

		if (top && !incomplete)
			jobs_reap(true);
		line = input_line(in, sh.interactive ? prompt(incomplete) : NULL, &interrupted);
		if (interrupted) {
			len = done = 0;
			incomplete = false;
			set_status(130);
			continue;
		}
		if (!line) {
			if (incomplete) {
				sh_error("syntax error: unexpected end of file");
				set_status(2);
			}
			break;
		}
		if (sh.interactive)
			history_add(line);
		append(&text, &len, line);
		free(line);
		if (!run_complete(text, &done, &incomplete)) {
			if (!sh.interactive) {
				sh.exiting = true;
				sh.exit_status = 2;
			}
			done = len;
		}
		if (done == len) {
			len = done = 0;
			incomplete = false;
		}
	}
	free(text);
	return sh.status;
}

int run_text(const char *text)
{
	struct input *in = input_string(text);
	bool interactive = sh.interactive;
	int status;

	sh.interactive = false;
	status = run_input(in);
	sh.interactive = interactive;
	input_close(in);
	return status;
}

/* A file to source: NAME with a slash as it is, else on $PATH, then here. */
static int open_script(const char *name)
{
	const char *path = var_get("PATH"), *p, *colon;
	char buf[PATH_MAX];
	int fd;

	if (strchr(name, '/') || !path)
		return open(name, O_RDONLY | O_CLOEXEC);
	for (p = path;; p = colon + 1) {
		colon = strchr(p, ':');
		snprintf(buf, sizeof(buf), "%.*s/%s",
			 (int)(colon ? (size_t)(colon - p) : strlen(p)), p, name);
		fd = open(buf, O_RDONLY | O_CLOEXEC);
		if (fd >= 0 || !colon)
			break;
	}
	return fd >= 0 ? fd : open(name, O_RDONLY | O_CLOEXEC);
}

int run_file(const char *path, bool report)
{
	int fd = open_script(path), high;
	bool interactive = sh.interactive;
	struct input *in;
	int status;

	if (fd < 0) {
		if (report)
			sh_error("%s: %s", path, strerror(errno));
		return -1;
	}
	/* Out of the way of the descriptors scripts redirect (0-9). */
	high = fcntl(fd, F_DUPFD_CLOEXEC, 10);
	if (high >= 0) {
		close(fd);
		fd = high;
	}
	in = input_fd(fd, false);
	sh.interactive = false;
	status = run_input(in);
	sh.interactive = interactive;
	input_close(in);
	return status;
}

static void on_sigint(int sig)
{
	(void)sig;
	sh_interrupted = 1;
}

static void setup_interactive(void)
{
	struct sigaction sa = { .sa_handler = on_sigint };

	sh.tty = fcntl(0, F_DUPFD_CLOEXEC, 10);
	job_init_signals();
	sigaction(SIGINT, &sa, NULL);	/* no SA_RESTART: ^C ends a read */
}

static void find_self(const char *argv0)
{
	static char buf[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", buf, sizeof(buf) - 1);

	if (n > 0) {
		buf[n] = '\0';
		sh.self = buf;
	} else if (argv0 && argv0[0] == '/') {
		sh.self = argv0;
	} else {
		sh.self = "/bin/sh";
	}
}

static void init(int argc, char **argv)
{
	char pid[32];

	(void)argc;
	xops = &ops;
	ops.lookup = var_get;
	ops.assign = assign;
	ops.command_subst = run_command_subst;
	ops.pid = getpid();
	ops.arg0 = argv[0];
	ops.params = calloc(1, sizeof(char *));
	sh.tty = -1;
	sh.pgid = getpgrp();
	sh.have_fork = !getenv("SH_NOFORK");
	find_self(argv[0]);
	var_init(environ);
	if (!var_get("PATH"))
		var_set("PATH", "/bin:/sbin:/usr/bin:/usr/sbin", true);
	var_set("PPID", (snprintf(pid, sizeof(pid), "%ld", (long)getppid()), pid), false);
	if (!var_get("PWD") || !*var_get("PWD")) {
		char cwd[PATH_MAX];

		if (getcwd(cwd, sizeof(cwd)))
			var_set("PWD", cwd, true);
	}
}

static void usage(void)
{
	fprintf(stderr, "usage: sh [-c TEXT [NAME [ARG...]] | FILE [ARG...]]\n");
	exit(2);
}

int main(int argc, char **argv)
{
	int i = 1, status;

	init(argc, argv);
	if (i < argc && !strcmp(argv[i], "--"))
		i++;
	if (i < argc && !strcmp(argv[i], "-c")) {
		if (i + 1 >= argc)
			usage();
		if (i + 2 < argc) {
			ops.arg0 = argv[i + 2];
			params_set(argc - i - 3, argv + i + 3);
		}
		status = run_text(argv[i + 1]);
	} else if (i < argc && argv[i][0] == '-' && argv[i][1] && strcmp(argv[i], "-s")) {
		usage();
		return 2;
	} else if (i < argc && strcmp(argv[i], "-s")) {
		ops.arg0 = argv[i];
		params_set(argc - i - 1, argv + i + 1);
		status = run_file(argv[i], false);
		if (status < 0) {
			sh_error("%s: %s", argv[i], strerror(errno));
			return errno == ENOENT ? 127 : 126;
		}
	} else {
		struct input *in;

		if (i < argc)
			params_set(argc - i - 1, argv + i + 1);
		sh.interactive = isatty(0) && isatty(2);
		if (sh.interactive)
			setup_interactive();
		in = input_fd(0, sh.interactive);
		status = run_input(in);
		free(in);
		if (sh.interactive && !sh.exiting)
			fputc('\n', stderr);
	}
	fflush(stdout);
	return sh.exiting ? sh.exit_status : status;
}
