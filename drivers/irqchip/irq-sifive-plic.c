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
 * driver uses the boot hart's, with threshold 0 and every source it
 * enables at priority 1.
 */
#include <asm/csr.h>
#include <tern/arch.h>
#include <tern/boot.h>
#include <tern/errno.h>
#include <tern/fdt.h>
#include <tern/init.h>
#include <tern/irq.h>
#include <tern/printk.h>

#define PLIC_PRIORITY(src)	(4UL * (src))
#define PLIC_ENABLE(ctx, src)	(0x2000UL + 0x80UL * (ctx) + 4UL * ((src) / 32))
#define PLIC_THRESHOLD(ctx)	(0x200000UL + 0x1000UL * (ctx))
#define PLIC_CLAIM(ctx)		(0x200004UL + 0x1000UL * (ctx))
#define PLIC_MAX_SOURCES	1023
#define PLIC_MAX_CONTEXTS	15872

static struct plic {
	uintptr_t base;
	unsigned int ndev;		/* sources 1..ndev */
	unsigned int context;		/* the boot hart's S-mode context */
} plic;

/*
 * MMIO with Linux's readl/writel ordering: a write is ordered after the
 * memory writes before it (a handler's bookkeeping before complete), a
 * read before the memory reads after it.
 */
static u32 plic_read(unsigned long off)
{
	u32 v = *(volatile u32 *)(plic.base + off);

	__asm__ __volatile__("fence i, r" ::: "memory");
	return v;
}

static void plic_write(unsigned long off, u32 v)
{
	__asm__ __volatile__("fence w, o" ::: "memory");
	*(volatile u32 *)(plic.base + off) = v;
}

static void plic_enable(unsigned int irq)
{
	unsigned long off = PLIC_ENABLE(plic.context, irq);

	plic_write(PLIC_PRIORITY(irq), 1);
	plic_write(off, plic_read(off) | 1u << (irq % 32));
}

static void plic_disable(unsigned int irq)
{
	unsigned long off = PLIC_ENABLE(plic.context, irq);

	plic_write(off, plic_read(off) & ~(1u << (irq % 32)));
}

static unsigned int plic_claim(void)
{
	return plic_read(PLIC_CLAIM(plic.context));
}

static void plic_complete(unsigned int irq)
{
	plic_write(PLIC_CLAIM(plic.context), irq);
}

static struct irqchip plic_chip = {
	.name = "sifive-plic",
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

/* Is intc the interrupt controller of the boot hart's cpu node? */
static bool is_boot_hart_intc(int intc)
{
	int cpu = fdt_parent_offset(&boot_fdt, intc);
	u64 hartid, unused;

	return fdt_node_check_compatible(&boot_fdt, intc, "riscv,cpu-intc") == 0 &&
	       cpu >= 0 && !fdt_get_reg(&boot_fdt, cpu, 0, &hartid, &unused) &&
	       hartid == boot_hartid;
}

/*
 * The index of the interrupts-extended entry <intc-phandle 9> of the boot
 * hart: its S-mode context.  Entries are a phandle and that controller's
 * #interrupt-cells cells (OpenSBI turns the M-mode ones into -1).
 */
static int plic_find_context(int node)
{
	int len, ctx;
	const u8 *cells = fdt_getprop(&boot_fdt, node, "interrupts-extended", &len);
	u32 i, n;

	if (!cells || len <= 0 || len % 4)
		return -EINVAL;
	n = (u32)len / 4;
	for (i = 0, ctx = 0; i < n; ctx++) {
		int intc = node_by_phandle(fdt_read_u32(cells + 4 * i));
		u32 ncells = 1;		/* if the controller does not say */

		if (intc < 0)
			return -EINVAL;
		fdt_getprop_u32(&boot_fdt, intc, "#interrupt-cells", &ncells);
		if (ncells < 1 || ncells > n - i - 1)
			return -EINVAL;
		if (fdt_read_u32(cells + 4 * (i + 1)) == IRQ_S_EXT && is_boot_hart_intc(intc))
			return ctx;
		i += 1 + ncells;
	}
	return -ENOENT;
}

static int plic_probe(int node)
{
	u64 base, size;
	u32 ndev;
	int ctx;
	unsigned int src;

	if (fdt_get_reg(&boot_fdt, node, 0, &base, &size) ||
	    fdt_getprop_u32(&boot_fdt, node, "riscv,ndev", &ndev) ||
	    !ndev || ndev > PLIC_MAX_SOURCES)
		return -EINVAL;
	ctx = plic_find_context(node);
	if (ctx < 0 || ctx >= PLIC_MAX_CONTEXTS) {
		pr_warn("plic: no S-mode context for hart %lu in interrupts-extended\n",
			boot_hartid);
		return ctx < 0 ? ctx : -EINVAL;
	}
	if (size < PLIC_CLAIM(ctx) + 4)
		return -EINVAL;

	plic.base = (uintptr_t)base;
	plic.ndev = ndev;
	plic.context = (unsigned int)ctx;
	/* Nothing enabled, every priority 0, threshold 0: quiet until request_irq. */
	for (src = 0; src <= ndev; src += 32)
		plic_write(PLIC_ENABLE(ctx, src), 0);
	for (src = 1; src <= ndev; src++)
		plic_write(PLIC_PRIORITY(src), 0);
	plic_write(PLIC_THRESHOLD(ctx), 0);

	plic_chip.max_irq = MIN(ndev, NR_IRQS - 1);
	irqchip_register(&plic_chip);
	pr_info("plic: %#llx, %u sources, context %d (hart %lu S-mode)\n",
		(unsigned long long)base, plic.ndev, ctx, boot_hartid);
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
initcall(plic_init);
