// SPDX-License-Identifier: MIT
/*
 * Host tests for the pure logic of usr/box/: hexdump -C's lines
 * (util-linux's canonical format), printf(1)'s formatting, tr's sets and
 * sort's comparison, and the applets' option reader.
 */
#include "../harness.h"
#include "../../usr/box/box.h"

/* hexdump_line */

TEST(hexdump_full_line)
{
	uint8_t data[16];
	char out[HEXDUMP_LINE_MAX];

	for (int i = 0; i < 16; i++)
		data[i] = (uint8_t)(0x41 + i);
	hexdump_line(out, 0x10, data, 16);
	EXPECT_STREQ(out, "00000010  41 42 43 44 45 46 47 48  49 4a 4b 4c 4d 4e 4f 50  "
			  "|ABCDEFGHIJKLMNOP|\n");
}

TEST(hexdump_short_lines_are_padded)
{
	char out[HEXDUMP_LINE_MAX];

	hexdump_line(out, 0, (const uint8_t *)"hello\n", 6);
	EXPECT_STREQ(out, "00000000  68 65 6c 6c 6f 0a                                 "
			  "|hello.|\n");
	hexdump_line(out, 0, (const uint8_t *)"0123456789", 10);
	EXPECT_STREQ(out, "00000000  30 31 32 33 34 35 36 37  38 39                    "
			  "|0123456789|\n");
	/* Whatever the length, the ASCII column starts at the same place. */
	for (size_t n = 1; n <= 16; n++) {
		hexdump_line(out, 0, (const uint8_t *)"abcdefghijklmnop", n);
		EXPECT_EQ(strchr(out, '|') - out, 60);
		EXPECT_EQ(strlen(out), 60 + n + 3);
	}
}

TEST(hexdump_unprintable_bytes_are_dots)
{
	static const uint8_t data[] = { 0x00, 0x1f, 0x20, 0x7e, 0x7f, 0x80, 0xff };
	char out[HEXDUMP_LINE_MAX];

	hexdump_line(out, 0xabcdef12UL, data, sizeof(data));
	EXPECT_STREQ(out, "abcdef12  00 1f 20 7e 7f 80 ff                              "
			  "|.. ~...|\n");
}

/* printf_format */

static char *run_printf(const char *fmt, int argc, char **argv, int *status)
{
	char *text = NULL;
	size_t size = 0;
	FILE *f = open_memstream(&text, &size);

	*status = printf_format(f, fmt, argc, argv);
	fclose(f);
	return text;
}

#define CHECK_PRINTF(expected, want_status, fmt, ...)				\
	do {									\
		char *args_[] = { __VA_ARGS__ };				\
		int st_;							\
		char *out_ = run_printf(fmt, (int)(sizeof(args_) / sizeof(char *)) - 1, \
					args_, &st_);				\
		EXPECT_STREQ(out_, expected);					\
		EXPECT_EQ(st_, want_status);					\
		free(out_);							\
	} while (0)

TEST(printf_conversions)
{
	CHECK_PRINTF("s 42 ff FF 17 z %", 0, "%s %d %x %X %o %c %%", "s", "42", "255", "255",
		     "15", "zed", NULL);
	CHECK_PRINTF("-5 18446744073709551611", 0, "%d %u", "-5", "-5", NULL);
	CHECK_PRINTF("[  ab][x  ][007][AB][+3]", 0, "[%4s][%-3s][%03d][%.2s][%+d]", "ab", "x",
		     "7", "ABC", "3", NULL);
	CHECK_PRINTF("[   hi]", 0, "[%*s]", "5", "hi", NULL);
	CHECK_PRINTF("65 66", 0, "%d %d", "'A", "\"B", NULL);
	CHECK_PRINTF("16 8", 0, "%d %d", "0x10", "010", NULL);
}

TEST(printf_reuses_the_format)
{
	CHECK_PRINTF("a=1\nb=2\n", 0, "%s=%d\n", "a", "1", "b", "2", NULL);
	/* Missing arguments are empty strings and zeros. */
	CHECK_PRINTF("a=1\nb=0\n", 0, "%s=%d\n", "a", "1", "b", NULL);
	/* A format without conversions is printed once. */
	CHECK_PRINTF("x\n", 0, "x\n", "unused", NULL);
}

TEST(printf_escapes)
{
	CHECK_PRINTF("a\tb\nA\\q\x41", 0, "a\\tb\\n\\101\\q\\x41", NULL);
	CHECK_PRINTF("x\ny|z", 0, "%b|%b", "x\\ny", "z\\cgone", NULL);
	CHECK_PRINTF("ab", 0, "ab\\cde", NULL);
}

TEST(printf_bad_input)
{
	CHECK_PRINTF("12 0", 1, "%d %d", "12abc", "", NULL);
	CHECK_PRINTF("a", 1, "a%y", NULL);
}

/* tr_expand_set */

