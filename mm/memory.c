// SPDX-License-Identifier: MIT
/*
 * The page tables of user address spaces (include/tern/mm.h): creating
 * and freeing them, page faults (demand-zero, copy-on-write), and the
 * page-table side of munmap, mprotect and fork.  The regions are
 * mm/mmap.c's.  Everything runs under mm->lock, except mm_alloc and
 * mmput's last drop, when no one else can reach the mm.
 *
 * A user page is mapped by a PTE at level 0 (no large leaves):
 *	V U A, R/W/X as its region allows (W implies R), D with W;
 *	a region without access (PROT_NONE) keeps its pages as V U A with
 *	R=W=X=0 -- present to the walker (which treats any valid level-0
 *	entry as a leaf), a page fault to the hart;
 *	a private page that more than one PTE maps (after fork) is
 *	read-only in all of them: the first write copies it, or makes it
 *	writable again when its count has fallen to 1.
 * Each PTE holds one reference to its page.  Page-table pages below the
 * root belong to the mm alone (nr_pgtables counts them); the root's
 * kernel half is swapper_pg_dir's and is never freed.
 *
 * TLBs: a new mapping is flushed on this hart only (the hart that will
 * use it: another one that held "nothing here" faults and retries).  A
 * mapping removed or restricted is flushed on every CPU the mm runs on
 * before what it mapped is freed; tables are freed only after a flush of
 * the whole mm, since a hart may cache the entries that point to them.
 */
#include <asm/mmu_context.h>
#include <tern/errno.h>
#include <tern/fs.h>
#include <tern/kernel.h>
#include <tern/page.h>
#include <tern/pgalloc.h>
#include <tern/slab.h>
#include <tern/string.h>

#include "internal.h"

#define ROOT_LEVEL		(PGTABLE_LEVELS - 1)
/* Root entries of the user half, [0, TASK_SIZE); the rest are the kernel's. */
#define USER_ROOT_ENTRIES	(TASK_SIZE >> LEVEL_SHIFT(ROOT_LEVEL))
/* Pages zap_page_range frees per TLB flush. */
#define ZAP_BATCH		64

_Static_assert(TASK_SIZE % LEVEL_SIZE(ROOT_LEVEL) == 0,
	       "the user half must be whole root entries, to share the kernel's");

static pteval_t *table_of(const struct mm_struct *mm, pteval_t pte)
{
	return (pteval_t *)(uintptr_t)(pte_phys(pte) + mm->pgt.table_offset);
}

static struct page *pte_page(pteval_t pte)
{
	return pfn_to_page((unsigned long)(pte_phys(pte) >> PAGE_SHIFT));
}

pteval_t vm_pgprot(unsigned long vm_flags)
{
	pteval_t prot = _PAGE_U | _PAGE_A;

	if (vm_flags & (VM_READ | VM_WRITE))
		prot |= _PAGE_R;
	if (vm_flags & VM_WRITE)
		prot |= _PAGE_W | _PAGE_D;
	if (vm_flags & VM_EXEC)
		prot |= _PAGE_X;
	return prot;
}

/*
 * The PTE for the page old maps, in a region with vm_flags: a private
 * page gets W back only if it had it (then no one else maps it).
 */
static pteval_t pte_reprotect(pteval_t old, unsigned long vm_flags)
{
	pteval_t prot = vm_pgprot(vm_flags);

	if (!(vm_flags & VM_SHARED) && !(old & _PAGE_W))
		prot &= ~(pteval_t)(_PAGE_W | _PAGE_D);
	return pfn_pte(pte_phys(old), prot);
}

/* ---- page-table pages ---- */

static phys_addr_t mm_alloc_table(void *ctx)
{
	struct mm_struct *mm = ctx;
	void *table = alloc_page(GFP_KERNEL | __GFP_ZERO);

	if (!table)
		return 0;
	mm->nr_pgtables++;
	return __pa(table);
}

/* From the walker, a table it unlinked: freed by free_unlinked_tables, after a flush. */
static void mm_defer_table(phys_addr_t pa, void *ctx)
{
	struct mm_struct *mm = ctx;

	list_add(&virt_to_page(__va(pa))->list, &mm->free_tables);
}

static void free_unlinked_tables(struct mm_struct *mm)
{
	while (!list_empty(&mm->free_tables)) {
		struct page *page = list_first_entry(&mm->free_tables, struct page, list);

		list_del(&page->list);
		free_page(page_address(page));
		mm->nr_pgtables--;
	}
}

