// SPDX-License-Identifier: MIT
/*
 * The binary buddy algorithm on one zone; the layout of records, sections
 * and virgin runs is described in include/tern/buddy.h.
 *
 * Invariants, between calls:
 *  - in every section that is not virgin, each page's record is
 *    initialised, and a page that does not start a block has neither
 *    PG_buddy nor PG_head;
 *  - a block is on free[k] exactly when its first page's flags are
 *    PG_buddy | k;
 *  - two free buddies of order k < max_order never coexist: freeing
 *    merges them.
 * So allocation and free each look at O(max_order) records, and so does
 * finding the block around a page (buddy_block_start).  Nothing here
 * locks: the caller serialises every call on a zone.
 */
#include <tern/buddy.h>
#include <tern/errno.h>
#include <tern/string.h>

static inline struct page *page_of(const struct buddy_zone *z, unsigned long pfn)
{
	return buddy_page(z, pfn);
}

static inline unsigned long section_pages(const struct buddy_zone *z)
{
	return 1UL << z->max_order;
}

static void push_free(struct buddy_zone *z, unsigned long pfn, unsigned long order)
{
	struct page *page = page_of(z, pfn);

	set_page_flags(page, PG_buddy | order);
	list_add(&page->list, &z->free[order]);
}

/*
 * Records as a page inside a block: flags 0, no references.  Counted, not
 * up to an end pointer: on rv32 the records may end at 4 GiB, which wraps.
 */
static void init_records(struct buddy_zone *z, unsigned long start, unsigned long end)
{
	struct page *page = page_of(z, start);
	unsigned long n;

	for (n = end - start; n; n--, page++) {
		set_page_flags(page, 0);
		set_page_count(page, 0);
	}
}

/* Splits the free block at pfn down to order, giving back the upper halves. */
static __always_inline unsigned long split_block(struct buddy_zone *z, unsigned long pfn,
						 unsigned long k, unsigned int order)
{
	while (k > order) {
		unsigned long half = pfn + (1UL << --k);

		push_free(z, half, k);
	}
	set_page_flags(page_of(z, pfn), PG_head | order);
	z->free_pages -= 1UL << order;
	return pfn;
}

/* buddy_alloc when no free list can serve: the next virgin section. */
static unsigned long __noinline alloc_virgin(struct buddy_zone *z, unsigned int order)
{
	struct buddy_run *r;
	unsigned long pfn;

	if (z->cur_run == z->nr_runs)
		return BUDDY_NO_PAGE;
	r = &z->runs[z->cur_run];
	pfn = r->next;
	r->next += section_pages(z);
	if (r->next == r->end)
		z->cur_run++;
	init_records(z, pfn, pfn + section_pages(z));	/* clears PG_virgin too */
	return split_block(z, pfn, z->max_order, order);
}

/* Calls nothing on its common path, so it needs no registers saved. */
unsigned long buddy_alloc(struct buddy_zone *z, unsigned int order)
{
	unsigned long k = order, max = z->max_order;
	struct page *page;

	if (order > max)
		return BUDDY_NO_PAGE;
	while (k <= max && list_empty(&z->free[k]))
		k++;
	if (k > max)
		return alloc_virgin(z, order);
	page = list_first_entry(&z->free[k], struct page, list);
	list_del(&page->list);
	return split_block(z, buddy_pfn(z, page), k, order);
}

/* Puts a block whose pages are all flagged 0 on a free list, merged with its buddies. */
static __always_inline void free_block(struct buddy_zone *z, unsigned long pfn,
				       unsigned long k)
{
	unsigned long max = z->max_order;

	for (; k < max; k++) {
		unsigned long buddy = pfn ^ (1UL << k);
		struct page *b;

		if (!buddy_zone_contains(z, buddy))
			break;
		b = page_of(z, buddy);
		if (page_flags(b) != (PG_buddy | k))
			break;
		list_del(&b->list);
		set_page_flags(b, 0);
		pfn &= ~(1UL << k);
	}
	push_free(z, pfn, k);
}

