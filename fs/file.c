// SPDX-License-Identifier: MIT
/*
 * Open files and fd tables (include/tern/fdtable.h).  The table grows
 * by doubling, up to files->nofile; fds are handed out lowest first.
 */
#include <tern/bitmap.h>
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/fdtable.h>
#include <tern/kernel.h>
#include <tern/namei.h>
#include <tern/sched.h>
#include <tern/slab.h>
#include <tern/string.h>
#include <tern/uaccess.h>
#include "internal.h"

/* ---- iov_iter ---- */

void iov_iter_init(struct iov_iter *i, bool user, void *buf, size_t count)
{
	i->user = user;
	i->kbuf = buf;
	i->count = count;
}

size_t copy_to_iter(const void *src, size_t n, struct iov_iter *i)
{
	size_t done;

	n = MIN(n, i->count);
	if (i->user)
		done = n - copy_to_user(i->ubuf, src, n);
	else
		done = (memcpy(i->kbuf, src, n), n);
	i->kbuf += done;
	i->count -= done;
	return done;
}

size_t copy_from_iter(void *dst, size_t n, struct iov_iter *i)
{
	size_t done;

	n = MIN(n, i->count);
	if (i->user)
		done = n - copy_from_user_nozero(dst, i->ubuf, n);	/* dst may be a file's page */
	else
		done = (memcpy(dst, i->kbuf, n), n);
	i->kbuf += done;
	i->count -= done;
	return done;
}

/* ---- struct file ---- */

struct file *alloc_file(const struct path *path, unsigned int flags,
			const struct file_operations *fops)
{
	struct file *f = kzalloc(sizeof(*f), GFP_KERNEL);
	unsigned int acc = flags & O_ACCMODE;

	if (!f)
		return ERR_PTR(-ENOMEM);
	vfs_lock();
	f->f_path = *path;
	path_get(&f->f_path);
	vfs_unlock();
	f->f_inode = path->dentry->d_inode;
	f->f_op = fops;
	f->f_flags = flags & ~(O_CREAT | O_EXCL | O_NOCTTY | O_TRUNC | O_CLOEXEC);
	if (flags & O_PATH)
		f->f_mode = FMODE_PATH;
	else
		f->f_mode = ((acc == O_RDONLY || acc == O_RDWR) ? FMODE_READ : 0) |
			    ((acc == O_WRONLY || acc == O_RDWR) ? FMODE_WRITE : 0);
	mutex_init(&f->f_pos_lock);
	f->f_count = 1;
	return f;
}

struct file *get_file(struct file *f)
{
	__atomic_add_fetch(&f->f_count, 1, __ATOMIC_RELAXED);
	return f;
}

void fput(struct file *f)
{
	if (__atomic_sub_fetch(&f->f_count, 1, __ATOMIC_ACQ_REL))
		return;
	if (!(f->f_mode & FMODE_PATH) && f->f_op && f->f_op->release)
		f->f_op->release(f->f_inode, f);
	path_put(&f->f_path);
	kfree(f);
}

/* ---- fd tables ---- */

struct fd_arrays {
	struct file **fd;
	unsigned long *open, *cloexec;
};

static void fd_arrays_free(struct fd_arrays *a)
{
	kfree(a->fd);
	kfree(a->open);
	kfree(a->cloexec);
}

/*
 * Grows the table to n slots: arrays allocated outside the lock, swapped
 * in under it unless another thread grew it first.  0 or -ENOMEM.
 */