/*
 * Calls fn on each run of level-0 entries of [addr, end) whose table
 * exists, in address order; stops at, and returns, fn's first non-zero
 * return.  Missing tables are skipped whole, at any level.
 */
typedef int (*pte_run_fn)(struct mm_struct *mm, pteval_t *ptes, unsigned long addr,
			  unsigned long n, void *arg);

static int walk_pte_runs(struct mm_struct *mm, pteval_t *table, unsigned int level,
			 unsigned long addr, unsigned long end, pte_run_fn fn, void *arg)
{
	while (addr < end) {
		unsigned long next = MIN((addr | (LEVEL_SIZE(level) - 1)) + 1, end);
		pteval_t pte = READ_ONCE(table[pte_index(addr, level)]);
		int err = 0;

		if (pte_present(pte)) {
			pteval_t *child = table_of(mm, pte);

			if (pte_is_leaf(pte))
				panic("mm: a large page at user address %#lx", addr);
			if (level == 1)
				err = fn(mm, &child[pte_index(addr, 0)], addr,
					 (next - addr) >> PAGE_SHIFT, arg);
			else
				err = walk_pte_runs(mm, child, level - 1, addr, next, fn, arg);
			if (err)
				return err;
		}
		addr = next;
	}
	return 0;
}

static int for_each_pte_run(struct mm_struct *mm, unsigned long start, unsigned long end,
			    pte_run_fn fn, void *arg)
{
	return walk_pte_runs(mm, mm->pgt.root, ROOT_LEVEL, start, end, fn, arg);
}

/*
 * The level-0 entry for addr, allocating the tables on the way (the
 * walker's path when one is missing); NULL without memory.  The page
 * fault path: a short loop over tables that are usually there.
 */
static pteval_t *user_pte_alloc(struct mm_struct *mm, unsigned long addr)
{
	pteval_t *table = mm->pgt.root;
	unsigned int level;

	for (level = ROOT_LEVEL; level > 0; level--) {
		pteval_t pte = READ_ONCE(table[pte_index(addr, level)]);

		if (unlikely(!pte_present(pte) || pte_is_leaf(pte)))
			return pgtable_walk_alloc(&mm->pgt, addr & PAGE_MASK, 0);
		table = table_of(mm, pte);
	}
	return &table[pte_index(addr, 0)];
}

/* ---- address spaces ---- */

struct mm_struct *mm_alloc(void)
{
	struct mm_struct *mm = kzalloc(sizeof(*mm), GFP_KERNEL);
	pteval_t *root;

	if (!mm)
		return NULL;
	root = alloc_page(GFP_KERNEL);
	if (!root) {
		kfree(mm);
		return NULL;
	}
	memset(root, 0, USER_ROOT_ENTRIES * sizeof(pteval_t));
	memcpy(root + USER_ROOT_ENTRIES, swapper_pg_dir + USER_ROOT_ENTRIES,
	       (PTRS_PER_TABLE - USER_ROOT_ENTRIES) * sizeof(pteval_t));
	mm->pgt = (struct pgtable){
		.root = root,
		.table_offset = PAGE_OFFSET - PHYS_RAM_BASE,
		.alloc_table = mm_alloc_table,
		.free_table = mm_defer_table,
		.ctx = mm,
	};
	mutex_init(&mm->lock);
	mm->mm_rb = RB_ROOT;
	INIT_LIST_HEAD(&mm->free_tables);
	mm->mmap_base = STACK_TOP - MMAP_GAP;
	mm->users = 1;
	return mm;
}

void mmget(struct mm_struct *mm)
{
	__atomic_fetch_add(&mm->users, 1, __ATOMIC_RELAXED);
}

/* Puts every page the tables below table (of level) map, and frees those tables. */
static void free_user_tables(struct mm_struct *mm, pteval_t *table, unsigned int level,
			     unsigned long entries)
{
	unsigned long i;

	for (i = 0; i < entries; i++) {
		pteval_t pte = table[i];
		pteval_t *child;

		if (!pte)
			continue;
		if (level == 0) {
			put_page(pte_page(pte));
			mm->rss--;
			continue;
		}
		if (pte_is_leaf(pte))
			panic("mm: a large page in a user page table (entry %lu, level %u)", i, level);
		child = table_of(mm, pte);
		free_user_tables(mm, child, level - 1, PTRS_PER_TABLE);
		free_page(child);
		mm->nr_pgtables--;
	}
}

