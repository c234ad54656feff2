// SPDX-License-Identifier: MIT
/*
 * Fences on other harts (asm/remote_fence.h): the TLB and instruction
 * cache flushes another hart must do, the one function to measure and
 * replace.
 *
 * Each target CPU has a mailbox, whose req the requester bumps before it
 * sends the IPI; the target's IPI handler fences (fence.i, and with an
 * MMU a whole-TLB sfence.vma), publishes req as done and sends an IPI
 * back to every waiting requester.  The requester waits in wfi, not in a
 * spin: with only the software interrupt enabled, so that a pending tick
 * cannot turn the wait into a spin, and serving requests addressed to it
 * meanwhile, so that two CPUs fencing each other at once both finish.
 *
 * Why not SBI RFENCE (remote_sfence_vma, remote_fence_i), one ecall?
 * Both firmwares (OpenSBI 1.1 and Tern's) wait for the targets by
 * spinning in M-mode, and QEMU 7.2 runs every hart in one host thread:
 * the spin keeps it until the round-robin moves on, hundreds of millions
 * of instructions per fence, and forever under -icount (how every test
 * boots).  Waiting in wfi hands the thread over at once.
 * tlbflush_bench.c measures both (make bench; Documentation/mm/paging.md).
 */
#include <asm/cacheflush.h>
#include <asm/csr.h>
#include <asm/processor.h>
#include <asm/remote_fence.h>
#include <tern/irqflags.h>
#include <tern/kernel.h>
#include <tern/smp.h>

/* One per CPU: req is bumped by requesters (atomically), done written by the CPU. */
static struct fence_mailbox {
	unsigned long req;	/* fences asked of this CPU */
	unsigned long done;	/* the req its last fence covered */
} fence_mailbox[NR_CPUS];

static cpumask_t fence_waiters;	/* CPUs waiting for fences to be done; atomic */

/* Interrupts off.  Does what was asked of this CPU; true if anything was. */
static bool serve_fence_requests(unsigned int cpu)
{
	struct fence_mailbox *mb = &fence_mailbox[cpu];
	unsigned long req = __atomic_load_n(&mb->req, __ATOMIC_ACQUIRE);

	if (req == mb->done)
		return false;
	if (IS_ENABLED(CONFIG_MMU))
		__asm__ __volatile__("sfence.vma" ::: "memory");
	__asm__ __volatile__("fence.i" ::: "memory");
	__atomic_store_n(&mb->done, req, __ATOMIC_RELEASE);
	return true;
}

void remote_fence_ipi(void)
{
	unsigned int cpu = smp_processor_id();
	cpumask_t waiters;

	if (!serve_fence_requests(cpu))
		return;
	waiters = __atomic_load_n(&fence_waiters, __ATOMIC_ACQUIRE) & ~cpumask_of(cpu);
	if (waiters)
		arch_send_ipi(waiters);
}

static bool fences_done(cpumask_t cpus, const unsigned long *ticket)
{
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (cpumask_test(cpus, cpu) &&
		    (long)(__atomic_load_n(&fence_mailbox[cpu].done, __ATOMIC_ACQUIRE) -
			   ticket[cpu]) < 0)
			return false;
	return true;
}

void remote_fence(cpumask_t cpus)
{
	unsigned int self = smp_processor_id(), cpu;
	unsigned long ticket[NR_CPUS], saved_sie;
	bool ipi_seen = false;

	cpus &= ~cpumask_of(self);
	if (!cpus)
		return;
	__atomic_fetch_or(&fence_waiters, cpumask_of(self), __ATOMIC_SEQ_CST);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (cpumask_test(cpus, cpu))
			ticket[cpu] = __atomic_add_fetch(&fence_mailbox[cpu].req, 1,
							 __ATOMIC_SEQ_CST);
	arch_send_ipi(cpus);
	saved_sie = csr_read(sie);
	csr_write(sie, SIE_SSIE);
	for (;;) {
		ipi_seen |= csr_read(sip) & SIP_SSIP;
		csr_clear(sip, SIP_SSIP);
		remote_fence_ipi();	/* what others asked of us while we wait */
		if (fences_done(cpus, ticket))
			break;
		arch_wait_for_interrupt();	/* an IPI, or the acknowledgement */
	}
	csr_write(sie, saved_sie);
	__atomic_fetch_and(&fence_waiters, ~cpumask_of(self), __ATOMIC_SEQ_CST);
	if (ipi_seen)	/* it may have carried more than fences: handle_ipi sees it */
		csr_set(sip, SIP_SSIP);
}

void flush_icache_all(void)
{
	unsigned long flags;

	__asm__ __volatile__("fence.i" ::: "memory");
	if (!IS_ENABLED(CONFIG_SMP) || num_online_cpus() < 2)
		return;
	flags = local_irq_save();
	remote_fence(READ_ONCE(cpu_online_mask));
	local_irq_restore(flags);
}
