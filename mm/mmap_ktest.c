// SPDX-License-Identifier: MIT
/*
 * User address spaces on the hart (include/tern/mm.h): the test borrows
 * each address space (use_mm) and reaches it through the uaccess
 * helpers, so every page comes from a real page fault taken inside a
 * helper, through arch/riscv/mm/fault.c and handle_mm_fault.
 *
 * The host tests (tests/test_vma.c, tests/test_mm_fault.c) cover the
 * region tree and the fault logic against models; these check that the
 * same code works on the hart: satp, SUM, the TLB and the allocator.
 */
#include <asm/mmu_context.h>
#include <tern/errno.h>
#include <tern/ktest.h>
#include <tern/mm.h>
#include <tern/mman.h>
#include <tern/page.h>
#include <tern/pgalloc.h>
#include <tern/sched.h>
#include <tern/smp.h>
#include <tern/string.h>
#include <tern/uaccess.h>

#define BUMP		IS_ENABLED(CONFIG_PGALLOC_BUMP)
#define AREA		0x10000000UL	/* where the tests map, well inside every user half */
#define RW		(PROT_READ | PROT_WRITE)
#define PRIV		(MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED)

static struct mm_struct *new_mm(struct ktest *t)
{
	struct mm_struct *mm = mm_alloc();

	if (!mm)
		ktest_fail(t, __FILE__, __LINE__, "mm_alloc: no memory");
	return mm;
}

static int map(struct mm_struct *mm, unsigned long addr, unsigned long len,
	       unsigned long prot, unsigned long flags)
{
	unsigned long got;
	int err = do_mmap(mm, addr, len, prot, flags, &got);

	return err ? err : (got == addr ? 0 : -EINVAL);
}

/* The word at user address addr of mm, read through get_user (-1 if that fails). */
static long peek(struct mm_struct *mm, unsigned long addr)
{
	unsigned long v;
	int err;

	use_mm(mm);
	err = get_user(v, (unsigned long __user *)addr);
	unuse_mm(mm);
	return err ? -1 : (long)v;
}

/* Stores v at user address addr of mm through put_user: 0 or -EFAULT. */
static int poke(struct mm_struct *mm, unsigned long addr, unsigned long v)
{
	int err;

	use_mm(mm);
	err = put_user(v, (unsigned long __user *)addr);
	unuse_mm(mm);
	return err;
}

static struct page *page_at(struct mm_struct *mm, unsigned long addr)
{
	pteval_t pte = mm_follow_pte(mm, addr);

	return pte ? pfn_to_page((unsigned long)(pte_phys(pte) >> PAGE_SHIFT)) : NULL;
}

static unsigned long free_pages_now(void)
{
	struct pgalloc_stats s;

	pgalloc_get_stats(&s);
	return s.free_pages;
}

static void a_new_address_space_shares_the_kernel_half(struct ktest *t)
{
	struct mm_struct *mm = new_mm(t);
	unsigned long i, user = TASK_SIZE >> LEVEL_SHIFT(PGTABLE_LEVELS - 1);

	if (!mm)
		return;
	for (i = 0; i < PTRS_PER_TABLE; i++)
		if (mm->pgt.root[i] != (i < user ? 0 : swapper_pg_dir[i])) {
			ktest_fail(t, __FILE__, __LINE__, "root entry %lu differs", i);
			break;
		}
	KTEST_EXPECT_EQ(t, mm->map_count, 0);
	KTEST_EXPECT_EQ(t, mm->nr_pgtables, 0);
	/* The kernel runs on it: its stack, code and data are where they were. */
	use_mm(mm);
	KTEST_EXPECT(t, current->mm == mm);
	unuse_mm(mm);
	KTEST_EXPECT(t, !current->mm);
	mmput(mm);
}

