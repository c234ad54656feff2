// SPDX-License-Identifier: MIT
/*
 * stat, statx and readlink.  rv64 has newfstatat and fstat (struct stat);
 * rv32 Linux has neither (nor fstatat64): its programs call statx, so the
 * syscall table registers sys_newfstatat/sys_newfstat on rv64 only.
 */
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/fdtable.h>
#include <tern/kernel.h>
#include <tern/slab.h>
#include <tern/string.h>
#include <tern/syscalls.h>
#include <tern/uaccess.h>
#include "internal.h"

/* The layouts user space was built against (stat(2), statx(2), getdents64(2)). */
_Static_assert(sizeof(struct stat) == 128, "struct stat is asm-generic's 128 bytes");
_Static_assert(__builtin_offsetof(struct stat, st_size) == 48, "st_size at 48");
_Static_assert(__builtin_offsetof(struct stat, st_atime) == 72, "st_atime at 72");
_Static_assert(sizeof(struct statx) == 256, "struct statx is 256 bytes");
_Static_assert(__builtin_offsetof(struct statx, stx_atime) == 64, "stx_atime at 64");
_Static_assert(__builtin_offsetof(struct statx, stx_rdev_major) == 128, "stx_rdev at 128");
_Static_assert(__builtin_offsetof(struct linux_dirent64, d_name) == 19, "d_name at 19");

static struct statx_timestamp stx_time(struct timespec64 t)
{
	return (struct statx_timestamp){ t.tv_sec, (u32)t.tv_nsec, 0 };
}

void vfs_getattr(const struct path *path, struct statx *stx)
{
	struct inode *inode = path->dentry->d_inode;

	memset(stx, 0, sizeof(*stx));
	vfs_lock();
	stx->stx_mask = STATX_BASIC_STATS;
	stx->stx_blksize = (u32)inode->i_sb->s_blocksize;
	stx->stx_nlink = inode->i_nlink;
	stx->stx_uid = inode->i_uid;
	stx->stx_gid = inode->i_gid;
	stx->stx_mode = inode->i_mode;
	stx->stx_ino = inode->i_ino;
	stx->stx_size = (u64)inode->i_size;
	stx->stx_blocks = inode->i_blocks;
	stx->stx_atime = stx_time(inode->i_atime);
	stx->stx_mtime = stx_time(inode->i_mtime);
	stx->stx_ctime = stx_time(inode->i_ctime);
	stx->stx_rdev_major = MAJOR(inode->i_rdev);
	stx->stx_rdev_minor = MINOR(inode->i_rdev);
	stx->stx_dev_major = MAJOR(inode->i_sb->s_dev);
	stx->stx_dev_minor = MINOR(inode->i_sb->s_dev);
	vfs_unlock();
}

int vfs_statx(int dfd, const char *name, int flags, struct statx *stx)
{
	struct path p;
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH | AT_NO_AUTOMOUNT | AT_STATX_SYNC_TYPE))
		return -EINVAL;
	err = kern_path_at(dfd, name, ((flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW) |
			   ((flags & AT_EMPTY_PATH) ? LOOKUP_EMPTY : 0), &p);
	if (err)
		return err;
	vfs_getattr(&p, stx);
	path_put(&p);
	return 0;
}

static void statx_to_stat(const struct statx *x, struct stat *st)
{
	memset(st, 0, sizeof(*st));
	st->st_dev = MKDEV(x->stx_dev_major, x->stx_dev_minor);
	st->st_ino = x->stx_ino;
	st->st_mode = x->stx_mode;
	st->st_nlink = x->stx_nlink;
	st->st_uid = x->stx_uid;
	st->st_gid = x->stx_gid;
	st->st_rdev = MKDEV(x->stx_rdev_major, x->stx_rdev_minor);
	st->st_size = (s64)x->stx_size;
	st->st_blksize = (s32)x->stx_blksize;
	st->st_blocks = (s64)x->stx_blocks;
	st->st_atime = x->stx_atime.tv_sec;
	st->st_atime_nsec = x->stx_atime.tv_nsec;
	st->st_mtime = x->stx_mtime.tv_sec;
	st->st_mtime_nsec = x->stx_mtime.tv_nsec;
	st->st_ctime = x->stx_ctime.tv_sec;
	st->st_ctime_nsec = x->stx_ctime.tv_nsec;
}

