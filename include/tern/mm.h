/* SPDX-License-Identifier: MIT */
/*
 * Memory management: bringing it up at boot (mm/mm_init.c), and user
 * address spaces (mm/mmap.c, mm/memory.c) when paging is on, or a
 * process's list of memory blocks (mm/nommu.c) when it is off.
 */
#ifndef TERN_MM_H
#define TERN_MM_H

#include <tern/errno.h>
#include <tern/types.h>

/*
 * Builds the page map and starts the page allocator from the boot memory
 * map, then the object allocator, timing each in retired instructions for
 * 'make bench'.
 */
void mm_init(void);

/* Instructions page_map_init + pgalloc_init, and kmem_init, took at boot. */
extern u64 mm_init_pgalloc_instructions, mm_init_kmem_instructions;

/* handle_mm_fault's flags: the access that faulted */
#define FAULT_FLAG_WRITE	0x1u	/* a store or an atomic */
#define FAULT_FLAG_INSTRUCTION	0x2u	/* an instruction fetch */
#define FAULT_FLAG_USER		0x4u	/* from user mode (else a uaccess helper) */

#ifdef CONFIG_MMU
/*
 * User address spaces (Documentation/mm/address-spaces.md).
 *
 * An address space (struct mm_struct) is a page table whose user half,
 * [0, TASK_SIZE), belongs to it alone, and whose kernel half is
 * swapper_pg_dir's: mm_alloc copies the kernel's root entries, which
 * never change after paging_init (the vmalloc area's tables are
 * allocated there), so every address space sees every kernel mapping
 * and never frees one.  The user half is described by regions (struct
 * vm_area_struct, "VMAs"): page-aligned, non-overlapping, in a red-black
 * tree by start address.  A page is mapped only inside a region, with
 * the region's permissions; pages are anonymous (zero-filled) and come
 * on first touch (handle_mm_fault), except in shared regions, which are
 * filled when mapped.  fork (dup_mm) shares private pages copy-on-write:
 * read-only in both, with a reference each, copied on the first write.
 *
 * User pages are single 4 KiB pages (no large leaves), each holding one
 * reference per page-table entry that maps it (struct page's count).
 *
 * Locking: mm->lock, a mutex, guards the region tree, the user half of
 * the page table and every field marked "lock".  Every function below
 * takes it, except find_vma (the caller holds it).  It may sleep, so
 * none of these may be called from interrupt handlers; a page fault
 * takes it, so no code may touch user memory while holding it (the
 * uaccess helpers would deadlock: the fault handler panics instead).
 * Lock order: a file's i_mutex (a read into user memory faults), then
 * mm->lock, then vfs_lock (the last fput of a mapped file's region).
 */
#include <asm/mmu_context.h>
#include <asm/pgtable.h>
#include <tern/list.h>
#include <tern/mutex.h>
#include <tern/rbtree.h>
#include <tern/smp.h>

/*
 * The layout of a user address space (all in [0, TASK_SIZE)):
 *
 *	TASK_SIZE = STACK_TOP	+-------------------------------+
 *				| stack, grows down on faults,  |
 *				|   at most STACK_LIMIT         |
 *	mmap_base		+-------------------------------+ STACK_TOP - MMAP_GAP
 *				| mmap, searched top-down       |
 *				|   ...                         |
 *				| heap (brk), grows up          |
 *				| text, data (exec)             |
 *	MMAP_MIN_ADDR		+-------------------------------+
 *				| never mapped: NULL and small  |
 *				|   offsets from it fault       |
 *	0			+-------------------------------+
 */
#define STACK_TOP		TASK_SIZE
#define MMAP_MIN_ADDR		0x10000UL		/* 64 KiB */
#define STACK_LIMIT		(8UL << 20)		/* how far a stack grows */
#define MMAP_GAP		(128UL << 20)		/* kept free for the stack */
/* A stack stops growing this close to the region below it, and mmap keeps off it. */
#define STACK_GUARD_GAP		(256 * PAGE_SIZE)
/* Regions an address space may have (Linux's default max_map_count). */
#define MAX_MAP_COUNT		65530

