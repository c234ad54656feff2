// SPDX-License-Identifier: MIT
/*
 * The path walk, the dcache and the directory operations, through the
 * kernel-side API (include/tern/namei.h) on the root ramfs.  Each case
 * works under its own directory /kt_<case>.
 */
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/fdtable.h>
#include <tern/fs_struct.h>
#include <tern/fs.h>
#include <tern/ktest.h>
#include <tern/namei.h>
#include <tern/sched.h>
#include <tern/printf.h>
#include <tern/string.h>
#include <uapi/linux/dirent.h>

/* Every case needs the root ramfs; a kernel without it has no files to test. */
#define NEED_ROOT(t) do {						\
	if (!IS_ENABLED(CONFIG_FS_RAMFS))				\
		KTEST_SKIP(t, "FS_RAMFS=n: no root filesystem");	\
} while (0)

static int make_file(const char *path)
{
	struct file *f = filp_open(path, O_CREAT | O_WRONLY, 0644);

	if (IS_ERR(f))
		return (int)PTR_ERR(f);
	fput(f);
	return 0;
}

static int lookup_err(const char *path, unsigned int flags)
{
	struct path p;
	int err = kern_path(path, flags, &p);

	if (!err)
		path_put(&p);
	return err;
}

static void dots_and_root(struct ktest *t)
{
	struct path a, b;

	NEED_ROOT(t);
	KTEST_ASSERT(t, !vfs_mkdir_path("/kt_dots", 0755));
	KTEST_ASSERT(t, !kern_path("/../..//./kt_dots/..", LOOKUP_FOLLOW, &a));
	KTEST_ASSERT(t, !kern_path("/", LOOKUP_FOLLOW, &b));
	KTEST_EXPECT(t, a.dentry == b.dentry && a.mnt == b.mnt);
	path_put(&a);
	path_put(&b);
	KTEST_EXPECT_EQ(t, lookup_err("", 0), -ENOENT);
	KTEST_EXPECT_EQ(t, lookup_err("/kt_dots/none", 0), -ENOENT);
}

static void dotdot_crosses_mount(struct ktest *t)
{
	unsigned long total0, neg0, total1, neg1;
	struct path a, b;

	NEED_ROOT(t);
	KTEST_ASSERT(t, !vfs_mkdir_path("/kt_mnt", 0755));
	dcache_counts(&total0, &neg0);
	KTEST_EXPECT_EQ(t, do_mount("none", "/kt_mnt", "pipefs", 0, NULL), -ENODEV);
	KTEST_EXPECT_EQ(t, do_mount("none", "/kt_mnt", "ramfs", 0, "size=lots"), -EINVAL);
	KTEST_ASSERT(t, !do_mount("none", "/kt_mnt", "ramfs", 0, NULL));
	KTEST_ASSERT(t, !vfs_mkdir_path("/kt_mnt/inner", 0755));
	KTEST_ASSERT(t, !vfs_mkdir_path("/kt_mnt/inner/deeper", 0755));
	KTEST_ASSERT(t, !make_file("/kt_mnt/inner/deeper/f"));
	KTEST_EXPECT_EQ(t, lookup_err("/kt_mnt/inner/deeper/missing", 0), -ENOENT);
	KTEST_ASSERT(t, !kern_path("/kt_mnt/inner/../..", LOOKUP_FOLLOW, &a));
	KTEST_ASSERT(t, !kern_path("/", LOOKUP_FOLLOW, &b));
	KTEST_EXPECT(t, a.dentry == b.dentry && a.mnt == b.mnt);
	path_put(&b);
	/* busy while we hold a path inside; then it goes */
	KTEST_ASSERT(t, !kern_path("/kt_mnt/inner", LOOKUP_FOLLOW, &b));
	KTEST_EXPECT_EQ(t, do_umount("/kt_mnt", 0), -EBUSY);
	path_put(&b);
	path_put(&a);
	KTEST_EXPECT_EQ(t, do_umount("/kt_mnt", 0), 0);
	dcache_counts(&total1, &neg1);
	KTEST_EXPECT_EQ(t, total1, total0);		/* the whole tree went with it */
	KTEST_EXPECT_EQ(t, lookup_err("/kt_mnt/inner", 0), -ENOENT);
	KTEST_EXPECT_EQ(t, do_umount("/kt_mnt", 0), -EINVAL);
}

