/* SPDX-License-Identifier: MIT */
/*
 * Page tables: the PTE format of the configured mode, and one walker for
 * every mode (arch/riscv/mm/pgtable.c), parameterised by the levels and
 * bits per level of asm/memlayout.h.  The same walker builds the boot
 * page table, the kernel's (swapper_pg_dir), vmalloc and ioremap
 * mappings, and will build user address spaces.  It knows nothing of
 * the page allocator, TLBs or locks: see the contract below.
 *
 * A PTE (Sv32: 32 bits; Sv39/48/57: 64 bits):
 *
 *	 bits 10..      9..8  7 6 5 4 3 2 1 0
 *	+--------------+----+-+-+-+-+-+-+-+-+
 *	| physical page| RSW|D|A|G|U|X|W|R|V|
 *	+--------------+----+-+-+-+-+-+-+-+-+
 *
 * V=0: nothing mapped here.  V=1 with R=W=X=0: a pointer to the table one
 * level down.  Otherwise a leaf of LEVEL_SIZE(level) bytes, whose physical
 * address is aligned to that size.  W without R is reserved.  The
 * physical page number is 22 bits on Sv32 (34-bit physical addresses)
 * and 44 on the others (56 bits); bits 54..63 stay 0 (no Svpbmt, Svnapot).
 *
 * Kernel mappings carry G (global: in every address space, so they never
 * need an ASID) and A, plus D when writable: the hart then never has to
 * set them, whether it updates A/D itself or faults to ask software to
 * (Svade).
 */
#ifndef ASM_PGTABLE_H
#define ASM_PGTABLE_H

#include <asm/page.h>
#include <tern/types.h>

#ifdef PGTABLE_LEVELS

#if PGTABLE_LEVELS == 2
typedef u32 pteval_t;
#else
typedef u64 pteval_t;
#endif

#define _PAGE_V		0x001u
#define _PAGE_R		0x002u
#define _PAGE_W		0x004u
#define _PAGE_X		0x008u
#define _PAGE_U		0x010u
#define _PAGE_G		0x020u
#define _PAGE_A		0x040u
#define _PAGE_D		0x080u
#define _PAGE_RWX	(_PAGE_R | _PAGE_W | _PAGE_X)
/* What a protection (pgprot) may hold: everything but V and the page number. */
#define _PAGE_PROT_MASK	0x3feu

#define _PAGE_PFN_SHIFT	10
#define PTE_PPN_BITS	(PGTABLE_LEVELS == 2 ? 22 : 44)

/* Protections: a leaf's flags without V (the walker sets it). */
#define PAGE_KERNEL		(_PAGE_R | _PAGE_W | _PAGE_G | _PAGE_A | _PAGE_D)
#define PAGE_KERNEL_RO		(_PAGE_R | _PAGE_G | _PAGE_A)
#define PAGE_KERNEL_EXEC	(_PAGE_R | _PAGE_X | _PAGE_G | _PAGE_A)
#define PAGE_KERNEL_RWX		(PAGE_KERNEL | _PAGE_X)	/* the boot page table only */
/* Device registers: no Svpbmt on our harts, so the PMAs make them uncached. */
#define PAGE_KERNEL_IO		PAGE_KERNEL

static inline bool pte_present(pteval_t pte)
{
	return pte & _PAGE_V;
}

static inline bool pte_is_leaf(pteval_t pte)
{
	return (pte & _PAGE_V) && (pte & _PAGE_RWX);
}

static inline phys_addr_t pte_phys(pteval_t pte)
{
	return (phys_addr_t)(pte >> _PAGE_PFN_SHIFT &
			     (((phys_addr_t)1 << PTE_PPN_BITS) - 1)) << PAGE_SHIFT;
}

static inline pteval_t pfn_pte(phys_addr_t pa, pteval_t prot)
{
	return (pteval_t)(pa >> PAGE_SHIFT << _PAGE_PFN_SHIFT) | prot | _PAGE_V;
}

/* Index of va's entry in a table of the given level. */
static inline unsigned int pte_index(unsigned long va, unsigned int level)
{
	return (unsigned int)(va >> LEVEL_SHIFT(level)) & (PTRS_PER_TABLE - 1);
}

/*
 * A page table, as the walker sees it.  Table pages are found from the
 * physical addresses in PTEs as (pteval_t *)(pa + table_offset): the
 * linear map's offset for the kernel, 0 while the MMU is off, and
 * whatever the host tests need.
 *
 * alloc_table returns the physical address of a zeroed, page-aligned page
 * for a new table, or 0 when there is none (the operation then fails with
 * -ENOMEM).  free_table, if not NULL, takes back a table the walker
 * emptied; when NULL, emptied tables stay linked (the kernel's tables are
 * never freed, so a lock-free lookup never meets a freed table).
 */
struct pgtable {
	pteval_t *root;
	unsigned long table_offset;
	phys_addr_t (*alloc_table)(void *ctx);
	void (*free_table)(phys_addr_t pa, void *ctx);
	void *ctx;
};

