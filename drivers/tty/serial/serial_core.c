// SPDX-License-Identifier: MIT
/*
 * The serial core: UART ports, their transmit and receive rings, the line
 * discipline hook and the console choice.  The rules are in
 * include/tern/serial.h; the console choice in Documentation/drivers/serial.md.
 */
#include <tern/boot.h>
#include <tern/console_arg.h>
#include <tern/device.h>
#include <tern/errno.h>
#include <tern/init.h>
#include <tern/irqflags.h>
#include <tern/params.h>
#include <tern/printf.h>
#include <tern/serial.h>
#include <tern/string.h>

#define UART_POLL_MAX		(1u << 20)	/* polls of a transmitter that has no room */
#define UART_LOCK_TRIES		(1u << 20)	/* console: then go on without the lock */
#define CONSOLE_ARGS_MAX	4
#define STDOUT_PATH_MAX		128

/* Written by the probes only (boot CPU, one at a time); read-only afterwards. */
static struct uart_port *uart_ports[UART_PORTS_MAX];

/* The console= arguments, set before the initcalls run and never again. */
static struct console_arg console_args[CONSOLE_ARGS_MAX];
static unsigned int nr_console_args;

static int console_setup(const char *value, size_t len)
{
	struct console_arg arg;

	if (!value || console_arg_parse(value, len, &arg))
		return -EINVAL;
	if (nr_console_args == CONSOLE_ARGS_MAX)
		return -EINVAL;
	console_args[nr_console_args++] = arg;
	return 0;
}
__setup("console=", console_setup);

unsigned int uart_console_args(void)
{
	return nr_console_args;
}

/*
 * The boot tree's node that /chosen/stdout-path (or the older
 * linux,stdout-path) names, through /aliases when it is not a path;
 * negative when there is none.
 */
static int stdout_path_node(void)
{
	char path[STDOUT_PATH_MAX];
	const char *prop;
	size_t path_len;
	u32 baud;
	int chosen, len;

	if (!boot_fdt_valid())
		return -ENODEV;
	chosen = fdt_path_offset(&boot_fdt, "/chosen");
	if (chosen < 0)
		return chosen;
	prop = fdt_getprop(&boot_fdt, chosen, "stdout-path", &len);
	if (!prop)
		prop = fdt_getprop(&boot_fdt, chosen, "linux,stdout-path", &len);
	if (!prop || len < 1)
		return -ENOENT;
	if (stdout_path_split(prop, strnlen(prop, (size_t)len), &path_len, &baud) ||
	    path_len >= sizeof(path))
		return -EINVAL;
	memcpy(path, prop, path_len);
	path[path_len] = '\0';
	if (path[0] != '/') {
		int aliases = fdt_path_offset(&boot_fdt, "/aliases");

		prop = aliases < 0 ? NULL : fdt_getprop(&boot_fdt, aliases, path, &len);
		if (!prop || len < 2 || strnlen(prop, (size_t)len) >= sizeof(path))
			return -ENOENT;
		memcpy(path, prop, strnlen(prop, (size_t)len) + 1);
	}
	return fdt_path_offset(&boot_fdt, path);
}

bool uart_is_chosen_console(const struct uart_port *port, const char **reason)
{
	unsigned int i;

	if (nr_console_args) {
		for (i = 0; i < nr_console_args; i++) {
			if (!strcmp(console_args[i].name, "ttyS") &&
			    console_args[i].index == port->index) {
				*reason = "console=";
				return true;
			}
		}
		return false;
	}
	if (port->dev->fdt == &boot_fdt && port->dev->node == stdout_path_node()) {
		*reason = "stdout-path";
		return true;
	}
	return false;
}

/*
 * After every probe: a console=ttyS<n> whose port never appeared is said,
 * since the boot console then stays where the user did not look for it.
 */
static int console_args_check(void)
{
	unsigned int i;

	for (i = 0; i < nr_console_args; i++) {
		const struct console_arg *arg = &console_args[i];

		if (strcmp(arg->name, "ttyS") || uart_port_by_index(arg->index))
			continue;
		if (arg->index < 0)
			pr_warn("console: console=ttyS without a number names no port\n");
		else
			pr_warn("console: console=ttyS%d names no port; the console stays as it is\n",
				arg->index);
	}
	return 0;
}
late_initcall(console_args_check);

/* Interrupts off.  False when the lock stayed taken: go on without it. */
static bool uart_console_trylock(struct uart_port *port)
{
	unsigned int i;

	for (i = 0; i < UART_LOCK_TRIES; i++)
		if (spin_trylock(&port->lock))
			return true;
	return false;
}

static void uart_console_write(struct console *con, const char *s, size_t n)
{
	struct uart_port *port = container_of(con, struct uart_port, console);
	bool locked = uart_console_trylock(port);

	if (port->ops->console_write)
		port->ops->console_write(port, s, n);
	else
		uart_poll_write(port, s, n);
	if (locked)
		spin_unlock(&port->lock);
}

int uart_add_port(struct uart_port *port)
{
	const char *reason;
	int i;

	for (i = 0; i < UART_PORTS_MAX && uart_ports[i]; i++)
		;
	if (i == UART_PORTS_MAX)
		return -ENOSPC;
	port->index = i;
	snprintf(port->name, sizeof(port->name), "ttyS%d", i);
	spin_lock_init(&port->lock);
	spin_lock_init(&port->rx_lock);
	byte_ring_init(&port->tx, port->tx_buf, sizeof(port->tx_buf));
	byte_ring_init(&port->rx, port->rx_buf, sizeof(port->rx_buf));
	port->ldisc = &uart_raw_ldisc;
	port->ldisc_data = NULL;
	if (!port->fifo_size)
		port->fifo_size = 1;
	port->console.name = port->name;
	port->console.write = uart_console_write;
	port->console.flags = 0;
	port->console_reason = NULL;
	uart_ports[i] = port;
	if (uart_is_chosen_console(port, &reason) && !register_console(&port->console))
		port->console_reason = reason;
	return 0;
}

