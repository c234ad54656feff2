// SPDX-License-Identifier: MIT
/*
 * fd tables and the fd system calls, on a table the test installs as
 * current->files for the duration of a case (and then restores), and
 * -EFAULT from sys_* calls given pointers they must refuse.
 */
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/fdtable.h>
#include <tern/fs_struct.h>
#include <tern/ktest.h>
#include <tern/namei.h>
#include <tern/sched.h>
#include <tern/string.h>
#include <tern/poll.h>
#include <tern/syscalls.h>

/* Every case needs the root ramfs; a kernel without it has no files to test. */
#define NEED_ROOT(t) do {						\
	if (!IS_ENABLED(CONFIG_FS_RAMFS))				\
		KTEST_SKIP(t, "FS_RAMFS=n: no root filesystem");	\
} while (0)

static struct files_struct *saved_files;

static struct files_struct *use_table(struct ktest *t)
{
	struct files_struct *files = files_alloc();

	if (!files) {
		ktest_fail(t, __FILE__, __LINE__, "files_alloc: no memory");
		return NULL;
	}
	saved_files = current->files;
	current->files = files;
	return files;
}

static void drop_table(struct files_struct *files)
{
	current->files = saved_files;
	put_files(files);
}

static int open_fd(const char *path, int flags)
{
	struct file *f = filp_open(path, flags, 0644);
	int fd;

	if (IS_ERR(f))
		return (int)PTR_ERR(f);
	fd = fd_install_new(f, (unsigned int)flags);
	if (fd < 0)
		fput(f);
	return fd;
}

