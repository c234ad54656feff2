// SPDX-License-Identifier: MIT
/*
 * Page allocator microbenchmarks, the same names for every allocator so
 * the tables line up (scripts/bench.sh):
 *   pgalloc_alloc0  alloc_page alone (the frees happen untimed, afterwards)
 *   pgalloc_order0  alloc_page + free_page
 *   pgalloc_order3  an order-3 alloc_pages + free_pages
 *   pgalloc_mixed   a fixed pseudo-random mix of orders 0..4, holding up
 *                   to MIXED_HELD blocks (half that on average); one op is
 *                   one alloc or one free, the generator's few instructions
 *                   included.  Then, with the blocks still held, it reports
 *                   largest free block * 1000 / free pages.
 * The bump allocator never gets freed pages back, so each benchmark
 * rewinds it afterwards (a test hook) to leave memory for the next.
 */
#include <tern/bench.h>
#include <tern/pgalloc.h>

#include "pgalloc_bump.h"

#define MIXED_HELD	256
#define MIXED_OPS	4096

static struct pgalloc_bump_mark bench_mark;

static void bench_begin(void)
{
	if (IS_ENABLED(CONFIG_PGALLOC_BUMP))
		bench_mark = pgalloc_bump_mark();
}

static void bench_end(void)
{
	if (IS_ENABLED(CONFIG_PGALLOC_BUMP))
		pgalloc_bump_rewind(bench_mark);
}

static void alloc_free_loop(struct bench *b, unsigned int order)
{
	unsigned long i;
	void *p;

	bench_begin();
	bench_start(b);
	for (i = 0; i < b->iterations; i++) {
		p = alloc_pages(GFP_KERNEL, order);
		if (unlikely(!p)) {
			b->failed = true;
			break;
		}
		free_pages(p, order);
	}
	bench_stop(b);
	bench_end();
}

#define ALLOC_ONLY	512

static void *alloc_only[ALLOC_ONLY];

static void bench_alloc0(struct bench *b)
{
	unsigned long i, n;

	bench_begin();
	bench_start(b);
	for (n = 0; n < ALLOC_ONLY; n++) {
		alloc_only[n] = alloc_page(GFP_KERNEL);
		if (unlikely(!alloc_only[n]))
			break;
	}
	bench_stop(b);
	b->failed = n < ALLOC_ONLY;
	for (i = 0; i < n; i++)
		free_page(alloc_only[i]);
	bench_end();
}
BENCH(pgalloc_alloc0, ALLOC_ONLY, bench_alloc0);

static void bench_order0(struct bench *b)
{
	alloc_free_loop(b, 0);
}
BENCH(pgalloc_order0, 1000, bench_order0);

static void bench_order3(struct bench *b)
{
	alloc_free_loop(b, 3);
}
BENCH(pgalloc_order3, 1000, bench_order3);

static void *held[MIXED_HELD];
static u8 held_order[MIXED_HELD];

static void bench_mixed(struct bench *b)
{
	unsigned int n = 0, seed = 12345;
	struct pgalloc_stats s;
	unsigned long i;

	bench_begin();
	bench_start(b);
	for (i = 0; i < b->iterations; i++) {
		/*
		 * A 32-bit LCG; its top byte picks alloc (likelier the fewer
		 * blocks are held, so about MIXED_HELD / 2 are) or free.
		 */
		seed = seed * 1664525u + 1013904223u;
		if ((seed >> 24) * MIXED_HELD / 256 >= n) {
			unsigned int order = (seed >> 16) % 5;

			held[n] = alloc_pages(GFP_KERNEL, order);
			if (unlikely(!held[n])) {
				b->failed = true;
				break;
			}
			held_order[n++] = order;
		} else {
			unsigned int victim = (seed >> 16) % n;

			free_pages(held[victim], held_order[victim]);
			n--;
			held[victim] = held[n];
			held_order[victim] = held_order[n];
		}
	}
	bench_stop(b);
	pgalloc_get_stats(&s);
	bench_report(b, "held_blocks", n, "blocks");
	bench_report(b, "largest_free_pages", s.largest_free_order_pages, "pages");
	bench_report(b, "free_pages", s.free_pages, "pages");
	bench_report(b, "fragmentation_permille",
		     s.free_pages ? s.largest_free_order_pages * 1000 / s.free_pages : 0,
		     "permille");
	while (n--)
		free_pages(held[n], held_order[n]);
	bench_end();
}
BENCH(pgalloc_mixed, MIXED_OPS, bench_mixed);
