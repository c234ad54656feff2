/* SPDX-License-Identifier: MIT */
/*
 * Large kernel allocations that need to be contiguous only virtually
 * (vmalloc), and kernel virtual areas (vm_area) for mappings of one's
 * own, such as device registers (ioremap, <tern/io.h>) and, later,
 * kernel stacks with a guard page below.  One implementation is linked:
 *
 *   mm/vmalloc.c        with paging: areas in [VMALLOC_START,
 *                       VMALLOC_END), each followed by an unmapped
 *                       guard page (and the first preceded by one), so
 *                       running off an area faults; vmalloc maps
 *                       single pages from the page allocator there
 *   mm/vmalloc_nommu.c  without: vmalloc is kmalloc (physically
 *                       contiguous, no guard), and there are no areas
 *
 * Callers: any context but interrupt handlers.  Nothing sleeps; the
 * area tree has one lock (vmap_lock), never held while mapping,
 * allocating or flushing.  An address stays reserved until every CPU's
 * TLB has forgotten what it mapped, so a stale translation never reaches
 * a reused area or a freed page.
 */
#ifndef TERN_VMALLOC_H
#define TERN_VMALLOC_H

#include <tern/list.h>
#include <tern/rbtree.h>
#include <tern/types.h>

#define VM_ALLOC	0x1u	/* vmalloc: owns the pages it maps */
#define VM_IOREMAP	0x2u	/* ioremap: maps device registers */

struct vm_area {
	struct rb_node node;		/* in the area tree, by addr; under vmap_lock */
	unsigned long addr;		/* first byte, page-aligned */
	unsigned long size;		/* bytes, whole pages, without the guard page */
	unsigned int flags;		/* VM_*; set by the owner before anyone else sees it */
	struct list_head pages;		/* VM_ALLOC: its pages, linked by struct page.list */
};

/*
 * size bytes (rounded up to pages) of kernel memory, page-aligned,
 * contents undefined (vzalloc: zeroed).  NULL for 0 or without memory
 * or room.
 */
void *vmalloc(size_t size);
void *vzalloc(size_t size);

/*
 * Frees what vmalloc returned; NULL is ignored.  Anything else is
 * refused with a message naming the caller.  Afterwards the address
 * faults on every CPU (with paging).
 */
void vfree(const void *addr);

/* Is addr in the vmalloc area?  Never without paging. */
bool is_vmalloc_addr(const void *addr);

/*
 * Reserves size bytes (whole pages) of kernel virtual addresses aligned
 * to align (a power of two, at least PAGE_SIZE), with nothing mapped;
 * the owner maps what it wants (map_kernel_range).  NULL without memory
 * or room, or without paging.
 */
struct vm_area *get_vm_area(unsigned long size, unsigned long align);

/* Unmaps all of the area (flushing every CPU's TLB) and gives its addresses back. */
void free_vm_area(struct vm_area *area);

/* The area addr lies in (guard page excluded), or NULL. */
struct vm_area *find_vm_area(const void *addr);

/* From mm_init, once the object allocator works: ioremap stops using the fixmap. */
void vmalloc_init(void);

#endif
