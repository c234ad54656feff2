/* SPDX-License-Identifier: MIT */
/*
 * A tiny unit-test harness for host tests of lib/.
 *
 *	TEST(strlen_counts_bytes)
 *	{
 *		EXPECT_EQ(strlen("abc"), 3);
 *	}
 *	TEST_MAIN()
 *
 * TEST() registers the function before main() runs (a constructor), so a
 * test cannot be forgotten in a list.  EXPECT_* records a failure with its
 * file:line and carries on; ASSERT_* also returns from the test.  The
 * program prints TAP-like "ok N - name" lines, then a summary line
 * "test_foo: P passed, F failed", and exits 1 if anything failed.
 *
 * Include this before tests/rename.h: the helpers below must use the C
 * library's strcmp and memcmp, not the code under test.
 */
#ifndef TESTS_HARNESS_H
#define TESTS_HARNESS_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HARNESS_MAX_TESTS	256
#define HARNESS_MAX_REPORTS	10	/* failure messages shown per test */

struct harness_test {
	const char *name;
	void (*fn)(void);
};

static struct harness_test harness_tests[HARNESS_MAX_TESTS];
static int harness_nr_tests;
static int harness_failures;		/* in the running test */
static int harness_argc;
static char **harness_argv;

static void harness_register(const char *name, void (*fn)(void))
{
	if (harness_nr_tests == HARNESS_MAX_TESTS) {
		fprintf(stderr, "harness: too many tests, raise HARNESS_MAX_TESTS\n");
		exit(2);
	}
	harness_tests[harness_nr_tests].name = name;
	harness_tests[harness_nr_tests].fn = fn;
	harness_nr_tests++;
}

#define TEST(name)							\
	static void name(void);						\
	__attribute__((constructor)) static void harness_reg_##name(void) \
	{								\
		harness_register(#name, name);				\
	}								\
	static void name(void)

__attribute__((format(printf, 3, 4)))
static inline bool harness_fail(const char *file, int line, const char *fmt, ...)
{
	/* Atomic: tests of the allocators fail from several threads. */
	int n = __atomic_add_fetch(&harness_failures, 1, __ATOMIC_RELAXED);
	va_list ap;

	if (n == HARNESS_MAX_REPORTS + 1)
		printf("# (further failures in this test not shown)\n");
	if (n > HARNESS_MAX_REPORTS)
		return false;
	printf("# %s:%d: ", file, line);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	return false;
}

static inline bool harness_check(bool ok, const char *file, int line, const char *what)
{
	return ok || harness_fail(file, line, "expected %s", what);
}

/* Compares as unsigned long long: -1 and 0xffffffff are different values. */
static inline bool harness_eq(unsigned long long a, unsigned long long b, const char *file,
		       int line, const char *as, const char *bs)
{
	return a == b || harness_fail(file, line, "expected %s == %s, got %lld (%#llx) vs %lld (%#llx)",
				      as, bs, (long long)a, a, (long long)b, b);
}

static inline bool harness_streq(const char *a, const char *b, const char *file, int line,
			  const char *as, const char *bs)
{
	if (a && b && strcmp(a, b) == 0)
		return true;
	return harness_fail(file, line, "expected %s == %s, got \"%s\" vs \"%s\"", as, bs,
			    a ? a : "(null)", b ? b : "(null)");
}

static inline bool harness_memeq(const void *a, const void *b, size_t n, const char *file,
			  int line, const char *as, const char *bs)
{
	return memcmp(a, b, n) == 0 ||
	       harness_fail(file, line, "expected %zu bytes of %s == %s", n, as, bs);
}

/* A whole file in a malloc'ed buffer (*size bytes; 0 if unreadable), or NULL if it cannot be opened. */
static inline unsigned char *harness_load_file(const char *path, size_t *size)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf;
	long n;

	if (!f)
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	buf = malloc(n > 0 ? (size_t)n : 1);
	if (n < 0 || fread(buf, 1, (size_t)n, f) != (size_t)n)
		n = 0;
	fclose(f);
	*size = (size_t)n;
	return buf;
}

/*
 * A reproducible random number below bound from *state (xorshift64*),
 * the same on every host; each test keeps and seeds its own state.
 */
static inline unsigned int harness_rnd(unsigned long long *state, unsigned int bound)
{
	*state ^= *state >> 12;
	*state ^= *state << 25;
	*state ^= *state >> 27;
	return (unsigned int)((*state * 2685821657736338717ULL) >> 33) % bound;
}

#define EXPECT(c)		harness_check(!!(c), __FILE__, __LINE__, #c)
#define EXPECT_EQ(a, b)		harness_eq((a), (b), __FILE__, __LINE__, #a, #b)
#define EXPECT_STREQ(a, b)	harness_streq((a), (b), __FILE__, __LINE__, #a, #b)
#define EXPECT_MEMEQ(a, b, n)	harness_memeq((a), (b), (n), __FILE__, __LINE__, #a, #b)
#define FAIL(...)		harness_fail(__FILE__, __LINE__, __VA_ARGS__)

#define ASSERT(c)		do { if (!EXPECT(c)) return; } while (0)
#define ASSERT_EQ(a, b)		do { if (!EXPECT_EQ(a, b)) return; } while (0)

/* "dir/test_string.c" -> "test_string" */
static void harness_print_name(const char *file)
{
	const char *base = strrchr(file, '/');
	const char *dot;

	base = base ? base + 1 : file;
	dot = strrchr(base, '.');
	printf("%.*s", dot ? (int)(dot - base) : (int)strlen(base), base);
}

static int harness_main(const char *file, int argc, char **argv)
{
	int i, failed = 0;

	harness_argc = argc;
	harness_argv = argv;
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("1..%d\n", harness_nr_tests);
	for (i = 0; i < harness_nr_tests; i++) {
		harness_failures = 0;
		harness_tests[i].fn();
		if (harness_failures)
			failed++;
		printf("%sok %d - %s\n", harness_failures ? "not " : "", i + 1,
		       harness_tests[i].name);
	}
	harness_print_name(file);
	printf(": %d passed, %d failed\n", harness_nr_tests - failed, failed);
	return failed ? 1 : 0;
}

#define TEST_MAIN()							\
	int main(int argc, char **argv)					\
	{								\
		return harness_main(__FILE__, argc, argv);		\
	}

#endif
