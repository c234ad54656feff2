// SPDX-License-Identifier: MIT
/*
 * The slab allocator (CONFIG_KMEM_SLAB): kmalloc from power-of-two size
 * classes of 8 to 2048 bytes, and named caches of fixed-size objects.
 * Each cache is made of slabs taken from the page allocator.
 *
 * A slab is one naturally aligned block of 2^order pages.  It starts with
 * a struct slab; object slots follow, cache->stride bytes apart:
 *
 *   block start                                                 block end
 *   | struct slab | pad | slot 0 | slot 1 | ... | slot n-1 | unused tail |
 *                       ^ block + cache->offset
 *
 * A free slot keeps the free-list pointer in its first word.  With
 * DEBUG_SLAB a slot holds red zones and an out-of-object free pointer, so
 * a free object can be poisoned whole:
 *
 *   | red zone (red_left) | object (size) | red zone (RZ_RIGHT) | free ptr |
 *   ^ slot                ^ what kmalloc returns
 *
 * The red zones read RZ_ACTIVE while the object is allocated and
 * RZ_INACTIVE while it is free, which is how kfree tells a double free
 * from an overwrite.
 *
 * kfree needs no table of its own: the page allocator knows which block
 * holds a pointer (pgalloc_block_start), and a slab's block starts with its
 * header.  A pointer equal to the block start is a large kmalloc (over
 * KMALLOC_MAX_CACHE_SIZE), which gets whole pages and no header.  The last
 * answer is remembered (find_slab), since the lookup costs more than the
 * rest of kfree.
 *
 * Each slab of a cache is on exactly one list: partial (a free slot
 * left) or full (none).  A slab whose last object is freed goes back to
 * the page allocator, except that each cache keeps one empty slab
 * (cache->empty, left on the partial list), so that kmalloc/kfree in a
 * loop does not call the page allocator every time.
 *
 * Locking.  Any hart, and interrupt handlers, may call in; every lock is
 * taken with interrupts off.
 *  - cache->lock: the cache's slab lists, its slabs' free lists and
 *    inuse counts, empty, nr_slabs and its call counters.  A lock per
 *    cache, so that kmalloc sizes and named caches do not contend.
 *  - slab_lock: cache_list, the caches' ids, and other (large kmallocs
 *    and destroyed caches).  Taken before a cache->lock, never after.
 *  - last_lookup, find_slab's remembered answer, is one word read and
 *    written with relaxed atomics: see find_slab.
 * Neither lock is held while calling the page allocator: a new slab is
 * built unlocked and then put on the lists, an empty one taken off them
 * and then freed.  So kmem and pgalloc locks never nest.  Zeroing, and
 * kmem_cache_for_each's callback, run unlocked too.  The DEBUG_SLAB checks
 * run under cache->lock, so two harts freeing one object are caught; a
 * report drops the lock before it panics.  A cache's fixed fields and the
 * kmalloc tables are written before anyone else can see them.
 */
#include <tern/errno.h>
#include <tern/kallsyms.h>
#include <tern/kernel.h>
#include <tern/printf.h>
#include <tern/slab.h>
#include <tern/spinlock.h>
#include <tern/string.h>

#include "kmem_common.h"
#include "kmem_slab.h"

#define SLAB_MAGIC	0x51ab51abU	/* xor the slab's address */

#define NR_KMALLOC_CACHES	9	/* 8 << 0 ... 8 << 8 == KMALLOC_MAX_CACHE_SIZE */

const char kmem_name[] = "slab";

static spinlock_t slab_lock = SPINLOCK_INIT;
static struct kmem_cache kmalloc_caches[NR_KMALLOC_CACHES];
/* slab_lock */
static struct kmem_cache *cache_list;	/* kmalloc's first, then by creation */
static unsigned long next_cache_id;
/* Large kmallocs, plus the counters of destroyed caches. */
static struct kmem_stats other;

/*
 * find_slab's last answer, in one word so that it is read whole: the
 * slab's address, which is aligned to its 2^order pages, ORed with its
 * order.  LOOKUP_NONE has an order whose block size, PAGE_SIZE << order,
 * wraps to 0: it matches no pointer.
 */
#define LOOKUP_ORDER	0x3fUL
#define LOOKUP_NONE	((uintptr_t)(sizeof(uintptr_t) * 8 - PAGE_SHIFT))
static uintptr_t last_lookup = LOOKUP_NONE;

