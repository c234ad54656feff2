// SPDX-License-Identifier: MIT
/*
 * ktest runner: walks the .ktest_suites section and prints KTAP version 1,
 * one subtest block per suite:
 *
 *	KTAP version 1
 *	1..2
 *	    KTAP version 1
 *	    # Subtest: string
 *	    1..3
 *	    ok 1 strlen_counts_bytes
 *	    ok 2 needs_a_uart # SKIP no ns16550a in the device tree
 *	    ...
 *	ok 1 string
 */
#include <stdarg.h>
#include <tern/ktest.h>
#include <tern/sched.h>
#include <tern/printf.h>
#include <tern/printk.h>
#include <tern/string.h>

extern const struct ktest_suite __ktest_suites_start[], __ktest_suites_end[];

void ktest_fail(struct ktest *t, const char *file, int line, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vscnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	console_printf("    # %s: %s:%d: %s\n", t->name, file, line, msg);
	t->failures++;
}

/* Runs every case of suite, the index'th of the run; true if all passed. */
static bool run_suite(const struct ktest_suite *suite, int index)
{
	int failed = 0;
	size_t i;

	console_printf("    KTAP version 1\n    # Subtest: %s\n    1..%u\n",
		       suite->name, (unsigned int)suite->nr_cases);
	for (i = 0; i < suite->nr_cases; i++) {
		struct ktest t = { .name = suite->cases[i].name };

		suite->cases[i].run(&t);
		if (!t.failures && t.skip_reason)
			console_printf("    ok %u %s # SKIP %s\n", (unsigned int)i + 1,
				       t.name, t.skip_reason);
		else
			console_printf("    %sok %u %s\n", t.failures ? "not " : "",
				       (unsigned int)i + 1, t.name);
		failed += t.failures != 0;
	}
	console_printf("%sok %d %s\n", failed ? "not " : "", index, suite->name);
	return failed == 0;
}

#define QUIESCE_POLLS_MAX	1000	/* msleep(1) polls for stray threads to exit */

/*
 * Each suite starts with the threads of the last one gone: threads on
 * other harts may still be exiting when a test returns, and a suite that
 * counts free memory must not see their stacks come back.
 */
static void wait_for_stray_threads(void)
{
	unsigned int polls;

	for (polls = 0; polls < QUIESCE_POLLS_MAX && sched_nr_threads(); polls++)
		msleep(1);
	msleep(1);	/* the last one's stack is freed just after it leaves the list */
}

int ktest_run_all(const char *filter, size_t len)
{
	const struct ktest_suite *s;
	int total = 0, index = 0, failed = 0;

	for (s = __ktest_suites_start; s < __ktest_suites_end; s++)
		total += strlist_contains(filter, len, s->name);
	console_printf("KTAP version 1\n1..%d\n", total);
	for (s = __ktest_suites_start; s < __ktest_suites_end; s++)
		if (strlist_contains(filter, len, s->name)) {
			wait_for_stray_threads();
			failed += !run_suite(s, ++index);
		}
	if (!total)
		console_printf("# no ktest suite matches \"%.*s\"\n", (int)len, filter ? filter : "");
	console_printf("# ktest: %d suites, %d passed, %d failed\n", total, total - failed, failed);
	return total ? failed : 1;
}
