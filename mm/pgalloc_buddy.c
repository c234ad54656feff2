// SPDX-License-Identifier: MIT
/*
 * The buddy page allocator: kernel glue around the algorithm in mm/buddy.c,
 * with per-CPU lists of free order-0 pages in front of it (PGALLOC_PCP).
 *
 * One zone covers the page map's span, with mem_map as its records: the
 * holes and reservations in it are PG_reserved pages (mm/page.c) that the
 * buddy never hands out, and only what memblock_for_each_free reports is
 * freed into it.  Start-up frees each free range's unaligned ends as
 * maximal blocks and leaves its whole sections virgin (see
 * include/tern/buddy.h): no work per free page.
 *
 * Per-CPU pages.  Each CPU keeps a list of free order-0 pages (PG_pcp);
 * alloc_page takes the first, free_page puts the page first (the most
 * recently used).  An empty list is refilled with pcp_batch pages from the
 * buddy in one go; a list longer than its high mark gives its pcp_batch
 * oldest pages back.  PCP_BATCH and PCP_HIGH, less on small machines: the
 * lists never hold more than a sixteenth of memory.  A page joins the list of the CPU that frees it, wherever it
 * came from.  When an allocation fails, every CPU's list goes back to the
 * buddy and the allocation is tried once more, so no memory hides there;
 * pgalloc_get_stats gives them back too when the buddy has no max-order
 * block, so that its largest block is one an allocation can get.
 *
 * Every free_pages() is checked before anything changes: the address
 * starts a page that has a record, the record says an allocated block of
 * that order (PG_head | order), and its section is not virgin (whose
 * records are garbage).  A bad free is refused with an error message,
 * never put on a list; with DEBUG_PAGEALLOC it panics instead, naming the
 * caller, and freed blocks are poisoned.  free_pages(NULL, order) does
 * nothing.  A block goes back only when its reference count reaches 0; a
 * count that goes below 0 is a double free.
 *
 * Locking.
 *  - pgalloc_lock guards the zone: its free lists and counters, and the
 *    records of the pages in it.  It is held for the O(max_order) work of
 *    mm/buddy.c, or for one batch of per-CPU pages.
 *  - pcp->lock guards one CPU's list and count.  Its own CPU takes it on
 *    every order-0 allocation and free, uncontended; another CPU takes it
 *    only to give the list back to the buddy (after a failed allocation,
 *    in pgalloc_get_stats).  Without it, taking another CPU's pages would
 *    need an interrupt to that CPU and a wait for its answer, which can
 *    deadlock: that CPU may be spinning, interrupts off, on a lock our
 *    caller holds.  It costs an atomic swap and a releasing store per
 *    call; without SMP it is not taken.
 *  - Both are taken with interrupts off, since interrupt handlers allocate
 *    too, and pcp->lock before pgalloc_lock; never two pcp locks at once.
 *    Nothing that takes a lock is called with them held (__GFP_ZERO,
 *    poisoning and bad-free reports come after unlocking), so they nest
 *    inside any other lock: an object allocator may call in with its own
 *    lock held (kmem lock -> pgalloc locks, never the reverse).
 *  - The call counters are per CPU, written by their CPU with interrupts
 *    off; pgalloc_get_stats sums them.  The zone's bounds, pcp_batch and
 *    each list's high mark are written by pgalloc_init only, before
 *    anything else runs.
 */
#include <tern/buddy.h>
#include <tern/kallsyms.h>
#include <tern/kernel.h>
#include <tern/memblock.h>
#include <tern/page.h>
#include <tern/pgalloc.h>
#include <tern/smp.h>
#include <tern/spinlock.h>
#include <tern/string.h>

_Static_assert(PGALLOC_MAX_ORDER <= BUDDY_MAX_ORDER, "PGALLOC_MAX_ORDER too large");

#define PCP		IS_ENABLED(CONFIG_PGALLOC_PCP)
#define PCP_BATCH	16		/* pages a refill takes, a full list gives back */
#define PCP_HIGH	(4 * PCP_BATCH)	/* pages a list keeps at most */
#define PAGE_POISON	0x5a		/* fills freed blocks with DEBUG_PAGEALLOC */