struct uart_port *uart_port_by_index(int index)
{
	if (index < 0 || index >= UART_PORTS_MAX)
		return NULL;
	return uart_ports[index];
}

/* Waits (bounded) for room; 0 when the transmitter never had any. */
static unsigned int uart_wait_room(struct uart_port *port)
{
	unsigned int i, room;

	for (i = 0; i < UART_POLL_MAX; i++) {
		room = port->ops->tx_room(port);
		if (room)
			return room;
	}
	return 0;
}

void uart_poll_write(struct uart_port *port, const char *s, size_t n)
{
	while (n) {
		unsigned int room = uart_wait_room(port);

		if (!room)
			return;
		for (; room && n; room--, n--) {
			port->ops->tx_byte(port, (u8)*s++);
			port->tx_bytes++;
		}
	}
}

/* Port lock held: drains the ring polled. */
static void uart_tx_drain_polled(struct uart_port *port)
{
	u8 c;

	while (byte_ring_len(&port->tx)) {
		unsigned int room = uart_wait_room(port);

		if (!room) {
			byte_ring_clear(&port->tx);
			return;
		}
		for (; room && byte_ring_get(&port->tx, &c, 1); room--) {
			port->ops->tx_byte(port, c);
			port->tx_bytes++;
		}
	}
}

size_t uart_write(struct uart_port *port, const void *buf, size_t n)
{
	bool polled = irqs_disabled() || port->irq < 0;
	unsigned long flags = spin_lock_irqsave(&port->lock);
	size_t done = byte_ring_put(&port->tx, buf, n);

	if (polled)
		uart_tx_drain_polled(port);
	else if (done)
		port->ops->tx_irq(port, true);
	spin_unlock_irqrestore(&port->lock, flags);
	return done;
}

size_t uart_tx_pending(struct uart_port *port)
{
	unsigned long flags = spin_lock_irqsave(&port->lock);
	size_t n = byte_ring_len(&port->tx);

	spin_unlock_irqrestore(&port->lock, flags);
	return n;
}

void uart_tx_chars(struct uart_port *port)
{
	unsigned int room = port->ops->tx_room(port);
	u8 c;

	for (; room && byte_ring_get(&port->tx, &c, 1); room--) {
		port->ops->tx_byte(port, c);
		port->tx_bytes++;
	}
	if (!byte_ring_len(&port->tx))
		port->ops->tx_irq(port, false);
}

static void uart_raw_receive(struct uart_port *port, const u8 *buf, size_t n, void *data)
{
	size_t stored = byte_ring_put(&port->rx, buf, n);

	port->rx_dropped += n - stored;
}

const struct uart_ldisc uart_raw_ldisc = {
	.name = "raw",
	.receive = uart_raw_receive,
};

void uart_receive(struct uart_port *port, const u8 *buf, size_t n)
{
	unsigned long flags = spin_lock_irqsave(&port->rx_lock);

	port->rx_bytes += n;
	port->ldisc->receive(port, buf, n, port->ldisc_data);
	spin_unlock_irqrestore(&port->rx_lock, flags);
}

const struct uart_ldisc *uart_set_ldisc(struct uart_port *port, const struct uart_ldisc *ld,
					void *data, void **old_data)
{
	unsigned long flags = spin_lock_irqsave(&port->rx_lock);
	const struct uart_ldisc *old = port->ldisc;

	if (old_data)
		*old_data = port->ldisc_data;
	port->ldisc = ld ? ld : &uart_raw_ldisc;
	port->ldisc_data = data;
	if (old == &uart_raw_ldisc && port->ldisc != old) {
		/* What came before a line discipline goes to it, in order. */
		u8 buf[64];
		size_t n;

		while ((n = byte_ring_get(&port->rx, buf, sizeof(buf))))
			port->ldisc->receive(port, buf, n, port->ldisc_data);
	}
	spin_unlock_irqrestore(&port->rx_lock, flags);
	return old;
}

size_t uart_read(struct uart_port *port, void *buf, size_t n)
{
	unsigned long flags = spin_lock_irqsave(&port->rx_lock);
	size_t got = byte_ring_get(&port->rx, buf, n);

	spin_unlock_irqrestore(&port->rx_lock, flags);
	return got;
}

int uart_set_loopback(struct uart_port *port, bool on)
{
	unsigned long flags;

	if (!port->ops->set_loopback)
		return -EOPNOTSUPP;
	flags = spin_lock_irqsave(&port->lock);
	port->ops->set_loopback(port, on);
	spin_unlock_irqrestore(&port->lock, flags);
	return 0;
}

void uart_report_port(struct device *dev, const struct uart_port *port, int irq)
{
	const char *why = port->console_reason;
	char line[48];

	if (irq < 0)
		scnprintf(line, sizeof(line), "no interrupt (output polled, input unread)");
	else
		scnprintf(line, sizeof(line), "irq %d", irq);
	dev_notice(dev, "%s, %s, %u-byte FIFO%s%s\n", port->name, line, port->fifo_size,
		 why ? ", console from " : "", why ? why : "");
}
