// SPDX-License-Identifier: MIT
/*
 * Creating, removing and renaming names (the do_*at functions of
 * include/tern/namei.h): the VFS checks names, types, emptiness and
 * mounts under vfs_lock, the filesystem's inode operations do the rest.
 */
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/fs_struct.h>
#include <tern/kernel.h>
#include <tern/pathname.h>
#include <tern/string.h>
#include <tern/syscalls.h>
#include <tern/uaccess.h>
#include "internal.h"

/* The checks every create shares: 0 if pw names a free slot to create. */
static int may_create(struct parent_walk *pw)
{
	if (pw->dots || pw->child->d_inode)
		return -EEXIST;
	if (pw->nd.path.dentry->d_flags & DCACHE_DEAD)
		return -ENOENT;
	if (mnt_readonly(pw->nd.path.mnt))
		return -EROFS;
	return 0;
}

typedef int (*create_fn)(struct parent_walk *pw, struct inode *dir, const void *arg);

static int do_create(int dfd, const char *path, create_fn fn, const void *arg)
{
	struct parent_walk pw;
	int err = pw_prepare(&pw, dfd, path);

	if (err)
		return err;
	vfs_lock();
	err = pw_walk(&pw);
	if (!err)
		err = may_create(&pw);
	if (!err)
		err = fn(&pw, pw.nd.path.dentry->d_inode, arg);
	pw_release(&pw);
	vfs_unlock();
	return err;
}

static int mkdir_fn(struct parent_walk *pw, struct inode *dir, const void *arg)
{
	umode_t mode = *(const umode_t *)arg;

	if (!dir->i_op->mkdir)
		return -EPERM;
	/* As Linux: no set-user-ID or set-group-ID bit on a new directory. */
	return dir->i_op->mkdir(dir, pw->child, mode_after_umask(S_IFDIR, mode & 01777));
}

int do_mkdirat(int dfd, const char *path, umode_t mode)
{
	return do_create(dfd, path, mkdir_fn, &mode);
}

struct mknod_arg {
	umode_t mode;
	dev_t dev;
};

static int mknod_fn(struct parent_walk *pw, struct inode *dir, const void *arg)
{
	const struct mknod_arg *a = arg;
	umode_t type = a->mode & S_IFMT;

	if (pw->trailing)
		return -ENOENT;
	if (!type)
		type = S_IFREG;
	if (type == S_IFDIR || (type != S_IFREG && type != S_IFCHR && type != S_IFBLK &&
				type != S_IFIFO && type != S_IFSOCK))
		return -EINVAL;
	if (type == S_IFREG && dir->i_op->create)
		return dir->i_op->create(dir, pw->child, mode_after_umask(type, a->mode));
	if (!dir->i_op->mknod)
		return -EPERM;
	return dir->i_op->mknod(dir, pw->child, mode_after_umask(type, a->mode), a->dev);
}

int do_mknodat(int dfd, const char *path, umode_t mode, dev_t dev)
{
	struct mknod_arg a = { mode, dev };

	return do_create(dfd, path, mknod_fn, &a);
}

static int symlink_fn(struct parent_walk *pw, struct inode *dir, const void *arg)
{
	if (pw->trailing)
		return -ENOENT;
	if (!dir->i_op->symlink)
		return -EPERM;
	return dir->i_op->symlink(dir, pw->child, arg);
}

int do_symlinkat(const char *target, int newdfd, const char *linkpath)
{
	long n = path_checked_len(target, false);

	if (n < 0)
		return (int)n;
	return do_create(newdfd, linkpath, symlink_fn, target);
}

static int link_fn(struct parent_walk *pw, struct inode *dir, const void *arg)
{
	const struct path *old = arg;

	if (pw->trailing)
		return -ENOENT;
	if (old->mnt != pw->nd.path.mnt)
		return -EXDEV;
	if (S_ISDIR(old->dentry->d_inode->i_mode))
		return -EPERM;
	if (!dir->i_op->link)
		return -EPERM;
	return dir->i_op->link(old->dentry, dir, pw->child);
}

