/* SPDX-License-Identifier: MIT */
/*
 * Shared by the heap-style object allocators (mm/kmem_simple.c and
 * mm/kmem_bump.c), whose named caches are plain kmalloc blocks
 * (mm/kmem_heap_caches.c).  Each allocator provides the two below, and
 * kmem_free_caller (kmem_common.h).
 */
#ifndef MM_KMEM_HEAP_H
#define MM_KMEM_HEAP_H

#include <tern/slab.h>

#include "kmem_common.h"

/* The largest kmalloc the allocator can satisfy. */
extern const size_t kmem_heap_max_size;

/* Reports each named cache to fn; returns how many there are. */
int kmem_heap_caches_for_each(void (*fn)(const struct kmem_cache_info *info, void *arg),
			      void *arg);

#endif
