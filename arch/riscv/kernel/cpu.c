// SPDX-License-Identifier: MIT
/*
 * Harts, as the device tree describes them: every /cpus child with
 * device_type "cpu" that is not disabled.  The boot hart is CPU 0; the
 * others take CPU numbers in device-tree order, up to NR_CPUS.  smp_init
 * (smp.c) starts them.
 */
#include <tern/arch.h>
#include <tern/boot.h>
#include <tern/fdt.h>
#include <tern/printf.h>
#include <tern/printk.h>
#include <tern/smp.h>
#include <tern/string.h>

unsigned int nr_harts_present;
unsigned int nr_cpus_possible = 1;		/* CPUs with a hart id below */
static unsigned long cpu_hartids[NR_CPUS];	/* [0] is the boot hart, set on scan */

unsigned long cpu_to_hartid(unsigned int cpu)
{
	return cpu < nr_cpus_possible ? cpu_hartids[cpu] : -1UL;
}

/* Gives hartid a CPU number; false if NR_CPUS are taken. */
static bool add_cpu(unsigned long hartid)
{
	if (hartid == boot_hartid)
		return true;
	if (nr_cpus_possible == NR_CPUS)
		return false;
	cpu_hartids[nr_cpus_possible++] = hartid;
	return true;
}

static bool is_cpu_node(const struct fdt *fdt, int node)
{
	int len;
	const char *type = fdt_getprop(fdt, node, "device_type", &len);

	return type && len == 4 && !memcmp(type, "cpu", 4) && fdt_node_is_available(fdt, node);
}

int arch_scan_harts(void)
{
	int cpus = fdt_path_offset(&boot_fdt, "/cpus");
	char ids[96] = "";
	size_t used = 0;
	int node;

	cpu_hartids[0] = boot_hartid;
	if (cpus < 0)
		return cpus;
	for (node = fdt_first_child(&boot_fdt, cpus); node >= 0;
	     node = fdt_next_sibling(&boot_fdt, node)) {
		u64 hartid, unused;

		if (!is_cpu_node(&boot_fdt, node) ||
		    fdt_get_reg(&boot_fdt, node, 0, &hartid, &unused))
			continue;
		nr_harts_present++;
		if (!add_cpu((unsigned long)hartid))
			pr_warn("CPUs: hart %llu left in the firmware: NR_CPUS is %d\n",
				(unsigned long long)hartid, NR_CPUS);
		if (used < sizeof(ids))
			used += (size_t)scnprintf(ids + used, sizeof(ids) - used, "%s%llu",
						  used ? " " : "", (unsigned long long)hartid);
	}
	pr_info("CPUs: %u hart%s in the device tree (ids %s), boot hart %lu\n",
		nr_harts_present, nr_harts_present == 1 ? "" : "s", ids, boot_hartid);
	return nr_harts_present ? 0 : -1;
}
