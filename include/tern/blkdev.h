/* SPDX-License-Identifier: MIT */
/*
 * Block devices (block/, Documentation/block.md): disks and their
 * partitions, addressed in 512-byte sectors, reached through requests a
 * filesystem submits without knowing which driver serves them.
 *
 *	struct blk_request rq = {
 *		.op = BLK_READ, .sector = 8, .nr_sectors = 8, .buf = page,
 *	};
 *	err = blk_submit_wait(bdev, &rq);	(or blk_submit + end_io)
 *
 * A disk driver fills a struct block_device (name, capacity, ops) and
 * calls add_disk(), which registers it and its partitions (MBR or GPT:
 * vda1, vda2, ...).  A partition is a block_device whose requests are
 * moved by its start and handed to its disk.
 *
 * Contract:
 *  - blk_submit is called in process context; it may sleep until the
 *    driver has room.  It checks the range, the direction (-EROFS for a
 *    write to a read-only device) and the buffer, then the driver owns
 *    the request until it calls blk_complete(rq, status) once, from any
 *    context (usually its interrupt handler); end_io then runs there,
 *    with interrupts off: it must not sleep.  A request with end_io
 *    belongs to end_io once it runs (it may free it): do not blk_wait
 *    on it; wait on its disk's wait queue for what end_io records.
 *  - the buffer is nr_sectors * 512 bytes in the kernel's linear map
 *    (kmalloc, alloc_pages), physically contiguous, not touched by the
 *    caller while the request is in flight;
 *  - blk_submit_wait and blk_wait may be called with interrupts still
 *    off (a probe reading a partition table): they then poll the driver.
 *  - block devices are registered from probes and initcalls on the boot
 *    CPU before the other CPUs start and never removed; after that the
 *    list is read without a lock.
 */
#ifndef TERN_BLKDEV_H
#define TERN_BLKDEV_H

#include <tern/list.h>
#include <tern/types.h>
#include <tern/wait.h>

#define SECTOR_SHIFT	9
#define SECTOR_SIZE	(1u << SECTOR_SHIFT)
#define BDEV_NAME_MAX	16
#define BLK_MAX_PARTITIONS	16

enum blk_op {
	BLK_READ,
	BLK_WRITE,
	BLK_FLUSH,	/* earlier completed writes reach stable storage; no data */
};

struct blk_request;
typedef void (*blk_end_io_t)(struct blk_request *rq);

struct blk_request {
	enum blk_op op;
	u64 sector;			/* first sector, on the device submitted to (on its disk once submitted) */
	u32 nr_sectors;
	void *buf;			/* nr_sectors * SECTOR_SIZE bytes, linear map */
	blk_end_io_t end_io;		/* NULL: only blk_wait learns the end */
	void *private;			/* the submitter's */
	/* Set by the block layer and the driver: */
	int status;			/* 0 or -errno (-EIO: the device said so) */
	bool done;			/* written last, then end_io and waiters */
	struct block_device *bdev;	/* the disk it went to */
};

struct block_device_ops {
	/* Starts rq (on the whole disk); may sleep for room.  0 or -errno. */
	int (*submit)(struct block_device *disk, struct blk_request *rq);
	/* Completes what the device has finished (interrupts off, or polling). */
	void (*poll)(struct block_device *disk);
};

struct block_device {
	char name[BDEV_NAME_MAX];	/* "vda", "vda1" */
	u64 nr_sectors;
	bool read_only;
	bool can_flush;			/* the device has a write cache to flush */
	const struct block_device_ops *ops;	/* the disk's; NULL on a partition */
	struct block_device *disk;	/* itself for a disk */
	u64 start;			/* first sector on the disk (0 for a disk) */
	unsigned int partno;		/* 0 for a disk */
	void *private;			/* the driver's */
	struct wait_queue_head wait;	/* of the disk: woken at every completion */
	unsigned int in_flight;		/* of the disk: submitted, not completed (atomic) */
	struct list_head link;		/* in the list of block devices */
};

/*
 * Registers a disk (name, nr_sectors, read_only, can_flush, ops, private
 * set by the driver) and reads its partition table; logs "vda: vda1
 * vda2" or what was wrong with the table.  0 or -errno (-EEXIST: the
 * name is taken).
 */
int add_disk(struct block_device *disk);

/* The block device called name ("vda1"), or NULL. */
struct block_device *blkdev_get_by_name(const char *name);

/* Calls fn for each block device in registration order (disks before their partitions). */
void blkdev_for_each(void (*fn)(struct block_device *bdev, void *arg), void *arg);

/*
 * Sends rq to bdev's disk.  0: the request is in flight and will be
 * completed; or -EINVAL (bad range or buffer), -EROFS (a write to a
 * read-only device), -ENOMEM, or the driver's error: then it is not
 * completed.  A flush of a device without a write cache completes at once.
 */
int blk_submit(struct block_device *bdev, struct blk_request *rq);

/* Waits until rq is completed; returns its status. */
int blk_wait(struct blk_request *rq);

/* blk_submit then blk_wait: 0 or -errno. */
int blk_submit_wait(struct block_device *bdev, struct blk_request *rq);

/* One synchronous request: 0 or -errno. */
int blk_rw(struct block_device *bdev, enum blk_op op, u64 sector, u32 nr_sectors,
	   void *buf);

/* For drivers: rq ended with status; runs end_io and wakes waiters. */
void blk_complete(struct blk_request *rq, int status);

#endif
