// SPDX-License-Identifier: MIT
/*
 * ktest suite "string": lib/string.c on the target itself, where word size
 * and alignment rules are the real ones (tests/test_string.c covers the
 * same functions exhaustively on the host).
 */
#include <tern/ktest.h>
#include <tern/string.h>

/* Bytes that differ at every offset, so a misplaced copy shows. */
static void fill(u8 *p, size_t n, u8 seed)
{
	size_t i;

	for (i = 0; i < n; i++)
		p[i] = (u8)(seed + i * 7);
}

static void memcpy_every_alignment(struct ktest *t)
{
	u8 src[48], dst[48];
	size_t so, d0, n, i;

	for (so = 0; so < 8; so++) {
		for (d0 = 0; d0 < 8; d0++) {
			n = 40 - d0 > 40 - so ? 40 - so : 40 - d0;
			fill(src, sizeof(src), 1);
			fill(dst, sizeof(dst), 100);
			KTEST_ASSERT(t, memcpy(dst + d0, src + so, n) == dst + d0);
			for (i = 0; i < n; i++)
				KTEST_ASSERT(t, dst[d0 + i] == src[so + i]);
			if (d0)		/* the byte before is untouched */
				KTEST_EXPECT_EQ(t, dst[d0 - 1], (u8)(100 + (d0 - 1) * 7));
		}
	}
}

static void memmove_overlap_both_ways(struct ktest *t)
{
	u64 words[8];		/* 64 bytes on both arches, word-aligned */
	u8 *b = (u8 *)words;
	size_t i;

	fill(b, sizeof(words), 0);
	memmove(b + sizeof(long), b, 5 * sizeof(long));	/* up, word-aligned */
	for (i = 0; i < 5 * sizeof(long); i++)
		KTEST_ASSERT(t, b[sizeof(long) + i] == (u8)(i * 7));

	fill(b, sizeof(words), 0);
	memmove(b, b + 3, 40);				/* down, misaligned */
	for (i = 0; i < 40; i++)
		KTEST_ASSERT(t, b[i] == (u8)((i + 3) * 7));

	fill(b, sizeof(words), 0);
	memmove(b + 1, b, 40);				/* up by one byte */
	for (i = 0; i < 40; i++)
		KTEST_ASSERT(t, b[i + 1] == (u8)(i * 7));
	KTEST_EXPECT_EQ(t, b[0], 0);
}

static void memset_uses_low_byte(struct ktest *t)
{
	u8 buf[40];
	size_t i;

	memset(buf, 0, sizeof(buf));
	KTEST_EXPECT(t, memset(buf + 3, 0x1a5, 33) == buf + 3);
	for (i = 0; i < sizeof(buf); i++)
		KTEST_ASSERT(t, buf[i] == (i >= 3 && i < 36 ? 0xa5 : 0));
}

static void memcmp_and_memchr(struct ktest *t)
{
	const char *h = "hello";

	KTEST_EXPECT_EQ(t, memcmp("abc", "abc", 3), 0);
	KTEST_EXPECT_LT(t, memcmp("abc", "abd", 3), 0);
	KTEST_EXPECT_GT(t, memcmp("\x80", "\x7f", 1), 0);	/* bytes are unsigned */
	KTEST_EXPECT_EQ(t, memcmp("a", "b", 0), 0);
	KTEST_EXPECT(t, memchr(h, 'l', 5) == h + 2);
	KTEST_EXPECT(t, memchr(h, 'o', 4) == NULL);
	KTEST_EXPECT(t, memchr("a\xff", 0x1ff, 2) != NULL);
}

static void lengths(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, strlen(""), 0);
	KTEST_EXPECT_EQ(t, strlen("tern"), 4);
	KTEST_EXPECT_EQ(t, strnlen("tern", 2), 2);
	KTEST_EXPECT_EQ(t, strnlen("tern", 10), 4);
	KTEST_EXPECT_EQ(t, strnlen("tern", 0), 0);
}

