// SPDX-License-Identifier: MIT
/* Processes: fork, exec, wait, exit, ids, process groups, the break. */
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include "syscall.h"

#define L_SIGCHLD 17

pid_t fork(void) { return __ret(sys5(clone, L_SIGCHLD, 0, 0, 0, 0)); }

void _exit(int status)
{
	for (;;)
		sys1(exit_group, status);
}

void _Exit(int status) { _exit(status); }

int execve(const char *path, char *const argv[], char *const envp[])
{
	return __ret(sys3(execve, path, argv, envp));
}

int execv(const char *path, char *const argv[]) { return execve(path, argv, environ); }

/*
 * execvpe: a name with a '/' is run as it is; otherwise each PATH entry
 * (default "/bin:/sbin:/usr/bin:/usr/sbin") is tried.  EACCES from one
 * entry is remembered if no later entry works, as POSIX asks.
 */
int execvpe(const char *file, char *const argv[], char *const envp[])
{
	const char *path = getenv("PATH");
	char buf[PATH_MAX];
	int saw_eacces = 0;
	size_t flen = strlen(file);

	if (!*file) {
		errno = ENOENT;
		return -1;
	}
	if (strchr(file, '/'))
		return execve(file, argv, envp);
	if (!path)
		path = "/bin:/sbin:/usr/bin:/usr/sbin";
	for (const char *p = path;; p++) {
		const char *end = strchr(p, ':');
		size_t dlen = end ? (size_t)(end - p) : strlen(p);

		if (dlen + flen + 2 <= sizeof(buf)) {
			memcpy(buf, p, dlen);
			buf[dlen] = '/';
			memcpy(buf + dlen + (dlen ? 1 : 0), file, flen + 1);
			execve(dlen ? buf : file, argv, envp);
			if (errno == EACCES)
				saw_eacces = 1;
			else if (errno != ENOENT && errno != ENOTDIR)
				return -1;
		}
		if (!end)
			break;
		p = end;
	}
	errno = saw_eacces ? EACCES : ENOENT;
	return -1;
}

int execvp(const char *file, char *const argv[]) { return execvpe(file, argv, environ); }

pid_t waitpid(pid_t pid, int *status, int options)
{
	return __ret(sys4(wait4, pid, status, options, 0));
}

pid_t wait(int *status) { return waitpid(-1, status, 0); }

int waitid(idtype_t idtype, id_t id, siginfo_t *info, int options)
{
	return __ret(sys5(waitid, idtype, id, info, options, 0));
}

pid_t getpid(void) { return sys0(getpid); }
pid_t getppid(void) { return sys0(getppid); }
pid_t gettid(void) { return sys0(gettid); }
uid_t getuid(void) { return sys0(getuid); }
uid_t geteuid(void) { return sys0(geteuid); }
gid_t getgid(void) { return sys0(getgid); }
gid_t getegid(void) { return sys0(getegid); }
int setpgid(pid_t pid, pid_t pgid) { return __ret(sys2(setpgid, pid, pgid)); }
pid_t getpgid(pid_t pid) { return __ret(sys1(getpgid, pid)); }
pid_t getpgrp(void) { return getpgid(0); }
pid_t setsid(void) { return __ret(sys0(setsid)); }
pid_t getsid(pid_t pid) { return __ret(sys1(getsid, pid)); }

/* prlimit64's limits are 64-bit on rv32 too; RLIM_INFINITY is all ones in both. */
struct rlimit64 {
	unsigned long long cur, max;
};

static rlim_t rlim_from64(unsigned long long v) { return v > (rlim_t)-1 ? RLIM_INFINITY : (rlim_t)v; }
static unsigned long long rlim_to64(rlim_t v) { return v == RLIM_INFINITY ? ~0ULL : v; }

int getrlimit(int res, struct rlimit *rl)
{
	struct rlimit64 k;

	if (__ret(sys4(prlimit64, 0, res, 0, &k)) < 0)
		return -1;
	rl->rlim_cur = rlim_from64(k.cur);
	rl->rlim_max = rlim_from64(k.max);
	return 0;
}