static void demand_zero_through_copy_to_user(struct ktest *t)
{
	static const char msg[] = "first touch";
	struct mm_struct *mm = new_mm(t);
	char buf[16];

	if (!mm)
		return;
	KTEST_ASSERT(t, !map(mm, AREA, 4 * PAGE_SIZE, RW, PRIV));
	KTEST_EXPECT_EQ(t, mm_follow_pte(mm, AREA + PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, mm->rss, 0);
	use_mm(mm);
	/* A read maps a zeroed page... */
	memset(buf, 0x5a, sizeof(buf));
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)(AREA + 8), sizeof(buf)), 0);
	KTEST_EXPECT_EQ(t, buf[0], 0);
	KTEST_EXPECT_EQ(t, buf[15], 0);
	/* ...and a write, across two untouched pages, two more. */
	KTEST_EXPECT_EQ(t, copy_to_user((void __user *)(AREA + 2 * PAGE_SIZE - 4), msg,
					sizeof(msg)), 0);
	memset(buf, 0, sizeof(buf));
	KTEST_EXPECT_EQ(t, copy_from_user(buf, (void __user *)(AREA + 2 * PAGE_SIZE - 4),
					  sizeof(msg)), 0);
	unuse_mm(mm);
	KTEST_EXPECT_STREQ(t, buf, msg);
	KTEST_EXPECT_EQ(t, mm->rss, 3);
	KTEST_EXPECT(t, mm_follow_pte(mm, AREA + PAGE_SIZE) & _PAGE_W);
	KTEST_EXPECT_EQ(t, mm_follow_pte(mm, AREA + 3 * PAGE_SIZE), 0);
	KTEST_EXPECT_GT(t, mm->nr_pgtables, 0);
	mmput(mm);
}

