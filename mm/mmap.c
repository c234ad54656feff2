// SPDX-License-Identifier: MIT
/*
 * The regions of user address spaces (include/tern/mm.h): the tree, the
 * search for free ranges, mmap, munmap, mprotect, brk and fork's copy of
 * the regions.  The page tables behind them are mm/memory.c's.
 *
 * What holds under mm->lock between calls (tests/test_vma.c checks it):
 * - regions are page-aligned, non-empty, non-overlapping, inside
 *   [MMAP_MIN_ADDR, TASK_SIZE), in mm_rb by vm_start;
 * - no region ends where another with the same flags starts: they are
 *   merged, so a program that maps, protects and unmaps piecemeal does
 *   not pile up regions;
 * - map_count is the number of regions, at most MAX_MAP_COUNT;
 * - pages are mapped only inside regions.
 *
 * The free-range search walks the regions from the top down, so it costs
 * one step per region above the range it finds: programs have tens of
 * regions.  (A tree that kept the largest gap under each node would make
 * it logarithmic, for programs that map thousands.)
 */
#include <asm/mmu_context.h>
#include <tern/errno.h>
#include <tern/kernel.h>
#include <tern/mman.h>
#include <tern/slab.h>

#include "internal.h"

#define PROT_ALL	(PROT_READ | PROT_WRITE | PROT_EXEC)
#define MAP_KNOWN	(MAP_TYPE | MAP_FIXED | MAP_ANONYMOUS | MAP_GROWSDOWN | \
			 MAP_FIXED_NOREPLACE)
#define VM_MAY_ALL	(VM_MAYREAD | VM_MAYWRITE | VM_MAYEXEC)
#define VM_HEAP		(VM_READ | VM_WRITE | VM_MAY_ALL)

static struct vm_area_struct *vma_of(struct rb_node *node)
{
	return node ? rb_entry(node, struct vm_area_struct, vm_rb) : NULL;
}

static struct vm_area_struct *vma_next(struct vm_area_struct *vma)
{
	return vma_of(rb_next(&vma->vm_rb));
}

static struct vm_area_struct *vma_prev(struct vm_area_struct *vma)
{
	return vma_of(rb_prev(&vma->vm_rb));
}

struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr)
{
	struct rb_node *node = mm->mm_rb.rb_node;
	struct vm_area_struct *found = NULL;

	while (node) {
		struct vm_area_struct *vma = vma_of(node);

		if (vma->vm_end > addr) {
			found = vma;
			if (vma->vm_start <= addr)
				break;
			node = node->rb_left;
		} else {
			node = node->rb_right;
		}
	}
	return found;
}

static void vma_link(struct mm_struct *mm, struct vm_area_struct *vma)
{
	struct rb_node **link = &mm->mm_rb.rb_node, *parent = NULL;

	while (*link) {
		parent = *link;
		if (vma->vm_start < vma_of(parent)->vm_start)
			link = &parent->rb_left;
		else
			link = &parent->rb_right;
	}
	rb_link_node(&vma->vm_rb, parent, link);
	rb_insert_color(&vma->vm_rb, &mm->mm_rb);
	vma->vm_mm = mm;
	mm->map_count++;
}

static void vma_unlink_free(struct mm_struct *mm, struct vm_area_struct *vma)
{
	rb_erase(&vma->vm_rb, &mm->mm_rb);
	mm->map_count--;
	kfree(vma);
}

static struct vm_area_struct *vma_alloc(unsigned long start, unsigned long end,
					unsigned long flags)
{
	struct vm_area_struct *vma = kmalloc(sizeof(*vma), GFP_KERNEL);

	if (vma) {
		vma->vm_start = start;
		vma->vm_end = end;
		vma->vm_flags = flags;
	}
	return vma;
}

/* Private writable regions may each need all their pages: they are committed. */
static bool vma_committed(unsigned long vm_flags)
{
	return (vm_flags & (VM_WRITE | VM_SHARED)) == VM_WRITE;
}

static unsigned long mm_count_committed(struct mm_struct *mm)
{
	struct vm_area_struct *vma;
	unsigned long pages = 0;

	for (vma = vma_of(rb_first(&mm->mm_rb)); vma; vma = vma_next(vma))
		if (vma_committed(vma->vm_flags))
			pages += (vma->vm_end - vma->vm_start) >> PAGE_SHIFT;
	return pages;
}

