// SPDX-License-Identifier: MIT
/*
 * ramfs: a read-write filesystem in memory.  Its directories are the
 * dcache itself (every name pinned, fs/libfs.c); file data is in
 * fs/ramfs/file.c.  Mount option "size=N[k|m|g]" caps the pages it may
 * hold (-ENOSPC beyond); without it, only memory does.
 */
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/fs.h>
#include <tern/init.h>
#include <tern/kernel.h>
#include <tern/slab.h>
#include <tern/printf.h>
#include <tern/string.h>
#include "../internal.h"
#include "ramfs.h"

static const struct inode_operations ramfs_dir_iops, ramfs_symlink_iops, ramfs_file_iops;

static struct inode *ramfs_get_inode(struct super_block *sb, umode_t mode, dev_t dev)
{
	struct inode *inode = new_inode(sb, mode);

	if (!inode)
		return NULL;
	inode->i_private = kzalloc(sizeof(struct ramfs_inode), GFP_KERNEL);
	if (!inode->i_private) {
		iput(inode);
		return NULL;
	}
	switch (mode & S_IFMT) {
	case S_IFREG:
		inode->i_op = &ramfs_file_iops;
		inode->i_fop = &ramfs_file_operations;
		break;
	case S_IFDIR:
		inode->i_op = &ramfs_dir_iops;
		inode->i_fop = &simple_dir_operations;
		inode->i_nlink = 2;
		break;
	case S_IFLNK:
		inode->i_op = &ramfs_symlink_iops;
		break;
	default:
		inode->i_op = &ramfs_file_iops;
		inode->i_rdev = dev;
	}
	return inode;
}

static int ramfs_mknod(struct inode *dir, struct dentry *d, umode_t mode, dev_t dev)
{
	struct inode *inode = ramfs_get_inode(dir->i_sb, mode, dev);

	if (!inode)
		return -ENOMEM;
	d_instantiate(d, inode);
	d_pin(d);
	if (S_ISDIR(mode))
		dir->i_nlink++;
	inode_touch(dir, false, true, true);
	return 0;
}

static int ramfs_create(struct inode *dir, struct dentry *d, umode_t mode)
{
	return ramfs_mknod(dir, d, mode, 0);
}

static int ramfs_mkdir(struct inode *dir, struct dentry *d, umode_t mode)
{
	return ramfs_mknod(dir, d, mode, 0);
}

static int ramfs_symlink(struct inode *dir, struct dentry *d, const char *target)
{
	struct inode *inode = ramfs_get_inode(dir->i_sb, S_IFLNK | 0777, 0);
	struct ramfs_inode *ri;
	size_t len = strlen(target);

	if (!inode)
		return -ENOMEM;
	ri = inode->i_private;
	ri->link = kmalloc(len + 1, GFP_KERNEL);
	if (!ri->link) {
		iput(inode);
		return -ENOMEM;
	}
	memcpy(ri->link, target, len + 1);
	inode->i_size = (loff_t)len;
	d_instantiate(d, inode);
	d_pin(d);
	inode_touch(dir, false, true, true);
	return 0;
}

static const char *ramfs_get_link(struct inode *inode)
{
	return ((struct ramfs_inode *)inode->i_private)->link;
}

static int ramfs_link(struct dentry *old, struct inode *dir, struct dentry *d)
{
	struct inode *inode = old->d_inode;

	inode->i_nlink++;
	inode_touch(inode, false, false, true);
	d_instantiate(d, igrab(inode));
	d_pin(d);
	inode_touch(dir, false, true, true);
	return 0;
}

static int ramfs_unlink(struct inode *dir, struct dentry *d)
{
	d->d_inode->i_nlink--;
	inode_touch(d->d_inode, false, false, true);
	return 0;
}

static int ramfs_rmdir(struct inode *dir, struct dentry *d)
{
	d->d_inode->i_nlink = 0;
	dir->i_nlink--;
	return 0;
}

static int ramfs_rename(struct inode *old_dir, struct dentry *old, struct inode *new_dir,
			struct dentry *new)
{
	bool isdir = S_ISDIR(old->d_inode->i_mode);

	if (new->d_inode) {
		if (isdir) {
			new->d_inode->i_nlink = 0;
			new_dir->i_nlink--;
		} else {
			new->d_inode->i_nlink--;
		}
	}
	if (isdir && old_dir != new_dir) {
		old_dir->i_nlink--;
		new_dir->i_nlink++;
	}
	inode_touch(old->d_inode, false, false, true);
	return 0;
}

