// SPDX-License-Identifier: MIT
/*
 * usertests: the runner.  Prints KTAP on stdout:
 *	KTAP version 1
 *	1..N
 *	ok 1 name | not ok 1 name | ok 1 name # SKIP why
 *	# P passed, F failed, S skipped
 * Usage: usertests [-l] [-n] [name...]	(names run only those tests;
 *	-l lists the tests; -n runs as without fork, as on no-MMU)
 * Internal: usertests -t name scratchdir (one test, the runner's child
 *	     on no-MMU),
 *	     usertests -c helper arg (a test's child on no-MMU).
 * Exit status 0 when nothing failed, 1 otherwise.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "usertests.h"

/* The descriptor a test's child writes its skip reason to. */
#define REASON_FD 9

const char *self_path;
bool have_fork, have_exec;

static const struct test *const test_tables[] = {
	proc_tests, pipe_tests, signal_tests, badptr_tests, mem_tests,
	fs_tests, elf_tests,
};

/*
 * A hung test would hang the whole run: a watchdog child kills it after
 * WATCHDOG_SECONDS.  Not a timing assertion: no test comes near it, and
 * a test it ends fails as a hang.
 */
#ifndef WATCHDOG_SECONDS
#define WATCHDOG_SECONDS 600
#endif

static int h_watchdog(long pid)
{
	struct timespec ts = { WATCHDOG_SECONDS, 0 };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
	printf("# watchdog: the test still runs after %d s: killing it\n",
	       WATCHDOG_SECONDS);
	kill((pid_t)pid, SIGKILL);
	return 0;
}

static const struct helper runner_helpers[] = {
	{ "watchdog", h_watchdog },
	{ NULL, NULL },
};

static const struct helper *const helper_tables[] = {
	proc_helpers, pipe_helpers, signal_helpers, fs_helpers, mem_helpers,
	runner_helpers,
};

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

void diag(const char *file, int line, const char *fmt, ...)
{
	char buf[512];
	va_list ap;
	int n;

	n = snprintf(buf, sizeof(buf), "# %s:%d: ", file, line);
	va_start(ap, fmt);
	vsnprintf(buf + n, sizeof(buf) - n - 1, fmt, ap);
	va_end(ap);
	strcat(buf, "\n");
	/* One write: children share stdout and lines must not interleave. */
	write_all(1, buf, strlen(buf));
}

enum result skip(const char *fmt, ...)
{
	char buf[200];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof(buf), fmt, ap);
	va_end(ap);
	write_all(REASON_FD, buf, strlen(buf));
	return SKIP;
}

ssize_t write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;
	size_t done = 0;

	while (done < n) {
		ssize_t r = write(fd, p + done, n - done);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		done += r;
	}
	return n;
}

ssize_t read_all(int fd, void *buf, size_t n)
{
	char *p = buf;
	size_t done = 0;

	while (done < n) {
		ssize_t r = read(fd, p + done, n - done);

		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			return -1;
		done += r;
	}
	return n;
}

static const struct helper *helper_by_fn(int (*fn)(long))
{
	for (size_t t = 0; t < ARRAY_SIZE(helper_tables); t++)
		for (const struct helper *h = helper_tables[t]; h->name; h++)
			if (h->fn == fn)
				return h;
	return NULL;
}

static const struct helper *helper_by_name(const char *name)
{
	for (size_t t = 0; t < ARRAY_SIZE(helper_tables); t++)
		for (const struct helper *h = helper_tables[t]; h->name; h++)
			if (!strcmp(h->name, name))
				return h;
	return NULL;
}

/* vfork + exec of this program; the child may only exec or _exit. */
static pid_t spawn_self(char *const argv[])
{
	pid_t pid = vfork();

	if (pid == 0) {
		execv(self_path, argv);
		_exit(127);
	}
	return pid;
}

pid_t spawn_exec(const char *helper, long arg)
{
	char num[24];

	snprintf(num, sizeof(num), "%ld", arg);
	char *argv[] = { (char *)self_path, "-c", (char *)helper, num, NULL };
	return spawn_self(argv);
}

pid_t spawn(int (*fn)(long), long arg)
{
	const struct helper *h;
	char num[24];
	pid_t pid;

	if (have_fork) {
		pid = fork();
		if (pid == 0)
			_exit(fn(arg));
		return pid;
	}
	h = helper_by_fn(fn);
	if (!h) {
		errno = EINVAL;
		return -1;
	}
	snprintf(num, sizeof(num), "%ld", arg);
	char *argv[] = { (char *)self_path, "-c", (char *)h->name, num, NULL };
	return spawn_self(argv);
}

