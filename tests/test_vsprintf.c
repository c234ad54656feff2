// SPDX-License-Identifier: MIT
/*
 * Host tests for lib/vsprintf.c.  Every conversion C defines is compared
 * with the host C library: a table of chosen cases, then a few thousand
 * pseudo-random specifications.  Each comparison also reruns the format
 * into smaller buffers and checks the bytes around the output, so the
 * truncation and return-value rules are covered everywhere.  The cases
 * where Tern chooses its own behaviour (%p, NULL %s, unknown conversions)
 * are checked against fixed strings.
 */
#include <stdint.h>
#include "harness.h"

/* The C library's formatter, captured before rename.h takes the name. */
static int libc_vsnprintf(char *buf, size_t size, const char *fmt, va_list ap)
{
	return vsnprintf(buf, size, fmt, ap);
}

__attribute__((format(printf, 3, 4)))
static int libc_snprintf(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

#include "rename.h"
#include <tern/printf.h>
#include <tern/string.h>

#define BUF_SIZE	600	/* bigger than any output below, with room for guards */
#define GUARD		0x5a	/* fill byte: must survive outside the written part */

static unsigned int rng_state = 88172645u;

static unsigned int rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

static unsigned long long rnd64(void)
{
	return (unsigned long long)rnd() << 32 | rnd();
}

/*
 * Formats into a buffer of 'size' bytes (inside a guarded BUF_SIZE one)
 * with both implementations and compares return values and all bytes.
 */
static bool compare_at_size(const char *file, int line, size_t size, const char *fmt,
			    va_list ap)
{
	char want[BUF_SIZE], got[BUF_SIZE];
	int wn, gn, cn;
	va_list a1, a2, a3;

	memset(want, GUARD, sizeof(want));
	memset(got, GUARD, sizeof(got));
	va_copy(a1, ap);
	va_copy(a2, ap);
	va_copy(a3, ap);
	wn = libc_vsnprintf(want, size, fmt, a1);
	gn = vsnprintf(got, size, fmt, a2);
	cn = vscnprintf(got, size, fmt, a3);
	va_end(a1);
	va_end(a2);
	va_end(a3);
	if (wn != gn || memcmp(want, got, sizeof(got)) != 0)
		return harness_fail(file, line, "format \"%s\" size %zu: want %d \"%s\", got %d \"%s\"",
				    fmt, size, wn, want, gn, got);
	if (cn != (size == 0 ? 0 : wn < (int)size ? wn : (int)size - 1))
		return harness_fail(file, line, "vscnprintf(\"%s\", size %zu) returned %d", fmt,
				    size, cn);
	return true;
}

/* Compares at a full-size buffer and at the truncating sizes around the end. */
static bool check_vfmt(const char *file, int line, const char *fmt, va_list ap)
{
	char tmp[BUF_SIZE];
	size_t sizes[6];
	int n, i;
	va_list aq;

	va_copy(aq, ap);
	n = libc_vsnprintf(tmp, sizeof(tmp), fmt, aq);
	va_end(aq);
	if (n < 0 || n >= BUF_SIZE - 1)
		return harness_fail(file, line, "test case \"%s\" is too long", fmt);
	sizes[0] = BUF_SIZE - 1;
	sizes[1] = 0;
	sizes[2] = 1;
	sizes[3] = n;		/* one short: the last character is dropped */
	sizes[4] = n + 1;	/* exact fit */
	sizes[5] = n / 2 + 1;
	for (i = 0; i < 6; i++) {
		if (!compare_at_size(file, line, sizes[i], fmt, ap))
			return false;
	}
	return true;
}

__attribute__((format(printf, 3, 4)))
static bool check_fmt(const char *file, int line, const char *fmt, ...)
{
	va_list ap;
	bool ok;

	va_start(ap, fmt);
	ok = check_vfmt(file, line, fmt, ap);
	va_end(ap);
	return ok;
}

#define CHECK(...) check_fmt(__FILE__, __LINE__, __VA_ARGS__)

/* Our formatter, with a format gcc must not check (our own extensions). */
static int tern_fmt(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

TEST(plain_text_and_percent)
{
	char buf[4] = "xyz";

	EXPECT_EQ(tern_fmt(buf, sizeof(buf), ""), 0);
	EXPECT_EQ(buf[0], '\0');
	CHECK("hello, world");
	CHECK("100%%");
	CHECK("%%d");
	CHECK("a%cb", 'x');
}

TEST(signed_decimal)
{
	CHECK("%d %i", 0, -0);
	CHECK("%d %d %d", 1, -1, 42);
	CHECK("%d %d", INT32_MAX, INT32_MIN);
	CHECK("%5d|%-5d|%05d|%+d|% d|%+05d|% 05d", 42, 42, 42, 42, 42, 42, 42);
	CHECK("%5d|%-5d|%05d|%+d|% d|%+05d|% 05d", -42, -42, -42, -42, -42, -42, -42);
	CHECK("%.3d|%.0d|%.0d|%5.0d|%-5.3d", 7, 0, 1, 0, -7);
	CHECK("%*d|%-*d|%*d|%.*d|%.*d", 6, 1, 6, 1, -6, 1, 3, 1, -3, 1);
	CHECK("%*.*d|", 8, 4, -12);
	CHECK("%1d|%2d|%20d", 12345, 12345, 12345);
}

/* C defines which flag wins; gcc warns about such formats, so hush it here. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat"
TEST(overridden_flags)
{
	CHECK("%05.3d|%08.0x|%-05d|", 7, 0x12u, 7);		/* precision or '-' beats '0' */
	CHECK("%+ d|% +d|%-+8d|%0-8d|%-08d|", 5, 5, 5, 5, -5);	/* '+' beats ' ' */
	CHECK("%+ 6d|% 06d|%+06d|% -6d|", -5, 5, 5, 5);
}
#pragma GCC diagnostic pop

TEST(length_modifiers)
{
	CHECK("%hhd %hhd %hhu %hhx", 300, -129, 300, -1);
	CHECK("%hd %hd %hu %hx", 70000, -32769, 70000, -1);
	CHECK("%ld %lu %lx", -1L, (unsigned long)-1, (unsigned long)-1);
	CHECK("%lld %llu %llx %llo", -1LL, -1ULL, -1ULL, -1ULL);
	CHECK("%lld %lld", (long long)INT64_MIN, (long long)INT64_MAX);
	CHECK("%llu %llX", 18446744073709551615ULL, 0x123456789abcdefULL);
	CHECK("%zu %zx %zd", (size_t)-1, (size_t)0x1234, (size_t)77);
	CHECK("%td %tu", (ptrdiff_t)-5, (ptrdiff_t)5);
	CHECK("%jd %ju %jx", INTMAX_MIN, UINTMAX_MAX, (uintmax_t)0xdeadbeef);
}

TEST(unsigned_hex_octal_and_alternate_forms)
{
	CHECK("%u %u", 0u, 4294967295u);
	CHECK("%x %X %o", 0xabcdefu, 0xabcdefu, 8u);
	CHECK("%#x %#X %#o", 0xabu, 0xabu, 8u);
	CHECK("%#x|%#o|%#.0o|%#.0x|%.0o", 0u, 0u, 0u, 0u, 0u);
	CHECK("%#08x|%#-8x|%#8x|%08X", 0x1fu, 0x1fu, 0x1fu, 0x1fu);
	CHECK("%#.5o|%#5o|%#05o|%#.1o", 8u, 8u, 8u, 8u);
	CHECK("%#.3x|%#.3x|%#10.4x", 0u, 1u, 0xbeefu);
	CHECK("%#llx %#llo", 0xffffffffffffffffULL, 01777777777777777777777ULL);
}

TEST(chars_and_strings)
{
	CHECK("%c%c%c", 'a', 'b', 'c');
	CHECK("[%5c][%-5c]", 'x', 'y');
	CHECK("[%c]", 0);				/* an embedded NUL is output */
	CHECK("[%c]", 0x1ff);				/* converted to unsigned char */
	CHECK("[%s][%10s][%-10s]", "abc", "abc", "abc");
	CHECK("[%.2s][%.0s][%.10s][%5.1s]", "abc", "abc", "abc", "abc");
	CHECK("[%*s][%-*s][%*s]", 6, "ab", 6, "ab", -6, "ab");
	CHECK("[%.*s][%.*s]", 2, "abcdef", -1, "abcdef");
	CHECK("[%s]", "");
}

/* Precision bounds the read: the string may have no terminator at all. */
TEST(string_precision_does_not_read_past_it)
{
	char *s = malloc(3);
	char buf[8];

	s[0] = 'a';
	s[1] = 'b';
	s[2] = 'c';
	EXPECT_EQ(snprintf(buf, sizeof(buf), "%.3s", s), 3);
	EXPECT_STREQ(buf, "abc");
	free(s);
}

TEST(truncation_and_return_values)
{
	char buf[8];

	memset(buf, 'X', sizeof(buf));
	EXPECT_EQ(snprintf(buf, 0, "hello"), 5);
	EXPECT_EQ(buf[0], 'X');				/* size 0 writes nothing */
	EXPECT_EQ(snprintf(NULL, 0, "%d", 12345), 5);	/* sizing call */
	EXPECT_EQ(snprintf(buf, 1, "hello"), 5);
	EXPECT_EQ(buf[0], '\0');
	EXPECT_EQ(buf[1], 'X');
	EXPECT_EQ(snprintf(buf, 6, "hello"), 5);	/* exact fit */
	EXPECT_STREQ(buf, "hello");
	EXPECT_EQ(snprintf(buf, 5, "hello"), 5);
	EXPECT_STREQ(buf, "hell");

	EXPECT_EQ(scnprintf(buf, sizeof(buf), "%s", "0123456789"), 7);
	EXPECT_STREQ(buf, "0123456");
	EXPECT_EQ(scnprintf(buf, sizeof(buf), "%d", 42), 2);
	EXPECT_EQ(scnprintf(buf, 1, "%d", 42), 0);
	EXPECT_EQ(scnprintf(buf, 0, "%d", 42), 0);
	EXPECT_EQ(scnprintf(NULL, 0, "%d", 42), 0);
}

TEST(pointer_is_prefixed_and_full_width)
{
	char buf[64], want[64];
	int digits = 2 * (int)sizeof(void *);

	libc_snprintf(want, sizeof(want), "0x%0*llx", digits, 0x1234ULL);
	EXPECT_EQ(snprintf(buf, sizeof(buf), "%p", (void *)0x1234), digits + 2);
	EXPECT_STREQ(buf, want);
	libc_snprintf(want, sizeof(want), "0x%0*d", digits, 0);
	snprintf(buf, sizeof(buf), "%p", NULL);
	EXPECT_STREQ(buf, want);
	snprintf(buf, sizeof(buf), "[%*p]", digits + 4, (void *)0xab);
	EXPECT_EQ(strlen(buf), (size_t)digits + 6);
	EXPECT_EQ(buf[1], ' ');
	snprintf(buf, sizeof(buf), "[%-*p]", digits + 4, (void *)0xab);
	EXPECT_EQ(buf[digits + 4], ' ');
	EXPECT_EQ(buf[1], '0');
	snprintf(buf, sizeof(buf), "%p", (void *)UINTPTR_MAX);
	EXPECT_EQ(strspn(buf + 2, "f"), (size_t)digits);
}

TEST(null_string_unknown_conversions_and_ignored_flags)
{
	char buf[64];

	tern_fmt(buf, sizeof(buf), "[%s]", (char *)NULL);
	EXPECT_STREQ(buf, "[(null)]");
	tern_fmt(buf, sizeof(buf), "[%.3s]", (char *)NULL);
	EXPECT_STREQ(buf, "[(nu]");
	EXPECT_EQ(tern_fmt(buf, sizeof(buf), "a%qb"), 4);
	EXPECT_STREQ(buf, "a%qb");
	tern_fmt(buf, sizeof(buf), "%-5lk|%d", 7);
	EXPECT_STREQ(buf, "%-5lk|7");
	tern_fmt(buf, sizeof(buf), "%n", buf);		/* %n writes nothing */
	EXPECT_STREQ(buf, "%n");
	EXPECT_EQ(tern_fmt(buf, sizeof(buf), "abc%"), 4);
	EXPECT_STREQ(buf, "abc%");
	tern_fmt(buf, sizeof(buf), "x%5");
	EXPECT_STREQ(buf, "x%5");
	tern_fmt(buf, sizeof(buf), "%+u|% x|%+o", 5u, 5u, 5u);	/* signs are for %d only */
	EXPECT_STREQ(buf, "5|5|5");
}

TEST(huge_widths_and_precisions)
{
	char buf[16];

	EXPECT_EQ(snprintf(buf, sizeof(buf), "%300d", 1), 300);
	EXPECT_EQ(buf[14], ' ');
	EXPECT_EQ(snprintf(buf, sizeof(buf), "%.300d", 1), 300);
	EXPECT_EQ(buf[0], '0');
	EXPECT_EQ(snprintf(buf, sizeof(buf), "%-300s|", "x"), 301);
	CHECK("%120.100d|%-130.110llx|", -3, 0x1234ULL);
}

/* Picks a random value, cut to a random number of significant bits. */
static unsigned long long random_value(void)
{
	static const unsigned long long edges[] = {
		0, 1, 0x7f, 0x80, 0xff, 0x7fff, 0x8000, 0xffff, 0x7fffffff, 0x80000000,
		0xffffffff, 0x7fffffffffffffffULL, 0x8000000000000000ULL, ~0ULL,
	};
	unsigned int bits = rnd() % 65;

	if (rnd() % 4 == 0)
		return edges[rnd() % (sizeof(edges) / sizeof(edges[0]))];
	return bits == 64 ? rnd64() : rnd64() & ((1ULL << bits) - 1);
}

static void append(char **p, const char *s)
{
	size_t n = strlen(s);

	memcpy(*p, s, n);
	*p += n;
	**p = '\0';
}

/* Calls check_fmt with 0, 1 or 2 leading '*' arguments before v. */
#define CHECK_STARS(stars, a, b, v) do {				\
	if ((stars) == 0)						\
		ok = check_fmt(__FILE__, __LINE__, fmt, v);		\
	else if ((stars) == 1)						\
		ok = check_fmt(__FILE__, __LINE__, fmt, a, v);		\
	else								\
		ok = check_fmt(__FILE__, __LINE__, fmt, a, b, v);	\
} while (0)

