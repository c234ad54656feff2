// SPDX-License-Identifier: MIT
/*
 * Early architecture setup: remember the hart and the device tree the
 * firmware handed over, and say what the kernel runs on.
 */
#include <asm/sbi.h>
#include <asm/sections.h>
#include <tern/arch.h>
#include <tern/bench.h>
#include <tern/boot.h>
#include <tern/errno.h>
#include <tern/fdt.h>
#include <tern/memblock.h>
#include <tern/printk.h>

/* Largest DTB we accept: QEMU's are a few KiB; this bounds a bad header. */
#define DTB_MAX_SIZE	(1u << 20)

unsigned long boot_hartid;

int arch_early_setup(unsigned long hartid, phys_addr_t dtb)
{
	boot_hartid = hartid;
	sbi_init();
	if (!dtb || (dtb & 7))
		return -EINVAL;
	return fdt_init(&boot_fdt, (const void *)(uintptr_t)dtb, DTB_MAX_SIZE);
}

void arch_reserve_memory(void)
{
	memblock_reserve((uintptr_t)_start, (uintptr_t)(_end - _start), "kernel");
}

void arch_print_info(void)
{
	unsigned long v = sbi_spec_version();

	pr_info("SBI: %s, specification v%lu.%lu, boot hart %lu\n",
		sbi_implementation_name(), v >> 24, v & 0xffffff, boot_hartid);
	pr_info("Kernel image: %p-%p (%lu KiB)\n", (void *)_start, (void *)_end,
		(unsigned long)(_end - _start) / 1024);
}

u64 read_instret(void)
{
	return read_counter64(instret);
}

void arch_cpu_relax_forever(void)
{
	for (;;)
		__asm__ __volatile__("wfi");
}
