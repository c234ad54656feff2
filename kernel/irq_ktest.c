// SPDX-License-Identifier: MIT
/*
 * Interrupt lines and the controller, end to end where the machine has an
 * ns16550a (QEMU virt; the cases skip on others, such as sifive_u): the
 * ns16550a UART raises its transmitter-empty interrupt as soon as IER.ETBEI
 * is set while it is idle, which goes through the PLIC to handle_external_irq.
 * Waits are bounded by a generous timeout that only stops a hang.
 */
#include <asm/csr.h>
#include <asm/sbi.h>
#include <tern/arch.h>
#include <tern/boot.h>
#include <tern/device.h>
#include <tern/errno.h>
#include <tern/fdt.h>
#include <tern/io.h>
#include <tern/irq.h>
#include <tern/irqdomain.h>
#include <tern/ktest.h>
#include <tern/string.h>
#include <tern/sched.h>
#include <tern/smp.h>
#include <tern/timer.h>

#define SPIN_TIMEOUT_NS	(5 * NSEC_PER_SEC)

#define SPIN_UNTIL(cond) ({						\
	u64 __end = ktime_ns() + SPIN_TIMEOUT_NS;			\
	while (!(cond) && ktime_ns() < __end)				\
		barrier();						\
	(cond);								\
})

/* 16550 registers, byte wide, stride 1 as on QEMU virt */
#define UART_IER	1
#define UART_IIR	2
#define UART_LCR	3
#define UART_IER_ETBEI	0x02	/* interrupt when the transmit register is empty */
#define UART_LCR_DLAB	0x80

static bool dtb_has(const char *compatible)
{
	return fdt_node_offset_by_compatible(&boot_fdt, -1, compatible) >= 0;
}

static void controller_is_registered(struct ktest *t)
{
	const struct irqchip *chip = irqchip_get();

	if (!IS_ENABLED(CONFIG_IRQCHIP_SIFIVE_PLIC) || !dtb_has("riscv,plic0")) {
		KTEST_EXPECT(t, chip == NULL);
		return;
	}
	KTEST_ASSERT(t, chip != NULL);
	KTEST_EXPECT_STREQ(t, chip->name, "sifive-plic");
	KTEST_EXPECT_GE(t, chip->max_irq, 10);	/* QEMU virt: 95 or more sources */
	KTEST_EXPECT_LT(t, chip->max_irq, NR_IRQS);
	KTEST_EXPECT(t, csr_read(sie) & SIE_SEIE);
}

/* Each CPU's local controller is a root domain without irq numbers. */
static void every_cpu_has_a_root_domain(struct ktest *t)
{
	int node = -1;
	unsigned int found = 0;

	if (!IS_ENABLED(CONFIG_IRQCHIP_RISCV_INTC)) {
		KTEST_EXPECT(t, irq_find_domain(&boot_fdt, fdt_node_offset_by_compatible(
				&boot_fdt, -1, "riscv,cpu-intc")) == NULL);
		return;
	}
	while ((node = fdt_node_offset_by_compatible(&boot_fdt, node, "riscv,cpu-intc")) >= 0) {
		struct irq_domain *d = irq_find_domain(&boot_fdt, node);
		u32 cause = IRQ_S_EXT;

		if (!d)
			continue;	/* a hart the kernel does not run on */
		found++;
		KTEST_EXPECT_EQ(t, d->nr_irqs, 0);
		KTEST_EXPECT_EQ(t, irq_domain_map(d, &cause, 1), -ENXIO);
	}
	KTEST_EXPECT_EQ(t, found, nr_cpus_possible);
}

static void ignore_irq(unsigned int irq, void *dev)
{
}

/* True if a device node names line among its interrupts (any parent). */
static bool line_in_device_tree(u32 line)
{
	int node = -1, depth = 0, len, i;

	while ((node = fdt_next_node(&boot_fdt, node, &depth)) >= 0) {
		const u8 *cells = fdt_getprop(&boot_fdt, node, "interrupts", &len);

		for (i = 0; cells && i < len / 4; i++)
			if (fdt_read_u32(cells + 4 * i) == line)
				return true;
	}
	return false;
}

/*
 * A line no device of this machine uses: the highest the controller has
 * that no node's "interrupts" names (virt leaves its upper lines free;
 * sifive_u's last ones are in use).  0 if there is none.
 */
static unsigned int spare_line(const struct irqchip *chip)
{
	unsigned int line;

	for (line = chip ? chip->max_irq : 60; line > 0; line--)
		if (line < NR_IRQS && !line_in_device_tree(line))
			return line;
	return 0;
}

