// SPDX-License-Identifier: MIT
/*
 * paging_init: swapper_pg_dir, the kernel's page table, built from
 * memblock's view of RAM, then switched to (asm/mmu.h).
 *
 *	linear map	every RAM range the window covers, read/write, never
 *			executable, in the largest leaves alignment allows
 *	kernel image	inside it, 4 KiB pages by section (vmlinux.lds.S):
 *			text read+execute, rodata and kallsyms read-only,
 *			data, bss and the boot stack read/write
 *	vmalloc area	the table below each of its root entries, empty,
 *			so the root's kernel half is final from here on
 *	fixmap		the static tables the boot page table has too
 *
 * No address in the linear map is both writable and executable: the
 * kernel's text has no second, writable alias.  Page tables come from
 * memblock (the page allocator does not run yet); the boot page table
 * maps them all, as it maps the whole window.
 */
#include <asm/csr.h>
#include <asm/fixmap.h>
#include <asm/mmu.h>
#include <asm/pgtable.h>
#include <asm/sections.h>
#include <asm/tlbflush.h>
#include <tern/boot.h>
#include <tern/kernel.h>
#include <tern/memblock.h>
#include <tern/page.h>
#include <tern/printf.h>
#include <tern/printk.h>
#include <tern/string.h>

#define ROOT_LEVEL	(PGTABLE_LEVELS - 1)

static unsigned long boot_tables;	/* allocated by paging_init */
unsigned int asid_bits;

/* On swapper_pg_dir, whose kernel mappings are global: any ASID sees them. */
static void probe_asid_bits(void)
{
	unsigned long got;

	csr_write(satp, swapper_satp | SATP_ASID_MASK << SATP_ASID_SHIFT);
	got = csr_read(satp);
	csr_write(satp, swapper_satp);
	local_flush_tlb_all();
	asid_bits = (unsigned int)__builtin_popcountl(got >> SATP_ASID_SHIFT & SATP_ASID_MASK);
}

static phys_addr_t boot_alloc_table(void *unused)
{
	phys_addr_t pa = memblock_alloc(PAGE_SIZE, PAGE_SIZE, "page tables");

	if (!pa)
		return 0;
	memset(__va(pa), 0, PAGE_SIZE);
	boot_tables++;
	return pa;
}

static void map_or_panic(unsigned long va, phys_addr_t pa, unsigned long size, pteval_t prot,
			 unsigned int max_level, const char *what)
{
	int err;

	if (!size)
		return;
	err = pgtable_map(&kernel_pgtable, va, pa, size, prot, max_level);
	if (err)
		panic("paging: cannot map %s at %#lx (%#lx bytes): error %d", what, va, size, err);
}

/* RAM in [start, end) (page-aligned), but the kernel image: read/write, largest leaves. */
static void map_linear(phys_addr_t start, phys_addr_t end)
{
	phys_addr_t image = __pa(_start), image_end = __pa(_end);

	if (start < image)
		map_or_panic((uintptr_t)__va(start), start, MIN(end, image) - start, PAGE_KERNEL,
			     ROOT_LEVEL, "RAM");
	if (end > image_end) {
		start = MAX(start, image_end);
		map_or_panic((uintptr_t)__va(start), start, end - start, PAGE_KERNEL, ROOT_LEVEL,
			     "RAM");
	}
}

static void map_linear_ram(void)
{
	unsigned int i;

	for (i = 0; i < memblock_memory.count; i++) {
		const struct memblock_region *m = &memblock_memory.regions[i];
		phys_addr_t start = MAX(ALIGN_UP(m->base, PAGE_SIZE), PFN_PHYS(LINEAR_PFN_START));
		phys_addr_t end = ALIGN_DOWN(m->base + m->size, PAGE_SIZE);

		end = MIN(end, PFN_PHYS(LINEAR_PFN_END));
		if (start < end)
			map_linear(start, end);
	}
}

static void map_image_part(const char *start, const char *end, pteval_t prot, const char *what)
{
	map_or_panic((uintptr_t)start, __pa(start), (uintptr_t)(end - start), prot, 0, what);
}

static void map_kernel_image(void)
{
	map_image_part(_start, __start_rodata, PAGE_KERNEL_EXEC, "the kernel's text");
	map_image_part(__start_rodata, __end_rodata, PAGE_KERNEL_RO, "the kernel's rodata");
	map_image_part(__end_rodata, __end_rw, PAGE_KERNEL, "the kernel's data");
	map_image_part(__end_rw, _end, PAGE_KERNEL_RO, "kallsyms");
}

/* The root's entries for the vmalloc area all point to tables from now on. */
static void prealloc_vmalloc_tables(void)
{
	unsigned long va;

	for (va = VMALLOC_START; va != VMALLOC_END; va += LEVEL_SIZE(ROOT_LEVEL))
		if (!pgtable_walk_alloc(&kernel_pgtable, va, ROOT_LEVEL - 1))
			panic("paging: no memory for the vmalloc area's page tables");
}

