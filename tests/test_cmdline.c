// SPDX-License-Identifier: MIT
/*
 * Host tests for lib/cmdline.c.  Every line is copied to a heap buffer of
 * its exact size, so AddressSanitizer catches a read past its NUL.
 * lib/cmdline.c calls no string function, so the C library's serve here.
 */
#include "harness.h"

#include <tern/cmdline.h>

#define MAX_PARAMS	64

struct parsed {
	int n;
	struct cmdline_param p[MAX_PARAMS];
	char *line;		/* the exact-size copy the params point into */
	const char *init;	/* where parsing stopped: init's words, or "" */
};

static void parse(struct parsed *out, const char *text)
{
	const char *pos;

	out->line = strdup(text);
	out->n = 0;
	pos = out->line;
	while (out->n < MAX_PARAMS && cmdline_next_param(&pos, &out->p[out->n]))
		out->n++;
	out->init = pos;
}

static void done(struct parsed *out)
{
	free(out->line);
}

static bool slice_is(const char *s, size_t len, const char *want)
{
	return s && len == strlen(want) && !memcmp(s, want, len);
}

#define EXPECT_NAME(pp, want)	EXPECT(slice_is((pp)->name, (pp)->name_len, want))
#define EXPECT_VALUE(pp, want)	EXPECT(slice_is((pp)->value, (pp)->value_len, want))

TEST(splits_at_blanks_and_first_equals)
{
	struct parsed r;

	parse(&r, "  quiet\tktest=fdt,string\nloglevel=3 a=b=c  ");
	ASSERT_EQ(r.n, 4);
	EXPECT_NAME(&r.p[0], "quiet");
	EXPECT(r.p[0].value == NULL);
	EXPECT_NAME(&r.p[1], "ktest");
	EXPECT_VALUE(&r.p[1], "fdt,string");
	EXPECT_NAME(&r.p[2], "loglevel");
	EXPECT_VALUE(&r.p[2], "3");
	EXPECT_NAME(&r.p[3], "a");
	EXPECT_VALUE(&r.p[3], "b=c");
	EXPECT_STREQ(r.init, "");
	done(&r);
}

TEST(empty_value_differs_from_no_value)
{
	struct parsed r;

	parse(&r, "a= b a=\"\"");
	ASSERT_EQ(r.n, 3);
	EXPECT(r.p[0].value != NULL);
	EXPECT_EQ(r.p[0].value_len, 0);
	EXPECT(r.p[1].value == NULL);
	EXPECT(r.p[2].value != NULL);
	EXPECT_EQ(r.p[2].value_len, 0);
	done(&r);
}

TEST(empty_lines_have_no_params)
{
	static const char *const lines[] = { "", " ", " \t\n ", "\"\"", "\"", " \"\"  \"\" " };
	size_t i;

	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		struct parsed r;

		parse(&r, lines[i]);
		EXPECT_EQ(r.n, 0);
		EXPECT_STREQ(r.init, "");
		done(&r);
	}
}

TEST(quotes_around_the_value_are_stripped)
{
	struct parsed r;

	parse(&r, "ktest=\"string,fdt\" msg=\"a b  c\" x=\"unclosed y z");
	ASSERT_EQ(r.n, 3);
	EXPECT_NAME(&r.p[0], "ktest");
	EXPECT_VALUE(&r.p[0], "string,fdt");
	EXPECT_NAME(&r.p[1], "msg");
	EXPECT_VALUE(&r.p[1], "a b  c");
	/* A quote never closed runs to the end of the line. */
	EXPECT_NAME(&r.p[2], "x");
	EXPECT_VALUE(&r.p[2], "unclosed y z");
	done(&r);
}

TEST(quotes_around_the_whole_param_are_stripped)
{
	struct parsed r;

	parse(&r, "\"msg=a b\" \"flag\" \"--\"x");
	ASSERT_EQ(r.n, 3);
	EXPECT_NAME(&r.p[0], "msg");
	EXPECT_VALUE(&r.p[0], "a b");
	EXPECT_NAME(&r.p[1], "flag");
	EXPECT(r.p[1].value == NULL);
	/* Only a leading quote makes the trailing one go: this one stays. */
	EXPECT_NAME(&r.p[2], "--\"x");
	done(&r);
}

TEST(inner_quotes_stay)
{
	struct parsed r;

	parse(&r, "a=x\"y z\"w b");
	ASSERT_EQ(r.n, 2);
	EXPECT_VALUE(&r.p[0], "x\"y z\"w");
	EXPECT_NAME(&r.p[1], "b");
	done(&r);
}

