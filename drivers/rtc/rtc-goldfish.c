// SPDX-License-Identifier: MIT
/*
 * The Goldfish RTC ("google,goldfish-rtc"), QEMU virt's: a 64-bit count
 * of nanoseconds since the epoch, read as two 32-bit halves.  Reading
 * TIME_LOW latches the high half into TIME_HIGH, so a read is the pair in
 * that order, under the driver's lock.  The alarm is not used.
 */
#include <tern/device.h>
#include <tern/rtc.h>
#include <tern/slab.h>
#include <tern/spinlock.h>

#define GOLDFISH_RTC_TIME_LOW		0x00
#define GOLDFISH_RTC_TIME_HIGH		0x04
#define GOLDFISH_RTC_IRQ_ENABLED	0x10

struct goldfish_rtc {
	struct rtc_device rtc;
	void __iomem *regs;
	spinlock_t lock;	/* a TIME_LOW, TIME_HIGH pair */
};

static void __iomem *goldfish_reg(struct goldfish_rtc *g, unsigned int off)
{
	return (u8 __iomem *)g->regs + off;
}

static int goldfish_rtc_read_ns(struct rtc_device *rtc, u64 *ns)
{
	struct goldfish_rtc *g = container_of(rtc, struct goldfish_rtc, rtc);
	unsigned long flags = spin_lock_irqsave(&g->lock);
	u32 low = readl(goldfish_reg(g, GOLDFISH_RTC_TIME_LOW));
	u32 high = readl(goldfish_reg(g, GOLDFISH_RTC_TIME_HIGH));

	spin_unlock_irqrestore(&g->lock, flags);
	*ns = (u64)high << 32 | low;
	return 0;
}

static const struct rtc_ops goldfish_rtc_ops = {
	.read_ns = goldfish_rtc_read_ns,
};

static int goldfish_rtc_probe(struct device *dev)
{
	struct goldfish_rtc *g = kzalloc(sizeof(*g), GFP_KERNEL);
	int err;

	if (!g)
		return -ENOMEM;
	g->regs = dev_ioremap_resource(dev, 0);
	if (IS_ERR(g->regs)) {
		err = PTR_ERR(g->regs);
		kfree(g);
		return err;
	}
	spin_lock_init(&g->lock);
	writel(0, goldfish_reg(g, GOLDFISH_RTC_IRQ_ENABLED));
	g->rtc.ops = &goldfish_rtc_ops;
	g->rtc.priv = dev;
	err = rtc_register(&g->rtc);
	if (err) {
		iounmap(g->regs);
		kfree(g);
		return dev_err_probe(dev, err, "not the system RTC");
	}
	dev_set_drvdata(dev, g);
	dev_info(dev, "registered as %s\n", g->rtc.name);
	return 0;
}

static const struct of_device_id goldfish_rtc_of_match[] = {
	{ .compatible = "google,goldfish-rtc" },
	{ }
};

static const struct driver goldfish_rtc_driver = {
	.name = "goldfish-rtc",
	.of_match = goldfish_rtc_of_match,
	.probe = goldfish_rtc_probe,
};
builtin_driver(goldfish_rtc_driver);
