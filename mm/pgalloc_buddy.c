// SPDX-License-Identifier: MIT
/*
 * The buddy page allocator: kernel glue around the algorithm in mm/buddy.c.
 *
 * One zone per memblock memory region, in ascending order.  Its tags come
 * from memblock_alloc, and only what memblock_for_each_free reports is
 * freed into it, so reserved pages (the kernel, the DTB, the tags
 * themselves) are never handed out.  Start-up frees each free range's
 * unaligned ends as maximal blocks and leaves its whole sections virgin
 * (see include/tern/buddy.h): no work per page.
 *
 * Every free_pages() is checked, since the check is a tag compare: a bad
 * free is refused with an error message, never put on a free list.  With
 * DEBUG_PAGEALLOC it panics instead, naming the caller, and freed blocks
 * are poisoned.  free_pages(NULL, order) does nothing.
 *
 * Locking: one lock, pgalloc_lock, for the whole allocator: every zone's
 * free lists, tags and counters, and the call counters.  A machine has a
 * zone or two (one per memory region), and an allocation may try each in
 * turn, so a lock per zone would buy little.  It is taken with interrupts
 * off, since interrupt handlers allocate too, and it is held only for the
 * O(max_order) work of mm/buddy.c (and, with DEBUG_PAGEALLOC, the
 * poisoning of a freed block, which must not race with its reuse):
 * __GFP_ZERO is done, and a bad free reported, after unlocking.  Nothing
 * that takes a lock is called with it held, so it may nest inside any
 * other lock: an object allocator may call in with its own lock held
 * (kmem lock -> pgalloc_lock, never the reverse), although ours do not.
 * zones and nr_zones are written by pgalloc_init only, before anything
 * else runs.
 */
#include <tern/buddy.h>
#include <tern/kallsyms.h>
#include <tern/kernel.h>
#include <tern/memblock.h>
#include <tern/pgalloc.h>
#include <tern/spinlock.h>
#include <tern/string.h>

_Static_assert(BUDDY_PAGE_SHIFT == PAGE_SHIFT, "mm/buddy.c has another page size");
_Static_assert(PGALLOC_MAX_ORDER <= BUDDY_MAX_ORDER, "PGALLOC_MAX_ORDER too large");

const char pgalloc_name[] = "buddy";

static spinlock_t pgalloc_lock = SPINLOCK_INIT;
static struct buddy_zone *zones;	/* from memblock_alloc, ascending */
static unsigned int nr_zones;
static unsigned long alloc_calls, free_calls;	/* pgalloc_lock */

/*
 * Pfns a pointer can reach.  On rv32 a region that ends at or above 4 GiB
 * is cut there: 0x80000000 + 2 GiB does not fit in an address.
 */
#define PFN_LIMIT	(((phys_addr_t)UINTPTR_MAX >> PAGE_SHIFT) + 1)

static unsigned long phys_to_pfn(phys_addr_t addr)
{
	return MIN(addr >> PAGE_SHIFT, PFN_LIMIT);
}

static struct buddy_zone *zone_of(unsigned long pfn)
{
	unsigned int i;

	/* Indices, not an end pointer: on rv32 zones may end at 4 GiB, which wraps to 0. */
	for (i = 0; i < nr_zones; i++)
		if (buddy_zone_contains(&zones[i], pfn))
			return &zones[i];
	return NULL;
}

void *alloc_pages(gfp_t gfp, unsigned int order)
{
	unsigned long pfn = BUDDY_NO_PAGE, flags;
	unsigned int i;
	void *addr;

	flags = spin_lock_irqsave(&pgalloc_lock);
	alloc_calls++;
	/* buddy_alloc refuses an order above the zone's max_order. */
	for (i = 0; i < nr_zones && pfn == BUDDY_NO_PAGE; i++)
		pfn = buddy_alloc(&zones[i], order);
	spin_unlock_irqrestore(&pgalloc_lock, flags);
	if (pfn == BUDDY_NO_PAGE)
		return NULL;
	addr = pfn_to_virt(pfn);
	if (gfp & __GFP_ZERO)
		memset(addr, 0, PAGE_SIZE << order);
	return addr;
}

static void __noinline report_bad_free(void *addr, unsigned int order, enum buddy_err err,
				       unsigned long caller)
{
	char where[KSYM_NAME_LEN + 32];

	sprint_backtrace(where, sizeof(where), caller);
	if (IS_ENABLED(CONFIG_DEBUG_PAGEALLOC))
		panic("free_pages(%p, %u) from %s: %s", addr, order, where, buddy_strerror(err));
	pr_err("free_pages(%p, %u) from %s: %s; not freed\n", addr, order, where,
	       buddy_strerror(err));
}

void free_pages(void *addr, unsigned int order)
{
	unsigned long pfn = virt_to_pfn(addr), flags;
	struct buddy_zone *z;
	enum buddy_err err;

	if (!addr)
		return;
	z = zone_of(pfn);
	flags = spin_lock_irqsave(&pgalloc_lock);
	free_calls++;
	if (!z)
		err = BUDDY_EOUTSIDE;
	else if ((uintptr_t)addr & (PAGE_SIZE - 1))	/* never the start of a block */
		err = buddy_check_free(z, pfn, order) ?: BUDDY_EINTERIOR;
	else
		err = buddy_free(z, pfn, order);
	spin_unlock_irqrestore(&pgalloc_lock, flags);
	if (unlikely(err))
		report_bad_free(addr, order, err, (unsigned long)__builtin_return_address(0));
}

