// SPDX-License-Identifier: MIT
/*
 * Host stand-ins for the object allocators' tests; see kmem_host.h.
 *
 * Blocks are aligned_alloc'd at their own size, so they are naturally
 * aligned as the page allocator promises, and registered in a hash table
 * by start address.  pgalloc_block_start tries each order's aligned start,
 * as the buddy allocator's answer would be.  Pages are filled with junk
 * unless __GFP_ZERO, and freed blocks go back to the C library, so a use
 * after free_pages is AddressSanitizer's to catch.
 *
 * The object allocators promise to call the page allocator, printk and
 * panic with none of their locks held: each stand-in aborts otherwise
 * (the fake interrupt state of tests/include/asm/irqflags.h counts them).
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kmem_host.h"
#include <asm/irqflags.h>
#include <tern/kallsyms.h>
#include <tern/kernel.h>
#include <tern/pgalloc.h>
#include <tern/slab.h>

#define NR_BUCKETS	4096

struct fake_block {
	uintptr_t start;
	unsigned int order;
	bool bump;			/* allocated in bump mode */
	unsigned int *shadow;		/* one word per 8 bytes */
	struct fake_block *next;	/* in its bucket */
};

static struct fake_block *buckets[NR_BUCKETS];
static unsigned long used_pages, nr_blocks, limit_pages;
static unsigned long alloc_calls, free_calls;
static bool bump_mode;

jmp_buf *host_panic_jmp;
char host_panic_msg[512];
char host_printk_msg[512];
unsigned long host_printk_count;

const char pgalloc_name[] = "fake";

/* Aborts if the caller holds an allocator lock (an unrestored irqsave). */
static void check_unlocked(const char *fn)
{
	if (host_irq_saves) {
		fprintf(stderr, "kmem_host: %s called with %d allocator lock(s) held\n", fn,
			host_irq_saves);
		abort();
	}
}

static struct fake_block **bucket(uintptr_t start)
{
	return &buckets[(start >> PAGE_SHIFT) % NR_BUCKETS];
}

/* The block that starts at start with this order, or NULL. */
static struct fake_block *find(uintptr_t start, unsigned int order)
{
	struct fake_block *b;

	for (b = *bucket(start); b; b = b->next)
		if (b->start == start && b->order == order)
			return b;
	return NULL;
}

static struct fake_block *containing(const void *addr)
{
	unsigned int order;

	for (order = 0; order <= PGALLOC_MAX_ORDER; order++) {
		uintptr_t start = (uintptr_t)addr & ~((PAGE_SIZE << order) - 1);
		struct fake_block *b = find(start, order);

		if (b)
			return b;
	}
	return NULL;
}

void *alloc_pages(gfp_t gfp, unsigned int order)
{
	size_t bytes = PAGE_SIZE << order;
	struct fake_block *b;
	void *p;

	check_unlocked("alloc_pages");
	alloc_calls++;
	if (order > PGALLOC_MAX_ORDER || (limit_pages && used_pages + (1UL << order) > limit_pages))
		return NULL;
	p = aligned_alloc(bytes, bytes);
	b = calloc(1, sizeof(*b));
	if (!p || !b) {
		fprintf(stderr, "kmem_host: out of host memory\n");
		abort();
	}
	b->shadow = calloc(bytes / 8, sizeof(*b->shadow));
	if (!b->shadow)
		abort();
	memset(p, gfp & __GFP_ZERO ? 0 : 0xa5, bytes);
	b->start = (uintptr_t)p;
	b->order = order;
	b->bump = bump_mode;
	b->next = *bucket(b->start);
	*bucket(b->start) = b;
	used_pages += 1UL << order;
	nr_blocks++;
	return p;
}

void free_pages(void *addr, unsigned int order)
{
	struct fake_block **pp, *b;

	check_unlocked("free_pages");
	if (!addr)
		return;
	free_calls++;
	for (pp = bucket((uintptr_t)addr); (b = *pp); pp = &b->next)
		if (b->start == (uintptr_t)addr && b->order == order && !b->bump)
			break;
	if (bump_mode)
		return;		/* counted, never reused */
	if (!b) {
		fprintf(stderr, "kmem_host: free_pages(%p, %u) of no such block\n", addr, order);
		abort();
	}
	*pp = b->next;
	used_pages -= 1UL << order;
	nr_blocks--;
	free(b->shadow);
	free(b);
	free(addr);
}

void *pgalloc_block_start(const void *addr, unsigned int *order)
{
	struct fake_block *b;

	check_unlocked("pgalloc_block_start");
	b = containing(addr);
	if (!b || b->bump)
		return NULL;
	if (order)
		*order = b->order;
	return (void *)b->start;
}

void pgalloc_get_stats(struct pgalloc_stats *stats)
{
	unsigned long total = limit_pages ? limit_pages : 1UL << 20;

	check_unlocked("pgalloc_get_stats");
	memset(stats, 0, sizeof(*stats));
	stats->total_pages = total;
	stats->free_pages = total > used_pages ? total - used_pages : 0;
	stats->alloc_calls = alloc_calls;
	stats->free_calls = free_calls;
}

void fake_pgalloc_set_limit(unsigned long pages)
{
	limit_pages = pages;
}

void fake_pgalloc_set_bump(bool bump)
{
	bump_mode = bump;
}

unsigned long fake_pgalloc_used_pages(void)
{
	return used_pages;
}

unsigned long fake_pgalloc_blocks(void)
{
	return nr_blocks;
}

unsigned int *fake_pgalloc_shadow(const void *addr, size_t len)
{
	struct fake_block *b = containing(addr);
	uintptr_t off;

	if (!b || !len)
		return NULL;
	off = (uintptr_t)addr - b->start;
	if (off + len > PAGE_SIZE << b->order)
		return NULL;
	return &b->shadow[off / 8];
}

/* ---- kernel services ---- */

int vprintk(const char *fmt, va_list ap)
{
	char buf[sizeof(host_printk_msg)];
	int n;

	check_unlocked("printk");
	if (fmt[0] == KERN_SOH[0] && fmt[1])
		fmt += 2;
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	memcpy(host_printk_msg, buf, sizeof(buf));
	host_printk_count++;
	return n;
}

int printk(const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vprintk(fmt, ap);
	va_end(ap);
	return n;
}

void panic(const char *fmt, ...)
{
	va_list ap;

	check_unlocked("panic");
	va_start(ap, fmt);
	vsnprintf(host_panic_msg, sizeof(host_panic_msg), fmt, ap);
	va_end(ap);
	if (host_panic_jmp)
		longjmp(*host_panic_jmp, 1);
	fprintf(stderr, "unexpected panic: %s\n", host_panic_msg);
	abort();
}

/* No symbol table on the host: the raw address, as without KALLSYMS. */
int sprint_backtrace(char *buf, size_t size, unsigned long ret_addr)
{
	return snprintf(buf, size, "0x%lx", ret_addr);
}

__attribute__((constructor)) static void host_kmem_init(void)
{
	kmem_init();
}