const char pgalloc_name[] = "buddy";

static spinlock_t pgalloc_lock = SPINLOCK_INIT;
static struct buddy_zone zone;		/* pgalloc_lock */

struct pcp {
	spinlock_t lock;
	unsigned int count;		/* pages on list: lock, and pgalloc_lock when a batch moves */
	unsigned int high;		/* pages it keeps at most: set at start-up */
	struct list_head list;		/* free order-0 pages, newest first: lock */
	unsigned long alloc_calls;	/* this CPU's calls: its own, interrupts off */
	unsigned long free_calls;
} __aligned(64);

static struct pcp pcps[NR_CPUS];
static unsigned int pcp_batch;		/* pages a refill takes, a long list gives back */

/*
 * Interrupts off: the caller cannot move to another CPU.  The empty asm
 * keeps p in a register: without it gcc re-derives each field's address
 * from the address of zone, next to pcps, costing the fast paths four
 * instructions each.
 */
static inline struct pcp *this_pcp(void)
{
	struct pcp *p = &pcps[smp_processor_id()];

	__asm__("" : "+r"(p));
	return p;
}

/* Uncontended but for a drain: one atomic swap on the common path. */
static inline void pcp_lock(struct pcp *p)
{
	if (IS_ENABLED(CONFIG_SMP) && unlikely(!spin_trylock(&p->lock)))
		spin_lock(&p->lock);
}

static inline void pcp_unlock(struct pcp *p)
{
	if (IS_ENABLED(CONFIG_SMP))
		spin_unlock(&p->lock);
}

/* Read without the lock by pgalloc_get_stats. */
static inline void set_pcp_count(struct pcp *p, unsigned int count)
{
	MM_WRITE_ONCE(p->count, count);
}

/* A per-CPU counter, by its CPU with interrupts off. */
static inline void count_call(unsigned long *counter)
{
	MM_WRITE_ONCE(*counter, *counter + 1);
}

static void count_free_irqsave(void)
{
	unsigned long flags = local_irq_save();

	count_call(&this_pcp()->free_calls);
	local_irq_restore(flags);
}

/* ---- per-CPU lists ---- */

/* Under p->lock: up to pcp_batch pages from the buddy.  False if it had none. */
static bool __noinline pcp_refill(struct pcp *p)
{
	unsigned int n;

	spin_lock(&pgalloc_lock);
	for (n = 0; n < pcp_batch; n++) {
		unsigned long pfn = buddy_alloc(&zone, 0);
		struct page *page;

		if (pfn == BUDDY_NO_PAGE)
			break;
		page = pfn_to_page(pfn);
		set_page_flags(page, PG_pcp);
		list_add_tail(&page->list, &p->list);
	}
	set_pcp_count(p, p->count + n);
	spin_unlock(&pgalloc_lock);
	return n;
}

/* Under p->lock: gives up to n of the oldest pages back to the buddy; how many. */
static unsigned int __noinline pcp_give_back(struct pcp *p, unsigned int n)
{
	unsigned int i;

	spin_lock(&pgalloc_lock);
	for (i = 0; i < n && !list_empty(&p->list); i++) {
		struct page *page = list_entry(p->list.prev, struct page, list);
		enum buddy_err err;

		list_del(&page->list);
		set_page_flags(page, PG_head);	/* allocated, as far as the buddy knows */
		err = buddy_free(&zone, page_to_pfn(page), 0);
		if (unlikely(err))
			panic("pgalloc: per-CPU page %p refused by the buddy: %s",
			      page_address(page), buddy_strerror(err));
	}
	set_pcp_count(p, p->count - i);
	spin_unlock(&pgalloc_lock);
	return i;
}

/* Every CPU's list back to the buddy; the pages it moved. */
static unsigned long pcp_drain_all(void)
{
	unsigned long moved = 0, flags;
	unsigned int cpu;

	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		struct pcp *p = &pcps[cpu];

		if (!MM_READ_ONCE(p->count))
			continue;
		flags = local_irq_save();
		pcp_lock(p);
		moved += pcp_give_back(p, p->count);
		pcp_unlock(p);
		local_irq_restore(flags);
	}
	return moved;
}

