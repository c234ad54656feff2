// SPDX-License-Identifier: MIT
/*
 * The object allocator interface's functions that are the same for every
 * allocator, over what each provides (kmem_common.h).  kzalloc is inline
 * in <tern/slab.h>.
 */
#include <tern/compiler.h>
#include <tern/slab.h>
#include <tern/string.h>

#include "kmem_common.h"

void *krealloc(const void *p, size_t size, gfp_t gfp)
{
	unsigned long caller = (unsigned long)__builtin_return_address(0);
	ssize_t keep;
	void *new;

	if (!p)
		return kmalloc(size, gfp);
	if (!size) {
		kmem_free_caller(p, caller);
		return NULL;
	}
	keep = kmem_realloc_in_place(p, size, caller);
	if (keep <= 0)
		return keep ? NULL : (void *)p;
	new = kmalloc(size, gfp);
	if (!new)
		return NULL;
	memcpy(new, p, MIN((size_t)keep, size));
	kmem_free_caller(p, caller);
	return new;
}