/*
 * The walker's contract:
 * - Addresses are page-aligned, sizes are non-zero multiples of
 *   PAGE_SIZE, and [va, va + size) lies in one half of the address space
 *   (for Sv39 and up: canonical, not crossing the hole); else -EINVAL.
 *   A range may end at the very top (va + size wraps to 0).
 * - The caller serialises changes to one page table (the kernel's under
 *   kernel_pgtable_lock, a user one under its mm's lock).  Lookups may
 *   run at the same time as changes: PTEs are written whole
 *   (WRITE_ONCE), a new table is zeroed before it is linked, and a table
 *   is unlinked before it is freed.
 * - Nothing here touches the TLB: whoever removes or restricts a mapping
 *   flushes it (asm/tlbflush.h) before reusing what it mapped.
 */

/*
 * Maps [va, va + size) to [pa, pa + size) with prot, using the largest
 * leaves, up to level max_level, that the alignment of va, pa and the
 * range allow.  -EEXIST if anything in the range is mapped already,
 * -ENOMEM if a table could not be allocated, -EINVAL for bad arguments
 * (see above; also a prot with W but not R, or none of R/W/X, or a pa
 * beyond what a PTE holds).  On any error the mappings are as before
 * (tables allocated on the way stay, empty, unless free_table is set).
 */
int pgtable_map(struct pgtable *pt, unsigned long va, phys_addr_t pa, unsigned long size,
		pteval_t prot, unsigned int max_level);

/*
 * Removes every mapping in [va, va + size); holes are skipped.  A large
 * leaf that lies partly in the range is first split into smaller ones
 * (which may fail with -ENOMEM: then nothing of that leaf is removed, and
 * what was unmapped before it stays unmapped).  fn, if not NULL, is told
 * each leaf removed (its address, old PTE and level) after it is
 * cleared, so that the caller can free what it mapped once the TLBs are
 * flushed.  With free_table set, tables left empty are freed.
 */
typedef void (*pgtable_unmap_fn)(unsigned long va, pteval_t old, unsigned int level,
				 void *arg);
int pgtable_unmap(struct pgtable *pt, unsigned long va, unsigned long size,
		  pgtable_unmap_fn fn, void *arg);

/*
 * Gives every mapped page of [va, va + size) the protection prot (the
 * physical pages stay), splitting large leaves that lie partly in the
 * range (-ENOMEM as for unmap).  Holes are skipped.  -EINVAL as for map.
 */
int pgtable_protect(struct pgtable *pt, unsigned long va, unsigned long size, pteval_t prot);

/*
 * The leaf PTE that maps va, and its level in *level, or NULL when
 * nothing maps it.  The pointer stays valid while the caller keeps the
 * table from changing; a writer may then update the entry with
 * WRITE_ONCE (and flush).
 */
pteval_t *pgtable_lookup(const struct pgtable *pt, unsigned long va, unsigned int *level);

/*
 * The entry for va in its table at the given level, allocating the
 * tables above it when they are missing: for code that builds entries
 * itself (a user page fault installs one PTE at level 0).  NULL if a
 * table could not be allocated, or a leaf above that level maps va.
 */
pteval_t *pgtable_walk_alloc(struct pgtable *pt, unsigned long va, unsigned int level);

/* Is va a valid address for the mode (Sv39 and up: canonical)? */
static inline bool pgtable_va_valid(unsigned long va)
{
#if PGTABLE_LEVELS == 2
	return true;
#else
	unsigned long top = va >> (VA_BITS - 1);

	return top == 0 || top == (~0UL >> (VA_BITS - 1));
#endif
}

/* ---- The kernel's page table (arch/riscv/mm/kmap.c), after paging_init ---- */

extern pteval_t swapper_pg_dir[];
extern struct pgtable kernel_pgtable;

/*
 * Map, unmap and protect ranges of the kernel's address space: the
 * walker on kernel_pgtable under kernel_pgtable_lock.  Page tables come
 * from the page allocator.  map_kernel_range needs no TLB flush (nothing
 * was mapped there; a hart that still faults on a stale "invalid" entry
 * retries through the spurious-fault check of the page fault handler);
 * unmap_kernel_range and protect_kernel_range flush the range on every
 * online CPU before they return.  Each returns 0, -EINVAL for bad
 * arguments (the walker's), -EEXIST (map) or -ENOMEM (a table, or the
 * split of a large leaf, found no page).  From any context but
 * interrupt handlers; none sleeps.
 */
int map_kernel_range(unsigned long va, phys_addr_t pa, unsigned long size, pteval_t prot);
int unmap_kernel_range(unsigned long va, unsigned long size);
int protect_kernel_range(unsigned long va, unsigned long size, pteval_t prot);

/*
 * The leaf PTE that maps va in the page table this hart runs on (its
 * kernel half is swapper_pg_dir's), and its level; NULL if none.
 * Lock-free, for the fault handler and the ktests.
 */
pteval_t *kernel_lookup(unsigned long va, unsigned int *level);

/*
 * The physical address behind any kernel address that is mapped (the
 * linear map by arithmetic, vmalloc and the fixmap by a lookup in the
 * page table the hart runs on); false if nothing maps it.  Lock-free,
 * so the console and panic paths may use it.
 */
bool kernel_virt_to_phys(const volatile void *va, phys_addr_t *pa);

#else /* PAGING_NONE */

/* Without paging a kernel address is the physical one. */
static inline bool kernel_virt_to_phys(const volatile void *va, phys_addr_t *pa)
{
	*pa = (uintptr_t)va;
	return true;
}

#endif /* PGTABLE_LEVELS */
#endif
