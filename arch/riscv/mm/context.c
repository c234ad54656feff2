// SPDX-License-Identifier: MIT
/*
 * ASIDs, in generations (asm/mmu_context.h).
 *
 * asid_lock guards generation, next_asid and flush_pending.  A context's
 * id is written under it and read under it, except by flushes, which
 * may see the old id and flush the wrong ASID on this CPU only while a
 * new generation has not yet reached it (and then its TLB is flushed
 * whole before the next switch).
 *
 * Why no ASID of an old generation can reach a stale translation: when
 * the ASIDs run out, every CPU is marked to flush its whole TLB before
 * it next switches, and a CPU only ever uses a new-generation ASID after
 * a switch.  A CPU still running an address space with an old ASID
 * keeps its own, untouched entries until then.
 *
 * One lock for every switch is simple, not fast; a lock-free fast path
 * for "ctx's ASID is current and this CPU needs no flush" is the obvious
 * next step when switches are frequent.
 */
#include <asm/csr.h>
#include <asm/mmu.h>
#include <asm/mmu_context.h>
#include <asm/pgtable.h>
#include <asm/tlbflush.h>
#include <tern/irqflags.h>
#include <tern/mm.h>
#include <tern/spinlock.h>

#define ASID_FIRST_GEN	((u64)1 << ASID_GEN_SHIFT)
#define ASID_OF(id)	((unsigned long)((id) & (ASID_FIRST_GEN - 1)))

static spinlock_t asid_lock = SPINLOCK_INIT;
static u64 generation = ASID_FIRST_GEN;		/* under asid_lock */
static unsigned long next_asid = 1;		/* under asid_lock; 0 is never given */
static cpumask_t flush_pending;			/* under asid_lock */

/* Under asid_lock. */
static u64 new_asid(void)
{
	if (next_asid >> asid_bits) {
		generation += ASID_FIRST_GEN;
		next_asid = 1;
		flush_pending = CPU_MASK_ALL;
	}
	return generation | next_asid++;
}

unsigned long asid_get(struct mm_asid *ctx, unsigned int cpu, bool *flush)
{
	u64 id;

	spin_lock(&asid_lock);
	id = ctx->id;
	if ((id & ~(ASID_FIRST_GEN - 1)) != generation) {
		id = new_asid();
		WRITE_ONCE(ctx->id, id);
	}
	*flush = cpumask_test(flush_pending, cpu);
	flush_pending &= ~cpumask_of(cpu);
	spin_unlock(&asid_lock);
	return ASID_OF(id);
}

void switch_address_space(struct mm_asid *ctx, phys_addr_t root)
{
	unsigned long satp = (unsigned long)SATP_MODE_CONFIGURED << SATP_MODE_SHIFT |
			     (unsigned long)(root >> PAGE_SHIFT);
	unsigned long asid;
	bool flush;

	if (!asid_bits) {
		csr_write(satp, satp);
		local_flush_tlb_all();
		return;
	}
	asid = asid_get(ctx, smp_processor_id(), &flush);
	csr_write(satp, satp | asid << SATP_ASID_SHIFT);
	if (flush)
		local_flush_tlb_all();
}

/* ---- user address spaces (include/tern/mm.h) ---- */

static inline void local_flush_icache_all(void)
{
	__asm__ __volatile__("fence.i" ::: "memory");
}

void switch_mm(struct mm_struct *prev, struct mm_struct *next)
{
	cpumask_t self = cpumask_of(smp_processor_id());

	if (prev == next)
		return;
	if (!next) {
		csr_write(satp, swapper_satp);
		if (!asid_bits)		/* untagged entries of prev would still answer */
			local_flush_tlb_all();
		return;
	}
	/* Set before satp: a flush from now on reaches this CPU. */
	__atomic_fetch_or(&next->cpumask, self, __ATOMIC_SEQ_CST);
	if (__atomic_load_n(&next->icache_stale, __ATOMIC_RELAXED) & self) {
		__atomic_fetch_and(&next->icache_stale, ~self, __ATOMIC_RELAXED);
		local_flush_icache_all();
	}
	switch_address_space(&next->asid_ctx, __pa(next->pgt.root));
}

void flush_tlb_user_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	cpumask_t cpus = __atomic_load_n(&mm->cpumask, __ATOMIC_SEQ_CST);

	if (cpus)
		flush_tlb_mm_range(cpus, &mm->asid_ctx, start, end);
}

void flush_tlb_mm(struct mm_struct *mm)
{
	flush_tlb_user_range(mm, 0, TASK_SIZE);
}

void flush_icache_mm(struct mm_struct *mm)
{
	unsigned long flags = local_irq_save();
	cpumask_t self = cpumask_of(smp_processor_id());

	__atomic_fetch_or(&mm->icache_stale, CPU_MASK_ALL & ~self, __ATOMIC_RELAXED);
	local_flush_icache_all();
	local_irq_restore(flags);
	/*
	 * Threads: other harts may be running mm right now, and would fence
	 * only at their next switch_mm.  mm->cpumask holds every CPU that
	 * ran it (a superset of those running it); one user means only the
	 * caller can be running it.
	 */
	if (__atomic_load_n(&mm->users, __ATOMIC_RELAXED) > 1)
		flush_icache_others(__atomic_load_n(&mm->cpumask, __ATOMIC_SEQ_CST) & ~self);
}
