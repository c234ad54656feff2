/* SPDX-License-Identifier: MIT */
/*
 * Host stand-ins for what user address spaces (mm/mmap.c, mm/memory.c)
 * call, for tests/test_vma.c and tests/test_mm_fault.c:
 *
 * - a fake physical memory of MM_HOST_PAGES pages at physical address
 *   MM_HOST_PA, mapped at the fixed host address MM_HOST_VA, and a page
 *   allocator of single pages over it with a struct page each (mem_map):
 *   the kernel's own __va/__pa (asm/page.h, the paging mode's
 *   PAGE_OFFSET) reach it, because tests/Makefile sets the RAM base of
 *   each mode so that __va(MM_HOST_PA) == MM_HOST_VA.  Pages are filled
 *   with junk when handed out and when freed, so a missing clear or a
 *   use after free shows;
 * - kmalloc and kfree over the C library, counted;
 * - mutexes that abort on a double lock or a stray unlock;
 * - swapper_pg_dir with a kernel half of recognisable entries;
 * - flush recorders (tests/include/asm/mmu_context.h), clear_page and
 *   copy_page, printk and panic.
 *
 * Allocations (pages and kmalloc alike) fail once the budget set with
 * mm_host_set_budget runs out.
 */
#ifndef TESTS_MM_HOST_H
#define TESTS_MM_HOST_H

#include <stdbool.h>
#include <stdint.h>

#include <asm/pgtable.h>

#define MM_HOST_VA	0x300000000000UL
#define MM_HOST_PA	0x80000000ULL
#define MM_HOST_PAGES	16384UL		/* 64 MiB */

struct mm_struct;

/* Maps the fake memory and starts its allocator; once, before anything else. */
void mm_host_init(void);

/* Pages the allocator can still hand out. */
unsigned long mm_host_free_pages(void);
/* kmalloc blocks not freed yet. */
long mm_host_kmalloc_live(void);
/* Allocations (pages or kmalloc) that may still succeed; -1: no limit. */
void mm_host_set_budget(long allocations);
/* Mutexes locked now (every call must leave 0). */
int mm_host_mutexes_held(void);

/* The host address of the page at physical address pa (in the fake memory). */
void *mm_host_phys_to_virt(phys_addr_t pa);

/* The first user-half root entry: the kernel half starts here. */
unsigned long mm_host_user_root_entries(void);

struct mm_host_flushes {
	unsigned long mm_all, mm_range, icache, local_page;
	unsigned long range_start, range_end;	/* of the last ranged flush */
};
extern struct mm_host_flushes mm_host_flushes;

/*
 * A model TLB of one hart: user_access fills it with the PTEs it used,
 * the flushes empty it as the real ones would, and mm_host_tlb_forget_mm
 * plays a switch away from mm (which flushes everything without ASIDs).
 * Freeing a page that an entry still maps aborts.  mm_host_tlb_check
 * says whether every entry still agrees with its page table (the same
 * page, no permission the PTE lost): after any call, what the kernel
 * removed or restricted must have been flushed.
 */
void mm_host_tlb_fill(struct mm_struct *mm, unsigned long va, pteval_t pte);
void mm_host_tlb_forget_mm(struct mm_struct *mm);
bool mm_host_tlb_check(char *why, unsigned long len);

extern unsigned long host_printk_count;

#endif
