// SPDX-License-Identifier: MIT
/* read, write and seek, for kernel and user buffers. */
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/fdtable.h>
#include <tern/kernel.h>
#include <tern/slab.h>
#include <tern/syscalls.h>
#include <tern/uaccess.h>
#include "internal.h"

#define MAX_RW_COUNT	(0x7fffffffUL & ~(unsigned long)(PAGE_SIZE - 1))

/* Regular files and directories serialise their position. */
static bool pos_locked(struct file *f, loff_t *pos)
{
	umode_t m = f->f_inode->i_mode;

	return pos == &f->f_pos && (S_ISREG(m) || S_ISDIR(m));
}

ssize_t vfs_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	ssize_t r;

	if (!(file->f_mode & FMODE_READ))
		return -EBADF;
	if (S_ISDIR(file->f_inode->i_mode))
		return -EISDIR;
	if (!file->f_op->read)
		return -EINVAL;
	to->count = MIN(to->count, MAX_RW_COUNT);
	if (pos_locked(file, pos))
		mutex_lock(&file->f_pos_lock);
	r = file->f_op->read(file, to, pos);
	if (pos_locked(file, pos))
		mutex_unlock(&file->f_pos_lock);
	return r;
}

ssize_t vfs_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	ssize_t r;

	if (!(file->f_mode & FMODE_WRITE))
		return -EBADF;
	if (!file->f_op->write)
		return -EINVAL;
	from->count = MIN(from->count, MAX_RW_COUNT);
	if (pos_locked(file, pos))
		mutex_lock(&file->f_pos_lock);
	r = file->f_op->write(file, from, pos);
	if (pos_locked(file, pos))
		mutex_unlock(&file->f_pos_lock);
	return r;
}

ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos)
{
	struct iov_iter it;

	iov_iter_init(&it, false, buf, count);
	return vfs_read(file, &it, pos ? pos : &file->f_pos);
}

ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos)
{
	struct iov_iter it;

	iov_iter_init(&it, false, (void *)buf, count);
	return vfs_write(file, &it, pos ? pos : &file->f_pos);
}

loff_t vfs_llseek(struct file *file, loff_t offset, int whence)
{
	loff_t r;

	if (!(file->f_mode & FMODE_LSEEK))
		return -ESPIPE;
	mutex_lock(&file->f_pos_lock);
	r = file->f_op->llseek(file, offset, whence);
	mutex_unlock(&file->f_pos_lock);
	return r;
}

/* Linux's answer for files that cannot be synced (pipes, devices, procfs): -EINVAL. */
int vfs_fsync(struct file *file)
{
	if (file->f_mode & FMODE_PATH)
		return -EBADF;
	return file->f_op && file->f_op->fsync ? file->f_op->fsync(file) : -EINVAL;
}

/* ---- the system calls ---- */

static long rw_user(unsigned int fd, void __user *buf, size_t count, loff_t *pos, bool write)
{
	struct file *f = fget(fd);
	struct iov_iter it;
	long r;

	if (!f)
		return -EBADF;
	if (pos && !(f->f_mode & FMODE_LSEEK))
		r = (f->f_mode & FMODE_PATH) ? -EBADF : -ESPIPE;
	else if (!access_ok(buf, count))
		r = -EFAULT;
	else {
		iov_iter_init(&it, true, (void *)buf, count);
		r = write ? vfs_write(f, &it, pos ? pos : &f->f_pos)
			  : vfs_read(f, &it, pos ? pos : &f->f_pos);
	}
	fput(f);
	return r;
}

long sys_read(unsigned int fd, char __user *buf, size_t count)
{
	return rw_user(fd, buf, count, NULL, false);
}

long sys_write(unsigned int fd, const char __user *buf, size_t count)
{
	return rw_user(fd, (void __user *)buf, count, NULL, true);
}

long sys_pread64(unsigned int fd, char __user *buf, size_t count, loff_t pos)
{
	if (pos < 0)
		return -EINVAL;
	return rw_user(fd, buf, count, &pos, false);
}

long sys_pwrite64(unsigned int fd, const char __user *buf, size_t count, loff_t pos)
{
	if (pos < 0)
		return -EINVAL;
	return rw_user(fd, (void __user *)buf, count, &pos, true);
}

/* Segment by segment; a short transfer ends the call (not atomic across segments). */
static long rw_vec(unsigned long fd, const struct iovec __user *vec, unsigned long vlen,
		   bool write)
{
	struct iovec iov;
	long total = 0, r;
	unsigned long i;

	if (vlen > UIO_MAXIOV)
		return -EINVAL;
	for (i = 0; i < vlen; i++) {
		if (copy_from_user(&iov, &vec[i], sizeof(iov)))
			return total ? total : -EFAULT;
		if (iov.iov_len > MAX_RW_COUNT)
			return -EINVAL;
		if (!iov.iov_len)
			continue;
		r = rw_user((unsigned int)fd, (void __user *)iov.iov_base, iov.iov_len, NULL, write);
		if (r < 0)
			return total ? total : r;
		total += r;
		if ((size_t)r < iov.iov_len)
			break;
	}
	return total;
}

long sys_readv(unsigned long fd, const struct iovec __user *vec, unsigned long vlen)
{
	return rw_vec(fd, vec, vlen, false);
}

long sys_writev(unsigned long fd, const struct iovec __user *vec, unsigned long vlen)
{
	return rw_vec(fd, vec, vlen, true);
}

long sys_lseek(unsigned int fd, off_t offset, unsigned int whence)
{
	struct file *f = fget(fd);
	loff_t r;

	if (!f)
		return -EBADF;
	r = vfs_llseek(f, offset, (int)whence);
	fput(f);
	if (r >= 0 && (loff_t)(off_t)r != r)
		return -EOVERFLOW;
	return (long)r;
}

long sys_llseek(unsigned int fd, unsigned long offset_high, unsigned long offset_low,
		loff_t __user *result, unsigned int whence)
{
	struct file *f = fget(fd);
	loff_t r;

	if (!f)
		return -EBADF;
	r = vfs_llseek(f, (loff_t)(((u64)offset_high << 32) | (u32)offset_low), (int)whence);
	fput(f);
	if (r < 0)
		return (long)r;
	return copy_to_user(result, &r, sizeof(r)) ? -EFAULT : 0;
}

long sys_fsync(unsigned int fd)
{
	struct file *f = fget(fd);
	long r;

	if (!f)
		return -EBADF;
	r = vfs_fsync(f);
	fput(f);
	return r;
}

/* Only data would be written: the same as fsync while nothing is on a disk. */
long sys_fdatasync(unsigned int fd)
{
	return sys_fsync(fd);
}

/*
 * sync and syncfs: every filesystem Tern has keeps its data in memory,
 * so there is nothing to write back; syncfs still checks its fd as
 * Linux does (-EBADF for a closed fd and for an O_PATH one).
 */
long sys_sync(void)
{
	return 0;
}

long sys_syncfs(int fd)
{
	struct file *f = fd >= 0 ? fget((unsigned int)fd) : NULL;
	long r = f && !(f->f_mode & FMODE_PATH) ? 0 : -EBADF;

	if (f)
		fput(f);
	return r;
}
