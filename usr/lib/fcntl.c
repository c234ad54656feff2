// SPDX-License-Identifier: MIT
/*
 * open, openat and fcntl.  Programs and picolibc's own stdio use
 * picolibc's O_, F_ and AT_ values (<fcntl.h>); the kernel takes Linux's
 * (include/uapi/linux/fcntl.h, written here as L_ constants because the
 * two headers define the same names).
 */
#include <fcntl.h>
#include <stdarg.h>
#include <unistd.h>
#include "syscall.h"

#define L_AT_FDCWD		(-100)
#define L_AT_SYMLINK_NOFOLLOW	0x100
#define L_AT_REMOVEDIR		0x200
#define L_AT_SYMLINK_FOLLOW	0x400
#define L_AT_EMPTY_PATH		0x1000
#define L_F_DUPFD_CLOEXEC	1030

static const struct { int pico, linux; } open_flags[] = {
	{ O_CREAT, 0100 }, { O_EXCL, 0200 }, { O_NOCTTY, 0400 }, { O_TRUNC, 01000 },
	{ O_APPEND, 02000 }, { O_NONBLOCK, 04000 }, { O_DIRECTORY, 0200000 },
	{ O_NOFOLLOW, 0400000 }, { O_CLOEXEC, 02000000 }, { O_SYNC, 04010000 },
};

int __linux_open_flags(int flags)
{
	int out = flags & O_ACCMODE;

	for (unsigned int i = 0; i < sizeof(open_flags) / sizeof(open_flags[0]); i++)
		if (flags & open_flags[i].pico)
			out |= open_flags[i].linux;
	return out;
}

static int picolibc_open_flags(int linux_flags)
{
	int out = linux_flags & O_ACCMODE;

	for (unsigned int i = 0; i < sizeof(open_flags) / sizeof(open_flags[0]); i++)
		if ((linux_flags & open_flags[i].linux) == open_flags[i].linux)
			out |= open_flags[i].pico;
	return out;
}

int __linux_dirfd(int dirfd)
{
	return dirfd == AT_FDCWD ? L_AT_FDCWD : dirfd;
}

int __linux_at_flags(int flags)
{
	int out = 0;

	if (flags & AT_SYMLINK_NOFOLLOW)
		out |= L_AT_SYMLINK_NOFOLLOW;
	if (flags & AT_REMOVEDIR)
		out |= L_AT_REMOVEDIR;
	if (flags & AT_SYMLINK_FOLLOW)
		out |= L_AT_SYMLINK_FOLLOW;
	return out;
}

/* The mode argument exists only with O_CREAT. */
#define OPEN_MODE(flags, mode)					\
	do {							\
		va_list ap;					\
								\
		va_start(ap, flags);				\
		mode = (flags) & O_CREAT ? va_arg(ap, mode_t) : 0;	\
		va_end(ap);					\
	} while (0)

int openat(int dirfd, const char *path, int flags, ...)
{
	mode_t mode;

	OPEN_MODE(flags, mode);
	return __ret(sys4(openat, __linux_dirfd(dirfd), path, __linux_open_flags(flags), mode));
}

int open(const char *path, int flags, ...)
{
	mode_t mode;

	OPEN_MODE(flags, mode);
	return __ret(sys4(openat, L_AT_FDCWD, path, __linux_open_flags(flags), mode));
}

int creat(const char *path, mode_t mode)
{
	return open(path, O_WRONLY | O_CREAT | O_TRUNC, mode);
}

int fcntl(int fd, int cmd, ...)
{
	va_list ap;
	long arg;

	va_start(ap, cmd);
	arg = va_arg(ap, long);
	va_end(ap);
	switch (cmd) {
	case F_DUPFD:
	case F_GETFD:
	case F_SETFD:
		return __ret(sys3(fcntl, fd, cmd, arg));
	case F_DUPFD_CLOEXEC:
		return __ret(sys3(fcntl, fd, L_F_DUPFD_CLOEXEC, arg));
	case F_GETFL: {
		long r = __ret(sys3(fcntl, fd, F_GETFL, 0));

		return r < 0 ? -1 : picolibc_open_flags((int)r);
	}
	case F_SETFL:
		return __ret(sys3(fcntl, fd, F_SETFL, __linux_open_flags((int)arg)));
	default:
		return __set_errno_linux(22);	/* EINVAL: no locks, owners or leases */
	}
}
