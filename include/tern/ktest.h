/* SPDX-License-Identifier: MIT */
/*
 * ktest: in-kernel unit tests, in the manner of Linux's KUnit.
 *
 * Tests live next to the code they test, in a file built only when
 * the KTEST option is on (an obj-$(...KTEST) line in its Makefile):
 *
 *	static void strlen_counts_bytes(struct ktest *t)
 *	{
 *		KTEST_EXPECT_EQ(t, strlen("abc"), 3);
 *	}
 *	KTEST_SUITE(string, KTEST_CASE(strlen_counts_bytes));
 *
 * KTEST_SUITE places a descriptor in the .ktest_suites linker section;
 * booting with "ktest" runs every suite, "ktest=string,fdt" only those,
 * prints KTAP version 1 and powers off with status 0 only if all passed.
 * EXPECT records a failure and continues; ASSERT also ends the case.
 */
#ifndef TERN_KTEST_H
#define TERN_KTEST_H

#include <tern/compiler.h>
#include <tern/types.h>

struct ktest {
	const char *name;
	int failures;			/* failed expectations in this case */
	const char *skip_reason;	/* set by KTEST_SKIP: the case did not apply */
};

struct ktest_case {
	const char *name;
	void (*run)(struct ktest *t);
};

struct ktest_suite {
	const char *name;
	const struct ktest_case *cases;
	size_t nr_cases;
} __aligned(sizeof(void *));

#define KTEST_CASE(fn) { #fn, fn }

#define KTEST_SUITE(sname, ...)						\
	static const struct ktest_case __ktest_cases_##sname[] = { __VA_ARGS__ }; \
	static const struct ktest_suite __ktest_suite_##sname		\
	__used __section(".ktest_suites") = {				\
		#sname, __ktest_cases_##sname,				\
		ARRAY_SIZE(__ktest_cases_##sname)			\
	}

/* Records a failure with a KTAP diagnostic line "# file:line: message". */
void ktest_fail(struct ktest *t, const char *file, int line, const char *fmt, ...)
	__printf(4, 5);

#define KTEST_EXPECT(t, cond) do {					\
	if (!(cond))							\
		ktest_fail(t, __FILE__, __LINE__, "expected %s", #cond); \
} while (0)

#define KTEST_ASSERT(t, cond) do {					\
	if (!(cond)) {							\
		ktest_fail(t, __FILE__, __LINE__, "assertion %s failed", #cond); \
		return;							\
	}								\
} while (0)

/*
 * Ends the case as skipped ("ok N name # SKIP reason" in KTAP): for a case
 * whose hardware this machine lacks (no ns16550a on sifive_u).  The reason
 * says what is missing.  A skip after a failure still reports the failure.
 */
#define KTEST_SKIP(t, reason) do {					\
	(t)->skip_reason = (reason);					\
	return;								\
} while (0)

#define __KTEST_CMP(t, a, op, b) do {					\
	long long __a = (long long)(a), __b = (long long)(b);		\
	if (!(__a op __b))						\
		ktest_fail(t, __FILE__, __LINE__,			\
			   "expected %s " #op " %s, got %lld vs %lld",	\
			   #a, #b, __a, __b);				\
} while (0)

#define KTEST_EXPECT_EQ(t, a, b) __KTEST_CMP(t, a, ==, b)
#define KTEST_EXPECT_NE(t, a, b) __KTEST_CMP(t, a, !=, b)
#define KTEST_EXPECT_LT(t, a, b) __KTEST_CMP(t, a, <, b)
#define KTEST_EXPECT_LE(t, a, b) __KTEST_CMP(t, a, <=, b)
#define KTEST_EXPECT_GT(t, a, b) __KTEST_CMP(t, a, >, b)
#define KTEST_EXPECT_GE(t, a, b) __KTEST_CMP(t, a, >=, b)

#define KTEST_EXPECT_STREQ(t, a, b) do {				\
	const char *__a = (a), *__b = (b);				\
	if (!__a || !__b || strcmp(__a, __b) != 0)			\
		ktest_fail(t, __FILE__, __LINE__,			\
			   "expected %s == %s, got \"%s\" vs \"%s\"",	\
			   #a, #b, __a ? __a : "(null)", __b ? __b : "(null)"); \
} while (0)

/*
 * Runs the suites named in the len bytes at 'filter' (comma-separated;
 * empty for all), printing KTAP.  Returns the number of suites with a
 * failed case, or 1 when no suite matches the filter (asking for nothing
 * is an error).
 */
int ktest_run_all(const char *filter, size_t len);

#endif
