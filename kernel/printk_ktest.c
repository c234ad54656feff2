// SPDX-License-Identifier: MIT
/*
 * Consoles: what printk and console_printf write reaches every registered
 * console, and a console that is not a boot console replaces the boot
 * consoles.  The test consoles record what they are given.  Other harts
 * may print meanwhile, so the records are searched, not compared whole.
 */
#include <tern/console.h>
#include <tern/errno.h>
#include <tern/kernel.h>
#include <tern/ktest.h>
#include <tern/list.h>
#include <tern/string.h>

#define RECORD_SIZE	1024
#define MAX_SAVED	8
#define LOGLEVEL_ALL	(LOGLEVEL_DEBUG + 1)	/* whatever loglevel= said */

struct test_console {
	struct console con;
	char text[RECORD_SIZE];	/* what it got, cut short when full; NUL-ended */
	size_t len;
	unsigned long writes;
};

static void record_write(struct console *con, const char *s, size_t n)
{
	struct test_console *tc = container_of(con, struct test_console, con);
	size_t room = sizeof(tc->text) - 1 - tc->len;

	memcpy(tc->text + tc->len, s, MIN(n, room));
	tc->len += MIN(n, room);
	tc->text[tc->len] = '\0';
	tc->writes++;
}

static struct test_console boot_con = { .con = { "ktest-boot", record_write, CON_BOOT } };
static struct test_console real_con = { .con = { "ktest-real", record_write, 0 } };

static void reset(struct test_console *tc)
{
	tc->len = 0;
	tc->text[0] = '\0';
	tc->writes = 0;
}

static bool registered(const struct console *wanted)
{
	struct console *con;

	for_each_console(con)
		if (con == wanted)
			return true;
	return false;
}

static void printk_reaches_a_registered_console(struct ktest *t)
{
	int loglevel = console_get_loglevel();
	char *line;

	reset(&boot_con);
	KTEST_ASSERT(t, register_console(&boot_con.con) == 0);
	KTEST_EXPECT(t, registered(&boot_con.con));
	console_set_loglevel(LOGLEVEL_ALL);
	pr_notice("ktest: console line %d\n", 42);
	console_printf("ktest: console_printf %s\n", "too");
	KTEST_EXPECT_EQ(t, register_console(&boot_con.con), -EBUSY);
	KTEST_EXPECT_EQ(t, unregister_console(&boot_con.con), 0);
	pr_notice("ktest: after unregistering\n");
	console_set_loglevel(loglevel);

	line = strstr(boot_con.text, "ktest: console line 42\n");
	KTEST_EXPECT(t, line != NULL);
	/* With PRINTK_TIME the line starts "[    1.234567] ". */
	if (line && IS_ENABLED(CONFIG_PRINTK_TIME))
		KTEST_EXPECT(t, line - boot_con.text >= 15 && line[-1] == ' ' && line[-2] == ']');
	KTEST_EXPECT(t, strstr(boot_con.text, "ktest: console_printf too\n") != NULL);
	KTEST_EXPECT(t, strstr(boot_con.text, "after unregistering") == NULL);
	KTEST_EXPECT(t, !registered(&boot_con.con));
	KTEST_EXPECT_EQ(t, unregister_console(&boot_con.con), -EINVAL);
}

/* Below the console log level only; lines above it reach no console. */
static void printk_keeps_to_the_log_level(struct ktest *t)
{
	int loglevel = console_get_loglevel();

	reset(&boot_con);
	KTEST_ASSERT(t, register_console(&boot_con.con) == 0);
	console_set_loglevel(LOGLEVEL_DEBUG);	/* up to KERN_INFO */
	pr_info("ktest: info shown\n");
	pr_debug("ktest: debug hidden\n");
	console_set_loglevel(loglevel);
	unregister_console(&boot_con.con);
	KTEST_EXPECT(t, strstr(boot_con.text, "ktest: info shown\n") != NULL);
	KTEST_EXPECT(t, strstr(boot_con.text, "debug hidden") == NULL);
}

/*
 * A console without CON_BOOT takes over: every boot console is
 * unregistered in the same step, and the handover is said once, on the
 * new console only.  The consoles of the boot (the firmware's, or the
 * UART that replaced it) are set aside meanwhile and registered again
 * after; while the test consoles are the only ones nothing is asserted,
 * since a failure report would reach only them.
 */
static void a_real_console_replaces_the_boot_consoles(struct ktest *t)
{
	struct console *saved[MAX_SAVED], *con;
	unsigned int n = 0, i, still_boot = 0;
	bool boot_got_it, real_got_it, handover_said, handover_once;
	int loglevel = console_get_loglevel(), err;

	for_each_console(con) {
		KTEST_ASSERT(t, n < MAX_SAVED);
		saved[n++] = con;
	}
	reset(&boot_con);
	reset(&real_con);
	KTEST_ASSERT(t, register_console(&boot_con.con) == 0);
	for (i = 0; i < n; i++)
		unregister_console(saved[i]);

	console_set_loglevel(LOGLEVEL_ALL);
	err = register_console(&real_con.con);
	for_each_console(con)
		still_boot += !!(con->flags & CON_BOOT);
	pr_notice("ktest: only the real console\n");
	for (i = 0; i < n; i++)
		register_console(saved[i]);
	unregister_console(&real_con.con);
	console_set_loglevel(loglevel);

	boot_got_it = strstr(boot_con.text, "only the real console") != NULL;
	real_got_it = strstr(real_con.text, "ktest: only the real console\n") != NULL;
	handover_said = strstr(real_con.text,
			       "console: ktest-real enabled, boot console ktest-boot disabled");
	handover_once = !strstr(boot_con.text, "ktest-real enabled");
	KTEST_EXPECT_EQ(t, err, 0);
	KTEST_EXPECT_EQ(t, still_boot, 0);
	KTEST_EXPECT(t, real_got_it);
	KTEST_EXPECT(t, !boot_got_it);
	KTEST_EXPECT(t, handover_said);
	KTEST_EXPECT(t, handover_once);
	KTEST_EXPECT(t, !registered(&boot_con.con));
	KTEST_EXPECT(t, !registered(&real_con.con));
	for (i = 0; i < n; i++)
		KTEST_EXPECT(t, registered(saved[i]));
}

KTEST_SUITE(console,
	    KTEST_CASE(printk_reaches_a_registered_console),
	    KTEST_CASE(printk_keeps_to_the_log_level),
	    KTEST_CASE(a_real_console_replaces_the_boot_consoles));
