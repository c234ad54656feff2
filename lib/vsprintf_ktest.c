// SPDX-License-Identifier: MIT
/*
 * ktest suite "printf": lib/vsprintf.c on the target.  What matters most
 * here is what the host tests cannot show: 64-bit conversions on rv32
 * (through libgcc's division) and the pointer width of each arch.
 */
#include <tern/ktest.h>
#include <tern/printf.h>
#include <tern/string.h>

/*
 * snprintf without the format attribute, for the cases where gcc's format
 * checker would object to what we test on purpose (NULL %s, unknown
 * conversions).
 */
static int fmt_unchecked(char *buf, size_t size, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	return n;
}

static void integers(struct ktest *t)
{
	char buf[64];

	KTEST_EXPECT_EQ(t, snprintf(buf, sizeof(buf), "%d %i %u", -42, 7, 42u), 8);
	KTEST_EXPECT_STREQ(t, buf, "-42 7 42");
	snprintf(buf, sizeof(buf), "%x %X %o", 0xbeefu, 0xbeefu, 8u);
	KTEST_EXPECT_STREQ(t, buf, "beef BEEF 10");
	snprintf(buf, sizeof(buf), "%d %d", (int)0x7fffffff, (int)-0x7fffffff - 1);
	KTEST_EXPECT_STREQ(t, buf, "2147483647 -2147483648");
	snprintf(buf, sizeof(buf), "%hhd %hhu %hd", 300, 300, 70000);
	KTEST_EXPECT_STREQ(t, buf, "44 44 4464");
}

static void sixty_four_bit_values(struct ktest *t)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%llu", 18446744073709551615ULL);
	KTEST_EXPECT_STREQ(t, buf, "18446744073709551615");
	snprintf(buf, sizeof(buf), "%lld", (long long)(-0x7fffffffffffffffLL - 1));
	KTEST_EXPECT_STREQ(t, buf, "-9223372036854775808");
	snprintf(buf, sizeof(buf), "%llx %#llo", 0x123456789abcdef0ULL, 01234567012345670ULL);
	KTEST_EXPECT_STREQ(t, buf, "123456789abcdef0 01234567012345670");
	snprintf(buf, sizeof(buf), "%llu", 10000000000ULL);	/* needs more than 32 bits */
	KTEST_EXPECT_STREQ(t, buf, "10000000000");
	snprintf(buf, sizeof(buf), "%jd", (intmax_t)-1);
	KTEST_EXPECT_STREQ(t, buf, "-1");
}

/* long and size_t are 32 or 64 bits: each arch must print its own maximum. */
static void arch_width_types(struct ktest *t)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "%lu %zu", ~0UL, (size_t)-1);
	if (sizeof(long) == 8)
		KTEST_EXPECT_STREQ(t, buf, "18446744073709551615 18446744073709551615");
	else
		KTEST_EXPECT_STREQ(t, buf, "4294967295 4294967295");
	snprintf(buf, sizeof(buf), "%ld", -1L);
	KTEST_EXPECT_STREQ(t, buf, "-1");
}

static void width_precision_and_flags(struct ktest *t)
{
	char buf[80];

	snprintf(buf, sizeof(buf), "[%5d][%-5d][%05d][%+d][% d]", 42, 42, -42, 42, 42);
	KTEST_EXPECT_STREQ(t, buf, "[   42][42   ][-0042][+42][ 42]");
	snprintf(buf, sizeof(buf), "[%.3d][%.0d][%8.3x][%#x][%#o][%#x]", 7, 0, 0xau, 0xffu, 8u, 0u);
	KTEST_EXPECT_STREQ(t, buf, "[007][][     00a][0xff][010][0]");
	snprintf(buf, sizeof(buf), "[%*d][%-*d][%.*d]", 4, 1, -4, 2, 2, 3);
	KTEST_EXPECT_STREQ(t, buf, "[   1][2   ][03]");
	snprintf(buf, sizeof(buf), "[%#010llx]", 0xabcULL);
	KTEST_EXPECT_STREQ(t, buf, "[0x00000abc]");
}

static void strings_and_chars(struct ktest *t)
{
	char buf[64];

	snprintf(buf, sizeof(buf), "[%s][%6s][%-6s][%.2s][%c%c]", "ab", "ab", "ab", "xyz", 'o', 'k');
	KTEST_EXPECT_STREQ(t, buf, "[ab][    ab][ab    ][xy][ok]");
	fmt_unchecked(buf, sizeof(buf), "[%s]", (const char *)NULL);
	KTEST_EXPECT_STREQ(t, buf, "[(null)]");
	fmt_unchecked(buf, sizeof(buf), "%q%%%");
	KTEST_EXPECT_STREQ(t, buf, "%q%%");
}

static void pointers_are_full_width(struct ktest *t)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%p", (void *)0x80200000UL);
	if (sizeof(void *) == 8)
		KTEST_EXPECT_STREQ(t, buf, "0x0000000080200000");
	else
		KTEST_EXPECT_STREQ(t, buf, "0x80200000");
	snprintf(buf, sizeof(buf), "%p", (void *)0);
	KTEST_EXPECT_EQ(t, strlen(buf), 2 + 2 * sizeof(void *));
}

static void truncation(struct ktest *t)
{
	char buf[8] = "XXXXXXX";

	KTEST_EXPECT_EQ(t, snprintf(buf, 0, "%d", 123456), 6);
	KTEST_EXPECT_EQ(t, buf[0], 'X');			/* size 0: untouched */
	KTEST_EXPECT_EQ(t, snprintf(buf, 4, "%d", 123456), 6);
	KTEST_EXPECT_STREQ(t, buf, "123");
	KTEST_EXPECT_EQ(t, snprintf(buf, 7, "%d", 123456), 6);	/* exact fit */
	KTEST_EXPECT_STREQ(t, buf, "123456");
	KTEST_EXPECT_EQ(t, scnprintf(buf, 4, "%d", 123456), 3);
	KTEST_EXPECT_EQ(t, scnprintf(buf, 0, "%d", 123456), 0);
	KTEST_EXPECT_EQ(t, scnprintf(buf, sizeof(buf), "%s", "ok"), 2);
}

KTEST_SUITE(printf,
	KTEST_CASE(integers),
	KTEST_CASE(sixty_four_bit_values),
	KTEST_CASE(arch_width_types),
	KTEST_CASE(width_precision_and_flags),
	KTEST_CASE(strings_and_chars),
	KTEST_CASE(pointers_are_full_width),
	KTEST_CASE(truncation));
