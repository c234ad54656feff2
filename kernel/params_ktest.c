// SPDX-License-Identifier: MIT
#include <tern/boot.h>
#include <tern/ktest.h>
#include <tern/string.h>

static void finds_flag_and_value(struct ktest *t)
{
	const char *v;
	size_t len;

	KTEST_ASSERT(t, cmdline_find("quiet ktest=fdt,string loglevel=3", "ktest", &v, &len));
	KTEST_ASSERT(t, v != NULL);
	KTEST_EXPECT_EQ(t, len, 10);
	KTEST_EXPECT(t, !strncmp(v, "fdt,string", len));
	KTEST_ASSERT(t, cmdline_find("quiet ktest", "quiet", &v, &len));
	KTEST_EXPECT(t, v == NULL);
	KTEST_EXPECT_EQ(t, len, 0);
}

static void ignores_prefixes_and_missing(struct ktest *t)
{
	const char *v;
	size_t len;

	KTEST_EXPECT(t, !cmdline_find("ktestx=1 xktest", "ktest", &v, &len));
	KTEST_EXPECT(t, !cmdline_find("", "ktest", &v, &len));
	KTEST_EXPECT(t, !cmdline_find("   ", "ktest", &v, &len));
	KTEST_ASSERT(t, cmdline_find("  a=  b", "a", &v, &len));
	KTEST_EXPECT_EQ(t, len, 0);
}

static void live_command_line_has_ktest(struct ktest *t)
{
	const char *v;
	size_t len;

	/* We only run because "ktest" is on the command line. */
	KTEST_EXPECT(t, cmdline_find(boot_command_line, "ktest", &v, &len));
}

KTEST_SUITE(cmdline,
	    KTEST_CASE(finds_flag_and_value),
	    KTEST_CASE(ignores_prefixes_and_missing),
	    KTEST_CASE(live_command_line_has_ktest));