TEST(double_dash_ends_the_kernel_params)
{
	struct parsed r;

	parse(&r, "a=1 --  init1 x=2 -- y");
	ASSERT_EQ(r.n, 1);
	EXPECT_NAME(&r.p[0], "a");
	EXPECT_STREQ(r.init, "init1 x=2 -- y");
	done(&r);
	parse(&r, "a --");
	EXPECT_EQ(r.n, 1);
	EXPECT_STREQ(r.init, "");
	done(&r);
	/* Not a separator: "--x", "--=1", "-". */
	parse(&r, "--x --=1 - b");
	EXPECT_EQ(r.n, 4);
	EXPECT_STREQ(r.init, "");
	done(&r);
}

/* Nothing is cut, however long: the old parser cut values at 127 bytes. */
TEST(long_values_are_whole)
{
	size_t len = 100000, i;
	char *text = malloc(6 + len + sizeof(" z"));
	struct parsed r;

	memcpy(text, "ktest=", 6);
	for (i = 0; i < len; i++)
		text[6 + i] = i % 7 == 6 ? ',' : 'a' + i % 26;
	strcpy(text + 6 + len, " z");
	parse(&r, text);
	ASSERT_EQ(r.n, 2);
	EXPECT_EQ(r.p[0].value_len, len);
	EXPECT(r.p[0].value == r.line + 6);
	EXPECT_NAME(&r.p[1], "z");
	done(&r);
	free(text);
}

TEST(find_takes_the_last_before_the_separator)
{
	struct cmdline_param p;

	EXPECT(!cmdline_find_param("ktestx=1 xktest k", "ktest", &p));
	EXPECT(!cmdline_find_param("", "ktest", &p));
	EXPECT(!cmdline_find_param("-- ktest", "ktest", &p));
	ASSERT(cmdline_find_param("ktest=a ktest ktest=\"b c\" -- ktest=d", "ktest", &p));
	EXPECT_VALUE(&p, "b c");
	ASSERT(cmdline_find_param("ktest", "ktest", &p));
	EXPECT(p.value == NULL);
}

TEST(param_is_compares_the_whole_name)
{
	struct cmdline_param p = { .name = "ktest=x", .name_len = 5 };

	EXPECT(cmdline_param_is(&p, "ktest"));
	EXPECT(!cmdline_param_is(&p, "ktes"));
	EXPECT(!cmdline_param_is(&p, "ktestx"));
	EXPECT(!cmdline_param_is(&p, ""));
	p.name_len = 0;
	EXPECT(cmdline_param_is(&p, ""));
}

/*
 * Random lines built from known parameters (values with blanks quoted,
 * random blanks between) parse back to exactly those parameters.
 */
TEST(random_lines_round_trip)
{
	static const char blanks[] = " \t\n";
	static const char value_chars[] = "abc,.=-_/0123456789";
	unsigned long long rng = 0x5eed;
	int round;

	for (round = 0; round < 2000; round++) {
		char text[4096], names[MAX_PARAMS][16], values[MAX_PARAMS][64];
		bool has_value[MAX_PARAMS];
		int n = (int)harness_rnd(&rng, 12), i, len = 0;
		struct parsed r;

		for (i = 0; i < n; i++) {
			int nl = 1 + (int)harness_rnd(&rng, 10), vl = (int)harness_rnd(&rng, 40), j;
			bool quote = harness_rnd(&rng, 3) == 0;

			for (j = 0; j < nl; j++)
				names[i][j] = (char)('a' + harness_rnd(&rng, 26));
			names[i][nl] = '\0';
			has_value[i] = harness_rnd(&rng, 4) != 0;
			for (j = 0; j < vl; j++)
				values[i][j] = quote && harness_rnd(&rng, 5) == 0 ? ' ' :
					value_chars[harness_rnd(&rng, sizeof(value_chars) - 1)];
			values[i][vl] = '\0';
			for (j = 1 + (int)harness_rnd(&rng, 3); j > 0; j--)
				text[len++] = blanks[harness_rnd(&rng, 3)];
			len += sprintf(text + len, has_value[i] ? (quote ? "%s=\"%s\"" : "%s=%s") : "%s",
				       names[i], values[i]);
		}
		text[len] = '\0';
		parse(&r, text);
		if (!EXPECT_EQ(r.n, n)) {
			FAIL("line: [%s]", text);
			done(&r);
			return;
		}
		for (i = 0; i < n; i++) {
			EXPECT_NAME(&r.p[i], names[i]);
			if (has_value[i])
				EXPECT_VALUE(&r.p[i], values[i]);
			else
				EXPECT(r.p[i].value == NULL);
			EXPECT(r.p[i].name >= r.line && r.p[i].name + r.p[i].name_len <= r.line + len);
		}
		done(&r);
	}
}

TEST_MAIN()
