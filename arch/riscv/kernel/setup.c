// SPDX-License-Identifier: MIT
/*
 * Early architecture setup: remember the hart and the device tree the
 * firmware handed over, and say what the kernel runs on.
 */
#include <asm/extable.h>
#include <asm/sbi.h>
#include <asm/sections.h>
#include <tern/arch.h>
#include <tern/bench.h>
#include <tern/boot.h>
#include <tern/errno.h>
#include <tern/fdt.h>
#include <tern/kernel.h>
#include <tern/memblock.h>
#include <tern/printk.h>

/* Largest DTB we accept: QEMU's are a few KiB; this bounds a bad header. */
#define DTB_MAX_SIZE	(1u << 20)

unsigned long boot_hartid;
struct fdt boot_fdt;		/* filled by arch_early_setup */

int arch_early_setup(unsigned long hartid, uintptr_t dtb)
{
	boot_hartid = hartid;
	if (!dtb || (dtb & 7))
		return -EINVAL;
	return fdt_init(&boot_fdt, (const void *)dtb, DTB_MAX_SIZE);
}

void arch_reserve_memory(void)
{
	memblock_reserve_or_panic((uintptr_t)_start, (uintptr_t)(_end - _start), "kernel");
}

/* Panics if the word at addr, in free memory, does not answer. */
static void probe_or_panic(phys_addr_t addr)
{
	const struct memblock_region *r = memblock_memory.regions;

	if (addr > UINTPTR_MAX - 3 || !probe_read_word((uintptr_t)addr))
		return;	/* answered, or beyond what we can address (and use) */
	while (r + 1 < memblock_memory.regions + memblock_memory.count && r[1].base <= addr)
		r++;
	panic("Memory: the device tree describes RAM at %#llx-%#llx, but %#llx does not "
	      "answer: does the memory node claim more than the machine has?",
	      (unsigned long long)r->base, (unsigned long long)(r->base + r->size - 1),
	      (unsigned long long)addr);
}

/*
 * The first and the last whole word of [start, end) that a pointer can
 * reach, if it holds one: on rv32 the page allocator uses a range that
 * runs past 4 GiB up to 4 GiB, so that is the end to probe.
 */
static void probe_free_range(phys_addr_t start, phys_addr_t end, void *unused)
{
	const phys_addr_t limit = (phys_addr_t)UINTPTR_MAX + 1;
	phys_addr_t first = ALIGN_UP(start, 4), last;

	if (sizeof(phys_addr_t) > sizeof(uintptr_t) && end > limit)
		end = limit;
	if (first + 4 > end)
		return;
	last = ALIGN_DOWN(end, 4) - 4;
	probe_or_panic(first);
	if (last != first)
		probe_or_panic(last);
}

/*
 * A memory node larger than the RAM behind it would end in an oops deep in
 * the page allocator's setup (memblock_alloc takes the highest addresses
 * first).  So the first and last word of every free range, what the page
 * allocator is about to use, are probed first, and the usual mistake is
 * refused by name.  (Reserved ranges are not touched: the firmware's may
 * be closed to us by PMP.)  A hole in the middle of a range cannot be
 * found this way; it faults later, as an oops.
 */
void arch_check_memory(void)
{
	memblock_for_each_free(probe_free_range, NULL);
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
