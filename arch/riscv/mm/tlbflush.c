// SPDX-License-Identifier: MIT
/*
 * TLB flushes (asm/tlbflush.h, asm/mmu_context.h): sfence.vma on this
 * hart, and for the others remote_flush_tlb_all, the one function to
 * measure and replace.
 *
 * The remote flush is an IPI and a wait: each target CPU has a mailbox,
 * whose req the requester bumps before it sends the IPI; the target's
 * IPI handler flushes its whole TLB, publishes req as done and sends an
 * IPI back to every waiting requester.  The requester waits in wfi, not
 * in a spin: with only the software interrupt enabled, so that a pending
 * tick cannot turn the wait into a spin, and serving flush requests
 * addressed to it meanwhile, so that two CPUs flushing each other at
 * once both finish.  It may run with interrupts off, but must not hold
 * a lock a target spins on with interrupts off.
 *
 * Why not SBI RFENCE remote_sfence_vma, one ecall?  Both firmwares
 * (OpenSBI 1.1 and Tern's) wait for the targets by spinning in M-mode,
 * and QEMU 7.2 runs every hart in one host thread: the spin keeps it
 * until the round-robin moves on, hundreds of millions of instructions
 * per flush, and forever under -icount (how every test boots).  Waiting
 * in wfi hands the thread over at once.  tlbflush_bench.c measures both
 * (make bench; Documentation/mm/paging.md).
 */
#include <asm/csr.h>
#include <asm/mmu.h>
#include <asm/mmu_context.h>
#include <asm/page.h>
#include <asm/processor.h>
#include <asm/tlbflush.h>
#include <tern/irqflags.h>
#include <tern/kernel.h>
#include <tern/smp.h>

/* Beyond this many pages one full flush is cheaper than a fence per page. */
#define FLUSH_PAGES_MAX		64

/* One per CPU: req is bumped by requesters (atomically), done written by the CPU. */
static struct tlb_mailbox {
	unsigned long req;	/* flushes asked of this CPU */
	unsigned long done;	/* the req its last flush covered */
} tlb_mailbox[NR_CPUS];

static cpumask_t tlb_waiters;	/* CPUs waiting for flushes to be done; atomic */

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

/* Interrupts off.  Does what was asked of this CPU; true if anything was. */
static bool serve_flush_requests(unsigned int cpu)
{
	struct tlb_mailbox *mb = &tlb_mailbox[cpu];
	unsigned long req = __atomic_load_n(&mb->req, __ATOMIC_ACQUIRE);

	if (req == mb->done)
		return false;
	local_flush_tlb_all();
	__asm__ __volatile__("fence.i" ::: "memory");	/* flush_icache_others asks this too */
	__atomic_store_n(&mb->done, req, __ATOMIC_RELEASE);
	return true;
}

void tlb_flush_ipi(void)
{
	unsigned int cpu = smp_processor_id();
	cpumask_t waiters;

	if (!serve_flush_requests(cpu))
		return;
	waiters = __atomic_load_n(&tlb_waiters, __ATOMIC_ACQUIRE) & ~cpumask_of(cpu);
	if (waiters)
		arch_send_ipi(waiters);
}

static bool flushes_done(cpumask_t cpus, const unsigned long *ticket)
{
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (cpumask_test(cpus, cpu) &&
		    (long)(__atomic_load_n(&tlb_mailbox[cpu].done, __ATOMIC_ACQUIRE) -
			   ticket[cpu]) < 0)
			return false;
	return true;
}

/*
 * Interrupts off.  Returns once every CPU in cpus has flushed its whole
 * TLB (no range is passed on: remote flushes are rare, and a full flush
 * is always right).
 */
static void remote_flush_tlb_all(cpumask_t cpus)
{
	unsigned int self = smp_processor_id(), cpu;
	unsigned long ticket[NR_CPUS], saved_sie;
	bool ipi_seen = false;

	__atomic_fetch_or(&tlb_waiters, cpumask_of(self), __ATOMIC_SEQ_CST);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (cpumask_test(cpus, cpu))
			ticket[cpu] = __atomic_add_fetch(&tlb_mailbox[cpu].req, 1,
							 __ATOMIC_SEQ_CST);
	arch_send_ipi(cpus);
	saved_sie = csr_read(sie);
	csr_write(sie, SIE_SSIE);
	for (;;) {
		ipi_seen |= csr_read(sip) & SIP_SSIP;
		csr_clear(sip, SIP_SSIP);
		tlb_flush_ipi();	/* what others asked of us while we wait */
		if (flushes_done(cpus, ticket))
			break;
		arch_wait_for_interrupt();	/* an IPI, or the acknowledgement */
	}
	csr_write(sie, saved_sie);
	__atomic_fetch_and(&tlb_waiters, ~cpumask_of(self), __ATOMIC_SEQ_CST);
	if (ipi_seen)	/* it may have carried more than flushes: handle_ipi sees it */
		csr_set(sip, SIP_SSIP);
}

void flush_tlb_kernel_range(unsigned long start, unsigned long end)
{
	unsigned long flags = local_irq_save();
	cpumask_t others = READ_ONCE(cpu_online_mask) & ~cpumask_of(smp_processor_id());

	local_flush_tlb_kernel_range(start, end);
	if (others)
		remote_flush_tlb_all(others);
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
		remote_flush_tlb_all(others);
	local_irq_restore(flags);
}

void flush_icache_others(cpumask_t cpus)
{
	unsigned long flags = local_irq_save();
	cpumask_t others = cpus & READ_ONCE(cpu_online_mask) & ~cpumask_of(smp_processor_id());

	if (others)
		remote_flush_tlb_all(others);
	local_irq_restore(flags);
}
