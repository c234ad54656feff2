// SPDX-License-Identifier: MIT
/*
 * Kernel virtual areas with paging (include/tern/vmalloc.h): vmalloc and
 * ioremap over [VMALLOC_START, VMALLOC_END).
 *
 * Areas sit in a red-black tree by address, under vmap_lock; a new one
 * takes the lowest gap that holds it and a guard page after it (the
 * first also leaves one at VMALLOC_START).  Mapping and unmapping go
 * through the architecture's kernel page table (asm/pgtable.h), outside
 * vmap_lock.  An area leaves the tree only after unmap_kernel_range has
 * flushed every CPU's TLB, and only then are its pages freed, so neither
 * its addresses nor its pages are reused while a stale translation of
 * them may exist.
 *
 * Before vmalloc_init (before the object allocator runs) ioremap maps
 * into the fixmap's early I/O slots (asm/fixmap.h) instead.
 */
#include <asm/fixmap.h>
#include <asm/pgtable.h>
#include <tern/errno.h>
#include <tern/io.h>
#include <tern/kallsyms.h>
#include <tern/kernel.h>
#include <tern/page.h>
#include <tern/pgalloc.h>
#include <tern/printk.h>
#include <tern/slab.h>
#include <tern/spinlock.h>
#include <tern/vmalloc.h>

static spinlock_t vmap_lock = SPINLOCK_INIT;
static struct rb_root vm_areas = RB_ROOT;	/* under vmap_lock */
static bool vmalloc_ready;

void vmalloc_init(void)
{
	WRITE_ONCE(vmalloc_ready, true);
}

bool is_vmalloc_addr(const void *addr)
{
	return (uintptr_t)addr - VMALLOC_START < VMALLOC_END - VMALLOC_START;
}

/* Can [start, start + size) and a guard page after it end by VMALLOC_END? */
static bool fits_before(unsigned long start, unsigned long size, unsigned long limit)
{
	return start >= VMALLOC_START && start < limit && limit - start > size;
}

/* Under vmap_lock: the lowest start for size bytes aligned to align, or 0. */
static unsigned long find_gap(unsigned long size, unsigned long align)
{
	unsigned long start = ALIGN_UP(VMALLOC_START + PAGE_SIZE, align);
	struct rb_node *n;

	for (n = rb_first(&vm_areas); n; n = rb_next(n)) {
		const struct vm_area *a = rb_entry(n, struct vm_area, node);

		if (fits_before(start, size, a->addr))
			return start;
		start = ALIGN_UP(a->addr + a->size + PAGE_SIZE, align);
		if (start < a->addr)
			return 0;	/* wrapped past the top */
	}
	return fits_before(start, size, VMALLOC_END) ? start : 0;
}

/* Under vmap_lock. */
static void insert_area(struct vm_area *area)
{
	struct rb_node **link = &vm_areas.rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		if (area->addr < rb_entry(parent, struct vm_area, node)->addr)
			link = &parent->rb_left;
		else
			link = &parent->rb_right;
	}
	rb_link_node(&area->node, parent, link);
	rb_insert_color(&area->node, &vm_areas);
}

struct vm_area *get_vm_area(unsigned long size, unsigned long align)
{
	struct vm_area *area;
	unsigned long flags;

	if (!size || (size & ~PAGE_MASK) || size > VMALLOC_END - VMALLOC_START ||
	    align < PAGE_SIZE || (align & (align - 1)))
		return NULL;
	area = kzalloc(sizeof(*area), GFP_KERNEL);
	if (!area)
		return NULL;
	INIT_LIST_HEAD(&area->pages);
	area->size = size;
	flags = spin_lock_irqsave(&vmap_lock);
	area->addr = find_gap(size, align);
	if (area->addr)
		insert_area(area);
	spin_unlock_irqrestore(&vmap_lock, flags);
	if (!area->addr) {
		kfree(area);
		return NULL;
	}
	return area;
}

struct vm_area *find_vm_area(const void *addr)
{
	unsigned long va = (uintptr_t)addr, flags;
	struct vm_area *found = NULL;
	struct rb_node *n;

