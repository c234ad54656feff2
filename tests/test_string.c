// SPDX-License-Identifier: MIT
/*
 * Host tests for lib/string.c, checked against the C library wherever the
 * two must agree.  Buffers are heap-allocated at their exact size where a
 * function must not read past an end, so AddressSanitizer catches it.
 */
#include "harness.h"

/* The C library's functions, captured before rename.h takes their names. */
static void *libc_memcpy(void *d, const void *s, size_t n) { return memcpy(d, s, n); }
static void *libc_memset(void *d, int c, size_t n) { return memset(d, c, n); }
static void *libc_memmove(void *d, const void *s, size_t n) { return memmove(d, s, n); }
static int libc_memcmp(const void *a, const void *b, size_t n) { return memcmp(a, b, n); }
static int libc_strcmp(const char *a, const char *b) { return strcmp(a, b); }
static int libc_strncmp(const char *a, const char *b, size_t n) { return strncmp(a, b, n); }
static char *libc_strstr(const char *h, const char *n) { return strstr(h, n); }
static unsigned long libc_strtoul(const char *s, char **end, int base)
{
	return strtoul(s, end, base);
}

#include "rename.h"
#include <tern/string.h>

/* xorshift32: a fixed sequence, so every run tests the same cases. */
static unsigned int rng_state = 2463534242u;

static unsigned int rnd(void)
{
	rng_state ^= rng_state << 13;
	rng_state ^= rng_state >> 17;
	rng_state ^= rng_state << 5;
	return rng_state;
}

static int sign(int x)
{
	return (x > 0) - (x < 0);
}

/* Fills with a pattern that differs at every offset. */
static void fill(unsigned char *p, size_t n, unsigned char seed)
{
	for (size_t i = 0; i < n; i++)
		p[i] = (unsigned char)(seed + i * 7);
}

TEST(memcpy_all_alignments_and_sizes)
{
	unsigned char src[96], dst[96], want[96];

	for (size_t so = 0; so < 8; so++) {
		for (size_t d0 = 0; d0 < 8; d0++) {
			for (size_t n = 0; n <= 64; n++) {
				fill(src, sizeof(src), 1);
				fill(dst, sizeof(dst), 99);
				libc_memcpy(want, dst, sizeof(dst));
				for (size_t i = 0; i < n; i++)
					want[d0 + i] = src[so + i];
				EXPECT(memcpy(dst + d0, src + so, n) == dst + d0);
				if (!EXPECT_MEMEQ(dst, want, sizeof(dst)))
					return;
			}
		}
	}
}

TEST(memcpy_n0_touches_nothing)
{
	char *d = malloc(1), *s = malloc(1);

	*d = 'x';
	*s = 'y';
	EXPECT(memcpy(d, s, 0) == d);
	EXPECT_EQ(*d, 'x');
	free(d);
	free(s);
}

/* Every (src, dst, n) inside one buffer, both overlap directions included. */
TEST(memmove_overlap_both_directions)
{
	unsigned char buf[48], want[48];

	for (size_t s = 0; s < 24; s++) {
		for (size_t d = 0; d < 24; d++) {
			for (size_t n = 0; n <= 24; n++) {
				fill(buf, sizeof(buf), 3);
				libc_memcpy(want, buf, sizeof(buf));
				libc_memmove(want + d, want + s, n);
				EXPECT(memmove(buf + d, buf + s, n) == buf + d);
				if (!EXPECT_MEMEQ(buf, want, sizeof(buf)))
					return;
			}
		}
	}
}

TEST(memmove_large_word_aligned_overlap)
{
	static unsigned long words[256];
	unsigned char *b = (unsigned char *)words;
	unsigned char want[sizeof(words)];

	/* Overlap by exactly one word, then by more, down and up. */
	size_t shifts[] = { sizeof(long), 3 * sizeof(long), 1, 13 };

	for (size_t i = 0; i < sizeof(shifts) / sizeof(shifts[0]); i++) {
		size_t k = shifts[i], n = sizeof(words) - k;

		fill(b, sizeof(words), (unsigned char)i);
		libc_memcpy(want, b, sizeof(words));
		libc_memmove(want + k, want, n);
		memmove(b + k, b, n);
		EXPECT_MEMEQ(b, want, sizeof(words));

		fill(b, sizeof(words), (unsigned char)i);
		libc_memcpy(want, b, sizeof(words));
		libc_memmove(want, want + k, n);
		memmove(b, b + k, n);
		EXPECT_MEMEQ(b, want, sizeof(words));
	}
}

TEST(memset_alignments_sizes_and_value_truncation)
{
	unsigned char buf[80], want[80];

	for (size_t off = 0; off < 8; off++) {
		for (size_t n = 0; n <= 64; n++) {
			fill(buf, sizeof(buf), 5);
			libc_memcpy(want, buf, sizeof(buf));
			for (size_t i = 0; i < n; i++)
				want[off + i] = 0xab;
			/* Only the low byte of c counts. */
			EXPECT(memset(buf + off, 0x7ab, n) == buf + off);
			if (!EXPECT_MEMEQ(buf, want, sizeof(buf)))
				return;
		}
	}
}