/*
 * Size to kmalloc cache without a loop or a clz (a libcall on rv32imac and
 * rv64imac): kmalloc_index[(size - 1) / 8] for sizes 1..2048, filled by
 * kmem_init.
 */
static u8 kmalloc_index[KMALLOC_MAX_CACHE_SIZE / 8];

/* 1 <= size <= KMALLOC_MAX_CACHE_SIZE */
static __always_inline struct kmem_cache *kmalloc_cache(size_t size)
{
	return &kmalloc_caches[kmalloc_index[(size - 1) >> 3]];
}

static inline u32 slab_magic(const struct slab *slab)
{
	return SLAB_MAGIC ^ (u32)(uintptr_t)slab;
}

/* ---- slab lists ---- */

static void list_push(struct slab *slab, struct slab **head)
{
	slab->next = *head;
	slab->pprev = head;
	if (*head)
		(*head)->pprev = &slab->next;
	*head = slab;
}

static void list_del(struct slab *slab)
{
	*slab->pprev = slab->next;
	if (slab->next)
		slab->next->pprev = slab->pprev;
}

static void move_slab(struct slab *slab, struct slab **head)
{
	list_del(slab);
	list_push(slab, head);
}

/* ---- reports ---- */

void __noreturn __printf(5, 6) __noinline
slab_bug(const char *fn, struct kmem_cache *cache, const unsigned long *locked,
	 unsigned long caller, const char *fmt, ...)
{
	char what[96], where[KSYM_NAME_LEN + 32];
	va_list ap;

	if (locked)
		spin_unlock_irqrestore(&cache->lock, *locked);
	va_start(ap, fmt);
	vscnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	sprint_backtrace(where, sizeof(where), caller);
	if (cache)
		panic("%s: %s in cache %s by %s", fn, what, cache->name, where);
	panic("%s: %s by %s", fn, what, where);
}

/* ---- slabs ---- */

/* A new slab, on no list yet: built unlocked, since nobody else sees it. */
static struct slab *__noinline new_slab(struct kmem_cache *cache)
{
	struct slab *slab;
	void *next = NULL;
	u32 i;

	if (!cache->objects)	/* before kmem_init */
		return NULL;
	slab = alloc_pages(GFP_KERNEL, cache->order);
	if (!slab)
		return NULL;
	slab->magic = slab_magic(slab);
	slab->inuse = 0;
	slab->cache = cache;
	/* Thread the free list in address order: the last slot first. */
	for (i = cache->objects; i-- > 0;) {
		void *obj = first_object(cache, slab) + i * cache->stride;

		if (IS_ENABLED(CONFIG_DEBUG_SLAB))
			slab_debug_init_object(cache, obj);
		*free_pointer(cache, obj) = next;
		next = obj;
	}
	slab->freelist = next;
	return slab;
}

/* Under cache->lock: takes an empty slab off the lists; the caller frees its pages. */
static void unlink_slab(struct kmem_cache *cache, struct slab *slab)
{
	uintptr_t lookup = (uintptr_t)slab | cache->order;

	/* Forget it in find_slab, unless another slab is remembered by now. */
	__atomic_compare_exchange_n(&last_lookup, &lookup, LOOKUP_NONE, false, __ATOMIC_RELAXED,
				    __ATOMIC_RELAXED);
	list_del(slab);
	slab->magic = 0;	/* a stale pointer into it must not pass for an object */
	cache->nr_slabs--;
}

/* slab_free found slab empty with another kept: unlocks and frees it. */
static void __noinline release_slab(struct kmem_cache *cache, struct slab *slab,
				    unsigned long flags)
{
	unlink_slab(cache, slab);
	spin_unlock_irqrestore(&cache->lock, flags);
	free_pages(slab, cache->order);
}

static void *slab_alloc_new(struct kmem_cache *cache, gfp_t gfp, const char *fn,
			    unsigned long caller, unsigned long flags);

/*
 * Called with cache->lock held, taken with flags; unlocks.  What leaves
 * this path (a new slab, zeroing, the DEBUG_SLAB checks) is a tail call or
 * compiled out, so without DEBUG_SLAB it needs no stack frame.
 */
