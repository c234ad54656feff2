// SPDX-License-Identifier: MIT
/*
 * The buffer cache (<tern/buffer.h>).
 *
 * Up to CONFIG_BCACHE_BUFFERS buffers, allocated as needed and never
 * freed.  Each is in one hash bucket (by device and block) and in the
 * LRU list, most recently released first.  A miss takes the least
 * recently released buffer nobody holds: a clean one is given the new
 * block at once; a dirty one is first written back (holding a reference
 * and its lock, with bcache_lock dropped), then the lookup starts over,
 * since the block may have been read by someone else meanwhile.  A
 * write-back that fails leaves the buffer dirty where it was, so the
 * next miss tries it again: a disk that fails every write makes misses
 * fail too (-EIO), rather than lose data.
 *
 * Locking: bcache_lock (a spinlock, interrupts off) guards identities,
 * reference counts, the lists and the statistics; a buffer's mutex
 * guards its data and flags while referenced.  Order: a buffer's mutex,
 * then bcache_lock; never sleep holding bcache_lock.
 */
#include <tern/buffer.h>
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/init.h>
#include <tern/printk.h>
#include <tern/reboot.h>
#include <tern/slab.h>
#include <tern/spinlock.h>

#define BCACHE_HASH_BITS	6
#define BCACHE_HASH_SIZE	(1u << BCACHE_HASH_BITS)

static spinlock_t bcache_lock = SPINLOCK_INIT;
static struct list_head bcache_hash[BCACHE_HASH_SIZE];	/* bcache_lock */
static LIST_HEAD(bcache_lru);				/* bcache_lock */
static struct bcache_stats stats;			/* bcache_lock */
static bool bcache_ready;				/* hash heads initialised */

static unsigned int hash_of(const struct block_device *bdev, u64 blocknr)
{
	u64 h = (u64)(uintptr_t)bdev * 0x9e3779b97f4a7c15ULL ^ blocknr * 0xff51afd7ed558ccdULL;

	return (unsigned int)(h >> 32) & (BCACHE_HASH_SIZE - 1);
}

static void bcache_init_once(void)
{
	unsigned int i;

	if (bcache_ready)
		return;
	for (i = 0; i < BCACHE_HASH_SIZE; i++)
		INIT_LIST_HEAD(&bcache_hash[i]);
	bcache_ready = true;
}

/* With bcache_lock held: the buffer of (bdev, blocknr), or NULL. */
static struct buffer *lookup(struct block_device *bdev, u64 blocknr)
{
	struct buffer *b;

	list_for_each_entry(b, &bcache_hash[hash_of(bdev, blocknr)], hash)
		if (b->bdev == bdev && b->blocknr == blocknr)
			return b;
	return NULL;
}

/* With bcache_lock held: the least recently released unreferenced buffer. */
static struct buffer *lru_victim(void)
{
	struct buffer *b;

	for (b = list_entry(bcache_lru.prev, struct buffer, lru); &b->lru != &bcache_lru;
	     b = list_entry(b->lru.prev, struct buffer, lru))
		if (!b->refcount)
			return b;
	return NULL;
}

/* A new buffer holding no block, or NULL. */
static struct buffer *buffer_alloc(void)
{
	struct buffer *b = kzalloc(sizeof(*b), GFP_KERNEL);

	if (!b)
		return NULL;
	b->data = kmalloc(BCACHE_BLOCK_SIZE, GFP_KERNEL);
	if (!b->data) {
		kfree(b);
		return NULL;
	}
	mutex_init(&b->lock);
	INIT_LIST_HEAD(&b->hash);
	return b;
}

static void buffer_put(struct buffer *b, bool touch);

static int buffer_io(struct buffer *b, enum blk_op op)
{
	return blk_rw(b->bdev, op, b->blocknr * BCACHE_SECTORS, BCACHE_SECTORS, b->data);
}