void *pgalloc_block_start(const void *addr, unsigned int *order)
{
	unsigned long pfn = virt_to_pfn(addr), head, flags;
	struct buddy_zone *z = zone_of(pfn);
	unsigned int o;

	if (!z)
		return NULL;
	flags = spin_lock_irqsave(&pgalloc_lock);
	head = buddy_block_start(z, pfn, &o);
	spin_unlock_irqrestore(&pgalloc_lock, flags);
	if (head == BUDDY_NO_PAGE)
		return NULL;
	if (order)
		*order = o;
	return pfn_to_virt(head);
}

void pgalloc_get_stats(struct pgalloc_stats *stats)
{
	unsigned long flags;
	int largest = -1;
	unsigned int i;

	memset(stats, 0, sizeof(*stats));
	flags = spin_lock_irqsave(&pgalloc_lock);
	for (i = 0; i < nr_zones; i++) {
		stats->total_pages += zones[i].total_pages;
		stats->free_pages += zones[i].free_pages;
		largest = MAX(largest, buddy_largest_free_order(&zones[i]));
	}
	stats->alloc_calls = alloc_calls;
	stats->free_calls = free_calls;
	spin_unlock_irqrestore(&pgalloc_lock, flags);
	stats->largest_free_order_pages = largest < 0 ? 0 : 1UL << largest;
}

/* ---- start-up ---- */

/* Is [base, base + size) reachable through a pointer? */
static bool addressable(phys_addr_t base, phys_addr_t size)
{
	return base + size - 1 <= UINTPTR_MAX;
}

/* A zone for one memory region, with its tags; false if none can be made. */
static bool setup_zone(struct buddy_zone *z, const struct memblock_region *mem)
{
	unsigned long start = phys_to_pfn(ALIGN_UP(mem->base, PAGE_SIZE));
	unsigned long end = phys_to_pfn(mem->base + mem->size);
	phys_addr_t size, tags;

	if (start >= end)
		return false;
	size = ALIGN_UP((phys_addr_t)buddy_tags_size(start, end, PGALLOC_MAX_ORDER), PAGE_SIZE);
	tags = memblock_alloc(size, PAGE_SIZE, "page allocator tags");
	if (!tags || !addressable(tags, size)) {
		pr_err("pgalloc: no room for the tags of %#llx-%#llx: memory not used\n",
		       (unsigned long long)mem->base,
		       (unsigned long long)(mem->base + mem->size - 1));
		return false;
	}
	return !buddy_init_zone(z, start, end, __va(tags), PGALLOC_MAX_ORDER,
				IS_ENABLED(CONFIG_DEBUG_PAGEALLOC));
}

/* memblock_for_each_free callback: ascending ranges, each inside one region. */
static void add_free_range(phys_addr_t start, phys_addr_t end, void *arg)
{
	unsigned long first = phys_to_pfn(ALIGN_UP(start, PAGE_SIZE));
	unsigned long last = phys_to_pfn(end);
	struct buddy_zone *z = zone_of(first);

	if (!z || first >= last)
		return;
	if (buddy_add_free_range(z, first, MIN(last, z->end_pfn)))
		pr_err("pgalloc: cannot add %#llx-%#llx\n", (unsigned long long)start,
		       (unsigned long long)end - 1);
}

/*
 * On rv32, memory from 4 GiB up cannot be reached through a pointer.
 * Reserving it keeps memblock_alloc, which prefers high addresses, below.
 */
static void reserve_unaddressable(void)
{
	phys_addr_t limit = (phys_addr_t)PFN_LIMIT << PAGE_SHIFT;
	unsigned int i;

	if (sizeof(uintptr_t) >= sizeof(phys_addr_t))
		return;
	for (i = 0; i < memblock_memory.count; i++) {
		const struct memblock_region *m = &memblock_memory.regions[i];
		phys_addr_t start = MAX(m->base, limit);

		if (m->base + m->size > start)
			memblock_reserve(start, m->base + m->size - start, "not addressable");
	}
}

void pgalloc_init(void)
{
	unsigned int i, n = memblock_memory.count;
	phys_addr_t size = n * sizeof(*zones), at;

	reserve_unaddressable();
	at = memblock_alloc(size, __alignof__(*zones), "page allocator zones");

	if (!at || !addressable(at, size)) {
		pr_err("pgalloc: no memory for the zones\n");
		return;
	}
	zones = __va(at);
	/* Every memblock_alloc comes first: each one changes the free ranges. */
	for (i = 0; i < n; i++)
		nr_zones += setup_zone(&zones[nr_zones], &memblock_memory.regions[i]);
	memblock_for_each_free(add_free_range, NULL);
	for (i = 0; i < nr_zones; i++)
		buddy_finish_init(&zones[i]);
}
