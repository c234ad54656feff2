// SPDX-License-Identifier: MIT
/*
 * Host tests for block/bcache.c, built as it is with CONFIG_BCACHE_BUFFERS
 * 8, over stand-ins for what it calls: a block layer whose one request,
 * blk_rw, reads and writes a heap disk and counts what it did; mutexes
 * that only check they are used in pairs; kmalloc over calloc.  The
 * checks: hits and misses, least-recently-used reuse, write-back of a
 * dirty victim, sync and its flush, failures kept dirty, held buffers
 * never reused.
 */
#include "harness.h"
#include "irqflags_host.h"

#include <stdarg.h>

/* Included whole, so that its static initcall can be called. */
#include "../block/bcache.c"

#define DISK_SECTORS	(64 * BCACHE_SECTORS)

static unsigned char disk_bytes[DISK_SECTORS * SECTOR_SIZE];
static unsigned int reads, writes, flushes;
static bool fail_writes;
static struct power_off_prepare *prepare;

static struct block_device disk = {
	.name = "vda", .nr_sectors = DISK_SECTORS, .disk = &disk, .can_flush = true,
};

int blk_rw(struct block_device *bdev, enum blk_op op, u64 sector, u32 nr_sectors, void *buf)
{
	if (bdev != &disk)
		return -EINVAL;
	if (op == BLK_FLUSH) {
		flushes++;
		return 0;
	}
	if (sector + nr_sectors > DISK_SECTORS || !buf)
		return -EINVAL;
	if (op == BLK_READ) {
		reads++;
		memcpy(buf, disk_bytes + sector * SECTOR_SIZE, nr_sectors * SECTOR_SIZE);
		return 0;
	}
	if (fail_writes)
		return -EIO;
	writes++;
	memcpy(disk_bytes + sector * SECTOR_SIZE, buf, nr_sectors * SECTOR_SIZE);
	return 0;
}

void mutex_init(struct mutex *m)
{
	m->owner = NULL;
}

void mutex_lock(struct mutex *m)
{
	if (m->owner)
		FAIL("mutex_lock of a held mutex: the test would deadlock");
	m->owner = (struct task *)m;
}

void mutex_unlock(struct mutex *m)
{
	if (!m->owner)
		FAIL("mutex_unlock of a free mutex");
	m->owner = NULL;
}

void *kmalloc(size_t size, gfp_t gfp)
{
	return gfp & __GFP_ZERO ? calloc(1, size) : malloc(size);
}

void kfree(const void *p)
{
	free((void *)p);
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	printf("# ");
	n = vprintf(fmt + 2, ap);	/* past the level */
	va_end(ap);
	return n;
}

void register_power_off_prepare(struct power_off_prepare *p)
{
	prepare = p;
}

static void fill_disk(void)
{
	unsigned int i;

	for (i = 0; i < sizeof(disk_bytes); i++)
		disk_bytes[i] = (unsigned char)(i / BCACHE_BLOCK_SIZE);
	bcache_invalidate(&disk);	/* clean copies of the old contents */
	reads = writes = flushes = 0;
	fail_writes = false;
}

/* Reads block n and checks its first byte says n (as fill_disk wrote it). */
static void read_block(unsigned int n)
{
	struct buffer *b = bread(&disk, n);

	if (IS_ERR(b)) {
		FAIL("bread(%u): error %ld", n, PTR_ERR(b));
		return;
	}
	EXPECT_EQ(((unsigned char *)b->data)[0], (unsigned char)n);
	brelse(b);
}

TEST(a_hits_and_misses)
{
	struct bcache_stats before, s;
	unsigned int i;

	fill_disk();
	bcache_invalidate(&disk);
	bcache_get_stats(&before);
	for (i = 0; i < 8; i++)
		read_block(i);
	EXPECT_EQ(reads, 8);
	for (i = 0; i < 8; i++)
		read_block(i);
	EXPECT_EQ(reads, 8);
	bcache_get_stats(&s);
	EXPECT_EQ(s.buffers, 8);	/* grown to CONFIG_BCACHE_BUFFERS, no further */
	EXPECT_EQ(s.misses - before.misses, 8);
	EXPECT_EQ(s.hits - before.hits, 8);
	EXPECT_LOCKS_RELEASED(true);
}

TEST(b_least_recently_used_is_reused)
{
	unsigned int i;

	fill_disk();
	for (i = 0; i < 8; i++)
		read_block(i);
	read_block(0);		/* now 1 is the least recently used */
	reads = 0;
	read_block(20);		/* takes 1's buffer */
	EXPECT_EQ(reads, 1);
	read_block(0);
	read_block(2);
	EXPECT_EQ(reads, 1);	/* still cached */
	read_block(1);
	EXPECT_EQ(reads, 2);	/* was evicted */
}

