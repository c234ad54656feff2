// SPDX-License-Identifier: MIT
/*
 * The RISC-V Platform-Level Interrupt Controller ("sifive,plic-1.0.0",
 * "riscv,plic0"; RISC-V PLIC specification 1.0.0).  Interrupt sources
 * 1..riscv,ndev each have a priority; each hart mode that can take
 * external interrupts is a "context", with an enable bit per source, a
 * priority threshold and a claim/complete register.  A source interrupts
 * a context when it is pending, enabled there and its priority is above
 * the threshold.  Claiming returns the best such source and clears its
 * pending bit; the gateway forwards nothing more from it until the claim
 * is completed.
 *
 * Register map (byte offsets from the base):
 *
 *	0x000000 + 4 * source		priority (0: never interrupts)
 *	0x001000 + 4 * (source / 32)	pending bits
 *	0x002000 + 0x80 * context	enable bits, 32 sources per word
 *	0x200000 + 0x1000 * context	priority threshold
 *	0x200004 + 0x1000 * context	claim (read) / complete (write)
 *
 * Contexts are numbered in the order of the node's interrupts-extended
 * entries: the entry that points at a hart's interrupt controller
 * ("riscv,cpu-intc", a child of its cpu node) with interrupt 9, the
 * supervisor external interrupt, is that hart's S-mode context.  This
 * driver finds the S-mode context of every CPU (the boot CPU's must
 * exist), sets each threshold to 0, and enables a source at priority 1
 * in the context of the one CPU it goes to (kernel/irq.c says which).
 * Each hart claims and completes in its own context.
 */
#include <asm/csr.h>
#include <tern/arch.h>
#include <tern/boot.h>
#include <tern/errno.h>
#include <tern/fdt.h>
#include <tern/init.h>
#include <tern/io.h>
#include <tern/irq.h>
#include <tern/printk.h>
#include <tern/smp.h>
#include <tern/spinlock.h>

#define PLIC_PRIORITY(src)	(4UL * (src))
#define PLIC_ENABLE(ctx, src)	(0x2000UL + 0x80UL * (ctx) + 4UL * ((src) / 32))
#define PLIC_THRESHOLD(ctx)	(0x200000UL + 0x1000UL * (ctx))
#define PLIC_CLAIM(ctx)		(0x200004UL + 0x1000UL * (ctx))
#define PLIC_MAX_SOURCES	1023
#define PLIC_MAX_CONTEXTS	15872

#define NO_CONTEXT		(-1)

static struct plic {
	void __iomem *regs;		/* ioremap of the node's reg */
	unsigned int ndev;		/* sources 1..ndev */
	int context[NR_CPUS];		/* each CPU's S-mode context, or NO_CONTEXT */
	spinlock_t enable_lock;		/* read-modify-write of the enable words */
} plic;

/*
 * readl/writel order a write after the memory writes before it (a
 * handler's bookkeeping before complete), a read before the memory reads
 * after it.
 */
static u32 plic_read(unsigned long off)
{
	return readl(plic.regs + off);
}

static void plic_write(unsigned long off, u32 v)
{
	writel(v, plic.regs + off);
}

static bool plic_has_cpu(unsigned int cpu)
{
	return cpu < NR_CPUS && plic.context[cpu] != NO_CONTEXT;
}

/* Sets or clears irq's enable bit in context ctx; returns whether it was set. */
static bool plic_set_enable(int ctx, unsigned int irq, bool on)
{
	unsigned long off = PLIC_ENABLE(ctx, irq);
	u32 bit = 1u << (irq % 32), word;

	spin_lock(&plic.enable_lock);
	word = plic_read(off);
	plic_write(off, on ? word | bit : word & ~bit);
	spin_unlock(&plic.enable_lock);
	return word & bit;
}

static void plic_enable(unsigned int irq, unsigned int cpu)
{
	plic_write(PLIC_PRIORITY(irq), 1);
	plic_set_enable(plic.context[cpu], irq, true);
}

static void plic_disable(unsigned int irq, unsigned int cpu)
{
	plic_set_enable(plic.context[cpu], irq, false);
}

static unsigned int plic_claim(void)
{
	return plic_read(PLIC_CLAIM(plic.context[smp_processor_id()]));
}

/*
 * The PLIC ignores a completion for a source not enabled in the context:
 * if the line moved to another CPU while this one handled it, it is
 * enabled here for the moment of the completion, or the gateway would
 * never forward it again.
 */
static void plic_complete(unsigned int irq)
{
	int ctx = plic.context[smp_processor_id()];
	bool was_on = plic_set_enable(ctx, irq, true);

	plic_write(PLIC_CLAIM(ctx), irq);
	if (!was_on)
		plic_set_enable(ctx, irq, false);
}

/* Nothing enabled, threshold 0: quiet until a line is enabled there. */
static void plic_reset_context(int ctx)
{
	unsigned int src;

	for (src = 0; src <= plic.ndev; src += 32)
		plic_write(PLIC_ENABLE(ctx, src), 0);
	plic_write(PLIC_THRESHOLD(ctx), 0);
}

/*
 * The firmware may reset a hart's contexts when it starts the hart (OpenSBI
 * does): set this CPU's up again on the CPU itself, once it runs.
 */
