// SPDX-License-Identifier: MIT
/*
 * The initramfs unpacked through recording operations: the built-in
 * archive holds the skeleton the build puts in every rootfs; a small
 * archive made here exercises every entry type, hard links, bad names
 * and a device node without mknod; a corrupt copy stops with -EINVAL
 * after the entries before the damage; an initrd given with QEMU's
 * -initrd is found through /chosen.  And the boot's own unpack: every
 * entry of the built-in archive is in the root filesystem, with its type,
 * permission bits and size.
 */
#include <tern/errno.h>
#include <tern/fs.h>
#include <tern/namei.h>
#include <tern/initramfs.h>
#include <tern/ktest.h>
#include <tern/printf.h>
#include <tern/string.h>

#define RECORDS		32
#define REC_PATH	48

struct record {
	char op;			/* d, f, s, l, n */
	char path[REC_PATH];
	char aux[REC_PATH];		/* symlink target, link's first name */
	size_t size;
};

struct recorder {
	struct record rec[RECORDS];
	unsigned int n;
};

static struct recorder recs;

static int record(char op, const char *path, const char *aux, const struct cpio_entry *e)
{
	struct record *r;

	if (recs.n == RECORDS)
		return -ENOSPC;
	r = &recs.rec[recs.n++];
	r->op = op;
	strlcpy(r->path, path, sizeof(r->path));
	strlcpy(r->aux, aux ? aux : "", sizeof(r->aux));
	r->size = e->size;
	return 0;
}

static int rec_mkdir(void *d, const char *path, const struct cpio_entry *e)
{
	return record('d', path, NULL, e);
}

static int rec_create(void *d, const char *path, const struct cpio_entry *e)
{
	return record('f', path, NULL, e);
}

static int rec_symlink(void *d, const char *path, const char *target, const struct cpio_entry *e)
{
	return record('s', path, target, e);
}

static int rec_link(void *d, const char *path, const char *existing, const struct cpio_entry *e)
{
	return record('l', path, existing, e);
}

static const struct initramfs_ops rec_ops = {
	.mkdir = rec_mkdir,
	.create = rec_create,
	.symlink = rec_symlink,
	.link = rec_link,
};

/*
 * The built-in archive holds whatever the rootfs has (user programs, an
 * overlay): too much to record, so its walk only ticks off the skeleton.
 */
static const char *const skeleton[] = {
	"/bin", "/dev", "/etc", "/proc", "/root", "/sbin", "/sys", "/tmp",
};
static unsigned int skeleton_seen, root_seen;	/* a bit per skeleton entry */

static int tick_mkdir(void *d, const char *path, const struct cpio_entry *e)
{
	unsigned int i;

	root_seen |= !strcmp(path, "/");
	for (i = 0; i < ARRAY_SIZE(skeleton); i++)
		if (!strcmp(path, skeleton[i]))
			skeleton_seen |= 1u << i;
	return 0;
}

static int tick_other(void *d, const char *path, const struct cpio_entry *e)
{
	return 0;
}

static int tick_link(void *d, const char *path, const char *target, const struct cpio_entry *e)
{
	return 0;
}

static const struct initramfs_ops tick_ops = {
	.mkdir = tick_mkdir,
	.create = tick_other,
	.symlink = tick_link,
	.link = tick_link,
};

static void the_builtin_archive_has_the_skeleton(struct ktest *t)
{
	unsigned int i;

	skeleton_seen = root_seen = 0;
	KTEST_ASSERT(t, initramfs_size() > 0);
	KTEST_EXPECT(t, !memcmp(initramfs_start(), "070701", 6));
	KTEST_EXPECT_EQ(t, unpack_initramfs(&tick_ops), 0);
	for (i = 0; i < ARRAY_SIZE(skeleton); i++)
		KTEST_EXPECT(t, skeleton_seen & (1u << i));
	KTEST_EXPECT(t, !root_seen);		/* "." is the root: skipped */
}

