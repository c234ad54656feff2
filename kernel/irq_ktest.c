// SPDX-License-Identifier: MIT
/*
 * Interrupt lines and the controller, end to end where the machine has a
 * Goldfish RTC (QEMU virt; the cases skip on others, such as sifive_u):
 * it raises its alarm interrupt at once when the interrupt is enabled and
 * the alarm is set in the past, which goes through the PLIC to
 * handle_external_irq.  Its line is free: the RTC driver reads the time
 * and leaves the alarm alone (the UART's line belongs to the serial
 * driver).  Waits are bounded by a generous timeout that only stops a
 * hang.
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

/* Goldfish RTC registers, 32 bits wide */
#define RTC_ALARM_LOW		0x08
#define RTC_ALARM_HIGH		0x0c
#define RTC_IRQ_ENABLED		0x10
#define RTC_CLEAR_INTERRUPT	0x1c

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

struct alarm {
	void __iomem *regs;	/* ioremap: unmap with alarm_put */
	unsigned int irq;
	unsigned long interrupts;
	unsigned int cpu;	/* where the handler last ran */
};

/*
 * The RTC through the driver model, as a driver would find it: its
 * registers and its interrupt as irq number.  Without a PLIC driver the
 * line has no irq number; then the source from the tree is used, to check
 * that request_irq refuses it.
 */
static int find_alarm(struct alarm *a)
{
	int node = fdt_node_offset_by_compatible(&boot_fdt, -1, "google,goldfish-rtc"), irq;
	struct device *dev = node >= 0 ? device_find_by_node(node) : NULL;
	u32 source;

	if (!dev || fdt_getprop_u32(&boot_fdt, node, "interrupts", &source))
		return -ENODEV;
	irq = dev_irq(dev, 0);
	if (irqchip_get() ? irq != (int)source : irq != -ENXIO)
		return -EINVAL;
	a->regs = dev_ioremap_resource(dev, 0);
	if (IS_ERR(a->regs))
		return PTR_ERR(a->regs);
	a->irq = irq < 0 ? source : (unsigned int)irq;
	return 0;
}

#define FIND_ALARM_OR_SKIP(t, a) do {					\
	int __err = find_alarm(a);					\
									\
	if (__err == -ENODEV)						\
		KTEST_SKIP(t, "no goldfish-rtc with an interrupt in the device tree"); \
	KTEST_ASSERT(t, __err == 0);					\
} while (0)

static void alarm_put(struct alarm *a)
{
	iounmap(a->regs);
}

static void __iomem *alarm_reg(struct alarm *a, unsigned int off)
{
	return (u8 __iomem *)a->regs + off;
}

/* Interrupt off and acknowledged: the line drops. */
static void alarm_quiet(struct alarm *a)
{
	writel(0, alarm_reg(a, RTC_IRQ_ENABLED));
	writel(1, alarm_reg(a, RTC_CLEAR_INTERRUPT));
}

static void alarm_handler(unsigned int irq, void *dev)
{
	struct alarm *a = dev;

	a->interrupts++;
	a->cpu = smp_processor_id();
	alarm_quiet(a);
}

/* An alarm at time 0, long past: it fires as soon as it is set. */
static void alarm_raise(struct alarm *a)
{
	writel(1, alarm_reg(a, RTC_IRQ_ENABLED));
	writel(0, alarm_reg(a, RTC_ALARM_HIGH));
	writel(0, alarm_reg(a, RTC_ALARM_LOW));
}