/*
 * After a change to mm's regions (mm->lock held), for which reserved
 * pages were reserved (an upper bound of the increase): mm->committed
 * follows the regions again, and what the change did not use, or gave
 * up, goes back to the total (mm/commit.c).
 */
static void commit_settle(struct mm_struct *mm, unsigned long reserved)
{
	unsigned long now = mm_count_committed(mm), had = mm->committed + reserved;

	BUG_ON(now > had);
	vm_commit_release(had - now);
	mm->committed = now;
}

/*
 * Cuts vma at addr (inside it): vma keeps [vm_start, addr), spare, linked
 * in, takes [addr, vm_end).  The caller checked map_count.
 */
static struct vm_area_struct *split_vma(struct mm_struct *mm, struct vm_area_struct *vma,
					unsigned long addr, struct vm_area_struct *spare)
{
	spare->vm_start = addr;
	spare->vm_end = vma->vm_end;
	spare->vm_flags = vma->vm_flags;
	vma->vm_end = addr;
	vma_link(mm, spare);
	return spare;
}

/* Merges neighbours with equal flags among the regions that touch [start, end]. */
static void merge_vmas(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start ? start - 1 : 0);

	while (vma && vma->vm_start <= end) {
		struct vm_area_struct *next = vma_next(vma);

		if (next && next->vm_start == vma->vm_end && next->vm_start <= end &&
		    next->vm_flags == vma->vm_flags) {
			vma->vm_end = next->vm_end;
			vma_unlink_free(mm, next);
		} else {
			vma = next;
		}
	}
}

/* The guard gap a new region must leave below vma (a stack keeps one). */
static unsigned long guard_below(const struct vm_area_struct *vma)
{
	return vma && (vma->vm_flags & VM_GROWSDOWN) ? STACK_GUARD_GAP : 0;
}

/*
 * May a new region with vm_flags take [start, end)?  Free, and off the
 * guard gaps: below a stack above it, and above the region below it
 * when it is a stack itself.
 */
static bool range_free(struct mm_struct *mm, unsigned long start, unsigned long end,
		       unsigned long vm_flags)
{
	struct vm_area_struct *next = find_vma(mm, start), *prev;

	if (next && next->vm_start < end + guard_below(next))
		return false;
	if (vm_flags & VM_GROWSDOWN) {
		prev = next ? vma_prev(next) : vma_of(rb_last(&mm->mm_rb));
		if (prev && prev->vm_end + STACK_GUARD_GAP > start)
			return false;
	}
	return true;
}

/*
 * The highest free range of len bytes that ends at or below high, in
 * *addrp; false if there is none above MMAP_MIN_ADDR.
 */
static bool find_gap_top_down(struct mm_struct *mm, unsigned long high, unsigned long len,
			      unsigned long vm_flags, unsigned long *addrp)
{
	struct vm_area_struct *above = find_vma(mm, high), *below;
	unsigned long below_gap = vm_flags & VM_GROWSDOWN ? STACK_GUARD_GAP : 0;

	below = above ? vma_prev(above) : vma_of(rb_last(&mm->mm_rb));
	for (;;) {
		unsigned long top = above ? above->vm_start : TASK_SIZE, guard = guard_below(above);
		unsigned long gap_end = MIN(top > guard ? top - guard : 0, high);
		unsigned long gap_start = MAX(below ? below->vm_end + below_gap : 0, MMAP_MIN_ADDR);

		if (MIN(top, high) < MMAP_MIN_ADDR + len)
			return false;		/* every gap below is lower still */
		if (gap_end >= gap_start && gap_end - gap_start >= len) {
			*addrp = gap_end - len;
			return true;
		}
		if (!below)
			return false;
		above = below;
		below = vma_prev(below);
	}
}

/* Where a region of len bytes goes without MAP_FIXED: the hint if free, else top-down. */
static int get_unmapped_area(struct mm_struct *mm, unsigned long hint, unsigned long len,
			     unsigned long vm_flags, unsigned long *addrp)
{
	hint = PAGE_ALIGN(hint);
	if (hint >= MMAP_MIN_ADDR && hint <= TASK_SIZE - len &&
	    range_free(mm, hint, hint + len, vm_flags)) {
		*addrp = hint;
		return 0;
	}
	if (find_gap_top_down(mm, mm->mmap_base, len, vm_flags, addrp) ||
	    find_gap_top_down(mm, STACK_TOP, len, vm_flags, addrp))
		return 0;
	return -ENOMEM;
}