/*
 * The block whose first page is at or below pfn and which contains it:
 * returns that page's flags and stores the page in *head; 0 when pfn is in
 * no block (reserved, on a per-CPU list).  pfn's section must not be
 * virgin.  Candidates are pfn rounded down to 2^k for k = 0, 1, ...: the
 * first one that starts a block is the head of the enclosing block if its
 * order is at least k, and otherwise a block that ends before pfn.
 */
static u32 enclosing_block(const struct buddy_zone *z, unsigned long pfn, unsigned long *head)
{
	unsigned int k;

	for (k = 0; k <= z->max_order; k++) {
		unsigned long h = pfn & ~((1UL << k) - 1);
		u32 f;

		if (h < z->start_pfn)
			return 0;
		f = page_flags(page_of(z, h));
		if (f & (PG_buddy | PG_head)) {
			if ((f & PG_ORDER) < k)
				return 0;
			*head = h;
			return f;
		}
	}
	return 0;
}

/* Why pfn cannot be freed with this order: the slow path of buddy_check_free. */
static enum buddy_err classify_bad_free(const struct buddy_zone *z, unsigned long pfn)
{
	unsigned long head;
	u32 f;

	if (buddy_is_virgin(z, pfn))
		return BUDDY_ENOTALLOC;
	f = page_flags(page_of(z, pfn));
	if (f & PG_head)
		return BUDDY_EORDER;
	if (f & (PG_buddy | PG_pcp))
		return BUDDY_EDOUBLE;
	f = enclosing_block(z, pfn, &head);
	if (f & PG_buddy)
		return BUDDY_EDOUBLE;	/* freed, then merged into a larger block */
	if (f & PG_head)
		return BUDDY_EINTERIOR;
	return BUDDY_ENOTALLOC;
}

/* The common case of buddy_check_free: pfn starts an allocated block of this order. */
static inline bool is_allocated_block(const struct buddy_zone *z, unsigned long pfn,
				      unsigned int order)
{
	return buddy_zone_contains(z, pfn) && order <= z->max_order &&
	       page_flags(page_of(z, pfn)) == (PG_head | order) && !buddy_is_virgin(z, pfn);
}

enum buddy_err buddy_check_free(const struct buddy_zone *z, unsigned long pfn,
				unsigned int order)
{
	if (likely(is_allocated_block(z, pfn, order)))
		return BUDDY_OK;
	if (!buddy_zone_contains(z, pfn))
		return BUDDY_EOUTSIDE;
	if (order > z->max_order)
		return BUDDY_EBADORDER;
	return classify_bad_free(z, pfn);
}

/* Like buddy_alloc, calls nothing on its common path. */
enum buddy_err buddy_free(struct buddy_zone *z, unsigned long pfn, unsigned int order)
{
	if (unlikely(!is_allocated_block(z, pfn, order)))
		return buddy_check_free(z, pfn, order);
	set_page_flags(page_of(z, pfn), 0);
	z->free_pages += 1UL << order;
	free_block(z, pfn, order);
	return BUDDY_OK;
}

unsigned long buddy_block_start(const struct buddy_zone *z, unsigned long pfn,
				unsigned int *order)
{
	unsigned long head;
	u32 f;

	if (!buddy_zone_contains(z, pfn) || buddy_is_virgin(z, pfn))
		return BUDDY_NO_PAGE;
	f = enclosing_block(z, pfn, &head);
	if (!(f & PG_head))
		return BUDDY_NO_PAGE;
	*order = f & PG_ORDER;
	return head;
}

const char *buddy_strerror(enum buddy_err err)
{
	static const char *const names[] = {
		[BUDDY_OK] = "no error",
		[BUDDY_EOUTSIDE] = "page outside the allocator's memory",
		[BUDDY_EBADORDER] = "order too large",
		[BUDDY_EDOUBLE] = "double free",
		[BUDDY_ENOTALLOC] = "page was never allocated",
		[BUDDY_EINTERIOR] = "not the first page of its block",
		[BUDDY_EORDER] = "wrong order",
	};

	return (unsigned int)err < ARRAY_SIZE(names) ? names[err] : "unknown error";
}

/* ---- start-up ---- */

