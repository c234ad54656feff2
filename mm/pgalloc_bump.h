/* SPDX-License-Identifier: MIT */
/*
 * Test hooks of the bump page allocator (mm/pgalloc_bump.c), for the
 * pgalloc ktest suite and benchmarks: they exhaust memory or allocate in
 * a loop, and the bump allocator never gets any of it back by itself.
 * Not for anything else.
 */
#ifndef MM_PGALLOC_BUMP_H
#define MM_PGALLOC_BUMP_H

/* Where the next allocation starts. */
struct pgalloc_bump_mark {
	unsigned int range;
	unsigned long next;	/* pfn */
};

struct pgalloc_bump_mark pgalloc_bump_mark(void);

/*
 * Moves the cursor back to a mark taken earlier, making every page
 * allocated since then free again.  The caller must have finished with all
 * of them, and no other hart may be allocating: a cursor moved back can
 * pass for one an allocation in flight read before (and benchmarks run
 * alone anyway).
 */
void pgalloc_bump_rewind(struct pgalloc_bump_mark mark);

#endif