static void alarm_interrupt_end_to_end(struct ktest *t)
{
	struct alarm a = { 0 };
	unsigned long flags, before;

	FIND_ALARM_OR_SKIP(t, &a);
	if (!irqchip_get()) {	/* IRQCHIP_SIFIVE_PLIC=n: no interrupts to be had */
		KTEST_EXPECT_EQ(t, request_irq(a.irq, alarm_handler, "ktest", &a), -ENODEV);
		alarm_put(&a);
		return;
	}
	KTEST_ASSERT(t, request_irq(a.irq, alarm_handler, "ktest-alarm", &a) == 0);
	before = irq_count(a.irq);
	flags = local_irq_save();
	alarm_raise(&a);
	local_irq_enable();
	KTEST_EXPECT(t, SPIN_UNTIL(READ_ONCE(a.interrupts) > 0));
	local_irq_disable();
	alarm_quiet(&a);	/* in case it never came */
	local_irq_restore(flags);
	free_irq(a.irq, &a);
	KTEST_EXPECT_EQ(t, irq_count(a.irq) - before, a.interrupts);
	KTEST_EXPECT_EQ(t, readl(alarm_reg(&a, RTC_IRQ_ENABLED)), 0);
	alarm_put(&a);
}

/*
 * Each online CPU in turn: the line goes there (through that hart's PLIC
 * context) and the handler runs there.  The test thread sleeps while it
 * waits, so that under -icount the other hart gets to run.
 */
static void alarm_interrupt_follows_affinity(struct ktest *t)
{
	const struct irqchip *chip = irqchip_get();
	struct alarm a = { 0 };
	unsigned int cpu, waited;

	if (!chip)		/* IRQCHIP_SIFIVE_PLIC=n: checked above */
		return;
	FIND_ALARM_OR_SKIP(t, &a);
	KTEST_EXPECT_EQ(t, irq_set_affinity(a.irq, 0), -EINVAL);	/* not requested */
	KTEST_ASSERT(t, request_irq(a.irq, alarm_handler, "ktest-alarm", &a) == 0);
	KTEST_EXPECT_EQ(t, irq_set_affinity(a.irq, NR_CPUS), -EINVAL);
	KTEST_EXPECT_EQ(t, irq_set_affinity(0, 0), -EINVAL);
	for_each_online_cpu(cpu) {
		unsigned long flags;
		int err = irq_set_affinity(a.irq, cpu);

		KTEST_EXPECT(t, chip->has_cpu(cpu));
		KTEST_EXPECT_EQ(t, err, 0);
		if (err)
			continue;
		WRITE_ONCE(a.interrupts, 0);
		flags = local_irq_save();
		alarm_raise(&a);
		local_irq_restore(flags);
		for (waited = 0; !READ_ONCE(a.interrupts) && waited < 5000; waited++)
			msleep(1);
		KTEST_EXPECT_EQ(t, READ_ONCE(a.interrupts), 1);
		KTEST_EXPECT_EQ(t, READ_ONCE(a.cpu), cpu);
	}
	free_irq(a.irq, &a);
	alarm_quiet(&a);	/* in case one never came */
	KTEST_EXPECT_EQ(t, irq_set_affinity(a.irq, 0), -EINVAL);	/* freed */
	alarm_put(&a);
}

/* A line enabled with no handler: counted, masked, no crash. */
static void unhandled_line_is_masked(struct ktest *t)
{
	const struct irqchip *chip = irqchip_get();
	struct alarm a = { 0 };
	unsigned long flags, before = irq_unhandled_count();

	if (!chip)		/* IRQCHIP_SIFIVE_PLIC=n: checked above */
		return;
	FIND_ALARM_OR_SKIP(t, &a);
	flags = local_irq_save();
	chip->enable(a.irq, 0);
	alarm_raise(&a);
	local_irq_enable();
	KTEST_EXPECT(t, SPIN_UNTIL(irq_unhandled_count() > before));
	local_irq_disable();
	alarm_quiet(&a);
	chip->disable(a.irq, 0);
	local_irq_restore(flags);
	/* Masked after the first: still asserted, but taken once. */
	KTEST_EXPECT_EQ(t, irq_unhandled_count() - before, 1);
	alarm_put(&a);
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
	    KTEST_CASE(alarm_interrupt_end_to_end),
	    KTEST_CASE(alarm_interrupt_follows_affinity),
	    KTEST_CASE(unhandled_line_is_masked),
	    KTEST_CASE(software_interrupt_reaches_handle_ipi));
