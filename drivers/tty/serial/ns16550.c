// SPDX-License-Identifier: MIT
/*
 * The 16550A UART ("ns16550a", "ns16550"): QEMU virt's serial port and
 * countless boards'.  Registers are reg-shift apart and reg-io-width wide
 * (1 or 4 bytes).  The FIFOs are on; input arrives by the receive
 * interrupt, queued output leaves by the "transmit holding register
 * empty" interrupt, and the console writes polled.  The baud divisor the
 * firmware set is kept.
 */
#include <tern/device.h>
#include <tern/irq.h>
#include <tern/serial.h>
#include <tern/slab.h>

#define UART_RBR	0	/* receive buffer (read) */
#define UART_THR	0	/* transmit holding (write) */
#define UART_IER	1
#define  UART_IER_RDI	0x01	/* receive data available */
#define  UART_IER_THRI	0x02	/* transmit holding register empty */
#define UART_IIR	2	/* interrupt identification (read) */
#define  UART_IIR_NO_INT	0x01
#define  UART_IIR_FIFO_ON	0xc0	/* both set: a working 16550A FIFO */
#define UART_FCR	2	/* FIFO control (write) */
#define  UART_FCR_ENABLE	0x01
#define  UART_FCR_CLEAR_TX	0x04
#define UART_LCR	3
#define  UART_LCR_8N1	0x03
#define UART_MCR	4
#define  UART_MCR_DTR	0x01
#define  UART_MCR_RTS	0x02
#define  UART_MCR_OUT2	0x08	/* gates the interrupt line on PC-style boards */
#define  UART_MCR_LOOP	0x10
#define UART_LSR	5
#define  UART_LSR_DR	0x01
#define  UART_LSR_THRE	0x20	/* transmit FIFO empty */
#define  UART_LSR_TEMT	0x40	/* transmitter idle */
#define UART_MSR	6

#define NS16550_FIFO_SIZE	16
#define NS16550_IDLE_POLLS	(1u << 20)	/* waiting for the transmitter to go idle */
#define NS16550_RX_BATCH	32		/* bytes handed on at a time */
#define NS16550_IRQ_ROUNDS	16		/* then the level interrupt comes back */

struct ns16550 {
	struct uart_port port;
	void __iomem *regs;
	u32 reg_shift;
	u32 io_width;		/* 1 or 4 */
	u8 ier;			/* port lock: what IER holds */
	u8 mcr;			/* port lock: what MCR holds */
};

static inline struct ns16550 *to_ns16550(struct uart_port *port)
{
	return container_of(port, struct ns16550, port);
}

static u8 ns_read(struct ns16550 *u, unsigned int reg)
{
	void __iomem *addr = (u8 __iomem *)u->regs + (reg << u->reg_shift);

	return u->io_width == 4 ? (u8)readl(addr) : readb(addr);
}

static void ns_write(struct ns16550 *u, unsigned int reg, u8 v)
{
	void __iomem *addr = (u8 __iomem *)u->regs + (reg << u->reg_shift);

	if (u->io_width == 4)
		writel(v, addr);
	else
		writeb(v, addr);
}

/* Bounded: false when the transmitter never went idle. */
static bool ns_wait_idle(struct ns16550 *u)
{
	unsigned int i;

	for (i = 0; i < NS16550_IDLE_POLLS; i++)
		if (ns_read(u, UART_LSR) & UART_LSR_TEMT)
			return true;
	return false;
}

static unsigned int ns_tx_room(struct uart_port *port)
{
	return ns_read(to_ns16550(port), UART_LSR) & UART_LSR_THRE ? port->fifo_size : 0;
}

static void ns_tx_byte(struct uart_port *port, u8 c)
{
	ns_write(to_ns16550(port), UART_THR, c);
}

static void ns_tx_irq(struct uart_port *port, bool on)
{
	struct ns16550 *u = to_ns16550(port);
	u8 ier = on ? u->ier | UART_IER_THRI : u->ier & ~UART_IER_THRI;

	if (ier != u->ier) {
		u->ier = ier;
		ns_write(u, UART_IER, ier);
	}
}

/* In loopback the console's bytes would come back as input: leave it for them. */
static void ns_console_write(struct uart_port *port, const char *s, size_t n)
{
	struct ns16550 *u = to_ns16550(port);

	if (!(u->mcr & UART_MCR_LOOP)) {
		uart_poll_write(port, s, n);
		return;
	}
	ns_wait_idle(u);
	ns_write(u, UART_MCR, u->mcr & ~UART_MCR_LOOP);
	uart_poll_write(port, s, n);
	ns_wait_idle(u);
	ns_write(u, UART_MCR, u->mcr);
}

static void ns_set_loopback(struct uart_port *port, bool on)
{
	struct ns16550 *u = to_ns16550(port);

	ns_wait_idle(u);
	u->mcr = on ? u->mcr | UART_MCR_LOOP : u->mcr & ~UART_MCR_LOOP;
	ns_write(u, UART_MCR, u->mcr);
}

static const struct uart_ops ns16550_ops = {
	.tx_room = ns_tx_room,
	.tx_byte = ns_tx_byte,
	.tx_irq = ns_tx_irq,
	.console_write = ns_console_write,
	.set_loopback = ns_set_loopback,
};

