// SPDX-License-Identifier: MIT
/*
 * vfs_lock, the filesystem types, super blocks and the mount table.
 *
 * The mount table is a list of vfsmounts in mount order (all_mounts),
 * under vfs_lock.  A mount sits on a dentry of its parent mount; that
 * dentry carries DCACHE_MOUNTED, and the walk asks lookup_mnt which
 * mount it leads to.  The root mount is its own parent.
 */
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/fs.h>
#include <tern/init.h>
#include <tern/kernel.h>
#include <tern/printf.h>
#include <tern/printk.h>
#include <tern/slab.h>
#include <tern/string.h>
#include <tern/syscalls.h>
#include <tern/uaccess.h>
#include <uapi/linux/mount.h>
#include "internal.h"

static struct mutex vfs_mutex = {
	.owner = NULL,
	.wq = { SPINLOCK_INIT, LIST_HEAD_INIT(vfs_mutex.wq.waiters) },
};
static struct file_system_type *file_systems;
static LIST_HEAD(all_mounts);
static unsigned int next_anon_dev = 1;
struct vfsmount *root_mnt;

void vfs_lock(void)
{
	mutex_lock(&vfs_mutex);
}

void vfs_unlock(void)
{
	mutex_unlock(&vfs_mutex);
}

bool vfs_lock_held(void)
{
	return READ_ONCE(vfs_mutex.owner) == current;
}

int register_filesystem(struct file_system_type *type)
{
	int err = 0;

	vfs_lock();
	if (get_fs_type(type->name)) {
		err = -EBUSY;
	} else {
		type->next = file_systems;
		file_systems = type;
	}
	vfs_unlock();
	return err;
}

/* vfs_lock held, or registration is over (the list only grows). */
struct file_system_type *get_fs_type(const char *name)
{
	struct file_system_type *t;

	for (t = file_systems; t; t = t->next)
		if (!strcmp(t->name, name))
			return t;
	return NULL;
}

void filesystems_for_each(void (*fn)(const char *name, void *arg), void *arg)
{
	struct file_system_type *t;

	vfs_lock();
	for (t = file_systems; t; t = t->next)
		fn(t->name, arg);
	vfs_unlock();
}

struct super_block *sget_anon(struct file_system_type *type, const struct super_operations *ops)
{
	struct super_block *sb = kzalloc(sizeof(*sb), GFP_KERNEL);

	if (!sb)
		return NULL;
	sb->s_type = type;
	sb->s_op = ops;
	sb->s_dev = MKDEV(0, next_anon_dev++);
	sb->s_blocksize = PAGE_SIZE;
	return sb;
}

void free_anon_sb(struct super_block *sb)
{
	kfree(sb);
}

struct vfsmount *mntget(struct vfsmount *mnt)
{
	mnt->mnt_count++;
	return mnt;
}

void mntput_locked(struct vfsmount *mnt)
{
	BUG_ON(mnt->mnt_count <= 0);
	mnt->mnt_count--;
}

bool mnt_readonly(const struct vfsmount *mnt)
{
	return mnt->mnt_flags & MS_RDONLY;
}

struct vfsmount *lookup_mnt(struct vfsmount *mnt, struct dentry *dentry)
{
	struct vfsmount *m, *found = NULL;

	/* The last one mounted there is on top. */
	list_for_each_entry(m, &all_mounts, mnt_list)
		if (m->mnt_parent == mnt && m->mnt_mountpoint == dentry && m != mnt)
			found = m;
	return found;
}

bool vfs_root_mounted(void)
{
	return READ_ONCE(root_mnt) != NULL;
}

void get_root_path(struct path *root)
{
	if (!root_mnt)
		panic("VFS: a path walk before the root filesystem was mounted (%s)",
		      current->name);
	vfs_lock();
	root->mnt = mntget(root_mnt);
	root->dentry = dget(root_mnt->mnt_root);
	vfs_unlock();
}

static struct vfsmount *mnt_alloc(struct super_block *sb, const char *devname,
				  unsigned long flags)
{
	struct vfsmount *mnt = kzalloc(sizeof(*mnt), GFP_KERNEL);

	if (!mnt)
		return NULL;
	mnt->mnt_sb = sb;
	mnt->mnt_root = dget(sb->s_root);
	mnt->mnt_count = 1;		/* the table's */
	mnt->mnt_flags = flags & MS_RDONLY;
	strlcpy(mnt->mnt_devname, devname ? devname : "none", sizeof(mnt->mnt_devname));
	sb->s_active++;
	return mnt;
}