int do_linkat(int olddfd, const char *oldpath, int newdfd, const char *newpath, int flags)
{
	struct path old;
	int err;

	if (flags & ~(AT_SYMLINK_FOLLOW | AT_EMPTY_PATH))
		return -EINVAL;
	err = kern_path_at(olddfd, oldpath,
			   ((flags & AT_SYMLINK_FOLLOW) ? LOOKUP_FOLLOW : 0) |
			   ((flags & AT_EMPTY_PATH) ? LOOKUP_EMPTY : 0), &old);
	if (err)
		return err;
	err = do_create(newdfd, newpath, link_fn, &old);
	path_put(&old);
	return err;
}

/* The checks unlink and rmdir share: 0 if pw names something removable. */
static int may_delete(struct parent_walk *pw, bool dir)
{
	struct inode *inode;

	/* rmdir: "." -EINVAL, ".." -ENOTEMPTY, "/" -EBUSY; unlink: -EISDIR (Linux's). */
	if (pw->dots && !dir)
		return -EISDIR;
	if (pw->dots)
		return pw->dots == PW_DOT ? -EINVAL : pw->dots == PW_DOTDOT ? -ENOTEMPTY : -EBUSY;
	inode = pw->child->d_inode;
	if (!inode)
		return -ENOENT;
	if (dir && !S_ISDIR(inode->i_mode))
		return -ENOTDIR;
	if (!dir && S_ISDIR(inode->i_mode))
		return -EISDIR;
	if (!dir && pw->trailing)
		return -ENOTDIR;
	if (pw->child->d_flags & DCACHE_MOUNTED)
		return -EBUSY;
	if (mnt_readonly(pw->nd.path.mnt))
		return -EROFS;
	return 0;
}

static int do_remove(int dfd, const char *path, bool isdir)
{
	struct parent_walk pw;
	struct inode *dir;
	int err = pw_prepare(&pw, dfd, path);

	if (err)
		return err;
	vfs_lock();
	err = pw_walk(&pw);
	if (!err)
		err = may_delete(&pw, isdir);
	if (!err && isdir && d_has_children(pw.child))
		err = -ENOTEMPTY;
	dir = pw.nd.path.dentry->d_inode;
	if (!err && !(isdir ? dir->i_op->rmdir : dir->i_op->unlink))
		err = -EPERM;
	if (!err)
		err = isdir ? dir->i_op->rmdir(dir, pw.child) : dir->i_op->unlink(dir, pw.child);
	if (!err) {
		if (isdir)
			d_prune_negative(pw.child);
		d_delete(pw.child);
		inode_touch(dir, false, true, true);
	}
	pw_release(&pw);
	vfs_unlock();
	return err;
}

int do_rmdirat(int dfd, const char *path)
{
	return do_remove(dfd, path, true);
}

int do_unlinkat(int dfd, const char *path)
{
	return do_remove(dfd, path, false);
}

int vfs_unlink_path(const char *path)
{
	return do_unlinkat(AT_FDCWD, path);
}

static bool is_ancestor(struct dentry *a, struct dentry *d)
{
	for (;;) {
		if (d == a)
			return true;
		if (d->d_parent == d)
			return false;
		d = d->d_parent;
	}
}

static int may_rename(struct parent_walk *o, struct parent_walk *n, unsigned int flags)
{
	struct inode *src, *dst;

	if (o->dots || n->dots)
		return -EBUSY;
	src = o->child->d_inode;
	dst = n->child->d_inode;
	if (!src)
		return -ENOENT;
	if (o->nd.path.mnt != n->nd.path.mnt)
		return -EXDEV;
	if ((o->trailing || n->trailing) && !S_ISDIR(src->i_mode))
		return -ENOTDIR;
	if (dst && (flags & RENAME_NOREPLACE))
		return -EEXIST;
	if ((o->child->d_flags | n->child->d_flags) & DCACHE_MOUNTED)
		return -EBUSY;
	if (n->nd.path.dentry->d_flags & DCACHE_DEAD)
		return -ENOENT;
	if (S_ISDIR(src->i_mode)) {
		if (is_ancestor(o->child, n->nd.path.dentry))
			return -EINVAL;
		if (dst && !S_ISDIR(dst->i_mode))
			return -ENOTDIR;
		if (dst && d_has_children(n->child))
			return -ENOTEMPTY;
	} else if (dst && S_ISDIR(dst->i_mode)) {
		return -EISDIR;
	}
	return mnt_readonly(o->nd.path.mnt) ? -EROFS : 0;
}

