// SPDX-License-Identifier: MIT
/*
 * Boot-time memory map, read from the device tree.  Regions are kept
 * sorted by base and merged, so the arrays stay small whatever the DTB
 * says.  When a DTB describes more disjoint ranges than
 * CONFIG_MEMBLOCK_MAX_REGIONS, a memory range that does not fit is
 * logged and left out (less memory, nothing worse); a reservation that
 * does not fit stops the boot (memblock_reserve_or_panic): without it the
 * page allocator would hand out memory the kernel, the firmware or the
 * DTB is using.
 */
#include <tern/boot.h>
#include <tern/errno.h>
#include <tern/kernel.h>
#include <tern/memblock.h>
#include <tern/printk.h>
#include <tern/string.h>

struct memblock_type memblock_memory, memblock_reserved;

static phys_addr_t region_end(const struct memblock_region *r)
{
	return r->base + r->size;
}

static void remove_region(struct memblock_type *type, unsigned int i)
{
	memmove(&type->regions[i], &type->regions[i + 1],
		(type->count - i - 1) * sizeof(type->regions[0]));
	type->count--;
}

/*
 * Inserts [base, base + size) in order and merges it with the ranges it
 * touches or overlaps (the merged range keeps the lowest one's name).  A
 * range that merges needs no new slot, so it fits even in a full table.
 */
static int add_range(struct memblock_type *type, phys_addr_t base, phys_addr_t size,
		     const char *name)
{
	struct memblock_region *r;
	unsigned int i;

	if (!size || base + size < base)
		return -EINVAL;
	for (i = 0; i < type->count && type->regions[i].base < base; i++)
		;
	r = &type->regions[i];
	if (i > 0 && region_end(r - 1) >= base) {
		r--;
		i--;
		r->size = MAX(region_end(r), base + size) - r->base;
	} else if (i < type->count && base + size >= r->base) {
		r->size = MAX(region_end(r), base + size) - base;
		r->base = base;
		r->name = name;
	} else {
		if (type->count == CONFIG_MEMBLOCK_MAX_REGIONS)
			return -ENOSPC;
		memmove(r + 1, r, (type->count - i) * sizeof(*r));
		*r = (struct memblock_region){ base, size, name };
		type->count++;
	}
	while (i + 1 < type->count && region_end(r) >= r[1].base) {
		if (region_end(r + 1) > region_end(r))
			r->size = region_end(r + 1) - r->base;
		remove_region(type, i + 1);
	}
	return 0;
}

int memblock_add(phys_addr_t base, phys_addr_t size)
{
	return add_range(&memblock_memory, base, size, NULL);
}

int memblock_reserve(phys_addr_t base, phys_addr_t size, const char *why)
{
	return add_range(&memblock_reserved, base, size, why);
}

void memblock_reserve_or_panic(phys_addr_t base, phys_addr_t size, const char *why)
{
	int err = size ? memblock_reserve(base, size, why) : 0;

	if (err == -ENOSPC)
		panic("memblock: no room to reserve %#llx+%#llx (%s): the table holds %d "
		      "reserved ranges (MEMBLOCK_MAX_REGIONS), and going on without it "
		      "would hand out memory in use", (unsigned long long)base,
		      (unsigned long long)size, why, CONFIG_MEMBLOCK_MAX_REGIONS);
	if (err)
		panic("memblock: the reserved range %#llx+%#llx (%s) wraps around the "
		      "address space", (unsigned long long)base, (unsigned long long)size, why);
}

static void add_reg_ranges(const struct fdt *fdt, int node, const char *why)
{
	u64 base, size;
	int i, err;

	for (i = 0; !fdt_get_reg(fdt, node, i, &base, &size); i++) {
		if (why) {
			memblock_reserve_or_panic(base, size, why);
			continue;
		}
		err = size ? memblock_add(base, size) : 0;
		if (err)
			pr_warn("memblock: memory %#llx+%#llx left out: %s\n",
				(unsigned long long)base, (unsigned long long)size,
				err == -ENOSPC ? "too many ranges (MEMBLOCK_MAX_REGIONS)" :
				"it wraps around the address space");
	}
}

static void scan_memory_nodes(const struct fdt *fdt)
{
	int node, depth = 0;

	for (node = fdt_next_node(fdt, -1, &depth); node >= 0;
	     node = fdt_next_node(fdt, node, &depth)) {
		int len;
		const char *type = fdt_getprop(fdt, node, "device_type", &len);

		if (depth == 1 && type && len == 7 && !memcmp(type, "memory", 7) &&
		    fdt_node_is_available(fdt, node))
			add_reg_ranges(fdt, node, NULL);
	}
}

