// SPDX-License-Identifier: MIT
/*
 * Host tests for usr/initramfs.c: an archive the host's cpio made
 * (tests/Makefile) unpacked through operations that build the tree in a
 * temporary folder, which must then equal the original (diff -r, hard
 * links sharing an inode); bad names skipped; a corrupt archive named in
 * the log; and every byte mutation of the archive unpacked through
 * operations that check each path they are given is normalized.
 *
 *	test_initramfs <newc archive> <tree it was made from> <scratch dir>
 */
#define _GNU_SOURCE
#include "harness.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>

#include <tern/errno.h>
#include <tern/initramfs.h>

static char logbuf[65536];
static size_t loglen;

int printk(const char *fmt, ...);
int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(logbuf + loglen, sizeof(logbuf) - loglen, fmt, ap);
	va_end(ap);
	if (n > 0 && (size_t)n < sizeof(logbuf) - loglen)
		loglen += (size_t)n;
	return n;
}

static const char *archive_path, *tree, *scratch;

/* ---- operations over a host folder ---- */

static void host_path(char *out, const char *path)
{
	snprintf(out, 1024, "%s/out%s", scratch, path);
}

static int host_mkdir(void *d, const char *path, const struct cpio_entry *e)
{
	char p[1024];

	host_path(p, path);
	if (mkdir(p, e->mode & 07777) && errno != EEXIST)
		return -errno;
	chmod(p, e->mode & 07777);
	return 0;
}

static int write_data(const char *p, int flags, const struct cpio_entry *e)
{
	int fd = open(p, O_WRONLY | flags, e->mode & 07777);

	if (fd < 0)
		return -errno;
	if (e->size && write(fd, e->data, e->size) != (ssize_t)e->size) {
		close(fd);
		return -EIO;
	}
	close(fd);
	return 0;
}

static int host_create(void *d, const char *path, const struct cpio_entry *e)
{
	char p[1024];

	host_path(p, path);
	return write_data(p, O_CREAT | O_TRUNC, e);
}

static int host_symlink(void *d, const char *path, const char *target, const struct cpio_entry *e)
{
	char p[1024];

	host_path(p, path);
	return symlink(target, p) ? -errno : 0;
}

static int host_link(void *d, const char *path, const char *existing, const struct cpio_entry *e)
{
	char p[1024], old[1024];

	host_path(p, path);
	host_path(old, existing);
	if (link(old, p))
		return -errno;
	return e->size ? write_data(p, 0, e) : 0;
}

static int host_mknod(void *d, const char *path, const struct cpio_entry *e)
{
	char p[1024];

	host_path(p, path);
	if ((e->mode & CPIO_S_IFMT) != CPIO_S_IFIFO)
		return -EPERM;
	return mkfifo(p, e->mode & 07777) ? -errno : 0;
}

static const struct initramfs_ops host_ops = {
	.mkdir = host_mkdir, .create = host_create, .symlink = host_symlink,
	.link = host_link, .mknod = host_mknod,
};

static int run_bash(const char *cmd)
{
	char *argv_cmd = malloc(strlen(cmd) + 64);
	int ret;

	sprintf(argv_cmd, "bash -c \"%s\"", cmd);
	ret = system(argv_cmd);
	free(argv_cmd);
	return ret;
}

TEST(a_host_archive_unpacks_to_the_same_tree)
{
	struct initramfs_stats st;
	unsigned char *buf;
	size_t size;
	char cmd[2048], a[1024], b[1024];
	struct stat s1, s2;

	snprintf(cmd, sizeof(cmd), "rm -rf %s/out && mkdir -p %s/out", scratch, scratch);
	ASSERT(system(cmd) == 0);
	buf = harness_load_file(archive_path, &size);
	ASSERT(buf);
	EXPECT_EQ(initramfs_unpack_buffer(buf, size, &host_ops, &st), 0);
	EXPECT_EQ(st.failed, 0);
	EXPECT_EQ(st.skipped, 0);
	EXPECT_EQ(st.links, 1);
	EXPECT_EQ(st.symlinks, 1);
	EXPECT_EQ(st.nodes, 1);
	/* diff compares no FIFOs: the mknod one is checked by its type. */
	snprintf(cmd, sizeof(cmd), "diff -r --no-dereference -x fifo %s %s/out", tree, scratch);
	EXPECT_EQ(system(cmd), 0);
	/* Types and permission bits, every entry. */
	snprintf(cmd, sizeof(cmd), "cmp -s <(cd %s && find . -printf '%%p %%M\\n' | sort) "
		 "<(cd %s/out && find . -printf '%%p %%M\\n' | sort)", tree, scratch);
	EXPECT_EQ(run_bash(cmd), 0);
	host_path(a, "/empty/fifo");
	EXPECT(!lstat(a, &s1) && S_ISFIFO(s1.st_mode));
	host_path(a, "/etc/linked");
	host_path(b, "/bin/hardlink");
	EXPECT(!stat(a, &s1) && !stat(b, &s2) && s1.st_ino == s2.st_ino);
	free(buf);
}

