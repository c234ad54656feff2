// SPDX-License-Identifier: MIT
/*
 * /proc/cpuinfo's facts about a CPU, from its device-tree node as Linux's
 * arch/riscv/kernel/cpu.c reads them: the hart id, "riscv,isa", the
 * "mmu-type" without its "riscv," prefix, and the first "compatible"
 * string other than the generic "riscv" as the micro-architecture.
 */
#include <asm/cpu.h>
#include <tern/boot.h>
#include <tern/fdt.h>
#include <tern/proc_fs.h>
#include <tern/smp.h>
#include <tern/string.h>

static int cpu_node(unsigned long hartid)
{
	int cpus = fdt_path_offset(&boot_fdt, "/cpus"), node;
	unsigned long id;

	for (node = cpus < 0 ? cpus : fdt_first_child(&boot_fdt, cpus); node >= 0;
	     node = fdt_next_sibling(&boot_fdt, node))
		if (!riscv_cpu_node_hartid(&boot_fdt, node, &id) && id == hartid)
			return node;
	return -1;
}

/* A string property, NUL-terminated within its length, or NULL. */
static const char *string_prop(int node, const char *name, int *lenp)
{
	int len;
	const char *s = fdt_getprop(&boot_fdt, node, name, &len);

	if (lenp)
		*lenp = len;
	return s && len > 0 && s[len - 1] == '\0' ? s : NULL;
}

static const char *uarch_of(int node)
{
	int len, off = 0;
	const char *list = string_prop(node, "compatible", &len);

	while (list && off < len) {
		const char *c = list + off;

		if (strcmp(c, "riscv"))
			return c;
		off += (int)strlen(c) + 1;
	}
	return NULL;
}

bool arch_cpuinfo_hart(unsigned int cpu, struct cpuinfo_hart *h)
{
	const char *mmu;
	int node;

	if (cpu >= NR_CPUS || !cpu_online(cpu) || !boot_fdt_valid())
		return false;
	h->processor = cpu;
	h->hartid = cpu_to_hartid(cpu);
	node = cpu_node(h->hartid);
	h->isa = node >= 0 ? string_prop(node, "riscv,isa", NULL) : NULL;
	if (!h->isa)
		h->isa = __riscv_xlen == 64 ? "rv64" : "rv32";
	mmu = node >= 0 ? string_prop(node, "mmu-type", NULL) : NULL;
	h->mmu = mmu && !strncmp(mmu, "riscv,", 6) ? mmu + 6 : mmu;
	h->uarch = node >= 0 ? uarch_of(node) : NULL;
	return true;
}
