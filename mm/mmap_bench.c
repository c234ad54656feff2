// SPDX-License-Identifier: MIT
/*
 * User address space benchmarks ('make bench'), instructions per page:
 *   uvm_fault_zero    a demand-zero fault: the first store to an
 *                     untouched page through put_user, from the trap to
 *                     the retried store, zeroing the page included
 *   uvm_fault_COW     a copy-on-write fault: the first store after fork
 *                     to a page both address spaces share, copy included
 *   uvm_fault_COW_reuse
 *                     the same store once the other address space is
 *                     gone: the page is made writable, not copied
 *   uvm_fork_16MiB    dup_mm of an address space with 16 MiB touched
 *   uvm_map_touch_unmap_1MiB
 *                     mmap of 1 MiB, a store to each page, munmap
 * The faulting stores come from put_user, so each figure includes one
 * put_user (a handful of instructions) besides the fault, and the
 * page-table pages the first fault in a table allocates, shared by the
 * 256 pages of one last-level table.
 */
#include <tern/bench.h>
#include <tern/mm.h>
#include <tern/mman.h>
#include <tern/uaccess.h>

#define AREA		0x10000000UL
#define RW		(PROT_READ | PROT_WRITE)
#define PRIV		(MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED)
#define FAULT_PAGES	256			/* 1 MiB: one last-level table */
#define FORK_PAGES	((16UL << 20) / PAGE_SIZE)

/* An address space with [AREA, AREA + pages) mapped read/write, in use; NULL without memory. */
static struct mm_struct *bench_mm(unsigned long pages)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long addr;

	if (!mm)
		return NULL;
	if (do_mmap(mm, AREA, pages * PAGE_SIZE, RW, PRIV, &addr)) {
		mmput(mm);
		return NULL;
	}
	return mm;
}

/* One store per page of [AREA, AREA + pages) of current's mm; false if one failed. */
static bool touch(unsigned long pages)
{
	unsigned long i;
	int err = 0;

	for (i = 0; i < pages; i++)
		err |= put_user(i, (unsigned long __user *)(AREA + i * PAGE_SIZE));
	return !err;
}

static void bench_fault_zero(struct bench *b)
{
	struct mm_struct *mm = bench_mm(FAULT_PAGES);

	if (!mm) {
		b->failed = true;
		return;
	}
	use_mm(mm);
	bench_start(b);
	b->failed = !touch(b->iterations);
	bench_stop(b);
	unuse_mm(mm);
	mmput(mm);
}
BENCH(uvm_fault_zero, FAULT_PAGES, bench_fault_zero);

static void bench_fault_cow(struct bench *b)
{
	struct mm_struct *mm = bench_mm(FAULT_PAGES), *child = NULL;

	if (!mm) {
		b->failed = true;
		return;
	}
	use_mm(mm);
	b->failed = !touch(FAULT_PAGES);
	unuse_mm(mm);
	if (!b->failed)
		child = dup_mm(mm);
	if (child) {
		use_mm(child);
		bench_start(b);
		b->failed = !touch(b->iterations);
		bench_stop(b);
		unuse_mm(child);
		mmput(child);
	} else {
		b->failed = true;
	}
	mmput(mm);
}
BENCH(uvm_fault_COW, FAULT_PAGES, bench_fault_cow);

static void bench_fault_cow_reuse(struct bench *b)
{
	struct mm_struct *mm = bench_mm(FAULT_PAGES), *child = NULL;

	if (!mm) {
		b->failed = true;
		return;
	}
	use_mm(mm);
	b->failed = !touch(FAULT_PAGES) || !(child = dup_mm(mm));
	if (child)
		mmput(child);	/* the pages stay read-only, with one reference each */
	bench_start(b);
	b->failed |= !touch(b->iterations);
	bench_stop(b);
	unuse_mm(mm);
	mmput(mm);
}
BENCH(uvm_fault_COW_reuse, FAULT_PAGES, bench_fault_cow_reuse);

static void bench_fork(struct bench *b)
{
	struct mm_struct *mm = bench_mm(FORK_PAGES), *child;

	if (!mm) {
		b->failed = true;
		return;
	}
	use_mm(mm);
	b->failed = !touch(FORK_PAGES);
	unuse_mm(mm);
	bench_start(b);
	child = b->failed ? NULL : dup_mm(mm);
	bench_stop(b);
	if (child)
		mmput(child);
	else
		b->failed = true;
	mmput(mm);
}
BENCH(uvm_fork_16MiB, FORK_PAGES, bench_fork);

static void bench_map_touch_unmap(struct bench *b)
{
	struct mm_struct *mm = mm_alloc();
	unsigned long addr;

	if (!mm) {
		b->failed = true;
		return;
	}
	use_mm(mm);
	bench_start(b);
	b->failed = do_mmap(mm, AREA, FAULT_PAGES * PAGE_SIZE, RW, PRIV, &addr) ||
		    !touch(FAULT_PAGES) || do_munmap(mm, AREA, FAULT_PAGES * PAGE_SIZE);
	bench_stop(b);
	unuse_mm(mm);
	mmput(mm);
}
BENCH(uvm_map_touch_unmap_1MiB, FAULT_PAGES, bench_map_touch_unmap);