int setrlimit(int res, const struct rlimit *rl)
{
	struct rlimit64 k = { rlim_to64(rl->rlim_cur), rlim_to64(rl->rlim_max) };

	return __ret(sys4(prlimit64, 0, res, &k, 0));
}
int getrusage(int who, struct rusage *ru) { return __ret(sys2(getrusage, who, ru)); }

/* The program break: the kernel's brk(0) answers the current one. */
static uintptr_t cur_brk;

int brk(void *addr)
{
	uintptr_t r = (uintptr_t)sys1(brk, addr);

	cur_brk = r;
	if (r < (uintptr_t)addr) {
		errno = ENOMEM;
		return -1;
	}
	return 0;
}

/*
 * Without an MMU the break is a fixed region (mm/nommu.c: 128 KiB), too
 * small for many programs: when it cannot grow, a growing request gets a
 * fresh anonymous mapping instead, as uClibc's malloc would.  picolibc's
 * malloc takes what sbrk answers without assuming it follows the last
 * piece, and never gives memory back with a negative sbrk.
 */
static void *sbrk_elsewhere(ptrdiff_t incr)
{
	void *p;

	if (!TERN_NOMMU || incr <= 0)
		return (void *)-1;
	p = mmap(0, ((size_t)incr + 4095) & ~(size_t)4095, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	return p == MAP_FAILED ? (void *)-1 : p;
}

void *sbrk(ptrdiff_t incr)
{
	uintptr_t old;

	if (!cur_brk)
		cur_brk = (uintptr_t)sys1(brk, 0);
	old = cur_brk;
	if (incr && (uintptr_t)sys1(brk, old + incr) != old + incr) {
		void *p = sbrk_elsewhere(incr);

		if (p == (void *)-1)
			errno = ENOMEM;
		return p;
	}
	cur_brk = old + incr;
	return (void *)old;
}

long syscall(long n, ...)
{
	__builtin_va_list ap;
	long a[6];

	__builtin_va_start(ap, n);
	for (int i = 0; i < 6; i++)
		a[i] = __builtin_va_arg(ap, long);
	__builtin_va_end(ap);
	return __ret(__sys6(n, a[0], a[1], a[2], a[3], a[4], a[5]));
}

/* execl, execlp, execle: the list forms, collected into an argv on the stack. */
#define EXECL_MAX_ARGS 256

static int collect_args(const char *arg0, __builtin_va_list *ap, char **argv)
{
	int n = 0;

	argv[n++] = (char *)arg0;
	while (argv[n - 1]) {
		if (n == EXECL_MAX_ARGS) {
			errno = E2BIG;
			return -1;
		}
		argv[n++] = __builtin_va_arg(*ap, char *);
	}
	return n;
}

int execl(const char *path, const char *arg0, ...)
{
	char *argv[EXECL_MAX_ARGS];
	__builtin_va_list ap;
	int n;

	__builtin_va_start(ap, arg0);
	n = collect_args(arg0, &ap, argv);
	__builtin_va_end(ap);
	return n < 0 ? -1 : execve(path, argv, environ);
}

int execlp(const char *file, const char *arg0, ...)
{
	char *argv[EXECL_MAX_ARGS];
	__builtin_va_list ap;
	int n;

	__builtin_va_start(ap, arg0);
	n = collect_args(arg0, &ap, argv);
	__builtin_va_end(ap);
	return n < 0 ? -1 : execvp(file, argv);
}

int execle(const char *path, const char *arg0, ...)
{
	char *argv[EXECL_MAX_ARGS];
	__builtin_va_list ap;
	int n;

	__builtin_va_start(ap, arg0);
	n = collect_args(arg0, &ap, argv);
	{
		char **envp = __builtin_va_arg(ap, char **);

		__builtin_va_end(ap);
		return n < 0 ? -1 : execve(path, argv, envp);
	}
}