/* The user path (NULL allowed with AT_EMPTY_PATH, as Linux 6.11) statted into *stx. */
static long statx_user(int dfd, const char __user *filename, int flags, struct statx *stx)
{
	char *name;
	long err;

	if (!filename && (flags & AT_EMPTY_PATH))
		return vfs_statx(dfd, "", flags, stx);
	name = getname(filename);
	if (IS_ERR(name))
		return PTR_ERR(name);
	err = vfs_statx(dfd, name, flags, stx);
	putname(name);
	return err;
}

long sys_newfstatat(int dfd, const char __user *filename, struct stat __user *statbuf, int flag)
{
	struct statx x;
	struct stat st;
	long err = statx_user(dfd, filename, flag, &x);

	if (err)
		return err;
	statx_to_stat(&x, &st);
	return copy_to_user(statbuf, &st, sizeof(st)) ? -EFAULT : 0;
}

long sys_newfstat(unsigned int fd, struct stat __user *statbuf)
{
	struct statx x;
	struct stat st;
	int err = vfs_statx((int)fd, "", AT_EMPTY_PATH, &x);

	if (err)
		return err;
	statx_to_stat(&x, &st);
	return copy_to_user(statbuf, &st, sizeof(st)) ? -EFAULT : 0;
}

long sys_statx(int dfd, const char __user *filename, unsigned int flags, unsigned int mask,
	       struct statx __user *buffer)
{
	struct statx x;
	long err;

	if (mask & STATX__RESERVED)
		return -EINVAL;
	if ((flags & AT_STATX_SYNC_TYPE) == AT_STATX_SYNC_TYPE)
		return -EINVAL;
	err = statx_user(dfd, filename, (int)flags, &x);
	if (err)
		return err;
	return copy_to_user(buffer, &x, sizeof(x)) ? -EFAULT : 0;
}

int do_readlinkat(int dfd, const char *name, char *buf, int bufsiz)
{
	struct path p;
	struct inode *inode;
	const char *target;
	int err, len;

	if (bufsiz <= 0)
		return -EINVAL;
	err = kern_path_at(dfd, name, LOOKUP_EMPTY, &p);
	if (err)
		return err;
	inode = p.dentry->d_inode;
	vfs_lock();
	if (!S_ISLNK(inode->i_mode) || !inode->i_op->get_link) {
		err = -EINVAL;
	} else {
		target = inode->i_op->get_link(inode);
		len = (int)MIN(strlen(target), (size_t)bufsiz);
		memcpy(buf, target, (size_t)len);
		err = len;
		inode_touch(inode, true, false, false);
	}
	path_put_locked(&p);
	vfs_unlock();
	return err;
}

long sys_readlinkat(int dfd, const char __user *pathname, char __user *buf, int bufsiz)
{
	char *name, *kbuf;
	long r;

	if (bufsiz <= 0)
		return -EINVAL;
	name = getname(pathname);
	if (IS_ERR(name))
		return PTR_ERR(name);
	kbuf = name[0] ? kmalloc(PATH_MAX, GFP_KERNEL) : NULL;
	if (!kbuf) {
		r = name[0] ? -ENOMEM : -ENOENT;
		putname(name);
		return r;
	}
	r = do_readlinkat(dfd, name, kbuf, MIN(bufsiz, PATH_MAX));
	if (r > 0 && copy_to_user(buf, kbuf, (unsigned long)r))
		r = -EFAULT;
	kfree(kbuf);
	putname(name);
	return r;
}
