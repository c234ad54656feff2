// SPDX-License-Identifier: MIT
/*
 * Block layer benchmarks ('make bench' boots them with a scratch disk,
 * scripts/test-disks.sh), in retired instructions of the CPU that
 * submits and waits: the driver's and the block layer's cost, not the
 * device's (QEMU's work is not the guest's).
 *   blk_seq     sequential reads and writes of 2 MiB on the scratch disk
 *               in 4 KiB and 64 KiB requests, 1 or 8 in flight:
 *               blk_seq.<read|write>_<4k|64k>_qd<1|8> in instructions/KiB
 *   bcache_hit  bread + brelse of a block already in the buffer cache
 * Without a disk whose sector 0 says TERN-KTEST-SCRATCH they print so
 * and measure nothing.
 *
 * Under QEMU -icount the instret counter follows virtual time, and QEMU
 * completes disk requests on a host thread: the time a waiter spends
 * idle until the completion comes is counted too, and varies from run to
 * run.  So each run reports two figures:
 *   .cpu     with interrupts off, instructions per KiB in blk_submit and
 *            in the polls of the driver that completed something (the
 *            block layer, the driver, the queue, the doorbell, taking
 *            the completions): the CPU's own work, which repeats; it
 *            leaves out the interrupt entry and the waiter's wake-up;
 *   .total   interrupt-driven, everything from the first submit to the
 *            last completion per KiB, idle waiting included: the lowest
 *            of REPEATS runs, an upper bound that varies between runs.
 */
#include <tern/bench.h>
#include <tern/blkdev.h>
#include <tern/buffer.h>
#include <tern/err.h>
#include <tern/irqflags.h>
#include <tern/pgalloc.h>
#include <tern/printf.h>
#include <tern/printk.h>
#include <tern/string.h>

#define SCRATCH_MAGIC	"TERN-KTEST-SCRATCH"
#define SPAN_KIB	2048
#define FIRST_SECTOR	2048	/* 1 MiB in: past the marker */
#define MAX_QD		8
#define BUF_ORDER	4	/* 64 KiB */
#define REPEATS		5

static void find_scratch(struct block_device *b, void *arg)
{
	struct block_device **found = arg;
	void *page;

	if (*found || b->partno || b->read_only)
		return;
	page = alloc_page(GFP_KERNEL);
	if (page && !blk_rw(b, BLK_READ, 0, 1, page) &&
	    !memcmp(page, SCRATCH_MAGIC, sizeof(SCRATCH_MAGIC) - 1))
		*found = b;
	if (page)
		free_page(page);
}

static struct block_device *scratch_disk(const char *bench)
{
	struct block_device *disk = NULL;

	blkdev_for_each(find_scratch, &disk);
	if (!disk || disk->nr_sectors < FIRST_SECTOR + SPAN_KIB * 2)
		console_printf("bench: %s: no scratch disk of 3 MiB or more: nothing measured\n",
			       bench);
	return disk && disk->nr_sectors >= FIRST_SECTOR + SPAN_KIB * 2 ? disk : NULL;
}

static unsigned int completed;

static void count_completion(struct blk_request *rq)
{
	(void)rq;
	__atomic_fetch_add(&completed, 1, __ATOMIC_RELAXED);
}

/*
 * Waits, interrupts off, until qd requests completed; adds to *cpu the
 * instructions of the polls that completed something.
 */
static void poll_until(struct block_device *disk, unsigned int qd, u64 *cpu)
{
	while (READ_ONCE(completed) < qd) {
		unsigned int before = READ_ONCE(completed);
		u64 t0 = read_instret();

		disk->ops->poll(disk);
		if (READ_ONCE(completed) != before)
			*cpu += read_instret() - t0;
	}
}

/*
 * SPAN_KIB of op in requests of kib KiB, qd at a time: 0 or -errno.
 * With cpu, interrupts are off and polled, and *cpu grows by the
 * instructions of submitting and completing.
 */
