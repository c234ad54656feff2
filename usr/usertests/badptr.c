// SPDX-License-Identifier: MIT
/*
 * usertests: bad pointers to every pointer-taking system call used.
 *
 * Raw syscall(2) with Linux's numbers and flag values, so the library
 * does not look at the pointer first.  Each call gets NULL (where NULL
 * is not a legal "no argument"), (void *)1, a page just unmapped, an
 * address in the kernel's half and the last page of the address space;
 * each must fail with EFAULT, and the process must live on.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sysnr.h"
#include "usertests.h"

/* Linux's values, for raw calls. */
#define L_AT_FDCWD (-100)
#define L_SIGSET_SIZE 8
#define L_SIG_BLOCK 0
#define L_P_ALL 0
#define L_WEXITED 4
#define L_CLOCK_MONOTONIC 1
#define L_SYSLOG_READ_ALL 3
#define L_RLIMIT_NOFILE 7
#define L_TIOCGWINSZ 0x5413

enum { BAD_NULL, BAD_ONE, BAD_UNMAPPED, BAD_KERNEL, BAD_TOP, NBAD };

static const char *const bad_name[NBAD] = {
	"NULL", "(void *)1", "an unmapped page", "a kernel address",
	"the last page",
};
static void *bad[NBAD];
static long good[512];	/* room for any structure a call writes */

static void init_bad(void)
{
	void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	bad[BAD_NULL] = NULL;
	bad[BAD_ONE] = (void *)1;
	if (p != MAP_FAILED && munmap(p, 4096) == 0)
		bad[BAD_UNMAPPED] = p;
	else
		bad[BAD_UNMAPPED] = (void *)1;
	/* Above TASK_SIZE: sv39's kernel half on rv64, 3 GiB on rv32. */
	bad[BAD_KERNEL] = sizeof(long) == 8 ? (void *)(uintptr_t)0xffffffc000001000ull
					     : (void *)(uintptr_t)0xc0001000ul;
	bad[BAD_TOP] = (void *)(uintptr_t)-4096L;
}

static int fails;

/*
 * For each bad address i from the first: expr must fail with EFAULT.
 * A call the kernel does not have (ENOSYS) is named and passed over:
 * there is no pointer check to test.
 */
