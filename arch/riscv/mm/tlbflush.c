// SPDX-License-Identifier: MIT
/*
 * TLB flushes (asm/tlbflush.h, asm/mmu_context.h): sfence.vma on this
 * hart, and for the others remote_fence (arch/riscv/mm/remote_fence.c),
 * an IPI and a wait in wfi after which each target has flushed its whole
 * TLB (no range is passed on: remote flushes are rare, and a full flush
 * is always right) and fenced its instruction fetches.  It may run with
 * interrupts off, but must not hold a lock a target spins on with
 * interrupts off.
 */
#include <asm/csr.h>
#include <asm/mmu.h>
#include <asm/mmu_context.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/remote_fence.h>
#include <asm/tlbflush.h>
#include <tern/irqflags.h>
#include <tern/kernel.h>
#include <tern/smp.h>

/* Beyond this many pages one full flush is cheaper than a fence per page. */
#define FLUSH_PAGES_MAX		64

void local_flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	unsigned long pages = (end - (start & PAGE_MASK) + PAGE_SIZE - 1) / PAGE_SIZE, va;

	if (pages > FLUSH_PAGES_MAX) {
		local_flush_tlb_all();
		return;
	}
	for (va = start & PAGE_MASK; pages; pages--, va += PAGE_SIZE)
		local_flush_tlb_page(va);
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	unsigned long flags = local_irq_save();
	cpumask_t others = READ_ONCE(cpu_online_mask) & ~cpumask_of(smp_processor_id());

	local_flush_tlb_kernel_range(start, end);
	if (others)
		remote_fence(others);
	local_irq_restore(flags);
}

/* This hart: ctx's [start, end), by ASID; everything when there are none. */
static void local_flush_tlb_mm_range(const struct mm_asid *ctx, unsigned long start,
				     unsigned long end)
{
	unsigned long asid = (unsigned long)(READ_ONCE(ctx->id) & SATP_ASID_MASK);
	unsigned long pages = (end - (start & PAGE_MASK) + PAGE_SIZE - 1) / PAGE_SIZE, va;

	if (!asid_bits || !asid) {
		local_flush_tlb_all();
		return;
	}
	if (pages > FLUSH_PAGES_MAX) {
		__asm__ __volatile__("sfence.vma zero, %0" :: "r"(asid) : "memory");
		return;
	}
	for (va = start & PAGE_MASK; pages; pages--, va += PAGE_SIZE)
		__asm__ __volatile__("sfence.vma %0, %1" :: "r"(va), "r"(asid) : "memory");
}

void flush_tlb_mm_range(cpumask_t cpus, const struct mm_asid *ctx, unsigned long start,
			unsigned long end)
{
	unsigned long flags = local_irq_save();
	unsigned int self = smp_processor_id();
	cpumask_t others = cpus & READ_ONCE(cpu_online_mask) & ~cpumask_of(self);

	if (cpumask_test(cpus, self))
		local_flush_tlb_mm_range(ctx, start, end);
	if (others)
		remote_fence(others);
	local_irq_restore(flags);
}

void flush_icache_others(cpumask_t cpus)
{
	unsigned long flags = local_irq_save();
	cpumask_t others = cpus & READ_ONCE(cpu_online_mask) & ~cpumask_of(smp_processor_id());

	if (others)
		remote_fence(others);
	local_irq_restore(flags);
}
