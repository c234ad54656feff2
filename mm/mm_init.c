// SPDX-License-Identifier: MIT
#include <tern/bench.h>
#include <tern/mm.h>
#include <tern/page.h>
#include <tern/pgalloc.h>
#include <tern/printk.h>
#include <tern/slab.h>
#include <tern/vmalloc.h>

u64 mm_init_pgalloc_instructions, mm_init_kmem_instructions;

void mm_init(void)
{
	u64 start = read_instret();

	page_map_init();
	pgalloc_init();
	mm_init_pgalloc_instructions = read_instret() - start;
	start = read_instret();
	kmem_init();
	mm_init_kmem_instructions = read_instret() - start;
	vmalloc_init();
	pr_info("mm: struct page is %u bytes per %lu KiB page: mem_map takes %lu KiB for %lu MiB\n",
		(unsigned int)sizeof(struct page), PAGE_SIZE >> 10,
		(mem_map_end_pfn - mem_map_start_pfn) * sizeof(struct page) >> 10,
		(mem_map_end_pfn - mem_map_start_pfn) >> (20 - PAGE_SHIFT));
	pr_info("mm: page allocator %s, object allocator %s\n", pgalloc_name, kmem_name);
}
