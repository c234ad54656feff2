// SPDX-License-Identifier: MIT
/*
 * Opening and closing files, and the calls that change an inode's
 * attributes or the working directory.
 */
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/fdtable.h>
#include <tern/fs_struct.h>
#include <tern/kernel.h>
#include <tern/sched.h>
#include <tern/slab.h>
#include <tern/string.h>
#include <tern/syscalls.h>
#include <tern/uaccess.h>
#include "internal.h"

#define VALID_OPEN_FLAGS (O_ACCMODE | O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_APPEND | \
			  O_NONBLOCK | O_DSYNC | FASYNC | O_DIRECT | O_LARGEFILE | O_DIRECTORY | \
			  O_NOFOLLOW | O_NOATIME | O_CLOEXEC | __O_SYNC | O_PATH | __O_TMPFILE)

/* O_CREAT: finds or creates the last component; *out referenced. */
static int open_create(int dfd, const char *name, int flags, umode_t mode, struct path *out)
{
	struct parent_walk pw;
	struct inode *dir;
	int err = pw_prepare(&pw, dfd, name);

	if (err)
		return err;
	vfs_lock();
	err = pw_walk(&pw);
	if (!err && (pw.dots || pw.trailing))
		err = -EISDIR;
	if (err)
		goto out;
	dir = pw.nd.path.dentry->d_inode;
	if (pw.child->d_inode) {
		err = (flags & O_EXCL) ? -EEXIST : 0;
		if (!err && S_ISLNK(pw.child->d_inode->i_mode))
			err = (flags & O_NOFOLLOW) ? -ELOOP : 1;	/* 1: walk again, following */
	} else if (pw.nd.path.dentry->d_flags & DCACHE_DEAD) {
		err = -ENOENT;
	} else if (mnt_readonly(pw.nd.path.mnt)) {
		err = -EROFS;
	} else {
		err = dir->i_op->create ?
		      dir->i_op->create(dir, pw.child, mode_after_umask(S_IFREG, mode)) : -EACCES;
	}
	if (!err) {
		out->mnt = mntget(pw.nd.path.mnt);
		out->dentry = dget(pw.child);
		follow_mounts(out);
	}
out:
	pw_release(&pw);
	vfs_unlock();
	if (err == 1)
		return kern_path_at(dfd, name, LOOKUP_FOLLOW, out);
	return err;
}

