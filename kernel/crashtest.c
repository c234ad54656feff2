// SPDX-License-Identifier: MIT
/*
 * Deliberate crashes, to test that panics and fatal traps are reported
 * (message, registers, symbolised backtrace) and reach QEMU's exit status:
 *   crashtest=panic    panic() from a known function
 *   crashtest=panic_sbi  panic() with no power-off driver, as before the
 *                      device tree is read: only SBI SRST (reason failure)
 *   crashtest=load     load from an address with no memory behind it
 *   crashtest=write_text  store to the kernel's own text (with paging it
 *                      is read-only; without, the word is written back
 *                      as it was and nothing happens)
 *   crashtest=stack_overflow  a kernel thread ("crashtest-deep") recurses
 *                      until its stack overflows into the guard page
 *                      below it (needs VMAP_STACK)
 *   crashtest=illegal  execute an illegal instruction
 *   crashtest=bug      BUG_ON(true)
 *   crashtest=restart  no crash: machine_restart() where the boot would
 *                      power off, through the restart driver (syscon-reboot)
 *                      or SBI SRST; QEMU, run with -no-reboot, exits 0
 * and, to show that the allocator checks catch misuse and name the caller:
 *   crashtest=kfree_twice      kfree the same object twice     (DEBUG_SLAB)
 *   crashtest=kfree_bad        kfree a pointer into an object  (DEBUG_SLAB)
 *   crashtest=redzone          write past an object's end      (DEBUG_SLAB)
 *   crashtest=free_page_twice  free_page the same page twice   (DEBUG_PAGEALLOC)
 * Without the option the misuse is not attempted: it would corrupt memory.
 * Like Linux's LKDTM, in miniature.
 */
#include <asm/processor.h>
#include <tern/boot.h>
#include <tern/errno.h>
#include <tern/kernel.h>
#include <tern/params.h>
#include <tern/pgalloc.h>
#include <tern/sched.h>
#include <tern/reboot.h>
#include <tern/slab.h>
#include <tern/string.h>

/* Address 0 is below every RAM and MMIO region on the boards we support. */
#define NO_MEMORY ((volatile unsigned long *)0x0)

static void __noinline crashtest_panic(void)
{
	panic("crashtest: requested panic");
}

static void __noinline crashtest_panic_sbi(void)
{
	register_power_off_handler(NULL, NULL, 0);
	panic("crashtest: requested panic, with only the firmware to power off");
}

static unsigned long __noinline crashtest_load(void)
{
	return *NO_MEMORY;
}

static void crashtest_load_report(void)
{
	pr_err("crashtest: load returned %lx\n", crashtest_load());
}

static void __noinline crashtest_write_text(void)
{
	volatile u32 *text = (volatile u32 *)(uintptr_t)crashtest_write_text;

	*text = *text;
}

/* Each call takes a frame of over 256 bytes; the bound only keeps gcc quiet. */
static unsigned long __noinline crashtest_recurse(unsigned long depth)
{
	volatile char frame[256];

	frame[depth % sizeof(frame)] = (char)depth;
	if (depth > (1UL << 30))
		return 0;
	return crashtest_recurse(depth + 1) + frame[depth % sizeof(frame)];
}

static int crashtest_deep(void *unused)
{
	return (int)crashtest_recurse(0);
}

/* The thread overflows and panics; the boot thread waits for that. */
static void crashtest_stack_overflow(void)
{
	if (!kthread_run(crashtest_deep, NULL, "crashtest-deep")) {
		pr_err("crashtest: no memory for the thread\n");
		return;
	}
	for (;;)
		msleep(1000);
}

static void __noinline crashtest_illegal(void)
{
	arch_illegal_instruction();
}

static void __noinline crashtest_bug(void)
{
	BUG_ON(true);
}

static void crashtest_restart(void)
{
	machine_restart();
}

static void __noinline crashtest_kfree_twice(void)
{
	void *p = kmalloc(32, GFP_KERNEL);

	kfree(p);
	kfree(p);
}

static void __noinline crashtest_kfree_bad(void)
{
	char *p = kmalloc(64, GFP_KERNEL);

	kfree(p + 8);
}

static void __noinline crashtest_redzone(void)
{
	char *p = kmalloc(32, GFP_KERNEL);

	p[32] = 'X';	/* one past the end: into the red zone */
	kfree(p);
}

static void __noinline crashtest_free_page_twice(void)
{
	void *p = alloc_page(GFP_KERNEL);

	free_page(p);
	free_page(p);
}

struct crash {
	const char *name;
	void (*fn)(void);
	bool needs_debug_slab, needs_debug_pagealloc, needs_vmap_stack;
};

static const struct crash crashes[] = {
	{ "panic", crashtest_panic, false, false, false },
	{ "panic_sbi", crashtest_panic_sbi, false, false, false },
	{ "load", crashtest_load_report, false, false, false },
	{ "write_text", crashtest_write_text, false, false, false },
	{ "stack_overflow", crashtest_stack_overflow, false, false, true },
	{ "illegal", crashtest_illegal, false, false, false },
	{ "bug", crashtest_bug, false, false, false },
	{ "restart", crashtest_restart, false, false, false },
	{ "kfree_twice", crashtest_kfree_twice, true, false, false },
	{ "kfree_bad", crashtest_kfree_bad, true, false, false },
	{ "redzone", crashtest_redzone, true, false, false },
	{ "free_page_twice", crashtest_free_page_twice, false, true, false },
};

/* The "crashtest=" value, crash_len bytes of the command line; NULL: none asked for. */
static const char *crash_name;
static size_t crash_len;

static int crashtest_setup(const char *value, size_t len)
{
	if (!value)
		return -EINVAL;	/* which crash? */
	crash_name = value;
	crash_len = len;
	return 0;
}
__setup("crashtest=", crashtest_setup);

void crashtest_run(void)
{
	unsigned int i;

	if (!crash_name)
		return;
	pr_notice("crashtest: %.*s\n", (int)crash_len, crash_name);
	for (i = 0; i < ARRAY_SIZE(crashes); i++) {
		const struct crash *c = &crashes[i];

		if (strlen(c->name) != crash_len || strncmp(crash_name, c->name, crash_len))
			continue;
		if (c->needs_debug_slab && !IS_ENABLED(CONFIG_DEBUG_SLAB))
			pr_err("crashtest: %s needs DEBUG_SLAB; not attempted\n", c->name);
		else if (c->needs_debug_pagealloc && !IS_ENABLED(CONFIG_DEBUG_PAGEALLOC))
			pr_err("crashtest: %s needs DEBUG_PAGEALLOC; not attempted\n", c->name);
		else if (c->needs_vmap_stack && !IS_ENABLED(CONFIG_VMAP_STACK))
			pr_err("crashtest: %s needs VMAP_STACK; not attempted\n", c->name);
		else
			c->fn();
		return;
	}
	pr_err("crashtest: unknown crash \"%.*s\"\n", (int)crash_len, crash_name);
}
