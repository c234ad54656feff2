// SPDX-License-Identifier: MIT
/*
 * Remote TLB shootdown, two ways, counted on the requesting hart (make
 * bench; Documentation/mm/paging.md keeps the figures):
 *   tlb_shootdown_ipi  flush_tlb_kernel_range of one page: sfence.vma
 *                      here, then an IPI to every other online CPU and a
 *                      wait for each to answer (tlbflush.c)
 *   tlb_shootdown_sbi  the same page: sfence.vma here, then SBI RFENCE
 *                      remote_sfence_vma to every other online hart, which
 *                      returns once the firmware has had them fence; only
 *                      when named (bench=tlb_shootdown_sbi)
 * Both report how many other CPUs were flushed; with none the figures
 * are the local cost only.  Interrupts stay on around each operation,
 * as for any caller.
 */
#include <asm/sbi.h>
#include <asm/tlbflush.h>
#include <tern/bench.h>
#include <tern/irqflags.h>
#include <tern/kernel.h>
#include <tern/page.h>
#include <tern/smp.h>

/* Any kernel page will do: nothing changes, only the fences are timed. */
static unsigned long bench_page(void)
{
	return (unsigned long)&bench_page & PAGE_MASK;
}

static unsigned int other_cpus(cpumask_t *mask)
{
	unsigned int cpu, n = 0;

	*mask = READ_ONCE(cpu_online_mask) & ~cpumask_of(smp_processor_id());
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		n += cpumask_test(*mask, cpu);
	return n;
}

static void bench_ipi(struct bench *b)
{
	unsigned long va = bench_page(), i;
	cpumask_t others;

	bench_report(b, "other_cpus", other_cpus(&others), "cpus");
	bench_start(b);
	for (i = 0; i < b->iterations; i++)
		flush_tlb_kernel_range(va, va + PAGE_SIZE);
	bench_stop(b);
}
BENCH(tlb_shootdown_ipi, 200, bench_ipi);

static void bench_sbi(struct bench *b)
{
	unsigned long va = bench_page(), harts = 0, i;
	unsigned int cpu;
	cpumask_t others;

	bench_report(b, "other_cpus", other_cpus(&others), "cpus");
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		unsigned long hartid = cpu_to_hartid(cpu);

		if (!cpumask_test(others, cpu))
			continue;
		if (hartid >= __riscv_xlen) {
			b->failed = true;	/* one mask from hart 0 cannot name it */
			return;
		}
		harts |= 1UL << hartid;
	}
	bench_start(b);
	for (i = 0; i < b->iterations; i++) {
		local_flush_tlb_page(va);
		if (harts && sbi_remote_sfence_vma(harts, 0, va, PAGE_SIZE).error) {
			b->failed = true;
			break;
		}
	}
	bench_stop(b);
}
/*
 * On request only: under QEMU the firmware's spin-wait for the targets
 * holds the one host thread that runs every hart, so a single operation
 * takes hundreds of millions of instructions, and never ends under
 * -icount (Documentation/mm/paging.md).
 */
BENCH_ON_REQUEST(tlb_shootdown_sbi, 1, bench_sbi);
