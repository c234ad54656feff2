// SPDX-License-Identifier: MIT
/*
 * The binary buddy algorithm on one zone; the layout of tags, sections and
 * virgin runs is described in include/tern/buddy.h.
 *
 * Invariants, between calls:
 *  - a page that is not the first page of a block has tag 0, in every
 *    section that is not virgin;
 *  - a block is on free[k] exactly when its first page's tag is FREE | k;
 *  - two free buddies of order k < max_order never coexist: freeing
 *    merges them.
 * So allocation and free each look at O(max_order) tags, and so does
 * finding the block around a page (buddy_block_start).
 */
#include <tern/buddy.h>
#include <tern/errno.h>
#include <tern/string.h>

#include <asm/page.h>

static inline u8 *tag(const struct buddy_zone *z, unsigned long pfn)
{
	return &z->tags[pfn - z->tag_base];
}

static inline struct buddy_free *pfn_to_free(unsigned long pfn)
{
	return pfn_to_virt(pfn);
}

static inline unsigned long free_to_pfn(const struct buddy_free *f)
{
	return virt_to_pfn(f);
}

static inline unsigned long section_pages(const struct buddy_zone *z)
{
	return 1UL << z->max_order;
}

/* The caller sets the tag to FREE | order. */
static void push_free(struct buddy_zone *z, unsigned long pfn, unsigned long order)
{
	struct buddy_free *f = pfn_to_free(pfn), *first = z->free[order];

	f->next = first;
	f->pprev = &z->free[order];
	if (first)
		first->pprev = &f->next;
	z->free[order] = f;
}

static void unlink_free(struct buddy_free *f)
{
	*f->pprev = f->next;
	if (f->next)
		f->next->pprev = f->pprev;
}

/* Is pfn in a section no allocation has touched yet?  Its tags are garbage. */
static bool is_virgin(const struct buddy_zone *z, unsigned long pfn)
{
	const struct buddy_run *r;

	for (r = &z->runs[z->cur_run]; r < &z->runs[z->nr_runs]; r++)
		if (pfn - r->next < r->end - r->next)
			return true;
	return false;
}

/* Splits the free block at pfn down to order, giving back the upper halves. */
static __always_inline unsigned long split_block(struct buddy_zone *z, unsigned long pfn,
						 unsigned long k, unsigned int order)
{
	/* Locals: the kernel's -fno-strict-aliasing makes every store reload z. */
	unsigned long base = z->tag_base;
	u8 *tags = z->tags;

	while (k > order) {
		unsigned long half = pfn + (1UL << --k);

		push_free(z, half, k);
		tags[half - base] = BUDDY_TAG_FREE | k;
	}
	tags[pfn - base] = BUDDY_TAG_ALLOC | order;
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
	memset(tag(z, pfn), 0, section_pages(z));
	return split_block(z, pfn, z->max_order, order);
}

/* Calls nothing on its common path, so it needs no registers saved. */
unsigned long buddy_alloc(struct buddy_zone *z, unsigned int order)
{
	unsigned long k = order, max = z->max_order;
	struct buddy_free *f;

	if (order > max)
		return BUDDY_NO_PAGE;
	while (k <= max && !z->free[k])
		k++;
	if (k > max)
		return alloc_virgin(z, order);
	f = z->free[k];
	unlink_free(f);
	return split_block(z, free_to_pfn(f), k, order);
}

/* Puts a block whose tags are all 0 on a free list, merged with its buddies. */
static __always_inline void free_block(struct buddy_zone *z, unsigned long pfn,
				       unsigned long k)
{
	unsigned long max = z->max_order, base = z->tag_base;
	u8 *tags = z->tags;

	for (; k < max; k++) {
		unsigned long buddy = pfn ^ (1UL << k);

		if (tags[buddy - base] != (BUDDY_TAG_FREE | k))
			break;
		unlink_free(pfn_to_free(buddy));
		tags[buddy - base] = 0;
		pfn &= ~(1UL << k);
	}
	push_free(z, pfn, k);
	tags[pfn - base] = BUDDY_TAG_FREE | k;
}

/* Frees an allocated block (checked by the caller). */
static __always_inline void release_block(struct buddy_zone *z, unsigned long pfn,
					  unsigned int order)
{
	*tag(z, pfn) = 0;
	z->free_pages += 1UL << order;
	free_block(z, pfn, order);
}

/*
 * The block whose first page is at or below pfn and which contains it:
 * returns that page's tag and stores the page in *head; 0 when pfn is in
 * no block (reserved, outside the zone).  pfn's section must not be
 * virgin.  Candidates are pfn rounded down to 2^k for k = 0, 1, ...: the
 * first one with a tag is the head of the enclosing block if its order is
 * at least k, and otherwise a block that ends before pfn.
 */
static u8 enclosing_block(const struct buddy_zone *z, unsigned long pfn, unsigned long *head)
{
	unsigned int k;

	for (k = 0; k <= z->max_order; k++) {
		unsigned long h = pfn & ~((1UL << k) - 1);
		u8 t = *tag(z, h);

		if (t) {
			if ((t & BUDDY_TAG_ORDER) < k)
				return 0;
			*head = h;
			return t;
		}
	}
	return 0;
}

/* Why pfn cannot be freed with this order: the slow path of buddy_check_free. */
static enum buddy_err classify_bad_free(const struct buddy_zone *z, unsigned long pfn)
{
	unsigned long head;
	u8 t;