#define EFAULT_EACH(first, expr)					\
	for (int i = (first); i < NBAD; i++) {				\
		void *b = bad[i];					\
		errno = 0;						\
		long r_ = (long)(expr);					\
		int e_ = errno;						\
		if (r_ == -1 && e_ == ENOSYS) {				\
			printf("# not implemented here: %s\n", #expr);	\
			break;						\
		}							\
		if (r_ != -1 || e_ != EFAULT) {				\
			diag(__FILE__, __LINE__, "%s, b = %s: %ld (%s)",\
			     #expr, bad_name[i], r_, strerror(e_));	\
			fails++;					\
		}							\
	}

/* NULL is a legal "none" for this argument: start at (void *)1. */
#define NOT_NULL BAD_ONE

static enum result badptr_io(void)
{
	int p[2], fd, dfd;

	init_bad();
	if (enter_scratch("badptr_io") < 0)
		return FAIL;
	CHECK_OK(pipe(p));
	fd = open("f", O_CREAT | O_RDWR | O_TRUNC, 0644);
	CHECK(fd >= 0, "open: %s", strerror(errno));
	CHECK(write_all(fd, "0123456789", 10) == 10, "write");
	CHECK_OK(fcntl(p[0], F_SETFL, O_NONBLOCK));

	/* A byte waits in the pipe, so read really copies out. */
	EFAULT_EACH(0, (write(p[1], "x", 1), syscall(SYS_read, p[0], b, 1)));
	EFAULT_EACH(0, syscall(SYS_write, p[1], b, 5));
	EFAULT_EACH(0, (lseek(fd, 0, SEEK_SET), syscall(SYS_read, fd, b, 10)));
	EFAULT_EACH(0, syscall(SYS_write, fd, b, 10));
#ifdef SYS_pread64
	EFAULT_EACH(0, syscall(SYS_pread64, fd, b, 10, 0, 0));	/* offset 0: one or two words */
	EFAULT_EACH(0, syscall(SYS_pwrite64, fd, b, 10, 0, 0));
#endif
	dfd = open(".", O_RDONLY | O_DIRECTORY);
	CHECK(dfd >= 0, "open .: %s", strerror(errno));
	EFAULT_EACH(0, syscall(SYS_getdents64, dfd, b, 4096));
	close(dfd);
	if (isatty(1))
		EFAULT_EACH(0, syscall(SYS_ioctl, 1, L_TIOCGWINSZ, b));
	close(fd);
	close(p[0]);
	close(p[1]);
	return fails ? FAIL : PASS;
}

/* A buffer whose second byte is in an unmapped page: EFAULT or 1 byte. */
static enum result badptr_straddle(void)
{
	char *m = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	int p[2];
	long r;

	if (!have_fork)
		return skip("no MMU: access is checked by whole regions only");
	CHECK(m != MAP_FAILED, "mmap: %s", strerror(errno));
	CHECK_OK(munmap(m + 4096, 4096));
	CHECK_OK(pipe(p));
	CHECK(write(p[1], "ab", 2) == 2, "write");
	errno = 0;
	r = syscall(SYS_read, p[0], m + 4095, 2);
	CHECK(r == 1 || (r == -1 && errno == EFAULT),
	      "read across the end of a mapping: %ld (%s)", r, strerror(errno));
	m[4095] = 'c';
	errno = 0;
	r = syscall(SYS_write, p[1], m + 4095, 2);
	CHECK(r == 1 || (r == -1 && errno == EFAULT),
	      "write across the end of a mapping: %ld (%s)", r, strerror(errno));
	munmap(m, 4096);
	close(p[0]);
	close(p[1]);
	return PASS;
}

/* An exec with a bad pointer, in a vfork child: exits with errno. */
static int exec_errno(const char *path, char *const *argv, char *const *envp)
{
	int st;
	pid_t pid = vfork();

	if (pid == 0) {
		syscall(SYS_execve, path, argv, envp);
		_exit(errno & 0xff);
	}
	if (pid < 0 || waitpid(pid, &st, 0) != pid)
		return -1;
	if (!WIFEXITED(st))
		return -2;
	errno = WEXITSTATUS(st);
	return -1;
}

static enum result badptr_path(void)
{
	char *argv[] = { "x", NULL }, *envp[] = { NULL };
	char *bad_argv[] = { "x", NULL, NULL };

	init_bad();
	if (enter_scratch("badptr_path") < 0)
		return FAIL;
	CHECK_OK(mkdir("d", 0755));
	CHECK(close(open("f", O_CREAT | O_WRONLY, 0644)) == 0, "create f");

	EFAULT_EACH(0, syscall(SYS_openat, L_AT_FDCWD, b, 0, 0));
	EFAULT_EACH(0, syscall(SYS_openat, L_AT_FDCWD, b, 0100 /* O_CREAT */, 0644));
#ifdef SYS_newfstatat
	EFAULT_EACH(0, syscall(SYS_newfstatat, L_AT_FDCWD, b, good, 0));
	EFAULT_EACH(0, syscall(SYS_newfstatat, L_AT_FDCWD, "f", b, 0));
#endif
#ifdef SYS_statx
	EFAULT_EACH(0, syscall(SYS_statx, L_AT_FDCWD, b, 0, 0x7ff, good));
	EFAULT_EACH(0, syscall(SYS_statx, L_AT_FDCWD, "f", 0, 0x7ff, b));
#endif
#ifdef SYS_fstat
	int fd = open("f", O_RDONLY);
	CHECK(fd >= 0, "open f: %s", strerror(errno));
	EFAULT_EACH(0, syscall(SYS_fstat, fd, b));
	close(fd);
#endif
	EFAULT_EACH(0, syscall(SYS_mkdirat, L_AT_FDCWD, b, 0755));
	EFAULT_EACH(0, syscall(SYS_unlinkat, L_AT_FDCWD, b, 0));
	EFAULT_EACH(0, syscall(SYS_unlinkat, L_AT_FDCWD, b, 0x200 /* AT_REMOVEDIR */));
	EFAULT_EACH(0, syscall(SYS_chdir, b));
	EFAULT_EACH(0, syscall(SYS_faccessat, L_AT_FDCWD, b, 0));
	EFAULT_EACH(0, syscall(SYS_fchmodat, L_AT_FDCWD, b, 0644));
#ifdef SYS_truncate
	EFAULT_EACH(0, syscall(SYS_truncate, b, 0));
#endif
	EFAULT_EACH(0, syscall(SYS_symlinkat, b, L_AT_FDCWD, "s1"));
	EFAULT_EACH(0, syscall(SYS_symlinkat, "f", L_AT_FDCWD, b));
	EFAULT_EACH(0, syscall(SYS_linkat, L_AT_FDCWD, b, L_AT_FDCWD, "l1", 0));
	EFAULT_EACH(0, syscall(SYS_linkat, L_AT_FDCWD, "f", L_AT_FDCWD, b, 0));
#ifdef SYS_renameat2
	EFAULT_EACH(0, syscall(SYS_renameat2, L_AT_FDCWD, b, L_AT_FDCWD, "r1", 0));
	EFAULT_EACH(0, syscall(SYS_renameat2, L_AT_FDCWD, "f", L_AT_FDCWD, b, 0));
#endif
	EFAULT_EACH(0, syscall(SYS_readlinkat, L_AT_FDCWD, b, good, 100));
	if (symlink("f", "lnk") == 0)
		EFAULT_EACH(0, syscall(SYS_readlinkat, L_AT_FDCWD, "lnk", b, 100));
	CHECK(access("f", F_OK) == 0, "f vanished");

	EFAULT_EACH(0, exec_errno(b, argv, envp));
	EFAULT_EACH(NOT_NULL, exec_errno(self_path, b, envp));
	EFAULT_EACH(NOT_NULL, exec_errno(self_path, argv, b));
	EFAULT_EACH(NOT_NULL, (bad_argv[1] = b, exec_errno(self_path, bad_argv, envp)));
	EFAULT_EACH(NOT_NULL, (bad_argv[1] = b, exec_errno(self_path, argv, bad_argv)));
	return fails ? FAIL : PASS;
}

/* wait4/waitid with a bad status pointer, on an exited child. */
static long wait_bad(int how, void *b)
{
	pid_t pid = spawn(helper_exit, 0);
	long r = -1;
	int e;

	if (pid < 0)
		return -3;
	errno = 0;
#ifdef SYS_wait4
	if (how == 0)
		r = syscall(SYS_wait4, pid, b, 0, NULL);
	else if (how == 1)
		r = syscall(SYS_wait4, pid, good, 0, b);
	else
#endif
		r = syscall(SYS_waitid, L_P_ALL, 0, b, L_WEXITED, NULL);
	e = errno;
	waitpid(pid, NULL, 0);	/* reap it if the failed call did not */
	errno = e;
	return r;
}

static enum result badptr_proc(void)
{
	init_bad();
	EFAULT_EACH(0, syscall(SYS_pipe2, b, 0));
#ifdef SYS_wait4
	EFAULT_EACH(NOT_NULL, wait_bad(0, b));
	EFAULT_EACH(NOT_NULL, wait_bad(1, b));
#endif
	EFAULT_EACH(NOT_NULL, wait_bad(2, b));
	EFAULT_EACH(0, syscall(SYS_getcwd, b, 4096));
	EFAULT_EACH(0, syscall(SYS_uname, b));
#ifdef SYS_sysinfo
	EFAULT_EACH(0, syscall(SYS_sysinfo, b));
#endif
#ifdef SYS_prlimit64
	EFAULT_EACH(NOT_NULL, syscall(SYS_prlimit64, 0, L_RLIMIT_NOFILE, NULL, b));
	EFAULT_EACH(NOT_NULL, syscall(SYS_prlimit64, 0, L_RLIMIT_NOFILE, b, NULL));
#endif
#ifdef SYS_getrlimit
	EFAULT_EACH(0, syscall(SYS_getrlimit, L_RLIMIT_NOFILE, b));
#endif
#ifdef SYS_getrusage
	EFAULT_EACH(0, syscall(SYS_getrusage, 0, b));
#endif
	CHECK(getpid() > 0, "still alive");
	return fails ? FAIL : PASS;
}

/* syslog(2) may be refused outright (EPERM): then there is nothing to see. */
static enum result badptr_syslog(void)
{
#ifdef SYS_syslog
	init_bad();
	errno = 0;
	long n = syscall(SYS_syslog, L_SYSLOG_READ_ALL, good, 16);
	if (n < 0 && errno == EPERM)
		return skip("syslog(2) refused: EPERM");
	if (n < 0 && errno == ENOSYS)
		return skip("no syslog(2) in this kernel");
	if (n == 0)
		return skip("the kernel log is empty: nothing would be copied");
	EFAULT_EACH(NOT_NULL, syscall(SYS_syslog, L_SYSLOG_READ_ALL, b, 100));
	return fails ? FAIL : PASS;
#else
	return skip("no SYS_syslog");
#endif
}

static enum result badptr_time(void)
{
	long zero[2] = { 0, 0 };

	init_bad();
#ifdef SYS_clock_gettime
	EFAULT_EACH(0, syscall(SYS_clock_gettime, L_CLOCK_MONOTONIC, b));
	EFAULT_EACH(0, syscall(SYS_clock_nanosleep, L_CLOCK_MONOTONIC, 0, b, NULL));
#endif
#ifdef SYS_clock_gettime64
	EFAULT_EACH(0, syscall(SYS_clock_gettime64, L_CLOCK_MONOTONIC, b));
	EFAULT_EACH(0, syscall(SYS_clock_nanosleep_time64, L_CLOCK_MONOTONIC, 0, b, NULL));
#endif
#ifdef SYS_nanosleep
	EFAULT_EACH(0, syscall(SYS_nanosleep, b, NULL));
#endif
#ifdef SYS_gettimeofday
	EFAULT_EACH(NOT_NULL, syscall(SYS_gettimeofday, b, NULL));
#endif
#ifdef SYS_ppoll
	EFAULT_EACH(NOT_NULL, syscall(SYS_ppoll, b, 1, zero, NULL, L_SIGSET_SIZE));
#endif
#ifdef SYS_ppoll_time64
	EFAULT_EACH(NOT_NULL, syscall(SYS_ppoll_time64, b, 1, zero, NULL, L_SIGSET_SIZE));
#endif
	(void)zero;
	return fails ? FAIL : PASS;
}

static enum result badptr_signal(void)
{
	init_bad();
	EFAULT_EACH(NOT_NULL, syscall(SYS_rt_sigaction, SIGUSR1, b, NULL, L_SIGSET_SIZE));
	EFAULT_EACH(NOT_NULL, syscall(SYS_rt_sigaction, SIGUSR1, NULL, b, L_SIGSET_SIZE));
	EFAULT_EACH(NOT_NULL, syscall(SYS_rt_sigprocmask, L_SIG_BLOCK, b, NULL, L_SIGSET_SIZE));
	EFAULT_EACH(NOT_NULL, syscall(SYS_rt_sigprocmask, L_SIG_BLOCK, NULL, b, L_SIGSET_SIZE));
	EFAULT_EACH(NOT_NULL, syscall(SYS_rt_sigpending, b, L_SIGSET_SIZE));
	/* Nothing above changed the mask or SIGUSR1's action. */
	struct sigaction sa;
	sigset_t mask;
	CHECK_OK(sigaction(SIGUSR1, NULL, &sa));
	CHECK(sa.sa_handler == SIG_DFL, "SIGUSR1's action changed");
	CHECK_OK(sigprocmask(SIG_SETMASK, NULL, &mask));
	CHECK(!sigismember(&mask, SIGUSR1), "the mask changed");
	return fails ? FAIL : PASS;
}

const struct test badptr_tests[] = {
	{ "badptr_io", badptr_io },
	{ "badptr_straddle", badptr_straddle },
	{ "badptr_path", badptr_path },
	{ "badptr_proc", badptr_proc },
	{ "badptr_syslog", badptr_syslog },
	{ "badptr_time", badptr_time },
	{ "badptr_signal", badptr_signal },
	{ NULL, NULL },
};
