// SPDX-License-Identifier: MIT
/* devfs and the memory devices, through /dev as a program would open them. */
#include <tern/devfs.h>
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/ktest.h>
#include <tern/namei.h>
#include <tern/random.h>
#include <tern/string.h>

/* Every case needs the root ramfs; a kernel without it has no files to test. */
#define NEED_ROOT(t) do {						\
	if (!IS_ENABLED(CONFIG_FS_RAMFS))				\
		KTEST_SKIP(t, "FS_RAMFS=n: no root filesystem");	\
} while (0)

static void null_zero_full(struct ktest *t)
{
	struct file *f;
	struct statx stx;
	char buf[16];

	NEED_ROOT(t);
	f = filp_open("/dev/null", O_RDWR, 0);
	KTEST_ASSERT(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_write(f, "abc", 3, NULL), 3);
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), NULL), 0);
	fput(f);
	KTEST_EXPECT_EQ(t, vfs_statx(AT_FDCWD, "/dev/null", 0, &stx), 0);
	KTEST_EXPECT(t, S_ISCHR(stx.stx_mode));
	KTEST_EXPECT_EQ(t, stx.stx_rdev_major, 1);
	KTEST_EXPECT_EQ(t, stx.stx_rdev_minor, 3);

	f = filp_open("/dev/zero", O_RDONLY, 0);
	KTEST_ASSERT(t, !IS_ERR(f));
	memset(buf, 0x11, sizeof(buf));
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), NULL), (long)sizeof(buf));
	KTEST_EXPECT_EQ(t, buf[0] | buf[15], 0);
	fput(f);

	f = filp_open("/dev/full", O_RDWR, 0);
	KTEST_ASSERT(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_write(f, "abc", 3, NULL), -ENOSPC);
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, 4, NULL), 4);
	fput(f);
}

static void urandom_reads(struct ktest *t)
{
	struct file *f = filp_open("/dev/urandom", O_RDONLY, 0);
	u8 buf[64] = { 0 };
	unsigned int i, ored = 0;
	long r;

	NEED_ROOT(t);
	KTEST_ASSERT(t, !IS_ERR(f));
	r = kernel_read(f, buf, sizeof(buf), NULL);
	fput(f);
	if (!hwrng_current()) {
		KTEST_EXPECT_EQ(t, r, -EIO);
		return;
	}
	KTEST_EXPECT_EQ(t, r, (long)sizeof(buf));
	for (i = 0; i < sizeof(buf); i++)
		ored |= buf[i];
	KTEST_EXPECT_NE(t, ored, 0);	/* 64 zero bytes: 2^-512 */
}

static int opened;

static int kt_open(struct inode *inode, struct file *file)
{
	file->private_data = inode->i_private;
	opened++;
	return 0;
}

static const struct file_operations kt_fops = { .open = kt_open };

static void register_and_open(struct ktest *t)
{
	static int data;
	struct file *f;

	NEED_ROOT(t);
	KTEST_EXPECT_EQ(t, devfs_register_chrdev("a/b", 0600, 0, &kt_fops, NULL), -EINVAL);
	KTEST_ASSERT(t, !devfs_register_chrdev("kt_dev", 0600, MKDEV(240, 1), &kt_fops, &data));
	KTEST_EXPECT_EQ(t, devfs_register_chrdev("kt_dev", 0600, 0, &kt_fops, NULL), -EEXIST);
	f = filp_open("/dev/kt_dev", O_RDWR, 0);
	KTEST_ASSERT(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, opened, 1);
	KTEST_EXPECT(t, f->private_data == &data);
	KTEST_EXPECT_EQ(t, kernel_read(f, &data, 1, NULL), -EINVAL);	/* no read op */
	fput(f);
	KTEST_EXPECT_EQ(t, devfs_unregister_chrdev("kt_dev"), 0);
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open("/dev/kt_dev", O_RDWR, 0)), -ENOENT);
	KTEST_EXPECT_EQ(t, devfs_unregister_chrdev("kt_dev"), -ENOENT);
}

KTEST_SUITE(devfs,
	    KTEST_CASE(null_zero_full),
	    KTEST_CASE(urandom_reads),
	    KTEST_CASE(register_and_open));
