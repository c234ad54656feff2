// SPDX-License-Identifier: MIT
#include <tern/bench.h>
#include <tern/mm.h>
#include <tern/pgalloc.h>
#include <tern/printk.h>
#include <tern/slab.h>

u64 mm_init_pgalloc_instructions, mm_init_kmem_instructions;

void mm_init(void)
{
	u64 start = read_instret();

	pgalloc_init();
	mm_init_pgalloc_instructions = read_instret() - start;
	start = read_instret();
	kmem_init();
	mm_init_kmem_instructions = read_instret() - start;
	pr_info("mm: page allocator %s, object allocator %s\n", pgalloc_name, kmem_name);
}