	if (is_virgin(z, pfn))
		return BUDDY_ENOTALLOC;
	t = *tag(z, pfn);
	if (t & BUDDY_TAG_ALLOC)
		return BUDDY_EORDER;
	if (t & BUDDY_TAG_FREE)
		return BUDDY_EDOUBLE;
	t = enclosing_block(z, pfn, &head);
	if (t & BUDDY_TAG_FREE)
		return BUDDY_EDOUBLE;	/* freed, then merged into a larger block */
	if (t & BUDDY_TAG_ALLOC)
		return BUDDY_EINTERIOR;
	return BUDDY_ENOTALLOC;
}

/* The common case of buddy_check_free: pfn starts an allocated block of this order. */
static inline bool is_allocated_block(const struct buddy_zone *z, unsigned long pfn,
				      unsigned int order)
{
	return buddy_zone_contains(z, pfn) && order <= z->max_order && !is_virgin(z, pfn) &&
	       *tag(z, pfn) == (BUDDY_TAG_ALLOC | order);
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

/* buddy_free with poisoning on: fill the block first, then free it. */
static enum buddy_err __noinline free_poisoned(struct buddy_zone *z, unsigned long pfn,
					       unsigned int order)
{
	memset(pfn_to_free(pfn), BUDDY_POISON, BUDDY_PAGE_SIZE << order);
	release_block(z, pfn, order);
	return BUDDY_OK;
}

/* Like buddy_alloc, calls nothing on its common path. */
enum buddy_err buddy_free(struct buddy_zone *z, unsigned long pfn, unsigned int order)
{
	if (unlikely(!is_allocated_block(z, pfn, order)))
		return buddy_check_free(z, pfn, order);
	if (unlikely(z->poison))
		return free_poisoned(z, pfn, order);
	release_block(z, pfn, order);
	return BUDDY_OK;
}

unsigned long buddy_block_start(const struct buddy_zone *z, unsigned long pfn,
				unsigned int *order)
{
	unsigned long head;
	u8 t;

	if (!buddy_zone_contains(z, pfn) || is_virgin(z, pfn))
		return BUDDY_NO_PAGE;
	t = enclosing_block(z, pfn, &head);
	if (!(t & BUDDY_TAG_ALLOC))
		return BUDDY_NO_PAGE;
	*order = t & BUDDY_TAG_ORDER;
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

unsigned long buddy_tags_size(unsigned long start_pfn, unsigned long end_pfn,
			      unsigned int max_order)
{
	unsigned long section = 1UL << max_order;

	return ALIGN_UP(end_pfn, section) - ALIGN_DOWN(start_pfn, section);
}

int buddy_init_zone(struct buddy_zone *z, unsigned long start_pfn, unsigned long end_pfn,
		    u8 *tags, unsigned int max_order, bool poison)
{
	if (start_pfn >= end_pfn || max_order > BUDDY_MAX_ORDER)
		return -EINVAL;
	memset(z, 0, sizeof(*z));
	z->start_pfn = start_pfn;
	z->end_pfn = end_pfn;
	z->max_order = max_order;
	z->tag_base = ALIGN_DOWN(start_pfn, section_pages(z));
	z->tags_ready = z->tag_base;
	z->ranges_end = start_pfn;
	z->tags = tags;
	z->poison = poison;
	return 0;
}

/* Clears the tags from tags_ready up to pfn (a section boundary). */
static void ready_tags(struct buddy_zone *z, unsigned long pfn)
{
	if (pfn > z->tags_ready) {
		memset(tag(z, z->tags_ready), 0, pfn - z->tags_ready);
		z->tags_ready = pfn;
	}
}

/* Frees [pfn, end) as the fewest naturally aligned blocks: O(max_order) of them. */
static void free_span(struct buddy_zone *z, unsigned long pfn, unsigned long end)
{
	while (pfn < end) {
		unsigned int k = 0;

		while (k < z->max_order && !(pfn & (1UL << k)) && pfn + (2UL << k) <= end)
			k++;
		free_block(z, pfn, k);
		pfn += 1UL << k;
	}
}

int buddy_add_free_range(struct buddy_zone *z, unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long section = section_pages(z);
	unsigned long mid_start = ALIGN_UP(start_pfn, section);
	unsigned long mid_end = ALIGN_DOWN(end_pfn, section);

	if (start_pfn >= end_pfn || start_pfn < z->ranges_end || end_pfn > z->end_pfn)
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
		ready_tags(z, ALIGN_UP(end_pfn, section));
		free_span(z, start_pfn, end_pfn);
		return 0;
	}
	ready_tags(z, mid_start);
	free_span(z, start_pfn, mid_start);
	z->runs[z->nr_runs++] = (struct buddy_run){ mid_start, mid_end };
	z->tags_ready = mid_end;	/* virgin: left as they are */
	ready_tags(z, ALIGN_UP(end_pfn, section));
	free_span(z, mid_end, end_pfn);
	return 0;
}

void buddy_finish_init(struct buddy_zone *z)
{
	ready_tags(z, ALIGN_UP(z->end_pfn, section_pages(z)));
}

/* ---- statistics ---- */

int buddy_largest_free_order(const struct buddy_zone *z)
{
	int k;

	if (z->cur_run < z->nr_runs)
		return z->max_order;
	for (k = z->max_order; k >= 0; k--)
		if (z->free[k])
			return k;
	return -1;
}

unsigned long buddy_count_free(const struct buddy_zone *z, unsigned int order)
{
	const struct buddy_free *f;
	unsigned long n = 0;

	if (order > z->max_order)
		return 0;
	for (f = z->free[order]; f; f = f->next)
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
