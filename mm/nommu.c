// SPDX-License-Identifier: MIT
/*
 * Processes' memory without an MMU (include/tern/mm.h, the !CONFIG_MMU
 * half; Documentation/process.md, "Without an MMU").
 *
 * An mm is a list of regions, sorted by start, that never overlap.  A
 * region either owns a block from the page allocator (block != NULL:
 * the exec block's image region, every mmap region) or lies inside the
 * exec block (the heap and the stack).  Blocks are 2^order pages, so a
 * request is rounded up to a power of two pages; the region covers what
 * was asked for (rounded to pages), the rest of the block is unused.
 *
 * Invariants (under mm->lock): regions are page-aligned, end > start;
 * the list holds at most one VMR_IMAGE, VMR_BRK and VMR_STACK, and
 * they are the exec block's; start_brk <= brk <= brk_limit, all inside
 * the VMR_BRK region.
 */
#include <tern/errno.h>
#include <tern/kernel.h>
#include <tern/mm.h>
#include <tern/mman.h>
#include <tern/pgalloc.h>
#include <tern/sched.h>
#include <tern/slab.h>
#include <tern/string.h>

#define PROT_ALL	(PROT_READ | PROT_WRITE | PROT_EXEC)
#define MAP_KNOWN	(MAP_TYPE | MAP_FIXED | MAP_ANONYMOUS | MAP_GROWSDOWN | \
			 MAP_FIXED_NOREPLACE)

/* The smallest order whose block holds len bytes. */
static unsigned int order_for(unsigned long len)
{
	unsigned int order = 0;

	while ((PAGE_SIZE << order) < len)
		order++;
	return order;
}

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);

	if (!mm)
		return NULL;
	spin_lock_init(&mm->lock);
	INIT_LIST_HEAD(&mm->regions);
	mm->users = 1;
	return mm;
}

void mmget(struct mm_struct *mm)
{
	__atomic_add_fetch(&mm->users, 1, __ATOMIC_RELAXED);
}

static void free_region(struct vm_region *r)
{
	if (r->block)
		free_pages(r->block, r->order);
	kfree(r);
}

void mmput(struct mm_struct *mm)
{
	struct vm_region *r, *n;

	if (__atomic_sub_fetch(&mm->users, 1, __ATOMIC_ACQ_REL))
		return;
	list_for_each_entry_safe(r, n, &mm->regions, list) {
		list_del(&r->list);
		free_region(r);
	}
	kfree(mm);
}

/* Puts r into mm's list, by start.  mm->lock held. */
static void insert_region(struct mm_struct *mm, struct vm_region *r)
{
	struct vm_region *pos;

	list_for_each_entry(pos, &mm->regions, list)
		if (pos->start > r->start)
			break;
	list_add_tail(&r->list, &pos->list);
	mm->map_count++;
}

/* The region of mm holding [addr, addr + size) whole, or NULL.  mm->lock held. */
static struct vm_region *region_holding(struct mm_struct *mm, unsigned long addr,
					unsigned long size)
{
	struct vm_region *r;

	list_for_each_entry(r, &mm->regions, list)
		if (addr >= r->start && addr < r->end && size <= r->end - addr)
			return r;
	return NULL;
}

bool mm_range_ok(struct mm_struct *mm, unsigned long addr, unsigned long size)
{
	unsigned long flags;
	bool ok;

	if (!size)
		return true;
	flags = spin_lock_irqsave(&mm->lock);
	ok = region_holding(mm, addr, size);
	spin_unlock_irqrestore(&mm->lock, flags);
	return ok;
}

/*
 * A task without regions of its own (a kernel thread, or a process
 * before its first exec) may pass kernel buffers: only wrapping ranges
 * are refused for it, as before processes existed.
 */
bool nommu_access_ok(unsigned long addr, unsigned long size)
{
	struct mm_struct *mm = current->mm;

	if (!mm)
		return !size || size - 1 <= ~0UL - addr;
	return mm_range_ok(mm, addr, size);
}

unsigned long nommu_access_room(unsigned long addr)
{
	struct mm_struct *mm = current->mm;
	struct vm_region *r;
	unsigned long flags, room;

	if (!mm)
		return ~0UL - addr + 1;		/* 0 (all of it) when addr is 0 */
	flags = spin_lock_irqsave(&mm->lock);
	r = region_holding(mm, addr, 1);
	room = r ? r->end - addr : 0;
	spin_unlock_irqrestore(&mm->lock, flags);
	return room;
}

static struct vm_region *new_region(unsigned long start, unsigned long len, unsigned int kind)
{
	struct vm_region *r = kzalloc(sizeof(*r), GFP_KERNEL);

	if (r) {
		r->start = start;
		r->end = start + len;
		r->kind = kind;
	}
	return r;
}

