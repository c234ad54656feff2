// SPDX-License-Identifier: MIT
/*
 * The serial core and its drivers on the boot tree's UARTs: input handed
 * to the receive path reaches the raw ring and an attached line
 * discipline; on a UART with loopback (the 16550), queued and polled
 * output comes back as input through the real interrupts while the
 * console's lines still leave the port; the console is the port the
 * command line or /chosen/stdout-path names.  On a machine without a UART
 * this kernel drives, or without loopback, those cases skip.
 */
#include <tern/boot.h>
#include <tern/console_arg.h>
#include <tern/device.h>
#include <tern/irq.h>
#include <tern/ktest.h>
#include <tern/sched.h>
#include <tern/serial.h>
#include <tern/string.h>

#define CAPTURE_MAX		128
#define LOOPBACK_WAIT_MS	10
#define LOOPBACK_WAITS		300	/* a deadlock guard, not a timing check */

struct capture {
	u8 buf[CAPTURE_MAX];
	size_t len;		/* rx_lock */
	unsigned long calls;	/* rx_lock */
};

static void capture_receive(struct uart_port *port, const u8 *buf, size_t n, void *data)
{
	struct capture *c = data;
	size_t room = CAPTURE_MAX - c->len;

	memcpy(c->buf + c->len, buf, MIN(n, room));
	c->len += MIN(n, room);
	c->calls++;
}

static const struct uart_ldisc capture_ldisc = {
	.name = "ktest-capture",
	.receive = capture_receive,
};

/* Empties the raw ring of whatever the host typed. */
static void drain(struct uart_port *port)
{
	u8 junk[32];

	while (uart_read(port, junk, sizeof(junk)))
		;
}

static void injected_bytes_reach_the_raw_ring(struct ktest *t)
{
	struct uart_port *port = uart_port_by_index(0);
	u8 flood[UART_RX_RING_SIZE + 44], got[UART_RX_RING_SIZE + 44];
	unsigned long bytes, dropped;
	size_t n;

	const struct uart_ldisc *old;
	void *old_data;

	if (!port)
		KTEST_SKIP(t, "no UART port");
	old = uart_set_ldisc(port, NULL, NULL, &old_data);	/* the console tty's, maybe */
	KTEST_EXPECT(t, port->ldisc == &uart_raw_ldisc);
	drain(port);
	bytes = port->rx_bytes;
	uart_receive(port, (const u8 *)"tern", 4);
	uart_receive(port, (const u8 *)"!", 1);
	n = uart_read(port, got, sizeof(got));
	KTEST_EXPECT_EQ(t, n, 5);
	KTEST_EXPECT(t, n == 5 && !memcmp(got, "tern!", 5));
	KTEST_EXPECT_EQ(t, port->rx_bytes - bytes, 5);
	KTEST_EXPECT_EQ(t, uart_read(port, got, sizeof(got)), 0);

	/* A full ring keeps the oldest bytes and counts the rest as dropped. */
	for (n = 0; n < sizeof(flood); n++)
		flood[n] = (u8)n;
	dropped = port->rx_dropped;
	uart_receive(port, flood, sizeof(flood));
	n = uart_read(port, got, sizeof(got));
	KTEST_EXPECT_EQ(t, n, UART_RX_RING_SIZE);
	KTEST_EXPECT(t, !memcmp(got, flood, UART_RX_RING_SIZE));
	KTEST_EXPECT_EQ(t, port->rx_dropped - dropped, sizeof(flood) - UART_RX_RING_SIZE);
	uart_set_ldisc(port, old, old_data, NULL);
}