enum kind { K_INT, K_CHAR, K_STRING };

/*
 * Builds "%[flags][width][.prec][length]conv" from the parts C defines for
 * that conversion (no '#' on %d, no '0' on %s ...), since only defined
 * behaviour can be compared with the C library.
 */
static enum kind random_spec(char *fmt, int *stars, int *star_args, const char **length)
{
	static const char convs[] = "diuxXoxcs";
	static const char *const lengths[] = { "hh", "h", "", "l", "ll", "z", "t", "j" };
	char conv = convs[rnd() % (sizeof(convs) - 1)];
	enum kind kind = conv == 'c' ? K_CHAR : conv == 's' ? K_STRING : K_INT;
	char *p = fmt, num[16];
	const char *flags = kind != K_INT ? "-" : strchr("di", conv) ? "-0+ " :
			    conv == 'u' ? "-0" : "-0#";

	*stars = 0;
	append(&p, "<%");
	for (int i = 0; flags[i]; i++) {
		if (rnd() % 4 == 0)
			*p++ = flags[i];
	}
	switch (rnd() % 3) {
	case 0:
		libc_snprintf(num, sizeof(num), "%u", rnd() % 24 + 1);
		append(&p, num);
		break;
	case 1:
		append(&p, "*");
		star_args[(*stars)++] = (int)(rnd() % 41) - 20;
		break;
	}
	switch (kind == K_CHAR ? 0 : rnd() % 4) {
	case 1:
		append(&p, ".");
		break;
	case 2:
		libc_snprintf(num, sizeof(num), ".%u", rnd() % 25);
		append(&p, num);
		break;
	case 3:
		append(&p, ".*");
		star_args[(*stars)++] = (int)(rnd() % 31) - 5;
		break;
	}
	*length = kind == K_INT ? lengths[rnd() % 8] : "";
	append(&p, *length);
	*p++ = conv;
	append(&p, ">");
	return kind;
}