/* Writes back victim, an unreferenced dirty buffer, dropping bcache_lock: 0 or -errno. */
static int write_back_victim(struct buffer *victim, unsigned long flags)
{
	int err;

	victim->refcount++;
	stats.writebacks++;
	spin_unlock_irqrestore(&bcache_lock, flags);
	mutex_lock(&victim->lock);
	err = bwrite(victim);
	if (err)
		pr_err("bcache: %s block %llu: write-back failed (error %d), kept dirty\n",
		       victim->bdev->name, (unsigned long long)victim->blocknr, err);
	mutex_unlock(&victim->lock);
	buffer_put(victim, false);
	return err;
}

/*
 * With bcache_lock held, for a block not in the cache: an unreferenced
 * buffer taken out of its bucket, or NULL after dropping bcache_lock,
 * with *grown a new buffer to add, NULL (a dirty victim was written
 * back: look again), or ERR_PTR(-errno) (no memory, every buffer held,
 * or the write-back failed).
 */
static struct buffer *find_room(unsigned long flags, struct buffer **grown)
{
	struct buffer *b;

	*grown = NULL;
	if (stats.buffers < CONFIG_BCACHE_BUFFERS) {
		stats.buffers++;	/* reserved: allocated without the lock */
		spin_unlock_irqrestore(&bcache_lock, flags);
		*grown = buffer_alloc();
		if (*grown)
			return NULL;
		flags = spin_lock_irqsave(&bcache_lock);
		stats.buffers--;
		spin_unlock_irqrestore(&bcache_lock, flags);
		*grown = ERR_PTR(-ENOMEM);
		return NULL;
	}
	b = lru_victim();
	if (b && (b->flags & BUF_DIRTY)) {
		int err = write_back_victim(b, flags);

		if (err)
			*grown = ERR_PTR(err);
		return NULL;
	}
	if (b) {
		stats.evictions++;
		list_del_init(&b->hash);
		b->flags = 0;
		return b;
	}
	spin_unlock_irqrestore(&bcache_lock, flags);
	*grown = ERR_PTR(-ENOBUFS);
	return NULL;
}

/* The referenced, locked buffer for the block; its flags say whether it holds it. */
static struct buffer *get_buffer(struct block_device *bdev, u64 blocknr)
{
	struct buffer *b, *grown = NULL;
	unsigned long flags;

	if (blocknr >= bdev->nr_sectors / BCACHE_SECTORS)
		return ERR_PTR(-EINVAL);
	for (;;) {
		flags = spin_lock_irqsave(&bcache_lock);
		bcache_init_once();
		if (grown)
			list_add_tail(&grown->lru, &bcache_lru);
		b = lookup(bdev, blocknr);
		if (b) {
			stats.hits++;
			break;
		}
		b = find_room(flags, &grown);
		if (IS_ERR(grown))
			return grown;
		if (!b)
			continue;	/* bcache_lock was dropped: look again */
		stats.misses++;
		b->bdev = bdev;
		b->blocknr = blocknr;
		list_add(&b->hash, &bcache_hash[hash_of(bdev, blocknr)]);
		break;
	}
	b->refcount++;
	spin_unlock_irqrestore(&bcache_lock, flags);
	mutex_lock(&b->lock);
	return b;
}

struct buffer *bget(struct block_device *bdev, u64 blocknr)
{
	return get_buffer(bdev, blocknr);
}

struct buffer *bread(struct block_device *bdev, u64 blocknr)
{
	struct buffer *b = get_buffer(bdev, blocknr);
	int err;

	if (IS_ERR(b) || (b->flags & BUF_UPTODATE))
		return b;
	err = buffer_io(b, BLK_READ);
	if (err) {
		brelse(b);
		return ERR_PTR(err);
	}
	b->flags |= BUF_UPTODATE;
	return b;
}

void mark_buffer_dirty(struct buffer *b)
{
	b->flags |= BUF_DIRTY | BUF_UPTODATE;
}

int bwrite(struct buffer *b)
{
	int err;

	if (!(b->flags & BUF_DIRTY))
		return 0;
	err = buffer_io(b, BLK_WRITE);
	if (!err)
		b->flags &= ~BUF_DIRTY;
	return err;
}