static void an_attached_ldisc_gets_the_input(struct ktest *t)
{
	struct uart_port *port = uart_port_by_index(0);
	static struct capture cap;
	const struct uart_ldisc *old;
	void *old_data;
	u8 got[8];

	if (!port)
		KTEST_SKIP(t, "no UART port");
	drain(port);
	memset(&cap, 0, sizeof(cap));
	old = uart_set_ldisc(port, &capture_ldisc, &cap, &old_data);
	uart_receive(port, (const u8 *)"ab", 2);
	uart_receive(port, (const u8 *)"c", 1);
	KTEST_EXPECT(t, uart_set_ldisc(port, old, old_data, NULL) == &capture_ldisc);
	KTEST_EXPECT(t, old == &uart_raw_ldisc || IS_ENABLED(CONFIG_TTY));
	KTEST_EXPECT_EQ(t, cap.len, 3);
	KTEST_EXPECT_EQ(t, cap.calls, 2);
	KTEST_EXPECT(t, !memcmp(cap.buf, "abc", 3));
	KTEST_EXPECT_EQ(t, uart_read(port, got, sizeof(got)), 0);
}

/* Sleeps until cap holds want bytes, or the deadlock guard runs out. */
static size_t wait_for_capture(struct uart_port *port, struct capture *cap, size_t want)
{
	unsigned int i;
	size_t len = 0;

	for (i = 0; i < LOOPBACK_WAITS; i++) {
		unsigned long flags = spin_lock_irqsave(&port->rx_lock);

		len = cap->len;
		spin_unlock_irqrestore(&port->rx_lock, flags);
		if (len >= want && !uart_tx_pending(port))
			break;
		msleep(LOOPBACK_WAIT_MS);
	}
	return len;
}

/*
 * In loopback, queued output (longer than the FIFO, so the transmit
 * interrupt refills it) and polled output (a FIFO's worth at a time)
 * come back through the receive interrupt; a console line meanwhile
 * leaves the port and does not.
 */
static void loopback_output_comes_back_as_input(struct ktest *t)
{
	static const char queued[] = "tern loopback: queued through THRE";
	static const char polled[] = "polled";
	struct uart_port *port = uart_port_by_index(0);
	static struct capture cap;
	const struct uart_ldisc *old;
	unsigned long irqs, tx, flags;
	void *old_data;
	size_t len, want = sizeof(queued) - 1 + sizeof(polled) - 1;
	int err;

	if (!port)
		KTEST_SKIP(t, "no UART port");
	if (port->irq < 0)
		KTEST_SKIP(t, "ttyS0 has no interrupt: nothing is read");
	memset(&cap, 0, sizeof(cap));
	old = uart_set_ldisc(port, &capture_ldisc, &cap, &old_data);
	err = uart_set_loopback(port, true);
	if (err) {
		uart_set_ldisc(port, old, old_data, NULL);
		KTEST_EXPECT_EQ(t, err, -EOPNOTSUPP);
		KTEST_SKIP(t, "ttyS0 has no loopback");
	}
	irqs = irq_count((unsigned int)port->irq);
	KTEST_EXPECT_EQ(t, uart_write(port, queued, sizeof(queued) - 1), sizeof(queued) - 1);
	len = wait_for_capture(port, &cap, sizeof(queued) - 1);
	tx = port->tx_bytes;
	console_printf("# serial ktest: a console line in loopback\n");
	KTEST_EXPECT_GT(t, port->console_reason ? port->tx_bytes - tx : 1, 0);
	/* No more at a time than the receiver holds (one byte without FIFOs). */
	for (size_t i = 0; i < sizeof(polled) - 1; i += port->fifo_size) {
		size_t n = MIN((size_t)port->fifo_size, sizeof(polled) - 1 - i);

		flags = spin_lock_irqsave(&port->lock);
		uart_poll_write(port, polled + i, n);
		spin_unlock_irqrestore(&port->lock, flags);
		len = wait_for_capture(port, &cap, sizeof(queued) - 1 + i + n);
	}
	uart_set_loopback(port, false);
	uart_set_ldisc(port, old, old_data, NULL);

	KTEST_EXPECT_EQ(t, len, want);
	KTEST_EXPECT(t, !memcmp(cap.buf, queued, sizeof(queued) - 1));
	KTEST_EXPECT(t, !memcmp(cap.buf + sizeof(queued) - 1, polled, sizeof(polled) - 1));
	KTEST_EXPECT_GT(t, irq_count((unsigned int)port->irq) - irqs, 0);
	KTEST_EXPECT_EQ(t, uart_tx_pending(port), 0);
}

