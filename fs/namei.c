// SPDX-License-Identifier: MIT
/*
 * The path walk (rules in include/tern/namei.h).  A walk holds vfs_lock
 * from its first component to its result; it starts from paths it took
 * references on before (nd_start), since reaching a dfd's file or the
 * task's fs_struct takes other locks.
 */
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/fdtable.h>
#include <tern/fs_struct.h>
#include <tern/kernel.h>
#include <tern/pathname.h>
#include <tern/slab.h>
#include <tern/uaccess.h>
#include <tern/string.h>
#include "internal.h"

void path_get(const struct path *p)
{
	mntget(p->mnt);
	dget(p->dentry);
}

void path_put_locked(const struct path *p)
{
	dput_locked(p->dentry);
	mntput_locked(p->mnt);
}

void path_put(const struct path *p)
{
	vfs_lock();
	path_put_locked(p);
	vfs_unlock();
}

int nd_start(struct nameidata *nd, int dfd, const char *name, bool empty_ok)
{
	struct file *f;

	nd->links = 0;
	nd->depth = 0;
	if (!READ_ONCE(root_mnt))
		return -ENOENT;		/* no root filesystem (yet) */
	get_fs_root(&nd->root);
	if (name[0] == '/' || dfd == AT_FDCWD) {
		get_fs_pwd(&nd->path);
		return 0;
	}
	f = fget((unsigned int)dfd);
	if (!f || dfd < 0) {
		if (f)
			fput(f);
		path_put(&nd->root);
		return -EBADF;
	}
	vfs_lock();
	nd->path = f->f_path;
	path_get(&nd->path);
	vfs_unlock();
	fput(f);
	if (!(empty_ok && !*name) && !S_ISDIR(nd->path.dentry->d_inode->i_mode)) {
		vfs_lock();
		nd_release_locked(nd);
		vfs_unlock();
		return -ENOTDIR;
	}
	return 0;
}

void nd_release_locked(struct nameidata *nd)
{
	path_put_locked(&nd->path);
	path_put_locked(&nd->root);
}

void follow_mounts(struct path *p)
{
	struct vfsmount *m;

	while ((p->dentry->d_flags & DCACHE_MOUNTED) && (m = lookup_mnt(p->mnt, p->dentry))) {
		struct path next = { mntget(m), dget(m->mnt_root) };

		path_put_locked(p);
		*p = next;
	}
}

static void nd_set(struct nameidata *nd, struct vfsmount *mnt, struct dentry *d)
{
	struct path next = { mntget(mnt), dget(d) };

	path_put_locked(&nd->path);
	nd->path = next;
}

static int follow_dotdot(struct nameidata *nd)
{
	for (;;) {
		struct path *p = &nd->path;

		if (p->dentry == nd->root.dentry && p->mnt == nd->root.mnt)
			return 0;
		if (p->dentry != p->mnt->mnt_root) {
			nd_set(nd, p->mnt, p->dentry->d_parent);
			break;
		}
		if (p->mnt->mnt_parent == p->mnt)
			return 0;		/* the global root */
		nd_set(nd, p->mnt->mnt_parent, p->mnt->mnt_mountpoint);
	}
	follow_mounts(&nd->path);
	return 0;
}

/* dir's child named name, referenced, perhaps negative; or ERR_PTR. */
static struct dentry *lookup_one(struct dentry *dir, const char *name, size_t len)
{
	struct qstr q = { name, (u32)len, 0 };
	struct inode *di = dir->d_inode;
	struct dentry *d;
	int err;

	if (dir->d_flags & DCACHE_DEAD)
		return ERR_PTR(-ENOENT);
	d = d_lookup(dir, &q);
	if (d)
		return d;
	d = d_alloc(dir, &q);
	if (!d)
		return ERR_PTR(-ENOMEM);
	err = di->i_op && di->i_op->lookup ? di->i_op->lookup(di, d) : 0;
	if (err) {
		d_delete(d);
		dput_locked(d);
		return ERR_PTR(err);
	}
	return d;
}

/* The target of a symlink the walk is about to follow, or ERR_PTR(-ELOOP ...). */
static const char *get_link(struct nameidata *nd, struct inode *link)
{
	const char *target;

	if (++nd->links > MAXSYMLINKS)
		return ERR_PTR(-ELOOP);
	if (!link->i_op || !link->i_op->get_link)
		return ERR_PTR(-EINVAL);
	target = link->i_op->get_link(link);
	if (!IS_ERR(target) && !*target)
		return ERR_PTR(-ENOENT);
	if (!IS_ERR(target))
		inode_touch(link, true, false, false);
	return target;
}

/*
 * Moves nd from a directory to its child name.  A symlink to follow is
 * not entered: walk_one returns 1 with its target in *target and nd still
 * at the directory holding it.
 */
static int walk_one(struct nameidata *nd, const char *name, size_t len, bool follow,
		    const char **target)
{
	struct path next;
	struct dentry *child;

	if (!S_ISDIR(nd->path.dentry->d_inode->i_mode))
		return -ENOTDIR;
	if (path_is_dot(name, len))
		return 0;
	if (path_is_dotdot(name, len))
		return follow_dotdot(nd);
	child = lookup_one(nd->path.dentry, name, len);
	if (IS_ERR(child))
		return (int)PTR_ERR(child);
	if (!child->d_inode) {
		dput_locked(child);
		return -ENOENT;
	}
	next.mnt = mntget(nd->path.mnt);
	next.dentry = child;
	follow_mounts(&next);
	if (follow && S_ISLNK(next.dentry->d_inode->i_mode)) {
		*target = get_link(nd, next.dentry->d_inode);
		path_put_locked(&next);
		return IS_ERR(*target) ? (int)PTR_ERR(*target) : 1;
	}
	path_put_locked(&nd->path);
	nd->path = next;
	return 0;
}

