// SPDX-License-Identifier: MIT
/*
 * libc-test: usr/lib's translations between picolibc's values and Linux's
 * (usr/lib/README.md), each checked through a call whose result depends
 * on the translation being right: open flags, fcntl commands, errno
 * numbers above ERANGE, struct stat from statx, directory streams, signal
 * numbers and masks, wait status, clocks, termios, uname, the break.
 * Prints KTAP and "# N passed, M failed".
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

static int n_run, n_failed;

static void check(int ok, const char *what)
{
	n_run++;
	if (!ok)
		n_failed++;
	printf("%sok %d %s\n", ok ? "" : "not ", n_run, what);
	if (!ok)
		printf("# errno %d (%s)\n", errno, strerror(errno));
}

#define DIR_T "/tmp/libc-test"

static void test_open_flags(void)
{
	char buf[8] = { 0 };
	int fd;

	mkdir(DIR_T, 0755);
	fd = open(DIR_T "/f", O_WRONLY | O_CREAT | O_TRUNC, 0640);
	check(fd >= 0 && write(fd, "abc", 3) == 3, "O_CREAT|O_TRUNC creates a file");
	close(fd);
	check(open(DIR_T "/f", O_WRONLY | O_CREAT | O_EXCL, 0640) < 0 && errno == EEXIST,
	      "O_EXCL on an existing file: EEXIST");
	fd = open(DIR_T "/f", O_WRONLY | O_APPEND);
	lseek(fd, 0, SEEK_SET);
	check(fd >= 0 && write(fd, "d", 1) == 1, "O_APPEND opens for writing");
	close(fd);
	fd = open(DIR_T "/f", O_RDONLY);
	check(read(fd, buf, sizeof(buf)) == 4 && !strcmp(buf, "abcd"), "O_APPEND wrote at the end");
	check((fcntl(fd, F_GETFD) & FD_CLOEXEC) == 0, "F_GETFD: no close-on-exec by default");
	close(fd);
	fd = open(DIR_T "/f", O_RDONLY | O_CLOEXEC);
	check(fd >= 0 && (fcntl(fd, F_GETFD) & FD_CLOEXEC), "O_CLOEXEC sets FD_CLOEXEC");
	check(fcntl(fd, F_DUPFD_CLOEXEC, 10) >= 10, "F_DUPFD_CLOEXEC answers a fd at or above 10");
	close(fd);
	fd = open(DIR_T "/f", O_WRONLY | O_TRUNC);
	check(fd >= 0 && lseek(fd, 0, SEEK_END) == 0, "O_TRUNC empties the file");
	check((fcntl(fd, F_GETFL) & O_ACCMODE) == O_WRONLY, "F_GETFL answers O_WRONLY");
	fcntl(fd, F_SETFL, O_APPEND);
	check(fcntl(fd, F_GETFL) & O_APPEND, "F_SETFL O_APPEND reads back");
	close(fd);
	check(open(DIR_T "/f", O_RDONLY | O_DIRECTORY) < 0 && errno == ENOTDIR,
	      "O_DIRECTORY on a file: ENOTDIR");
}

static void test_errno(void)
{
	char name[300];

	memset(name, 'x', sizeof(name) - 1);
	name[sizeof(name) - 1] = 0;
	check(open(name, O_RDONLY) < 0 && errno == ENAMETOOLONG, "ENAMETOOLONG (Linux 36)");
	mkdir(DIR_T "/d", 0755);
	close(open(DIR_T "/d/x", O_WRONLY | O_CREAT, 0600));
	check(rmdir(DIR_T "/d") < 0 && errno == ENOTEMPTY, "ENOTEMPTY (Linux 39)");
	unlink(DIR_T "/d/x");
	check(rmdir(DIR_T "/d") == 0, "rmdir of the emptied folder");
	check(syscall(999) < 0 && errno == ENOSYS, "ENOSYS (Linux 38)");
	symlink(DIR_T "/loop", DIR_T "/loop");
	check(open(DIR_T "/loop", O_RDONLY) < 0 && errno == ELOOP, "ELOOP (Linux 40)");
	unlink(DIR_T "/loop");
	check(!strcmp(strerror(ENOTEMPTY), "Directory not empty"), "strerror(ENOTEMPTY)'s text");
}

static void test_stat_dir(void)
{
	struct stat st;
	struct dirent *e;
	DIR *d;
	int seen_f = 0, seen_dot = 0;

	check(stat(DIR_T "/f", &st) == 0 && S_ISREG(st.st_mode) && (st.st_mode & 0777) == 0640,
	      "stat: a regular file, mode 0640");
	check(stat(DIR_T, &st) == 0 && S_ISDIR(st.st_mode), "stat: a folder");
	symlink("f", DIR_T "/l");
	check(lstat(DIR_T "/l", &st) == 0 && S_ISLNK(st.st_mode) && st.st_size == 1,
	      "lstat: the link itself, size 1");
	check(stat(DIR_T "/l", &st) == 0 && S_ISREG(st.st_mode), "stat follows the link");
	d = opendir(DIR_T);
	while (d && (e = readdir(d))) {
		if (!strcmp(e->d_name, "f") && e->d_type == DT_REG)
			seen_f = 1;
		if (!strcmp(e->d_name, "."))
			seen_dot = 1;
	}
	check(d && seen_f && seen_dot, "readdir lists . and f (DT_REG)");
	if (d)
		closedir(d);
	check(opendir(DIR_T "/missing") == NULL && errno == ENOENT, "opendir of nothing: ENOENT");
	unlink(DIR_T "/l");
}

static volatile sig_atomic_t got_sig;
static void on_signal(int sig) { got_sig = sig; }

static void test_signals(void)
{
	struct sigaction sa = { .sa_handler = on_signal }, old;
	sigset_t set, pending;
	int st;
	pid_t pid;

	sigemptyset(&sa.sa_mask);
	check(SIGCHLD == 17 && SIGSTOP == 19 && SIGUSR1 == 10, "Linux's signal numbers");
	check(sigaction(SIGUSR1, &sa, &old) == 0 && old.sa_handler == SIG_DFL,
	      "sigaction: the old action was SIG_DFL");
	raise(SIGUSR1);
	check(got_sig == SIGUSR1, "raise(SIGUSR1) runs the handler with 10");
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigaction(SIGUSR2, &sa, NULL);
	got_sig = 0;
	sigprocmask(SIG_BLOCK, &set, NULL);
	kill(getpid(), SIGUSR2);
	sigpending(&pending);
	check(got_sig == 0 && sigismember(&pending, SIGUSR2), "a blocked SIGUSR2 is pending");
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	check(got_sig == SIGUSR2, "unblocked, it is delivered");
	pid = TERN_NOMMU ? vfork() : fork();
	if (pid == 0)
		_exit(7);
	check(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 7,
	      "wait status: exited with 7");
	pid = TERN_NOMMU ? vfork() : fork();
	if (pid == 0) {
		execl("/usr/tests/libc-test", "libc-test", "pause", (char *)0);
		_exit(99);
	}
	kill(pid, SIGTERM);
	check(waitpid(pid, &st, 0) == pid && WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM,
	      "wait status: killed by SIGTERM (15)");
	check(!strcmp(strsignal(SIGCHLD), "Child exited"), "strsignal(17) is SIGCHLD's text");
}

static void test_misc(void)
{
	struct timespec a, b = { 0, 1000000 }, c;
	time_t t0;
	struct utsname u;
	struct termios t;
	char *p, cwd[PATH_MAX];

	check(clock_gettime(CLOCK_MONOTONIC, &a) == 0 && nanosleep(&b, NULL) == 0,
	      "CLOCK_MONOTONIC and nanosleep");
	/* (Boards without a real-time clock start CLOCK_REALTIME at 1970.) */
	t0 = time(NULL);
	check(clock_gettime(CLOCK_REALTIME, &a) == 0 && a.tv_sec >= t0 && a.tv_sec - t0 <= 1,
	      "CLOCK_REALTIME (0) and time() agree");
	nanosleep(&b, NULL);
	check(clock_gettime(CLOCK_REALTIME, &c) == 0 &&
	      (c.tv_sec > a.tv_sec || (c.tv_sec == a.tv_sec && c.tv_nsec > a.tv_nsec)),
	      "CLOCK_REALTIME moves on across a sleep");
	check(uname(&u) == 0 && !strcmp(u.sysname, "Tern") && !strncmp(u.machine, "riscv", 5),
	      "uname: Tern on riscv");
	check(isatty(0) == (tcgetattr(0, &t) == 0), "isatty agrees with tcgetattr");
	p = sbrk(0);
	check(sbrk(8192) == p && sbrk(-8192) == p + 8192 && sbrk(0) == p, "sbrk grows and shrinks");
	p = malloc(1 << 20);	/* beyond the no-MMU break: sbrk maps elsewhere */
	check(p != NULL && memset(p, 1, 1 << 20) == p && p[(1 << 20) - 1] == 1,
	      "malloc of 1 MiB, every byte writable");
	free(p);
	check(chdir(DIR_T) == 0 && getcwd(cwd, sizeof(cwd)) && !strcmp(cwd, DIR_T), "chdir + getcwd");
	chdir("/");
	check(setenv("LIBC_TEST", "1", 1) == 0 && !strcmp(getenv("LIBC_TEST"), "1"), "setenv + getenv");
}

int main(int argc, char **argv)
{
	if (argc > 1 && !strcmp(argv[1], "pause"))	/* the child test_signals kills */
		for (;;)
			pause();
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("KTAP version 1\n");
	test_open_flags();
	test_errno();
	test_stat_dir();
	test_signals();
	test_misc();
	unlink(DIR_T "/f");
	rmdir(DIR_T);
	printf("1..%d\n# %d passed, %d failed\n", n_run, n_run - n_failed, n_failed);
	return n_failed != 0;
}