static void deactivate_super(struct super_block *sb)
{
	if (--sb->s_active)
		return;
	if (sb->s_op && sb->s_op->put_super)
		sb->s_op->put_super(sb);
	sb->s_type->kill_sb(sb);
}

/* Undoes mnt_alloc for a mount that never entered the table. */
static void umount_new(struct vfsmount *mnt)
{
	dput_locked(mnt->mnt_root);
	deactivate_super(mnt->mnt_sb);
	kfree(mnt);
}

/* Mounts a new instance on at (referenced; the mount takes the references). */
static int graft(struct file_system_type *type, const char *devname, unsigned long flags,
		 const char *data, struct path *at)
{
	struct super_block *sb = type->mount(type, data);
	struct vfsmount *mnt;

	if (IS_ERR(sb))
		return (int)PTR_ERR(sb);
	mnt = mnt_alloc(sb, devname, flags);
	if (!mnt) {
		sb->s_active++;
		deactivate_super(sb);
		return -ENOMEM;
	}
	if (at) {
		if (at->dentry->d_flags & DCACHE_DEAD) {
			umount_new(mnt);
			return -ENOENT;		/* a removed directory */
		}
		mnt->mnt_parent = at->mnt;
		mnt->mnt_mountpoint = at->dentry;
		at->dentry->d_flags |= DCACHE_MOUNTED;
	} else {
		mnt->mnt_parent = mnt;
		mnt->mnt_mountpoint = mnt->mnt_root;
		root_mnt = mnt;
	}
	list_add_tail(&mnt->mnt_list, &all_mounts);
	return 0;
}

int do_mount(const char *devname, const char *path, const char *fstype,
	     unsigned long flags, const char *data)
{
	struct file_system_type *type;
	struct path at;
	int err;

	if (flags & (MS_REMOUNT | MS_BIND | MS_MOVE))
		return -EINVAL;
	if (!root_mnt) {
		/* The first mount is the root, whatever path says. */
		vfs_lock();
		type = get_fs_type(fstype);
		err = type ? graft(type, devname, flags, data, NULL) : -ENODEV;
		vfs_unlock();
		return err;
	}
	err = kern_path(path, LOOKUP_FOLLOW | LOOKUP_DIRECTORY, &at);
	if (err)
		return err;
	vfs_lock();
	type = get_fs_type(fstype);
	err = -ENODEV;
	if (type)
		err = graft(type, devname, flags, data, &at);
	if (err)
		path_put_locked(&at);
	vfs_unlock();
	return err;
}

static bool mnt_has_children(struct vfsmount *mnt)
{
	struct vfsmount *m;

	list_for_each_entry(m, &all_mounts, mnt_list)
		if (m->mnt_parent == mnt && m != mnt)
			return true;
	return false;
}

static void umount_one(struct vfsmount *mnt)
{
	struct dentry *mp = mnt->mnt_mountpoint;
	struct vfsmount *parent = mnt->mnt_parent;

	list_del(&mnt->mnt_list);
	if (!lookup_mnt(parent, mp))
		mp->d_flags &= ~DCACHE_MOUNTED;
	dput_locked(mp);
	mntput_locked(parent);
	dput_locked(mnt->mnt_root);
	deactivate_super(mnt->mnt_sb);
	kfree(mnt);
}

int do_umount(const char *path, int flags)
{
	struct path p;
	int err;

	if (flags & ~(MNT_FORCE | MNT_DETACH | MNT_EXPIRE | UMOUNT_NOFOLLOW))
		return -EINVAL;
	err = kern_path(path, (flags & UMOUNT_NOFOLLOW) ? 0 : LOOKUP_FOLLOW, &p);
	if (err)
		return err;
	vfs_lock();
	if (p.dentry != p.mnt->mnt_root || p.mnt == root_mnt)
		err = -EINVAL;
	else if (p.mnt->mnt_count > 2 || mnt_has_children(p.mnt))
		err = -EBUSY;		/* the table's count and ours, nothing else */
	dput_locked(p.dentry);
	mntput_locked(p.mnt);
	if (!err)
		umount_one(p.mnt);
	vfs_unlock();
	return err;
}

int mounts_for_each(int (*fn)(struct vfsmount *mnt, void *arg), void *arg)
{
	struct vfsmount *m;
	int ret = 0;

	vfs_lock();
	list_for_each_entry(m, &all_mounts, mnt_list) {
		ret = fn(m, arg);
		if (ret)
			break;
	}
	vfs_unlock();
	return ret;
}