static void explain_status(pid_t pid, int st)
{
	if (WIFEXITED(st))
		printf("# child %d exited with %d\n", (int)pid, WEXITSTATUS(st));
	else if (WIFSIGNALED(st))
		printf("# child %d killed by signal %d\n", (int)pid, WTERMSIG(st));
	else
		printf("# child %d: wait status %#x\n", (int)pid, st);
}

static bool wait_status(pid_t pid, int *st)
{
	pid_t r;

	do
		r = waitpid(pid, st, 0);
	while (r < 0 && errno == EINTR);
	if (r != pid) {
		printf("# waitpid(%d): %d (%s)\n", (int)pid, (int)r, strerror(errno));
		return false;
	}
	return true;
}

bool exited_with(pid_t pid, int code)
{
	int st;

	if (!wait_status(pid, &st))
		return false;
	if (WIFEXITED(st) && WEXITSTATUS(st) == code)
		return true;
	printf("# want exit %d: ", code);
	explain_status(pid, st);
	return false;
}

bool killed_by(pid_t pid, int sig)
{
	int st;

	if (!wait_status(pid, &st))
		return false;
	if (WIFSIGNALED(st) && WTERMSIG(st) == sig)
		return true;
	printf("# want signal %d: ", sig);
	explain_status(pid, st);
	return false;
}

static char scratch_base[64];

int enter_scratch(const char *test)
{
	char path[160];

	if (!scratch_base[0]) {
		printf("# no scratch directory\n");
		return -1;
	}
	snprintf(path, sizeof(path), "%s/%s", scratch_base, test);
	remove_tree(path);
	if (mkdir(path, 0755) < 0 || chdir(path) < 0) {
		printf("# scratch %s: %s\n", path, strerror(errno));
		return -1;
	}
	return 0;
}

/* Pick a writable directory for scratch files: /tmp, else the cwd. */
static void make_scratch_base(void)
{
	snprintf(scratch_base, sizeof(scratch_base), "/tmp/usertests.%d",
		 (int)getpid());
	if (mkdir(scratch_base, 0755) == 0)
		return;
	char cwd[64];

	if (!getcwd(cwd, sizeof(cwd) - 20))
		strcpy(cwd, ".");
	snprintf(scratch_base, sizeof(scratch_base), "%s/usertests.%d", cwd,
		 (int)getpid());
	mkdir(scratch_base, 0755);
}

static const struct test *test_by_name(const char *name)
{
	for (size_t t = 0; t < ARRAY_SIZE(test_tables); t++)
		for (const struct test *x = test_tables[t]; x->name; x++)
			if (!strcmp(x->name, name))
				return x;
	return NULL;
}

static const struct test *nth_test(long n)
{
	for (size_t t = 0; t < ARRAY_SIZE(test_tables); t++)
		for (const struct test *x = test_tables[t]; x->name; x++)
			if (n-- == 0)
				return x;
	return NULL;
}

static long test_index(const struct test *want)
{
	long n = 0;

	for (size_t t = 0; t < ARRAY_SIZE(test_tables); t++)
		for (const struct test *x = test_tables[t]; x->name; x++, n++)
			if (x == want)
				return n;
	return -1;
}

static int run_in_child(long index)
{
	const struct test *t = nth_test(index);

	/* Children of the test do not inherit the reason pipe. */
	fcntl(REASON_FD, F_SETFD, FD_CLOEXEC);
	return t ? t->fn() : FAIL;
}

struct tally {
	int passed, failed, skipped;
};