static int open_checks(struct inode *inode, int flags)
{
	unsigned int acc = flags & O_ACCMODE;

	if (S_ISLNK(inode->i_mode))
		return -ELOOP;
	if ((flags & O_DIRECTORY) && !S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	if (flags & O_PATH)
		return 0;
	if (S_ISDIR(inode->i_mode) && (acc != O_RDONLY || (flags & O_CREAT)))
		return -EISDIR;
	if (acc == 3)
		return -EINVAL;
	if (!inode->i_fop)
		return -ENXIO;		/* a device node nothing serves, a FIFO off devfs */
	return 0;
}

static struct file *open_path(struct path *path, int flags)
{
	struct inode *inode = path->dentry->d_inode;
	struct file *f;
	int err = open_checks(inode, flags);

	if (err)
		return ERR_PTR(err);
	if ((flags & O_ACCMODE) != O_RDONLY && !(flags & O_PATH) && mnt_readonly(path->mnt))
		return ERR_PTR(-EROFS);
	f = alloc_file(path, (unsigned int)flags, (flags & O_PATH) ? NULL : inode->i_fop);
	if (IS_ERR(f) || (flags & O_PATH))
		return f;
	if (f->f_op->llseek)
		f->f_mode |= FMODE_LSEEK;
	if (f->f_op->open) {
		err = f->f_op->open(inode, f);
		if (err) {
			f->f_mode |= FMODE_PATH;	/* no release for a failed open */
			fput(f);
			return ERR_PTR(err);
		}
	}
	if ((flags & O_TRUNC) && S_ISREG(inode->i_mode)) {
		err = vfs_truncate_file(f, 0);
		if (err) {
			fput(f);
			return ERR_PTR(err);
		}
	}
	return f;
}

struct file *file_open_at(int dfd, const char *name, int flags, umode_t mode)
{
	struct path path;
	struct file *f;
	int err;

	if (flags & ~VALID_OPEN_FLAGS)
		return ERR_PTR(-EINVAL);
	if (flags & __O_TMPFILE)
		return ERR_PTR(-EOPNOTSUPP);
	if (flags & O_PATH)
		flags &= O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC;
	if ((flags & O_CREAT) && !(flags & O_PATH))
		err = open_create(dfd, name, flags, mode, &path);
	else
		err = kern_path_at(dfd, name, (flags & O_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, &path);
	if (err)
		return ERR_PTR(err);
	if ((flags & O_PATH) && S_ISLNK(path.dentry->d_inode->i_mode) && !(flags & O_DIRECTORY)) {
		f = alloc_file(&path, (unsigned int)flags, NULL);
	} else {
		f = open_path(&path, flags);
	}
	path_put(&path);
	return f;
}

struct file *filp_open(const char *path, int flags, umode_t mode)
{
	return file_open_at(AT_FDCWD, path, flags, mode);
}

long sys_openat(int dfd, const char __user *filename, int flags, umode_t mode)
{
	char *name = getname(filename);
	struct file *f;
	int fd;

	if (IS_ERR(name))
		return PTR_ERR(name);
	f = file_open_at(dfd, name, flags, mode);
	putname(name);
	if (IS_ERR(f))
		return PTR_ERR(f);
	fd = fd_install_new(f, (unsigned int)flags);
	if (fd < 0)
		fput(f);
	return fd;
}

long sys_close(unsigned int fd)
{
	return close_fd(fd);
}

int vfs_truncate_file(struct file *file, loff_t length)
{
	struct inode *inode = file->f_inode;
	struct iattr attr = { .ia_valid = ATTR_SIZE, .ia_size = length };
	int err;

	if (length < 0)
		return -EINVAL;
	if (S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!S_ISREG(inode->i_mode))
		return -EINVAL;
	mutex_lock(&inode->i_mutex);
	vfs_lock();
	err = notify_change(file->f_path.dentry, &attr);
	vfs_unlock();
	mutex_unlock(&inode->i_mutex);
	return err;
}

static long do_ftruncate(unsigned int fd, loff_t length)
{
	struct file *f = fget(fd);
	long err;

	if (!f)
		return -EBADF;
	err = (f->f_mode & FMODE_WRITE) ? vfs_truncate_file(f, length) : -EINVAL;
	fput(f);
	return err;
}

long sys_ftruncate(unsigned int fd, off_t length)
{
	return do_ftruncate(fd, length);
}

long sys_ftruncate64(unsigned int fd, loff_t length)
{
	return do_ftruncate(fd, length);
}

int notify_change(struct dentry *dentry, struct iattr *attr)
{
	struct inode *inode = dentry->d_inode;

	if (inode->i_op && inode->i_op->setattr)
		return inode->i_op->setattr(dentry, attr);
	if (attr->ia_valid & ATTR_SIZE)
		return -EPERM;
	setattr_copy(inode, attr);
	return 0;
}

/* Applies attr to what dfd/name names (follow: a final symlink). */
static int setattr_at(int dfd, const char *name, bool follow, bool empty, struct iattr *attr)
{
	struct path p;
	int err = kern_path_at(dfd, name, (follow ? LOOKUP_FOLLOW : 0) | (empty ? LOOKUP_EMPTY : 0),
			       &p);

	if (err)
		return err;
	vfs_lock();
	err = mnt_readonly(p.mnt) ? -EROFS : notify_change(p.dentry, attr);
	path_put_locked(&p);
	vfs_unlock();
	return err;
}

int do_fchmodat(int dfd, const char *path, umode_t mode, int flags)
{
	struct iattr attr = { .ia_valid = ATTR_MODE, .ia_mode = mode };

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (flags & AT_SYMLINK_NOFOLLOW)
		return -EOPNOTSUPP;	/* Linux: no modes on symlinks */
	return setattr_at(dfd, path, true, flags & AT_EMPTY_PATH, &attr);
}

int do_fchownat(int dfd, const char *path, uid_t uid, gid_t gid, int flags)
{
	struct iattr attr = { .ia_uid = uid, .ia_gid = gid };

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	if (uid != (uid_t)-1)
		attr.ia_valid |= ATTR_UID;
	if (gid != (gid_t)-1)
		attr.ia_valid |= ATTR_GID;
	return setattr_at(dfd, path, !(flags & AT_SYMLINK_NOFOLLOW), flags & AT_EMPTY_PATH, &attr);
}

static int utime_one(const struct timespec64 *t, struct timespec64 *out, unsigned int bit,
		     unsigned int *valid)
{
	if (t && t->tv_nsec == UTIME_OMIT)
		return 0;
	if (t && t->tv_nsec != UTIME_NOW && (t->tv_nsec < 0 || t->tv_nsec > 999999999))
		return -EINVAL;
	*out = (t && t->tv_nsec != UTIME_NOW) ? *t : current_time();
	*valid |= bit;
	return 0;
}

int do_utimensat(int dfd, const char *path, const struct timespec64 times[2], int flags)
{
	struct iattr attr = { 0 };
	int err;

	if (flags & ~(AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = utime_one(times ? &times[0] : NULL, &attr.ia_atime, ATTR_ATIME, &attr.ia_valid);
	if (!err)
		err = utime_one(times ? &times[1] : NULL, &attr.ia_mtime, ATTR_MTIME,
				&attr.ia_valid);
	if (err)
		return err;
	if (!path)		/* futimens: dfd itself */
		return setattr_at(dfd, "", true, true, &attr);
	return setattr_at(dfd, path, !(flags & AT_SYMLINK_NOFOLLOW), flags & AT_EMPTY_PATH, &attr);
}

int vfs_utimes_path(const char *path, s64 mtime_sec)
{
	struct timespec64 t[2] = { { mtime_sec, 0 }, { mtime_sec, 0 } };

	return do_utimensat(AT_FDCWD, path, t, AT_SYMLINK_NOFOLLOW);
}

int do_faccessat(int dfd, const char *path, int mode, int flags)
{
	struct path p;
	struct inode *inode;
	int err;

	if (mode & ~(R_OK | W_OK | X_OK))
		return -EINVAL;
	if (flags & ~(AT_EACCESS | AT_SYMLINK_NOFOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = kern_path_at(dfd, path, ((flags & AT_SYMLINK_NOFOLLOW) ? 0 : LOOKUP_FOLLOW) |
			   ((flags & AT_EMPTY_PATH) ? LOOKUP_EMPTY : 0), &p);
	if (err)
		return err;
	inode = p.dentry->d_inode;
	/* Root: read and write always; execute needs an x bit unless a directory. */
	if ((mode & X_OK) && !S_ISDIR(inode->i_mode) && !(inode->i_mode & 0111))
		err = -EACCES;
	else if ((mode & W_OK) && mnt_readonly(p.mnt) && !S_ISCHR(inode->i_mode))
		err = -EROFS;
	path_put(&p);
	return err;
}

/* ---- the system calls ---- */

long sys_fchmodat(int dfd, const char __user *filename, umode_t mode)
{
	char *name = getname(filename);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_fchmodat(dfd, name, mode, 0);
	putname(name);
	return err;
}

long sys_fchownat(int dfd, const char __user *filename, uid_t user, gid_t group, int flag)
{
	char *name = getname(filename);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_fchownat(dfd, name, user, group, flag);
	putname(name);
	return err;
}

long sys_fchmod(unsigned int fd, umode_t mode)
{
	return do_fchmodat((int)fd, "", mode, AT_EMPTY_PATH);
}

long sys_fchown(unsigned int fd, uid_t user, gid_t group)
{
	return do_fchownat((int)fd, "", user, group, AT_EMPTY_PATH);
}

long sys_faccessat2(int dfd, const char __user *filename, int mode, int flags)
{
	char *name = getname(filename);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_faccessat(dfd, name, mode, flags);
	putname(name);
	return err;
}

long sys_faccessat(int dfd, const char __user *filename, int mode)
{
	return sys_faccessat2(dfd, filename, mode, 0);
}

long sys_utimensat(int dfd, const char __user *filename, struct __kernel_timespec __user *utimes,
		   int flags)
{
	struct __kernel_timespec kt[2];
	struct timespec64 t[2];
	char *name = NULL;
	long err;

	if (utimes) {
		if (copy_from_user(kt, utimes, sizeof(kt)))
			return -EFAULT;
		t[0] = (struct timespec64){ kt[0].tv_sec, (long)kt[0].tv_nsec };
		t[1] = (struct timespec64){ kt[1].tv_sec, (long)kt[1].tv_nsec };
	}
	if (!filename && dfd == AT_FDCWD)
		return -EFAULT;		/* as Linux: a NULL path names a dfd, not the cwd */
	if (!filename && flags)
		return -EINVAL;
	if (filename) {
		name = getname(filename);
		if (IS_ERR(name))
			return PTR_ERR(name);
	}
	err = do_utimensat(dfd, name, utimes ? t : NULL, flags);
	if (name)
		putname(name);
	return err;
}

static long set_pwd(struct path *p)
{
	if (!S_ISDIR(p->dentry->d_inode->i_mode)) {
		path_put(p);
		return -ENOTDIR;
	}
	set_fs_pwd(p);
	return 0;
}

long sys_chdir(const char __user *filename)
{
	char *name = getname(filename);
	struct path p;
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = kern_path(name, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &p);
	putname(name);
	return err ? err : set_pwd(&p);
}

long sys_fchdir(unsigned int fd)
{
	struct file *f = fget(fd);
	struct path p;

	if (!f)
		return -EBADF;
	vfs_lock();
	p = f->f_path;
	path_get(&p);
	vfs_unlock();
	fput(f);
	return set_pwd(&p);
}

long sys_getcwd(char __user *buf, unsigned long size)
{
	char *page = kmalloc(PATH_MAX, GFP_KERNEL);
	struct path root, pwd;
	char *s;
	long len;

	if (!page)
		return -ENOMEM;
	get_fs_root(&root);
	get_fs_pwd(&pwd);
	vfs_lock();
	if (pwd.dentry->d_flags & DCACHE_DEAD)
		s = ERR_PTR(-ENOENT);
	else
		s = d_path(&pwd, &root, page, PATH_MAX);
	path_put_locked(&pwd);
	path_put_locked(&root);
	vfs_unlock();
	len = IS_ERR(s) ? PTR_ERR(s) : (long)strlen(s) + 1;
	if (len > 0 && (unsigned long)len > size)
		len = -ERANGE;
	if (len > 0 && copy_to_user(buf, s, (unsigned long)len))
		len = -EFAULT;
	kfree(page);
	return len;
}

long sys_umask(int mask)
{
	struct fs_struct *fs = current->fs;
	unsigned int old;

	if (!fs)
		return 0022;
	spin_lock(&fs->lock);
	old = fs->umask;
	fs->umask = (unsigned int)mask & 0777;
	spin_unlock(&fs->lock);
	return old;
}
