// SPDX-License-Identifier: MIT
/*
 * Memory commit accounting, as Linux's overcommit policies
 * (Documentation/mm/address-spaces.md, "Commit accounting").
 *
 * A private writable region may need a page of its own for each of its
 * pages (a fault fills it, or a write copies it), so such a region is
 * "committed" memory from the moment it exists.  Every address space
 * keeps the sum of its committed pages (mm->committed, recounted by
 * mm/mmap.c after each change); the kernel keeps the total here.
 * Before a change that may commit more, mmap.c reserves an upper bound
 * of the increase; the policy decides whether it may:
 *
 *	MM_OVERCOMMIT_NEVER (strict): the total stays under the commit
 *	limit, MM_OVERCOMMIT_RATIO percent of the pages the page allocator
 *	was given.  An allocation loop ends in -ENOMEM from mmap or brk, a
 *	fork of too big a process in -ENOMEM, before any page runs out.
 *	MM_OVERCOMMIT_GUESS: only a single reservation larger than all of
 *	memory is refused; running out ends in the out-of-memory kill.
 *
 * After the change the reservation is settled against the recount, so
 * the total is exact again.  vm_committed is atomic: reservations of
 * several address spaces race only for the limit, which each checks
 * and takes in one compare-and-swap.
 */
#include <tern/kernel.h>
#include <tern/mm.h>
#include <tern/pgalloc.h>

#ifndef CONFIG_MM_OVERCOMMIT_RATIO
#define CONFIG_MM_OVERCOMMIT_RATIO	100	/* the heuristic policy: all of memory */
#endif

static unsigned long vm_committed;	/* atomic; pages committed by every address space */
static unsigned long commit_limit;	/* set at the first reservation */

unsigned long vm_commit_limit(void)
{
	unsigned long limit = __atomic_load_n(&commit_limit, __ATOMIC_RELAXED);
	struct pgalloc_stats s;

	if (!limit) {
		pgalloc_get_stats(&s);
		limit = s.total_pages / 100 * CONFIG_MM_OVERCOMMIT_RATIO;
		__atomic_store_n(&commit_limit, limit, __ATOMIC_RELAXED);
	}
	return limit;
}

unsigned long vm_commit_set_limit(unsigned long pages)
{
	unsigned long old = vm_commit_limit();

	__atomic_store_n(&commit_limit, pages, __ATOMIC_RELAXED);
	return old;
}

unsigned long vm_committed_pages(void)
{
	return __atomic_load_n(&vm_committed, __ATOMIC_RELAXED);
}

bool vm_commit_reserve(unsigned long pages)
{
	unsigned long limit = vm_commit_limit();
	unsigned long old = vm_committed_pages();

	if (!pages)
		return true;
	if (!IS_ENABLED(CONFIG_MM_OVERCOMMIT_NEVER)) {
		if (pages > limit)
			return false;
		__atomic_fetch_add(&vm_committed, pages, __ATOMIC_RELAXED);
		return true;
	}
	do {
		if (pages > limit || old > limit - pages)
			return false;
	} while (!__atomic_compare_exchange_n(&vm_committed, &old, old + pages, false,
					      __ATOMIC_RELAXED, __ATOMIC_RELAXED));
	return true;
}

void vm_commit_release(unsigned long pages)
{
	unsigned long old = __atomic_fetch_sub(&vm_committed, pages, __ATOMIC_RELAXED);

	BUG_ON(old < pages);
}
