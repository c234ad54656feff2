// SPDX-License-Identifier: MIT
/*
 * Inodes: allocated by a filesystem with new_inode, referenced by
 * dentries (and by whatever else igrabs one), under vfs_lock.  The last
 * iput evicts: the filesystem frees its data (evict_inode), then the
 * inode goes.
 */
#include <tern/fs.h>
#include <tern/kernel.h>
#include <tern/slab.h>
#include <tern/time.h>

struct timespec64 current_time(void)
{
	u64 us = time_since_boot_us();

	/* No wall clock yet: time since boot, as if the epoch were the boot. */
	return (struct timespec64){ (s64)(us / 1000000), (long)(us % 1000000) * 1000 };
}

struct inode *new_inode(struct super_block *sb, umode_t mode)
{
	struct inode *inode = kzalloc(sizeof(*inode), GFP_KERNEL);

	if (!inode)
		return NULL;
	inode->i_sb = sb;
	inode->i_mode = mode;
	inode->i_nlink = 1;
	inode->i_count = 1;
	inode->i_ino = ++sb->s_next_ino;
	inode->i_atime = inode->i_mtime = inode->i_ctime = current_time();
	mutex_init(&inode->i_mutex);
	sb->s_inodes++;
	return inode;
}

struct inode *igrab(struct inode *inode)
{
	inode->i_count++;
	return inode;
}

void iput(struct inode *inode)
{
	struct super_block *sb = inode->i_sb;

	BUG_ON(inode->i_count <= 0);
	if (--inode->i_count)
		return;
	if (sb->s_op && sb->s_op->evict_inode)
		sb->s_op->evict_inode(inode);
	sb->s_inodes--;
	kfree(inode);
}

void inode_touch(struct inode *inode, bool atime, bool mtime, bool ctime)
{
	struct timespec64 now = current_time();

	if (atime)
		inode->i_atime = now;
	if (mtime)
		inode->i_mtime = now;
	if (ctime)
		inode->i_ctime = now;
}

void setattr_copy(struct inode *inode, const struct iattr *attr)
{
	unsigned int v = attr->ia_valid;

	if (v & ATTR_MODE)
		inode->i_mode = (inode->i_mode & S_IFMT) | (attr->ia_mode & S_IALLUGO);
	if (v & ATTR_UID)
		inode->i_uid = attr->ia_uid;
	if (v & ATTR_GID)
		inode->i_gid = attr->ia_gid;
	if (v & ATTR_ATIME)
		inode->i_atime = attr->ia_atime;
	if (v & ATTR_MTIME)
		inode->i_mtime = attr->ia_mtime;
	inode_touch(inode, false, false, true);
}