static void scan_reservations(const struct fdt *fdt)
{
	int parent = fdt_path_offset(fdt, "/reserved-memory");
	int node, chosen, i;
	u64 base, size;

	for (i = 0; !fdt_get_mem_rsv(fdt, i, &base, &size); i++)
		memblock_reserve_or_panic(base, size, "memreserve");
	if (parent >= 0)
		for (node = fdt_first_child(fdt, parent); node >= 0;
		     node = fdt_next_sibling(fdt, node))
			add_reg_ranges(fdt, node, "firmware");

	chosen = fdt_path_offset(fdt, "/chosen");
	if (chosen >= 0) {
		int ls, le;
		const void *s = fdt_getprop(fdt, chosen, "linux,initrd-start", &ls);
		const void *e = fdt_getprop(fdt, chosen, "linux,initrd-end", &le);

		if (s && e && (ls == 4 || ls == 8) && (le == 4 || le == 8)) {
			u64 start = ls == 8 ? ((u64)fdt_read_u32(s) << 32) | fdt_read_u32((const u8 *)s + 4)
					    : fdt_read_u32(s);
			u64 end = le == 8 ? ((u64)fdt_read_u32(e) << 32) | fdt_read_u32((const u8 *)e + 4)
					  : fdt_read_u32(e);
			if (end > start)
				memblock_reserve_or_panic(start, end - start, "initrd");
		}
	}
}

int memblock_init(const struct fdt *fdt)
{
	scan_memory_nodes(fdt);
	if (!memblock_memory.count)
		return -ENODEV;
	scan_reservations(fdt);
	return 0;
}

phys_addr_t memblock_total_memory(void)
{
	phys_addr_t total = 0;
	unsigned int i;

	for (i = 0; i < memblock_memory.count; i++)
		total += memblock_memory.regions[i].size;
	return total;
}

phys_addr_t memblock_free_memory(void)
{
	phys_addr_t free = memblock_total_memory();
	unsigned int i, j;

	/* Subtract the part of each reservation that lies inside memory. */
	for (i = 0; i < memblock_reserved.count; i++) {
		const struct memblock_region *r = &memblock_reserved.regions[i];

		for (j = 0; j < memblock_memory.count; j++) {
			const struct memblock_region *m = &memblock_memory.regions[j];
			phys_addr_t lo = MAX(r->base, m->base);
			phys_addr_t hi = MIN(region_end(r), region_end(m));

			if (hi > lo)
				free -= hi - lo;
		}
	}
	return free;
}

bool memblock_is_reserved(phys_addr_t addr)
{
	unsigned int i;

	for (i = 0; i < memblock_reserved.count; i++)
		if (addr >= memblock_reserved.regions[i].base &&
		    addr < region_end(&memblock_reserved.regions[i]))
			return true;
	return false;
}

void memblock_print(void)
{
	unsigned int i;

	for (i = 0; i < memblock_memory.count; i++)
		pr_info("Memory: %#llx-%#llx (%llu MiB)\n",
			(unsigned long long)memblock_memory.regions[i].base,
			(unsigned long long)region_end(&memblock_memory.regions[i]) - 1,
			(unsigned long long)memblock_memory.regions[i].size >> 20);
	for (i = 0; i < memblock_reserved.count; i++)
		pr_info("Reserved: %#llx-%#llx %s\n",
			(unsigned long long)memblock_reserved.regions[i].base,
			(unsigned long long)region_end(&memblock_reserved.regions[i]) - 1,
			memblock_reserved.regions[i].name);
	pr_info("Memory: %llu KiB total, %llu KiB available\n",
		(unsigned long long)memblock_total_memory() >> 10,
		(unsigned long long)memblock_free_memory() >> 10);
}

int memblock_for_each_free(void (*fn)(phys_addr_t start, phys_addr_t end, void *arg), void *arg)
{
	unsigned int m, r;
	int count = 0;

	/* Both arrays are sorted and merged: walk each memory region's gaps. */
	for (m = 0; m < memblock_memory.count; m++) {
		phys_addr_t start = memblock_memory.regions[m].base;
		phys_addr_t end = region_end(&memblock_memory.regions[m]);

		for (r = 0; r < memblock_reserved.count && start < end; r++) {
			const struct memblock_region *res = &memblock_reserved.regions[r];

			if (region_end(res) <= start || res->base >= end)
				continue;
			if (res->base > start) {
				fn(start, res->base, arg);
				count++;
			}
			start = region_end(res);
		}
		if (start < end) {
			fn(start, end, arg);
			count++;
		}
	}
	return count;
}

struct fit {
	phys_addr_t size, align, found;
};

static void highest_fit(phys_addr_t start, phys_addr_t end, void *arg)
{
	struct fit *fit = arg;
	phys_addr_t base;

	if (end - start < fit->size)
		return;
	base = ALIGN_DOWN(end - fit->size, fit->align);
	if (base >= start && base > fit->found)
		fit->found = base;
}

phys_addr_t memblock_alloc(phys_addr_t size, phys_addr_t align, const char *why)
{
	struct fit fit = { size, align ? align : 1, 0 };

	if (!size || (fit.align & (fit.align - 1)))
		return 0;
	memblock_for_each_free(highest_fit, &fit);
	if (fit.found && memblock_reserve(fit.found, size, why))
		return 0;
	return fit.found;
}