static bool in_linear_ram(phys_addr_t start, phys_addr_t end)
{
	unsigned int i;

	if (!pfn_is_linear(PFN_DOWN(start)) || !pfn_is_linear(PFN_DOWN(end - 1)))
		return false;
	for (i = 0; i < memblock_memory.count; i++) {
		const struct memblock_region *m = &memblock_memory.regions[i];

		if (start >= ALIGN_DOWN(m->base, PAGE_SIZE) && end <= m->base + m->size)
			return true;
	}
	return false;
}

/*
 * The device tree stays where the boot page table had it: the fixmap,
 * or the linear map when it lies in RAM there.  Otherwise (in the window
 * but outside RAM) it moves to the fixmap.
 */
static void keep_dtb_mapped(void)
{
	phys_addr_t pa = boot_dtb_address;
	const void *blob;

	if (is_fixmap_addr((uintptr_t)boot_fdt.blob) || in_linear_ram(pa, pa + boot_fdt.size))
		return;
	fixmap_set(FIX_DTB_FIRST, pa & PAGE_MASK, FIX_DTB_PAGES * PAGE_SIZE, PAGE_KERNEL_RO);
	blob = (const void *)(fix_to_virt(FIX_DTB_FIRST) + (uintptr_t)(pa & ~PAGE_MASK));
	if (fdt_init(&boot_fdt, blob, boot_fdt.size))
		panic("paging: the device tree changed when it moved to the fixmap");
}

static void print_modes(char *buf, size_t len)
{
	static const unsigned int bits[] = { [SATP_MODE_SV32] = 32, [SATP_MODE_SV39] = 39,
					     [SATP_MODE_SV48] = 48, [SATP_MODE_SV57] = 57 };
	size_t used = 0;
	unsigned int m;

	buf[0] = '\0';
	for (m = 0; m < ARRAY_SIZE(bits); m++)
		if (bits[m] && (satp_modes_accepted & (1UL << m)))
			used += (size_t)scnprintf(buf + used, len - used, " Sv%u", bits[m]);
}

/* How the linear map came out: leaves of each size over RAM. */
static void print_layout(void)
{
	unsigned long leaves[PGTABLE_LEVELS] = { 0 }, lo = 0, hi = 0;
	char modes[32], sizes[96];
	size_t used = 0;
	unsigned int i, l;

	for (i = 0; i < memblock_memory.count; i++) {
		const struct memblock_region *m = &memblock_memory.regions[i];
		phys_addr_t pa = MAX(ALIGN_UP(m->base, PAGE_SIZE), PFN_PHYS(LINEAR_PFN_START));
		phys_addr_t end = MIN(ALIGN_DOWN(m->base + m->size, PAGE_SIZE),
				      PFN_PHYS(LINEAR_PFN_END));

		while (pa < end && kernel_lookup((uintptr_t)__va(pa), &l)) {
			leaves[l]++;
			pa = ALIGN_DOWN(pa, LEVEL_SIZE(l)) + LEVEL_SIZE(l);
		}
		if (end > pa)
			continue;
		if (!lo)
			lo = (uintptr_t)__va(MAX(ALIGN_UP(m->base, PAGE_SIZE),
						 PFN_PHYS(LINEAR_PFN_START)));
		hi = (uintptr_t)__va(end - 1);
	}
	for (l = PGTABLE_LEVELS; l-- > 0;)
		if (leaves[l])
			used += (size_t)scnprintf(sizes + used, sizeof(sizes) - used, "%s%lu x %lu %ciB",
						  used ? ", " : "", leaves[l],
						  LEVEL_SIZE(l) >> (l >= 2 ? 30 : l ? 20 : 10),
						  l >= 2 ? 'G' : l ? 'M' : 'K');
	print_modes(modes, sizeof(modes));
	pr_info("paging: %s (the hart accepts%s; %u ASID bits), kernel at %p, vmalloc %#lx-%#lx\n",
		PAGING_MODE_NAME, modes, asid_bits, (void *)_start, (unsigned long)VMALLOC_START,
		(unsigned long)VMALLOC_END - 1);
	pr_info("paging: linear map %#lx-%#lx (%s), %lu page tables (%lu KiB)\n", lo, hi, sizes,
		boot_tables, boot_tables * (PAGE_SIZE >> 10));
}

void paging_init(void)
{
	phys_addr_t (*runtime_alloc)(void *) = kernel_pgtable.alloc_table;

	kernel_pgtable.alloc_table = boot_alloc_table;
	map_linear_ram();
	map_kernel_image();
	prealloc_vmalloc_tables();
	fixmap_link(swapper_pg_dir, PAGE_OFFSET - PHYS_RAM_BASE);
	keep_dtb_mapped();

	swapper_satp = (unsigned long)SATP_MODE_CONFIGURED << SATP_MODE_SHIFT |
		       __pa(swapper_pg_dir) >> PAGE_SHIFT;
	csr_write(satp, swapper_satp);
	local_flush_tlb_all();
	probe_asid_bits();
	kernel_pgtable.alloc_table = runtime_alloc;	/* the page allocator, from mm_init on */
	print_layout();
}
