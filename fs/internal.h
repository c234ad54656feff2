/* SPDX-License-Identifier: MIT */
/* What fs/ files share and nothing outside fs/ should call. */
#ifndef FS_INTERNAL_H
#define FS_INTERNAL_H

#include <tern/fs.h>
#include <tern/namei.h>

/* Symlinks in the middle of a path nest at most this deep (-ELOOP). */
#define MAX_NESTED_LINKS	8

/* One walk: the current position and the root, both referenced. */
struct nameidata {
	struct path path;
	struct path root;
	unsigned int links;		/* symlinks followed so far (MAXSYMLINKS) */
	unsigned int depth;		/* symlinks being followed inside a path */
};

/*
 * Sets the root and the start of a walk of name from dfd (no lock
 * held): 0 or -EBADF / -ENOTDIR.  nd_release_locked drops both.
 */
int nd_start(struct nameidata *nd, int dfd, const char *name, bool empty_ok);
void nd_release_locked(struct nameidata *nd);
/* Walks name from nd->path (vfs_lock held); see walk_path in namei.c. */
int walk_path(struct nameidata *nd, const char *name, unsigned int flags,
	      struct qstr *last, unsigned int *last_how);

/*
 * The parent side of create/remove/rename.  pw_prepare (no lock), then
 * pw_walk (vfs_lock held): pw.nd.path is the directory, pw.child its
 * dentry for the last component (negative if absent; NULL when the name
 * ends in "." or ".." or is "/": pw.dots says which), referenced;
 * pw.trailing if the name ended in '/'.  pw_release (vfs_lock held) drops it all.
 */
struct parent_walk {
	struct nameidata nd;
	const char *name;
	struct dentry *child;
	enum { PW_NAME, PW_DOT, PW_DOTDOT, PW_ROOT } dots;	/* PW_NAME: child is set */
	bool trailing;
};
int pw_prepare(struct parent_walk *pw, int dfd, const char *name);
int pw_walk(struct parent_walk *pw);
void pw_release(struct parent_walk *pw);

struct vfsmount *mntget(struct vfsmount *mnt);		/* vfs_lock held */
void mntput_locked(struct vfsmount *mnt);		/* vfs_lock held */
void follow_mounts(struct path *p);			/* vfs_lock held */
bool mnt_readonly(const struct vfsmount *mnt);

/* Applies attr to the dentry's inode through setattr (vfs_lock held). */
int notify_change(struct dentry *dentry, struct iattr *attr);

/* Mode of a new inode: the type bits, the permission bits less the umask. */
umode_t mode_after_umask(umode_t type, umode_t mode);

/* Frees every dentry of a dcache-backed fs and its super block (umount). */
void kill_litter_super(struct super_block *sb);

/*
 * A user path copied into kernel memory (PATH_MAX bytes, kfree it):
 * ERR_PTR(-EFAULT / -ENAMETOOLONG / -ENOMEM); "" is returned as is.
 */
char *getname(const char __user *path);
void putname(char *name);

#endif