/*
 * Output queued on ttyS0 leaves through the transmit interrupt: the ring
 * drains with interrupts on, and the interrupt count moves.  What it
 * prints is a KTAP diagnostic line, harmless on the console.
 */
static void queued_output_drains_through_the_interrupt(struct ktest *t)
{
	static const char line[] = "# serial ktest: queued output through the transmit interrupt\n";
	struct uart_port *port = uart_port_by_index(0);
	unsigned long irqs, tx;
	unsigned int i;

	if (!port)
		KTEST_SKIP(t, "no UART port");
	tx = port->tx_bytes;
	if (port->irq < 0) {
		/* No interrupt: written polled before uart_write returns. */
		KTEST_EXPECT_EQ(t, uart_write(port, line, sizeof(line) - 1), sizeof(line) - 1);
		KTEST_EXPECT_EQ(t, uart_tx_pending(port), 0);
		KTEST_EXPECT_GE(t, port->tx_bytes - tx, sizeof(line) - 1);
		return;
	}
	irqs = irq_count((unsigned int)port->irq);
	KTEST_EXPECT_EQ(t, uart_write(port, line, sizeof(line) - 1), sizeof(line) - 1);
	for (i = 0; i < LOOPBACK_WAITS && uart_tx_pending(port); i++)
		msleep(LOOPBACK_WAIT_MS);
	KTEST_EXPECT_EQ(t, uart_tx_pending(port), 0);
	KTEST_EXPECT_GE(t, port->tx_bytes - tx, sizeof(line) - 1);
	KTEST_EXPECT_GT(t, irq_count((unsigned int)port->irq) - irqs, 0);
}

static bool console_registered(const struct console *wanted)
{
	struct console *con;

	for_each_console(con)
		if (con == wanted)
			return true;
	return false;
}

/* The node /chosen/stdout-path names by its path (aliases are not looked up here). */
static int stdout_node(void)
{
	char path[128];
	const char *prop;
	size_t plen;
	u32 baud;
	int chosen = fdt_path_offset(&boot_fdt, "/chosen"), len;

	prop = chosen < 0 ? NULL : fdt_getprop(&boot_fdt, chosen, "stdout-path", &len);
	if (!prop || stdout_path_split(prop, strnlen(prop, (size_t)len), &plen, &baud) ||
	    plen >= sizeof(path) || prop[0] != '/')
		return -1;
	memcpy(path, prop, plen);
	path[plen] = '\0';
	return fdt_path_offset(&boot_fdt, path);
}

/*
 * Without console=, the port of the stdout-path node is the console and
 * no other; with it, the consoles are ports it names.  A UART console
 * leaves no boot console behind.
 */
static void the_console_is_the_chosen_port(struct ktest *t)
{
	int node = stdout_node(), i, consoles = 0;
	struct console *con;

	for (i = 0; i < UART_PORTS_MAX; i++) {
		struct uart_port *port = uart_port_by_index(i);

		if (!port)
			continue;
		KTEST_EXPECT_EQ(t, console_registered(&port->console), !!port->console_reason);
		if (uart_console_args())
			KTEST_EXPECT(t, !port->console_reason ||
					!strcmp(port->console_reason, "console="));
		else
			KTEST_EXPECT_EQ(t, !!port->console_reason,
					port->dev->fdt == &boot_fdt && port->dev->node == node);
		consoles += !!port->console_reason;
	}
	if (consoles)
		for_each_console(con)
			KTEST_EXPECT(t, !(con->flags & CON_BOOT));
	if (!uart_console_args() && node >= 0 && device_find_by_node(node) &&
	    device_find_by_node(node)->state == DEVICE_BOUND &&
	    device_find_by_node(node)->driver && uart_port_by_index(0))
		KTEST_EXPECT_GT(t, consoles, 0);
}

KTEST_SUITE(serial,
	    KTEST_CASE(injected_bytes_reach_the_raw_ring),
	    KTEST_CASE(an_attached_ldisc_gets_the_input),
	    KTEST_CASE(queued_output_drains_through_the_interrupt),
	    KTEST_CASE(loopback_output_comes_back_as_input),
	    KTEST_CASE(the_console_is_the_chosen_port));