static bool check_random_int(const char *fmt, const char *length, int stars, int a, int b)
{
	unsigned long long v = random_value();
	bool ok;

	if (!strcmp(length, "l"))
		CHECK_STARS(stars, a, b, (unsigned long)v);
	else if (!strcmp(length, "ll"))
		CHECK_STARS(stars, a, b, v);
	else if (!strcmp(length, "z"))
		CHECK_STARS(stars, a, b, (size_t)v);
	else if (!strcmp(length, "t"))
		CHECK_STARS(stars, a, b, (ptrdiff_t)v);
	else if (!strcmp(length, "j"))
		CHECK_STARS(stars, a, b, (uintmax_t)v);
	else
		CHECK_STARS(stars, a, b, (unsigned int)v);
	return ok;
}

TEST(random_specs_match_libc)
{
	static const char *const strs[] = { "", "a", "hello", "exactly16chars!!", "Tern" };
	char fmt[64];
	const char *length;
	int stars, args[2] = { 0, 0 };
	bool ok;

	for (int i = 0; i < 20000; i++) {
		switch (random_spec(fmt, &stars, args, &length)) {
		case K_INT:
			ok = check_random_int(fmt, length, stars, args[0], args[1]);
			break;
		case K_CHAR:
			CHECK_STARS(stars, args[0], args[1], (int)(rnd() % 256));
			break;
		default:
			CHECK_STARS(stars, args[0], args[1], strs[rnd() % 5]);
			break;
		}
		if (!ok)
			return;		/* one clear failure beats thousands */
	}
}

TEST_MAIN()
