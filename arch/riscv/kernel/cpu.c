// SPDX-License-Identifier: MIT
/*
 * Harts, as the device tree describes them: every /cpus child that
 * riscv_cpu_node_hartid accepts: a "cpu" node, available, with a hart id,
 * and with an "mmu-type".  The binding gives every hart that has S-mode an
 * mmu-type ("riscv,none" for S-mode without translation); a node without
 * one is a hart the kernel cannot run on, such as the E51 monitor core of
 * QEMU's sifive_u (OpenSBI usually marks it disabled too).  The boot hart is CPU 0; the others take
 * CPU numbers in device-tree order, up to NR_CPUS.  smp_init
 * (kernel/smp.c) starts them.
 *
 * The boot hart must have a usable node: the kernel reads its ISA (Sstc)
 * from it.  If its node is marked disabled, or there is none, the device
 * tree does not describe the machine we run on, and the boot stops with a
 * panic that says so; Linux refuses such a tree too (it BUGs when no
 * available CPU node names the boot hart).  Running on regardless would
 * trust properties of a hart the tree says is not there.
 */
#include <asm/cpu.h>
#include <asm/cpufeature.h>
#include <tern/arch.h>
#include <tern/boot.h>
#include <tern/errno.h>
#include <tern/fdt.h>
#include <tern/kernel.h>
#include <tern/printf.h>
#include <tern/printk.h>
#include <tern/smp.h>
#include <tern/string.h>

unsigned int nr_harts_present;
unsigned int nr_cpus_possible = 1;		/* CPUs with a hart id below */
static unsigned long cpu_hartids[NR_CPUS];	/* [0] is the boot hart, set on scan */
static int boot_cpu_node = -ENOENT;

unsigned long cpu_to_hartid(unsigned int cpu)
{
	return cpu < nr_cpus_possible ? cpu_hartids[cpu] : -1UL;
}

int riscv_boot_cpu_node(void)
{
	return boot_cpu_node;
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

static bool is_cpu_type(const struct fdt *fdt, int node)
{
	int len;
	const char *type = fdt_getprop(fdt, node, "device_type", &len);

	return type && len == 4 && !memcmp(type, "cpu", 4);
}

/* The hart id in a CPU node's reg, whatever its status; false if unreadable. */
static bool read_hartid(const struct fdt *fdt, int node, unsigned long *hartid)
{
	u64 id, unused;

	if (fdt_get_reg(fdt, node, 0, &id, &unused) || (unsigned long)id != id)
		return false;
	*hartid = (unsigned long)id;
	return true;
}

/* True if the node says the hart has S-mode: it names an mmu-type. */
static bool has_supervisor_mode(const struct fdt *fdt, int node)
{
	int len;

	return fdt_getprop(fdt, node, "mmu-type", &len) != NULL;
}

int riscv_cpu_node_hartid(const struct fdt *fdt, int node, unsigned long *hartid)
{
	if (!is_cpu_type(fdt, node) || !fdt_node_is_available(fdt, node) ||
	    !has_supervisor_mode(fdt, node) || !read_hartid(fdt, node, hartid))
		return -ENODEV;
	return 0;
}

/* Panics: no usable node describes the boot hart. */
static void __noreturn refuse_boot_hart(int cpus, bool disabled)
{
	if (cpus < 0)
		panic("CPUs: the device tree has no /cpus node");
	if (disabled)
		panic("CPUs: the device tree marks the boot hart %lu disabled (status is not "
		      "\"okay\"): refusing to run on a hart it says is not there", boot_hartid);
	panic("CPUs: no usable /cpus node describes the boot hart %lu", boot_hartid);
}

void arch_scan_harts(void)
{
	int cpus = fdt_path_offset(&boot_fdt, "/cpus");
	bool boot_disabled = false;
	char ids[96] = "";
	size_t used = 0;
	int node;

	cpu_hartids[0] = boot_hartid;
	for (node = cpus < 0 ? cpus : fdt_first_child(&boot_fdt, cpus); node >= 0;
	     node = fdt_next_sibling(&boot_fdt, node)) {
		unsigned long hartid;

		if (riscv_cpu_node_hartid(&boot_fdt, node, &hartid)) {
			boot_disabled |= is_cpu_type(&boot_fdt, node) &&
					 read_hartid(&boot_fdt, node, &hartid) &&
					 hartid == boot_hartid;
			continue;
		}
		if (hartid == boot_hartid)
			boot_cpu_node = node;
		nr_harts_present++;
		if (add_cpu(hartid))
			riscv_isa_add_hart(&boot_fdt, node);
		else
			pr_warn("CPUs: hart %lu left in the firmware: NR_CPUS is %d\n",
				hartid, NR_CPUS);
		if (used < sizeof(ids))
			used += (size_t)scnprintf(ids + used, sizeof(ids) - used, "%s%lu",
						  used ? " " : "", hartid);
	}
	if (boot_cpu_node < 0)
		refuse_boot_hart(cpus, boot_disabled);
	pr_info("CPUs: %u hart%s in the device tree (ids %s), boot hart %lu\n",
		nr_harts_present, nr_harts_present == 1 ? "" : "s", ids, boot_hartid);
	riscv_isa_report();
}
