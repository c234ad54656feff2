// SPDX-License-Identifier: MIT
/*
 * ktest "block": the block layer and whatever disks the machine has.
 *
 * Only a disk whose sector 0 starts with "TERN-KTEST-SCRATCH" is ever
 * written (scripts/test.sh makes one); a disk that starts with
 * "TERN-KTEST-READONLY" must be read-only.  Each case says which disk it
 * used ("# block: scratch disk vda"), so a test script can check that the
 * disks it attached were found; without such a disk the case is skipped.
 */
#include <tern/blkdev.h>
#include <tern/buffer.h>
#include <tern/errno.h>
#include <tern/err.h>
#include <tern/irqflags.h>
#include <tern/ktest.h>
#include <tern/pgalloc.h>
#include <tern/printk.h>
#include <tern/printf.h>
#include <tern/slab.h>
#include <tern/string.h>

#define SCRATCH_MAGIC	"TERN-KTEST-SCRATCH"
#define READONLY_MAGIC	"TERN-KTEST-READONLY"
#define NR_REQUESTS	64
#define REQUEST_SECTORS	8	/* 4 KiB: one page each */
#define FIRST_SECTOR	8	/* past the magic */
#define IRQS_OFF_BATCH	8	/* submitted with interrupts off: all in flight */

struct find_disk {
	const char *what;
	const char *magic;
	struct block_device *found;
	void *page;
};

static void match_disk(struct block_device *b, void *arg)
{
	struct find_disk *f = arg;

	if (f->found || b->partno || blk_rw(b, BLK_READ, 0, 1, f->page))
		return;
	if (!memcmp(f->page, f->magic, strlen(f->magic)))
		f->found = b;
}

/* The disk whose sector 0 starts with magic, or NULL. */
static struct block_device *find_disk(const char *what, const char *magic)
{
	struct find_disk f = { what, magic, NULL, alloc_page(GFP_KERNEL) };

	if (!f.page)
		return NULL;
	blkdev_for_each(match_disk, &f);
	free_page(f.page);
	if (f.found)
		console_printf("    # block: %s disk %s\n", what, f.found->name);
	return f.found;
}

static unsigned int completed;		/* by end_io, interrupts off */

static void count_completion(struct blk_request *rq)
{
	(void)rq;
	__atomic_fetch_add(&completed, 1, __ATOMIC_RELAXED);
}

static void fill(u8 *buf, unsigned int req, unsigned int salt)
{
	unsigned int i;

	for (i = 0; i < REQUEST_SECTORS * SECTOR_SIZE; i++)
		buf[i] = (u8)(req * 31 + i * 7 + salt + (i >> 9));
}

/* Submits n requests of op on pages[], IRQS_OFF_BATCH of them with interrupts off. */
static void submit_all(struct ktest *t, struct block_device *disk, struct blk_request *rqs,
		       void **pages, enum blk_op op)
{
	unsigned long flags;
	unsigned int i;

	completed = 0;
	flags = local_irq_save();
	for (i = 0; i < NR_REQUESTS; i++) {
		rqs[i] = (struct blk_request){
			.op = op, .sector = FIRST_SECTOR + (u64)i * REQUEST_SECTORS,
			.nr_sectors = REQUEST_SECTORS, .buf = pages[i], .end_io = count_completion,
		};
		KTEST_EXPECT_EQ(t, blk_submit(disk, &rqs[i]), 0);
		if (i + 1 == IRQS_OFF_BATCH) {
			/* Nothing completes with interrupts off unless polled. */
			KTEST_EXPECT_EQ(t, READ_ONCE(disk->in_flight), IRQS_OFF_BATCH);
			local_irq_restore(flags);
		}
	}
	wait_event(&disk->wait, READ_ONCE(completed) == NR_REQUESTS);
	for (i = 0; i < NR_REQUESTS; i++)
		KTEST_EXPECT_EQ(t, rqs[i].status, 0);
	KTEST_EXPECT_EQ(t, READ_ONCE(disk->in_flight), 0);
}

