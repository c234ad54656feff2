// SPDX-License-Identifier: MIT
#include <tern/bench.h>
#include <tern/memblock.h>
#include <tern/mm.h>

/*
 * Start-up cost, measured once at boot: 'make bench' boots with several
 * -m sizes to show how it grows with RAM.
 */
static void bench_mm_init(struct bench *b)
{
	bench_report(b, "memory_mib", memblock_total_memory() >> 20, "MiB");
	bench_report(b, "pgalloc_init", mm_init_pgalloc_instructions, "instructions");
	bench_report(b, "kmem_init", mm_init_kmem_instructions, "instructions");
}
BENCH(mm_init, 1, bench_mm_init);
