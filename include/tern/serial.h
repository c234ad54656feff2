/* SPDX-License-Identifier: MIT */
/*
 * UART ports (drivers/tty/serial/serial_core.c), as Linux's serial core:
 * a UART driver fills a struct uart_port in its probe and adds it; the
 * core numbers it (ttyS0, ttyS1, ... in the order they are added),
 * queues its output, hands its input to a line discipline, and makes it
 * the console when the command line or the device tree says so
 * (Documentation/drivers/serial.md).
 *
 * Locks:
 *  - port->lock guards the transmit ring and the transmitter's registers;
 *    the driver's interrupt handler and the ops below run under it with
 *    interrupts off.  The console write takes it too, but goes on without
 *    it if it stays taken (a CPU that died holding it, in a panic).
 *    Nothing prints under it.
 *  - port->rx_lock guards the line discipline, the receive ring and the
 *    receive counters.
 */
#ifndef TERN_SERIAL_H
#define TERN_SERIAL_H

#include <tern/byte_ring.h>
#include <tern/console.h>
#include <tern/spinlock.h>
#include <tern/types.h>

#define UART_PORTS_MAX		8
#define UART_TX_RING_SIZE	1024
#define UART_RX_RING_SIZE	256
#define UART_NAME_MAX		8	/* "ttyS7" and its NUL */

struct device;
struct uart_port;

struct uart_ops {
	/* Port lock held, interrupts off. */
	/* How many bytes the transmitter takes now without waiting. */
	unsigned int (*tx_room)(struct uart_port *port);
	void (*tx_byte)(struct uart_port *port, u8 c);
	/* Enables or disables the "transmitter has room" interrupt. */
	void (*tx_irq)(struct uart_port *port, bool on);
	/*
	 * Optional: the console's polled write, for a driver that must do
	 * more than uart_poll_write (the 16550 leaves loopback for it).
	 */
	void (*console_write)(struct uart_port *port, const char *s, size_t n);
	/* Optional: internal loopback, transmit to receive (tests). */
	void (*set_loopback)(struct uart_port *port, bool on);
};

/*
 * Where received bytes go: the hook a tty layer will attach to.
 * receive() runs under rx_lock with interrupts off, from the driver's
 * receive interrupt (or a test's uart_receive); it must not sleep.
 */
struct uart_ldisc {
	const char *name;
	void (*receive)(struct uart_port *port, const u8 *buf, size_t n, void *data);
};

struct uart_port {
	/* Set by the driver before uart_add_port. */
	struct device *dev;
	const struct uart_ops *ops;
	int irq;			/* its interrupt, or -1: output is polled */
	unsigned int fifo_size;		/* transmit FIFO depth, at least 1 */

	/* Set by uart_add_port. */
	int index;			/* N of ttySN */
	char name[UART_NAME_MAX];	/* "ttyS0" */
	const char *console_reason;	/* why it is the console, or NULL */
	struct console console;
	spinlock_t lock;
	struct byte_ring tx;		/* lock */
	u8 tx_buf[UART_TX_RING_SIZE];
	unsigned long tx_bytes;		/* lock: bytes given to the transmitter */
	spinlock_t rx_lock;
	const struct uart_ldisc *ldisc;	/* rx_lock */
	void *ldisc_data;		/* rx_lock */
	struct byte_ring rx;		/* rx_lock: the raw discipline's ring */
	u8 rx_buf[UART_RX_RING_SIZE];
	unsigned long rx_bytes;		/* rx_lock: bytes received */
	unsigned long rx_dropped;	/* rx_lock: lost to a full ring */
};

/*
 * Numbers port, makes it ready and, if it is the chosen console,
 * registers its console (the boot console hands over).  From a probe.
 * 0, or -ENOSPC when UART_PORTS_MAX ports exist.
 */
int uart_add_port(struct uart_port *port);

/*
 * Logs the bound port, one line: "ttyS0, irq 10, 16-byte FIFO, console
 * from stdout-path" (irq < 0: "no interrupt (output polled, input
 * unread)").  From a probe, after uart_add_port.
 */
void uart_report_port(struct device *dev, const struct uart_port *port, int irq);

/* ttyS<index>, or NULL. */
struct uart_port *uart_port_by_index(int index);

/*
 * Queues up to n bytes for output; returns how many were queued (fewer
 * when the ring is full).  With interrupts on and a port interrupt, the
 * driver's interrupt drains the ring; otherwise it is drained here,
 * polled.  Process context or interrupts off; not under port->lock.
 */
size_t uart_write(struct uart_port *port, const void *buf, size_t n);

/* Bytes still queued for output. */
size_t uart_tx_pending(struct uart_port *port);

/*
 * From the driver's "transmitter has room" interrupt, port->lock held:
 * moves queued bytes to the transmitter, and turns that interrupt off
 * once the ring is empty.
 */
void uart_tx_chars(struct uart_port *port);

/*
 * Writes n bytes polled, each once the transmitter has room (port->lock
 * held or the console's write path): a transmitter that never has room
 * is given up on after a bound, and the rest is dropped.
 */
void uart_poll_write(struct uart_port *port, const char *s, size_t n);

/*
 * The receive path's entry: the driver's receive interrupt calls it with
 * the bytes it read, port->lock not held.  Hands them to the line
 * discipline.  Any context.
 */
void uart_receive(struct uart_port *port, const u8 *buf, size_t n);

/*
 * The raw line discipline every port starts with: received bytes wait in
 * the port's receive ring (dropped and counted when it is full) for
 * uart_read.
 */
extern const struct uart_ldisc uart_raw_ldisc;

/* Attaches ld (NULL: the raw one) with data; returns the previous one. */
const struct uart_ldisc *uart_set_ldisc(struct uart_port *port, const struct uart_ldisc *ld,
					void *data, void **old_data);

/* Takes up to n received bytes from the raw ring; never waits. */
size_t uart_read(struct uart_port *port, void *buf, size_t n);

/*
 * Internal loopback on or off: 0, or -EOPNOTSUPP for hardware that has
 * none.  While it is on, the console's output still leaves the port.
 */
int uart_set_loopback(struct uart_port *port, bool on);

/*
 * The console choice: the console= arguments naming ttyS ports, else the
 * device tree's /chosen/stdout-path node.  Does the port fit it?  Sets
 * *reason to "console=" or "stdout-path" when it does.
 */
bool uart_is_chosen_console(const struct uart_port *port, const char **reason);

/* How many console= arguments the command line had (any device). */
unsigned int uart_console_args(void);

#endif