/*
 * Takes [start, end) out of the regions: those inside go, those across
 * an end are cut.  Cutting one region in two (the range strictly inside
 * it) needs a new region: -ENOMEM, with nothing changed, when there is
 * no memory or the count is at its limit.  The page tables are the
 * caller's.
 */
static int remove_vmas(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct vm_area_struct *vma = find_vma(mm, start), *next;

	if (!vma || vma->vm_start >= end)
		return 0;
	if (vma->vm_start < start && vma->vm_end > end) {
		struct vm_area_struct *tail;

		if (mm->map_count >= MAX_MAP_COUNT)
			return -ENOMEM;
		tail = vma_alloc(0, 0, 0);
		if (!tail)
			return -ENOMEM;
		split_vma(mm, vma, end, tail);
		vma->vm_end = start;
		return 0;
	}
	if (vma->vm_start < start) {
		vma->vm_end = start;
		vma = vma_next(vma);
	}
	while (vma && vma->vm_start < end) {
		next = vma_next(vma);
		if (vma->vm_end > end) {
			vma->vm_start = end;
			break;
		}
		vma_unlink_free(mm, vma);
		vma = next;
	}
	return 0;
}

static int __do_munmap(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	int err = remove_vmas(mm, start, end);

	if (!err)
		zap_page_range(mm, start, end);
	return err;
}

int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	int err;

	if ((start & ~PAGE_MASK) || !len || start >= TASK_SIZE || len > TASK_SIZE - start)
		return -EINVAL;
	mutex_lock(&mm->lock);
	err = __do_munmap(mm, start, start + PAGE_ALIGN(len));
	commit_settle(mm, 0);
	mutex_unlock(&mm->lock);
	return err;
}

/*
 * A new region [start, end) with vm_flags, replacing whatever was there;
 * shared regions are filled at once.  -ENOMEM: nothing new is mapped
 * (what was there may be gone, as with Linux's MAP_FIXED).
 */
static int mmap_region(struct mm_struct *mm, unsigned long start, unsigned long end,
		       unsigned long vm_flags)
{
	struct vm_area_struct *vma = vma_alloc(start, end, vm_flags);
	int err;

	if (!vma)
		return -ENOMEM;
	err = __do_munmap(mm, start, end);
	if (err || mm->map_count >= MAX_MAP_COUNT) {
		kfree(vma);
		return -ENOMEM;
	}
	vma_link(mm, vma);
	if (vm_flags & VM_SHARED) {
		err = populate_range(mm, start, end, vm_flags);
		if (err) {
			zap_page_range(mm, start, end);
			vma_unlink_free(mm, vma);
			return err;
		}
	}
	merge_vmas(mm, start, end);
	return 0;
}

static unsigned long prot_to_vm(unsigned long prot)
{
	return (prot & PROT_READ ? VM_READ : 0) | (prot & PROT_WRITE ? VM_WRITE : 0) |
	       (prot & PROT_EXEC ? VM_EXEC : 0);
}

int do_mmap(struct mm_struct *mm, unsigned long addr, unsigned long len, unsigned long prot,
	    unsigned long flags, unsigned long *addrp)
{
	unsigned long type = flags & MAP_TYPE, vm_flags;
	bool fixed = flags & (MAP_FIXED | MAP_FIXED_NOREPLACE);
	struct vm_area_struct *vma;
	unsigned long reserve;
	int err = 0;

	if (!len || (prot & ~PROT_ALL) || (flags & ~MAP_KNOWN) ||
	    (type != MAP_SHARED && type != MAP_PRIVATE) ||
	    ((flags & MAP_GROWSDOWN) && type == MAP_SHARED))
		return -EINVAL;
	if (!(flags & MAP_ANONYMOUS))
		return -ENODEV;
	if (len > TASK_SIZE - MMAP_MIN_ADDR)
		return -ENOMEM;
	len = PAGE_ALIGN(len);
	if (fixed && (addr & ~PAGE_MASK))
		return -EINVAL;
	if (fixed && addr < MMAP_MIN_ADDR)
		return -EPERM;
	if (fixed && addr > TASK_SIZE - len)
		return -ENOMEM;
	vm_flags = prot_to_vm(prot) | VM_MAY_ALL |
		   (type == MAP_SHARED ? VM_SHARED | VM_MAYSHARE : 0) |
		   (flags & MAP_GROWSDOWN ? VM_GROWSDOWN : 0);
	reserve = vma_committed(vm_flags) ? len >> PAGE_SHIFT : 0;
	if (!vm_commit_reserve(reserve))
		return -ENOMEM;

	mutex_lock(&mm->lock);
	if (flags & MAP_FIXED_NOREPLACE) {
		vma = find_vma(mm, addr);
		if (vma && vma->vm_start < addr + len)
			err = -EEXIST;
	} else if (!fixed) {
		err = get_unmapped_area(mm, addr, len, vm_flags, &addr);
	}
	if (!err)
		err = mmap_region(mm, addr, addr + len, vm_flags);
	commit_settle(mm, reserve);
	mutex_unlock(&mm->lock);
	if (!err)
		*addrp = addr;
	return err;
}

