// SPDX-License-Identifier: MIT
/*
 * The page map (include/tern/page.h): mem_map over the span of RAM,
 * built once at boot from memblock, before the page allocator starts.
 *
 * Start-up cost: a record written per page that is not free (reserved
 * ranges, holes, mem_map itself: with 32-byte records that is under 1%
 * of RAM), nothing per free page; the page allocator writes those when it
 * first uses them.
 */
#include <tern/kernel.h>
#include <tern/memblock.h>
#include <tern/page.h>
#include <tern/pgalloc.h>

struct page *mem_map;
unsigned long mem_map_start_pfn, mem_map_end_pfn, mem_map_pages;
uintptr_t mem_map_pfn0;


void put_page(struct page *page)
{
	free_pages(page_address(page), page_order(page));
}

/*
 * The whole pages of a memory region that the linear map covers (asm/page.h):
 * [*start, *end).  Without paging that is what a pointer reaches (on rv32,
 * RAM from 4 GiB up cannot be used); with it, LINEAR_MAP_SIZE of RAM.
 */
static bool region_pfns(const struct memblock_region *m, unsigned long *start,
			unsigned long *end)
{
	phys_addr_t start_pfn = MAX((m->base + PAGE_SIZE - 1) >> PAGE_SHIFT, LINEAR_PFN_START);
	phys_addr_t end_pfn = MIN((m->base + m->size) >> PAGE_SHIFT, LINEAR_PFN_END);

	if (start_pfn >= end_pfn)
		return false;
	*start = (unsigned long)start_pfn;
	*end = (unsigned long)end_pfn;
	return true;
}

/*
 * The pfns the map covers, [*start, *end): those of the run of regions with
 * the most memory among the runs whose span is at most PAGE_MAP_MAX_SPAN
 * times their memory (a single region always is).  False if no region
 * has a whole page a pointer can reach.
 */
static bool choose_span(unsigned long *start, unsigned long *end)
{
	unsigned long best = 0, s, e, s0, e0;
	unsigned int i, j;

	for (i = 0; i < memblock_memory.count; i++) {
		unsigned long pages = 0;

		if (!region_pfns(&memblock_memory.regions[i], &s0, &e0))
			continue;
		for (j = i; j < memblock_memory.count; j++) {
			if (!region_pfns(&memblock_memory.regions[j], &s, &e))
				continue;
			pages += e - s;
			if ((e - s0) / PAGE_MAP_MAX_SPAN <= pages && pages > best) {
				best = pages;
				*start = s0;
				*end = e;
			}
		}
	}
	return best;
}

static void leave_out_range(phys_addr_t lo, phys_addr_t hi)
{
	const char *why = pfn_is_linear(lo >> PAGE_SHIFT) ? "outside the page map" :
			  "outside the linear map";

	if (ALIGN_UP(lo, PAGE_SIZE) + PAGE_SIZE > hi)
		return;		/* no whole page: unusable anyway */
	pr_warn("mm: RAM %#llx-%#llx left out: %s\n", (unsigned long long)lo,
		(unsigned long long)hi - 1, why);
	memblock_reserve(lo, hi - lo, why);
}

/* Keeps memory outside [start, end) (pfns) from memblock_alloc and the allocators. */
static void leave_out(unsigned long start, unsigned long end)
{
	unsigned int i;

	for (i = 0; i < memblock_memory.count; i++) {
		const struct memblock_region *m = &memblock_memory.regions[i];
		phys_addr_t lo = m->base, hi = m->base + m->size;
		phys_addr_t in_lo = MAX(lo, PFN_PHYS(start)), in_hi = MIN(hi, PFN_PHYS(end));

		if (in_lo >= in_hi) {	/* all of it outside */
			in_lo = hi;
			in_hi = hi;
		}
		if (lo < in_lo)
			leave_out_range(lo, in_lo);
		if (in_hi < hi)
			leave_out_range(in_hi, hi);
	}
}

/*
 * Records of pages the allocator never gets.  Counted, not up to an end
 * pointer: on rv32 the map may end at 4 GiB, where pointers wrap to 0.
 */
static void init_reserved(unsigned long start, unsigned long end)
{
	struct page *page = pfn_to_page(start);
	unsigned long n;

	for (n = end - start; n; n--, page++) {
		set_page_flags(page, PG_reserved);
		set_page_count(page, 1);
	}
}

/* memblock_for_each_free callback: marks the pages from *next up to this free range. */
static void mark_up_to(phys_addr_t start, phys_addr_t end, void *arg)
{
	unsigned long *next = arg;
	unsigned long first = MAX(PFN_UP(start), *next);
	unsigned long last = MIN(PFN_DOWN(end), mem_map_end_pfn);

	if (first >= last)
		return;		/* no whole page here that the map covers */
	init_reserved(*next, first);
	*next = last;
}

void page_map_init(void)
{
	unsigned long start = 0, end = 0, next;
	phys_addr_t size, at;

	if (!choose_span(&start, &end))
		panic("mm: no page of RAM for the page map");
	leave_out(start, end);
	size = ALIGN_UP((phys_addr_t)(end - start) * sizeof(struct page), PAGE_SIZE);
	at = memblock_alloc(size, PAGE_SIZE, "mem_map");
	if (!at || PFN_DOWN(at) < start || PFN_UP(at + size) > end)
		panic("mm: no room for the page map (%llu KiB for pfns %#lx-%#lx)",
		      (unsigned long long)size >> 10, start, end - 1);
	mem_map = __va(at);
	mem_map_start_pfn = start;
	mem_map_end_pfn = end;
	mem_map_pages = end - start;
	mem_map_pfn0 = (uintptr_t)mem_map - start * sizeof(struct page);
	next = start;
	memblock_for_each_free(mark_up_to, &next);
	init_reserved(next, end);
}