static void map_unmap_and_protect(struct ktest *t)
{
	struct mm_struct *mm = new_mm(t);
	unsigned long i;

	if (!mm)
		return;
	KTEST_ASSERT(t, !map(mm, AREA, 4 * PAGE_SIZE, RW, PRIV));
	for (i = 0; i < 4; i++)
		KTEST_EXPECT_EQ(t, poke(mm, AREA + i * PAGE_SIZE, 100 + i), 0);
	/* Read-only in the middle: three regions, reads still work, writes fail. */
	KTEST_EXPECT_EQ(t, do_mprotect(mm, AREA + PAGE_SIZE, 2 * PAGE_SIZE, PROT_READ), 0);
	KTEST_EXPECT_EQ(t, mm->map_count, 3);
	KTEST_EXPECT(t, !(mm_follow_pte(mm, AREA + PAGE_SIZE) & _PAGE_W));
	KTEST_EXPECT_EQ(t, peek(mm, AREA + PAGE_SIZE), 101);
	KTEST_EXPECT_EQ(t, poke(mm, AREA + PAGE_SIZE, 1), -EFAULT);
	KTEST_EXPECT_EQ(t, poke(mm, AREA + 2 * PAGE_SIZE, 1), -EFAULT);
	KTEST_EXPECT_EQ(t, poke(mm, AREA, 200), 0);
	KTEST_EXPECT_EQ(t, poke(mm, AREA + 3 * PAGE_SIZE, 203), 0);
	/* PROT_NONE keeps the page but refuses reads too. */
	KTEST_EXPECT_EQ(t, do_mprotect(mm, AREA + PAGE_SIZE, PAGE_SIZE, PROT_NONE), 0);
	KTEST_EXPECT_EQ(t, peek(mm, AREA + PAGE_SIZE), -1);
	/* Writable again: one region, the contents kept. */
	KTEST_EXPECT_EQ(t, do_mprotect(mm, AREA, 4 * PAGE_SIZE, RW), 0);
	KTEST_EXPECT_EQ(t, mm->map_count, 1);
	KTEST_EXPECT_EQ(t, peek(mm, AREA + PAGE_SIZE), 101);
	KTEST_EXPECT_EQ(t, poke(mm, AREA + PAGE_SIZE, 201), 0);
	KTEST_EXPECT_EQ(t, peek(mm, AREA + PAGE_SIZE), 201);
	/* A hole: its page is gone, and touching it fails. */
	KTEST_EXPECT_EQ(t, do_munmap(mm, AREA + 2 * PAGE_SIZE, PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, mm->map_count, 2);
	KTEST_EXPECT_EQ(t, mm->rss, 3);
	KTEST_EXPECT_EQ(t, mm_follow_pte(mm, AREA + 2 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, peek(mm, AREA + 2 * PAGE_SIZE), -1);
	KTEST_EXPECT_EQ(t, poke(mm, AREA + 2 * PAGE_SIZE, 1), -EFAULT);
	KTEST_EXPECT_EQ(t, peek(mm, AREA + 3 * PAGE_SIZE), 203);
	KTEST_EXPECT_EQ(t, do_munmap(mm, AREA, 4 * PAGE_SIZE), 0);
	KTEST_EXPECT_EQ(t, mm->map_count, 0);
	KTEST_EXPECT_EQ(t, mm->rss, 0);
	KTEST_EXPECT_EQ(t, peek(mm, AREA), -1);
	mmput(mm);
}

static void brk_moves_the_heap(struct ktest *t)
{
	struct mm_struct *mm = new_mm(t);
	unsigned long base = AREA;

	if (!mm)
		return;
	mm->start_brk = mm->brk = base;	/* what exec will do */
	KTEST_EXPECT_EQ(t, do_brk(mm, base + 3 * PAGE_SIZE + 10), base + 3 * PAGE_SIZE + 10);
	KTEST_EXPECT_EQ(t, poke(mm, base + 3 * PAGE_SIZE, 7), 0);	/* the partial page too */
	KTEST_EXPECT_EQ(t, peek(mm, base), 0);
	KTEST_EXPECT_EQ(t, mm->rss, 2);
	KTEST_EXPECT_EQ(t, do_brk(mm, base - PAGE_SIZE), base + 3 * PAGE_SIZE + 10);
	KTEST_EXPECT_EQ(t, do_brk(mm, base + PAGE_SIZE), base + PAGE_SIZE);
	KTEST_EXPECT_EQ(t, mm->rss, 1);
	KTEST_EXPECT_EQ(t, peek(mm, base + 3 * PAGE_SIZE), -1);
	KTEST_EXPECT_EQ(t, do_brk(mm, base), base);
	KTEST_EXPECT_EQ(t, mm->rss, 0);
	KTEST_EXPECT_EQ(t, peek(mm, base), -1);
	mmput(mm);
}

static void a_stack_grows_down(struct ktest *t)
{
	struct mm_struct *mm = new_mm(t);
	unsigned long top = AREA + 64 * PAGE_SIZE;

	if (!mm)
		return;
	KTEST_ASSERT(t, !map(mm, top - PAGE_SIZE, PAGE_SIZE, RW, PRIV | MAP_GROWSDOWN));
	KTEST_EXPECT_EQ(t, poke(mm, top - 5 * PAGE_SIZE, 9), 0);
	KTEST_EXPECT_EQ(t, peek(mm, top - 5 * PAGE_SIZE), 9);
	KTEST_EXPECT_EQ(t, mm->map_count, 1);
	/* Farther than the stack may grow: a fault like any other. */
	KTEST_EXPECT_EQ(t, poke(mm, top - STACK_LIMIT - PAGE_SIZE, 9), -EFAULT);
	mmput(mm);
}

static void faults_outside_regions_or_against_permissions_fail(struct ktest *t)
{
	struct mm_struct *mm = new_mm(t);

	if (!mm)
		return;
	KTEST_ASSERT(t, !map(mm, AREA, PAGE_SIZE, PROT_READ, PRIV));
	KTEST_ASSERT(t, !map(mm, AREA + 2 * PAGE_SIZE, PAGE_SIZE, RW, PRIV));
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, 0, 0), -EFAULT);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, AREA + PAGE_SIZE, 0), -EFAULT);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, AREA, FAULT_FLAG_WRITE), -EFAULT);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, AREA + 2 * PAGE_SIZE, FAULT_FLAG_INSTRUCTION),
			-EFAULT);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, TASK_SIZE, 0), -EFAULT);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, AREA, 0), 0);
	KTEST_EXPECT_EQ(t, handle_mm_fault(mm, AREA + 2 * PAGE_SIZE, FAULT_FLAG_WRITE), 0);
	KTEST_EXPECT_EQ(t, mm->rss, 2);
	mmput(mm);
}