/* vm_flags */
#define VM_READ		0x0001u
#define VM_WRITE	0x0002u
#define VM_EXEC		0x0004u
#define VM_SHARED	0x0008u		/* fork shares the pages instead of copying */
#define VM_MAYREAD	0x0010u		/* mprotect may add VM_READ ... */
#define VM_MAYWRITE	0x0020u
#define VM_MAYEXEC	0x0040u
#define VM_MAYSHARE	0x0080u
#define VM_GROWSDOWN	0x0100u		/* a stack: faults just below extend it */

#define VM_ACCESS_FLAGS	(VM_READ | VM_WRITE | VM_EXEC)

struct file;

struct vm_area_struct {
	unsigned long vm_start;		/* lock; page-aligned */
	unsigned long vm_end;		/* lock; page-aligned, > vm_start */
	unsigned long vm_flags;		/* lock; VM_* */
	struct rb_node vm_rb;		/* lock; in vm_mm->mm_rb, by vm_start */
	struct mm_struct *vm_mm;
	/* A private file mapping: the file (referenced) and its page at vm_start; else NULL, 0. */
	struct file *vm_file;		/* lock */
	unsigned long vm_pgoff;		/* lock; in pages */
};

struct mm_struct {
	struct pgtable pgt;		/* lock (the user half); root set at creation */
	struct mutex lock;
	struct rb_root mm_rb;		/* lock; the regions */
	unsigned int map_count;		/* lock; regions in mm_rb */
	unsigned long mmap_base;	/* lock; where do_mmap's search starts */
	/* lock; the heap is [start_brk, brk): exec sets both, before the mm is shared */
	unsigned long start_brk, brk;
	/* exec sets them: the first user sp, argv's and envp's strings (/proc/<pid>) */
	unsigned long start_stack, arg_start, arg_end, env_start, env_end;
	unsigned long rss;		/* lock; user pages mapped (a shared page counts in each) */
	unsigned long nr_pgtables;	/* lock; page-table pages, the root not counted */
	unsigned long committed;	/* lock; pages of private writable regions (mm/commit.c) */
	struct list_head free_tables;	/* lock; tables unlinked, freed after a TLB flush */
	int users;			/* atomic: mmget/mmput */
	cpumask_t cpumask;		/* atomic: the CPUs it ran on (their TLBs may hold it) */
	cpumask_t icache_stale;		/* atomic: CPUs to fence.i when they load it */
	struct mm_asid asid_ctx;	/* its ASID (asm/mmu_context.h) */
	unsigned long sigpage;		/* the signal return trampoline (exec); 0: none */
};


/*
 * A new, empty address space: no regions, the kernel half shared, one
 * user; NULL without memory.
 */
struct mm_struct *mm_alloc(void);

/* Takes another user / drops one: the last frees every page, table and region. */
void mmget(struct mm_struct *mm);
void mmput(struct mm_struct *mm);

/*
 * A kernel thread borrows mm: from use_mm to unuse_mm, current->mm is mm
 * and this CPU (whichever current runs on) has it in satp, so the
 * uaccess helpers reach its user half.  The caller keeps a user of mm
 * meanwhile; current had no address space before.
 */
void use_mm(struct mm_struct *mm);
void unuse_mm(struct mm_struct *mm);

/*
 * fork: a copy of oldmm with the same regions and contents, one user.
 * Private pages become copy-on-write in both; shared ones stay shared.
 * NULL without memory (oldmm is then as before).
 */
struct mm_struct *dup_mm(struct mm_struct *oldmm);

