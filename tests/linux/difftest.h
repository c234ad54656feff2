/* SPDX-License-Identifier: MIT */
/*
 * Shared by the differential tests (tests/linux/): each program prints
 * what it observes, one fact per line, and exits 0 if every CHECK held.
 * The same binary runs under qemu-riscv64 (Linux's ABI, emulated on the
 * host) and on Tern; scripts/test-linux.sh compares the two outputs line
 * by line, so a line must not depend on the machine (no pids, addresses
 * or times: print what was compared, not the values).
 */
#ifndef DIFFTEST_H
#define DIFFTEST_H

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int difftest_failed;

/* Prints "name: ok" or "name: FAILED (errno E)", and counts failures. */
#define CHECK(name, cond) do {						\
	int __e = errno;						\
	if (cond) {							\
		printf("%s: ok\n", name);				\
	} else {							\
		printf("%s: FAILED (errno %s)\n", name, errno_name(__e)); \
		difftest_failed++;					\
	}								\
	fflush(stdout);							\
} while (0)

/* A call that must fail with errno want: prints "name: -1 ENAME". */
#define EXPECT_ERRNO(name, call, want) do {				\
	long __r;							\
	errno = 0;							\
	__r = (long)(call);						\
	printf("%s: %ld %s\n", name, __r, __r == -1 ? errno_name(errno) : "-"); \
	if (__r != -1 || errno != (want))				\
		difftest_failed++;					\
	fflush(stdout);							\
} while (0)

static inline const char *errno_name(int e)
{
	static char other[16];

	switch (e) {
	case 0: return "0";
	case EPERM: return "EPERM";
	case EACCES: return "EACCES";
	case ENOENT: return "ENOENT";
	case ESRCH: return "ESRCH";
	case EINTR: return "EINTR";
	case EBADF: return "EBADF";
	case ECHILD: return "ECHILD";
	case EAGAIN: return "EAGAIN";
	case ENOMEM: return "ENOMEM";
	case EFAULT: return "EFAULT";
	case EBUSY: return "EBUSY";
	case EEXIST: return "EEXIST";
	case EXDEV: return "EXDEV";
	case ENOTDIR: return "ENOTDIR";
	case EISDIR: return "EISDIR";
	case EINVAL: return "EINVAL";
	case EMFILE: return "EMFILE";
	case ENOTTY: return "ENOTTY";
	case ENOSPC: return "ENOSPC";
	case ESPIPE: return "ESPIPE";
	case EPIPE: return "EPIPE";
	case ERANGE: return "ERANGE";
	case ENAMETOOLONG: return "ENAMETOOLONG";
	case ENOSYS: return "ENOSYS";
	case ENOTEMPTY: return "ENOTEMPTY";
	case ELOOP: return "ELOOP";
	case ENOEXEC: return "ENOEXEC";
	case E2BIG: return "E2BIG";
	}
	snprintf(other, sizeof(other), "errno%d", e);
	return other;
}

static inline int difftest_exit(void)
{
	printf("failed checks: %d\n", difftest_failed);
	return difftest_failed ? 1 : 0;
}

#endif