static int files_resize(struct files_struct *files, unsigned int n)
{
	struct fd_arrays a = {
		kzalloc(n * sizeof(*a.fd), GFP_KERNEL),
		kzalloc(BITS_TO_LONGS(n) * sizeof(long), GFP_KERNEL),
		kzalloc(BITS_TO_LONGS(n) * sizeof(long), GFP_KERNEL),
	};
	unsigned int old;

	if (!a.fd || !a.open || !a.cloexec) {
		fd_arrays_free(&a);
		return -ENOMEM;
	}
	spin_lock(&files->lock);
	old = files->max_fds;
	if (old < n) {
		struct fd_arrays prev = { files->fd, files->open_fds, files->close_on_exec };

		if (old) {
			memcpy(a.fd, files->fd, old * sizeof(*a.fd));
			memcpy(a.open, files->open_fds, BITS_TO_LONGS(old) * sizeof(long));
			memcpy(a.cloexec, files->close_on_exec, BITS_TO_LONGS(old) * sizeof(long));
		}
		files->fd = a.fd;
		files->open_fds = a.open;
		files->close_on_exec = a.cloexec;
		files->max_fds = n;
		a = prev;
	}
	spin_unlock(&files->lock);
	fd_arrays_free(&a);
	return 0;
}

struct files_struct *files_alloc(void)
{
	struct files_struct *files = kzalloc(sizeof(*files), GFP_KERNEL);

	if (!files)
		return NULL;
	files->count = 1;
	spin_lock_init(&files->lock);
	files->nofile = NR_OPEN_MAX;
	if (files_resize(files, NR_OPEN_DEFAULT)) {
		kfree(files);
		return NULL;
	}
	return files;
}

struct files_struct *dup_files(struct files_struct *old)
{
	struct files_struct *files = files_alloc();
	unsigned int i;

	if (!files)
		return NULL;
	/* Grown outside the lock: the size is rechecked below. */
	while (files->max_fds < READ_ONCE(old->max_fds)) {
		if (files_resize(files, READ_ONCE(old->max_fds))) {
			put_files(files);
			return NULL;
		}
	}
	spin_lock(&old->lock);
	files->nofile = old->nofile;
	for (i = 0; i < old->max_fds && i < files->max_fds; i++) {
		if (!old->fd[i])
			continue;	/* reserved-but-empty slots stay free */
		files->fd[i] = get_file(old->fd[i]);
		bitmap_set_bit(files->open_fds, i);
		if (bitmap_test_bit(old->close_on_exec, i))
			bitmap_set_bit(files->close_on_exec, i);
	}
	spin_unlock(&old->lock);
	return files;
}

/* Closes every fd whose bit is set in which (NULL: all). */
static void close_fds(struct files_struct *files, bool cloexec_only)
{
	unsigned int i;

	for (i = 0; i < files->max_fds; i++) {
		struct file *f;

		spin_lock(&files->lock);
		f = files->fd[i];
		if (f && (!cloexec_only || bitmap_test_bit(files->close_on_exec, i))) {
			files->fd[i] = NULL;
			bitmap_clear_bit(files->open_fds, i);
			bitmap_clear_bit(files->close_on_exec, i);
		} else {
			f = NULL;
		}
		spin_unlock(&files->lock);
		if (f)
			fput(f);
	}
}

void put_files(struct files_struct *files)
{
	if (__atomic_sub_fetch(&files->count, 1, __ATOMIC_ACQ_REL))
		return;
	close_fds(files, false);
	kfree(files->fd);
	kfree(files->open_fds);
	kfree(files->close_on_exec);
	kfree(files);
}

void files_close_on_exec(struct files_struct *files)
{
	close_fds(files, true);
}

int fd_alloc(struct files_struct *files, unsigned int start, bool cloexec)
{
	unsigned int fd, want;

	for (;;) {
		spin_lock(&files->lock);
		fd = find_next_zero_bit(files->open_fds, files->max_fds, start);
		if (fd >= files->nofile) {
			spin_unlock(&files->lock);
			return -EMFILE;
		}
		if (fd < files->max_fds)
			break;
		want = MIN(MAX(files->max_fds * 2, fd + 1), files->nofile);
		spin_unlock(&files->lock);
		if (files_resize(files, want))
			return -ENOMEM;
	}
	bitmap_set_bit(files->open_fds, fd);
	if (cloexec)
		bitmap_set_bit(files->close_on_exec, fd);
	else
		bitmap_clear_bit(files->close_on_exec, fd);
	spin_unlock(&files->lock);
	return (int)fd;
}