/*
 * Commit accounting (mm/commit.c): pages of private writable memory
 * mapped by every address space, and the policy's limit on them.
 * vm_commit_reserve takes pages more (false: the policy refuses, nothing
 * taken); vm_commit_release gives pages back.  mm/mmap.c calls them.
 */
unsigned long vm_committed_pages(void);
unsigned long vm_commit_limit(void);
/* Sets the limit (ktests; a sysctl later); returns the old one. */
unsigned long vm_commit_set_limit(unsigned long pages);
bool vm_commit_reserve(unsigned long pages);
void vm_commit_release(unsigned long pages);

/*
 * mmap: maps len bytes (rounded up to pages) of anonymous memory with
 * prot (PROT_*) and flags (MAP_*, <tern/mman.h>), and stores the address
 * in *addrp.  Without MAP_FIXED, addr is a hint, taken if that range is
 * free, else the highest free range below mmap_base is used (then below
 * STACK_TOP).  MAP_FIXED replaces what the range held.  Returns 0,
 * -EINVAL (len 0, unknown prot or flags, not exactly one of
 * MAP_SHARED/MAP_PRIVATE, an unaligned fixed addr), -ENODEV (no
 * MAP_ANONYMOUS: file mappings need the VFS), -EPERM (a fixed range
 * below MMAP_MIN_ADDR), -EEXIST (MAP_FIXED_NOREPLACE over a region),
 * -ENOMEM (no room, too many regions, no memory).
 */
int do_mmap(struct mm_struct *mm, unsigned long addr, unsigned long len, unsigned long prot,
	    unsigned long flags, unsigned long *addrp);

/*
 * mmap of a file, MAP_PRIVATE: as do_mmap, but the region is backed by
 * file (which it references) from page pgoff on.  Pages are read from
 * the file on first touch (its read method, mm/filemap.c), each a private
 * copy: writes never reach the file.  The caller has checked the file
 * (a regular file open for reading).  Same errors as do_mmap.
 */
int do_mmap_file(struct mm_struct *mm, unsigned long addr, unsigned long len,
		 unsigned long prot, unsigned long flags, struct file *file,
		 unsigned long pgoff, unsigned long *addrp);

/*
 * munmap: unmaps every page of [start, start + len) (len rounded up to
 * pages), splitting regions that reach outside it, and frees the pages
 * no other address space maps.  0, -EINVAL (start unaligned, len 0, the
 * range leaves [0, TASK_SIZE)), -ENOMEM (a split needed memory: nothing
 * changed).
 */
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len);

/*
 * mprotect: gives [start, start + len) the protection prot.  0, -EINVAL
 * (start unaligned, unknown prot bits, outside [0, TASK_SIZE)), -ENOMEM
 * (a page of the range is in no region, or no memory for a split),
 * -EACCES (prot beyond a region's VM_MAY* flags).  On error nothing
 * changed.
 */
int do_mprotect(struct mm_struct *mm, unsigned long start, unsigned long len,
		unsigned long prot);

/*
 * madvise(MADV_DONTNEED) on private memory: the pages of [start, start +
 * len) go, and the next touch finds zeros.  0, -EINVAL (start unaligned,
 * outside the user half, or a shared region: their pages would be lost),
 * -ENOMEM (a page of the range is in no region).
 */
int do_madvise_dontneed(struct mm_struct *mm, unsigned long start, unsigned long len);

/*
 * brk: moves the end of the heap to brk and returns the new end; returns
 * the old one when brk is below start_brk, or the heap cannot grow there
 * (another region, no memory) -- Linux's brk system call.
 */
unsigned long do_brk(struct mm_struct *mm, unsigned long brk);

/*
 * A page fault at addr (FAULT_FLAG_*): maps a zero-filled page on first
 * touch (in a file mapping, the file's page, read with mm->lock
 * dropped), copies a shared page on a write (or makes it writable when
 * no one else maps it), and grows a stack down to addr.  0 when the
 * access can be retried; -EFAULT when addr is in no region or the
 * region does not allow the access; -EIO when the page is wholly beyond
 * the end of the mapped file (Linux's SIGBUS); -ENOMEM.
 */