TEST(memcmp_sign_matches_libc_and_bytes_are_unsigned)
{
	unsigned char a[16], b[16];

	EXPECT_EQ(memcmp("abc", "xyz", 0), 0);
	EXPECT(memcmp("\x80", "\x01", 1) > 0);
	EXPECT(memcmp("\x01", "\xff", 1) < 0);
	for (int i = 0; i < 5000; i++) {
		size_t n = rnd() % 17;

		for (size_t j = 0; j < sizeof(a); j++) {
			a[j] = rnd() % 3 ? 'a' : (unsigned char)rnd();
			b[j] = rnd() % 3 ? 'a' : (unsigned char)rnd();
		}
		if (!EXPECT_EQ(sign(memcmp(a, b, n)), sign(libc_memcmp(a, b, n))))
			return;
	}
}

TEST(memchr_finds_first_and_stays_in_bounds)
{
	char *p = malloc(5);

	libc_memcpy(p, "ab\xff" "ba", 5);
	EXPECT(memchr(p, 'b', 5) == p + 1);
	EXPECT(memchr(p, 0x1ff, 5) == p + 2);	/* c is converted to unsigned char */
	EXPECT(memchr(p, -1, 5) == p + 2);
	EXPECT(memchr(p, 'z', 5) == NULL);	/* reads exactly 5 bytes */
	EXPECT(memchr(p, 'a', 0) == NULL);
	EXPECT(memchr(p + 3, 'a', 2) == p + 4);
	free(p);
}

TEST(strlen_and_strnlen)
{
	char *u = malloc(4);

	EXPECT_EQ(strlen(""), 0);
	EXPECT_EQ(strlen("hello"), 5);
	EXPECT_EQ(strlen("a\0b"), 1);
	EXPECT_EQ(strnlen("hello", 0), 0);
	EXPECT_EQ(strnlen("hello", 3), 3);
	EXPECT_EQ(strnlen("hello", 5), 5);
	EXPECT_EQ(strnlen("hello", 100), 5);
	libc_memcpy(u, "abcd", 4);			/* no terminator */
	EXPECT_EQ(strnlen(u, 4), 4);
	EXPECT_EQ(strnlen(u, 2), 2);
	free(u);
}

static const char *const cmp_strings[] = {
	"", "a", "b", "ab", "abc", "abd", "abcd", "ABC", "\x80", "\x7f", "\xff", "a\xff",
	"zz", "z", "abc\x80",
};

TEST(strcmp_and_strncmp_signs_match_libc)
{
	size_t n = sizeof(cmp_strings) / sizeof(cmp_strings[0]);

	for (size_t i = 0; i < n; i++) {
		for (size_t j = 0; j < n; j++) {
			const char *a = cmp_strings[i], *b = cmp_strings[j];

			EXPECT_EQ(sign(strcmp(a, b)), sign(libc_strcmp(a, b)));
			for (size_t k = 0; k <= 5; k++)
				EXPECT_EQ(sign(strncmp(a, b, k)), sign(libc_strncmp(a, b, k)));
		}
	}
	EXPECT_EQ(strncmp("abcX", "abcY", 3), 0);
	EXPECT_EQ(strncmp("x", "y", 0), 0);
}

TEST(strncmp_stops_at_n_without_terminator)
{
	char *a = malloc(3), *b = malloc(3);

	libc_memcpy(a, "abc", 3);
	libc_memcpy(b, "abc", 3);
	EXPECT_EQ(strncmp(a, b, 3), 0);
	free(a);
	free(b);
}

TEST(strchr_and_strrchr)
{
	const char *s = "hello, world";

	EXPECT(strchr(s, 'o') == s + 4);
	EXPECT(strrchr(s, 'o') == s + 8);
	EXPECT(strchr(s, 'h') == s);
	EXPECT(strrchr(s, 'h') == s);
	EXPECT(strchr(s, 'z') == NULL);
	EXPECT(strrchr(s, 'z') == NULL);
	EXPECT(strchr(s, '\0') == s + 12);	/* the terminator is part of the string */
	EXPECT(strrchr(s, '\0') == s + 12);
	EXPECT(strchr("", 'a') == NULL);
	EXPECT(strchr("caf\xe9", 0xe9) != NULL);	/* int c is converted to char */
	EXPECT(strrchr("a\xe9" "b\xe9", 0x1e9) != NULL);
}

TEST(strstr_matches_libc)
{
	static const char *const hay[] = { "", "a", "aaab", "abcabd", "hello world", "abab" };
	static const char *const needle[] = {
		"", "a", "aab", "abd", "world", "worlds", "b", "abab", "ababa", "x",
	};

	for (size_t i = 0; i < sizeof(hay) / sizeof(hay[0]); i++) {
		for (size_t j = 0; j < sizeof(needle) / sizeof(needle[0]); j++) {
			char *want = libc_strstr(hay[i], needle[j]);
			char *got = strstr(hay[i], needle[j]);

			if (!EXPECT(got == want))
				printf("# strstr(\"%s\", \"%s\")\n", hay[i], needle[j]);
		}
	}
}