int buddy_init_zone(struct buddy_zone *z, unsigned long start_pfn, unsigned long end_pfn,
		    struct page *pages, unsigned int max_order)
{
	unsigned int k;

	if (start_pfn >= end_pfn || max_order > BUDDY_MAX_ORDER)
		return -EINVAL;
	memset(z, 0, sizeof(*z));
	z->start_pfn = start_pfn;
	z->end_pfn = end_pfn;
	z->pages = pages;
	z->max_order = max_order;
	z->ranges_end = start_pfn;
	for (k = 0; k <= BUDDY_MAX_ORDER; k++)
		INIT_LIST_HEAD(&z->free[k]);
	return 0;
}

/*
 * Frees [pfn, end) as the fewest naturally aligned blocks: O(max_order) of
 * them.  No two are buddies (they would have been one block), and the
 * pages around the range are not free (ranges are apart), so there is
 * nothing to merge with: the records beyond the range, which may not be
 * initialised yet, are not read.
 */
static void free_span(struct buddy_zone *z, unsigned long pfn, unsigned long end)
{
	init_records(z, pfn, end);
	while (pfn < end) {
		unsigned int k = 0;

		while (k < z->max_order && !(pfn & (1UL << k)) && pfn + (2UL << k) <= end)
			k++;
		push_free(z, pfn, k);
		pfn += 1UL << k;
	}
}

int buddy_add_free_range(struct buddy_zone *z, unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long section = section_pages(z), pfn;
	unsigned long mid_start = ALIGN_UP(start_pfn, section);
	unsigned long mid_end = ALIGN_DOWN(end_pfn, section);

	if (start_pfn >= end_pfn || start_pfn < z->ranges_end || end_pfn > z->end_pfn ||
	    (z->total_pages && start_pfn == z->ranges_end))
		return -EINVAL;
	z->ranges_end = end_pfn;
	z->total_pages += end_pfn - start_pfn;
	z->free_pages += end_pfn - start_pfn;
	if (mid_start >= mid_end || z->nr_runs == BUDDY_MAX_RUNS) {
		/*
		 * No whole section, or no room for another run (more than
		 * BUDDY_MAX_RUNS free ranges in the zone): free it all now,
		 * at a cost per page.
		 */
		free_span(z, start_pfn, end_pfn);
		return 0;
	}
	free_span(z, start_pfn, mid_start);
	for (pfn = mid_start; pfn < mid_end; pfn += section)
		set_page_flags(page_of(z, pfn), PG_virgin);
	z->runs[z->nr_runs++] = (struct buddy_run){ mid_start, mid_end };
	free_span(z, mid_end, end_pfn);
	return 0;
}

int buddy_give_range(struct buddy_zone *z, unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long pfn;

	if (start_pfn >= end_pfn || start_pfn < z->start_pfn || end_pfn > z->end_pfn)
		return -EINVAL;
	init_records(z, start_pfn, end_pfn);
	z->total_pages += end_pfn - start_pfn;
	z->free_pages += end_pfn - start_pfn;
	/* Page by page: each merges with what is free around it (never a virgin section). */
	for (pfn = start_pfn; pfn < end_pfn; pfn++)
		free_block(z, pfn, 0);
	return 0;
}

/* ---- statistics ---- */

int buddy_largest_free_order(const struct buddy_zone *z)
{
	int k;

	if (z->cur_run < z->nr_runs)
		return z->max_order;
	for (k = z->max_order; k >= 0; k--)
		if (!list_empty(&z->free[k]))
			return k;
	return -1;
}

unsigned long buddy_count_free(const struct buddy_zone *z, unsigned int order)
{
	const struct list_head *node;
	unsigned long n = 0;

	if (order > z->max_order)
		return 0;
	/* Nodes, not entries: the list head is no struct page (which is over-aligned). */
	for (node = z->free[order].next; node != &z->free[order]; node = node->next)
		n++;
	return n;
}

unsigned long buddy_virgin_sections(const struct buddy_zone *z)
{
	unsigned long n = 0;
	unsigned int i;

	for (i = z->cur_run; i < z->nr_runs; i++)
		n += (z->runs[i].end - z->runs[i].next) >> z->max_order;
	return n;
}