static void cow_shares_a_page_until_a_write(struct ktest *t)
{
	struct mm_struct *parent = new_mm(t), *child;
	struct page *orig;

	if (!parent)
		return;
	KTEST_ASSERT(t, !map(parent, AREA, 2 * PAGE_SIZE, RW, PRIV));
	KTEST_EXPECT_EQ(t, poke(parent, AREA, 0x1111), 0);
	orig = page_at(parent, AREA);
	KTEST_ASSERT(t, orig);
	child = dup_mm(parent);
	KTEST_ASSERT(t, child);
	/* One page, read-only in both, two references. */
	KTEST_EXPECT(t, page_at(child, AREA) == orig);
	KTEST_EXPECT_EQ(t, page_ref_count(orig), 2);
	KTEST_EXPECT(t, !(mm_follow_pte(parent, AREA) & _PAGE_W));
	KTEST_EXPECT(t, !(mm_follow_pte(child, AREA) & _PAGE_W));
	KTEST_EXPECT_EQ(t, peek(child, AREA), 0x1111);
	KTEST_EXPECT_EQ(t, mm_follow_pte(child, AREA + PAGE_SIZE), 0);	/* never touched */
	/* The child writes: it gets a copy, the parent keeps the original. */
	KTEST_EXPECT_EQ(t, poke(child, AREA, 0x2222), 0);
	KTEST_EXPECT(t, page_at(child, AREA) != orig);
	KTEST_EXPECT(t, mm_follow_pte(child, AREA) & _PAGE_W);
	KTEST_EXPECT_EQ(t, page_ref_count(orig), 1);
	KTEST_EXPECT_EQ(t, peek(parent, AREA), 0x1111);
	KTEST_EXPECT_EQ(t, peek(child, AREA), 0x2222);
	/* The parent, alone on its page now, writes to it without a copy. */
	KTEST_EXPECT_EQ(t, poke(parent, AREA, 0x3333), 0);
	KTEST_EXPECT(t, page_at(parent, AREA) == orig);
	KTEST_EXPECT_EQ(t, peek(child, AREA), 0x2222);
	mmput(child);
	KTEST_EXPECT_EQ(t, peek(parent, AREA), 0x3333);
	mmput(parent);
}

static void shared_regions_stay_shared_across_fork(struct ktest *t)
{
	struct mm_struct *parent = new_mm(t), *child;

	if (!parent)
		return;
	KTEST_ASSERT(t, !map(parent, AREA, PAGE_SIZE, RW, MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED));
	child = dup_mm(parent);
	KTEST_ASSERT(t, child);
	KTEST_EXPECT_EQ(t, poke(child, AREA, 0x4444), 0);
	KTEST_EXPECT_EQ(t, peek(parent, AREA), 0x4444);
	KTEST_EXPECT(t, page_at(parent, AREA) == page_at(child, AREA));
	mmput(parent);
	KTEST_EXPECT_EQ(t, peek(child, AREA), 0x4444);
	mmput(child);
}

/* One address space's life: regions, pages, a fork, a copy-on-write, the end. */
static bool live_one(unsigned int i)
{
	struct mm_struct *mm = mm_alloc(), *child = NULL;
	unsigned long addr = AREA + (i % 64) * (1UL << 22);	/* different tables each time */
	bool ok = false;

	if (!mm)
		return false;
	if (map(mm, addr, 16 * PAGE_SIZE, RW, PRIV) ||
	    map(mm, addr + 32 * PAGE_SIZE, PAGE_SIZE, RW, MAP_SHARED | MAP_ANONYMOUS | MAP_FIXED))
		goto out;
	use_mm(mm);
	ok = !clear_user((void __user *)addr, 16 * PAGE_SIZE);
	unuse_mm(mm);
	if (!ok || i % 8)
		goto out;
	child = dup_mm(mm);
	ok = child && !poke(child, addr + PAGE_SIZE, i) && !do_munmap(mm, addr, 4 * PAGE_SIZE);
out:
	if (child)
		mmput(child);
	mmput(mm);
	return ok;
}

static void a_thousand_address_spaces_leak_nothing(struct ktest *t)
{
	unsigned int i, n = BUMP ? 20 : 1000;	/* bump never gets pages back */
	unsigned long before;

	KTEST_ASSERT(t, live_one(0));	/* the object caches' first slabs */
	before = free_pages_now();
	for (i = 0; i < n; i++)
		if (!live_one(i)) {
			ktest_fail(t, __FILE__, __LINE__, "address space %u: no memory", i);
			return;
		}
	if (!BUMP)
		KTEST_EXPECT_EQ(t, free_pages_now(), before);
}

/* ---- TLBs of other CPUs ---- */

struct tlb_reader {
	struct mm_struct *mm;
	struct completion primed, done;
	int stop;			/* set by the test once the page is unmapped */
	int before, after;		/* get_user's results */
	unsigned long last;		/* the last value the loop read */
	unsigned int cpu;
};

/*
 * Keeps mm loaded on its CPU, reading the page (so the translation stays
 * in this CPU's TLB) until told the page is gone; then reads once more.
 * It spins rather than sleeps: a switch would flush the TLB itself.
 * Between two reads it waits a little: each get_user toggles sstatus.SUM,
 * which costs QEMU a whole TLB flush, and back to back they made this
 * test the slowest of the boot.
 */
