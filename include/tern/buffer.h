/* SPDX-License-Identifier: MIT */
/*
 * The buffer cache (block/bcache.c): blocks of BCACHE_BLOCK_SIZE bytes of
 * block devices, kept in memory, shared by everyone who reads them, and
 * written back when dirty: at bcache_sync, before a buffer is reused for
 * another block, and before the kernel powers off.
 *
 *	struct buffer *b = bread(bdev, 7);	block 7: bytes 7168..8191
 *	if (IS_ERR(b))
 *		return PTR_ERR(b);
 *	memcpy(b->data + 12, name, len);
 *	mark_buffer_dirty(b);
 *	brelse(b);
 *	...
 *	err = bcache_sync(bdev);		dirty blocks out, then a flush
 *
 * Contract: process context only (bread may sleep on the disk and on
 * another holder).  bread and bget return the buffer locked and
 * referenced: its holder alone reads and writes data until brelse.  A
 * buffer is never used for another block while referenced.  Each block
 * of a device has at most one buffer.  With BCACHE_BUFFERS all held,
 * bread fails with -ENOBUFS.
 */
#ifndef TERN_BUFFER_H
#define TERN_BUFFER_H

#include <tern/blkdev.h>
#include <tern/list.h>
#include <tern/mutex.h>
#include <tern/types.h>

#define BCACHE_BLOCK_SIZE	1024
#define BCACHE_SECTORS		(BCACHE_BLOCK_SIZE / SECTOR_SIZE)

#define BUF_UPTODATE	1u	/* data holds the block's contents */
#define BUF_DIRTY	2u	/* data is newer than the disk */

struct buffer {
	struct block_device *bdev;	/* bcache_lock; NULL: holds no block */
	u64 blocknr;			/* bcache_lock */
	unsigned int refcount;		/* bcache_lock */
	unsigned int flags;		/* lock (holders), or bcache_lock when refcount is 0 */
	void *data;			/* BCACHE_BLOCK_SIZE bytes, linear map; lock */
	struct mutex lock;		/* held by the holder between bread and brelse */
	struct list_head lru;		/* bcache_lock: most recently released first */
	struct list_head hash;		/* bcache_lock: in its (bdev, blocknr) bucket */
};

/* Block blocknr of bdev, read if needed: locked, or ERR_PTR(-errno). */
struct buffer *bread(struct block_device *bdev, u64 blocknr);
/* The same without reading: for a holder who overwrites the whole block. */
struct buffer *bget(struct block_device *bdev, u64 blocknr);
/* The holder changed data (and, after bget, all of it: the buffer is up to date). */
void mark_buffer_dirty(struct buffer *b);
/* Writes the held buffer now if dirty: 0 or -errno (it stays dirty). */
int bwrite(struct buffer *b);
/* Unlocks and drops the holder's reference. */
void brelse(struct buffer *b);

/*
 * Writes back every dirty buffer of bdev (NULL: of every device), then
 * flushes the disks written to.  0, or the first error (the rest is
 * still tried).
 */
int bcache_sync(struct block_device *bdev);

/* Forgets bdev's clean unreferenced buffers (for tests that rewrite the disk). */
void bcache_invalidate(struct block_device *bdev);

struct bcache_stats {
	unsigned long hits, misses, evictions, writebacks;
	unsigned int buffers;		/* allocated so far */
};
void bcache_get_stats(struct bcache_stats *s);

#endif