int handle_mm_fault(struct mm_struct *mm, unsigned long addr, unsigned int flags);

/* The first region that ends above addr, or NULL.  The caller holds mm->lock. */
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);

/* Is addr inside a region (SIGSEGV's SEGV_ACCERR) or in none (SEGV_MAPERR)?  Takes mm->lock. */
bool mm_addr_in_region(struct mm_struct *mm, unsigned long addr);

/*
 * Reads len bytes at user address addr of mm (not necessarily current's)
 * into buf, faulting pages in as a read by its owner would: the number
 * of bytes read, short at the first page that cannot be read.  The
 * caller holds a user of mm and not its lock (/proc/<pid>/cmdline).
 */
size_t access_remote_vm(struct mm_struct *mm, unsigned long addr, void *buf, size_t len);

/* The PTE that maps the user page at addr, 0 if none: for tests and debugging. */
pteval_t mm_follow_pte(struct mm_struct *mm, unsigned long addr);

#else /* !CONFIG_MMU */
/*
 * Processes without an MMU (mm/nommu.c, Documentation/process.md): every
 * process sees the one physical address space, so an "address space" is
 * only the list of the regions of memory a process owns.  Each region is
 * a physically contiguous run of pages from the page allocator, at the
 * address the allocator picked; user pointers are checked against the
 * list (nommu_access_ok), but nothing stops a plain load or store from
 * user mode reaching any memory the firmware's PMP allows.
 *
 * exec builds one block for the program (mm_add_program): the image,
 * a fixed-size heap after it (brk moves only inside that), and the
 * stack on top; mmap adds a block per call.  mmput's last drop frees
 * every block.
 *
 * Locking: mm->lock (a spinlock, interrupts off) guards the region list
 * and brk; it is never held across an allocation or a user access.
 */
#include <asm/page.h>
#include <tern/list.h>
#include <tern/spinlock.h>

/* vm_region kinds */
#define VMR_IMAGE	1	/* the program's segments; owns the exec block */
#define VMR_BRK		2	/* the heap, inside the exec block */
#define VMR_STACK	3	/* the stack, at the top of the exec block */
#define VMR_MMAP	4	/* an anonymous mmap; owns its block */

struct vm_region {
	struct list_head list;		/* lock; in mm->regions, by start */
	unsigned long start, end;	/* page-aligned, end > start */
	unsigned int kind;		/* VMR_* */
	void *block;			/* the allocation it frees, NULL: part of another's */
	unsigned int order;		/* block's order */
};

struct mm_struct {
	spinlock_t lock;
	struct list_head regions;	/* lock */
	unsigned int map_count;		/* lock; regions in the list */
	/* lock; the heap is [start_brk, brk) inside [start_brk, brk_limit) */
	unsigned long start_brk, brk, brk_limit;
	/* exec sets them: the first user sp, argv's and envp's strings (/proc/<pid>) */
	unsigned long start_stack, arg_start, arg_end, env_start, env_end;
	int users;			/* atomic: mmget/mmput */
};

/* The heap every program gets after its image (brk never moves past it). */
#define NOMMU_BRK_SIZE		(128 * 1024UL)
/* The stack every program gets, unless RLIMIT_STACK is smaller. */
#define NOMMU_STACK_SIZE	(128 * 1024UL)
/* How far a stack may grow: what RLIMIT_STACK says by default. */
#define STACK_LIMIT		(8UL << 20)
/* Regions a process may have (Linux's default max_map_count). */
#define MAX_MAP_COUNT		65530
/* The largest program image the loader takes, and the end of its link addresses. */
#define NOMMU_IMAGE_MAX		(1UL << 30)

struct mm_struct *mm_alloc(void);
void mmget(struct mm_struct *mm);
/* The last drop frees every region's block. */
void mmput(struct mm_struct *mm);

