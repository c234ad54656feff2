// SPDX-License-Identifier: MIT
/*
 * Helpers for filesystems whose directories live only in the dcache
 * (ramfs, devfs): every positive dentry is pinned, so a lookup that
 * misses the cache means "no such name".
 */
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/fs.h>
#include <tern/kernel.h>
#include <tern/string.h>
#include <uapi/linux/dirent.h>
#include "internal.h"

int simple_lookup(struct inode *dir, struct dentry *dentry)
{
	return 0;		/* stays negative */
}

int dcache_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dir = file->f_path.dentry, *c;

	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, 1, dir->d_inode->i_ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		struct inode *up = dir->d_parent->d_inode;

		if (!ctx->actor(ctx, "..", 2, 2, up->i_ino, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	list_for_each_entry(c, &dir->d_subdirs, d_child) {
		if (!c->d_inode || c->d_index < ctx->pos)
			continue;
		if (!ctx->actor(ctx, c->d_name.name, (int)c->d_name.len, c->d_index + 1,
				c->d_inode->i_ino, inode_dt_type(c->d_inode)))
			return 0;
		ctx->pos = c->d_index + 1;
	}
	return 0;
}

loff_t generic_file_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t base;

	switch (whence) {
	case SEEK_SET:
		base = 0;
		break;
	case SEEK_CUR:
		base = file->f_pos;
		break;
	case SEEK_END:
		base = READ_ONCE(file->f_inode->i_size);
		break;
	default:
		return -EINVAL;
	}
	if ((offset > 0 && base > INT64_MAX - offset) || base + offset < 0)
		return -EINVAL;
	file->f_pos = base + offset;
	return file->f_pos;
}

int noop_fsync(struct file *file)
{
	return 0;
}

const struct file_operations simple_dir_operations = {
	.iterate = dcache_readdir,
	.llseek = generic_file_llseek,
	.fsync = noop_fsync,
};

struct dentry *simple_create_child(struct dentry *dir, const char *name, struct inode *inode)
{
	struct qstr q = { name, (u32)strlen(name), 0 };
	struct dentry *d = d_lookup(dir, &q);

	if (d && d->d_inode) {
		dput_locked(d);
		return ERR_PTR(-EEXIST);
	}
	if (!d)
		d = d_alloc(dir, &q);
	if (!d)
		return ERR_PTR(-ENOMEM);
	d_instantiate(d, inode);
	d_pin(d);
	dput_locked(d);
	if (S_ISDIR(inode->i_mode))
		dir->d_inode->i_nlink++;
	return d;
}

static struct dentry *first_live_child(struct dentry *d)
{
	struct dentry *c;

	list_for_each_entry(c, &d->d_subdirs, d_child)
		if (!(c->d_flags & DCACHE_DEAD))
			return c;
	return NULL;
}

/*
 * Unpins every dentry below root, leaves first, without recursion (a
 * tree may be deeper than a kernel stack).  A dentry someone still holds
 * survives, dead, until its last dput.
 */
static void d_genocide(struct dentry *root)
{
	struct dentry *d = root, *c, *parent;

	for (;;) {
		c = first_live_child(d);
		if (c) {
			d = c;
			continue;
		}
		if (d == root)
			return;
		parent = d->d_parent;
		dget(d);
		d_delete(d);
		dput_locked(d);
		d = parent;
	}
}

void kill_litter_super(struct super_block *sb)
{
	struct dentry *root = sb->s_root;

	d_genocide(root);
	d_prune_negative(root);
	dput_locked(root);
	free_anon_sb(sb);
}