/* The last user is gone, and no CPU runs on the mm: no TLB holds it. */
static void exit_mmap(struct mm_struct *mm)
{
	free_unlinked_tables(mm);
	free_user_tables(mm, mm->pgt.root, ROOT_LEVEL, USER_ROOT_ENTRIES);
	free_page(mm->pgt.root);
	free_all_vmas(mm);
}

/*
 * No CPU has the mm in satp (each user runs it, and the last is gone).
 * TLB entries of it may linger, tagged with its ASID, which no address
 * space gets again before a new generation flushes every TLB.
 */
void mmput(struct mm_struct *mm)
{
	if (__atomic_sub_fetch(&mm->users, 1, __ATOMIC_ACQ_REL))
		return;
	exit_mmap(mm);
	kfree(mm);
}

/* ---- munmap ---- */

struct zap_batch {
	struct mm_struct *mm;
	unsigned long start, end;	/* PTEs cleared here since the last flush */
	unsigned int nr;
	struct page *pages[ZAP_BATCH];	/* their pages, to put after the flush */
};

static void zap_flush(struct zap_batch *z)
{
	unsigned int i;

	if (!list_empty(&z->mm->free_tables))
		flush_tlb_mm(z->mm);
	else if (z->start != z->end)
		flush_tlb_user_range(z->mm, z->start, z->end);
	for (i = 0; i < z->nr; i++)
		put_page(z->pages[i]);
	z->nr = 0;
	z->start = z->end;
	free_unlinked_tables(z->mm);
}

static void zap_pte(unsigned long va, pteval_t old, unsigned int level, void *arg)
{
	struct zap_batch *z = arg;

	if (z->nr == ZAP_BATCH)
		zap_flush(z);
	if (z->start == z->end)
		z->start = va;
	z->end = va + PAGE_SIZE;
	z->pages[z->nr++] = pte_page(old);
	z->mm->rss--;
}

void zap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end)
{
	struct zap_batch z = { .mm = mm };
	int err = pgtable_unmap(&mm->pgt, start, end - start, zap_pte, &z);

	/* Only bad arguments or splitting a large leaf can fail: neither happens here. */
	if (err)
		panic("mm: unmapping %#lx-%#lx failed (%d)", start, end, err);
	zap_flush(&z);
}

/* ---- mprotect ---- */

struct protect_args {
	unsigned long vm_flags;
	bool changed;
};

static int protect_run(struct mm_struct *mm, pteval_t *ptes, unsigned long addr,
		       unsigned long n, void *arg)
{
	struct protect_args *p = arg;
	unsigned long i;

	for (i = 0; i < n; i++) {
		pteval_t old = ptes[i], new;

		if (!old)
			continue;
		new = pte_reprotect(old, p->vm_flags);
		if (new != old) {
			WRITE_ONCE(ptes[i], new);
			p->changed = true;
		}
	}
	return 0;
}

void change_protection(struct mm_struct *mm, unsigned long start, unsigned long end,
		       unsigned long vm_flags)
{
	struct protect_args p = { .vm_flags = vm_flags };

	for_each_pte_run(mm, start, end, protect_run, &p);
	if (!p.changed)
		return;
	flush_tlb_user_range(mm, start, end);
	if (vm_flags & VM_EXEC)
		flush_icache_mm(mm);	/* the pages may hold code written through another mapping */
}

/* ---- new pages ---- */

/* A zero-filled page for the user, mapped at *ptep with prot; -ENOMEM. */
static int map_zeroed_page(struct mm_struct *mm, pteval_t *ptep, pteval_t prot)
{
	void *page = alloc_page(GFP_KERNEL);

	if (!page)
		return -ENOMEM;
	clear_page(page);
	__atomic_thread_fence(__ATOMIC_RELEASE);	/* the zeroes before the mapping */
	WRITE_ONCE(*ptep, pfn_pte(__pa(page), prot));
	mm->rss++;
	return 0;
}

int populate_range(struct mm_struct *mm, unsigned long start, unsigned long end,
		   unsigned long vm_flags)
{
	pteval_t prot = vm_pgprot(vm_flags);
	unsigned long addr;

	for (addr = start; addr < end; addr += PAGE_SIZE) {
		pteval_t *ptep = pgtable_walk_alloc(&mm->pgt, addr, 0);

		if (!ptep || (!*ptep && map_zeroed_page(mm, ptep, prot)))
			return -ENOMEM;
	}
	if (vm_flags & VM_EXEC)
		flush_icache_mm(mm);
	return 0;
}

/* ---- fork ---- */

struct copy_args {
	struct mm_struct *dst;
	bool cow;
};

