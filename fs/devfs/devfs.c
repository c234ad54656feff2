// SPDX-License-Identifier: MIT
/* devfs: a single dcache-backed instance holding device nodes (include/tern/devfs.h). */
#include <tern/devfs.h>
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/init.h>
#include <tern/kernel.h>
#include <tern/string.h>
#include "../internal.h"

static struct super_block *devfs_sb;	/* vfs_lock */

static const struct inode_operations devfs_dir_iops = {
	.lookup = simple_lookup,
};

/* The one instance, made on first use; vfs_lock held. */
static struct super_block *devfs_get_sb(struct file_system_type *type)
{
	struct super_block *sb;
	struct inode *root;

	if (devfs_sb)
		return devfs_sb;
	sb = sget_anon(type, NULL);
	root = sb ? new_inode(sb, S_IFDIR | 0755) : NULL;
	if (!root) {
		if (sb)
			free_anon_sb(sb);
		return NULL;
	}
	root->i_op = &devfs_dir_iops;
	root->i_fop = &simple_dir_operations;
	root->i_nlink = 2;
	sb->s_root = d_make_root(sb, root);
	if (!sb->s_root) {
		iput(root);
		free_anon_sb(sb);
		return NULL;
	}
	devfs_sb = sb;
	return sb;
}

static struct super_block *devfs_mount(struct file_system_type *type, const char *data)
{
	struct super_block *sb = devfs_get_sb(type);

	return sb ? sb : ERR_PTR(-ENOMEM);
}

static void devfs_kill_sb(struct super_block *sb)
{
	/* Kept: the nodes stay registered for the next mount. */
}

static struct file_system_type devfs_type = {
	.name = "devfs",
	.mount = devfs_mount,
	.kill_sb = devfs_kill_sb,
};

int devfs_register_chrdev(const char *name, umode_t mode, dev_t dev,
			  const struct file_operations *fops, void *data)
{
	struct super_block *sb;
	struct inode *inode;
	struct dentry *d;
	int err = 0;

	if (!*name || strchr(name, '/') || strlen(name) > NAME_MAX)
		return -EINVAL;
	vfs_lock();
	sb = devfs_get_sb(&devfs_type);
	inode = sb ? new_inode(sb, S_IFCHR | (mode & 07777)) : NULL;
	if (!inode) {
		vfs_unlock();
		return -ENOMEM;
	}
	inode->i_rdev = dev;
	inode->i_fop = fops;
	inode->i_private = data;
	d = simple_create_child(sb->s_root, name, inode);
	if (IS_ERR(d)) {
		iput(inode);
		err = (int)PTR_ERR(d);
	}
	vfs_unlock();
	return err;
}

int devfs_unregister_chrdev(const char *name)
{
	struct qstr q = { name, (u32)strlen(name), 0 };
	struct dentry *d;
	int err = -ENOENT;

	vfs_lock();
	d = devfs_sb ? d_lookup(devfs_sb->s_root, &q) : NULL;
	if (d && d->d_inode) {
		devfs_sb->s_root->d_inode->i_ctime = current_time();
		d_delete(d);
		err = 0;
	}
	if (d)
		dput_locked(d);
	vfs_unlock();
	return err;
}

static int devfs_init(void)
{
	return register_filesystem(&devfs_type);
}
core_initcall(devfs_init);