TEST(c_held_buffers_are_never_reused)
{
	struct buffer *held[8], *b;
	unsigned int i;

	fill_disk();
	for (i = 0; i < 8; i++) {
		held[i] = bread(&disk, 30 + i);
		ASSERT(!IS_ERR(held[i]));
	}
	b = bread(&disk, 40);
	EXPECT_EQ(PTR_ERR(b), -ENOBUFS);
	brelse(held[3]);
	b = bread(&disk, 40);
	ASSERT(!IS_ERR(b));
	EXPECT(b == held[3]);	/* the one released */
	brelse(b);
	for (i = 0; i < 8; i++)
		if (i != 3)
			brelse(held[i]);
	EXPECT_LOCKS_RELEASED(true);
}

TEST(d_dirty_victim_is_written_back_first)
{
	struct buffer *b;
	unsigned int i;

	fill_disk();
	b = bread(&disk, 50);
	ASSERT(!IS_ERR(b));
	memset(b->data, 0xee, BCACHE_BLOCK_SIZE);
	mark_buffer_dirty(b);
	brelse(b);
	EXPECT_EQ(writes, 0);
	for (i = 0; i < 8; i++)		/* pushes block 50 out */
		read_block(i);
	EXPECT_EQ(writes, 1);
	EXPECT_EQ(disk_bytes[50 * BCACHE_BLOCK_SIZE + 7], 0xee);
	reads = 0;
	b = bread(&disk, 50);
	ASSERT(!IS_ERR(b));
	EXPECT_EQ(reads, 1);
	EXPECT_EQ(((unsigned char *)b->data)[9], 0xee);
	brelse(b);
}

TEST(e_sync_writes_dirty_buffers_and_flushes)
{
	struct buffer *b;
	unsigned int i;

	fill_disk();
	for (i = 0; i < 3; i++) {
		b = bget(&disk, 10 + i);
		ASSERT(!IS_ERR(b));
		memset(b->data, 0xa0 + i, BCACHE_BLOCK_SIZE);
		mark_buffer_dirty(b);
		brelse(b);
	}
	EXPECT_EQ(reads, 0);	/* bget does not read */
	EXPECT_EQ(bcache_sync(&disk), 0);
	EXPECT_EQ(writes, 3);
	EXPECT_EQ(flushes, 1);
	for (i = 0; i < 3; i++)
		EXPECT_EQ(disk_bytes[(10 + i) * BCACHE_BLOCK_SIZE], 0xa0 + i);
	EXPECT_EQ(bcache_sync(&disk), 0);	/* nothing dirty: only the flush */
	EXPECT_EQ(writes, 3);
	EXPECT_EQ(flushes, 2);
	EXPECT_LOCKS_RELEASED(true);
}

TEST(f_failed_write_keeps_the_buffer_dirty)
{
	struct buffer *b;
	unsigned int i;

	fill_disk();
	b = bget(&disk, 60);
	ASSERT(!IS_ERR(b));
	memset(b->data, 0x11, BCACHE_BLOCK_SIZE);
	mark_buffer_dirty(b);
	brelse(b);
	fail_writes = true;
	EXPECT_EQ(bcache_sync(&disk), -EIO);
	for (i = 0; i < 8; i++) {	/* block 60's turn to be reused comes */
		b = bread(&disk, i);
		if (IS_ERR(b)) {
			EXPECT_EQ(PTR_ERR(b), -EIO);
			break;
		}
		brelse(b);
	}
	EXPECT(i < 8);			/* a miss failed rather than lose block 60 */
	fail_writes = false;
	EXPECT_EQ(bcache_sync(&disk), 0);
	EXPECT_EQ(disk_bytes[60 * BCACHE_BLOCK_SIZE], 0x11);
}

TEST(g_power_off_syncs)
{
	struct buffer *b;

	fill_disk();
	EXPECT_EQ(bcache_init(), 0);
	ASSERT(prepare != NULL);
	b = bget(&disk, 61);
	ASSERT(!IS_ERR(b));
	memset(b->data, 0x22, BCACHE_BLOCK_SIZE);
	mark_buffer_dirty(b);
	brelse(b);
	prepare->fn(0);
	EXPECT_EQ(disk_bytes[61 * BCACHE_BLOCK_SIZE], 0x22);
	EXPECT_EQ(flushes, 1);
}

TEST(h_blocks_past_the_end_are_refused)
{
	EXPECT_EQ(PTR_ERR(bread(&disk, DISK_SECTORS / BCACHE_SECTORS)), -EINVAL);
	EXPECT_EQ(PTR_ERR(bget(&disk, ~0ULL)), -EINVAL);
}

TEST_MAIN()
