// SPDX-License-Identifier: MIT
/* ramfs: its size limit, and every page back once the last link and the last open go. */
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/ktest.h>
#include <tern/namei.h>
#include <tern/pgalloc.h>
#include <tern/printf.h>
#include <tern/string.h>

#define LIMIT_PAGES	16

static unsigned long free_pages_now(void)
{
	struct pgalloc_stats s;

	pgalloc_get_stats(&s);
	return s.free_pages;
}

struct lines {
	char buf[512];
	size_t used;
};

static int collect(struct vfsmount *mnt, void *arg)
{
	struct lines *l = arg;
	int n = mount_show(mnt, l->buf + l->used, sizeof(l->buf) - l->used);

	if (n > 0)
		l->used += (size_t)n;
	return n < 0 ? n : 0;
}

static void enospc_then_pages_back(struct ktest *t)
{
	static char page[PAGE_SIZE];
	unsigned long before, during;
	long total = 0, r;
	struct file *f;
	char opts[32];
	loff_t pos = 0;

	snprintf(opts, sizeof(opts), "size=%luk", LIMIT_PAGES * PAGE_SIZE / 1024);
	KTEST_ASSERT(t, !vfs_mkdir_path("/kt_rf", 0755));
	KTEST_ASSERT(t, !do_mount("none", "/kt_rf", "ramfs", 0, opts));
	{
		static struct lines l;	/* /proc/mounts as procfs will print it */
		char want[64];

		l.used = 0;
		KTEST_EXPECT_EQ(t, mounts_for_each(collect, &l), 0);
		snprintf(want, sizeof(want), "none /kt_rf ramfs rw,%s 0 0\n", opts);
		KTEST_EXPECT(t, strstr(l.buf, "rootfs / ramfs rw 0 0\n") == l.buf);
		KTEST_EXPECT(t, strstr(l.buf, want) != NULL);
		KTEST_EXPECT(t, !IS_ENABLED(CONFIG_FS_DEVFS) ||
				strstr(l.buf, "devfs /dev devfs rw 0 0\n") != NULL);
	}
	f = filp_open("/kt_rf/f", O_CREAT | O_RDWR, 0600);
	KTEST_ASSERT(t, !IS_ERR(f));
	before = free_pages_now();
	memset(page, 0x5a, sizeof(page));
	while ((r = kernel_write(f, page, sizeof(page), NULL)) > 0)
		total += r;
	KTEST_EXPECT_EQ(t, r, -ENOSPC);
	/* the index block is one page of the limit */
	KTEST_EXPECT_EQ(t, total, (long)((LIMIT_PAGES - 1) * PAGE_SIZE));
	during = free_pages_now();
	if (!IS_ENABLED(CONFIG_PGALLOC_BUMP))
		KTEST_EXPECT_LE(t, during + LIMIT_PAGES, before);
	/* unlinked but open: the data stays readable */
	KTEST_EXPECT_EQ(t, vfs_unlink_path("/kt_rf/f"), 0);
	memset(page, 0, sizeof(page));
	KTEST_EXPECT_EQ(t, kernel_read(f, page, sizeof(page), &pos), (long)sizeof(page));
	KTEST_EXPECT_EQ(t, page[PAGE_SIZE - 1], 0x5a);
	KTEST_EXPECT_EQ(t, free_pages_now(), during);
	fput(f);
	if (!IS_ENABLED(CONFIG_PGALLOC_BUMP))
		KTEST_EXPECT_GE(t, free_pages_now(), before);
	KTEST_EXPECT_EQ(t, do_umount("/kt_rf", 0), 0);
	KTEST_EXPECT_EQ(t, do_rmdirat(AT_FDCWD, "/kt_rf"), 0);
}

static void truncate_and_holes(struct ktest *t)
{
	struct file *f = filp_open("/kt_trunc", O_CREAT | O_RDWR | O_TRUNC, 0600);
	struct statx stx;
	char buf[8] = "xxxxxxx";
	loff_t pos = 3 * PAGE_SIZE;

	KTEST_ASSERT(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_write(f, "end", 3, &pos), 3);
	pos = PAGE_SIZE;
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), (long)sizeof(buf));
	KTEST_EXPECT(t, !memcmp(buf, "\0\0\0\0\0\0\0", 8));	/* a hole reads as zeros */
	KTEST_EXPECT_EQ(t, vfs_statx(AT_FDCWD, "/kt_trunc", 0, &stx), 0);
	KTEST_EXPECT_EQ(t, stx.stx_size, 3 * PAGE_SIZE + 3);
	KTEST_EXPECT_EQ(t, stx.stx_blocks, PAGE_SIZE / 512);	/* one data page */
	KTEST_EXPECT(t, S_ISREG(stx.stx_mode));
	KTEST_EXPECT_EQ(t, vfs_truncate_file(f, 10), 0);
	KTEST_EXPECT_EQ(t, vfs_statx(AT_FDCWD, "/kt_trunc", 0, &stx), 0);
	KTEST_EXPECT_EQ(t, stx.stx_size, 10);
	KTEST_EXPECT_EQ(t, stx.stx_blocks, 0);
	fput(f);
	KTEST_EXPECT_EQ(t, vfs_unlink_path("/kt_trunc"), 0);
}

static void hard_links_count(struct ktest *t)
{
	struct file *f = filp_open("/kt_link_a", O_CREAT | O_RDWR, 0600);
	struct statx stx;

	KTEST_ASSERT(t, !IS_ERR(f));
	fput(f);
	KTEST_EXPECT_EQ(t, vfs_link_path("/kt_link_a", "/kt_link_b"), 0);
	KTEST_EXPECT_EQ(t, vfs_statx(AT_FDCWD, "/kt_link_b", 0, &stx), 0);
	KTEST_EXPECT_EQ(t, stx.stx_nlink, 2);
	KTEST_EXPECT_EQ(t, vfs_unlink_path("/kt_link_a"), 0);
	KTEST_EXPECT_EQ(t, vfs_statx(AT_FDCWD, "/kt_link_b", 0, &stx), 0);
	KTEST_EXPECT_EQ(t, stx.stx_nlink, 1);
	KTEST_EXPECT_EQ(t, vfs_link_path("/", "/kt_link_dir"), -EPERM);
	KTEST_EXPECT_EQ(t, vfs_unlink_path("/kt_link_b"), 0);
}

KTEST_SUITE(ramfs,
	    KTEST_CASE(enospc_then_pages_back),
	    KTEST_CASE(truncate_and_holes),
	    KTEST_CASE(hard_links_count));
