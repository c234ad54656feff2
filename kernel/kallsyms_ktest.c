// SPDX-License-Identifier: MIT
#include <tern/kallsyms.h>
#include <tern/ktest.h>
#include <tern/string.h>

static void __noinline kallsyms_probe_target(void)
{
	barrier();
}

static void looks_up_own_function(struct ktest *t)
{
	unsigned long addr = (unsigned long)kallsyms_probe_target, off = ~0UL, size = 0;
	const char *name;

	if (!IS_ENABLED(CONFIG_KALLSYMS)) {
		KTEST_EXPECT(t, kallsyms_lookup(addr, &off, &size) == NULL);
		return;
	}
	name = kallsyms_lookup(addr + 2, &off, &size);
	KTEST_EXPECT_STREQ(t, name, "kallsyms_probe_target");
	KTEST_EXPECT_EQ(t, off, 2);
	KTEST_EXPECT_GT(t, size, 2);
	KTEST_EXPECT_EQ(t, kallsyms_lookup_name("kallsyms_probe_target"), addr);
}

static void formats_symbols(struct ktest *t)
{
	char buf[96];

	sprint_symbol(buf, sizeof(buf), (unsigned long)ktest_run_all);
	if (IS_ENABLED(CONFIG_KALLSYMS))
		KTEST_EXPECT(t, !strncmp(buf, "ktest_run_all+0x0/0x", 20));
	/* Address 0 is no function: printed raw. */
	sprint_symbol(buf, sizeof(buf), 0);
	KTEST_EXPECT_STREQ(t, buf, "0x0");
}

KTEST_SUITE(kallsyms,
	    KTEST_CASE(looks_up_own_function),
	    KTEST_CASE(formats_symbols));
