// SPDX-License-Identifier: MIT
/*
 * Early architecture setup: remember the hart and the device tree the
 * firmware handed over, and say what the kernel runs on.
 */
#include <asm/csr.h>
#include <asm/extable.h>
#include <asm/mmu.h>
#include <asm/sbi.h>
#include <asm/sections.h>
#include <tern/arch.h>
#include <tern/bench.h>
#include <tern/boot.h>
#include <tern/errno.h>
#include <tern/fdt.h>
#include <tern/kernel.h>
#include <tern/memblock.h>
#include <tern/page.h>
#include <tern/printk.h>

unsigned long boot_hartid;
struct fdt boot_fdt;		/* filled by arch_early_setup */
uintptr_t boot_dtb_address;	/* set by arch_early_setup */

int arch_early_setup(unsigned long hartid, uintptr_t dtb)
{
	const void *blob;

	boot_hartid = hartid;
	boot_dtb_address = dtb;
	csr_write(scounteren, SCOUNTEREN_USER);
	if (!dtb || (dtb & 7))
		return -EINVAL;
	blob = paging_dtb_va(dtb);
	if (!blob || probe_read_word((uintptr_t)blob))
		return -EFAULT;		/* not mapped, or no memory there */
	return fdt_init(&boot_fdt, blob, DTB_MAX_SIZE);
}

void arch_paging_init(void)
{
	if (IS_ENABLED(CONFIG_MMU))
		paging_init();
}

/* Keeps RAM the linear map cannot cover (asm/page.h) from every allocator. */
static void reserve_beyond_linear_map(void)
{
	const phys_addr_t lo = PFN_PHYS(LINEAR_PFN_START);
	unsigned int i;

	for (i = 0; i < memblock_memory.count; i++) {
		const struct memblock_region *m = &memblock_memory.regions[i];
		phys_addr_t end = m->base + m->size, hi;

		if (m->base < lo)
			memblock_reserve_or_panic(m->base, MIN(end, lo) - m->base,
						  "outside the linear map");
		/* By page frame: without paging on rv64 the end is 2^64. */
		if (PFN_DOWN(end - 1) >= LINEAR_PFN_END) {
			hi = MAX(m->base, PFN_PHYS(LINEAR_PFN_END));
			memblock_reserve_or_panic(hi, end - hi, "outside the linear map");
		}
	}
}

void arch_reserve_memory(void)
{
	memblock_reserve_or_panic(__pa(_start), (uintptr_t)(_end - _start), "kernel");
	memblock_reserve_or_panic(boot_dtb_address, boot_fdt.size, "device tree");
	reserve_beyond_linear_map();
}

/* Panics if the word at addr, in free memory the linear map covers, does not answer. */
static void probe_or_panic(phys_addr_t addr)
{
	const struct memblock_region *r = memblock_memory.regions;

	if (!probe_read_word((uintptr_t)__va(addr)))
		return;
	while (r + 1 < memblock_memory.regions + memblock_memory.count && r[1].base <= addr)
		r++;
	panic("Memory: the device tree describes RAM at %#llx-%#llx, but %#llx does not "
	      "answer: does the memory node claim more than the machine has?",
	      (unsigned long long)r->base, (unsigned long long)(r->base + r->size - 1),
	      (unsigned long long)addr);
}

/*
 * The first and the last whole word of [start, end), if it holds one.
 * Free memory lies in the linear map: what does not is reserved.
 */
static void probe_free_range(phys_addr_t start, phys_addr_t end, void *unused)
{
	phys_addr_t first = ALIGN_UP(start, 4), last;

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