/* Appends one newc entry to buf at len; returns the new length. */
static size_t put(u8 *buf, size_t len, const char *name, u32 mode, u32 ino, u32 nlink,
		  const char *data)
{
	size_t namesize = strlen(name) + 1, size = strlen(data);

	len += (size_t)snprintf((char *)buf + len, 111,
				"070701%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X%08X",
				(unsigned int)ino, (unsigned int)mode, 0u, 0u,
				(unsigned int)nlink, 0u, (unsigned int)size, 0u, 0u, 5u, 1u,
				(unsigned int)namesize, 0u);
	memcpy(buf + len, name, namesize);
	len += namesize;
	while (len & 3)
		buf[len++] = 0;
	memcpy(buf + len, data, size);
	len += size;
	while (len & 3)
		buf[len++] = 0;
	return len;
}

static u8 archive[2048];

static size_t make_archive(void)
{
	size_t len = 0;

	memset(archive, 0, sizeof(archive));
	len = put(archive, len, ".", 040755, 1, 2, "");
	len = put(archive, len, "./etc", 040755, 2, 2, "");
	len = put(archive, len, "etc//hosts", 0100644, 3, 1, "127.0.0.1 localhost\n");
	len = put(archive, len, "/bin", 040755, 4, 2, "");
	len = put(archive, len, "bin/sh", 0120777, 5, 1, "busybox");
	len = put(archive, len, "bin/a", 0100755, 6, 2, "");
	len = put(archive, len, "bin/b", 0100755, 6, 2, "data");
	len = put(archive, len, "../escape", 0100644, 7, 1, "x");
	len = put(archive, len, "dev/console", 020600, 8, 1, "");
	len = put(archive, len, "TRAILER!!!", 0, 0, 1, "");
	return len;
}

static void every_entry_type_through_the_ops(struct ktest *t)
{
	struct initramfs_stats st;
	size_t len = make_archive();

	memset(&recs, 0, sizeof(recs));
	KTEST_EXPECT_EQ(t, initramfs_unpack_buffer(archive, len, &rec_ops, &st), 0);
	KTEST_ASSERT(t, recs.n == 6);
	KTEST_EXPECT(t, recs.rec[0].op == 'd' && !strcmp(recs.rec[0].path, "/etc"));
	KTEST_EXPECT(t, recs.rec[1].op == 'f' && !strcmp(recs.rec[1].path, "/etc/hosts"));
	KTEST_EXPECT_EQ(t, recs.rec[1].size, 20);
	KTEST_EXPECT(t, recs.rec[2].op == 'd' && !strcmp(recs.rec[2].path, "/bin"));
	KTEST_EXPECT(t, recs.rec[3].op == 's' && !strcmp(recs.rec[3].aux, "busybox"));
	KTEST_EXPECT(t, recs.rec[4].op == 'f' && !strcmp(recs.rec[4].path, "/bin/a"));
	KTEST_EXPECT(t, recs.rec[5].op == 'l' && !strcmp(recs.rec[5].path, "/bin/b") &&
			!strcmp(recs.rec[5].aux, "/bin/a") && recs.rec[5].size == 4);
	KTEST_EXPECT_EQ(t, st.dirs, 2);
	KTEST_EXPECT_EQ(t, st.files, 2);
	KTEST_EXPECT_EQ(t, st.links, 1);
	KTEST_EXPECT_EQ(t, st.symlinks, 1);
	KTEST_EXPECT_EQ(t, st.skipped, 2);	/* "../escape", the node without mknod */
	KTEST_EXPECT_EQ(t, st.failed, 0);
}

static void a_corrupt_archive_stops_cleanly(struct ktest *t)
{
	size_t len = make_archive();
	size_t hosts = 112 + 116;	/* after the "." and "./etc" entries */

	memset(&recs, 0, sizeof(recs));
	archive[hosts + 6 + 8 * 6] = 'z';	/* its filesize field */
	KTEST_EXPECT_EQ(t, initramfs_unpack_buffer(archive, len, &rec_ops, NULL), -EINVAL);
	KTEST_EXPECT_EQ(t, recs.n, 1);		/* /etc only */
	memset(&recs, 0, sizeof(recs));
	KTEST_EXPECT_EQ(t, initramfs_unpack_buffer(archive, 100, &rec_ops, NULL), -EINVAL);
	KTEST_EXPECT_EQ(t, recs.n, 0);
	KTEST_EXPECT_EQ(t, initramfs_unpack_buffer(archive, 0, &rec_ops, NULL), 0);
}

