// SPDX-License-Identifier: MIT
/*
 * The job table: every pipeline the shell started in children, by job
 * number.  A foreground job leaves the table when it ends; a background
 * one when it is reported Done (interactive shells, before a prompt), or
 * waited for.  With job control (an interactive shell on a terminal),
 * each job is its own process group and the foreground one owns the
 * terminal; ^Z stops it and it stays here, to be continued by fg or bg.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sh.h"

#define MAX_JOBS 64

enum job_state { RUNNING, STOPPED, DONE };

struct job {
	int id;			/* %id */
	pid_t pgid;
	pid_t *pids;
	int *status;		/* wait status of each, valid once done[i] */
	bool *done, *stopped;
	int n;
	char *cmd;
	bool bg;		/* not waited for by the shell */
	unsigned long seq;	/* when last started or stopped: the highest is %+ */
};

static struct job *table[MAX_JOBS];
static unsigned long seq;

int job_id(struct job *j)
{
	return j->id;
}

static bool wait_one(int flags);
static enum job_state state(struct job *j);
static void job_free(struct job *j);

/* A full table: forget the finished background jobs nobody waited for. */
static void make_room(void)
{
	int i;

	while (wait_one(WNOHANG))
		;
	for (i = 0; i < MAX_JOBS; i++)
		if (table[i] && table[i]->bg && state(table[i]) == DONE)
			job_free(table[i]);
}

struct job *job_new(pid_t pgid, const char *cmd, bool bg)
{
	struct job *j;
	int i;

	for (i = 0; i < MAX_JOBS && table[i]; i++)
		;
	if (i == MAX_JOBS) {
		make_room();
		for (i = 0; i < MAX_JOBS && table[i]; i++)
			;
	}
	if (i == MAX_JOBS) {
		sh_error("too many jobs");
		return NULL;
	}
	j = calloc(1, sizeof(*j));
	if (!j)
		abort();
	j->id = i + 1;
	j->pgid = pgid;
	j->cmd = strdup(cmd);
	j->bg = bg;
	j->seq = ++seq;
	table[i] = j;
	return j;
}

void job_add_pid(struct job *j, pid_t pid)
{
	size_t n;

	if (!j)
		return;
	n = (size_t)j->n + 1;
	j->pids = realloc(j->pids, n * sizeof(*j->pids));
	j->status = realloc(j->status, n * sizeof(*j->status));
	j->done = realloc(j->done, n * sizeof(*j->done));
	j->stopped = realloc(j->stopped, n * sizeof(*j->stopped));
	if (!j->pids || !j->status || !j->done || !j->stopped)
		abort();
	j->pids[j->n] = pid;
	j->status[j->n] = 0;
	j->done[j->n] = false;
	j->stopped[j->n] = false;
	j->n++;
}

static void job_free(struct job *j)
{
	table[j->id - 1] = NULL;
	free(j->pids);
	free(j->status);
	free(j->done);
	free(j->stopped);
	free(j->cmd);
	free(j);
}

void jobs_forget(void)
{
	int i;

	for (i = 0; i < MAX_JOBS; i++)
		if (table[i])
			job_free(table[i]);
}

static enum job_state state(struct job *j)
{
	bool all_done = true, stopped = false;
	int i;

	for (i = 0; i < j->n; i++) {
		all_done &= j->done[i];
		stopped |= !j->done[i] && j->stopped[i];
	}
	return all_done ? DONE : stopped ? STOPPED : RUNNING;
}

/* Records a wait status for pid, in whichever job holds it. */
static void update(pid_t pid, int st)
{
	int i, k;

	for (i = 0; i < MAX_JOBS; i++) {
		struct job *j = table[i];

		for (k = 0; j && k < j->n; k++) {
			if (j->pids[k] != pid)
				continue;
			if (WIFSTOPPED(st)) {
				j->stopped[k] = true;
				j->seq = ++seq;
			} else if (WIFCONTINUED(st)) {
				j->stopped[k] = false;
			} else {
				j->done[k] = true;
				j->status[k] = st;
			}
			return;
		}
	}
}

/* One waitpid; false when there is nothing (more) to wait for. */
static bool wait_one(int flags)
{
	int st;
	pid_t pid = waitpid(-1, &st, flags | WUNTRACED);

	if (pid < 0 && errno == EINTR)
		return true;
	if (pid <= 0)
		return false;
	update(pid, st);
	return true;
}

/* Every unfinished process is gone (ECHILD): mark it so. */
static void mark_lost(struct job *j)
{
	int i;

	for (i = 0; i < j->n; i++)
		if (!j->done[i]) {
			j->done[i] = true;
			j->status[i] = 127 << 8;
		}
}

static int exit_code(int st)
{
	if (WIFEXITED(st))
		return WEXITSTATUS(st);
	if (WIFSIGNALED(st))
		return 128 + WTERMSIG(st);
	return 128 + SIGTSTP;
}

static const char *state_name(enum job_state s)
{
	return s == RUNNING ? "Running" : s == STOPPED ? "Stopped" : "Done";
}

static void show(struct job *j, enum job_state s)
{
	fflush(stdout);
	fprintf(stderr, "[%d]+  %-8s %s\n", j->id, state_name(s), j->cmd);
}

int job_wait_fg(struct job *j)
{
	enum job_state s;
	int st;

	if (!j)
		return 1;
	while ((s = state(j)) == RUNNING)
		if (!wait_one(0))
			mark_lost(j);
	if (sh.jobctl)
		tcsetpgrp(sh.tty, sh.pgid);
	if (s == STOPPED) {
		j->bg = true;
		fputc('\n', stderr);
		show(j, s);
		return 128 + SIGTSTP;
	}
	st = j->status[j->n - 1];
	if (sh.interactive && WIFSIGNALED(st)) {
		int sig = WTERMSIG(st);

		if (sig == SIGINT)
			sh_interrupted = 1;	/* the line's end prints the newline */
		else if (sig != SIGPIPE)
			fprintf(stderr, "%s\n", strsignal(sig));
	}
	job_free(j);
	return exit_code(st);
}