static void symlinks(struct ktest *t)
{
	struct file *f;

	NEED_ROOT(t);
	KTEST_ASSERT(t, !vfs_mkdir_path("/kt_ln", 0755));
	KTEST_ASSERT(t, !make_file("/kt_ln/file"));
	KTEST_ASSERT(t, !vfs_symlink_path("file", "/kt_ln/a"));
	KTEST_ASSERT(t, !vfs_symlink_path("/kt_ln/a", "/kt_ln/b"));
	KTEST_ASSERT(t, !vfs_symlink_path("b", "/kt_ln/c"));
	KTEST_EXPECT_EQ(t, lookup_err("/kt_ln/c", LOOKUP_FOLLOW), 0);
	KTEST_ASSERT(t, !vfs_symlink_path("loop2", "/kt_ln/loop1"));
	KTEST_ASSERT(t, !vfs_symlink_path("loop1", "/kt_ln/loop2"));
	KTEST_EXPECT_EQ(t, lookup_err("/kt_ln/loop1", LOOKUP_FOLLOW), -ELOOP);
	KTEST_EXPECT_EQ(t, lookup_err("/kt_ln/loop1", 0), 0);
	f = filp_open("/kt_ln/c", O_RDONLY | O_NOFOLLOW, 0);
	KTEST_EXPECT_EQ(t, PTR_ERR(f), -ELOOP);
	KTEST_EXPECT_EQ(t, lookup_err("/kt_ln/file/", LOOKUP_FOLLOW), -ENOTDIR);
	KTEST_EXPECT_EQ(t, lookup_err("/kt_ln/file/x", LOOKUP_FOLLOW), -ENOTDIR);
}

static void long_names(struct ktest *t)
{
	static char name[300];

	NEED_ROOT(t);
	memset(name, 'x', sizeof(name) - 1);
	name[0] = '/';
	name[257] = '\0';	/* a 256-byte component */
	KTEST_EXPECT_EQ(t, lookup_err(name, 0), -ENAMETOOLONG);
	name[256] = '\0';	/* 255 bytes: fine, absent */
	KTEST_EXPECT_EQ(t, lookup_err(name, 0), -ENOENT);
}

static void dirfd_relative(struct ktest *t)
{
	struct files_struct *files, *saved = current->files;
	struct file *d;
	int fd;

	NEED_ROOT(t);
	files = files_alloc();
	KTEST_ASSERT(t, files);
	current->files = files;
	KTEST_EXPECT(t, !vfs_mkdir_path("/kt_dfd", 0755));
	KTEST_EXPECT(t, !make_file("/kt_dfd/f"));
	d = filp_open("/kt_dfd", O_RDONLY | O_DIRECTORY, 0);
	KTEST_EXPECT(t, !IS_ERR(d));
	if (!IS_ERR(d)) {
		fd = fd_install_new(d, 0);
		KTEST_EXPECT_GE(t, fd, 0);
		KTEST_EXPECT_EQ(t, do_mkdirat(fd, "sub", 0755), 0);
		KTEST_EXPECT_EQ(t, lookup_err("/kt_dfd/sub", 0), 0);
		KTEST_EXPECT_EQ(t, do_unlinkat(fd, "f"), 0);
		KTEST_EXPECT_EQ(t, do_mkdirat(99, "x", 0755), -EBADF);
	}
	current->files = saved;
	put_files(files);
}

