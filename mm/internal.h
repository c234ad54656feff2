/* SPDX-License-Identifier: MIT */
/*
 * Between the two halves of user address spaces: the regions
 * (mm/mmap.c) and the page tables behind them (mm/memory.c).  Every
 * function here runs under mm->lock, or on an mm no one else can reach.
 */
#ifndef MM_INTERNAL_H
#define MM_INTERNAL_H

#include <tern/mm.h>

#define PAGE_ALIGN(x)	ALIGN_UP(x, PAGE_SIZE)

/* ---- mm/memory.c: page tables ---- */

/* The PTE protection (V excluded) of a fresh page of a region with vm_flags. */
pteval_t vm_pgprot(unsigned long vm_flags);

/*
 * Unmaps every page of [start, end), flushes the TLBs that may hold
 * them, then drops the pages' references and frees the tables left empty.
 */
void zap_page_range(struct mm_struct *mm, unsigned long start, unsigned long end);

/*
 * Gives the pages mapped in [start, end) the protection of a region with
 * vm_flags (private pages stay read-only until a write fault says no one
 * else maps them), then flushes the TLBs.
 */
void change_protection(struct mm_struct *mm, unsigned long start, unsigned long end,
		       unsigned long vm_flags);

/*
 * Maps a zeroed page at every address of [start, end) with vm_flags'
 * protection (shared regions are filled when mapped).  -ENOMEM part way:
 * the caller zaps the range.
 */
int populate_range(struct mm_struct *mm, unsigned long start, unsigned long end,
		   unsigned long vm_flags);

/*
 * fork: maps in dst every page src maps in vma's range, one more
 * reference each; in a private region both PTEs become read-only.  The
 * caller flushes src's TLBs.  -ENOMEM part way: the caller frees dst.
 */
int copy_page_range(struct mm_struct *dst, struct mm_struct *src,
		    const struct vm_area_struct *vma);

/* ---- mm/filemap.c: file pages ---- */

/*
 * A new page holding file's bytes from pos (page-aligned), zeros after
 * its end, read through the file's read method; no lock held.  0 and
 * the page (kernel address) in *pagep; -EIO if pos is at or beyond the
 * end of the file (SIGBUS for the toucher); -EDEADLK if the caller holds
 * the file's i_mutex (a read into a mapping of the same file);
 * -ENOMEM; the read's error.
 */
int filemap_read_page(struct file *file, loff_t pos, void **pagep);

/* ---- mm/mmap.c: regions ---- */

/*
 * A fault at addr below the stack region vma: extends it down to addr's
 * page, within STACK_LIMIT and off the guard gap.  0 or -EFAULT.
 */
int expand_stack(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr);

/* mmput's last drop: frees every region (the page tables are gone). */
void free_all_vmas(struct mm_struct *mm);

#endif
