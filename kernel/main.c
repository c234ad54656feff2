// SPDX-License-Identifier: MIT
/*
 * start_kernel: the generic boot sequence, entered from
 * arch/riscv/kernel/head.S on the boot hart with a stack and a clear .bss.
 */
#include <asm/mmu.h>
#include <generated/utsrelease.h>
#include <tern/arch.h>
#include <tern/boot.h>
#include <tern/errno.h>
#include <tern/init.h>
#include <tern/kernel.h>
#include <tern/ktest.h>
#include <tern/bench.h>
#include <tern/memblock.h>
#include <tern/meminfo.h>
#include <tern/mm.h>
#include <tern/params.h>
#include <tern/pgalloc.h>
#include <tern/slab.h>
#include <tern/irqflags.h>
#include <tern/reboot.h>
#include <tern/sched.h>
#include <tern/smp.h>
#include <tern/string.h>
#include <tern/time.h>
#include <tern/timer.h>


/*
 * The initcall levels (<tern/init.h>), in order: each level's functions
 * run from its start to the next level's start (vmlinux.lds.S).
 */
extern const struct initcall __initcall_early_start[], __initcall_core_start[],
	__initcall_arch_start[], __initcall_subsys_start[], __initcall_device_start[],
	__initcall_late_start[], __initcall_end[];

static const struct initcall *const initcall_levels[] = {
	__initcall_early_start, __initcall_core_start, __initcall_arch_start,
	__initcall_subsys_start, __initcall_device_start, __initcall_late_start,
	__initcall_end,
};
static const char *const initcall_level_names[] = {
	"early", "core", "arch", "subsys", "device", "late",
};

static void run_initcall_level(unsigned int level)
{
	const struct initcall *call;

	for (call = initcall_levels[level]; call < initcall_levels[level + 1]; call++) {
		int err = call->fn();

		if (err && err != -ENODEV)
			pr_warn("initcall %s (%s) failed: error %d\n", call->name,
				initcall_level_names[level], err);
	}
}

void do_early_initcalls(void)
{
	run_initcall_level(0);
}

void do_initcalls(void)
{
	unsigned int level;

	for (level = 1; level < ARRAY_SIZE(initcall_level_names); level++)
		run_initcall_level(level);
}

static void print_banner(void)
{
	pr_notice("Tern %s (%s)\n", TERN_RELEASE, TERN_COMPILER);
	pr_notice("Configuration: arch %s, board %s, firmware %s, paging %s, "
		  "page allocator %s, object allocator %s, scheduler %s (%s), HZ %d\n",
		  IS_ENABLED(CONFIG_64BIT) ? "rv64" : "rv32", CONFIG_BOARD_NAME,
		  IS_ENABLED(CONFIG_FIRMWARE_OPENSBI) ? "OpenSBI" : "built-in",
		  PAGING_MODE_NAME, pgalloc_name, kmem_name, sched_policy_name(),
		  IS_ENABLED(CONFIG_PREEMPT) ? "preempt" : "voluntary", CONFIG_HZ);
}

static int loglevel_setup(const char *value, size_t len)
{
	/* One digit, 1-8, as CONSOLE_LOGLEVEL_DEFAULT. */
	if (!value || len != 1 || value[0] < '1' || value[0] > '8')
		return -EINVAL;
	console_set_loglevel(value[0] - '0');
	return 0;
}
early_param("loglevel", loglevel_setup);

/* Linux's "quiet" (CONSOLE_LOGLEVEL_QUIET: errors and worse) and "debug" (everything). */
#define CONSOLE_LOGLEVEL_QUIET	4
#define CONSOLE_LOGLEVEL_DEBUG	8

static int quiet_setup(const char *value, size_t len)
{
	console_set_loglevel(CONSOLE_LOGLEVEL_QUIET);
	return 0;
}
early_param("quiet", quiet_setup);

static int debug_setup(const char *value, size_t len)
{
	console_set_loglevel(CONSOLE_LOGLEVEL_DEBUG);
	return 0;
}
early_param("debug", debug_setup);

/*
 * "ktest" or "ktest=suite,suite" and "bench[=name,...]": what to run once
 * the kernel is up.  The list points into the command line.
 */
struct run_request {
	bool requested;
	const char *list;	/* NULL or list_len bytes: every suite when empty */
	size_t list_len;
};

static struct run_request ktest_request, bench_request;

static int ktest_setup(const char *value, size_t len)
{
	ktest_request = (struct run_request){ true, value, len };
	return 0;
}
__setup("ktest=", ktest_setup);

static int bench_setup(const char *value, size_t len)
{
	bench_request = (struct run_request){ true, value, len };
	return 0;
}
__setup("bench=", bench_setup);

static int run_requested_tests(void)
{
	if (!ktest_request.requested)
		return 0;
	if (!IS_ENABLED(CONFIG_KTEST)) {
		pr_err("ktest: requested, but this kernel has CONFIG_KTEST=n\n");
		return 1;
	}
	return ktest_run_all(ktest_request.list, ktest_request.list_len);
}

static int run_requested_benchmarks(void)
{
	if (!bench_request.requested)
		return 0;
	if (!IS_ENABLED(CONFIG_BENCH)) {
		pr_err("bench: requested, but this kernel has CONFIG_BENCH=n\n");
		return 1;
	}
	return bench_run_all(bench_request.list, bench_request.list_len);
}

/*
 * The order matters where something can fail: the device tree is
 * validated first, then the early initcalls find the power-off device, so
 * that every panic after them exits with status 2 (before them only the
 * firmware's SBI shutdown, reason "failure", is left: non-zero under
 * Tern's firmware, success under OpenSBI v1.1).  Then each boot input the
 * rest depends on is checked before its first use, and a device tree the
 * kernel cannot run on is refused with a panic that says why.
 */
void start_kernel(unsigned long hartid, uintptr_t dtb)
{
	int err;

	arch_early_console_init();	/* printk works from here on */
	err = arch_early_setup(hartid, dtb);
	do_early_initcalls();	/* the power-off device, from the tree or the board */
	if (err)
		panic("no usable device tree at %#lx (error %d)", (unsigned long)dtb, err);
	if (time_init())
		panic("the device tree has no usable /cpus/timebase-frequency: "
		      "the kernel cannot keep time without it");
	timers_init();
	setup_command_line();
	parse_early_params(boot_command_line);
	print_banner();
	arch_print_info();
	arch_scan_harts();	/* panics if the boot hart has no usable CPU node */
	err = memblock_init(&boot_fdt);
	if (err)
		panic("the device tree describes no memory (error %d)", err);
	arch_reserve_memory();
	arch_check_memory();
	memblock_print();
	arch_paging_init();
	mm_init();
	meminfo_print();
	sched_init();
	parse_boot_params(boot_command_line);
	do_initcalls();		/* core to late: the devices are bound at the device level */
	tick_init();
	local_irq_enable();
	smp_init();		/* the other harts, each with its own tick; sleeps */
	if (IS_ENABLED(CONFIG_CRASH_TEST))
		crashtest_run();

	if (run_requested_tests() > 0)
		kernel_power_off(POWEROFF_TEST_FAILED);
	if (run_requested_benchmarks() > 0)
		kernel_power_off(POWEROFF_TEST_FAILED);
	if (ktest_request.requested || bench_request.requested) {
		pr_notice("Nothing more to do: powering off.\n");
		kernel_power_off(POWEROFF_OK);
	}
	start_init();		/* the first process (kernel/init.c); never returns */
}
