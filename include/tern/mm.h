/* SPDX-License-Identifier: MIT */
/* Bringing up memory management at boot (mm/mm_init.c). */
#ifndef TERN_MM_H
#define TERN_MM_H

#include <tern/types.h>

/*
 * Builds the page map and starts the page allocator from the boot memory
 * map, then the object allocator, timing each in retired instructions for
 * 'make bench'.
 */
void mm_init(void);

/* Instructions page_map_init + pgalloc_init, and kmem_init, took at boot. */
extern u64 mm_init_pgalloc_instructions, mm_init_kmem_instructions;

#endif