static void dcache_hits_and_negatives(struct ktest *t)
{
	unsigned long total0, neg0, total1, neg1;
	struct path a, b;

	NEED_ROOT(t);
	KTEST_ASSERT(t, !vfs_mkdir_path("/kt_dc", 0755));
	KTEST_ASSERT(t, !make_file("/kt_dc/f"));
	KTEST_ASSERT(t, !kern_path("/kt_dc/f", 0, &a));
	KTEST_ASSERT(t, !kern_path("/kt_dc/f", 0, &b));
	KTEST_EXPECT(t, a.dentry == b.dentry);
	path_put(&a);
	path_put(&b);
	dcache_counts(&total0, &neg0);
	KTEST_EXPECT_EQ(t, lookup_err("/kt_dc/nope", 0), -ENOENT);
	dcache_counts(&total1, &neg1);
	KTEST_EXPECT_EQ(t, neg1, neg0 + 1);		/* cached as negative */
	KTEST_EXPECT_EQ(t, lookup_err("/kt_dc/nope", 0), -ENOENT);
	dcache_counts(&total0, &neg0);
	KTEST_EXPECT_EQ(t, total0, total1);		/* the second miss hit the cache */
	KTEST_EXPECT_EQ(t, make_file("/kt_dc/nope"), 0);	/* negative becomes positive */
	KTEST_EXPECT_EQ(t, lookup_err("/kt_dc/nope", 0), 0);
	KTEST_EXPECT_EQ(t, vfs_unlink_path("/kt_dc/nope"), 0);
	KTEST_EXPECT_EQ(t, lookup_err("/kt_dc/nope", 0), -ENOENT);
	KTEST_EXPECT_EQ(t, vfs_unlink_path("/kt_dc/nope"), -ENOENT);
}

static void rename_directories(struct ktest *t)
{
	NEED_ROOT(t);
	KTEST_ASSERT(t, !vfs_mkdir_path("/kt_rn", 0755));
	KTEST_ASSERT(t, !vfs_mkdir_path("/kt_rn/a", 0755));
	KTEST_ASSERT(t, !vfs_mkdir_path("/kt_rn/a/deep", 0755));
	KTEST_ASSERT(t, !vfs_mkdir_path("/kt_rn/empty", 0755));
	KTEST_ASSERT(t, !vfs_mkdir_path("/kt_rn/full", 0755));
	KTEST_ASSERT(t, !make_file("/kt_rn/full/f"));
	KTEST_EXPECT_EQ(t, do_renameat2(AT_FDCWD, "/kt_rn/a", AT_FDCWD, "/kt_rn/full", 0),
			-ENOTEMPTY);
	KTEST_EXPECT_EQ(t, do_renameat2(AT_FDCWD, "/kt_rn/a", AT_FDCWD, "/kt_rn/a/deep/x", 0),
			-EINVAL);
	KTEST_EXPECT_EQ(t, do_renameat2(AT_FDCWD, "/kt_rn/a", AT_FDCWD, "/kt_rn/empty",
					RENAME_NOREPLACE), -EEXIST);
	KTEST_EXPECT_EQ(t, do_renameat2(AT_FDCWD, "/kt_rn/a", AT_FDCWD, "/kt_rn/full/f", 0),
			-ENOTDIR);
	KTEST_EXPECT_EQ(t, do_renameat2(AT_FDCWD, "/kt_rn/a", AT_FDCWD, "/kt_rn/empty", 0), 0);
	KTEST_EXPECT_EQ(t, lookup_err("/kt_rn/empty/deep", 0), 0);
	KTEST_EXPECT_EQ(t, lookup_err("/kt_rn/a", 0), -ENOENT);
	KTEST_EXPECT_EQ(t, do_rmdirat(AT_FDCWD, "/kt_rn/full"), -ENOTEMPTY);
	KTEST_EXPECT_EQ(t, do_rmdirat(AT_FDCWD, "/kt_rn/empty/."), -EINVAL);
	KTEST_EXPECT_EQ(t, do_rmdirat(AT_FDCWD, "/kt_rn/empty/.."), -ENOTEMPTY);
	KTEST_EXPECT_EQ(t, do_rmdirat(AT_FDCWD, "/"), -EBUSY);
	KTEST_EXPECT_EQ(t, do_unlinkat(AT_FDCWD, "/kt_rn/empty"), -EISDIR);
	KTEST_EXPECT_EQ(t, do_rmdirat(AT_FDCWD, "/kt_rn/full/f"), -ENOTDIR);
	KTEST_EXPECT_EQ(t, do_mkdirat(AT_FDCWD, "/kt_rn/full", 0755), -EEXIST);
}