int mount_show(struct vfsmount *mnt, char *buf, size_t len)
{
	struct super_block *sb = mnt->mnt_sb;
	char *path = kmalloc(PATH_MAX, GFP_KERNEL), opts[48] = "";
	int n;

	if (!path)
		return -ENOMEM;
	n = mount_path(mnt, path, PATH_MAX);
	if (!n && sb->s_op && sb->s_op->show_options &&
	    sb->s_op->show_options(sb, opts + 1, sizeof(opts) - 1) > 0)
		opts[0] = ',';
	if (!n)
		n = snprintf(buf, len, "%s %s %s %s%s 0 0\n", mnt->mnt_devname, path,
			     sb->s_type->name, mnt_readonly(mnt) ? "ro" : "rw", opts);
	kfree(path);
	return n < 0 || (size_t)n < len ? n : -ENAMETOOLONG;
}

int mount_path(struct vfsmount *mnt, char *buf, size_t len)
{
	struct path root = { root_mnt, root_mnt->mnt_root };
	struct path at = { mnt, mnt->mnt_root };
	char *s = d_path(&at, &root, buf, len);

	if (IS_ERR(s))
		return (int)PTR_ERR(s);
	memmove(buf, s, strlen(s) + 1);
	return 0;
}

/* A user string of at most len bytes (with NUL) into a kmalloc'd buffer, or ERR_PTR. */
static char *copy_mount_string(const char __user *s, long len)
{
	char *buf = kmalloc((size_t)len, GFP_KERNEL);
	long n;

	if (!buf)
		return ERR_PTR(-ENOMEM);
	n = strncpy_from_user(buf, s, len);
	if (n < 0 || n == len) {
		kfree(buf);
		return ERR_PTR(n < 0 ? n : -EINVAL);
	}
	return buf;
}

long sys_mount(char __user *dev_name, char __user *dir_name, char __user *type,
	       unsigned long flags, void __user *data)
{
	char *dev = NULL, *dir, *fstype = NULL, *opts = NULL;
	long err;

	if ((flags & 0xffff0000UL) == 0xc0ed0000UL)
		flags &= 0xffff;	/* the old MS_MGC_VAL magic */
	dir = getname(dir_name);
	if (IS_ERR(dir))
		return PTR_ERR(dir);
	fstype = type ? copy_mount_string(type, 64) : ERR_PTR(-EINVAL);
	dev = dev_name ? copy_mount_string(dev_name, 64) : NULL;
	opts = data ? copy_mount_string(data, PAGE_SIZE) : NULL;
	err = IS_ERR(fstype) ? PTR_ERR(fstype) : IS_ERR(dev) ? PTR_ERR(dev) :
	      IS_ERR(opts) ? PTR_ERR(opts) : 0;
	if (!err)
		err = do_mount(dev ? dev : fstype, dir, fstype, flags & ~MS_SILENT, opts);
	if (!IS_ERR_OR_NULL(opts))
		kfree(opts);
	if (!IS_ERR_OR_NULL(dev))
		kfree(dev);
	if (!IS_ERR_OR_NULL(fstype))
		kfree(fstype);
	putname(dir);
	return err;
}

long sys_umount(char __user *name, int flags)
{
	char *dir = getname(name);
	long err;

	if (IS_ERR(dir))
		return PTR_ERR(dir);
	err = do_umount(dir, flags);
	putname(dir);
	return err;
}

struct vfsmount *kern_mount(struct file_system_type *type)
{
	struct super_block *sb;
	struct vfsmount *mnt;

	vfs_lock();
	sb = type->mount(type, NULL);
	mnt = IS_ERR(sb) ? (struct vfsmount *)sb : mnt_alloc(sb, type->name, 0);
	if (!mnt)
		mnt = ERR_PTR(-ENOMEM);
	if (!IS_ERR(mnt)) {
		mnt->mnt_parent = mnt;
		mnt->mnt_mountpoint = mnt->mnt_root;
		INIT_LIST_HEAD(&mnt->mnt_list);
	}
	vfs_unlock();
	return mnt;
}

/* The root filesystem and /dev, before any process runs. */
static int vfs_mount_root(void)
{
	int err = do_mount("rootfs", "/", "ramfs", 0, NULL);

	if (err) {
		pr_err("VFS: no root filesystem (ramfs): error %d\n", err);
		return err;
	}
	if (!get_fs_type("devfs"))
		return 0;
	err = do_mkdirat(AT_FDCWD, "/dev", 0755);
	if (!err)
		err = do_mount("devfs", "/dev", "devfs", 0, NULL);
	if (err)
		pr_err("VFS: cannot mount devfs on /dev: error %d\n", err);
	else
		pr_info("VFS: ramfs on /, devfs on /dev\n");
	return err;
}
subsys_initcall(vfs_mount_root);
