/* SPDX-License-Identifier: MIT */
/*
 * What every object allocator (mm/kmem_slab.c, mm/kmem_simple.c,
 * mm/kmem_bump.c) provides to mm/kmem_common.c, which holds the part of
 * <tern/slab.h> that does not depend on the allocator: krealloc.
 */
#ifndef MM_KMEM_COMMON_H
#define MM_KMEM_COMMON_H

#include <tern/slab.h>
#include <tern/types.h>

/* kfree, blaming 'caller' for a bad pointer. */
void kmem_free_caller(const void *p, unsigned long caller);

/*
 * krealloc's part that knows the allocator: can p (not NULL) hold size
 * bytes (not 0) where it is?  0 if so: p now holds size bytes, and a
 * shrink gave back what it could.  Otherwise the bytes of p worth copying
 * into a new block (size too large for any block included: kmalloc then
 * fails), or -1 for a p that is not a live kmalloc block, reported as
 * krealloc's bug of 'caller'.  Without a lock held on return.
 */
ssize_t kmem_realloc_in_place(const void *p, size_t size, unsigned long caller);

#endif