static int rename_locked(struct parent_walk *o, struct parent_walk *n, unsigned int flags)
{
	struct inode *odir = o->nd.path.dentry->d_inode, *ndir = n->nd.path.dentry->d_inode;
	struct dentry *src = o->child, *dst = n->child;
	int err = may_rename(o, n, flags);

	if (err)
		return err;
	if (src == dst || src->d_inode == dst->d_inode)
		return 0;		/* the same file: nothing to do */
	if (!odir->i_op->rename)
		return -EPERM;
	err = odir->i_op->rename(odir, src, ndir, dst);
	if (err)
		return err;
	if (dst->d_inode && S_ISDIR(dst->d_inode->i_mode))
		d_prune_negative(dst);
	d_delete(dst);
	err = d_move(src, n->nd.path.dentry, &dst->d_name);
	inode_touch(odir, false, true, true);
	inode_touch(ndir, false, true, true);
	return err;
}

int do_renameat2(int olddfd, const char *oldpath, int newdfd, const char *newpath,
		 unsigned int flags)
{
	struct parent_walk o, n;
	int err;

	if (flags & ~RENAME_NOREPLACE)
		return -EINVAL;		/* RENAME_EXCHANGE, RENAME_WHITEOUT: not done */
	err = pw_prepare(&o, olddfd, oldpath);
	if (err)
		return err;
	err = pw_prepare(&n, newdfd, newpath);
	if (err) {
		vfs_lock();
		nd_release_locked(&o.nd);
		vfs_unlock();
		return err;
	}
	vfs_lock();
	err = pw_walk(&o);
	if (!err)
		err = pw_walk(&n);
	if (!err)
		err = rename_locked(&o, &n, flags);
	pw_release(&o);
	pw_release(&n);
	vfs_unlock();
	return err;
}

/* ---- the system calls ---- */

long sys_mkdirat(int dfd, const char __user *pathname, umode_t mode)
{
	char *name = getname(pathname);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_mkdirat(dfd, name, mode);
	putname(name);
	return err;
}

long sys_mknodat(int dfd, const char __user *filename, umode_t mode, unsigned int dev)
{
	char *name = getname(filename);
	long err;

	if (IS_ERR(name))
		return PTR_ERR(name);
	err = do_mknodat(dfd, name, mode, dev);
	putname(name);
	return err;
}

long sys_unlinkat(int dfd, const char __user *pathname, int flag)
{
	char *name;
	long err;

	if (flag & ~AT_REMOVEDIR)
		return -EINVAL;
	name = getname(pathname);
	if (IS_ERR(name))
		return PTR_ERR(name);
	err = (flag & AT_REMOVEDIR) ? do_rmdirat(dfd, name) : do_unlinkat(dfd, name);
	putname(name);
	return err;
}

/* Copies two user paths; 0 or -errno (then neither is held). */
static long getname2(const char __user *a, const char __user *b, char **ka, char **kb)
{
	*ka = getname(a);
	if (IS_ERR(*ka))
		return PTR_ERR(*ka);
	*kb = getname(b);
	if (IS_ERR(*kb)) {
		putname(*ka);
		return PTR_ERR(*kb);
	}
	return 0;
}

long sys_renameat2(int olddfd, const char __user *oldname, int newdfd,
		   const char __user *newname, unsigned int flags)
{
	char *o, *n;
	long err = getname2(oldname, newname, &o, &n);

	if (err)
		return err;
	err = do_renameat2(olddfd, o, newdfd, n, flags);
	putname(o);
	putname(n);
	return err;
}

long sys_linkat(int olddfd, const char __user *oldname, int newdfd,
		const char __user *newname, int flags)
{
	char *o, *n;
	long err = getname2(oldname, newname, &o, &n);

	if (err)
		return err;
	err = do_linkat(olddfd, o, newdfd, n, flags);
	putname(o);
	putname(n);
	return err;
}

long sys_symlinkat(const char __user *oldname, int newdfd, const char __user *newname)
{
	char *o, *n;
	long err = getname2(oldname, newname, &o, &n);

	if (err)
		return err;
	err = do_symlinkat(o, newdfd, n);
	putname(o);
	putname(n);
	return err;
}
