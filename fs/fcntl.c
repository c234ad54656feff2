// SPDX-License-Identifier: MIT
/* dup, dup3, fcntl and ioctl. */
#include <tern/errno.h>
#include <tern/fdtable.h>
#include <tern/kernel.h>
#include <tern/sched.h>
#include <tern/syscalls.h>
#include <tern/pipe.h>
#include <tern/uaccess.h>
#include "internal.h"

/* The status flags F_SETFL may change (the others it ignores, as Linux). */
#define SETFL_MASK	(O_APPEND | O_NONBLOCK | O_NDELAY | FASYNC | O_DIRECT | O_NOATIME)

long sys_dup(unsigned int fildes)
{
	struct file *f = fget(fildes);
	int fd;

	if (!f)
		return -EBADF;
	fd = fd_install_new(f, 0);
	if (fd < 0)
		fput(f);
	return fd;
}

long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags)
{
	if (flags & ~O_CLOEXEC)
		return -EINVAL;
	if (oldfd == newfd)
		return -EINVAL;
	if (!current->files)
		return -EBADF;
	return dup_to(current->files, oldfd, newfd, flags & O_CLOEXEC);
}

static long dupfd_from(struct file *f, unsigned long start, bool cloexec)
{
	struct files_struct *files = current->files;
	int fd;

	if (start >= files->nofile)
		return -EINVAL;
	fd = fd_alloc(files, (unsigned int)start, cloexec);
	if (fd < 0)
		return fd;
	fd_install(files, (unsigned int)fd, get_file(f));
	return fd;
}

static long setfl(struct file *f, unsigned long arg)
{
	unsigned int flags = (unsigned int)arg & SETFL_MASK;

	f->f_flags = (f->f_flags & ~SETFL_MASK) | flags;
	return 0;
}

long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct files_struct *files = current->files;
	struct file *f = fget(fd);
	long r;

	if (!f)
		return -EBADF;
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
		r = dupfd_from(f, arg, cmd == F_DUPFD_CLOEXEC);
		break;
	case F_GETFD:
		r = fd_get_cloexec(files, fd) > 0 ? FD_CLOEXEC : 0;
		break;
	case F_SETFD:
		r = fd_set_cloexec(files, fd, arg & FD_CLOEXEC);
		break;
	case F_GETFL:
		r = f->f_flags | ((f->f_mode & FMODE_PATH) ? O_PATH : 0);
		break;
	case F_SETFL:
		r = (f->f_mode & FMODE_PATH) ? -EBADF : setfl(f, arg);
		break;
	default:
		r = -EINVAL;	/* locks, leases, signals, pipe sizes: not done */
	}
	fput(f);
	return r;
}

long vfs_ioctl(struct file *f, unsigned int cmd, unsigned long arg)
{
	if (f->f_mode & FMODE_PATH)
		return -EBADF;
	if (!f->f_op || !f->f_op->ioctl)
		return -ENOTTY;
	return f->f_op->ioctl(f, cmd, arg);
}

/* The ioctls every file answers, as Linux's do_vfs_ioctl (the number, or 0). */
#define FIONCLEX	0x5450
#define FIOCLEX		0x5451
#define FIONBIO		0x5421

static long generic_ioctl(struct file *f, unsigned int fd, unsigned int cmd, unsigned long arg)
{
	int on;

	switch (cmd) {
	case FIOCLEX:
	case FIONCLEX:
		return fd_set_cloexec(current->files, fd, cmd == FIOCLEX);
	case FIONBIO:
		if (get_user(on, (int __user *)arg))
			return -EFAULT;
		if (on)
			f->f_flags |= O_NONBLOCK;
		else
			f->f_flags &= ~O_NONBLOCK;
		return 0;
	}
	return vfs_ioctl(f, cmd, arg);
}

long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg)
{
	struct file *f = fget(fd);
	long r;

	if (!f)
		return -EBADF;
	r = generic_ioctl(f, fd, cmd, arg);
	fput(f);
	return r;
}

long sys_pipe2(int __user *fildes, int flags)
{
	struct files_struct *files = current->files;
	struct file *f[2];
	int fd[2], err;

	if (!files)
		return -EMFILE;
	err = create_pipe_files(f, flags);
	if (err)
		return err;
	fd[0] = fd_alloc(files, 0, flags & O_CLOEXEC);
	fd[1] = fd[0] < 0 ? fd[0] : fd_alloc(files, 0, flags & O_CLOEXEC);
	err = fd[1] < 0 ? fd[1] : 0;
	if (!err && copy_to_user(fildes, fd, sizeof(fd)))
		err = -EFAULT;
	if (err) {
		if (fd[0] >= 0)
			fd_unreserve(files, (unsigned int)fd[0]);
		if (fd[1] >= 0)
			fd_unreserve(files, (unsigned int)fd[1]);
		fput(f[0]);
		fput(f[1]);
		return err;
	}
	fd_install(files, (unsigned int)fd[0], f[0]);
	fd_install(files, (unsigned int)fd[1], f[1]);
	return 0;
}
