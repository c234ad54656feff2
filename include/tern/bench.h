/* SPDX-License-Identifier: MIT */
/*
 * In-kernel microbenchmarks, counted in retired instructions so the figures
 * repeat exactly under QEMU -icount shift=0 ('make bench').
 *
 *	static void bench_page_alloc(struct bench *b)
 *	{
 *		unsigned long i;
 *
 *		bench_start(b);
 *		for (i = 0; i < b->iterations; i++)
 *			free_page(alloc_page(GFP_KERNEL));
 *		bench_stop(b);
 *	}
 *	BENCH(pgalloc_order0, 1000, bench_page_alloc);
 *
 * Booting with "bench" runs all (but BENCH_ON_REQUEST ones), "bench=name,..."
 * the named ones; each prints
 *	bench: <name>: <instructions per iteration> instructions/op
 * A benchmark may report extra figures with bench_report().
 */
#ifndef TERN_BENCH_H
#define TERN_BENCH_H

#include <tern/compiler.h>
#include <tern/types.h>

struct bench {
	const char *name;
	unsigned long iterations;
	u64 start, instructions;	/* set by bench_start/bench_stop */
	bool failed;			/* the benchmark could not run (e.g. no memory) */
};

struct bench_def {
	const char *name;
	unsigned long iterations;
	void (*run)(struct bench *b);
	bool on_request;	/* runs only when "bench=" names it */
} __aligned(sizeof(void *));

#define BENCH(bname, iters, fn)						\
	static const struct bench_def __bench_##bname			\
	__used __section(".benches") = { #bname, iters, fn, false }

/* A benchmark that plain "bench" skips: too slow, or unsafe on some machines. */
#define BENCH_ON_REQUEST(bname, iters, fn)				\
	static const struct bench_def __bench_##bname			\
	__used __section(".benches") = { #bname, iters, fn, true }

void bench_start(struct bench *b);
void bench_stop(struct bench *b);

/* Prints "bench: <b->name>.<what>: <value> <unit>". */
void bench_report(struct bench *b, const char *what, u64 value, const char *unit);

/* Runs the benchmarks named in the len bytes at filter (comma-separated; empty for all). */
int bench_run_all(const char *filter, size_t len);

/* Retired instructions since reset (the instret counter). */
u64 read_instret(void);

#endif