static __always_inline void *slab_alloc_locked(struct kmem_cache *cache, gfp_t gfp,
					       const char *fn, unsigned long caller,
					       unsigned long flags)
{
	struct slab *slab = cache->partial;
	void *obj, *next;

	if (unlikely(!slab))
		return slab_alloc_new(cache, gfp, fn, caller, flags);
	obj = slab->freelist;
	if (IS_ENABLED(CONFIG_DEBUG_SLAB))
		slab_debug_alloc(cache, slab, obj, fn, caller, &flags);
	next = *free_pointer(cache, obj);
	slab->freelist = next;
	if (slab->inuse++ == 0)
		cache->empty = NULL;	/* it was the kept empty slab, or a new one */
	if (unlikely(!next))
		move_slab(slab, &cache->full);
	cache->alloc_calls++;
	spin_unlock_irqrestore(&cache->lock, flags);
	if (unlikely(gfp & __GFP_ZERO))
		return memset(obj, 0, cache->size);
	return obj;
}

static __always_inline void *slab_alloc(struct kmem_cache *cache, gfp_t gfp, const char *fn,
					unsigned long caller)
{
	return slab_alloc_locked(cache, gfp, fn, caller, spin_lock_irqsave(&cache->lock));
}

/*
 * No slab has a free slot: unlock, get one from the page allocator, and
 * allocate from the first partial slab, which is ours unless the page
 * allocator said no and another hart added one meanwhile.
 */
static void *__noinline slab_alloc_new(struct kmem_cache *cache, gfp_t gfp, const char *fn,
				       unsigned long caller, unsigned long flags)
{
	struct slab *slab;

	spin_unlock_irqrestore(&cache->lock, flags);
	slab = new_slab(cache);
	flags = spin_lock_irqsave(&cache->lock);
	if (slab) {
		list_push(slab, &cache->partial);
		cache->nr_slabs++;
	} else if (!cache->partial) {
		spin_unlock_irqrestore(&cache->lock, flags);
		return NULL;
	}
	return slab_alloc_locked(cache, gfp, fn, caller, flags);
}

/* Called with cache->lock held, taken with flags; unlocks. */
static __always_inline void slab_free(struct kmem_cache *cache, struct slab *slab, void *obj,
				      unsigned long flags)
{
	void *next = slab->freelist;

	*free_pointer(cache, obj) = next;
	slab->freelist = obj;
	cache->free_calls++;
	if (unlikely(!next))	/* it was full */
		move_slab(slab, &cache->partial);
	if (--slab->inuse == 0) {
		if (cache->empty) {
			release_slab(cache, slab, flags);
			return;
		}
		cache->empty = slab;
	}
	spin_unlock_irqrestore(&cache->lock, flags);
}

/*
 * The slab holding p, or NULL when p is a large kmalloc (then *order is
 * its order).  Anything else is a bug: p is not from kmalloc.
 *
 * The last answer is remembered in last_lookup: kfree in a loop then skips
 * pgalloc_block_start, which costs more than the rest of kfree.  It needs
 * no lock.  The caller owns the live object p, so p's slab cannot be
 * released while we look; a slab is forgotten (unlink_slab) before its
 * pages go back, and every later lookup is ordered after that through the
 * locks of the page allocator and of whoever reused the pages.  So a
 * remembered slab that contains p is p's slab.  Only a bad pointer (a
 * double free) racing with the release of its slab can see a stale one.
 */
static __always_inline struct slab *find_slab(const void *p, unsigned int *order,
					      const char *fn, unsigned long caller)
{
	uintptr_t lookup = __atomic_load_n(&last_lookup, __ATOMIC_RELAXED);
	struct slab *slab = (struct slab *)(lookup & ~LOOKUP_ORDER);

	if ((uintptr_t)p - (uintptr_t)slab < PAGE_SIZE << (lookup & LOOKUP_ORDER) &&
	    (!IS_ENABLED(CONFIG_DEBUG_SLAB) || p != slab))
		return slab;
	slab = pgalloc_block_start(p, order);
	if (unlikely(!slab))
		slab_bug(fn, NULL, NULL, caller, "bad pointer %p: not in an allocated page block",
			 p);
	if ((const void *)slab == p) {
		/* A slab header is never handed out; with DEBUG_SLAB, say so. */
		if (IS_ENABLED(CONFIG_DEBUG_SLAB) && slab->magic == slab_magic(slab))
			slab_bug(fn, slab->cache, NULL, caller, "bad pointer %p: a slab header", p);
		return NULL;
	}
	if (unlikely(slab->magic != slab_magic(slab)))
		slab_bug(fn, NULL, NULL, caller, "bad pointer %p: not from kmalloc", p);
	__atomic_store_n(&last_lookup, (uintptr_t)slab | *order, __ATOMIC_RELAXED);
	return slab;
}