static void request_irq_validates(struct ktest *t)
{
	const struct irqchip *chip = irqchip_get();
	const unsigned int SPARE_LINE = spare_line(chip);
	int a, b;

	KTEST_ASSERT(t, SPARE_LINE > 0);
	KTEST_EXPECT_EQ(t, request_irq(0, ignore_irq, "ktest", &a), -EINVAL);
	KTEST_EXPECT_EQ(t, request_irq(NR_IRQS, ignore_irq, "ktest", &a), -EINVAL);
	KTEST_EXPECT_EQ(t, request_irq(SPARE_LINE, NULL, "ktest", &a), -EINVAL);
	if (!chip) {
		KTEST_EXPECT_EQ(t, request_irq(SPARE_LINE, ignore_irq, "ktest", &a), -ENODEV);
		return;
	}
	if (chip->max_irq + 1 < NR_IRQS)
		KTEST_EXPECT_EQ(t, request_irq(chip->max_irq + 1, ignore_irq, "ktest", &a),
				-EINVAL);
	KTEST_ASSERT(t, request_irq(SPARE_LINE, ignore_irq, "ktest", &a) == 0);
	KTEST_EXPECT_EQ(t, request_irq(SPARE_LINE, ignore_irq, "ktest", &b), -EBUSY);
	free_irq(SPARE_LINE, &b);	/* not b's: warns, keeps a's */
	KTEST_EXPECT_EQ(t, request_irq(SPARE_LINE, ignore_irq, "ktest", &b), -EBUSY);
	free_irq(SPARE_LINE, &a);
	KTEST_EXPECT_EQ(t, request_irq(SPARE_LINE, ignore_irq, "ktest", &b), 0);
	free_irq(SPARE_LINE, &b);
}

struct uart {
	void __iomem *regs;	/* ioremap: unmap with uart_put */
	unsigned int irq;
	u8 ier;			/* as found, restored by the handler */
	unsigned long interrupts;
	unsigned int cpu;	/* where the handler last ran */
};

/*
 * The UART through the driver model, as a driver would find it (it has
 * none yet, but a device all the same): its registers and its interrupt
 * as irq number.  Without a PLIC driver the line has no irq number; then
 * the source from the tree is used, to check that request_irq refuses it.
 */
static int find_uart(struct uart *u)
{
	int node = fdt_node_offset_by_compatible(&boot_fdt, -1, "ns16550a"), irq;
	struct device *dev = node >= 0 ? device_find_by_node(node) : NULL;
	u32 source;

	if (!dev || fdt_getprop_u32(&boot_fdt, node, "interrupts", &source))
		return -ENODEV;
	irq = dev_irq(dev, 0);
	if (irqchip_get() ? irq != (int)source : irq != -ENXIO)
		return -EINVAL;
	u->regs = dev_ioremap_resource(dev, 0);
	if (IS_ERR(u->regs))
		return PTR_ERR(u->regs);
	u->irq = irq < 0 ? source : (unsigned int)irq;
	return 0;
}

#define FIND_UART_OR_SKIP(t, u) do {					\
	int __err = find_uart(u);					\
									\
	if (__err == -ENODEV)						\
		KTEST_SKIP(t, "no ns16550a with an interrupt in the device tree"); \
	KTEST_ASSERT(t, __err == 0);					\
} while (0)

static void uart_put(struct uart *u)
{
	iounmap(u->regs);
}

static void uart_thre_handler(unsigned int irq, void *dev)
{
	struct uart *u = dev;

	u->interrupts++;
	u->cpu = smp_processor_id();
	writeb(u->ier, u->regs + UART_IER);	/* ETBEI off: the line drops */
	(void)readb(u->regs + UART_IIR);	/* and reading IIR acknowledges THRE */
}

/* Sets ETBEI with the divisor latch closed; interrupts are off. */
static void uart_raise_thre(struct uart *u)
{
	u->ier = readb(u->regs + UART_IER);
	writeb(u->ier | UART_IER_ETBEI, u->regs + UART_IER);
}

static void uart_interrupt_end_to_end(struct ktest *t)
{
	struct uart u = { 0 };
	unsigned long flags, before;

	FIND_UART_OR_SKIP(t, &u);
	if (!irqchip_get()) {	/* IRQCHIP_SIFIVE_PLIC=n: no interrupts to be had */
		KTEST_EXPECT_EQ(t, request_irq(u.irq, uart_thre_handler, "ktest", &u), -ENODEV);
		uart_put(&u);
		return;
	}
	KTEST_ASSERT(t, !(readb(u.regs + UART_LCR) & UART_LCR_DLAB));
	KTEST_ASSERT(t, request_irq(u.irq, uart_thre_handler, "ktest-uart", &u) == 0);
	before = irq_count(u.irq);
	flags = local_irq_save();
	uart_raise_thre(&u);
	local_irq_enable();
	KTEST_EXPECT(t, SPIN_UNTIL(READ_ONCE(u.interrupts) > 0));
	local_irq_disable();
	writeb(u.ier, u.regs + UART_IER);	/* in case it never came */
	local_irq_restore(flags);
	free_irq(u.irq, &u);
	KTEST_EXPECT_EQ(t, irq_count(u.irq) - before, u.interrupts);
	KTEST_EXPECT_EQ(t, readb(u.regs + UART_IER) & UART_IER_ETBEI, 0);
	uart_put(&u);
}

