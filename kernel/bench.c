// SPDX-License-Identifier: MIT
/*
 * Microbenchmark runner: walks the .benches linker section and prints
 * instructions per operation from the instret counter.  Under QEMU
 * -icount shift=0 every figure repeats exactly from run to run.
 */
#include <tern/bench.h>
#include <tern/printk.h>
#include <tern/string.h>

extern const struct bench_def __benches_start[], __benches_end[];

void bench_start(struct bench *b)
{
	b->start = read_instret();
}

void bench_stop(struct bench *b)
{
	b->instructions = read_instret() - b->start;
}

void bench_report(struct bench *b, const char *what, u64 value, const char *unit)
{
	console_printf("bench: %s.%s: %llu %s\n", b->name, what, (unsigned long long)value, unit);
}

int bench_run_all(const char *filter, size_t len)
{
	const struct bench_def *def;
	int ran = 0, failed = 0;

	for (def = __benches_start; def < __benches_end; def++) {
		struct bench b = { .name = def->name, .iterations = def->iterations };

		if (!strlist_contains(filter, len, def->name) || (def->on_request && !len))
			continue;
		def->run(&b);
		ran++;
		if (b.failed) {
			console_printf("bench: %s: FAILED\n", b.name);
			failed++;
		} else if (b.instructions) {
			console_printf("bench: %s: %llu instructions/op\n", b.name,
				       (unsigned long long)(b.instructions / (b.iterations ? b.iterations : 1)));
		}
	}
	console_printf("bench: %d run, %d failed\n", ran, failed);
	return ran ? failed : 1;
}
