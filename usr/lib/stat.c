// SPDX-License-Identifier: MIT
/*
 * stat, lstat, fstat, fstatat: every one through statx, the one stat call
 * rv32 and rv64 Linux share, copied into picolibc's struct stat (whose
 * S_IF* mode bits are Linux's).
 */
#include <string.h>
#include <sys/stat.h>
#include "syscall.h"

#define L_AT_FDCWD		(-100)
#define L_AT_SYMLINK_NOFOLLOW	0x100
#define L_AT_EMPTY_PATH		0x1000
#define STATX_BASIC_STATS	0x7ff

struct statx_ts {
	long long tv_sec;
	unsigned int tv_nsec;
	int reserved;
};

/* Linux's struct statx (include/uapi/linux/stat.h), 256 bytes. */
struct kstatx {
	unsigned int mask, blksize;
	unsigned long long attributes;
	unsigned int nlink, uid, gid;
	unsigned short mode, pad0;
	unsigned long long ino, size, blocks, attributes_mask;
	struct statx_ts atime, btime, ctime, mtime;
	unsigned int rdev_major, rdev_minor, dev_major, dev_minor;
	unsigned long long spare[14];
};

static dev_t makedev(unsigned int major, unsigned int minor)
{
	return (dev_t)(((unsigned long long)major << 8) | minor);
}

static int do_statx(int dirfd, const char *path, int flags, struct stat *st)
{
	struct kstatx x;

	if (__ret(sys5(statx, dirfd, path, flags, STATX_BASIC_STATS, &x)) < 0)
		return -1;
	memset(st, 0, sizeof(*st));
	st->st_dev = makedev(x.dev_major, x.dev_minor);
	st->st_ino = (ino_t)x.ino;
	st->st_mode = x.mode;
	st->st_nlink = (nlink_t)x.nlink;
	st->st_uid = x.uid;
	st->st_gid = x.gid;
	st->st_rdev = makedev(x.rdev_major, x.rdev_minor);
	st->st_size = (off_t)x.size;
	st->st_blksize = x.blksize;
	st->st_blocks = (blkcnt_t)x.blocks;
	st->st_atim.tv_sec = x.atime.tv_sec;
	st->st_atim.tv_nsec = x.atime.tv_nsec;
	st->st_mtim.tv_sec = x.mtime.tv_sec;
	st->st_mtim.tv_nsec = x.mtime.tv_nsec;
	st->st_ctim.tv_sec = x.ctime.tv_sec;
	st->st_ctim.tv_nsec = x.ctime.tv_nsec;
	return 0;
}

int stat(const char *restrict path, struct stat *restrict st)
{
	return do_statx(L_AT_FDCWD, path, 0, st);
}

int lstat(const char *restrict path, struct stat *restrict st)
{
	return do_statx(L_AT_FDCWD, path, L_AT_SYMLINK_NOFOLLOW, st);
}

int fstat(int fd, struct stat *st)
{
	return do_statx(fd, "", L_AT_EMPTY_PATH, st);
}

int fstatat(int dirfd, const char *restrict path, struct stat *restrict st, int flags)
{
	return do_statx(__linux_dirfd(dirfd), path, __linux_at_flags(flags), st);
}