/*
 * Drops a reference; the last one of a user (touch) makes b the most
 * recently released; write-back and sync leave its place as it was.
 */
static void buffer_put(struct buffer *b, bool touch)
{
	unsigned long flags = spin_lock_irqsave(&bcache_lock);

	if (!--b->refcount && touch) {
		list_del(&b->lru);
		list_add(&b->lru, &bcache_lru);
	}
	spin_unlock_irqrestore(&bcache_lock, flags);
}

void brelse(struct buffer *b)
{
	mutex_unlock(&b->lock);
	buffer_put(b, true);
}

/* With bcache_lock held: a dirty buffer of bdev (any if NULL), referenced; or NULL. */
static struct buffer *next_dirty(struct block_device *bdev, struct buffer *after)
{
	struct list_head *pos = after ? after->lru.next : bcache_lru.next;

	for (; pos != &bcache_lru; pos = pos->next) {
		struct buffer *b = list_entry(pos, struct buffer, lru);

		if (b->bdev && (!bdev || b->bdev == bdev) &&
		    __atomic_load_n(&b->flags, __ATOMIC_RELAXED) & BUF_DIRTY) {
			b->refcount++;
			return b;
		}
	}
	return NULL;
}

#define SYNC_MAX_DISKS	16

/*
 * Walks the LRU list holding a reference on the buffer it stands on, so
 * that buffer is not reused meanwhile and keeps its place.  Buffers
 * released by users meanwhile move to the front and may be skipped:
 * they were changed after the sync began.
 */
int bcache_sync(struct block_device *bdev)
{
	struct block_device *disks[SYNC_MAX_DISKS];
	unsigned int nr_disks = 0, i;
	struct buffer *b, *prev = NULL;
	unsigned long flags;
	int err = 0, e;

	flags = spin_lock_irqsave(&bcache_lock);
	bcache_init_once();
	while ((b = next_dirty(bdev, prev))) {
		spin_unlock_irqrestore(&bcache_lock, flags);
		if (prev)
			buffer_put(prev, false);
		mutex_lock(&b->lock);
		e = bwrite(b);
		if (e && !err)
			err = e;
		for (i = 0; i < nr_disks && disks[i] != b->bdev->disk; i++)
			;
		if (i == nr_disks && nr_disks < SYNC_MAX_DISKS)
			disks[nr_disks++] = b->bdev->disk;
		mutex_unlock(&b->lock);
		prev = b;
		flags = spin_lock_irqsave(&bcache_lock);
	}
	spin_unlock_irqrestore(&bcache_lock, flags);
	if (prev)
		buffer_put(prev, false);
	if (bdev && !nr_disks)
		disks[nr_disks++] = bdev->disk;
	for (i = 0; i < nr_disks; i++) {
		e = blk_rw(disks[i], BLK_FLUSH, 0, 0, NULL);
		if (e && !err)
			err = e;
	}
	return err;
}

void bcache_invalidate(struct block_device *bdev)
{
	unsigned long flags = spin_lock_irqsave(&bcache_lock);
	struct buffer *b;

	bcache_init_once();
	list_for_each_entry(b, &bcache_lru, lru) {
		if (b->bdev == bdev && !b->refcount && !(b->flags & BUF_DIRTY)) {
			list_del_init(&b->hash);
			b->bdev = NULL;
			b->flags = 0;
		}
	}
	spin_unlock_irqrestore(&bcache_lock, flags);
}

void bcache_get_stats(struct bcache_stats *s)
{
	unsigned long flags = spin_lock_irqsave(&bcache_lock);

	*s = stats;
	spin_unlock_irqrestore(&bcache_lock, flags);
}

static void bcache_sync_at_power_off(int status)
{
	int err = bcache_sync(NULL);

	(void)status;
	if (err)
		pr_err("bcache: sync before power-off failed: error %d\n", err);
}

static struct power_off_prepare bcache_power_off = {
	.fn = bcache_sync_at_power_off,
	.name = "bcache",
};

static int bcache_init(void)
{
	register_power_off_prepare(&bcache_power_off);
	return 0;
}
subsys_initcall(bcache_init);