/*
 * Walks name from nd->path (from nd->root if absolute), vfs_lock held.
 * With last given, stops before the last component and returns it there
 * (last->len 0 if the path has none, as "/"), with its PATH_* bits in
 * *last_how.  Otherwise walks it too, following it if it is a symlink
 * and flags has LOOKUP_FOLLOW or the name ends in '/'.
 *
 * A symlink at the end of the string being walked is followed in this
 * loop (its target replaces the rest of the walk); one in the middle of
 * a path recurses, at most MAX_NESTED_LINKS deep, so a chain of 40 links
 * never costs 40 stack frames.
 */
int walk_path(struct nameidata *nd, const char *name, unsigned int flags,
	      struct qstr *last, unsigned int *last_how)
{
	const char *p = name, *c, *target = NULL;
	bool must_dir = false;
	unsigned int how;
	size_t len;
	int r;

	if (last)
		last->len = 0;
	if (*p == '/')
		nd_set(nd, nd->root.mnt, nd->root.dentry);
	while ((r = path_next_component(&p, &c, &len, &how)) > 0) {
		bool follow = !(how & PATH_LAST) || (flags & LOOKUP_FOLLOW) ||
			      (how & PATH_TRAILING_SLASH);

		if ((how & PATH_LAST) && last) {
			if (!S_ISDIR(nd->path.dentry->d_inode->i_mode))
				return -ENOTDIR;
			*last = (struct qstr){ c, (u32)len, 0 };
			*last_how = how;
			return 0;
		}
		r = walk_one(nd, c, len, follow, &target);
		if (r < 0)
			return r;
		if (r && (how & PATH_LAST)) {
			must_dir |= how & PATH_TRAILING_SLASH;
			flags |= LOOKUP_FOLLOW;
			p = target;
			if (*p == '/')
				nd_set(nd, nd->root.mnt, nd->root.dentry);
			continue;
		}
		if (r) {
			if (nd->depth == MAX_NESTED_LINKS)
				return -ELOOP;
			nd->depth++;
			r = walk_path(nd, target, LOOKUP_FOLLOW, NULL, NULL);
			nd->depth--;
			if (r)
				return r;
		}
		if ((how & PATH_TRAILING_SLASH) && !S_ISDIR(nd->path.dentry->d_inode->i_mode))
			return -ENOTDIR;
	}
	if (!r && must_dir && !S_ISDIR(nd->path.dentry->d_inode->i_mode))
		return -ENOTDIR;
	return r;
}

int kern_path_at(int dfd, const char *name, unsigned int flags, struct path *out)
{
	struct nameidata nd;
	long n = path_checked_len(name, flags & LOOKUP_EMPTY);
	int err;

	if (n < 0)
		return (int)n;
	err = nd_start(&nd, dfd, name, flags & LOOKUP_EMPTY);
	if (err)
		return err;
	vfs_lock();
	err = walk_path(&nd, name, flags, NULL, NULL);
	if (!err && (flags & LOOKUP_DIRECTORY) && !S_ISDIR(nd.path.dentry->d_inode->i_mode))
		err = -ENOTDIR;
	if (!err) {
		*out = nd.path;
		path_get(out);
	}
	nd_release_locked(&nd);
	vfs_unlock();
	return err;
}

int pw_prepare(struct parent_walk *pw, int dfd, const char *name)
{
	long n = path_checked_len(name, false);

	pw->name = name;
	pw->child = NULL;
	pw->dots = PW_NAME;
	pw->trailing = false;
	if (n < 0)
		return (int)n;
	return nd_start(&pw->nd, dfd, name, false);
}

int pw_walk(struct parent_walk *pw)
{
	struct qstr last;
	unsigned int how = 0;
	struct dentry *child;
	int err = walk_path(&pw->nd, pw->name, LOOKUP_FOLLOW, &last, &how);

	if (err)
		return err;
	pw->trailing = how & PATH_TRAILING_SLASH;
	if (!last.len || path_is_dot(last.name, last.len) ||
	    path_is_dotdot(last.name, last.len)) {
		pw->dots = !last.len ? PW_ROOT : last.len == 1 ? PW_DOT : PW_DOTDOT;
		return 0;
	}
	child = lookup_one(pw->nd.path.dentry, last.name, last.len);
	if (IS_ERR(child))
		return (int)PTR_ERR(child);
	pw->child = child;
	return 0;
}

void pw_release(struct parent_walk *pw)
{
	if (pw->child)
		dput_locked(pw->child);
	pw->child = NULL;
	nd_release_locked(&pw->nd);
}

char *getname(const char __user *path)
{
	char *buf = kmalloc(PATH_MAX, GFP_KERNEL);
	long n;

	if (!buf)
		return ERR_PTR(-ENOMEM);
	n = strncpy_from_user(buf, path, PATH_MAX);
	if (n < 0 || n == PATH_MAX) {
		kfree(buf);
		return ERR_PTR(n < 0 ? n : -ENAMETOOLONG);
	}
	return buf;
}

void putname(char *name)
{
	kfree(name);
}
