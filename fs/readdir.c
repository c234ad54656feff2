// SPDX-License-Identifier: MIT
/*
 * getdents64: records built in a kernel buffer while the directory is
 * iterated (vfs_lock held), then copied out.  A position is whatever the
 * filesystem's iterate gives as "next" (for dcache directories: 0 ".",
 * 1 "..", then each child's d_index + 1), so entries added or removed
 * between calls never make another one appear twice or vanish.
 */
#include <tern/errno.h>
#include <tern/fdtable.h>
#include <tern/kernel.h>
#include <tern/slab.h>
#include <tern/string.h>
#include <tern/syscalls.h>
#include <tern/uaccess.h>
#include <uapi/linux/dirent.h>
#include "internal.h"

#define GETDENTS_BUF	4096

struct getdents_ctx {
	struct dir_context ctx;
	char *buf;
	size_t used, size;
	int error;
};

static bool filldir64(struct dir_context *ctx, const char *name, int len, loff_t next,
		      u64 ino, unsigned int type)
{
	struct getdents_ctx *g = container_of(ctx, struct getdents_ctx, ctx);
	size_t reclen = ALIGN_UP(offsetof(struct linux_dirent64, d_name) + (size_t)len + 1, 8);
	struct linux_dirent64 *d;

	if (g->used + reclen > g->size) {
		if (!g->used)
			g->error = -EINVAL;	/* not even one fits */
		return false;
	}
	d = (struct linux_dirent64 *)(g->buf + g->used);
	memset(d, 0, reclen);
	d->d_ino = ino;
	d->d_off = next;
	d->d_reclen = (u16)reclen;
	d->d_type = (u8)type;
	memcpy(d->d_name, name, (size_t)len);
	g->used += reclen;
	return true;
}

int vfs_iterate_dir(struct file *file, struct dir_context *ctx)
{
	int err;

	if (!S_ISDIR(file->f_inode->i_mode))
		return -ENOTDIR;
	if (!file->f_op || !file->f_op->iterate)
		return -ENOTDIR;
	mutex_lock(&file->f_pos_lock);
	vfs_lock();
	ctx->pos = file->f_pos;
	err = (file->f_path.dentry->d_flags & DCACHE_DEAD) ? -ENOENT
							   : file->f_op->iterate(file, ctx);
	file->f_pos = ctx->pos;
	inode_touch(file->f_inode, true, false, false);
	vfs_unlock();
	mutex_unlock(&file->f_pos_lock);
	return err;
}

/* Fills up to size bytes of buf with records: bytes used or -errno. */
long getdents64_kernel(struct file *f, void *buf, size_t size)
{
	struct getdents_ctx g = { { filldir64, 0 }, buf, 0, size, 0 };
	int err = vfs_iterate_dir(f, &g.ctx);

	if (err)
		return err;
	return g.error ? g.error : (long)g.used;
}

/*
 * The records could not be copied out: the position goes back from end
 * (where the iteration left it) to start, so that no entry is lost --
 * unless another reader of the same file moved it meanwhile: then the
 * entries after end are theirs and the position stays.
 */
static void rewind_dir(struct file *f, loff_t start, loff_t end)
{
	mutex_lock(&f->f_pos_lock);
	if (f->f_pos == end)
		f->f_pos = start;
	mutex_unlock(&f->f_pos_lock);
}

long sys_getdents64(unsigned int fd, struct linux_dirent64 __user *dirent, unsigned int count)
{
	struct file *f = fget(fd);
	size_t size = MIN((size_t)count, (size_t)GETDENTS_BUF);
	loff_t start;
	char *buf;
	long r;

	if (!f)
		return -EBADF;
	if (!access_ok(dirent, count)) {
		fput(f);
		return -EFAULT;
	}
	buf = kmalloc(size ? size : 1, GFP_KERNEL);
	start = READ_ONCE(f->f_pos);
	r = buf ? getdents64_kernel(f, buf, size) : -ENOMEM;
	if (r > 0 && copy_to_user(dirent, buf, (unsigned long)r)) {
		rewind_dir(f, start, READ_ONCE(f->f_pos));
		r = -EFAULT;
	}
	kfree(buf);
	fput(f);
	return r;
}