static int tlb_reader_thread(void *arg)
{
	struct tlb_reader *r = arg;
	unsigned long v;

	use_mm(r->mm);
	r->cpu = smp_processor_id();
	r->before = get_user(v, (unsigned long __user *)AREA) ?: (v == 0x77 ? 0 : -EINVAL);
	complete(&r->primed);
	while (!__atomic_load_n(&r->stop, __ATOMIC_ACQUIRE)) {	/* faults once the page is gone */
		if (!get_user(v, (unsigned long __user *)AREA))
			WRITE_ONCE(r->last, v);
		for (int i = 0; i < 256; i++)
			barrier();
	}
	r->after = get_user(v, (unsigned long __user *)AREA);
	unuse_mm(r->mm);
	complete(&r->done);
	return 0;
}

/* Another online CPU than this one, or NR_CPUS. */
static unsigned int other_cpu(void)
{
	unsigned int cpu, self = smp_processor_id();

	for_each_online_cpu(cpu)
		if (cpu != self)
			return cpu;
	return NR_CPUS;
}

/*
 * munmap on one CPU while another runs the address space (spinning with
 * interrupts on, so it answers the flush): the other's next access must
 * fault, not read the freed page through a stale TLB entry, and its bit
 * in mm->cpumask is set by use_mm (and stays: with ASIDs its TLB may
 * keep the mm's translations after it switches away).  With one CPU,
 * the same on it.  QEMU 7.2 flushes a hart's TLB whenever sstatus.SUM changes, which
 * every uaccess helper does, so there a stale entry cannot show: what can
 * fail on QEMU is the mask and the remote flush finishing at all.
 */
static void munmap_reaches_every_cpu_running_the_mm(struct ktest *t)
{
	static struct tlb_reader r;
	struct mm_struct *mm = new_mm(t);
	unsigned int cpu = other_cpu();
	unsigned long v;

	if (!mm)
		return;
	KTEST_ASSERT(t, !map(mm, AREA, PAGE_SIZE, RW, PRIV));
	KTEST_EXPECT_EQ(t, poke(mm, AREA, 0x77), 0);
	if (cpu == NR_CPUS) {
		use_mm(mm);
		KTEST_EXPECT_EQ(t, get_user(v, (unsigned long __user *)AREA), 0);
		KTEST_EXPECT_EQ(t, v, 0x77);
		KTEST_EXPECT_EQ(t, do_munmap(mm, AREA, PAGE_SIZE), 0);
		KTEST_EXPECT_EQ(t, get_user(v, (unsigned long __user *)AREA), -EFAULT);
		unuse_mm(mm);
		mmput(mm);
		return;
	}
	r = (struct tlb_reader){ .mm = mm, .before = 1, .after = 1, .cpu = NR_CPUS };
	init_completion(&r.primed);
	init_completion(&r.done);
	KTEST_ASSERT(t, kthread_run_on_cpu(tlb_reader_thread, &r, "ktest-uvm-tlb", cpu));
	wait_for_completion(&r.primed);
	KTEST_EXPECT(t, mm->cpumask & cpumask_of(cpu));
	KTEST_EXPECT_EQ(t, do_munmap(mm, AREA, PAGE_SIZE), 0);
	__atomic_store_n(&r.stop, 1, __ATOMIC_RELEASE);
	wait_for_completion(&r.done);
	KTEST_EXPECT_EQ(t, r.cpu, cpu);
	KTEST_EXPECT_EQ(t, r.before, 0);
	KTEST_EXPECT_EQ(t, r.last, 0x77);
	KTEST_EXPECT_EQ(t, r.after, -EFAULT);
	KTEST_EXPECT(t, mm->cpumask & cpumask_of(cpu));
	mmput(mm);
}

KTEST_SUITE(mmap,
	    KTEST_CASE(a_new_address_space_shares_the_kernel_half),
	    KTEST_CASE(demand_zero_through_copy_to_user),
	    KTEST_CASE(map_unmap_and_protect),
	    KTEST_CASE(brk_moves_the_heap),
	    KTEST_CASE(a_stack_grows_down),
	    KTEST_CASE(faults_outside_regions_or_against_permissions_fail),
	    KTEST_CASE(cow_shares_a_page_until_a_write),
	    KTEST_CASE(shared_regions_stay_shared_across_fork),
	    KTEST_CASE(a_thousand_address_spaces_leak_nothing),
	    KTEST_CASE(munmap_reaches_every_cpu_running_the_mm));
