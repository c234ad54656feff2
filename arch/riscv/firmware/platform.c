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
static uintptr_t fw_find_device(const struct fdt *fdt, const char *const compats[])
{
	u64 addr, size;

	for (int i = 0; compats[i]; i++) {
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

/* A device the firmware cannot run without. */
struct fw_device {
	const char *what;		/* for messages */
	const char *why;		/* what goes wrong without it */
	const char *const *compats;	/* NULL-terminated */
	bool (*probe)(uintptr_t base);	/* is it there?  Reads only. */
};

/*
 * The device's base from the DTB, checked with its probe; 0, with the
 * reason printed, if there is none or it does not respond.
 */
static uintptr_t fw_need_device(const struct fdt *fdt, const struct fw_device *dev)
{
	uintptr_t base = fw_find_device(fdt, dev->compats);

	if (!base) {
		fw_printf("tern-fw: no enabled %s in the DTB: %s\n", dev->what, dev->why);
		return 0;
	}
	if (!dev->probe(base)) {
		fw_printf("tern-fw: the DTB's %s at %#lx does not respond: %s\n",
			  dev->what, (unsigned long)base, dev->why);
		return 0;
	}
	return base;
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

		if (!type || strcmp(type, "cpu") || id < 0 || id >= FW_MAX_HARTS)
			continue;
		/*
		 * A disabled node still describes its hart's ISA, and the
		 * kernel reads the boot hart's node whatever its status: the
		 * two must agree on who writes stimecmp.
		 */
		fw_harts[id].sstc = fw_cpu_has_sstc(fdt, cpu);
		if (fdt_node_is_available(fdt, cpu))
			fw_plat.hart_mask |= 1U << id;
	}
}

/* RAM from the /memory nodes; empty ranges are left out, a range that wraps is cut. */
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
			if (!size)
				continue;
			fw_plat.mem[fw_plat.nr_mem].base = base;
			fw_plat.mem[fw_plat.nr_mem].size = MIN(size, ~(u64)0 - base);
			fw_plat.nr_mem++;
		}
	}
}

/* Opens the DTB QEMU passed, or says why it cannot and returns -errno. */
static int fw_fdt_open(struct fdt *fdt, const void *dtb)
{
	unsigned long magic, size;

	if (!dtb || (uintptr_t)dtb % 4) {
		fw_printf("tern-fw: the DTB address %p (a1) is %s\n", dtb,
			  dtb ? "not 4-byte aligned" : "null");
		return -EINVAL;
	}
	magic = fdt_read_u32(dtb);
	size = fdt_totalsize(dtb);
	if (magic != FDT_MAGIC) {
		fw_printf("tern-fw: no DTB at %p: magic %#lx, not %#x\n", dtb, magic, FDT_MAGIC);
		return -EINVAL;
	}
	if (size > FW_FDT_MAX_SIZE) {
		fw_printf("tern-fw: the DTB at %p claims %lu bytes, more than the %u the firmware reads\n",
			  dtb, size, FW_FDT_MAX_SIZE);
		return -E2BIG;
	}
	if (fdt_init(fdt, dtb, size)) {
		fw_printf("tern-fw: the DTB at %p (%lu bytes) is truncated or malformed: "
			  "its header, structure block or reservation map is broken\n", dtb, size);
		return -EINVAL;
	}
	return 0;
}

/*
 * Fills fw_plat and fw_harts[].sstc.  Returns 0, or -errno after printing
 * why the firmware cannot run: through the DTB's UART when it has a
 * working one, else through the board's.
 */
int fw_platform_init(const void *dtb)
{
	static const char *const uart_compat[] = { "ns16550a", NULL };
	static const char *const test_compat[] = { "sifive,test1", "sifive,test0", NULL };
	static const char *const clint_compat[] = { "riscv,clint0", "sifive,clint0", NULL };
	/* The test device and the CLINT: their first word reads without effect. */
	static const struct fw_device uart_dev = {
		"ns16550a UART", "no console", uart_compat, fw_console_probe,
	};
	static const struct fw_device test_dev = {
		"sifive,test0/1 test device", "no power-off or exit status", test_compat,
		fw_probe_lw,
	};
	static const struct fw_device clint_dev = {
		"riscv,clint0", "no timer, no IPIs", clint_compat, fw_probe_lw,
	};
	uintptr_t uart, finisher;
	struct fdt fdt;
	int err;

	fw_plat.uart = FW_BOARD_UART;
	fw_plat.finisher = FW_BOARD_TEST_DEVICE;
	fw_console_init();

	err = fw_fdt_open(&fdt, dtb);
	if (err)
		return err;
	uart = fw_need_device(&fdt, &uart_dev);
	if (!uart)
		return -ENODEV;
	fw_plat.uart = uart;
	fw_console_init();
	finisher = fw_need_device(&fdt, &test_dev);
	if (!finisher)
		return -ENODEV;
	fw_plat.finisher = finisher;
	fw_plat.clint = fw_need_device(&fdt, &clint_dev);
	if (!fw_plat.clint)
		return -ENODEV;
	fw_scan_harts(&fdt);
	fw_scan_memory(&fdt);
	if (!fw_plat.nr_mem) {
		fw_printf("tern-fw: no memory in the DTB (no enabled memory node with a non-empty reg)\n");
		return -ENODEV;
	}
	return 0;
}