/* ---- kmalloc ---- */

/* The order of the smallest page block holding size bytes; -1 if none does. */
static int large_order(size_t size)
{
	int order = 0;

	if (size > PAGE_SIZE << PGALLOC_MAX_ORDER)
		return -1;
	while ((PAGE_SIZE << order) < size)
		order++;
	return order;
}

static void *__noinline kmalloc_large(size_t size, gfp_t gfp)
{
	int order = size ? large_order(size) : -1;
	void *p = order < 0 ? NULL : alloc_pages(gfp, order);
	unsigned long flags;

	if (!p)
		return NULL;
	flags = spin_lock_irqsave(&slab_lock);
	other.pages += 1UL << order;
	other.bytes_in_use += PAGE_SIZE << order;
	other.alloc_calls++;
	spin_unlock_irqrestore(&slab_lock, flags);
	return p;
}

static void __noinline kfree_large(const void *p, unsigned int order)
{
	unsigned long flags = spin_lock_irqsave(&slab_lock);

	other.pages -= 1UL << order;
	other.bytes_in_use -= PAGE_SIZE << order;
	other.free_calls++;
	spin_unlock_irqrestore(&slab_lock, flags);
	free_pages((void *)p, order);
}

void *kmalloc(size_t size, gfp_t gfp)
{
	/* size 0 wraps around and goes to kmalloc_large, which says NULL. */
	if (unlikely(size - 1 >= KMALLOC_MAX_CACHE_SIZE))
		return kmalloc_large(size, gfp);
	return slab_alloc(kmalloc_cache(size), gfp, "kmalloc",
			  (unsigned long)__builtin_return_address(0));
}

/* kfree's body, inlined in kfree so that its common path needs no frame. */
static __always_inline void slab_kfree(const void *p, unsigned long caller)
{
	struct kmem_cache *cache;
	unsigned long flags;
	unsigned int order;
	struct slab *slab;

	if (!p)
		return;
	slab = find_slab(p, &order, "kfree", caller);
	if (!slab) {
		kfree_large(p, order);
		return;
	}
	cache = slab->cache;
	flags = spin_lock_irqsave(&cache->lock);
	if (IS_ENABLED(CONFIG_DEBUG_SLAB))
		slab_debug_free(cache, slab, (void *)p, "kfree", caller, &flags);
	slab_free(cache, slab, (void *)p, flags);
}

void kfree(const void *p)
{
	slab_kfree(p, (unsigned long)__builtin_return_address(0));
}

void kmem_free_caller(const void *p, unsigned long caller)
{
	slab_kfree(p, caller);
}

static size_t __ksize(const void *p, const char *fn, unsigned long caller)
{
	unsigned int order;
	struct slab *slab;

	if (!p)
		return 0;
	slab = find_slab(p, &order, fn, caller);
	if (!slab)
		return PAGE_SIZE << order;
	if (IS_ENABLED(CONFIG_DEBUG_SLAB)) {
		unsigned long flags = spin_lock_irqsave(&slab->cache->lock);

		slab_debug_check_live(slab->cache, slab, p, fn, caller, "use after free", &flags);
		spin_unlock_irqrestore(&slab->cache->lock, flags);
	}
	return slab->cache->size;
}

size_t ksize(const void *p)
{
	return __ksize(p, "ksize", (unsigned long)__builtin_return_address(0));
}

/* What ksize(kmalloc(size)) would be; 0 if kmalloc(size) must fail. */
static size_t kmalloc_size(size_t size)
{
	int order;

	if (size <= KMALLOC_MAX_CACHE_SIZE)
		return kmalloc_cache(size)->size;
	order = large_order(size);
	return order < 0 ? 0 : PAGE_SIZE << order;
}

/*
 * Within one size class (or page order) the block stays where it is;
 * otherwise it moves, to a smaller class too.  A bad p panics.
 */
ssize_t kmem_realloc_in_place(const void *p, size_t size, unsigned long caller)
{
	size_t old = __ksize(p, "krealloc", caller);

	return kmalloc_size(size) == old ? 0 : (ssize_t)old;
}

/* ---- caches ---- */

/*
 * The smallest slab order that wastes at most 1/8 of the slab (header,
 * padding, and the tail no slot fits in); failing that, the largest.
 */
