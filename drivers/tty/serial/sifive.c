// SPDX-License-Identifier: MIT
/*
 * The SiFive UART ("sifive,uart0"; SiFive FU540/FU740 manuals, QEMU's
 * sifive_u machine): 32-bit registers, 8-entry FIFOs, a watermark
 * interrupt per direction.  Input arrives by the receive watermark
 * interrupt (any byte), queued output leaves by the transmit watermark
 * interrupt (FIFO empty), and the console writes polled.  The baud
 * divisor the firmware set is kept.  The hardware has no loopback.
 */
#include <tern/device.h>
#include <tern/irq.h>
#include <tern/serial.h>
#include <tern/slab.h>

#define SIFIVE_TXDATA		0x00
#define  SIFIVE_TXDATA_FULL	(1u << 31)
#define SIFIVE_RXDATA		0x04
#define  SIFIVE_RXDATA_EMPTY	(1u << 31)
#define SIFIVE_TXCTRL		0x08
#define  SIFIVE_TXCTRL_TXEN	(1u << 0)
#define  SIFIVE_TXCTRL_CNT(n)	((u32)(n) << 16)	/* watermark: pending below n */
#define SIFIVE_RXCTRL		0x0c
#define  SIFIVE_RXCTRL_RXEN	(1u << 0)
#define  SIFIVE_RXCTRL_CNT(n)	((u32)(n) << 16)	/* watermark: pending above n */
#define SIFIVE_IE		0x10
#define SIFIVE_IP		0x14
#define  SIFIVE_IRQ_TXWM	(1u << 0)
#define  SIFIVE_IRQ_RXWM	(1u << 1)

#define SIFIVE_FIFO_SIZE	8
#define SIFIVE_RX_BATCH		32
#define SIFIVE_IRQ_ROUNDS	16

struct sifive_uart {
	struct uart_port port;
	void __iomem *regs;
	u32 ie;			/* port lock: what IE holds */
};

static inline struct sifive_uart *to_sifive(struct uart_port *port)
{
	return container_of(port, struct sifive_uart, port);
}

static inline void __iomem *sifive_reg(struct sifive_uart *u, unsigned int off)
{
	return (u8 __iomem *)u->regs + off;
}

static unsigned int sifive_tx_room(struct uart_port *port)
{
	return readl(sifive_reg(to_sifive(port), SIFIVE_TXDATA)) & SIFIVE_TXDATA_FULL ? 0 : 1;
}

static void sifive_tx_byte(struct uart_port *port, u8 c)
{
	writel(c, sifive_reg(to_sifive(port), SIFIVE_TXDATA));
}

static void sifive_tx_irq(struct uart_port *port, bool on)
{
	struct sifive_uart *u = to_sifive(port);
	u32 ie = on ? u->ie | SIFIVE_IRQ_TXWM : u->ie & ~SIFIVE_IRQ_TXWM;

	if (ie != u->ie) {
		u->ie = ie;
		writel(ie, sifive_reg(u, SIFIVE_IE));
	}
}

static const struct uart_ops sifive_uart_ops = {
	.tx_room = sifive_tx_room,
	.tx_byte = sifive_tx_byte,
	.tx_irq = sifive_tx_irq,
};

static void sifive_uart_interrupt(unsigned int irq, void *data)
{
	struct sifive_uart *u = data;
	u8 buf[SIFIVE_RX_BATCH];
	unsigned int round, n;
	u32 ip, v;

	for (round = 0; round < SIFIVE_IRQ_ROUNDS; round++) {
		spin_lock(&u->port.lock);
		ip = readl(sifive_reg(u, SIFIVE_IP)) & u->ie;
		if (!ip) {
			spin_unlock(&u->port.lock);
			return;
		}
		for (n = 0; n < SIFIVE_RX_BATCH; n++) {
			v = readl(sifive_reg(u, SIFIVE_RXDATA));
			if (v & SIFIVE_RXDATA_EMPTY)
				break;
			buf[n] = (u8)v;
		}
		if (ip & SIFIVE_IRQ_TXWM)
			uart_tx_chars(&u->port);
		spin_unlock(&u->port.lock);
		if (n)
			uart_receive(&u->port, buf, n);
	}
}

static int sifive_uart_probe(struct device *dev)
{
	struct sifive_uart *u;
	int irq, err;

	irq = dev_irq(dev, 0);	/* the binding requires one */
	if (irq < 0)
		return irq;
	u = kzalloc(sizeof(*u), GFP_KERNEL);
	if (!u)
		return -ENOMEM;
	u->regs = dev_ioremap_resource(dev, 0);
	if (IS_ERR(u->regs)) {
		err = PTR_ERR(u->regs);
		goto free;
	}
	writel(0, sifive_reg(u, SIFIVE_IE));
	writel(SIFIVE_TXCTRL_TXEN | SIFIVE_TXCTRL_CNT(1), sifive_reg(u, SIFIVE_TXCTRL));
	writel(SIFIVE_RXCTRL_RXEN | SIFIVE_RXCTRL_CNT(0), sifive_reg(u, SIFIVE_RXCTRL));
	u->port.dev = dev;
	u->port.ops = &sifive_uart_ops;
	u->port.irq = irq;
	u->port.fifo_size = SIFIVE_FIFO_SIZE;
	err = request_irq((unsigned int)irq, sifive_uart_interrupt, "sifive-uart", u);
	if (err) {
		dev_err_probe(dev, err, "irq %d", irq);
		goto unmap;
	}
	err = uart_add_port(&u->port);
	if (err) {
		free_irq((unsigned int)irq, u);
		goto unmap;
	}
	u->ie = SIFIVE_IRQ_RXWM;
	writel(u->ie, sifive_reg(u, SIFIVE_IE));
	dev_set_drvdata(dev, u);
	uart_report_port(dev, &u->port, irq);
	return 0;
unmap:
	iounmap(u->regs);
free:
	kfree(u);
	return err;
}

static const struct of_device_id sifive_uart_of_match[] = {
	{ .compatible = "sifive,fu540-c000-uart0" },
	{ .compatible = "sifive,uart0" },
	{ }
};

static const struct driver sifive_uart_driver = {
	.name = "sifive-uart",
	.of_match = sifive_uart_of_match,
	.probe = sifive_uart_probe,
};
builtin_driver(sifive_uart_driver);
