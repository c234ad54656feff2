/* SPDX-License-Identifier: MIT */
/* ramfs internals shared by its two files. */
#ifndef FS_RAMFS_H
#define FS_RAMFS_H

#include <tern/fs.h>
#include <tern/spinlock.h>

/* Per super block: the size limit ("size=" option), in pages; 0: none. */
struct ramfs_sb {
	spinlock_t lock;
	unsigned long max_pages;	/* fixed at mount */
	unsigned long used_pages;	/* lock: data and index pages held */
};

/* Per inode (i_private), under i_mutex: data pages, or a symlink's target. */
struct ramfs_inode {
	void **pages;			/* page k of the file, NULL for a hole */
	unsigned int index_order;	/* pages[] is one 2^index_order-page block */
	unsigned long nr_slots;		/* entries pages[] has room for */
	char *link;			/* symlink target (kmalloc'd) */
};

extern const struct file_operations ramfs_file_operations;
/* Frees data pages from byte offset size on (truncate, evict). */
void ramfs_truncate_pages(struct inode *inode, loff_t size);

#endif
