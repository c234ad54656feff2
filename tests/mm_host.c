// SPDX-License-Identifier: MIT
/*
 * Host stand-ins for user address spaces' tests; see mm_host.h.  Misuse
 * (a double free, a double lock, freeing what was never handed out)
 * aborts: the code under test promised never to do it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "mm_host.h"
#include <asm/mmu_context.h>
#include <tern/kernel.h>
#include <tern/mm.h>
#include <tern/mutex.h>
#include <tern/page.h>
#include <tern/pgalloc.h>
#include <tern/slab.h>

struct page *mem_map;
unsigned long mem_map_start_pfn, mem_map_end_pfn, mem_map_pages;
uintptr_t mem_map_pfn0;
pteval_t swapper_pg_dir[PTRS_PER_TABLE] __attribute__((aligned(4096)));

struct mm_host_flushes mm_host_flushes;
unsigned long host_printk_count;

static unsigned long free_stack[MM_HOST_PAGES], nr_free;
static long budget = -1;
static long kmalloc_live;
static int mutexes_held;

static void __attribute__((noreturn, format(printf, 1, 2))) die(const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "mm_host: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	abort();
}

static bool take_budget(void)
{
	if (budget == 0)
		return false;
	if (budget > 0)
		budget--;
	return true;
}

unsigned long mm_host_user_root_entries(void)
{
	return TASK_SIZE >> LEVEL_SHIFT(PGTABLE_LEVELS - 1);
}

void mm_host_init(void)
{
	void *mem = mmap((void *)MM_HOST_VA, MM_HOST_PAGES * PAGE_SIZE, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	unsigned long i;

	if (mem != (void *)MM_HOST_VA)
		die("cannot map the fake memory at %#lx", MM_HOST_VA);
	if (__va(MM_HOST_PA) != mem)
		die("__va(%#llx) is %p, not %p: tests/Makefile has the wrong RAM base for this mode",
		    MM_HOST_PA, __va(MM_HOST_PA), mem);
	mem_map = aligned_alloc(sizeof(struct page), MM_HOST_PAGES * sizeof(struct page));
	memset(mem_map, 0, MM_HOST_PAGES * sizeof(struct page));
	mem_map_start_pfn = MM_HOST_PA >> PAGE_SHIFT;
	mem_map_end_pfn = mem_map_start_pfn + MM_HOST_PAGES;
	mem_map_pages = MM_HOST_PAGES;
	mem_map_pfn0 = (uintptr_t)mem_map - mem_map_start_pfn * sizeof(struct page);
	for (i = MM_HOST_PAGES; i-- > 0;)
		free_stack[nr_free++] = i;
	/* Kernel-half entries that point outside the fake memory: freeing one aborts. */
	for (i = mm_host_user_root_entries(); i < PTRS_PER_TABLE; i++)
		swapper_pg_dir[i] = pfn_pte((phys_addr_t)i << PAGE_SHIFT, PAGE_KERNEL);
}

unsigned long mm_host_free_pages(void)
{
	return nr_free;
}

/* The commit limit's base (mm/commit.c): the fake memory. */
void pgalloc_get_stats(struct pgalloc_stats *stats)
{
	memset(stats, 0, sizeof(*stats));
	stats->total_pages = MM_HOST_PAGES;
	stats->free_pages = nr_free;
	stats->largest_free_order_pages = nr_free ? 1 : 0;
}

long mm_host_kmalloc_live(void)
{
	return kmalloc_live;
}

void mm_host_set_budget(long allocations)
{
	budget = allocations;
}

int mm_host_mutexes_held(void)
{
	return mutexes_held;
}

void *mm_host_phys_to_virt(phys_addr_t pa)
{
	if (pa < MM_HOST_PA || pa >= MM_HOST_PA + MM_HOST_PAGES * PAGE_SIZE)
		die("physical address %#llx is outside the fake memory", (unsigned long long)pa);
	return (void *)(uintptr_t)(MM_HOST_VA + (pa - MM_HOST_PA));
}

/* ---- the page allocator ---- */

static unsigned long page_index(const void *addr, const char *who)
{
	uintptr_t a = (uintptr_t)addr;

	if (a < MM_HOST_VA || a >= MM_HOST_VA + MM_HOST_PAGES * PAGE_SIZE || (a & (PAGE_SIZE - 1)))
		die("%s(%p): not a page of the fake memory", who, addr);
	return (a - MM_HOST_VA) / PAGE_SIZE;
}

void *alloc_pages(gfp_t gfp, unsigned int order)
{
	unsigned long i;
	void *va;

	if (order)
		die("alloc_pages(order %u): user address spaces take single pages", order);
	if (!nr_free || !take_budget())
		return NULL;
	i = free_stack[--nr_free];
	if (page_ref_count(&mem_map[i]))
		die("page %lu handed out with references", i);
	set_page_count(&mem_map[i], 1);
	set_page_flags(&mem_map[i], PG_head);
	va = (void *)(MM_HOST_VA + i * PAGE_SIZE);
	memset(va, gfp & __GFP_ZERO ? 0 : 0x5a, PAGE_SIZE);
	return va;
}

/* ---- the model TLB ---- */

#define TLB_ENTRIES	64

static struct tlb_entry {
	struct mm_struct *mm;		/* NULL: empty */
	unsigned long va;
	pteval_t pte;
} tlb[TLB_ENTRIES];
static unsigned int tlb_next;

