/* SPDX-License-Identifier: MIT */
/*
 * Boot-time physical memory map (mm/memblock.c): the RAM ranges the device
 * tree describes and the ranges that must not be handed out (the kernel
 * image, the DTB, firmware /reserved-memory, /memreserve/ entries, an
 * initrd).  The page allocator is built from memory minus reserved.
 */
#ifndef TERN_MEMBLOCK_H
#define TERN_MEMBLOCK_H

#include <tern/fdt.h>
#include <tern/types.h>

struct memblock_region {
	phys_addr_t base;
	phys_addr_t size;
	const char *name;	/* why it is reserved; NULL for memory */
};

struct memblock_type {
	unsigned int count;
	struct memblock_region regions[CONFIG_MEMBLOCK_MAX_REGIONS];
};

extern struct memblock_type memblock_memory, memblock_reserved;

/* Adds a range; overlapping or adjacent ranges are merged.  -ENOSPC if full. */
int memblock_add(phys_addr_t base, phys_addr_t size);
int memblock_reserve(phys_addr_t base, phys_addr_t size, const char *why);

/*
 * The same for a range the kernel must never hand out (its image, the
 * DTB, firmware memory, an initrd): a size of 0 reserves nothing, and a
 * reservation the table cannot hold stops the boot with a panic that
 * says so.  For boot only.
 */
void memblock_reserve_or_panic(phys_addr_t base, phys_addr_t size, const char *why);

/*
 * Reads /memory, /reserved-memory, /memreserve/ and the initrd from the
 * DTB; -ENODEV if it describes no memory.  Panics if a reservation does
 * not fit (memblock_reserve_or_panic).
 */
int memblock_init(const struct fdt *fdt);

phys_addr_t memblock_total_memory(void);
/* Bytes of memory not covered by a reservation. */
phys_addr_t memblock_free_memory(void);
bool memblock_is_reserved(phys_addr_t addr);

void memblock_print(void);

/*
 * Calls fn for each maximal range of memory that no reservation covers,
 * in ascending order, [start, end).  Returns the number of ranges.
 */
int memblock_for_each_free(void (*fn)(phys_addr_t start, phys_addr_t end, void *arg), void *arg);

/*
 * Takes size bytes aligned to align (a power of two) from free memory,
 * preferring the highest address, and reserves them under 'why'.
 * Returns the address, or 0 if no free range is large enough.  For the
 * page allocator's own metadata, before the page allocator runs.
 */
phys_addr_t memblock_alloc(phys_addr_t size, phys_addr_t align, const char *why);

#endif
