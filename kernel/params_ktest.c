// SPDX-License-Identifier: MIT
/*
 * The command line in the running kernel: the parser (lib/cmdline.c, also
 * host-tested), the handler registry and the line the kernel booted with.
 */
#include <tern/boot.h>
#include <tern/cmdline.h>
#include <tern/errno.h>
#include <tern/ktest.h>
#include <tern/params.h>
#include <tern/printk.h>
#include <tern/string.h>

extern const struct boot_param __boot_params_start[], __boot_params_end[];
extern const struct ktest_suite __ktest_suites_start[], __ktest_suites_end[];

static bool slice_is(const char *s, size_t len, const char *want)
{
	return s && len == strlen(want) && !strncmp(s, want, len);
}

static void splits_and_strips_quotes(struct ktest *t)
{
	const char *pos = "quiet ktest=\"string,fdt\" msg=\"a b\" empty= -- init x=1";
	struct cmdline_param p;

	KTEST_ASSERT(t, cmdline_next_param(&pos, &p));
	KTEST_EXPECT(t, slice_is(p.name, p.name_len, "quiet") && !p.value);
	KTEST_ASSERT(t, cmdline_next_param(&pos, &p));
	KTEST_EXPECT(t, slice_is(p.name, p.name_len, "ktest"));
	KTEST_EXPECT(t, slice_is(p.value, p.value_len, "string,fdt"));
	KTEST_ASSERT(t, cmdline_next_param(&pos, &p));
	KTEST_EXPECT(t, slice_is(p.value, p.value_len, "a b"));
	KTEST_ASSERT(t, cmdline_next_param(&pos, &p));
	KTEST_EXPECT(t, p.value && p.value_len == 0);
	KTEST_EXPECT(t, !cmdline_next_param(&pos, &p));
	KTEST_EXPECT_STREQ(t, pos, "init x=1");
}

/*
 * Naming every suite makes a list longer than the 127 bytes the old
 * parser kept: each suite must still be found in it.
 */
static void a_list_of_every_suite_is_whole(struct ktest *t)
{
	static char line[1024];
	const struct ktest_suite *s;
	struct cmdline_param p;
	size_t used = 6;

	memcpy(line, "ktest=", used);
	for (s = __ktest_suites_start; s < __ktest_suites_end; s++) {
		size_t n = strlen(s->name);

		KTEST_ASSERT(t, used + n + 2 < sizeof(line));
		if (s != __ktest_suites_start)
			line[used++] = ',';
		memcpy(line + used, s->name, n);
		used += n;
	}
	line[used] = '\0';
	KTEST_ASSERT(t, cmdline_find_param(line, "ktest", &p));
	KTEST_EXPECT_EQ(t, p.value_len, used - 6);
	for (s = __ktest_suites_start; s < __ktest_suites_end; s++)
		KTEST_EXPECT(t, strlist_contains(p.value, p.value_len, s->name));
	KTEST_EXPECT(t, !strlist_contains(p.value, p.value_len, "no_such_suite"));
	KTEST_EXPECT(t, !strlist_contains("fdt,string", 3, "string"));	/* only len bytes */
	KTEST_EXPECT(t, strlist_contains("", 0, "string"));		/* empty: all */
}

static void handlers_are_registered_once(struct ktest *t)
{
	const struct boot_param *bp;

	bp = boot_param_find("loglevel", 8);
	KTEST_ASSERT(t, bp != NULL);
	KTEST_EXPECT(t, bp->early);
	bp = boot_param_find("ktest", 5);
	KTEST_ASSERT(t, bp != NULL);
	KTEST_EXPECT(t, !bp->early);
	KTEST_EXPECT(t, boot_param_find("ktest=", 6) == NULL);	/* '=' is spelling only */
	KTEST_EXPECT(t, boot_param_find("ktes", 4) == NULL);
	KTEST_EXPECT(t, boot_param_find("", 0) == NULL);
	/* Each handler is the one its name finds: no name is taken twice. */
	for (bp = __boot_params_start; bp < __boot_params_end; bp++) {
		size_t len = strlen(bp->name);

		len -= len && bp->name[len - 1] == '=';
		KTEST_EXPECT(t, boot_param_find(bp->name, len) == bp);
	}
}

static void loglevel_refuses_bad_values(struct ktest *t)
{
	const struct boot_param *bp = boot_param_find("loglevel", 8);
	int saved = console_get_loglevel();

	KTEST_ASSERT(t, bp != NULL);
	KTEST_EXPECT_EQ(t, bp->setup(NULL, 0), -EINVAL);
	KTEST_EXPECT_EQ(t, bp->setup("", 0), -EINVAL);
	KTEST_EXPECT_EQ(t, bp->setup("9", 1), -EINVAL);
	KTEST_EXPECT_EQ(t, bp->setup("3x", 2), -EINVAL);
	KTEST_EXPECT_EQ(t, console_get_loglevel(), saved);
	KTEST_EXPECT_EQ(t, bp->setup("38", 1), 0);	/* only len bytes count */
	KTEST_EXPECT_EQ(t, console_get_loglevel(), 3);
	console_set_loglevel(saved);
}

/* Linux's "quiet" and "debug": errors only (4), everything (8); early, before the banner. */
static void quiet_and_debug_set_the_console_level(struct ktest *t)
{
	const struct boot_param *quiet = boot_param_find("quiet", 5);
	const struct boot_param *debug = boot_param_find("debug", 5);
	int saved = console_get_loglevel();

	KTEST_ASSERT(t, quiet && debug && quiet->early && debug->early);
	KTEST_EXPECT_EQ(t, quiet->setup(NULL, 0), 0);
	KTEST_EXPECT_EQ(t, console_get_loglevel(), 4);
	KTEST_EXPECT_EQ(t, debug->setup(NULL, 0), 0);
	KTEST_EXPECT_EQ(t, console_get_loglevel(), 8);
	console_set_loglevel(saved);
}

/* We only run because "ktest" is on the line the kernel booted with. */
static void live_command_line_has_ktest(struct ktest *t)
{
	struct cmdline_param p;

	KTEST_EXPECT(t, cmdline_find_param(boot_command_line, "ktest", &p));
}

KTEST_SUITE(cmdline,
	    KTEST_CASE(splits_and_strips_quotes),
	    KTEST_CASE(a_list_of_every_suite_is_whole),
	    KTEST_CASE(handlers_are_registered_once),
	    KTEST_CASE(loglevel_refuses_bad_values),
	    KTEST_CASE(quiet_and_debug_set_the_console_level),
	    KTEST_CASE(live_command_line_has_ktest));