static void open_flags(struct ktest *t)
{
	struct file *f;
	char buf[8];
	loff_t pos = 0;

	NEED_ROOT(t);
	KTEST_ASSERT(t, !vfs_mkdir_path("/kt_open", 0755));
	f = filp_open("/kt_open/f", O_CREAT | O_EXCL | O_RDWR, 0600);
	KTEST_ASSERT(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_write(f, "hello", 5, NULL), 5);
	fput(f);
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open("/kt_open/f", O_CREAT | O_EXCL | O_RDWR, 0600)),
			-EEXIST);
	KTEST_EXPECT_EQ(t, PTR_ERR(filp_open("/kt_open/f", O_RDONLY | O_DIRECTORY, 0)),
			-ENOTDIR);
	f = filp_open("/kt_open/f", O_WRONLY | O_APPEND, 0);
	KTEST_ASSERT(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_write(f, "!", 1, &pos), 1);
	KTEST_EXPECT_EQ(t, pos, 6);			/* appended, not at 0 */
	fput(f);
	f = filp_open("/kt_open/f", O_RDONLY, 0);
	KTEST_ASSERT(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), NULL), 6);
	KTEST_EXPECT(t, !memcmp(buf, "hello!", 6));
	fput(f);
	f = filp_open("/kt_open/f", O_RDWR | O_TRUNC, 0);
	KTEST_ASSERT(t, !IS_ERR(f));
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), NULL), 0);
	fput(f);
}


static void getdents_every_entry_once(struct ktest *t)
{
	static char buf[64];	/* room for about two records per call */
	unsigned int seen[24] = { 0 }, i, calls = 0;
	struct file *d;
	char path[32];
	long n;

	NEED_ROOT(t);
	KTEST_ASSERT(t, !vfs_mkdir_path("/kt_ls", 0755));
	for (i = 0; i < 24; i++) {
		snprintf(path, sizeof(path), "/kt_ls/e%u", i);
		KTEST_ASSERT(t, !make_file(path));
	}
	d = filp_open("/kt_ls", O_RDONLY | O_DIRECTORY, 0);
	KTEST_ASSERT(t, !IS_ERR(d));
	while ((n = getdents64_kernel(d, buf, sizeof(buf))) > 0 && ++calls < 100) {
		long off = 0;

		while (off < n) {
			struct linux_dirent64 *e = (struct linux_dirent64 *)(buf + off);

			KTEST_EXPECT_EQ(t, e->d_reclen % 8, 0);
			if (e->d_name[0] == 'e') {
				unsigned int k = (unsigned int)strtoul(e->d_name + 1, NULL, 10);

				if (k < 24)
					seen[k]++;
				KTEST_EXPECT_EQ(t, e->d_type, DT_REG);
			}
			off += e->d_reclen;
		}
	}
	KTEST_EXPECT_EQ(t, n, 0);
	KTEST_EXPECT_LT(t, calls, 100);
	for (i = 0; i < 24; i++)
		KTEST_EXPECT_EQ(t, seen[i], 1);
	fput(d);
}