TEST(strlcpy_truncates_and_terminates)
{
	char buf[8];

	libc_memset(buf, 'X', sizeof(buf));
	EXPECT_EQ(strlcpy(buf, "hello", sizeof(buf)), 5);
	EXPECT_STREQ(buf, "hello");
	EXPECT_EQ(buf[6], 'X');			/* nothing written past the NUL */

	EXPECT_EQ(strlcpy(buf, "truncated!", sizeof(buf)), 10);
	EXPECT_STREQ(buf, "truncat");

	EXPECT_EQ(strlcpy(buf, "1234567", 8), 7);	/* exact fit */
	EXPECT_STREQ(buf, "1234567");

	libc_memset(buf, 'X', sizeof(buf));
	EXPECT_EQ(strlcpy(buf, "abc", 1), 3);
	EXPECT_EQ(buf[0], '\0');
	EXPECT_EQ(buf[1], 'X');

	libc_memset(buf, 'X', sizeof(buf));
	EXPECT_EQ(strlcpy(buf, "abc", 0), 3);	/* size 0 writes nothing */
	EXPECT_EQ(buf[0], 'X');
	EXPECT_EQ(strlcpy(buf, "", sizeof(buf)), 0);
	EXPECT_STREQ(buf, "");
}

/* Our strtoul and libc's agree on value and end pointer. */
static void check_strtoul(const char *s, int base)
{
	char *end, *want_end;
	unsigned long v = strtoul(s, &end, base);
	unsigned long want = libc_strtoul(s, &want_end, base);

	if (v != want || end != want_end)
		FAIL("strtoul(\"%s\", %d): got %lu end+%td, want %lu end+%td", s, base,
		     v, end - s, want, want_end - s);
}

TEST(strtoul_table_matches_libc)
{
	static const char *const strs[] = {
		"0", "1", "123", "123abc", "0x1f", "0X1F", "0x", "0xg", "0x0", "017", "08",
		"0", "00", "  42", "\t\n\v\f\r 7", "+7", "-1", "-0x10", "+-1", "", " ", "-",
		"abc", "z", "Zz", "1010", "777", "ffffffffffffffff", "10000000000000000",
		"18446744073709551615", "18446744073709551616", "99999999999999999999999",
		"0x7fffffffffffffff", "-18446744073709551615", "0b101", "1 2", "9x",
	};
	static const int bases[] = { 0, 2, 8, 10, 16, 36 };

	for (size_t i = 0; i < sizeof(strs) / sizeof(strs[0]); i++)
		for (size_t j = 0; j < sizeof(bases) / sizeof(bases[0]); j++)
			check_strtoul(strs[i], bases[j]);
}

TEST(strtoul_random_strings_match_libc)
{
	static const char chars[] = "0123456789abcfxXzZ +-\t";
	static const int bases[] = { 0, 2, 3, 8, 10, 16, 35, 36 };
	char s[24];

	for (int i = 0; i < 20000; i++) {
		size_t n = rnd() % (sizeof(s) - 1);

		for (size_t j = 0; j < n; j++)
			s[j] = chars[rnd() % (sizeof(chars) - 1)];
		s[n] = '\0';
		check_strtoul(s, bases[rnd() % (sizeof(bases) / sizeof(bases[0]))]);
	}
}

TEST(strtoul_end_pointer_and_bad_base)
{
	const char *s = "  0x1A rest";
	char *end;

	EXPECT_EQ(strtoul(s, &end, 0), 0x1a);
	EXPECT(end == s + 6);
	EXPECT_EQ(strtoul(s, NULL, 16), 0x1a);		/* end may be NULL */
	EXPECT_EQ(strtoul("0x10", &end, 10), 0);	/* no prefix in base 10 */
	EXPECT_EQ(*end, 'x');
	EXPECT_EQ(strtoul("12", &end, 1), 0);		/* invalid bases parse nothing */
	EXPECT_EQ(*end, '1');
	EXPECT_EQ(strtoul("12", &end, 37), 0);
	EXPECT_EQ(*end, '1');
}

/* The list is a command-line value: len bytes with no NUL, read no further. */
static bool list_has(const char *list, const char *word)
{
	size_t len = strlen(list);
	char *exact = malloc(len ? len : 1);
	bool found;

	libc_memcpy(exact, list, len);
	found = strlist_contains(exact, len, word);
	free(exact);
	return found;
}

TEST(strlist_contains_whole_items_of_len_bytes)
{
	EXPECT(list_has("fdt,string", "fdt"));
	EXPECT(list_has("fdt,string", "string"));
	EXPECT(!list_has("fdt,string", "str"));
	EXPECT(!list_has("fdt,string", "fdt,string"));
	EXPECT(!list_has("fdt,string", ""));
	EXPECT(list_has("a,,b", ""));		/* an empty item */
	EXPECT(list_has("a,", ""));
	EXPECT(list_has("", "anything"));	/* the empty list holds everything */
	EXPECT(strlist_contains(NULL, 0, "anything"));
	EXPECT(!strlist_contains("fdt,string", 3, "string"));
	EXPECT(strlist_contains("fdt,string", 3, "fdt"));
}

TEST_MAIN()