static void ns16550_interrupt(unsigned int irq, void *data)
{
	struct ns16550 *u = data;
	u8 buf[NS16550_RX_BATCH];
	unsigned int round, n;

	for (round = 0; round < NS16550_IRQ_ROUNDS; round++) {
		spin_lock(&u->port.lock);
		if (ns_read(u, UART_IIR) & UART_IIR_NO_INT) {
			spin_unlock(&u->port.lock);
			return;
		}
		for (n = 0; n < NS16550_RX_BATCH && (ns_read(u, UART_LSR) & UART_LSR_DR); n++)
			buf[n] = ns_read(u, UART_RBR);
		if ((u->ier & UART_IER_THRI) && (ns_read(u, UART_LSR) & UART_LSR_THRE))
			uart_tx_chars(&u->port);
		spin_unlock(&u->port.lock);
		if (n)
			uart_receive(&u->port, buf, n);
	}
}

/*
 * 8N1, no interrupts yet; what the firmware still had in the transmitter
 * leaves first.  The FIFOs stay as the firmware left them: switching
 * them on or off empties the receiver, and input may be waiting there
 * (QEMU hands make run's piped stdin over from the first instruction, so
 * a scripted session would lose bytes).  Without FIFOs the receiver
 * holds one byte and QEMU keeps the rest until it is read.  Returns the
 * FIFO depth, or 0 when nothing there behaves as a 16550 (its
 * transmitter never goes idle): a console there would print nothing.
 */
static unsigned int ns16550_init_hw(struct ns16550 *u)
{
	bool fifo_on;

	if (!ns_wait_idle(u))
		return 0;
	ns_write(u, UART_IER, 0);
	ns_write(u, UART_LCR, UART_LCR_8N1);
	fifo_on = (ns_read(u, UART_IIR) & UART_IIR_FIFO_ON) == UART_IIR_FIFO_ON;
	ns_write(u, UART_FCR, (fifo_on ? UART_FCR_ENABLE : 0) | UART_FCR_CLEAR_TX);
	u->mcr = UART_MCR_DTR | UART_MCR_RTS | UART_MCR_OUT2;
	ns_write(u, UART_MCR, u->mcr);
	(void)ns_read(u, UART_IIR);
	(void)ns_read(u, UART_MSR);
	return fifo_on ? NS16550_FIFO_SIZE : 1;
}

/* reg-shift and reg-io-width: 0, or -EINVAL for values this driver cannot use. */
static int ns16550_reg_layout(struct device *dev, struct ns16550 *u)
{
	if (fdt_getprop_u32(dev->fdt, dev->node, "reg-shift", &u->reg_shift))
		u->reg_shift = 0;
	if (fdt_getprop_u32(dev->fdt, dev->node, "reg-io-width", &u->io_width))
		u->io_width = 1;
	if (u->reg_shift > 2 || (u->io_width != 1 && u->io_width != 4))
		return dev_err_probe(dev, -EINVAL, "reg-shift %u, reg-io-width %u unsupported",
				     (unsigned int)u->reg_shift, (unsigned int)u->io_width);
	return 0;
}

/*
 * The port's irq; -1 when the node has no interrupt or its controller has
 * no driver in this kernel (-ENXIO): output is then polled and input is
 * not read.  Otherwise a negative error (-EPROBE_DEFER among them).
 */
static int ns16550_irq(struct device *dev)
{
	int count = dev_irq_count(dev), irq;

	if (count <= 0)
		return count < 0 ? count : -1;
	irq = dev_irq(dev, 0);
	return irq == -ENXIO ? -1 : irq;
}

static int ns16550_probe(struct device *dev)
{
	struct ns16550 *u;
	int irq, err;

	irq = ns16550_irq(dev);
	if (irq < -1)
		return irq;
	u = kzalloc(sizeof(*u), GFP_KERNEL);
	if (!u)
		return -ENOMEM;
	err = ns16550_reg_layout(dev, u);
	if (err)
		goto free;
	u->regs = dev_ioremap_resource(dev, 0);
	if (IS_ERR(u->regs)) {
		err = PTR_ERR(u->regs);
		goto free;
	}
	u->port.dev = dev;
	u->port.ops = &ns16550_ops;
	u->port.irq = irq;
	u->port.fifo_size = ns16550_init_hw(u);
	if (!u->port.fifo_size) {
		err = dev_err_probe(dev, -ENODEV, "no 16550 answers: its transmitter never goes idle");
		goto unmap;
	}
	if (irq >= 0) {
		err = request_irq((unsigned int)irq, ns16550_interrupt, "ns16550a", u);
		if (err) {
			dev_err_probe(dev, err, "irq %d", irq);
			goto unmap;
		}
	}
	err = uart_add_port(&u->port);
	if (err) {
		if (irq >= 0)
			free_irq((unsigned int)irq, u);
		goto unmap;
	}
	if (irq >= 0) {
		u->ier = UART_IER_RDI;
		ns_write(u, UART_IER, u->ier);
	}
	dev_set_drvdata(dev, u);
	uart_report_port(dev, &u->port, irq);
	return 0;
unmap:
	iounmap(u->regs);
free:
	kfree(u);
	return err;
}

static const struct of_device_id ns16550_of_match[] = {
	{ .compatible = "ns16550a" },
	{ .compatible = "ns16550" },
	{ }
};

static const struct driver ns16550_driver = {
	.name = "ns16550a",
	.of_match = ns16550_of_match,
	.probe = ns16550_probe,
};
builtin_driver(ns16550_driver);