void jobs_reap(bool report)
{
	int i;

	while (wait_one(WNOHANG))
		;
	if (!report)
		return;
	for (i = 0; i < MAX_JOBS; i++)
		if (table[i] && table[i]->bg && state(table[i]) == DONE) {
			show(table[i], DONE);
			job_free(table[i]);
		}
}

/* %N, %+ / %% / % (the current job), or a pid of a job; NULL if none. */
static struct job *find_job(const char *spec)
{
	struct job *best = NULL;
	int i, k;

	if (!spec || !strcmp(spec, "%") || !strcmp(spec, "%%") || !strcmp(spec, "%+")) {
		for (i = 0; i < MAX_JOBS; i++)
			if (table[i] && (!best || table[i]->seq > best->seq))
				best = table[i];
		return best;
	}
	if (spec[0] == '%') {
		i = atoi(spec + 1);
		return i >= 1 && i <= MAX_JOBS ? table[i - 1] : NULL;
	}
	for (i = 0; i < MAX_JOBS; i++)
		for (k = 0; table[i] && k < table[i]->n; k++)
			if (table[i]->pids[k] == (pid_t)atol(spec))
				return table[i];
	return NULL;
}

/* The process group of job %N, or 0 if there is no such job. */
pid_t job_pgid(const char *spec)
{
	struct job *j = find_job(spec);

	return j ? j->pgid : 0;
}

int job_wait_id(const char *spec)
{
	struct job *j = find_job(spec);
	int st;

	if (!j)
		return 127;
	while (state(j) != DONE)
		if (!wait_one(0))
			mark_lost(j);
	st = j->status[j->n - 1];
	job_free(j);
	return exit_code(st);
}

int job_wait_all(void)
{
	int i;
	bool running;

	do {
		running = false;
		for (i = 0; i < MAX_JOBS; i++)
			if (table[i] && state(table[i]) == RUNNING)
				running = true;
		if (running && !wait_one(0))
			for (i = 0; i < MAX_JOBS; i++)
				if (table[i])
					mark_lost(table[i]);
	} while (running);
	for (i = 0; i < MAX_JOBS; i++)
		if (table[i] && state(table[i]) == DONE)
			job_free(table[i]);
	return 0;
}

int jobs_builtin(int argc, char **argv)
{
	int i;

	(void)argc;
	(void)argv;
	jobs_reap(false);
	for (i = 0; i < MAX_JOBS; i++) {
		struct job *j = table[i];
		enum job_state s;

		if (!j)
			continue;
		s = state(j);
		printf("[%d]  %-8s %s\n", j->id, state_name(s), j->cmd);
		if (s == DONE)
			job_free(j);
	}
	return 0;
}

static struct job *continue_job(int argc, char **argv, const char *who)
{
	struct job *j = find_job(argc > 1 ? argv[1] : NULL);
	int i;

	if (!j) {
		sh_error("%s: %s: no such job", who, argc > 1 ? argv[1] : "current");
		return NULL;
	}
	for (i = 0; i < j->n; i++)
		j->stopped[i] = false;
	j->seq = ++seq;
	return j;
}

int fg_builtin(int argc, char **argv)
{
	struct job *j = continue_job(argc, argv, "fg");

	if (!j)
		return 1;
	printf("%s\n", j->cmd);
	fflush(stdout);
	j->bg = false;
	if (sh.jobctl)
		tcsetpgrp(sh.tty, j->pgid);
	if (killpg(j->pgid, SIGCONT) < 0 && !sh.jobctl)
		kill(j->pids[j->n - 1], SIGCONT);
	return job_wait_fg(j);
}

int bg_builtin(int argc, char **argv)
{
	struct job *j = continue_job(argc, argv, "bg");

	if (!j)
		return 1;
	j->bg = true;
	xops->bgpid = j->pids[j->n - 1];
	printf("[%d] %s &\n", j->id, j->cmd);
	if (killpg(j->pgid, SIGCONT) < 0)
		return 1;
	return 0;
}

static void ignore(int sig)
{
	struct sigaction sa = { .sa_handler = SIG_IGN };

	sigaction(sig, &sa, NULL);
}

/*
 * Job control for an interactive shell on a terminal: if another live
 * process group has the terminal, wait (stopped by SIGTTIN) until this
 * shell is put in the foreground; then take a process group of its own
 * and the terminal.  A terminal whose group is gone (a shell that died)
 * is taken at once.  Without a terminal, jobs stay in the shell's group.
 */
void job_init_signals(void)
{
	int tries;

	if (sh.tty < 0)
		return;
	for (tries = 0; tries < 100; tries++) {
		pid_t fg = tcgetpgrp(sh.tty);

		if (fg < 0)
			return;		/* no controlling terminal */
		if (fg == getpgrp() || fg == 0 || kill(-fg, 0) < 0)
			break;
		kill(-getpgrp(), SIGTTIN);
	}
	ignore(SIGTSTP);
	ignore(SIGTTIN);
	ignore(SIGTTOU);
	ignore(SIGQUIT);
	if (getpgrp() != getpid() && setpgid(0, 0) < 0)
		return;
	sh.pgid = getpid();
	if (tcsetpgrp(sh.tty, sh.pgid) < 0)
		return;
	sh.jobctl = true;
}