static int copy_run(struct mm_struct *src, pteval_t *src_ptes, unsigned long addr,
		    unsigned long n, void *arg)
{
	struct copy_args *c = arg;
	pteval_t *dst_ptes = pgtable_walk_alloc(&c->dst->pgt, addr, 0);
	unsigned long i, copied = 0;

	if (!dst_ptes)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		pteval_t pte = src_ptes[i];

		if (!pte)
			continue;
		if (c->cow && (pte & _PAGE_W)) {
			pte &= ~(pteval_t)_PAGE_W;
			WRITE_ONCE(src_ptes[i], pte);
		}
		get_page(pte_page(pte));
		dst_ptes[i] = pte;
		copied++;
	}
	c->dst->rss += copied;
	return 0;
}

int copy_page_range(struct mm_struct *dst, struct mm_struct *src,
		    const struct vm_area_struct *vma)
{
	struct copy_args c = { .dst = dst, .cow = !(vma->vm_flags & VM_SHARED) };

	return for_each_pte_run(src, vma->vm_start, vma->vm_end, copy_run, &c);
}

/* ---- page faults ---- */

static bool access_permitted(unsigned long vm_flags, unsigned int flags)
{
	if (flags & FAULT_FLAG_INSTRUCTION)
		return vm_flags & VM_EXEC;
	if (flags & FAULT_FLAG_WRITE)
		return vm_flags & VM_WRITE;
	return vm_flags & (VM_READ | VM_WRITE);
}

/* First touch: a zeroed page. */
static int do_anonymous_page(struct mm_struct *mm, struct vm_area_struct *vma,
			     unsigned long addr, pteval_t *ptep)
{
	int err;

	/* Shared regions are filled when mapped: a hole there would not be shared. */
	if (WARN_ON(vma->vm_flags & VM_SHARED))
		return -EFAULT;
	err = map_zeroed_page(mm, ptep, vm_pgprot(vma->vm_flags));
	if (err)
		return err;
	if (vma->vm_flags & VM_EXEC)
		flush_icache_mm(mm);
	local_flush_tlb_page(addr);
	return 0;
}

/* A write to a present page without W, in a region that allows it: copy-on-write. */
static int do_wp_page(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr,
		      pteval_t *ptep, pteval_t pte)
{
	struct page *old = pte_page(pte);
	void *copy;

	if ((vma->vm_flags & VM_SHARED) || page_ref_count(old) == 1) {
		WRITE_ONCE(*ptep, pte | _PAGE_W | _PAGE_D);	/* no one else maps it */
		local_flush_tlb_page(addr);
		return 0;
	}
	copy = alloc_page(GFP_KERNEL);
	if (!copy)
		return -ENOMEM;
	copy_page(copy, page_address(old));
	__atomic_thread_fence(__ATOMIC_RELEASE);	/* the copy before the mapping */
	WRITE_ONCE(*ptep, pfn_pte(__pa(copy), vm_pgprot(vma->vm_flags)));
	/* Every hart that runs this mm must stop using the old page before it is put. */
	flush_tlb_user_range(mm, addr & PAGE_MASK, (addr & PAGE_MASK) + PAGE_SIZE);
	if (vma->vm_flags & VM_EXEC)
		flush_icache_mm(mm);
	put_page(old);
	return 0;
}

/*
 * -EAGAIN: an empty PTE in a file mapping; *vmap is the region, and the
 * caller reads the page without the lock (handle_mm_fault).
 */
static int __handle_mm_fault(struct mm_struct *mm, unsigned long addr, unsigned int flags,
			     struct vm_area_struct **vmap)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	pteval_t *ptep, pte;

	if (!vma)
		return -EFAULT;
	if (addr < vma->vm_start && expand_stack(mm, vma, addr))
		return -EFAULT;
	if (!access_permitted(vma->vm_flags, flags))
		return -EFAULT;
	ptep = user_pte_alloc(mm, addr);
	if (!ptep)
		return -ENOMEM;
	pte = *ptep;
	*vmap = vma;
	if (!pte)
		return vma->vm_file ? -EAGAIN : do_anonymous_page(mm, vma, addr, ptep);
	if ((flags & FAULT_FLAG_WRITE) && !(pte & _PAGE_W))
		return do_wp_page(mm, vma, addr, ptep, pte);
	/*
	 * The PTE allows the access (this hart held a stale entry), or will
	 * once it has the region's protection again.
	 */
	WRITE_ONCE(*ptep, pte_reprotect(pte, vma->vm_flags));
	local_flush_tlb_page(addr);
	return 0;
}

