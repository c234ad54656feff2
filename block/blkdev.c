// SPDX-License-Identifier: MIT
/*
 * Block devices and their requests (<tern/blkdev.h>): the list of disks
 * and partitions, the checks every request passes before its driver sees
 * it, completion and waiting, and reading a disk's partition table.
 */
#include <asm/page.h>
#include <tern/blkdev.h>
#include <tern/errno.h>
#include <tern/irqflags.h>
#include <tern/partitions.h>
#include <tern/printf.h>
#include <tern/printk.h>
#include <tern/slab.h>
#include <tern/string.h>

/* Changed only by add_disk, on the boot CPU before the others start. */
static LIST_HEAD(blkdevs);

struct block_device *blkdev_get_by_name(const char *name)
{
	struct block_device *b;

	list_for_each_entry(b, &blkdevs, link)
		if (!strcmp(b->name, name))
			return b;
	return NULL;
}

void blkdev_for_each(void (*fn)(struct block_device *bdev, void *arg), void *arg)
{
	struct block_device *b;

	list_for_each_entry(b, &blkdevs, link)
		fn(b, arg);
}

void blk_complete(struct blk_request *rq, int status)
{
	struct block_device *disk = rq->bdev;

	rq->status = status;
	__atomic_fetch_sub(&disk->in_flight, 1, __ATOMIC_RELAXED);
	/* Without end_io this is the last touch of rq: its waiter may return. */
	__atomic_store_n(&rq->done, true, __ATOMIC_RELEASE);
	if (rq->end_io)
		rq->end_io(rq);
	wake_up(&disk->wait);
}

static bool rq_done(struct blk_request *rq)
{
	return __atomic_load_n(&rq->done, __ATOMIC_ACQUIRE);
}

/* Hands rq to the driver, counted in flight until blk_complete. */
static int start(struct block_device *disk, struct blk_request *rq)
{
	int err;

	__atomic_fetch_add(&disk->in_flight, 1, __ATOMIC_RELAXED);
	err = disk->ops->submit(disk, rq);
	if (err)
		__atomic_fetch_sub(&disk->in_flight, 1, __ATOMIC_RELAXED);
	return err;
}

int blk_submit(struct block_device *bdev, struct blk_request *rq)
{
	struct block_device *disk = bdev->disk;

	rq->done = false;
	rq->status = 0;
	rq->bdev = disk;
	if (rq->op == BLK_FLUSH) {
		rq->sector = 0;
		rq->nr_sectors = 0;
		if (!disk->can_flush) {
			__atomic_fetch_add(&disk->in_flight, 1, __ATOMIC_RELAXED);
			blk_complete(rq, 0);
			return 0;
		}
		return start(disk, rq);
	}
	if (rq->op != BLK_READ && rq->op != BLK_WRITE)
		return -EINVAL;
	if (!rq->nr_sectors || !rq->buf || rq->sector >= bdev->nr_sectors ||
	    rq->nr_sectors > bdev->nr_sectors - rq->sector)
		return -EINVAL;
	if (rq->op == BLK_WRITE && bdev->read_only)
		return -EROFS;
	rq->sector += bdev->start;	/* from here on, the disk's sectors */
	return start(disk, rq);
}

int blk_wait(struct blk_request *rq)
{
	struct block_device *disk = rq->bdev;

	if (irqs_disabled()) {
		while (!rq_done(rq))
			disk->ops->poll(disk);
	} else {
		wait_event(&disk->wait, rq_done(rq));
	}
	return rq->status;
}

int blk_submit_wait(struct block_device *bdev, struct blk_request *rq)
{
	int err = blk_submit(bdev, rq);

	return err ? err : blk_wait(rq);
}

int blk_rw(struct block_device *bdev, enum blk_op op, u64 sector, u32 nr_sectors, void *buf)
{
	struct blk_request rq = {
		.op = op, .sector = sector, .nr_sectors = nr_sectors, .buf = buf,
	};

	return blk_submit_wait(bdev, &rq);
}

/* For parse_partitions: one sector through a page of the linear map. */
struct part_reader {
	struct block_device *disk;
	void *page;
};

static int part_read(void *ctx, u64 sector, void *buf)
{
	struct part_reader *r = ctx;
	int err = blk_rw(r->disk, BLK_READ, sector, 1, r->page);

	if (!err)
		memcpy(buf, r->page, SECTOR_SIZE);
	return err;
}

static void register_partition(struct block_device *disk, const struct part_entry *p,
			       char *line, size_t size)
{
	struct block_device *part = kzalloc(sizeof(*part), GFP_KERNEL);
	size_t len = strlen(line);

	if (!part) {
		pr_err("%s: no memory for partition %u\n", disk->name, p->number);
		return;
	}
	snprintf(part->name, sizeof(part->name), "%s%u", disk->name, p->number);
	part->nr_sectors = p->nr_sectors;
	part->read_only = disk->read_only;
	part->can_flush = disk->can_flush;
	part->disk = disk;
	part->start = p->start;
	part->partno = p->number;
	part->private = disk->private;
	list_add_tail(&part->link, &blkdevs);
	snprintf(line + len, size - len, " %s", part->name);
}

static void scan_partitions(struct block_device *disk)
{
	struct part_reader r = { disk, alloc_page(GFP_KERNEL) };
	struct part_table *t = kmalloc(sizeof(*t), GFP_KERNEL);
	char line[128];
	unsigned int i;
	int n;

	if (!r.page || !t) {
		pr_err("%s: no memory to read the partition table\n", disk->name);
		goto out;
	}
	n = parse_partitions(disk->nr_sectors, part_read, &r, t);
	if (n == -EINVAL) {
		pr_err("%s: partition table refused: %s\n", disk->name, t->why);
		goto out;
	}
	if (n < 0) {
		pr_err("%s: cannot read the partition table: error %d\n", disk->name, n);
		goto out;
	}
	if (!t->kind)
		goto out;
	snprintf(line, sizeof(line), "%s: %s:", disk->name, t->kind);
	for (i = 0; i < t->nr; i++)
		register_partition(disk, &t->part[i], line, sizeof(line));
	pr_notice("%s%s\n", line, t->truncated ? " (more partitions ignored)" : "");
out:
	if (r.page)
		free_page(r.page);
	kfree(t);
}

int add_disk(struct block_device *disk)
{
	if (blkdev_get_by_name(disk->name))
		return -EEXIST;
	disk->disk = disk;
	disk->start = 0;
	disk->partno = 0;
	init_waitqueue_head(&disk->wait);
	list_add_tail(&disk->link, &blkdevs);
	scan_partitions(disk);
	return 0;
}