static void comparisons(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, strcmp("abc", "abc"), 0);
	KTEST_EXPECT_LT(t, strcmp("ab", "abc"), 0);
	KTEST_EXPECT_GT(t, strcmp("b", "abc"), 0);
	KTEST_EXPECT_GT(t, strcmp("\xe9", "e"), 0);		/* unsigned, even with signed char */
	KTEST_EXPECT_EQ(t, strncmp("abcX", "abcY", 3), 0);
	KTEST_EXPECT_LT(t, strncmp("abcX", "abcY", 4), 0);
	KTEST_EXPECT_EQ(t, strncmp("x", "y", 0), 0);
}

static void searches(struct ktest *t)
{
	const char *s = "one,two,three";

	KTEST_EXPECT(t, strchr(s, ',') == s + 3);
	KTEST_EXPECT(t, strrchr(s, ',') == s + 7);
	KTEST_EXPECT(t, strchr(s, '\0') == s + 13);
	KTEST_EXPECT(t, strchr(s, 'z') == NULL);
	KTEST_EXPECT(t, strrchr(s, 'z') == NULL);
	KTEST_EXPECT(t, strstr(s, "two") == s + 4);
	KTEST_EXPECT(t, strstr(s, "") == s);
	KTEST_EXPECT(t, strstr(s, "threes") == NULL);
}

static void strlcpy_truncates(struct ktest *t)
{
	char buf[6] = "XXXXX";

	KTEST_EXPECT_EQ(t, strlcpy(buf, "abcdefgh", sizeof(buf)), 8);
	KTEST_EXPECT_STREQ(t, buf, "abcde");
	KTEST_EXPECT_EQ(t, strlcpy(buf, "xy", sizeof(buf)), 2);
	KTEST_EXPECT_STREQ(t, buf, "xy");
	KTEST_EXPECT_EQ(t, strlcpy(buf, "q", 0), 1);		/* writes nothing */
	KTEST_EXPECT_STREQ(t, buf, "xy");
}

static void strtoul_bases(struct ktest *t)
{
	const char *s = "0x1fz";
	char *end;

	KTEST_EXPECT_EQ(t, strtoul(s, &end, 0), 0x1f);
	KTEST_EXPECT(t, end == s + 4);
	KTEST_EXPECT_EQ(t, strtoul("017", NULL, 0), 017);	/* octal */
	KTEST_EXPECT_EQ(t, strtoul("017", NULL, 10), 17);
	KTEST_EXPECT_EQ(t, strtoul("  42", NULL, 10), 42);
	KTEST_EXPECT_EQ(t, strtoul("zz", NULL, 36), 36 * 35 + 35);
	KTEST_EXPECT_EQ(t, strtoul("ff", NULL, 16), 255);
	KTEST_EXPECT_EQ(t, strtoul("0xg", &end, 0), 0);		/* "0", then 'x' */
	KTEST_EXPECT_EQ(t, *end, 'x');
	KTEST_EXPECT_EQ(t, strtoul("xyz", &end, 10), 0);
	KTEST_EXPECT_EQ(t, *end, 'x');
	/* Overflow saturates at the width of long, which differs by arch. */
	KTEST_EXPECT_EQ(t, strtoul("999999999999999999999", NULL, 10), ~0UL);
	KTEST_EXPECT_EQ(t, strtoul("4294967295", NULL, 10), 4294967295UL);
}

static void strlist_reads_len_bytes(struct ktest *t)
{
	KTEST_EXPECT(t, strlist_contains("fdt,string", 10, "string"));
	KTEST_EXPECT(t, !strlist_contains("fdt,string", 10, "str"));
	KTEST_EXPECT(t, !strlist_contains("fdt,string", 3, "string"));
	KTEST_EXPECT(t, strlist_contains("fdt,string", 0, "anything"));
}

KTEST_SUITE(string,
	KTEST_CASE(memcpy_every_alignment),
	KTEST_CASE(memmove_overlap_both_ways),
	KTEST_CASE(memset_uses_low_byte),
	KTEST_CASE(memcmp_and_memchr),
	KTEST_CASE(lengths),
	KTEST_CASE(comparisons),
	KTEST_CASE(searches),
	KTEST_CASE(strlcpy_truncates),
	KTEST_CASE(strtoul_bases),
	KTEST_CASE(strlist_reads_len_bytes));