/* Under p->lock: the first page of a list that is not empty, handed out. */
static __always_inline struct page *pcp_pop(struct pcp *p)
{
	struct page *page = list_first_entry(&p->list, struct page, list);
	unsigned int count = p->count;

	list_del(&page->list);
	set_pcp_count(p, count - 1);
	count_call(&p->alloc_calls);
	set_page_flags(page, PG_head);
	set_page_count(page, 1);
	return page;
}

/* Under p->lock: a page whose last reference is gone, put first; count was p->count. */
static __always_inline void pcp_push(struct pcp *p, struct page *page, unsigned int count)
{
	set_page_flags(page, PG_pcp);
	list_add(&page->list, &p->list);
	set_pcp_count(p, count + 1);
	count_call(&p->free_calls);
}

/* An order-0 page from this CPU's list, refilled if it is empty. */
static struct page *pcp_alloc(void)
{
	unsigned long flags = local_irq_save();
	struct pcp *p = this_pcp();
	struct page *page = NULL;

	pcp_lock(p);
	if (!list_empty(&p->list) || pcp_refill(p))
		page = pcp_pop(p);
	else
		count_call(&p->alloc_calls);	/* a failed call counts too */
	pcp_unlock(p);
	local_irq_restore(flags);
	return page;
}

/* An order-0 page to this CPU's list, giving a batch back if it is long. */
static void __noinline pcp_free(struct page *page)
{
	unsigned long flags = local_irq_save();
	struct pcp *p = this_pcp();

	pcp_lock(p);
	pcp_push(p, page, p->count);
	if (p->count > p->high)
		pcp_give_back(p, pcp_batch);
	pcp_unlock(p);
	local_irq_restore(flags);
}

/* ---- the zone ---- */

static struct page *zone_alloc(unsigned int order, bool count)
{
	unsigned long flags, pfn;
	struct page *page;

	flags = spin_lock_irqsave(&pgalloc_lock);
	if (count)
		count_call(&this_pcp()->alloc_calls);
	pfn = buddy_alloc(&zone, order);
	spin_unlock_irqrestore(&pgalloc_lock, flags);
	if (pfn == BUDDY_NO_PAGE)
		return NULL;
	page = pfn_to_page(pfn);
	set_page_count(page, 1);
	return page;
}

/* Out of memory: the per-CPU lists back to the buddy, and one more try. */
static struct page *__noinline alloc_after_drain(unsigned int order)
{
	if (!PCP || order > PGALLOC_MAX_ORDER || !pcp_drain_all())
		return NULL;
	return zone_alloc(order, false);
}

static void *__noinline alloc_pages_slow(gfp_t gfp, unsigned int order)
{
	struct page *page = PCP && !order ? pcp_alloc() : zone_alloc(order, true);
	void *addr;

	if (unlikely(!page)) {
		page = alloc_after_drain(order);
		if (!page)
			return NULL;
	}
	addr = page_address(page);
	if (gfp & __GFP_ZERO)
		memset(addr, 0, PAGE_SIZE << order);
	return addr;
}

/*
 * A page from this CPU's list calls nothing and needs no stack frame;
 * everything else (an empty list, __GFP_ZERO, higher orders) is
 * alloc_pages_slow.
 */