/* The byte offset in vma's file of the page holding addr. */
static loff_t file_pos(const struct vm_area_struct *vma, unsigned long addr)
{
	return (loff_t)(vma->vm_pgoff + ((addr - vma->vm_start) >> PAGE_SHIFT)) << PAGE_SHIFT;
}

/*
 * Maps page (file's page at pos, just read) at addr if the region there
 * still maps that page of that file and nothing was mapped meanwhile;
 * otherwise frees it (the access is retried and looks again).
 */
static int install_file_page(struct mm_struct *mm, unsigned long addr, struct file *file,
			     loff_t pos, void *page)
{
	struct vm_area_struct *vma = find_vma(mm, addr);
	pteval_t *ptep;

	if (!vma || vma->vm_start > addr || vma->vm_file != file || file_pos(vma, addr) != pos) {
		free_page(page);
		return 0;
	}
	ptep = user_pte_alloc(mm, addr);
	if (!ptep) {
		free_page(page);
		return -ENOMEM;
	}
	if (*ptep) {
		free_page(page);
		return 0;
	}
	__atomic_thread_fence(__ATOMIC_RELEASE);	/* the contents before the mapping */
	WRITE_ONCE(*ptep, pfn_pte(__pa(page), vm_pgprot(vma->vm_flags)));
	mm->rss++;
	if (vma->vm_flags & VM_EXEC)
		flush_icache_mm(mm);
	local_flush_tlb_page(addr);
	return 0;
}

int handle_mm_fault(struct mm_struct *mm, unsigned long addr, unsigned int flags)
{
	struct vm_area_struct *vma = NULL;
	struct file *file;
	void *page;
	loff_t pos;
	int err;

	if (addr >= TASK_SIZE)
		return -EFAULT;
	mutex_lock(&mm->lock);
	err = __handle_mm_fault(mm, addr, flags, &vma);
	if (err != -EAGAIN) {
		mutex_unlock(&mm->lock);
		return err;
	}
	/* A file page: read without mm->lock (the read may fault on user memory itself). */
	file = get_file(vma->vm_file);
	pos = file_pos(vma, addr);
	mutex_unlock(&mm->lock);
	err = filemap_read_page(file, pos, &page);
	if (!err) {
		mutex_lock(&mm->lock);
		err = install_file_page(mm, addr & PAGE_MASK, file, pos, page);
		mutex_unlock(&mm->lock);
	}
	fput(file);
	return err;
}

static int read_pte(struct mm_struct *mm, pteval_t *ptes, unsigned long addr, unsigned long n,
		    void *arg)
{
	*(pteval_t *)arg = READ_ONCE(ptes[0]);
	return 0;
}

/* The page mapped readable at addr, faulted in if need be, with a reference; NULL if none. */
static struct page *get_user_page_read(struct mm_struct *mm, unsigned long addr)
{
	struct page *page = NULL;
	pteval_t pte = 0;

	mutex_lock(&mm->lock);
	for_each_pte_run(mm, addr, addr + PAGE_SIZE, read_pte, &pte);
	if (!(pte & _PAGE_V)) {
		mutex_unlock(&mm->lock);
		if (handle_mm_fault(mm, addr, 0))
			return NULL;
		mutex_lock(&mm->lock);
		for_each_pte_run(mm, addr, addr + PAGE_SIZE, read_pte, &pte);
	}
	if ((pte & _PAGE_V) && (pte & _PAGE_R)) {
		page = pte_page(pte);
		get_page(page);
	}
	mutex_unlock(&mm->lock);
	return page;
}

size_t access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf, size_t len)
{
	size_t done = 0;

	while (done < len && addr < TASK_SIZE) {
		unsigned long off = addr & ~PAGE_MASK;
		size_t n = MIN(len - done, (size_t)(PAGE_SIZE - off));
		struct page *page = get_user_page_read(mm, addr & PAGE_MASK);

		if (!page)
			break;
		memcpy((char *)buf + done, (char *)page_address(page) + off, n);
		put_page(page);
		done += n;
		addr += n;
	}
	return done;
}

pteval_t mm_follow_pte(struct mm_struct *mm, unsigned long addr)
{
	pteval_t pte = 0;

	if (addr >= TASK_SIZE)
		return 0;
	addr &= PAGE_MASK;
	mutex_lock(&mm->lock);
	for_each_pte_run(mm, addr, addr + PAGE_SIZE, read_pte, &pte);
	mutex_unlock(&mm->lock);
	return pte;
}
