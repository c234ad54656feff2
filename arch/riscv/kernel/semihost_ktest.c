// SPDX-License-Identifier: MIT
/*
 * ktest suite "semihost": scripts/qemu-cmd.sh starts QEMU with semihosting
 * on exactly when the semihosting power-off driver is built in.  Then the
 * trap reaches QEMU, and SYS_TIME (harmless) answers the host's clock in
 * seconds; else the ebreak is a breakpoint exception that the exception
 * table turns into -ENOSYS, and the kernel goes on.
 */
#include <tern/errno.h>
#include <tern/ktest.h>
#include <tern/semihost.h>

#define SEMIHOST_SYS_TIME	0x11
#define SECONDS_2024		1704067200L	/* 2024-01-01 00:00:00 UTC */

static void the_host_answers_or_the_trap_is_caught(struct ktest *t)
{
	long now = arch_semihost_call(SEMIHOST_SYS_TIME, NULL);

	if (!IS_ENABLED(CONFIG_POWER_RESET_SEMIHOSTING)) {
		KTEST_EXPECT_EQ(t, now, -ENOSYS);
		return;
	}
	KTEST_EXPECT_GT(t, now, SECONDS_2024);
}

KTEST_SUITE(semihost, KTEST_CASE(the_host_answers_or_the_trap_is_caught));
