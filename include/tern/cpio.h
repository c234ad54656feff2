/* SPDX-License-Identifier: MIT */
/*
 * A reader of cpio "newc" archives (lib/cpio.c), the initramfs format:
 * Linux's Documentation/driver-api/early-userspace/buffer-format.rst, as
 * GNU cpio writes it with -H newc (or -H crc).
 *
 *	header	110 bytes: magic "070701" (or "070702": the check field is
 *		the sum of the data bytes, checked for regular files with
 *		data: GNU cpio sums no symlink target, and writes a hard
 *		link's earlier names with no data but the file's sum), then
 *		13 fields of 8 hex digits:
 *		ino mode uid gid nlink mtime filesize devmajor devminor
 *		rdevmajor rdevminor namesize check
 *	name	namesize bytes, its NUL included; header + name padded with
 *		NULs to a multiple of 4 (from the archive's start)
 *	data	filesize bytes (a symlink's target, without NUL), padded
 *		to 4
 *	...	until the entry named "TRAILER!!!"
 *
 * Archives may follow each other, with NUL bytes between them (Linux
 * allows it: an appended archive overrides files of the first); a new
 * header starts at a multiple of 4.  Pure logic: no allocation, no
 * locks; reads only [buf, buf + size).  Every refusal names the offset
 * and what is wrong in r->error.
 */
#ifndef TERN_CPIO_H
#define TERN_CPIO_H

#include <tern/types.h>

#define CPIO_HEADER_SIZE	110
#define CPIO_ERROR_MAX		96

/* File types in cpio's mode (the values of stat(2)'s S_IF*). */
#define CPIO_S_IFMT		0170000
#define CPIO_S_IFSOCK		0140000
#define CPIO_S_IFLNK		0120000
#define CPIO_S_IFREG		0100000
#define CPIO_S_IFBLK		0060000
#define CPIO_S_IFDIR		0040000
#define CPIO_S_IFCHR		0020000
#define CPIO_S_IFIFO		0010000

struct cpio_reader {
	const u8 *buf;
	size_t size;
	size_t pos;		/* offset of the next header, or of NUL padding */
	unsigned int archive;	/* archives started so far (its TRAILER!!! seen or not) */
	bool in_archive;	/* inside an archive: its TRAILER!!! not yet seen */
	char error[CPIO_ERROR_MAX];	/* why cpio_next returned -EINVAL */
};

struct cpio_entry {
	const char *name;	/* NUL-terminated, inside the archive */
	size_t namesize;	/* strlen(name) + 1 */
	u32 ino, mode, uid, gid, nlink, mtime;
	u32 dev_major, dev_minor, rdev_major, rdev_minor;
	const void *data;	/* size bytes inside the archive */
	size_t size;
	size_t offset;		/* of the header, from the buffer's start */
	unsigned int archive;	/* which archive of a concatenation: 1, 2, ... */
};

void cpio_reader_init(struct cpio_reader *r, const void *buf, size_t size);

/*
 * The next entry (TRAILER!!! entries are not returned): 1 and *out
 * filled; 0 at the end of the buffer (after a TRAILER!!! and any NUL
 * padding, or for an empty or all-NUL buffer); -EINVAL for a corrupt
 * archive, with r->error set, and every later call returns -EINVAL too.
 */
int cpio_next(struct cpio_reader *r, struct cpio_entry *out);

#endif