void *alloc_pages(gfp_t gfp, unsigned int order)
{
	if (PCP && likely(!(order | gfp))) {
		unsigned long flags = local_irq_save();
		struct pcp *p = this_pcp();
		struct page *page = NULL;

		pcp_lock(p);
		if (likely(!list_empty(&p->list)))
			page = pcp_pop(p);
		pcp_unlock(p);
		local_irq_restore(flags);
		if (likely(page))
			return page_address(page);
	}
	return alloc_pages_slow(gfp, order);
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

/*
 * What every good free_pages passes.  No lock: the caller owns the block,
 * so its records do not change under us, and a section that is not
 * virgin never becomes virgin again.
 */
static __always_inline bool looks_allocated(const void *addr, unsigned long pfn,
					    unsigned int order)
{
	/* !buddy_is_virgin(&zone, pfn), with the zone's numbers as constants. */
	unsigned long section = pfn & ~((1UL << PGALLOC_MAX_ORDER) - 1);

	return pfn_valid(pfn) && !((uintptr_t)addr & ~PAGE_MASK) &&
	       page_flags(pfn_to_page(pfn)) == (PG_head | order) &&
	       !(section >= mem_map_start_pfn && (page_flags(pfn_to_page(section)) & PG_virgin));
}

/* free_pages of something that is not an allocated block: why, said once. */
static void __noinline refuse_free(void *addr, unsigned long pfn, unsigned int order,
				   unsigned long caller)
{
	enum buddy_err err = BUDDY_EOUTSIDE;
	unsigned long flags;

	if (!addr)
		return;
	count_free_irqsave();
	if (pfn_valid(pfn)) {
		flags = spin_lock_irqsave(&pgalloc_lock);
		err = buddy_check_free(&zone, pfn, order);
		if ((uintptr_t)addr & ~PAGE_MASK)	/* never the start of a block */
			err = err ?: BUDDY_EINTERIOR;
		spin_unlock_irqrestore(&pgalloc_lock, flags);
		/* Allocated by now, but not when we looked: it was not ours to free. */
		err = err ?: BUDDY_ENOTALLOC;
	}
	report_bad_free(addr, order, err, caller);
}

/* A reference was dropped but the block stays; below 0 it was freed already. */
static void __noinline keep_referenced(void *addr, int refs, unsigned int order,
				       unsigned long caller)
{
	count_free_irqsave();
	if (refs < 0)
		report_bad_free(addr, order, BUDDY_EDOUBLE, caller);
}

static void zone_free(unsigned long pfn, unsigned int order, unsigned long caller)
{
	unsigned long flags = spin_lock_irqsave(&pgalloc_lock);
	enum buddy_err err;

	count_call(&this_pcp()->free_calls);
	err = buddy_free(&zone, pfn, order);
	spin_unlock_irqrestore(&pgalloc_lock, flags);
	if (unlikely(err))
		report_bad_free(pfn_to_virt(pfn), order, err, caller);
}

/* free_pages_slow's refs when the fast path has not dropped the reference. */
#define NOT_DROPPED	(-__INT_MAX__ - 1)

/*
 * free_pages from the start (refs NOT_DROPPED), or after the fast path
 * dropped the reference and found refs left, or this CPU's list full.
 */
static void __noinline free_pages_slow(void *addr, unsigned int order, unsigned long caller,
				       int refs)
{
	unsigned long pfn = virt_to_pfn(addr);

	if (refs == NOT_DROPPED) {
		if (unlikely(!looks_allocated(addr, pfn, order))) {
			refuse_free(addr, pfn, order, caller);
			return;
		}
		refs = page_ref_dec_return(pfn_to_page(pfn));
	}
	if (refs) {
		keep_referenced(addr, refs, order, caller);
		return;
	}
	if (IS_ENABLED(CONFIG_DEBUG_PAGEALLOC))
		memset(addr, PAGE_POISON, PAGE_SIZE << order);
	if (PCP && !order)
		pcp_free(pfn_to_page(pfn));
	else
		zone_free(pfn, order, caller);
}

/*
 * Like alloc_pages, the common order-0 free onto this CPU's list calls
 * nothing and needs no stack frame; the rest is free_pages_slow, from
 * its one call site.
 */
void free_pages(void *addr, unsigned int order)
{
	unsigned long pfn = virt_to_pfn(addr), flags;
	int refs = NOT_DROPPED;
	unsigned int count;
	struct page *page;
	struct pcp *p;

	if (!PCP || IS_ENABLED(CONFIG_DEBUG_PAGEALLOC) || unlikely(order) ||
	    unlikely(!looks_allocated(addr, pfn, 0)))
		goto slow;
	page = pfn_to_page(pfn);
	refs = page_ref_dec_return(page);
	if (unlikely(refs))
		goto slow;
	flags = local_irq_save();
	p = this_pcp();
	pcp_lock(p);
	count = p->count;
	if (likely(count < p->high)) {
		pcp_push(p, page, count);
		pcp_unlock(p);
		local_irq_restore(flags);
		return;
	}
	pcp_unlock(p);
	local_irq_restore(flags);
slow:
	free_pages_slow(addr, order, (unsigned long)__builtin_return_address(0), refs);
}

void *pgalloc_block_start(const void *addr, unsigned int *order)
{
	unsigned long pfn = virt_to_pfn(addr), head, flags;
	unsigned int o;

	if (!pfn_valid(pfn))
		return NULL;
	flags = spin_lock_irqsave(&pgalloc_lock);
	head = buddy_block_start(&zone, pfn, &o);
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
	unsigned int cpu;
	int largest;

	/* Per-CPU pages may be what keeps the buddy from a max-order block. */
	flags = spin_lock_irqsave(&pgalloc_lock);
	largest = buddy_largest_free_order(&zone);
	spin_unlock_irqrestore(&pgalloc_lock, flags);
	if (PCP && largest < PGALLOC_MAX_ORDER)
		pcp_drain_all();
	memset(stats, 0, sizeof(*stats));
	flags = spin_lock_irqsave(&pgalloc_lock);
	stats->total_pages = zone.total_pages;
	stats->free_pages = zone.free_pages;
	for (cpu = 0; cpu < NR_CPUS; cpu++) {
		const struct pcp *p = &pcps[cpu];

		stats->free_pages += MM_READ_ONCE(p->count);
		stats->alloc_calls += MM_READ_ONCE(p->alloc_calls);
		stats->free_calls += MM_READ_ONCE(p->free_calls);
	}
	largest = buddy_largest_free_order(&zone);
	/* Per-CPU pages refilled since the drain are blocks of order 0. */
	if (largest < 0 && stats->free_pages)
		largest = 0;
	spin_unlock_irqrestore(&pgalloc_lock, flags);
	stats->largest_free_order_pages = largest < 0 ? 0 : 1UL << largest;
}

long pgalloc_free_reserved(phys_addr_t start, phys_addr_t end)
{
	unsigned long first = PFN_UP(start), last = PFN_DOWN(end), flags;
	int err;

	if (first >= last)
		return 0;
	flags = spin_lock_irqsave(&pgalloc_lock);
	err = buddy_give_range(&zone, first, last);
	spin_unlock_irqrestore(&pgalloc_lock, flags);
	return err ? err : (long)(last - first);
}

/* ---- start-up ---- */

/* memblock_for_each_free callback: ascending ranges. */
static void add_free_range(phys_addr_t start, phys_addr_t end, void *arg)
{
	unsigned long first = MAX(PFN_UP(start), zone.start_pfn);
	unsigned long last = MIN(PFN_DOWN(end), zone.end_pfn);

	if (first < last && buddy_add_free_range(&zone, first, last))
		pr_err("pgalloc: cannot add %#llx-%#llx\n", (unsigned long long)start,
		       (unsigned long long)end - 1);
}

void pgalloc_init(void)
{
	unsigned int cpu, high;

	memset(pcps, 0, sizeof(pcps));
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		INIT_LIST_HEAD(&pcps[cpu].list);
	if (buddy_init_zone(&zone, mem_map_start_pfn, mem_map_end_pfn, mem_map,
			    PGALLOC_MAX_ORDER))
		panic("pgalloc: no page map (pfns %#lx-%#lx)", mem_map_start_pfn,
		      mem_map_end_pfn);
	memblock_for_each_free(add_free_range, NULL);
	/* At most a sixteenth of memory on per-CPU lists. */
	high = MIN(PCP_HIGH, zone.total_pages / (16 * NR_CPUS));
	pcp_batch = MAX(MIN(PCP_BATCH, high / 2), 1u);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		pcps[cpu].high = high;
}