void mm_host_tlb_fill(struct mm_struct *mm, unsigned long va, pteval_t pte)
{
	tlb[tlb_next] = (struct tlb_entry){ mm, va & PAGE_MASK, pte };
	tlb_next = (tlb_next + 1) % TLB_ENTRIES;
}

static void tlb_flush(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	unsigned int i;

	for (i = 0; i < TLB_ENTRIES; i++)
		if ((!mm || tlb[i].mm == mm) && tlb[i].va >= start && tlb[i].va < end)
			tlb[i].mm = NULL;
}

void mm_host_tlb_forget_mm(struct mm_struct *mm)
{
	tlb_flush(mm, 0, -1UL);
}

bool mm_host_tlb_check(char *why, unsigned long len)
{
	const pteval_t perms = _PAGE_R | _PAGE_W | _PAGE_X | _PAGE_U;
	unsigned int i;

	for (i = 0; i < TLB_ENTRIES; i++) {
		pteval_t now;

		if (!tlb[i].mm)
			continue;
		now = mm_follow_pte(tlb[i].mm, tlb[i].va);
		if (!pte_present(now) || pte_phys(now) != pte_phys(tlb[i].pte) ||
		    (tlb[i].pte & perms & ~now)) {
			snprintf(why, len, "the TLB maps %#lx with %#llx, the page table has %#llx",
				 tlb[i].va, (unsigned long long)tlb[i].pte, (unsigned long long)now);
			return false;
		}
	}
	return true;
}

static void drop_page(unsigned long i)
{
	int left = page_ref_dec_return(&mem_map[i]);
	unsigned int t;

	if (left < 0)
		die("page %lu freed more often than referenced", i);
	if (left)
		return;
	for (t = 0; t < TLB_ENTRIES; t++)
		if (tlb[t].mm && pte_phys(tlb[t].pte) == MM_HOST_PA + i * PAGE_SIZE)
			die("page %lu freed while the TLB still maps it at %#lx", i, tlb[t].va);
	set_page_flags(&mem_map[i], 0);
	memset((void *)(MM_HOST_VA + i * PAGE_SIZE), 0xa5, PAGE_SIZE);
	free_stack[nr_free++] = i;
}

void free_pages(void *addr, unsigned int order)
{
	if (order)
		die("free_pages(order %u)", order);
	drop_page(page_index(addr, "free_pages"));
}

void put_page(struct page *page)
{
	if (page < mem_map || page >= mem_map + MM_HOST_PAGES)
		die("put_page(%p): not a page of the fake memory", (void *)page);
	if (!(page_flags(page) & PG_head))
		die("put_page: page %ld is not allocated", (long)(page - mem_map));
	drop_page((unsigned long)(page - mem_map));
}

/* The scalar routines: asm/page.h picks them when RISCV_ISA_V is off, as here. */
void clear_page_scalar(void *page)
{
	page_index(page, "clear_page");
	memset(page, 0, PAGE_SIZE);
}

void copy_page_scalar(void *to, const void *from)
{
	page_index(to, "copy_page");
	page_index(from, "copy_page");
	memcpy(to, from, PAGE_SIZE);
}

/* ---- kmalloc ---- */

void *kmalloc(size_t size, gfp_t gfp)
{
	void *p;

	if (!size || !take_budget())
		return NULL;
	p = malloc(size);
	if (!p)
		die("out of host memory");
	memset(p, gfp & __GFP_ZERO ? 0 : 0x5a, size);
	kmalloc_live++;
	return p;
}

void kfree(const void *p)
{
	if (!p)
		return;
	kmalloc_live--;
	free((void *)p);
}

/* ---- mutexes: one thread, so a lock already held is a deadlock ---- */

void mutex_init(struct mutex *m)
{
	m->owner = NULL;
}

void mutex_lock(struct mutex *m)
{
	if (m->owner)
		die("mutex_lock(%p): already held (a deadlock)", (void *)m);
	m->owner = (struct task *)m;
	mutexes_held++;
}

void mutex_unlock(struct mutex *m)
{
	if (!m->owner)
		die("mutex_unlock(%p): not held", (void *)m);
	m->owner = NULL;
	mutexes_held--;
}

/* ---- flushes ---- */

void flush_tlb_mm(struct mm_struct *mm)
{
	tlb_flush(mm, 0, -1UL);
	mm_host_flushes.mm_all++;
}

void flush_tlb_user_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	if (start >= end || (start & ~PAGE_MASK) || (end & ~PAGE_MASK))
		die("flush_tlb_user_range(%#lx, %#lx): not a range of pages", start, end);
	tlb_flush(mm, start, end);
	mm_host_flushes.mm_range++;
	mm_host_flushes.range_start = start;
	mm_host_flushes.range_end = end;
}

void flush_icache_mm(struct mm_struct *mm)
{
	mm_host_flushes.icache++;
}

void local_flush_tlb_page(unsigned long addr)
{
	tlb_flush(NULL, addr & PAGE_MASK, (addr & PAGE_MASK) + PAGE_SIZE);
	mm_host_flushes.local_page++;
}

/* ---- printk, panic ---- */

int vprintk(const char *fmt, va_list ap)
{
	host_printk_count++;
	printf("# printk: ");
	return vprintf(fmt, ap);
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

	fprintf(stderr, "panic: ");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, "\n");
	abort();
}
