/* SPDX-License-Identifier: MIT */
/*
 * The initramfs (usr/initramfs.c): the cpio archive the build linked into
 * the kernel (usr/initramfs_data.S), unpacked through filesystem
 * operations the VFS provides, as Linux's init/initramfs.c does with
 * init_mkdir, filp_open and friends.
 *
 * Each operation gets an absolute, normalized path ("/etc/passwd": no
 * "." or empty components, never ".."), and the archive entry for its
 * mode, uid, gid, mtime and data; it returns 0 or a negative errno.  An
 * operation that fails is logged with the path and skipped; unpacking
 * goes on, as in Linux.  Parents come before children in an archive the
 * build made (sorted names); an archive from elsewhere may break that,
 * and the operation then fails with -ENOENT like any other.
 *
 *	mkdir	a directory (an existing one is not an error: return 0)
 *	create	a regular file holding e->data (e->size bytes); an existing
 *		file of that name is replaced
 *	symlink	a symbolic link to target (NUL-terminated)
 *	link	a hard link path to the earlier name existing (the first
 *		name of the same inode in this archive), then, when
 *		e->size > 0, e->data written into it from offset 0 (GNU
 *		cpio gives the data with the last name of the set)
 *	mknod	a device, FIFO or socket node; NULL: skipped, with a log line
 *
 * Names are checked first: an empty name, a ".." component or a path
 * longer than INITRAMFS_PATH_MAX - 1 is logged and skipped; "." (the
 * root itself) is skipped quietly.  A corrupt archive stops the unpack
 * with "Initramfs unpacking failed: <offset and reason>" and -EINVAL;
 * what came before it stays unpacked (Linux does the same).
 *
 * One caller at a time (the boot, then tests): the path buffers are
 * static.  The archive must stay mapped during the call.
 */
#ifndef TERN_INITRAMFS_H
#define TERN_INITRAMFS_H

#include <tern/cpio.h>
#include <tern/types.h>

#define INITRAMFS_PATH_MAX	4096	/* Linux's PATH_MAX, NUL included */
#define INITRAMFS_LINKS_MAX	64	/* hard-linked inodes remembered per archive */

struct initramfs_ops {
	void *data;		/* passed to every operation */
	int (*mkdir)(void *data, const char *path, const struct cpio_entry *e);
	int (*create)(void *data, const char *path, const struct cpio_entry *e);
	int (*symlink)(void *data, const char *path, const char *target,
		       const struct cpio_entry *e);
	int (*link)(void *data, const char *path, const char *existing,
		    const struct cpio_entry *e);
	int (*mknod)(void *data, const char *path, const struct cpio_entry *e);
};

/* What an unpack did (every entry lands in exactly one count). */
struct initramfs_stats {
	unsigned int dirs, files, symlinks, links, nodes;
	unsigned int skipped;	/* bad names, nodes without mknod */
	unsigned int failed;	/* an operation returned an error */
};

/* The archive linked into the kernel: its bytes, and how many (usr/initramfs_boot.c). */
const void *initramfs_start(void);
size_t initramfs_size(void);

/*
 * The external initrd (QEMU's -initrd) that /chosen names: 0 and where it
 * is mapped; -ENOENT without one; -EINVAL when the properties are
 * malformed; -ERANGE when the range is not reserved RAM in the linear
 * map.  After the boot unpacked it into the root its pages are freed,
 * and the answer is -ENOENT.
 */
int initrd_find(const void **start, size_t *size);

/* What freeing the initrd did (all 0 if there was none, or it was kept). */
struct initrd_free_report {
	unsigned long pages;			/* whole pages given to the page allocator */
	unsigned long total_before, total_after;	/* its total_pages around the call */
	unsigned long free_before, free_after;		/* its free_pages around the call */
};
extern struct initrd_free_report initrd_free_report;

/*
 * Unpacks the archive at buf through ops (NULL ops: only checks it and
 * counts).  0 when the whole archive was read (some operations may have
 * failed: see stats, which may be NULL), -EINVAL for a corrupt archive.
 */
int initramfs_unpack_buffer(const void *buf, size_t size, const struct initramfs_ops *ops,
			    struct initramfs_stats *stats);

/*
 * The boot's unpack: the built-in archive, then the initrd over it (if
 * /chosen names one), each with a summary line in the log.  0, or
 * -EINVAL when an archive was corrupt (the error is logged; the rest of
 * that archive is not unpacked).
 */
int unpack_initramfs(const struct initramfs_ops *ops);

#endif
