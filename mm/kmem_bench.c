// SPDX-License-Identifier: MIT
/*
 * Object allocator microbenchmarks, the same names for every allocator so
 * the tables line up (scripts/bench.sh):
 *   kmalloc32, kmalloc256, kmalloc2048   kmalloc(n) + kfree in a loop
 *   kmalloc_mixed   a fixed pseudo-random mix of sizes 8..4096 (log-
 *                   uniform) holding up to MIXED_HELD objects; one op is
 *                   one kmalloc or one kfree.  The sequence is drawn
 *                   before the clock starts, so only the allocator counts.
 * Each loop runs once before it is measured, so a slab allocator starts
 * with its slab in place.  Bump reclaims nothing: its runs use up memory
 * (about 3 MiB for all four).
 */
#include <tern/bench.h>
#include <tern/slab.h>

#define MIXED_HELD	512
#define MIXED_OPS	8192

static void alloc_free_loop(struct bench *b, size_t size)
{
	unsigned long i;
	void *p;

	kfree(kmalloc(size, GFP_KERNEL));
	bench_start(b);
	for (i = 0; i < b->iterations; i++) {
		p = kmalloc(size, GFP_KERNEL);
		if (unlikely(!p)) {
			b->failed = true;
			break;
		}
		kfree(p);
	}
	bench_stop(b);
}

static void bench_kmalloc32(struct bench *b)
{
	alloc_free_loop(b, 32);
}
BENCH(kmalloc32, 1000, bench_kmalloc32);

static void bench_kmalloc256(struct bench *b)
{
	alloc_free_loop(b, 256);
}
BENCH(kmalloc256, 1000, bench_kmalloc256);

static void bench_kmalloc2048(struct bench *b)
{
	alloc_free_loop(b, 2048);
}
BENCH(kmalloc2048, 200, bench_kmalloc2048);

/*
 * One op per entry: slot << 16 | size, size 0 meaning "free the slot".
 * An op on a full slot frees it, so the sequence holds what it allocates.
 */
static u32 *mixed_plan(unsigned long ops)
{
	u32 *plan = kmalloc(ops * sizeof(*plan), GFP_KERNEL);
	static bool held[MIXED_HELD];
	unsigned int seed = 12345, slot, shift;
	unsigned long i;

	if (!plan)
		return NULL;
	for (i = 0; i < MIXED_HELD; i++)
		held[i] = false;
	for (i = 0; i < ops; i++) {
		/* A 32-bit LCG; its upper bits pick the slot and the size. */
		seed = seed * 1664525u + 1013904223u;
		slot = (seed >> 16) % MIXED_HELD;
		shift = (seed >> 12) % 10;	/* sizes (4 << shift, 8 << shift] */
		plan[i] = slot << 16;
		if (!held[slot])
			plan[i] |= MAX((4u << shift) + 1 + (seed >> 4) % (4u << shift), 8u);
		held[slot] = !held[slot];
	}
	return plan;
}

static void bench_mixed(struct bench *b)
{
	static void *slots[MIXED_HELD];
	u32 *plan = mixed_plan(b->iterations);
	unsigned long i;

	if (!plan) {
		b->failed = true;
		return;
	}
	bench_start(b);
	for (i = 0; i < b->iterations; i++) {
		unsigned int slot = plan[i] >> 16, size = plan[i] & 0xffff;

		if (!size) {
			kfree(slots[slot]);
			slots[slot] = NULL;
			continue;
		}
		slots[slot] = kmalloc(size, GFP_KERNEL);
		if (unlikely(!slots[slot])) {
			b->failed = true;
			break;
		}
	}
	bench_stop(b);
	for (i = 0; i < MIXED_HELD; i++) {
		kfree(slots[i]);
		slots[i] = NULL;
	}
	kfree(plan);
}
BENCH(kmalloc_mixed, MIXED_OPS, bench_mixed);
