/* SPDX-License-Identifier: MIT */
/*
 * Address spaces on the hart: which page table satp names, under which
 * ASID (arch/riscv/mm/context.c), and flushing one address space's
 * translations.  For the user address-space code: an mm embeds a struct
 * mm_asid and calls switch_address_space when a CPU starts running it.
 *
 * ASIDs come from one allocator for the machine, in generations: an
 * address space keeps its ASID while the generation lasts; when the
 * ASIDs run out a new generation starts, every CPU flushes its whole TLB
 * before it next uses one, and each address space gets a new ASID when
 * it next runs.  ASID 0 is never handed out.  Without ASIDs (asid_bits
 * 0) every switch flushes the whole TLB.
 */
#ifndef ASM_MMU_CONTEXT_H
#define ASM_MMU_CONTEXT_H

#include <asm/tlbflush.h>
#include <tern/smp.h>
#include <tern/types.h>

struct mm_asid {
	u64 id;		/* generation << ASID_GEN_SHIFT | ASID; 0: never had one */
};

#define ASID_GEN_SHIFT	16	/* above the widest ASID (rv64: 16 bits) */

/*
 * Interrupts off, preemption off.  satp = the table at root (physical;
 * its kernel half is swapper_pg_dir's) with ctx's ASID, allocating one
 * if ctx has none of the current generation, flushing this CPU's TLB
 * when the ASID may have been another address space's here.
 */
void switch_address_space(struct mm_asid *ctx, phys_addr_t root);

/*
 * The ASID ctx runs with on cpu, allocated as above; *flush says whether
 * cpu must flush its whole TLB before using it.  switch_address_space's
 * core, for it and the ktests.
 */
unsigned long asid_get(struct mm_asid *ctx, unsigned int cpu, bool *flush);

/*
 * [start, end) of ctx's address space is out of the TLB of every CPU in
 * cpus (those it ran on) when this returns.  Locally by ASID (page by
 * page, or the whole ASID when that is cheaper); other CPUs flush their
 * whole TLB.  Calling rules as flush_tlb_kernel_range.
 */
/*
 * The CPUs in cpus other than this one have flushed their TLBs and
 * instruction caches (fence.i) when this returns: the same IPI and wait
 * as the remote TLB flush (arch/riscv/mm/tlbflush.c), whose handler
 * fences both.  The same rules as flush_tlb_kernel_range.
 */
void flush_icache_others(cpumask_t cpus);

void flush_tlb_mm_range(cpumask_t cpus, const struct mm_asid *ctx, unsigned long start,
			unsigned long end);

/*
 * User address spaces (include/tern/mm.h) on the harts.  mm->cpumask
 * has every CPU the mm ran on since it was made: with ASIDs a CPU keeps
 * its translations after switching away, so flushes go to all of them.
 *
 * switch_mm loads next's root with its ASID (swapper_pg_dir's, ASID 0,
 * for NULL: kernel mappings are global, and no user translation is ever
 * tagged 0).  Interrupts off; from the scheduler and use_mm.
 */
struct mm_struct;
void switch_mm(struct mm_struct *prev, struct mm_struct *next);

/* Every TLB that may hold translations of mm's user half, or of [start, end), is flushed. */
void flush_tlb_mm(struct mm_struct *mm);
void flush_tlb_user_range(struct mm_struct *mm, unsigned long start, unsigned long end);

/*
 * Pages of mm were written that the harts may execute: this hart's
 * instruction fetches see them on return, and every other hart's once
 * it next loads mm (switch_mm).  When mm has more than one user
 * (threads), the harts that ran it are sent an IPI and fence.i at once
 * (flush_icache_others), as one of them may be running it right now.
 * Not with interrupts off (the IPI's wait), nor from a handler.
 */
void flush_icache_mm(struct mm_struct *mm);

#endif