/*
 * mprotect's first pass: is every page of [start, end) in a region that
 * may take prot?  The number of regions that must be split, in *splits.
 */
static int mprotect_check(struct mm_struct *mm, unsigned long start, unsigned long end,
			  unsigned long newprot, unsigned int *splits)
{
	struct vm_area_struct *vma = find_vma(mm, start);
	unsigned long addr = start;

	*splits = 0;
	for (; vma && vma->vm_start <= addr; addr = vma->vm_end, vma = vma_next(vma)) {
		unsigned long may = (vma->vm_flags & VM_MAY_ALL) >> 4;	/* as VM_READ.. */
		bool change = (vma->vm_flags & VM_ACCESS_FLAGS) != newprot;

		if (newprot & ~may)
			return -EACCES;
		if (change && vma->vm_start < start)
			(*splits)++;
		if (vma->vm_end >= end) {
			if (change && vma->vm_end > end)
				(*splits)++;
			return 0;
		}
	}
	return -ENOMEM;		/* a hole */
}

static void mprotect_apply(struct mm_struct *mm, unsigned long start, unsigned long end,
			   unsigned long newprot, struct vm_area_struct **spares)
{
	struct vm_area_struct *vma = find_vma(mm, start);

	for (; vma && vma->vm_start < end; vma = vma_next(vma)) {
		unsigned long flags = (vma->vm_flags & ~VM_ACCESS_FLAGS) | newprot;

		if (flags == vma->vm_flags)
			continue;
		if (vma->vm_start < start)
			vma = split_vma(mm, vma, start, *spares++);
		if (vma->vm_end > end)
			split_vma(mm, vma, end, *spares++);
		vma->vm_flags = flags;
		change_protection(mm, vma->vm_start, vma->vm_end, flags);
	}
}

int do_mprotect(struct mm_struct *mm, unsigned long start, unsigned long len,
		unsigned long prot)
{
	struct vm_area_struct *spares[2] = { NULL, NULL };
	unsigned long end, newprot = prot_to_vm(prot), reserve;
	unsigned int splits, i;
	int err;

	if ((start & ~PAGE_MASK) || (prot & ~PROT_ALL))
		return -EINVAL;
	if (!len)
		return 0;
	if (start >= TASK_SIZE || len > TASK_SIZE - start)
		return -ENOMEM;
	end = start + PAGE_ALIGN(len);
	/* Making private memory writable commits it (an upper bound: all of it). */
	reserve = newprot & VM_WRITE ? (end - start) >> PAGE_SHIFT : 0;
	if (!vm_commit_reserve(reserve))
		return -ENOMEM;

	mutex_lock(&mm->lock);
	err = mprotect_check(mm, start, end, newprot, &splits);
	if (!err && mm->map_count + splits > MAX_MAP_COUNT)
		err = -ENOMEM;
	for (i = 0; !err && i < splits; i++) {
		spares[i] = vma_alloc(0, 0, 0);
		if (!spares[i])
			err = -ENOMEM;
	}
	if (!err) {
		mprotect_apply(mm, start, end, newprot, spares);
		merge_vmas(mm, start, end);
	} else {
		for (i = 0; i < splits; i++)
			kfree(spares[i]);
	}
	commit_settle(mm, reserve);
	mutex_unlock(&mm->lock);
	return err;
}