static void plic_cpu_online(unsigned int cpu)
{
	plic_reset_context(plic.context[cpu]);
}

static struct irqchip plic_chip = {
	.name = "sifive-plic",
	.has_cpu = plic_has_cpu,
	.cpu_online = plic_cpu_online,
	.enable = plic_enable,
	.disable = plic_disable,
	.claim = plic_claim,
	.complete = plic_complete,
};

/* The node whose "phandle" is ph, or negative. */
static int node_by_phandle(u32 ph)
{
	int node = -1, depth = 0;
	u32 v;

	while ((node = fdt_next_node(&boot_fdt, node, &depth)) >= 0)
		if (!fdt_getprop_u32(&boot_fdt, node, "phandle", &v) && v == ph)
			return node;
	return node;
}

/* The CPU whose cpu node holds interrupt controller intc, or -1. */
static int intc_cpu(int intc)
{
	int cpu_node = fdt_parent_offset(&boot_fdt, intc);
	u64 hartid, unused;
	unsigned int cpu;

	if (fdt_node_check_compatible(&boot_fdt, intc, "riscv,cpu-intc") || cpu_node < 0 ||
	    fdt_get_reg(&boot_fdt, cpu_node, 0, &hartid, &unused))
		return -1;
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (cpu_to_hartid(cpu) == hartid)
			return (int)cpu;
	return -1;
}

/*
 * Fills plic.context from the interrupts-extended entries <intc-phandle 9>:
 * entry i is context i.  Entries are a phandle and that controller's
 * #interrupt-cells cells (OpenSBI turns the M-mode ones into -1).
 * Returns the highest context found, or a negative error.
 */
static int plic_find_contexts(int node)
{
	int len, ctx, highest = -ENOENT;
	const u8 *cells = fdt_getprop(&boot_fdt, node, "interrupts-extended", &len);
	unsigned int cpu;
	u32 i, n;

	for (cpu = 0; cpu < NR_CPUS; cpu++)
		plic.context[cpu] = NO_CONTEXT;
	if (!cells || len <= 0 || len % 4)
		return -EINVAL;
	n = (u32)len / 4;
	for (i = 0, ctx = 0; i < n && ctx < PLIC_MAX_CONTEXTS; ctx++) {
		int intc = node_by_phandle(fdt_read_u32(cells + 4 * i));
		u32 ncells = 1;		/* if the controller does not say */
		int c = -1;

		if (intc < 0)
			return -EINVAL;
		fdt_getprop_u32(&boot_fdt, intc, "#interrupt-cells", &ncells);
		if (ncells < 1 || ncells > n - i - 1)
			return -EINVAL;
		if (fdt_read_u32(cells + 4 * (i + 1)) == IRQ_S_EXT)
			c = intc_cpu(intc);
		if (c >= 0 && plic.context[c] == NO_CONTEXT) {
			plic.context[c] = ctx;
			highest = ctx;
		}
		i += 1 + ncells;
	}
	return highest;
}

static int plic_probe(int node)
{
	unsigned int src, cpu, reached = 0;
	u64 base, size;
	int highest;
	u32 ndev;

	if (fdt_get_reg(&boot_fdt, node, 0, &base, &size) ||
	    fdt_getprop_u32(&boot_fdt, node, "riscv,ndev", &ndev) ||
	    !ndev || ndev > PLIC_MAX_SOURCES)
		return -EINVAL;
	highest = plic_find_contexts(node);
	if (highest < 0 || plic.context[0] == NO_CONTEXT) {
		pr_warn("plic: no S-mode context for hart %lu in interrupts-extended\n",
			boot_hartid);
		return highest < 0 ? highest : -ENOENT;
	}
	if (size < PLIC_CLAIM(highest) + 4)
		return -EINVAL;
	/* Up to the last context used: reg may span all 15872 (64 MiB). */
	plic.regs = ioremap(base, PLIC_CLAIM(highest) + 4);
	if (!plic.regs)
		return -ENOMEM;

	plic.ndev = ndev;
	spin_lock_init(&plic.enable_lock);
	for (src = 1; src <= ndev; src++)
		plic_write(PLIC_PRIORITY(src), 0);
	for (cpu = 0; cpu < NR_CPUS; cpu++)
		if (plic_has_cpu(cpu)) {
			plic_reset_context(plic.context[cpu]);
			reached++;
		}

	plic_chip.max_irq = MIN(ndev, NR_IRQS - 1);
	irqchip_register(&plic_chip);
	pr_info("plic: %#llx, %u sources, S-mode contexts for %u of %u CPUs (CPU 0: %d)\n",
		(unsigned long long)base, plic.ndev, reached, nr_cpus_possible, plic.context[0]);
	return 0;
}

static int plic_init(void)
{
	static const char *const compatible[] = { "sifive,plic-1.0.0", "riscv,plic0" };
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(compatible); i++) {
		int node = fdt_node_offset_by_compatible(&boot_fdt, -1, compatible[i]);

		if (node >= 0 && fdt_node_is_available(&boot_fdt, node))
			return plic_probe(node);
	}
	return -ENODEV;
}
device_initcall(plic_init);