static void dup_shares_offset(struct ktest *t)
{
	struct files_struct *files;
	int a, b;

	NEED_ROOT(t);
	files = use_table(t);
	if (!files)
		return;
	a = open_fd("/kt_dup", O_CREAT | O_RDWR);
	KTEST_EXPECT_EQ(t, a, 0);			/* lowest free */
	b = (int)sys_dup((unsigned int)a);
	KTEST_EXPECT_EQ(t, b, 1);
	KTEST_EXPECT_EQ(t, sys_lseek((unsigned int)a, 7, SEEK_SET), 7);
	KTEST_EXPECT_EQ(t, sys_lseek((unsigned int)b, 0, SEEK_CUR), 7);
	KTEST_EXPECT_EQ(t, sys_close((unsigned int)a), 0);
	KTEST_EXPECT_EQ(t, sys_close((unsigned int)a), -EBADF);
	KTEST_EXPECT_EQ(t, open_fd("/kt_dup", O_RDONLY), 0);	/* the hole is reused */
	KTEST_EXPECT_EQ(t, sys_dup3(1, 1, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_dup3(1, 9, O_CLOEXEC), 9);
	KTEST_EXPECT_EQ(t, sys_fcntl(9, F_GETFD, 0), FD_CLOEXEC);
	KTEST_EXPECT_EQ(t, sys_fcntl(1, F_GETFD, 0), 0);
	KTEST_EXPECT_EQ(t, sys_fcntl(1, F_DUPFD, 5), 5);
	KTEST_EXPECT_EQ(t, sys_fcntl(1, F_DUPFD_CLOEXEC, 5), 6);
	KTEST_EXPECT_EQ(t, sys_fcntl(6, F_GETFD, 0), FD_CLOEXEC);
	KTEST_EXPECT_EQ(t, sys_fcntl(6, F_SETFD, 0), 0);
	KTEST_EXPECT_EQ(t, sys_fcntl(6, F_GETFD, 0), 0);
	KTEST_EXPECT_EQ(t, sys_fcntl(1, F_GETFL, 0) & O_ACCMODE, O_RDWR);
	KTEST_EXPECT_EQ(t, sys_fcntl(1, F_SETFL, O_APPEND | O_NONBLOCK), 0);
	KTEST_EXPECT_EQ(t, sys_fcntl(1, F_GETFL, 0) & (O_APPEND | O_NONBLOCK),
			O_APPEND | O_NONBLOCK);
	KTEST_EXPECT_EQ(t, sys_ioctl(1, 0x5401, 0), -ENOTTY);	/* TCGETS on a file */
	KTEST_EXPECT_EQ(t, sys_ioctl(1, 0x5451, 0), 0);		/* FIOCLEX */
	KTEST_EXPECT_EQ(t, sys_fcntl(1, F_GETFD, 0), FD_CLOEXEC);
	drop_table(files);
	KTEST_EXPECT_EQ(t, vfs_unlink_path("/kt_dup"), 0);
}

static void close_on_exec(struct ktest *t)
{
	struct files_struct *files;

	NEED_ROOT(t);
	files = use_table(t);
	if (!files)
		return;
	KTEST_EXPECT_EQ(t, open_fd("/", O_RDONLY | O_DIRECTORY), 0);
	KTEST_EXPECT_EQ(t, open_fd("/", O_RDONLY | O_DIRECTORY | O_CLOEXEC), 1);
	KTEST_EXPECT_EQ(t, open_fd("/", O_RDONLY | O_DIRECTORY), 2);
	files_close_on_exec(files);
	KTEST_EXPECT_EQ(t, sys_fcntl(0, F_GETFD, 0), 0);
	KTEST_EXPECT_EQ(t, sys_fcntl(1, F_GETFD, 0), -EBADF);
	KTEST_EXPECT_EQ(t, sys_fcntl(2, F_GETFD, 0), 0);
	drop_table(files);
}

static void table_full_emfile(struct ktest *t)
{
	struct files_struct *files, *copy;
	unsigned int i;

	NEED_ROOT(t);
	files = use_table(t);
	if (!files)
		return;
	files->nofile = 100;		/* past the first table size: it must grow */
	for (i = 0; i < 100; i++)
		KTEST_EXPECT_EQ(t, open_fd("/", O_RDONLY | O_DIRECTORY), (int)i);
	KTEST_EXPECT_EQ(t, open_fd("/", O_RDONLY | O_DIRECTORY), -EMFILE);
	KTEST_EXPECT_EQ(t, sys_dup(3), -EMFILE);
	KTEST_EXPECT_EQ(t, sys_dup3(3, 100, 0), -EBADF);
	copy = dup_files(files);		/* fork's copy has them all */
	KTEST_ASSERT(t, copy);
	KTEST_EXPECT(t, fget_files(copy, 99) != NULL);
	fput(fget_files(copy, 99));
	put_files(copy);
	put_files(get_files(files));		/* a thread leaving closes nothing */
	KTEST_EXPECT(t, fget_files(files, 99) != NULL);
	fput(fget_files(files, 99));
	KTEST_EXPECT_EQ(t, sys_close(50), 0);
	KTEST_EXPECT_EQ(t, open_fd("/", O_RDONLY | O_DIRECTORY), 50);
	drop_table(files);
}

/* Pointers the uaccess helpers refuse: NULL (nothing there) and, with paging, kernel memory. */
static void bad_pointers_efault(struct ktest *t)
{
	struct files_struct *files;
	static char kbuf[64];
	int fd;

	NEED_ROOT(t);
	files = use_table(t);
	if (!files)
		return;
	fd = open_fd("/", O_RDONLY | O_DIRECTORY);
	KTEST_EXPECT_EQ(t, sys_openat(AT_FDCWD, NULL, O_RDONLY, 0), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_mkdirat(AT_FDCWD, NULL, 0755), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_newfstat((unsigned int)fd, NULL), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_getdents64((unsigned int)fd, NULL, 64), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_pipe2(NULL, 0), IS_ENABLED(CONFIG_FS_PIPE) ? -EFAULT : -ENOSYS);
	KTEST_EXPECT_EQ(t, sys_getcwd(NULL, 64), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_unlinkat(AT_FDCWD, NULL, 0), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_renameat2(AT_FDCWD, NULL, AT_FDCWD, NULL, 0), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_linkat(AT_FDCWD, NULL, AT_FDCWD, NULL, 0), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_symlinkat(NULL, AT_FDCWD, NULL), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_readlinkat(AT_FDCWD, NULL, NULL, 16), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_statx(AT_FDCWD, NULL, 0, STATX_BASIC_STATS, NULL), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_statx((int)fd, NULL, AT_EMPTY_PATH, STATX_BASIC_STATS, NULL),
			-EFAULT);
	KTEST_EXPECT_EQ(t, sys_newfstatat(AT_FDCWD, NULL, NULL, 0), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_fchmodat(AT_FDCWD, NULL, 0644), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_fchownat(AT_FDCWD, NULL, 0, 0, 0), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_faccessat(AT_FDCWD, NULL, F_OK), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_chdir(NULL), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_mount(NULL, NULL, NULL, 0, NULL), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_umount(NULL, 0), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_utimensat(AT_FDCWD, NULL, NULL, 0), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_utimensat(fd, NULL, NULL, AT_SYMLINK_NOFOLLOW), -EINVAL);
	KTEST_EXPECT_EQ(t, sys_readv((unsigned long)fd, NULL, 1), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_llseek((unsigned int)fd, 0, 0, NULL, SEEK_SET), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_ppoll(NULL, 1, NULL, NULL, 8), -EFAULT);
	KTEST_EXPECT_EQ(t, sys_pselect6(-1, NULL, NULL, NULL, NULL, NULL), -EINVAL);
	if (IS_ENABLED(CONFIG_MMU)) {
		KTEST_EXPECT_EQ(t, sys_openat(AT_FDCWD, (const char __user *)"/", O_RDONLY, 0),
				-EFAULT);
		KTEST_EXPECT_EQ(t, sys_getdents64((unsigned int)fd, (void __user *)kbuf,
						  sizeof(kbuf)), -EFAULT);
		KTEST_EXPECT_EQ(t, sys_read((unsigned int)fd, (char __user *)kbuf, 1), -EFAULT);
	}
	KTEST_EXPECT_EQ(t, open_fd("/", O_RDONLY | O_DIRECTORY), fd + 1);  /* no fd leaked */
	drop_table(files);
}

KTEST_SUITE(fdtable,
	    KTEST_CASE(dup_shares_offset),
	    KTEST_CASE(close_on_exec),
	    KTEST_CASE(table_full_emfile),
	    KTEST_CASE(bad_pointers_efault));