static void run_one(int n, const struct test *t, struct tally *tally)
{
	char reason[201] = "";
	int p[2], st;
	pid_t pid;

	fflush(stdout);
	if (pipe(p) < 0 || dup2(p[1], REASON_FD) < 0) {
		printf("not ok %d %s\n# reason pipe: %s\n", n, t->name, strerror(errno));
		tally->failed++;
		return;
	}
	close(p[1]);
	if (have_fork) {
		pid = fork();
		if (pid == 0)
			_exit(run_in_child(test_index(t)));
	} else {
		char *argv[] = { (char *)self_path, "-t", (char *)t->name,
				 scratch_base, NULL };
		pid = spawn_self(argv);
	}
	close(REASON_FD);
	if (pid < 0) {
		printf("not ok %d %s\n# cannot start: %s\n", n, t->name, strerror(errno));
		tally->failed++;
		close(p[0]);
		return;
	}
	pid_t dog = spawn(h_watchdog, pid);
	if (!wait_status(pid, &st))
		st = -1;
	if (dog > 0) {
		kill(dog, SIGKILL);
		waitpid(dog, NULL, 0);
	}
	/* A grandchild may still hold the pipe open: do not wait for EOF. */
	fcntl(p[0], F_SETFL, O_NONBLOCK);
	ssize_t r = read(p[0], reason, sizeof(reason) - 1);
	reason[r > 0 ? r : 0] = '\0';
	close(p[0]);

	if (st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == PASS) {
		printf("ok %d %s\n", n, t->name);
		tally->passed++;
	} else if (st != -1 && WIFEXITED(st) && WEXITSTATUS(st) == SKIP) {
		printf("ok %d %s # SKIP %s\n", n, t->name, reason);
		tally->skipped++;
	} else {
		if (st != -1 && !(WIFEXITED(st) && WEXITSTATUS(st) == FAIL))
			explain_status(pid, st);
		printf("not ok %d %s\n", n, t->name);
		tally->failed++;
	}
	fflush(stdout);
}

static void probe(bool no_fork)
{
	pid_t pid = no_fork ? -1 : fork();

	if (pid == 0)
		_exit(0);
	have_fork = pid > 0;
	if (pid > 0)
		waitpid(pid, NULL, 0);
	char *argv[] = { (char *)self_path, "-c", "exit", "0", NULL };
	pid = spawn_self(argv);
	if (pid > 0) {
		int st;

		have_exec = waitpid(pid, &st, 0) == pid && WIFEXITED(st) &&
			    WEXITSTATUS(st) == 0;
	}
}

static int run_all(int argc, char **argv, bool no_fork)
{
	struct tally tally = { 0, 0, 0 };
	int n = 0, total = 0;

	for (int i = 0; i < argc; i++)
		if (!test_by_name(argv[i])) {
			fprintf(stderr, "usertests: no test %s\n", argv[i]);
			return 2;
		}
	for (long i = 0; nth_test(i); i++)
		total++;
	make_scratch_base();
	probe(no_fork);
	printf("KTAP version 1\n1..%d\n", argc ? argc : total);
	printf("# fork %s, exec of self %s\n", have_fork ? "works" : "missing",
	       have_exec ? "works" : "fails");
	if (!have_fork && !have_exec) {
		printf("Bail out! neither fork nor exec of %s works\n", self_path);
		return 1;
	}
	if (argc) {
		for (int i = 0; i < argc; i++)
			run_one(++n, test_by_name(argv[i]), &tally);
	} else {
		for (long i = 0; i < total; i++)
			run_one(++n, nth_test(i), &tally);
	}
	remove_tree(scratch_base);
	printf("# %d passed, %d failed, %d skipped\n", tally.passed,
	       tally.failed, tally.skipped);
	return tally.failed ? 1 : 0;
}

/* Tests change directory: keep this program's path absolute. */
static const char *absolute(const char *path)
{
	static char buf[512];

	if (!strchr(path, '/'))
		return "/proc/self/exe";
	if (path[0] == '/' || !getcwd(buf, sizeof(buf) - strlen(path) - 2))
		return path;
	strcat(buf, "/");
	strcat(buf, path);
	return buf;
}

int main(int argc, char **argv)
{
	if (argc < 1 || !argv[0])
		return 99;
	self_path = absolute(argv[0]);
	/* Unbuffered: forked children must not repeat buffered output. */
	setvbuf(stdout, NULL, _IONBF, 0);

	if (argc >= 4 && !strcmp(argv[1], "-t")) {
		const struct test *t = test_by_name(argv[2]);

		snprintf(scratch_base, sizeof(scratch_base), "%s", argv[3]);

		have_fork = false;
		have_exec = true;
		return t ? run_in_child(test_index(t)) : FAIL;
	}
	if (argc >= 4 && !strcmp(argv[1], "-c")) {
		const struct helper *h = helper_by_name(argv[2]);

		have_fork = false;
		have_exec = true;
		return h ? h->fn(strtol(argv[3], NULL, 0)) : 126;
	}
	if (argc >= 2 && !strcmp(argv[1], "-a"))
		return check_long_args(argc, argv);
	if (argc >= 2 && !strcmp(argv[1], "-l")) {
		for (long i = 0; nth_test(i); i++)
			printf("%s\n", nth_test(i)->name);
		return 0;
	}
	if (argc >= 2 && !strcmp(argv[1], "-n"))
		return run_all(argc - 2, argv + 2, true);
	return run_all(argc - 1, argv + 1, false);
}