/* 64 writes of 4 KiB, a flush, 64 reads back: several in flight each time. */
static void scratch_write_flush_read_back(struct ktest *t)
{
	struct block_device *disk = find_disk("scratch", SCRATCH_MAGIC);
	struct blk_request *rqs;
	void *pages[NR_REQUESTS];
	unsigned int i, salt, bad = 0;

	if (!disk)
		KTEST_SKIP(t, "no disk marked " SCRATCH_MAGIC);
	KTEST_ASSERT(t, disk->nr_sectors >= FIRST_SECTOR + NR_REQUESTS * REQUEST_SECTORS);
	KTEST_ASSERT(t, !disk->read_only);
	rqs = kmalloc(NR_REQUESTS * sizeof(*rqs), GFP_KERNEL);
	KTEST_ASSERT(t, rqs != NULL);
	for (i = 0; i < NR_REQUESTS; i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		KTEST_ASSERT(t, pages[i] != NULL);
	}
	salt = (unsigned int)(uintptr_t)rqs;	/* differs from what an earlier run wrote */
	for (i = 0; i < NR_REQUESTS; i++)
		fill(pages[i], i, salt);
	submit_all(t, disk, rqs, pages, BLK_WRITE);
	KTEST_EXPECT_EQ(t, blk_rw(disk, BLK_FLUSH, 0, 0, NULL), 0);
	for (i = 0; i < NR_REQUESTS; i++)
		memset(pages[i], 0, PAGE_SIZE);
	submit_all(t, disk, rqs, pages, BLK_READ);
	for (i = 0; i < NR_REQUESTS; i++) {
		u8 *p = pages[i];
		unsigned int j;

		for (j = 0; j < REQUEST_SECTORS * SECTOR_SIZE; j++)
			if (p[j] != (u8)(i * 31 + j * 7 + salt + (j >> 9))) {	/* fill() */
				bad++;
				break;
			}
		free_page(pages[i]);
	}
	KTEST_EXPECT_EQ(t, bad, 0);
	kfree(rqs);
}

static void requests_outside_the_device_are_refused(struct ktest *t)
{
	struct block_device *disk = find_disk("scratch", SCRATCH_MAGIC);
	void *page;

	if (!disk)
		KTEST_SKIP(t, "no disk marked " SCRATCH_MAGIC);
	page = alloc_page(GFP_KERNEL);
	KTEST_ASSERT(t, page != NULL);
	KTEST_EXPECT_EQ(t, blk_rw(disk, BLK_READ, disk->nr_sectors, 1, page), -EINVAL);
	KTEST_EXPECT_EQ(t, blk_rw(disk, BLK_READ, disk->nr_sectors - 1, 2, page), -EINVAL);
	KTEST_EXPECT_EQ(t, blk_rw(disk, BLK_READ, 0, 0, page), -EINVAL);
	KTEST_EXPECT_EQ(t, blk_rw(disk, BLK_READ, 0, 1, NULL), -EINVAL);
	KTEST_EXPECT_EQ(t, blk_rw(disk, BLK_READ, disk->nr_sectors - 1, 1, page), 0);
	free_page(page);
}

static void readonly_disk_refuses_writes(struct ktest *t)
{
	struct block_device *disk = find_disk("read-only", READONLY_MAGIC);
	void *page;

	if (!disk)
		KTEST_SKIP(t, "no disk marked " READONLY_MAGIC);
	page = alloc_page(GFP_KERNEL);
	KTEST_ASSERT(t, page != NULL);
	KTEST_EXPECT(t, disk->read_only);
	KTEST_EXPECT_EQ(t, blk_rw(disk, BLK_READ, 0, 1, page), 0);
	KTEST_EXPECT_EQ(t, blk_rw(disk, BLK_WRITE, 0, 1, page), -EROFS);
	KTEST_EXPECT_EQ(t, blk_rw(disk, BLK_WRITE, 8, 8, page), -EROFS);
	KTEST_EXPECT_EQ(t, READ_ONCE(disk->in_flight), 0);
	free_page(page);
}

struct part_check {
	struct ktest *t;
	void *a, *b;
	unsigned int partitions;
};

/* Each partition lies on its disk, and reading it reads its disk at its start. */
static void check_partition(struct block_device *part, void *arg)
{
	struct part_check *c = arg;
	struct ktest *t = c->t;

	if (!part->partno)
		return;
	c->partitions++;
	KTEST_EXPECT(t, part->disk != part && part->disk->partno == 0);
	KTEST_EXPECT_GT(t, part->start, 0);
	KTEST_EXPECT_LE(t, part->start + part->nr_sectors, part->disk->nr_sectors);
	KTEST_EXPECT_EQ(t, part->read_only, part->disk->read_only);
	KTEST_EXPECT_EQ(t, blk_rw(part, BLK_READ, 0, 1, c->a), 0);
	KTEST_EXPECT_EQ(t, blk_rw(part->disk, BLK_READ, part->start, 1, c->b), 0);
	KTEST_EXPECT_EQ(t, memcmp(c->a, c->b, SECTOR_SIZE), 0);
	KTEST_EXPECT_EQ(t, blk_rw(part, BLK_READ, part->nr_sectors, 1, c->a), -EINVAL);
	console_printf("    # block: %s: sectors %llu-%llu of %s\n", part->name,
		       (unsigned long long)part->start,
		       (unsigned long long)(part->start + part->nr_sectors - 1), part->disk->name);
}