void fd_install(struct files_struct *files, unsigned int fd, struct file *file)
{
	spin_lock(&files->lock);
	BUG_ON(fd >= files->max_fds || files->fd[fd] || !bitmap_test_bit(files->open_fds, fd));
	files->fd[fd] = file;
	spin_unlock(&files->lock);
}

void fd_unreserve(struct files_struct *files, unsigned int fd)
{
	spin_lock(&files->lock);
	bitmap_clear_bit(files->open_fds, fd);
	bitmap_clear_bit(files->close_on_exec, fd);
	spin_unlock(&files->lock);
}

struct file *fget_files(struct files_struct *files, unsigned int fd)
{
	struct file *f = NULL;

	if (!files)
		return NULL;
	spin_lock(&files->lock);
	if (fd < files->max_fds && files->fd[fd])
		f = get_file(files->fd[fd]);
	spin_unlock(&files->lock);
	return f;
}

int close_fd_files(struct files_struct *files, unsigned int fd)
{
	struct file *f = NULL;

	if (!files)
		return -EBADF;
	spin_lock(&files->lock);
	if (fd < files->max_fds && files->fd[fd]) {
		f = files->fd[fd];
		files->fd[fd] = NULL;
		bitmap_clear_bit(files->open_fds, fd);
		bitmap_clear_bit(files->close_on_exec, fd);
	}
	spin_unlock(&files->lock);
	if (!f)
		return -EBADF;
	fput(f);
	return 0;
}

int dup_to(struct files_struct *files, unsigned int oldfd, unsigned int newfd, bool cloexec)
{
	struct file *f = fget_files(files, oldfd), *old = NULL;
	int err = 0;

	if (!f)
		return -EBADF;
	if (newfd >= files->nofile) {
		fput(f);
		return -EBADF;
	}
	while (newfd >= READ_ONCE(files->max_fds)) {
		err = files_resize(files, MIN(MAX(files->max_fds * 2, newfd + 1), files->nofile));
		if (err) {
			fput(f);
			return err;
		}
	}
	spin_lock(&files->lock);
	if (bitmap_test_bit(files->open_fds, newfd) && !files->fd[newfd]) {
		err = -EBUSY;		/* reserved by an open in progress, as Linux */
	} else {
		old = files->fd[newfd];
		files->fd[newfd] = f;
		bitmap_set_bit(files->open_fds, newfd);
		if (cloexec)
			bitmap_set_bit(files->close_on_exec, newfd);
		else
			bitmap_clear_bit(files->close_on_exec, newfd);
	}
	spin_unlock(&files->lock);
	if (err)
		fput(f);
	if (old)
		fput(old);
	return err ? err : (int)newfd;
}

int fd_get_cloexec(struct files_struct *files, unsigned int fd)
{
	int r = -EBADF;

	if (!files)
		return r;
	spin_lock(&files->lock);
	if (fd < files->max_fds && files->fd[fd])
		r = bitmap_test_bit(files->close_on_exec, fd);
	spin_unlock(&files->lock);
	return r;
}

int fd_set_cloexec(struct files_struct *files, unsigned int fd, bool on)
{
	int r = -EBADF;

	if (!files)
		return r;
	spin_lock(&files->lock);
	if (fd < files->max_fds && files->fd[fd]) {
		if (on)
			bitmap_set_bit(files->close_on_exec, fd);
		else
			bitmap_clear_bit(files->close_on_exec, fd);
		r = 0;
	}
	spin_unlock(&files->lock);
	return r;
}

struct file *fget(unsigned int fd)
{
	return fget_files(current->files, fd);
}

int close_fd(unsigned int fd)
{
	return close_fd_files(current->files, fd);
}

int fd_install_new(struct file *file, unsigned int flags)
{
	struct files_struct *files = current->files;
	int fd;

	if (!files)
		return -EMFILE;
	fd = fd_alloc(files, 0, flags & O_CLOEXEC);
	if (fd >= 0)
		fd_install(files, (unsigned int)fd, file);
	return fd;
}