/* Linux follows 40 symlinks in one walk and refuses the 41st. */
static void forty_links_and_no_more(struct ktest *t)
{
	char name[32], target[32];
	struct path a, b;
	int i;

	NEED_ROOT(t);
	KTEST_ASSERT(t, !vfs_mkdir_path("/kt_chain", 0755));
	KTEST_ASSERT(t, !vfs_mkdir_path("/kt_chain/dir", 0755));
	KTEST_ASSERT(t, !vfs_symlink_path("dir", "/kt_chain/l40"));
	for (i = 39; i >= 0; i--) {
		snprintf(name, sizeof(name), "/kt_chain/l%d", i);
		snprintf(target, sizeof(target), "l%d", i + 1);
		KTEST_ASSERT(t, !vfs_symlink_path(target, name));
	}
	KTEST_EXPECT_EQ(t, lookup_err("/kt_chain/l1", LOOKUP_FOLLOW), 0);	/* 40 links */
	KTEST_EXPECT_EQ(t, lookup_err("/kt_chain/l0", LOOKUP_FOLLOW), -ELOOP);	/* 41 */
	KTEST_EXPECT_EQ(t, lookup_err("/kt_chain/l1/", 0), 0);	/* a trailing slash follows */
	/* in the middle of a path, and ".." from where the link led */
	KTEST_ASSERT(t, !vfs_mkdir_path("/kt_chain/l39/sub", 0755));
	KTEST_ASSERT(t, !kern_path("/kt_chain/l38/sub/..", LOOKUP_FOLLOW, &a));
	KTEST_ASSERT(t, !kern_path("/kt_chain/dir", LOOKUP_FOLLOW, &b));
	KTEST_EXPECT(t, a.dentry == b.dentry);
	path_put(&a);
	path_put(&b);
}

static void attributes(struct ktest *t)
{
	struct timespec64 times[2] = { { 1000, 5 }, { 2000, UTIME_OMIT } };
	struct statx stx, before;
	char buf[16];

	NEED_ROOT(t);
	KTEST_ASSERT(t, !vfs_mkdir_path("/kt_attr", 0777));
	KTEST_ASSERT(t, !vfs_statx(AT_FDCWD, "/kt_attr", 0, &stx));
	KTEST_EXPECT_EQ(t, stx.stx_mode, S_IFDIR | 0755);	/* umask 022 */
	KTEST_EXPECT_EQ(t, stx.stx_nlink, 2);
	KTEST_ASSERT(t, !make_file("/kt_attr/f"));		/* 0644 asked, 0644 left */
	KTEST_EXPECT_EQ(t, do_faccessat(AT_FDCWD, "/kt_attr/f", X_OK, 0), -EACCES);
	KTEST_EXPECT_EQ(t, do_faccessat(AT_FDCWD, "/kt_attr/f", R_OK | W_OK, 0), 0);
	KTEST_EXPECT_EQ(t, vfs_chmod_path("/kt_attr/f", 04755), 0);
	KTEST_EXPECT_EQ(t, do_faccessat(AT_FDCWD, "/kt_attr/f", X_OK, 0), 0);
	KTEST_EXPECT_EQ(t, vfs_chown_path("/kt_attr/f", 7, (gid_t)-1), 0);
	KTEST_ASSERT(t, !vfs_statx(AT_FDCWD, "/kt_attr/f", 0, &before));
	KTEST_EXPECT_EQ(t, do_utimensat(AT_FDCWD, "/kt_attr/f", times, 0), 0);
	KTEST_ASSERT(t, !vfs_statx(AT_FDCWD, "/kt_attr/f", 0, &stx));
	KTEST_EXPECT_EQ(t, stx.stx_mode, S_IFREG | 04755);
	KTEST_EXPECT_EQ(t, stx.stx_uid, 7);
	KTEST_EXPECT_EQ(t, stx.stx_gid, 0);
	KTEST_EXPECT_EQ(t, stx.stx_atime.tv_sec, 1000);
	KTEST_EXPECT_EQ(t, stx.stx_atime.tv_nsec, 5);
	KTEST_EXPECT_EQ(t, stx.stx_mtime.tv_sec, before.stx_mtime.tv_sec);	/* omitted */
	times[1].tv_nsec = 1000000000;
	KTEST_EXPECT_EQ(t, do_utimensat(AT_FDCWD, "/kt_attr/f", times, 0), -EINVAL);
	KTEST_ASSERT(t, !vfs_symlink_path("f", "/kt_attr/l"));
	KTEST_EXPECT_EQ(t, do_readlinkat(AT_FDCWD, "/kt_attr/l", buf, sizeof(buf)), 1);
	KTEST_EXPECT_EQ(t, buf[0], 'f');
	KTEST_EXPECT_EQ(t, do_readlinkat(AT_FDCWD, "/kt_attr/f", buf, sizeof(buf)), -EINVAL);
	KTEST_ASSERT(t, !vfs_statx(AT_FDCWD, "/kt_attr/l", AT_SYMLINK_NOFOLLOW, &stx));
	KTEST_EXPECT_EQ(t, stx.stx_mode, S_IFLNK | 0777);
	KTEST_EXPECT_EQ(t, stx.stx_size, 1);
	KTEST_ASSERT(t, !vfs_statx(AT_FDCWD, "/kt_attr/l", 0, &stx));
	KTEST_EXPECT_EQ(t, stx.stx_mode, S_IFREG | 04755);	/* followed */
}