/*
 * exec: one zeroed block of image_len + brk_len + stack_len bytes (each
 * page-aligned), its three regions added to mm (which has none yet);
 * the block's address in *base.  0 or -ENOMEM.
 */
int mm_add_program(struct mm_struct *mm, unsigned long image_len, unsigned long brk_len,
		   unsigned long stack_len, unsigned long *base);

/*
 * mmap without an MMU, as Linux's: anonymous memory only (MAP_PRIVATE
 * or MAP_SHARED: there is no fork to tell them apart), fresh zeroed
 * contiguous pages wherever the page allocator has them; addr is
 * ignored as a hint.  0 and the address in *addrp, -EINVAL (len 0,
 * unknown prot or flags, MAP_FIXED), -ENODEV (a file), -ENOMEM.
 */
int do_mmap(struct mm_struct *mm, unsigned long addr, unsigned long len, unsigned long prot,
	    unsigned long flags, unsigned long *addrp);

/* Frees the mmap region that starts at start and is len bytes (rounded to pages); else -EINVAL. */
int do_munmap(struct mm_struct *mm, unsigned long start, unsigned long len);

/*
 * Nothing can be enforced: 0 when the range lies inside one region and
 * prot is known, -EINVAL (unaligned, unknown bits), -ENOMEM (not inside
 * a region).
 */
int do_mprotect(struct mm_struct *mm, unsigned long start, unsigned long len,
		unsigned long prot);

/* MADV_DONTNEED: zeroes the range (the next read sees zeros); errors as do_mprotect. */
int do_madvise_dontneed(struct mm_struct *mm, unsigned long start, unsigned long len);

/*
 * brk inside the fixed heap: the new end (grown memory zeroed), or the
 * old one when brk is outside [start_brk, brk_limit].
 */
unsigned long do_brk(struct mm_struct *mm, unsigned long brk);

/* Not defined without an MMU: fork is -ENOSYS (kernel/fork.c), callers test IS_ENABLED. */
struct mm_struct *dup_mm(struct mm_struct *oldmm);

/*
 * Commit accounting is MMU-only (mm/commit.c): without an MMU mmap takes
 * its pages at once, so nothing is promised ahead.  Declared for callers
 * that test IS_ENABLED(CONFIG_MMU); not defined here.
 */
unsigned long vm_committed_pages(void);
unsigned long vm_commit_limit(void);
unsigned long vm_commit_set_limit(unsigned long pages);

/* Never called: without paging there are no page faults. */
static inline int handle_mm_fault(struct mm_struct *mm, unsigned long addr, unsigned int flags)
{
	return -EFAULT;
}

/* Is [addr, addr + size) inside one region of current's?  size 0: always. */
bool nommu_access_ok(unsigned long addr, unsigned long size);

/* Bytes from addr to the end of current's region that holds it; 0: none does. */
unsigned long nommu_access_room(unsigned long addr);

/* Is [addr, addr + size) inside one region of mm?  mm->lock not held. */
bool mm_range_ok(struct mm_struct *mm, unsigned long addr, unsigned long size);

struct file;

/*
 * Without an MMU no file is mapped (a mapping would need its own copy
 * of the file, as Linux's no-MMU does for private ones): -ENODEV.
 */
static inline int do_mmap_file(struct mm_struct *mm, unsigned long addr, unsigned long len,
			       unsigned long prot, unsigned long flags, struct file *file,
			       unsigned long pgoff, unsigned long *addrp)
{
	return -ENODEV;
}

/* Is addr inside a region (SIGSEGV's SEGV_ACCERR) or in none (SEGV_MAPERR)? */
static inline bool mm_addr_in_region(struct mm_struct *mm, unsigned long addr)
{
	return mm_range_ok(mm, addr, 1);
}

#endif /* CONFIG_MMU */
#endif
