// SPDX-License-Identifier: MIT
/*
 * start_kernel: the generic boot sequence, entered from
 * arch/riscv/kernel/head.S on the boot hart with a stack and a clear .bss.
 */
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
#include <tern/pgalloc.h>
#include <tern/slab.h>
#include <tern/irq.h>
#include <tern/reboot.h>
#include <tern/sched.h>
#include <tern/smp.h>
#include <tern/string.h>
#include <tern/time.h>
#include <tern/timer.h>

struct fdt boot_fdt;

extern const struct initcall __initcalls_start[], __initcalls_end[];

void do_initcalls(void)
{
	const struct initcall *call;

	for (call = __initcalls_start; call < __initcalls_end; call++) {
		int err = call->fn();

		if (err && err != -ENODEV)
			pr_warn("initcall %s failed: error %d\n", call->name, err);
	}
}

static void print_banner(void)
{
	pr_notice("Tern %s (%s)\n", TERN_RELEASE, TERN_COMPILER);
	pr_notice("Configuration: arch %s, board %s, firmware %s, paging %s, "
		  "page allocator %s, object allocator %s, scheduler %s (%s), HZ %d\n",
		  IS_ENABLED(CONFIG_64BIT) ? "rv64" : "rv32", CONFIG_BOARD_NAME,
		  IS_ENABLED(CONFIG_FIRMWARE_OPENSBI) ? "OpenSBI" : "built-in",
		  "none", pgalloc_name, kmem_name, sched_policy_name(),
		  IS_ENABLED(CONFIG_PREEMPT) ? "preempt" : "voluntary", CONFIG_HZ);
}

static void setup_command_line(void)
{
	int chosen = fdt_path_offset(&boot_fdt, "/chosen");
	const char *args = NULL;
	int len = 0;

	if (chosen >= 0)
		args = fdt_getprop(&boot_fdt, chosen, "bootargs", &len);
	/* The property must be a terminated string inside the blob. */
	if (args && len > 0 && args[len - 1] == '\0' && args[0])
		boot_command_line = args;
	else
		boot_command_line = CONFIG_CMDLINE;
	pr_info("Command line: %s\n", boot_command_line);
}

static void apply_loglevel(void)
{
	const char *value;
	size_t len;

	if (cmdline_find(boot_command_line, "loglevel", &value, &len) && value)
		console_set_loglevel((int)strtoul(value, NULL, 10));
}

/* Copies a "name=value" value into buf; "" when the value is absent. */
static void param_value(const char *name, char *buf, size_t size)
{
	const char *value;
	size_t len;

	buf[0] = '\0';
	if (cmdline_find(boot_command_line, name, &value, &len) && value)
		strlcpy(buf, value, MIN(size, len + 1));
}

static int run_requested_tests(void)
{
	char filter[128];
	const char *value;
	size_t len;

	if (!cmdline_find(boot_command_line, "ktest", &value, &len))
		return -ENOENT;
	if (!IS_ENABLED(CONFIG_KTEST)) {
		pr_err("ktest: requested, but this kernel has CONFIG_KTEST=n\n");
		return 1;
	}
	param_value("ktest", filter, sizeof(filter));
	return ktest_run_all(filter);
}

static int run_requested_benchmarks(void)
{
	char filter[128];
	const char *value;
	size_t len;

	if (!cmdline_find(boot_command_line, "bench", &value, &len))
		return 0;
	if (!IS_ENABLED(CONFIG_BENCH)) {
		pr_err("bench: requested, but this kernel has CONFIG_BENCH=n\n");
		return 1;
	}
	param_value("bench", filter, sizeof(filter));
	return bench_run_all(filter);
}

void start_kernel(unsigned long hartid, phys_addr_t dtb)
{
	int dtb_err = arch_early_setup(hartid, dtb);
	int failed;

	if (dtb_err)
		panic("no usable device tree at %llx (error %d)",
		      (unsigned long long)dtb, dtb_err);
	time_init();
	timers_init();
	setup_command_line();
	apply_loglevel();
	print_banner();
	arch_print_info();
	if (arch_scan_harts())
		pr_warn("no usable /cpus node in the device tree\n");
	if (memblock_init(&boot_fdt))
		panic("the device tree describes no memory");
	arch_reserve_memory();
	memblock_print();
	mm_init();
	meminfo_print();
	sched_init();
	do_initcalls();		/* drivers, the interrupt controller among them */
	tick_init();
	local_irq_enable();
	smp_init();		/* the other harts, each with its own tick; sleeps */
	if (IS_ENABLED(CONFIG_CRASH_TEST))
		crashtest_run(boot_command_line);

	failed = run_requested_tests();
	if (failed > 0)
		machine_power_off(POWEROFF_TEST_FAILED);
	if (run_requested_benchmarks() > 0)
		machine_power_off(POWEROFF_TEST_FAILED);
	pr_notice("Nothing more to do: powering off.\n");
	machine_power_off(POWEROFF_OK);
}
