// SPDX-License-Identifier: MIT
/*
 * The machine, as the DTB describes it: devices by compatible string, harts
 * and their ISA, RAM.  Runs once, on the boot hart, before the other harts
 * are released; fw_plat and fw_harts[].sstc are read-only afterwards.
 */
#include <tern/errno.h>
#include <tern/fdt.h>
#include <tern/string.h>
#include "fw.h"

/* QEMU's DTBs are 1 MiB (unpacked); refuse anything absurd. */
#define FW_FDT_MAX_SIZE	(4U << 20)

struct fw_platform fw_plat;

/* A string property, or NULL if absent or not NUL-terminated. */
static const char *fw_prop_string(const struct fdt *fdt, int node, const char *name)
{
	int len;
	const char *s = fdt_getprop(fdt, node, name, &len);

	return s && len > 0 && s[len - 1] == '\0' ? s : NULL;
}

/* Base of the first enabled node compatible with any of compats[], or 0. */
static uintptr_t fw_find_device(const struct fdt *fdt, const char *const compats[], int n)
{
	u64 addr, size;

	for (int i = 0; i < n; i++) {
		int node = -1;

		while ((node = fdt_node_offset_by_compatible(fdt, node, compats[i])) >= 0) {
			if (!fdt_node_is_available(fdt, node) ||
			    fdt_get_reg(fdt, node, 0, &addr, &size) || addr > UINTPTR_MAX)
				continue;
			return (uintptr_t)addr;
		}
	}
	return 0;
}

/* "_sstc" as a whole extension in riscv,isa, or "sstc" in riscv,isa-extensions. */
static bool fw_cpu_has_sstc(const struct fdt *fdt, int cpu)
{
	const char *isa = fw_prop_string(fdt, cpu, "riscv,isa");
	const char *ext;
	int len;

	for (const char *p = isa; p && (p = strstr(p, "_sstc")); p += 5)
		if (p[5] == '\0' || p[5] == '_')
			return true;

	ext = fdt_getprop(fdt, cpu, "riscv,isa-extensions", &len);
	if (!ext || len <= 0 || ext[len - 1] != '\0')
		return false;
	for (const char *p = ext; p < ext + len; p += strlen(p) + 1)
		if (!strcmp(p, "sstc"))
			return true;
	return false;
}

/* A cpu node's hartid (its "reg", one or two cells), or -1. */
static long fw_cpu_hartid(const struct fdt *fdt, int cpu)
{
	int len;
	const u8 *reg = fdt_getprop(fdt, cpu, "reg", &len);

	if (reg && len == 4)
		return fw_be32(reg);
	if (reg && len == 8 && fw_be32(reg) == 0)
		return fw_be32(reg + 4);
	return -1;
}

static void fw_scan_harts(const struct fdt *fdt)
{
	int cpus = fdt_path_offset(fdt, "/cpus");

	if (cpus < 0)
		return;
	fdt_getprop_u32(fdt, cpus, "timebase-frequency", &fw_plat.timebase);
	for (int cpu = fdt_first_child(fdt, cpus); cpu >= 0;
	     cpu = fdt_next_sibling(fdt, cpu)) {
		const char *type = fw_prop_string(fdt, cpu, "device_type");
		long id = fw_cpu_hartid(fdt, cpu);

		if (!type || strcmp(type, "cpu") || !fdt_node_is_available(fdt, cpu) ||
		    id < 0 || id >= FW_MAX_HARTS)
			continue;
		fw_plat.hart_mask |= 1U << id;
		fw_harts[id].sstc = fw_cpu_has_sstc(fdt, cpu);
	}
}

static void fw_scan_memory(const struct fdt *fdt)
{
	for (int node = fdt_first_child(fdt, 0); node >= 0;
	     node = fdt_next_sibling(fdt, node)) {
		const char *type = fw_prop_string(fdt, node, "device_type");
		u64 base, size;

		if (!type || strcmp(type, "memory") || !fdt_node_is_available(fdt, node))
			continue;
		for (int i = 0; fw_plat.nr_mem < ARRAY_SIZE(fw_plat.mem) &&
				!fdt_get_reg(fdt, node, i, &base, &size); i++) {
			fw_plat.mem[fw_plat.nr_mem].base = base;
			fw_plat.mem[fw_plat.nr_mem].size = size;
			fw_plat.nr_mem++;
		}
	}
}

/* Fills fw_plat and fw_harts[].sstc.  Returns 0, or -errno if we cannot run. */
int fw_platform_init(const void *dtb)
{
	static const char *const uart[] = { "ns16550a" };
	static const char *const clint[] = { "riscv,clint0", "sifive,clint0" };
	static const char *const test[] = { "sifive,test1", "sifive,test0" };
	struct fdt fdt;

	/* No UART known yet: nobody to tell what went wrong. */
	if (!dtb || (uintptr_t)dtb % 4 ||
	    fdt_init(&fdt, dtb, MIN(fdt_totalsize(dtb), FW_FDT_MAX_SIZE)))
		return -EINVAL;

	fw_plat.uart = fw_find_device(&fdt, uart, ARRAY_SIZE(uart));
	fw_console_init();
	fw_plat.clint = fw_find_device(&fdt, clint, ARRAY_SIZE(clint));
	fw_plat.finisher = fw_find_device(&fdt, test, ARRAY_SIZE(test));
	fw_scan_harts(&fdt);
	fw_scan_memory(&fdt);

	if (!fw_plat.clint) {
		fw_printf("tern-fw: no riscv,clint0 in the DTB: no timer, no IPIs\n");
		return -ENODEV;
	}
	if (!fw_plat.nr_mem) {
		fw_printf("tern-fw: no memory node in the DTB\n");
		return -ENODEV;
	}
	return 0;
}