/* ---- hand-made archives ---- */

static size_t put(unsigned char *buf, size_t len, const char *name, unsigned int mode,
		  const char *data)
{
	size_t namesize = strlen(name) + 1, size = strlen(data);

	len += (size_t)sprintf((char *)buf + len, "070701%08X%08X%08X%08X%08X%08X%08zX%08X%08X"
			       "%08X%08X%08zX%08X", 1u, mode, 0u, 0u, 1u, 0u, size, 0u, 0u, 0u,
			       0u, namesize, 0u);
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

static unsigned int calls;

/* Every path handed to an operation is "/a/b": no //, no . or .., no trailing /. */
static int check_path(const char *path)
{
	size_t len = strlen(path);

	calls++;
	if (len < 2 || path[0] != '/' || strstr(path, "//") || strstr(path, "/./") ||
	    strstr(path, "/../") || path[len - 1] == '/' || !strcmp(path + len - 2, "/.") ||
	    (len >= 3 && !strcmp(path + len - 3, "/..")))
		FAIL("operation given \"%s\"", path);
	return 0;
}

static int chk_mkdir(void *d, const char *p, const struct cpio_entry *e)
{
	return check_path(p);
}

static int chk_symlink(void *d, const char *p, const char *t, const struct cpio_entry *e)
{
	if (strlen(t) != e->size)
		FAIL("symlink target length");
	return check_path(p);
}

static int chk_link(void *d, const char *p, const char *old, const struct cpio_entry *e)
{
	check_path(old);
	return check_path(p);
}

static const struct initramfs_ops chk_ops = {
	.mkdir = chk_mkdir, .create = chk_mkdir, .symlink = chk_symlink,
	.link = chk_link, .mknod = chk_mkdir,
};

TEST(bad_names_are_skipped_and_said)
{
	unsigned char *buf = calloc(1, 1 << 14);
	struct initramfs_stats st;
	char *longname = malloc(INITRAMFS_PATH_MAX + 10);
	size_t len = 0;

	memset(longname, 'n', INITRAMFS_PATH_MAX + 9);
	longname[INITRAMFS_PATH_MAX + 9] = '\0';
	len = put(buf, len, "..", 040755, "");
	len = put(buf, len, "a/../../b", 0100644, "x");
	len = put(buf, len, "", 0100644, "x");			/* namesize 1 */
	len = put(buf, len, longname, 0100644, "");
	len = put(buf, len, "/./ok//dir/", 040755, "");
	len = put(buf, len, "ok/l", 0120777, "");		/* empty target */
	len = put(buf, len, "TRAILER!!!", 0, "");
	loglen = 0;
	calls = 0;
	EXPECT_EQ(initramfs_unpack_buffer(buf, len, &chk_ops, &st), 0);
	EXPECT_EQ(st.dirs, 1);
	EXPECT_EQ(st.skipped, 5);
	EXPECT_EQ(calls, 1);
	EXPECT(strstr(logbuf, "name \"..\" is empty or has \"..\": skipped"));
	EXPECT(strstr(logbuf, "too long"));
	EXPECT(strstr(logbuf, "/ok/l: symlink target empty"));
	free(buf);
	free(longname);
}

TEST(a_corrupt_archive_is_named_in_the_log)
{
	unsigned char *buf = calloc(1, 4096);
	size_t len = put(buf, 0, "etc", 040755, "");

	len = put(buf, len, "TRAILER!!!", 0, "");
	buf[len - 124] = 'X';			/* the trailer's magic */
	loglen = 0;
	EXPECT_EQ(initramfs_unpack_buffer(buf, len, &chk_ops, NULL), -EINVAL);
	EXPECT(strstr(logbuf, "Initramfs unpacking failed: offset 116: bad magic"));
	free(buf);
}

TEST(mutated_archives_give_only_normalized_paths)
{
	static const unsigned char values[] = { 0, '.', '/', '0', '2', 'F', 'g', 0xff };
	unsigned char *buf, *copy;
	size_t size, pos, cases = 0;
	unsigned int v;

	buf = harness_load_file(archive_path, &size);
	ASSERT(buf);
	for (pos = 0; pos < size; pos++) {
		for (v = 0; v < sizeof(values); v++) {
			copy = malloc(size);
			memcpy(copy, buf, size);
			copy[pos] = values[v];
			loglen = 0;
			initramfs_unpack_buffer(copy, size, &chk_ops, NULL);
			free(copy);
			cases++;
		}
	}
	printf("# %zu mutated archives\n", cases);
	EXPECT(cases > 1000);
	free(buf);
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: %s <newc archive> <tree> <scratch dir>\n", argv[0]);
		return 2;
	}
	archive_path = argv[1];
	tree = argv[2];
	scratch = argv[3];
	return harness_main(__FILE__, argc, argv);
}