/*
 * Each online CPU in turn: the line goes there (through that hart's PLIC
 * context) and the handler runs there.  The test thread sleeps while it
 * waits, so that under -icount the other hart gets to run.
 */
static void uart_interrupt_follows_affinity(struct ktest *t)
{
	const struct irqchip *chip = irqchip_get();
	struct uart u = { 0 };
	unsigned int cpu, waited;

	if (!chip)		/* IRQCHIP_SIFIVE_PLIC=n: checked above */
		return;
	FIND_UART_OR_SKIP(t, &u);
	KTEST_EXPECT_EQ(t, irq_set_affinity(u.irq, 0), -EINVAL);	/* not requested */
	KTEST_ASSERT(t, request_irq(u.irq, uart_thre_handler, "ktest-uart", &u) == 0);
	KTEST_EXPECT_EQ(t, irq_set_affinity(u.irq, NR_CPUS), -EINVAL);
	KTEST_EXPECT_EQ(t, irq_set_affinity(0, 0), -EINVAL);
	for_each_online_cpu(cpu) {
		unsigned long flags;
		int err = irq_set_affinity(u.irq, cpu);

		KTEST_EXPECT(t, chip->has_cpu(cpu));
		KTEST_EXPECT_EQ(t, err, 0);
		if (err)
			continue;
		WRITE_ONCE(u.interrupts, 0);
		flags = local_irq_save();
		uart_raise_thre(&u);
		local_irq_restore(flags);
		for (waited = 0; !READ_ONCE(u.interrupts) && waited < 5000; waited++)
			msleep(1);
		KTEST_EXPECT_EQ(t, READ_ONCE(u.interrupts), 1);
		KTEST_EXPECT_EQ(t, READ_ONCE(u.cpu), cpu);
	}
	free_irq(u.irq, &u);
	writeb(u.ier, u.regs + UART_IER);	/* in case one never came */
	KTEST_EXPECT_EQ(t, irq_set_affinity(u.irq, 0), -EINVAL);	/* freed */
	uart_put(&u);
}

/* A line enabled with no handler: counted, masked, no crash. */
static void unhandled_line_is_masked(struct ktest *t)
{
	const struct irqchip *chip = irqchip_get();
	struct uart u = { 0 };
	unsigned long flags, before = irq_unhandled_count();

	if (!chip)		/* IRQCHIP_SIFIVE_PLIC=n: checked above */
		return;
	FIND_UART_OR_SKIP(t, &u);
	KTEST_ASSERT(t, !(readb(u.regs + UART_LCR) & UART_LCR_DLAB));
	flags = local_irq_save();
	chip->enable(u.irq, 0);
	uart_raise_thre(&u);
	local_irq_enable();
	KTEST_EXPECT(t, SPIN_UNTIL(irq_unhandled_count() > before));
	local_irq_disable();
	writeb(u.ier, u.regs + UART_IER);
	chip->disable(u.irq, 0);
	local_irq_restore(flags);
	/* Masked after the first: still asserted, but taken once. */
	KTEST_EXPECT_EQ(t, irq_unhandled_count() - before, 1);
	uart_put(&u);
}

static void software_interrupt_reaches_handle_ipi(struct ktest *t)
{
	unsigned long flags = local_irq_save();
	unsigned long saved_sie = csr_read(sie), before = ipi_count();

	csr_set(sie, SIE_SSIE);
	csr_set(sip, SIP_SSIP);
	local_irq_enable();
	KTEST_EXPECT(t, SPIN_UNTIL(ipi_count() == before + 1));
	KTEST_EXPECT_EQ(t, csr_read(sip) & SIP_SSIP, 0);

	/* Through the firmware: an SBI IPI to ourselves sets SSIP too. */
	if (sbi_probe_extension(SBI_EXT_IPI)) {
		struct sbiret ret = sbi_ecall(SBI_EXT_IPI, SBI_IPI_SEND_IPI, 1, boot_hartid,
					      0, 0);

		KTEST_EXPECT_EQ(t, ret.error, 0);
		KTEST_EXPECT(t, SPIN_UNTIL(ipi_count() == before + 2));
	}
	local_irq_disable();
	csr_write(sie, saved_sie);
	local_irq_restore(flags);
}

KTEST_SUITE(irq,
	    KTEST_CASE(controller_is_registered),
	    KTEST_CASE(every_cpu_has_a_root_domain),
	    KTEST_CASE(request_irq_validates),
	    KTEST_CASE(uart_interrupt_end_to_end),
	    KTEST_CASE(uart_interrupt_follows_affinity),
	    KTEST_CASE(unhandled_line_is_masked),
	    KTEST_CASE(software_interrupt_reaches_handle_ipi));