static bool pick_order(struct kmem_cache *cache)
{
	unsigned int order;
	int best = -1;

	for (order = 0; order <= PGALLOC_MAX_ORDER; order++) {
		unsigned long bytes = PAGE_SIZE << order, n, waste;

		if (bytes < cache->offset + cache->stride)
			continue;
		n = (bytes - cache->offset) / cache->stride;
		waste = bytes - n * cache->stride;
		best = order;
		if (waste <= bytes / 8)
			break;
	}
	if (best < 0)
		return false;
	cache->order = best;
	cache->objects = ((PAGE_SIZE << best) - cache->offset) / cache->stride;
	return true;
}

static bool cache_init(struct kmem_cache *cache, const char *name, size_t size, size_t align)
{
	align = MAX(align, KMALLOC_MIN_ALIGN);
	spin_lock_init(&cache->lock);
	strlcpy(cache->name, name ? name : "(unnamed)", sizeof(cache->name));
	cache->object_size = size;
	cache->size = ALIGN_UP(MAX(size, sizeof(void *)), align);
	cache->stride = cache->size;
	if (IS_ENABLED(CONFIG_DEBUG_SLAB)) {
		cache->red_left = align;
		cache->free_offset = cache->size + RZ_RIGHT;
		cache->stride = ALIGN_UP(align + cache->free_offset + sizeof(void *), align);
	}
	cache->offset = ALIGN_UP(sizeof(struct slab), align);
	return pick_order(cache);
}

/* Puts a set-up cache at the end of cache_list, where others can find it. */
static void add_cache(struct kmem_cache *cache)
{
	unsigned long flags = spin_lock_irqsave(&slab_lock);
	struct kmem_cache **pp = &cache_list;

	while (*pp)
		pp = &(*pp)->next;
	cache->id = next_cache_id++;
	*pp = cache;
	spin_unlock_irqrestore(&slab_lock, flags);
}

static bool is_kmalloc_cache(const struct kmem_cache *cache)
{
	return cache >= kmalloc_caches && cache < kmalloc_caches + NR_KMALLOC_CACHES;
}

/* Under cache->lock. */
static unsigned long active_objects(const struct kmem_cache *cache)
{
	unsigned long n = 0;
	const struct slab *slab;

	for (slab = cache->partial; slab; slab = slab->next)
		n += slab->inuse;
	for (slab = cache->full; slab; slab = slab->next)
		n += slab->inuse;
	return n;
}

/* flags: none are defined yet. */
struct kmem_cache *kmem_cache_create(const char *name, size_t size, size_t align,
				     unsigned int flags)
{
	struct kmem_cache *cache;

	(void)flags;
	if (!size || size > PAGE_SIZE << PGALLOC_MAX_ORDER || (align & (align - 1)) ||
	    align > PAGE_SIZE)
		return NULL;
	cache = kzalloc(sizeof(*cache), GFP_KERNEL);
	if (!cache)
		return NULL;
	if (!cache_init(cache, name, size, align)) {
		kfree(cache);
		return NULL;
	}
	add_cache(cache);
	return cache;
}

void *kmem_cache_alloc(struct kmem_cache *cache, gfp_t gfp)
{
	return slab_alloc(cache, gfp, "kmem_cache_alloc",
			  (unsigned long)__builtin_return_address(0));
}

void kmem_cache_free(struct kmem_cache *cache, void *obj)
{
	unsigned long caller = (unsigned long)__builtin_return_address(0), flags;
	const char *fn = "kmem_cache_free";
	unsigned int order;
	struct slab *slab;

	if (!obj)
		return;
	slab = find_slab(obj, &order, fn, caller);
	if (unlikely(!slab || slab->cache != cache))
		slab_bug(fn, cache, NULL, caller, "%p is from %s", obj,
			 slab ? slab->cache->name : "a large kmalloc");
	flags = spin_lock_irqsave(&cache->lock);
	if (IS_ENABLED(CONFIG_DEBUG_SLAB))
		slab_debug_free(cache, slab, obj, fn, caller, &flags);
	slab_free(cache, slab, obj, flags);
}

/*
 * Destroying a cache that other harts still use is the caller's bug, as
 * is using it afterwards; live objects are caught and refused.
 */