/* ATTR_SIZE: i_mutex and vfs_lock held. */
static int ramfs_setattr(struct dentry *d, struct iattr *attr)
{
	struct inode *inode = d->d_inode;

	if (attr->ia_valid & ATTR_SIZE) {
		if (attr->ia_size < inode->i_size)
			ramfs_truncate_pages(inode, attr->ia_size);
		inode->i_size = attr->ia_size;
		inode_touch(inode, false, true, true);
		attr->ia_valid &= ~ATTR_SIZE;
		if (!attr->ia_valid)
			return 0;
	}
	setattr_copy(inode, attr);
	return 0;
}

static const struct inode_operations ramfs_dir_iops = {
	.lookup = simple_lookup,
	.create = ramfs_create,
	.mknod = ramfs_mknod,
	.mkdir = ramfs_mkdir,
	.rmdir = ramfs_rmdir,
	.unlink = ramfs_unlink,
	.rename = ramfs_rename,
	.link = ramfs_link,
	.symlink = ramfs_symlink,
	.setattr = ramfs_setattr,
};

static const struct inode_operations ramfs_file_iops = {
	.setattr = ramfs_setattr,
};

static const struct inode_operations ramfs_symlink_iops = {
	.get_link = ramfs_get_link,
	.setattr = ramfs_setattr,
};

static void ramfs_evict_inode(struct inode *inode)
{
	struct ramfs_inode *ri = inode->i_private;

	if (!ri)
		return;
	ramfs_truncate_pages(inode, 0);
	kfree(ri->link);
	kfree(ri);
}

static int ramfs_show_options(struct super_block *sb, char *buf, size_t len)
{
	struct ramfs_sb *s = sb->s_fs_info;

	if (!s->max_pages || len < 24)
		return 0;
	return snprintf(buf, len, "size=%luk", s->max_pages * (PAGE_SIZE / 1024));
}

static const struct super_operations ramfs_sops = {
	.evict_inode = ramfs_evict_inode,
	.show_options = ramfs_show_options,
};

/* "size=N[k|m|g]" (bytes, rounded up to pages): 0 or -EINVAL. */
static int ramfs_parse(const char *data, unsigned long *max_pages)
{
	unsigned long long bytes;
	char *end;

	*max_pages = 0;
	if (!data || !*data)
		return 0;
	if (strncmp(data, "size=", 5))
		return -EINVAL;
	bytes = strtoul(data + 5, &end, 0);
	switch (*end) {
	case 'g': case 'G':
		bytes <<= 10;
		/* fall through */
	case 'm': case 'M':
		bytes <<= 10;
		/* fall through */
	case 'k': case 'K':
		bytes <<= 10;
		end++;
	}
	if (*end || !bytes)
		return -EINVAL;
	*max_pages = (unsigned long)((bytes + PAGE_SIZE - 1) / PAGE_SIZE);
	return 0;
}

static struct super_block *ramfs_mount(struct file_system_type *type, const char *data)
{
	struct ramfs_sb *s = kzalloc(sizeof(*s), GFP_KERNEL);
	struct super_block *sb;
	struct inode *root;
	int err;

	if (!s)
		return ERR_PTR(-ENOMEM);
	err = ramfs_parse(data, &s->max_pages);
	sb = err ? NULL : sget_anon(type, &ramfs_sops);
	if (!sb) {
		kfree(s);
		return ERR_PTR(err ? err : -ENOMEM);
	}
	spin_lock_init(&s->lock);
	sb->s_fs_info = s;
	root = ramfs_get_inode(sb, S_IFDIR | 0755, 0);
	sb->s_root = root ? d_make_root(sb, root) : NULL;
	if (!sb->s_root) {
		if (root)
			iput(root);
		free_anon_sb(sb);
		kfree(s);
		return ERR_PTR(-ENOMEM);
	}
	return sb;
}

static void ramfs_kill_sb(struct super_block *sb)
{
	struct ramfs_sb *s = sb->s_fs_info;

	kill_litter_super(sb);
	kfree(s);
}

static struct file_system_type ramfs_type = {
	.name = "ramfs",
	.mount = ramfs_mount,
	.kill_sb = ramfs_kill_sb,
};

static int ramfs_init(void)
{
	return register_filesystem(&ramfs_type);
}
core_initcall(ramfs_init);