/* A task's cwd: relative walks start there, and a removed cwd takes no new names. */
static void working_directory(struct ktest *t)
{
	struct fs_struct *fs, *saved = current->fs;
	struct path p;

	NEED_ROOT(t);
	fs = fs_struct_alloc_root();
	KTEST_ASSERT(t, fs);
	current->fs = fs;
	KTEST_EXPECT_EQ(t, vfs_mkdir_path("/kt_cwd", 0755), 0);
	KTEST_EXPECT_EQ(t, vfs_mkdir_path("/kt_cwd/gone", 0755), 0);
	if (!kern_path("/kt_cwd", LOOKUP_FOLLOW, &p)) {
		set_fs_pwd(&p);
		KTEST_EXPECT_EQ(t, vfs_mkdir_path("rel", 0700), 0);
		KTEST_EXPECT_EQ(t, lookup_err("/kt_cwd/rel", 0), 0);
		KTEST_EXPECT_EQ(t, lookup_err("gone/../rel", 0), 0);
	}
	if (!kern_path("gone", LOOKUP_FOLLOW, &p)) {
		set_fs_pwd(&p);
		KTEST_EXPECT_EQ(t, do_rmdirat(AT_FDCWD, "/kt_cwd/gone"), 0);
		KTEST_EXPECT_EQ(t, vfs_mkdir_path("x", 0700), -ENOENT);
		KTEST_EXPECT_EQ(t, make_file("y"), -ENOENT);
		KTEST_EXPECT_EQ(t, lookup_err("..", 0), 0);
		KTEST_EXPECT_EQ(t, do_mount("none", ".", "ramfs", 0, NULL), -ENOENT);
	}
	current->fs = saved;
	put_fs_struct(get_fs_struct(fs));	/* a sharer leaving keeps it alive */
	KTEST_EXPECT_EQ(t, fs->count, 1);
	put_fs_struct(fs);
}

KTEST_SUITE(namei,
	    KTEST_CASE(dots_and_root),
	    KTEST_CASE(dotdot_crosses_mount),
	    KTEST_CASE(symlinks),
	    KTEST_CASE(forty_links_and_no_more),
	    KTEST_CASE(long_names),
	    KTEST_CASE(dirfd_relative),
	    KTEST_CASE(dcache_hits_and_negatives),
	    KTEST_CASE(rename_directories),
	    KTEST_CASE(open_flags),
	    KTEST_CASE(getdents_every_entry_once),
	    KTEST_CASE(attributes),
	    KTEST_CASE(working_directory));