unsigned long do_brk(struct mm_struct *mm, unsigned long brk)
{
	unsigned long old_end, new_end, ret, reserve = 0;

	mutex_lock(&mm->lock);
	ret = mm->brk;
	if (brk < mm->start_brk || brk > TASK_SIZE)
		goto out;
	old_end = PAGE_ALIGN(mm->brk);
	new_end = PAGE_ALIGN(brk);
	if (new_end > old_end) {
		reserve = (new_end - old_end) >> PAGE_SHIFT;
		if (!vm_commit_reserve(reserve)) {
			reserve = 0;
			goto out;
		}
	}
	if (new_end < old_end) {
		if (__do_munmap(mm, new_end, old_end))
			goto out;
	} else if (new_end > old_end) {
		if (old_end < MMAP_MIN_ADDR || !range_free(mm, old_end, new_end, VM_HEAP) ||
		    mmap_region(mm, old_end, new_end, VM_HEAP))
			goto out;
	}
	mm->brk = ret = brk;
out:
	commit_settle(mm, reserve);
	mutex_unlock(&mm->lock);
	return ret;
}

int do_madvise_dontneed(struct mm_struct *mm, unsigned long start, unsigned long len)
{
	struct vm_area_struct *vma;
	unsigned long end, addr;
	int err = 0;

	if ((start & ~PAGE_MASK) || start >= TASK_SIZE || len > TASK_SIZE - start)
		return -EINVAL;
	if (!len)
		return 0;
	end = start + PAGE_ALIGN(len);
	mutex_lock(&mm->lock);
	for (addr = start, vma = find_vma(mm, start); addr < end;
	     addr = vma->vm_end, vma = vma_next(vma)) {
		if (!vma || vma->vm_start > addr) {
			err = -ENOMEM;		/* a hole, as Linux says */
			break;
		}
		if (vma->vm_flags & VM_SHARED) {
			err = -EINVAL;		/* would lose the shared pages */
			break;
		}
		if (vma->vm_end >= end)
			break;
	}
	if (!err)
		zap_page_range(mm, start, end);
	mutex_unlock(&mm->lock);
	return err;
}

int expand_stack(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr)
{
	unsigned long start = addr & PAGE_MASK, growth;
	struct vm_area_struct *prev = vma_prev(vma);

	if (!(vma->vm_flags & VM_GROWSDOWN) || start < MMAP_MIN_ADDR ||
	    vma->vm_end - start > STACK_LIMIT)
		return -EFAULT;
	if (prev && prev->vm_end + STACK_GUARD_GAP > start)
		return -EFAULT;
	growth = vma_committed(vma->vm_flags) ? (vma->vm_start - start) >> PAGE_SHIFT : 0;
	if (!vm_commit_reserve(growth))
		return -ENOMEM;
	vma->vm_start = start;
	commit_settle(mm, growth);
	return 0;
}

struct mm_struct *dup_mm(struct mm_struct *oldmm)
{
	struct mm_struct *mm = mm_alloc();
	struct vm_area_struct *vma;
	unsigned long reserve;
	int err = 0;

	if (!mm)
		return NULL;
	mutex_lock(&oldmm->lock);
	/* The copy commits what the original does (Linux's fork does the same). */
	reserve = oldmm->committed;
	if (!vm_commit_reserve(reserve)) {
		mutex_unlock(&oldmm->lock);
		mmput(mm);
		return NULL;
	}
	mm->mmap_base = oldmm->mmap_base;
	mm->start_brk = oldmm->start_brk;
	mm->brk = oldmm->brk;
	for (vma = vma_of(rb_first(&oldmm->mm_rb)); vma && !err; vma = vma_next(vma)) {
		struct vm_area_struct *copy = vma_alloc(vma->vm_start, vma->vm_end, vma->vm_flags);

		if (!copy) {
			err = -ENOMEM;
			break;
		}
		vma_link(mm, copy);
		err = copy_page_range(mm, oldmm, vma);
	}
	/* Private pages became read-only, whether or not all of them were copied. */
	flush_tlb_mm(oldmm);
	mutex_unlock(&oldmm->lock);
	mutex_lock(&mm->lock);
	commit_settle(mm, reserve);
	mutex_unlock(&mm->lock);
	if (err) {
		mmput(mm);
		return NULL;
	}
	return mm;
}

void free_all_vmas(struct mm_struct *mm)
{
	struct rb_node *node;

	while ((node = rb_first(&mm->mm_rb)))
		vma_unlink_free(mm, vma_of(node));
	vm_commit_release(mm->committed);
	mm->committed = 0;
}