static int set_of(const char *spec, char *out)
{
	unsigned char buf[1024];
	const char *err;
	int n = tr_expand_set(spec, buf, sizeof(buf), &err);

	if (n >= 0) {
		memcpy(out, buf, (size_t)n);
		out[n] = '\0';
	}
	return n;
}

TEST(tr_sets)
{
	char s[1025];

	EXPECT_EQ(set_of("abc", s), 3);
	EXPECT_STREQ(s, "abc");
	EXPECT_EQ(set_of("a-e", s), 5);
	EXPECT_STREQ(s, "abcde");
	EXPECT_EQ(set_of("0-2x-z", s), 6);
	EXPECT_STREQ(s, "012xyz");
	EXPECT_EQ(set_of("[:digit:]", s), 10);
	EXPECT_STREQ(s, "0123456789");
	EXPECT_EQ(set_of("[:upper:]", s), 26);
	EXPECT_EQ(s[0], 'A');
	EXPECT_EQ(s[25], 'Z');
	EXPECT_EQ(set_of("\\n\\t\\\\\\101", s), 4);
	EXPECT_STREQ(s, "\n\t\\A");
	EXPECT_EQ(set_of("[x*3]y", s), 4);
	EXPECT_STREQ(s, "xxxy");
	EXPECT_EQ(set_of("-a", s), 2);		/* a leading '-' is itself */
	EXPECT_STREQ(s, "-a");
	EXPECT_EQ(set_of("a-", s), 2);		/* so is a trailing one */
	EXPECT_STREQ(s, "a-");
	EXPECT_EQ(set_of("", s), 0);
}

TEST(tr_bad_sets)
{
	char s[1025];

	EXPECT_EQ(set_of("z-a", s), -1);
	EXPECT_EQ(set_of("[:nosuch:]", s), -1);
	/* Longer than the output buffer. */
	EXPECT_EQ(set_of("\\000-\\377\\000-\\377\\000-\\377\\000-\\377\\000-\\377", s), -1);
}

/* sort_compare */

TEST(sort_plain_and_reverse)
{
	EXPECT(sort_compare("a", "b", 0) < 0);
	EXPECT(sort_compare("b", "a", 0) > 0);
	EXPECT_EQ(sort_compare("a", "a", 0), 0);
	EXPECT(sort_compare("B", "a", 0) < 0);		/* bytes: upper case first */
	EXPECT(sort_compare("a", "b", SORT_REVERSE) > 0);
	EXPECT(sort_compare("B", "a", SORT_FOLD) > 0);
	EXPECT(sort_compare("", "a", 0) < 0);
}

TEST(sort_numeric)
{
	EXPECT(sort_compare("9", "10", SORT_NUMERIC) < 0);
	EXPECT(sort_compare("-3", "2", SORT_NUMERIC) < 0);
	EXPECT(sort_compare("-10", "-9", SORT_NUMERIC) < 0);
	EXPECT(sort_compare("1.5", "1.25", SORT_NUMERIC) > 0);
	EXPECT(sort_compare("  7", "007", SORT_NUMERIC) != 0);	/* equal keys: bytes decide */
	EXPECT(sort_compare("abc", "1", SORT_NUMERIC) < 0);	/* no number is 0 */
	EXPECT(sort_compare("-0", "0", SORT_NUMERIC) < 0);	/* equal as numbers: bytes */
	EXPECT(sort_compare("123456789012345678901234567890", "99", SORT_NUMERIC) > 0);
	EXPECT(sort_compare("10", "9", SORT_NUMERIC | SORT_REVERSE) < 0);
}

/* opt_next */

TEST(options_end_at_operands_and_dashes)
{
	char *a[] = { "x", "-ab", "-n5", "-n", "7", "-", "-c", NULL };
	char *b[] = { "x", "-a", "--", "-b", NULL };

	opt_reset();
	EXPECT_EQ(opt_next(7, a, "abn:c"), 'a');
	EXPECT_EQ(opt_next(7, a, "abn:c"), 'b');
	EXPECT_EQ(opt_next(7, a, "abn:c"), 'n');
	EXPECT_STREQ(opt_arg, "5");
	EXPECT_EQ(opt_next(7, a, "abn:c"), 'n');
	EXPECT_STREQ(opt_arg, "7");
	EXPECT_EQ(opt_next(7, a, "abn:c"), -1);	/* a lone "-" is an operand */
	EXPECT_EQ(opt_ind, 5);
	opt_reset();
	EXPECT_EQ(opt_next(4, b, "ab"), 'a');
	EXPECT_EQ(opt_next(4, b, "ab"), -1);		/* "--" is consumed */
	EXPECT_EQ(opt_ind, 3);
}

TEST(bad_options)
{
	char *a[] = { "x", "-z", "-n", NULL };

	opt_reset();
	EXPECT_EQ(opt_next(3, a, "n:"), '?');
	EXPECT_EQ(opt_next(3, a, "n:"), '?');		/* -n without its argument */
	EXPECT_EQ(opt_ind, 3);
	EXPECT_EQ(opt_next(3, a, "n:"), -1);
}

TEST_MAIN()