static int run_seq(struct block_device *disk, enum blk_op op, unsigned int kib,
		   unsigned int qd, void **bufs, u64 *cpu)
{
	struct blk_request rqs[MAX_QD];
	unsigned int done_kib, i;
	int err = 0;

	for (done_kib = 0; done_kib < SPAN_KIB && !err; done_kib += kib * qd) {
		completed = 0;
		for (i = 0; i < qd; i++) {
			rqs[i] = (struct blk_request){
				.op = op, .nr_sectors = kib * 2, .buf = bufs[i],
				.sector = FIRST_SECTOR + (u64)(done_kib + i * kib) * 2,
				.end_io = count_completion,
			};
			u64 t0 = read_instret();

			err = blk_submit(disk, &rqs[i]);
			if (cpu)
				*cpu += read_instret() - t0;
			if (err)
				return err;
		}
		if (cpu)
			poll_until(disk, qd, cpu);
		else
			wait_event(&disk->wait, READ_ONCE(completed) == qd);
		for (i = 0; i < qd; i++)
			err = err ? err : rqs[i].status;
	}
	return err;
}

static void bench_blk_seq(struct bench *b)
{
	static const struct { enum blk_op op; unsigned int kib, qd; const char *name; } runs[] = {
		{ BLK_WRITE, 4, 1, "write_4k_qd1" }, { BLK_WRITE, 4, 8, "write_4k_qd8" },
		{ BLK_WRITE, 64, 1, "write_64k_qd1" }, { BLK_WRITE, 64, 8, "write_64k_qd8" },
		{ BLK_READ, 4, 1, "read_4k_qd1" }, { BLK_READ, 4, 8, "read_4k_qd8" },
		{ BLK_READ, 64, 1, "read_64k_qd1" }, { BLK_READ, 64, 8, "read_64k_qd8" },
	};
	struct block_device *disk = scratch_disk(b->name);
	void *bufs[MAX_QD];
	unsigned int i, r;

	if (!disk)
		return;
	for (i = 0; i < MAX_QD; i++) {
		bufs[i] = alloc_pages(GFP_KERNEL | __GFP_ZERO, BUF_ORDER);
		if (!bufs[i]) {
			b->failed = true;
			while (i--)
				free_pages(bufs[i], BUF_ORDER);
			return;
		}
	}
	for (r = 0; r < ARRAY_SIZE(runs) && !b->failed; r++) {
		u64 best = ~0ULL, cpu = 0;
		unsigned long flags;
		unsigned int rep;
		char what[32];

		flags = local_irq_save();
		if (run_seq(disk, runs[r].op, runs[r].kib, runs[r].qd, bufs, &cpu))
			b->failed = true;
		local_irq_restore(flags);
		for (rep = 0; rep < REPEATS && !b->failed; rep++) {
			bench_start(b);
			if (run_seq(disk, runs[r].op, runs[r].kib, runs[r].qd, bufs, NULL))
				b->failed = true;
			bench_stop(b);
			if (b->instructions < best)
				best = b->instructions;
		}
		snprintf(what, sizeof(what), "%s.cpu", runs[r].name);
		bench_report(b, what, cpu / SPAN_KIB, "instructions/KiB");
		snprintf(what, sizeof(what), "%s.total", runs[r].name);
		bench_report(b, what, best / SPAN_KIB, "instructions/KiB");
	}
	b->instructions = 0;	/* the figures are the reports above */
	for (i = 0; i < MAX_QD; i++)
		free_pages(bufs[i], BUF_ORDER);
}
BENCH(blk_seq, 1, bench_blk_seq);

static void bench_bcache_hit(struct bench *b)
{
	struct block_device *disk = scratch_disk(b->name);
	struct buffer *buf;
	unsigned long i;

	if (!disk)
		return;
	buf = bread(disk, FIRST_SECTOR / BCACHE_SECTORS);
	if (IS_ERR(buf)) {
		b->failed = true;
		return;
	}
	brelse(buf);
	bench_start(b);
	for (i = 0; i < b->iterations; i++)
		brelse(bread(disk, FIRST_SECTOR / BCACHE_SECTORS));
	bench_stop(b);
}
BENCH(bcache_hit, 1000, bench_bcache_hit);