	flags = spin_lock_irqsave(&vmap_lock);
	for (n = vm_areas.rb_node; n && !found;) {
		struct vm_area *a = rb_entry(n, struct vm_area, node);

		if (va < a->addr)
			n = n->rb_left;
		else if (va - a->addr >= a->size)
			n = n->rb_right;
		else
			found = a;
	}
	spin_unlock_irqrestore(&vmap_lock, flags);
	return found;
}

/* After the unmap has flushed every TLB: the addresses may be reused. */
static void release_area(struct vm_area *area)
{
	unsigned long flags = spin_lock_irqsave(&vmap_lock);

	rb_erase(&area->node, &vm_areas);
	spin_unlock_irqrestore(&vmap_lock, flags);
	kfree(area);
}

void free_vm_area(struct vm_area *area)
{
	unmap_kernel_range(area->addr, area->size);
	release_area(area);
}

static void free_area_pages(struct vm_area *area)
{
	struct page *page, *next;

	list_for_each_entry_safe(page, next, &area->pages, list) {
		list_del(&page->list);
		free_page(page_address(page));
	}
}

static void *vmalloc_gfp(size_t size, gfp_t gfp)
{
	unsigned long bytes = ALIGN_UP((unsigned long)size, PAGE_SIZE), off;
	struct vm_area *area;

	if (!size || bytes < size)
		return NULL;
	area = get_vm_area(bytes, PAGE_SIZE);
	if (!area)
		return NULL;
	area->flags = VM_ALLOC;
	for (off = 0; off < bytes; off += PAGE_SIZE) {
		void *p = alloc_page(gfp);

		if (!p)
			break;
		list_add_tail(&virt_to_page(p)->list, &area->pages);
		if (map_kernel_range(area->addr + off, __pa(p), PAGE_SIZE, PAGE_KERNEL))
			break;
	}
	if (off < bytes) {
		unmap_kernel_range(area->addr, area->size);	/* flushed before ... */
		free_area_pages(area);				/* ... the pages go back */
		release_area(area);
		return NULL;
	}
	return (void *)area->addr;
}

void *vmalloc(size_t size)
{
	return vmalloc_gfp(size, GFP_KERNEL);
}

void *vzalloc(size_t size)
{
	return vmalloc_gfp(size, GFP_KERNEL | __GFP_ZERO);
}

static void __noinline report_bad_free(const char *what, const volatile void *addr,
				       unsigned long caller)
{
	char where[KSYM_NAME_LEN + 32];

	sprint_backtrace(where, sizeof(where), caller);
	pr_err("%s(%p) from %s: not an address %s returned; nothing freed\n", what,
	       (const void *)addr, where, what[0] == 'v' ? "vmalloc" : "ioremap");
}

void vfree(const void *addr)
{
	struct vm_area *area;

	if (!addr)
		return;
	area = find_vm_area(addr);
	if (!area || area->addr != (uintptr_t)addr || !(area->flags & VM_ALLOC)) {
		report_bad_free("vfree", addr, (unsigned long)__builtin_return_address(0));
		return;
	}
	unmap_kernel_range(area->addr, area->size);
	free_area_pages(area);
	release_area(area);
}

void __iomem *ioremap(phys_addr_t phys, size_t size)
{
	unsigned long offset = phys & ~PAGE_MASK, bytes;
	struct vm_area *area;

	if (!size || phys + size - 1 < phys || phys + size - 1 > PHYS_ADDR_LAST)
		return NULL;
	if (!READ_ONCE(vmalloc_ready))
		return early_ioremap(phys, size);
	bytes = ALIGN_UP(offset + size, PAGE_SIZE);
	area = get_vm_area(bytes, PAGE_SIZE);
	if (!area)
		return NULL;
	area->flags = VM_IOREMAP;
	if (map_kernel_range(area->addr, phys - offset, bytes, PAGE_KERNEL_IO)) {
		free_vm_area(area);
		return NULL;
	}
	return (void __iomem *)(area->addr + offset);
}

void iounmap(volatile void __iomem *addr)
{
	struct vm_area *area;

	if (!addr || early_iounmap(addr))
		return;
	area = find_vm_area((const void *)addr);
	if (!area || !(area->flags & VM_IOREMAP)) {
		report_bad_free("iounmap", addr, (unsigned long)__builtin_return_address(0));
		return;
	}
	free_vm_area(area);
}