int mm_add_program(struct mm_struct *mm, unsigned long image_len, unsigned long brk_len,
		   unsigned long stack_len, unsigned long *base)
{
	unsigned long total = image_len + brk_len + stack_len, flags, b;
	struct vm_region *img, *heap, *stack;
	unsigned int order;
	void *block;

	if (!image_len || !stack_len || total < image_len || total > (1UL << 30))
		return -ENOMEM;
	order = order_for(total);
	img = new_region(0, image_len, VMR_IMAGE);
	heap = brk_len ? new_region(0, brk_len, VMR_BRK) : NULL;
	stack = new_region(0, stack_len, VMR_STACK);
	block = img && stack && (heap || !brk_len) ? alloc_pages(GFP_KERNEL, order) : NULL;
	if (!block) {
		kfree(img);
		kfree(heap);
		kfree(stack);
		return -ENOMEM;
	}
	memset(block, 0, total);
	b = (unsigned long)block;
	img->start = b;
	img->end = b + image_len;
	img->block = block;
	img->order = order;
	stack->start = b + image_len + brk_len;
	stack->end = stack->start + stack_len;
	flags = spin_lock_irqsave(&mm->lock);
	insert_region(mm, img);
	if (heap) {
		heap->start = img->end;
		heap->end = img->end + brk_len;
		insert_region(mm, heap);
	}
	insert_region(mm, stack);
	mm->start_brk = mm->brk = img->end;
	mm->brk_limit = img->end + brk_len;
	spin_unlock_irqrestore(&mm->lock, flags);
	*base = b;
	return 0;
}

int do_mmap(struct mm_struct *mm, unsigned long addr, unsigned long len, unsigned long prot,
	    unsigned long flags, unsigned long *addrp)
{
	unsigned long type = flags & MAP_TYPE, irq;
	struct vm_region *r;
	unsigned int order;
	void *block;

	if (!len || (prot & ~PROT_ALL) || (flags & ~MAP_KNOWN) ||
	    (type != MAP_SHARED && type != MAP_PRIVATE))
		return -EINVAL;
	if (flags & (MAP_FIXED | MAP_FIXED_NOREPLACE))
		return -EINVAL;		/* nothing can be put at an address of one's choosing */
	if (!(flags & MAP_ANONYMOUS))
		return -ENODEV;
	if (len > (1UL << 30))
		return -ENOMEM;
	len = ALIGN_UP(len, PAGE_SIZE);
	if (READ_ONCE(mm->map_count) >= MAX_MAP_COUNT)
		return -ENOMEM;
	order = order_for(len);
	r = new_region(0, len, VMR_MMAP);
	block = r ? alloc_pages(GFP_KERNEL, order) : NULL;
	if (!block) {
		kfree(r);
		return -ENOMEM;
	}
	memset(block, 0, len);
	r->start = (unsigned long)block;
	r->end = r->start + len;
	r->block = block;
	r->order = order;
	irq = spin_lock_irqsave(&mm->lock);
	insert_region(mm, r);
	spin_unlock_irqrestore(&mm->lock, irq);
	*addrp = r->start;
	return 0;
}

int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	struct vm_region *r, *found = NULL;
	unsigned long flags;

	if ((start & ~PAGE_MASK) || !len || len > ~0UL - PAGE_SIZE)
		return -EINVAL;
	len = ALIGN_UP(len, PAGE_SIZE);
	flags = spin_lock_irqsave(&mm->lock);
	list_for_each_entry(r, &mm->regions, list) {
		if (r->kind == VMR_MMAP && r->start == start && r->end - start == len) {
			found = r;
			list_del(&r->list);
			mm->map_count--;
			break;
		}
	}
	spin_unlock_irqrestore(&mm->lock, flags);
	if (!found)
		return -EINVAL;		/* Linux no-MMU: only whole mappings go */
	free_region(found);
	return 0;
}

/* Checks a range for mprotect and madvise: 0, -EINVAL or -ENOMEM. */
static int check_range(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	if (start & ~PAGE_MASK)
		return -EINVAL;
	if (!len)
		return 0;
	if (len > ~0UL - PAGE_SIZE)
		return -ENOMEM;
	return mm_range_ok(mm, start, ALIGN_UP(len, PAGE_SIZE)) ? 0 : -ENOMEM;
}

int do_mprotect(struct mm_struct *mm, unsigned long start, unsigned long len,
		unsigned long prot)
{
	if (prot & ~PROT_ALL)
		return -EINVAL;
	return check_range(mm, start, len);
}

int do_madvise_dontneed(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	int err = check_range(mm, start, len);

	if (!err && len)
		memset((void *)start, 0, ALIGN_UP(len, PAGE_SIZE));
	return err;
}

unsigned long do_brk(struct mm_struct *mm, unsigned long brk)
{
	unsigned long flags, old, grow_from = 0, grow_to = 0;

	flags = spin_lock_irqsave(&mm->lock);
	old = mm->brk;
	if (brk >= mm->start_brk && brk <= mm->brk_limit) {
		if (brk > old) {
			grow_from = old;
			grow_to = brk;
		}
		mm->brk = brk;
	}
	brk = mm->brk;
	spin_unlock_irqrestore(&mm->lock, flags);
	/* Memory given again reads as zeros, as fresh pages would. */
	if (grow_to)
		memset((void *)grow_from, 0, grow_to - grow_from);
	return brk;
}