static void partitions_lie_on_their_disks(struct ktest *t)
{
	struct part_check c = { t, alloc_page(GFP_KERNEL), alloc_page(GFP_KERNEL), 0 };

	KTEST_ASSERT(t, c.a && c.b);
	blkdev_for_each(check_partition, &c);
	free_page(c.a);
	free_page(c.b);
	if (!c.partitions)
		KTEST_SKIP(t, "no partitions on any disk");
}

/* A buffer written through the cache reaches the disk at sync; a second bread hits. */
static void bcache_write_back_and_hits(struct ktest *t)
{
	struct block_device *disk = find_disk("scratch", SCRATCH_MAGIC);
	struct bcache_stats before, after;
	struct buffer *b;
	u64 blk = (FIRST_SECTOR + NR_REQUESTS * REQUEST_SECTORS) / BCACHE_SECTORS;
	u8 *sector;

	if (!disk)
		KTEST_SKIP(t, "no disk marked " SCRATCH_MAGIC);
	sector = alloc_page(GFP_KERNEL);
	KTEST_ASSERT(t, sector != NULL);
	b = bread(disk, blk);
	KTEST_ASSERT(t, !IS_ERR(b));
	memset(b->data, 0x5a, BCACHE_BLOCK_SIZE);
	mark_buffer_dirty(b);
	brelse(b);
	bcache_get_stats(&before);
	b = bread(disk, blk);
	KTEST_ASSERT(t, !IS_ERR(b));
	bcache_get_stats(&after);
	KTEST_EXPECT_EQ(t, after.hits, before.hits + 1);
	KTEST_EXPECT_EQ(t, after.misses, before.misses);
	KTEST_EXPECT_EQ(t, ((u8 *)b->data)[100], 0x5a);
	brelse(b);
	KTEST_EXPECT_EQ(t, bcache_sync(disk), 0);
	KTEST_EXPECT_EQ(t, blk_rw(disk, BLK_READ, blk * BCACHE_SECTORS + 1, 1, sector), 0);
	KTEST_EXPECT_EQ(t, sector[0], 0x5a);
	KTEST_EXPECT_EQ(t, sector[SECTOR_SIZE - 1], 0x5a);
	KTEST_EXPECT_EQ(t, PTR_ERR(bread(disk, disk->nr_sectors / BCACHE_SECTORS)), -EINVAL);
	free_page(sector);
}

/* More blocks than the cache holds, read twice: every buffer is reused, the data stays right. */
static void bcache_reuses_least_recently_used(struct ktest *t)
{
	struct block_device *disk = find_disk("scratch", SCRATCH_MAGIC);
	unsigned int n = CONFIG_BCACHE_BUFFERS + 16, i, round, bad = 0;
	struct bcache_stats before, after;

	if (!disk || disk->nr_sectors / BCACHE_SECTORS < n + 64)
		KTEST_SKIP(t, "no disk marked " SCRATCH_MAGIC " large enough");
	for (round = 0; round < 2; round++) {
		for (i = 0; i < n; i++) {
			struct buffer *b = (round ? bread : bget)(disk, 64 + i);

			KTEST_ASSERT(t, !IS_ERR(b));
			if (!round) {
				memset(b->data, (u8)i, BCACHE_BLOCK_SIZE);
				mark_buffer_dirty(b);
			} else if (((u8 *)b->data)[BCACHE_BLOCK_SIZE - 1] != (u8)i) {
				bad++;
			}
			brelse(b);
		}
		if (!round) {
			bcache_get_stats(&before);
			KTEST_EXPECT_LE(t, before.buffers, CONFIG_BCACHE_BUFFERS);
		}
	}
	bcache_get_stats(&after);
	KTEST_EXPECT_EQ(t, bad, 0);
	/* The first blocks were evicted by the last ones: read again, they miss. */
	KTEST_EXPECT_GE(t, after.misses - before.misses, 16);
	KTEST_EXPECT_GT(t, after.writebacks, 0);
	KTEST_EXPECT_EQ(t, bcache_sync(disk), 0);
}

KTEST_SUITE(block,
	KTEST_CASE(scratch_write_flush_read_back),
	KTEST_CASE(requests_outside_the_device_are_refused),
	KTEST_CASE(readonly_disk_refuses_writes),
	KTEST_CASE(partitions_lie_on_their_disks),
	KTEST_CASE(bcache_write_back_and_hits),
	KTEST_CASE(bcache_reuses_least_recently_used));