int kmem_cache_destroy(struct kmem_cache *cache)
{
	struct kmem_cache **pp;
	unsigned long active, flags, cache_flags;
	struct slab *empty;

	if (!cache || is_kmalloc_cache(cache))
		return -EINVAL;
	flags = spin_lock_irqsave(&slab_lock);
	cache_flags = spin_lock_irqsave(&cache->lock);
	active = active_objects(cache);
	empty = active ? NULL : cache->empty;
	if (empty)
		unlink_slab(cache, empty);
	spin_unlock_irqrestore(&cache->lock, cache_flags);
	if (!active) {
		for (pp = &cache_list; *pp != cache; pp = &(*pp)->next)
			;
		*pp = cache->next;
		other.alloc_calls += cache->alloc_calls;
		other.free_calls += cache->free_calls;
	}
	spin_unlock_irqrestore(&slab_lock, flags);
	if (active) {
		pr_err("kmem_cache_destroy: %s still has %lu objects\n", cache->name, active);
		return -EBUSY;
	}
	if (empty)
		free_pages(empty, cache->order);
	kfree(cache);
	return 0;
}

/* Under cache->lock: its line of kmem_cache_for_each, with the name copied. */
static void cache_info(const struct kmem_cache *cache, struct kmem_cache_info *info,
		       char name[CACHE_NAME_LEN])
{
	memcpy(name, cache->name, CACHE_NAME_LEN);
	*info = (struct kmem_cache_info){
		.name = name,
		.object_size = cache->object_size,
		.active_objects = active_objects(cache),
		.total_objects = cache->nr_slabs * cache->objects,
		.pages = cache->nr_slabs << cache->order,
	};
}

/*
 * fn runs with no lock held, on a copy taken under the cache's lock, so it
 * may do anything, destroying caches included.  The walk goes by id, so a
 * cache destroyed meanwhile is skipped and one created meanwhile is seen.
 */
int kmem_cache_for_each(void (*fn)(const struct kmem_cache_info *info, void *arg), void *arg)
{
	unsigned long next_id = 0, flags, cache_flags;
	struct kmem_cache_info info;
	char name[CACHE_NAME_LEN];
	struct kmem_cache *cache;
	int n;

	for (n = 0;; n++) {
		flags = spin_lock_irqsave(&slab_lock);
		for (cache = cache_list; cache && cache->id < next_id; cache = cache->next)
			;
		if (!cache) {
			spin_unlock_irqrestore(&slab_lock, flags);
			return n;
		}
		next_id = cache->id + 1;
		cache_flags = spin_lock_irqsave(&cache->lock);
		cache_info(cache, &info, name);
		spin_unlock_irqrestore(&cache->lock, cache_flags);
		spin_unlock_irqrestore(&slab_lock, flags);
		fn(&info, arg);
	}
}

/*
 * bytes_in_use counts what each object can hold: the size class for
 * kmalloc.  Each cache's figures are taken under its lock, one cache after
 * another.
 */
void kmem_get_stats(struct kmem_stats *stats)
{
	unsigned long flags = spin_lock_irqsave(&slab_lock), cache_flags;
	struct kmem_cache *cache;

	*stats = other;
	for (cache = cache_list; cache; cache = cache->next) {
		cache_flags = spin_lock_irqsave(&cache->lock);
		stats->bytes_in_use += active_objects(cache) * cache->object_size;
		stats->pages += cache->nr_slabs << cache->order;
		stats->alloc_calls += cache->alloc_calls;
		stats->free_calls += cache->free_calls;
		spin_unlock_irqrestore(&cache->lock, cache_flags);
	}
	spin_unlock_irqrestore(&slab_lock, flags);
}

/* Before any allocation, on one hart. */
void kmem_init(void)
{
	static const char *const names[NR_KMALLOC_CACHES] = {
		"kmalloc-8", "kmalloc-16", "kmalloc-32", "kmalloc-64", "kmalloc-128",
		"kmalloc-256", "kmalloc-512", "kmalloc-1024", "kmalloc-2048",
	};
	unsigned int i, class = 0;

	for (i = 0; i < NR_KMALLOC_CACHES; i++) {
		if (!cache_init(&kmalloc_caches[i], names[i], 8U << i, KMALLOC_MIN_ALIGN))
			panic("kmem_init: no slab layout for %s", names[i]);
		add_cache(&kmalloc_caches[i]);
	}
	for (i = 0; i < ARRAY_SIZE(kmalloc_index); i++) {
		if ((i + 1) * 8 > 8U << class)	/* sizes up to (i + 1) * 8 */
			class++;
		kmalloc_index[i] = class;
	}
}
