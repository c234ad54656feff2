// SPDX-License-Identifier: MIT
/*
 * Deliberate crashes, to test that panics and fatal traps are reported
 * (message, registers, symbolised backtrace) and reach QEMU's exit status:
 *   crashtest=panic    panic() from a known function
 *   crashtest=load     load from an address with no memory behind it
 *   crashtest=illegal  execute an illegal instruction
 *   crashtest=bug      BUG_ON(true)
 * Like Linux's LKDTM, in miniature.
 */
#include <tern/boot.h>
#include <tern/kernel.h>
#include <tern/string.h>

/* Address 0 is below every RAM and MMIO region on the boards we support. */
#define NO_MEMORY ((volatile unsigned long *)0x0)

static void __noinline crashtest_panic(void)
{
	panic("crashtest: requested panic");
}

static unsigned long __noinline crashtest_load(void)
{
	return *NO_MEMORY;
}

static void __noinline crashtest_illegal(void)
{
	__asm__ __volatile__(".word 0" ::: "memory");	/* all-zero: always illegal */
}

static void __noinline crashtest_bug(void)
{
	BUG_ON(true);
}

void crashtest_run(const char *cmdline)
{
	const char *value;
	size_t len;

	if (!cmdline_find(cmdline, "crashtest", &value, &len) || !value)
		return;
	pr_notice("crashtest: %.*s\n", (int)len, value);
	if (len == 5 && !strncmp(value, "panic", len))
		crashtest_panic();
	else if (len == 4 && !strncmp(value, "load", len))
		pr_err("crashtest: load returned %lx\n", crashtest_load());
	else if (len == 7 && !strncmp(value, "illegal", len))
		crashtest_illegal();
	else if (len == 3 && !strncmp(value, "bug", len))
		crashtest_bug();
	else
		pr_err("crashtest: unknown crash \"%.*s\" (panic, load, illegal, bug)\n",
		       (int)len, value);
}