/*
 * With QEMU's -initrd: the archive /chosen names is found and read.  The
 * boot freed it after the unpack (unless the allocator keeps everything):
 * then it is not there to find any more.
 */
static void an_external_initrd_is_found(struct ktest *t)
{
	const void *start;
	size_t size;
	int err = initrd_find(&start, &size);

	if (initrd_free_report.pages) {
		KTEST_EXPECT_EQ(t, err, -ENOENT);
		return;
	}
	if (err == -ENOENT)
		KTEST_SKIP(t, "no initrd in /chosen (boot with QEMU_ARGS=\"-initrd file.cpio\")");
	KTEST_ASSERT(t, err == 0);
	KTEST_EXPECT_GT(t, size, 0);
	memset(&recs, 0, sizeof(recs));
	KTEST_EXPECT_EQ(t, initramfs_unpack_buffer(start, size, &rec_ops, NULL), 0);
	KTEST_EXPECT_GT(t, recs.n, 0);
}

/* Linux's "Freeing initrd memory": the pages count as memory, and as free memory. */
static void the_initrd_pages_were_freed(struct ktest *t)
{
	const struct initrd_free_report *r = &initrd_free_report;

	if (!r->pages)
		KTEST_SKIP(t, "no initrd freed (boot with QEMU_ARGS=\"-initrd file.cpio\"; "
			   "the bump allocator keeps it)");
	KTEST_EXPECT_EQ(t, r->total_after - r->total_before, r->pages);
	/* At boot, on one CPU, nothing else allocates between the two counts. */
	KTEST_EXPECT_EQ(t, r->free_after - r->free_before, r->pages);
}

/* The archive's name as the root's path: "./etc/x", "etc/x" and "/etc/x" are "/etc/x". */
static void rootfs_path(const char *name, char *out, size_t size)
{
	while (name[0] == '.' && name[1] == '/')
		name += 2;
	while (*name == '/')
		name++;
	snprintf(out, size, "/%s", name);
}

static void the_boot_unpacked_the_builtin_archive(struct ktest *t)
{
	struct cpio_reader r;
	struct cpio_entry e;
	static char path[INITRAMFS_PATH_MAX];
	unsigned int checked = 0;
	struct statx stx;
	struct path root;

	if (kern_path("/", 0, &root))
		KTEST_SKIP(t, "no root filesystem (FS_RAMFS is off)");
	path_put(&root);
	cpio_reader_init(&r, initramfs_start(), initramfs_size());
	while (cpio_next(&r, &e) == 1) {
		rootfs_path(e.name, path, sizeof(path));
		if (!strcmp(path, "/") || strstr(path, ".."))
			continue;
		if (vfs_statx(AT_FDCWD, path, AT_SYMLINK_NOFOLLOW, &stx)) {
			ktest_fail(t, __FILE__, __LINE__, "%s is not in the root filesystem", path);
			continue;
		}
		KTEST_EXPECT_EQ(t, stx.stx_mode & S_IFMT, e.mode & S_IFMT);
		if (!S_ISLNK(e.mode))
			KTEST_EXPECT_EQ(t, stx.stx_mode & 07777, e.mode & 07777);
		if (S_ISREG(e.mode) && e.nlink == 1)
			KTEST_EXPECT_EQ(t, stx.stx_size, e.size);
		checked++;
	}
	KTEST_EXPECT(t, checked >= 8);		/* the skeleton's folders at least */
}

KTEST_SUITE(initramfs,
	    KTEST_CASE(the_builtin_archive_has_the_skeleton),
	    KTEST_CASE(every_entry_type_through_the_ops),
	    KTEST_CASE(a_corrupt_archive_stops_cleanly),
	    KTEST_CASE(an_external_initrd_is_found),
	    KTEST_CASE(the_initrd_pages_were_freed),
	    KTEST_CASE(the_boot_unpacked_the_builtin_archive));
