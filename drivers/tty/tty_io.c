// SPDX-License-Identifier: MIT
/*
 * ttys over UART ports: N_TTY attached as the port's line discipline,
 * blocking reads with VMIN/VTIME, processed writes, the terminal ioctls,
 * and the console tty.  The contract is in include/tern/tty.h.
 */
#include <tern/errno.h>
#include <tern/init.h>
#include <tern/printk.h>
#include <tern/sched.h>
#include <tern/signal.h>
#include <tern/string.h>
#include <tern/timer.h>
#include <tern/tty.h>
#include <tern/uaccess.h>

#define TTY_WRITE_CHUNK		128
#define TTY_STALL_MS		1	/* sleep while the transmit ring is full */
#define TTY_STALL_MAX		5000	/* then the transmitter is dead: give up */
#define VTIME_NSEC		(100 * NSEC_PER_MSEC)	/* VTIME counts tenths */

static struct tty_struct console_tty_struct;
static struct tty_struct *the_console_tty;	/* set once by a late initcall */

static unsigned long tty_lock(struct tty_struct *tty)
{
	return spin_lock_irqsave(&tty->port->rx_lock);
}

static void tty_unlock(struct tty_struct *tty, unsigned long flags)
{
	spin_unlock_irqrestore(&tty->port->rx_lock, flags);
}

/* ---- the line discipline's way out: echo and signals ---- */

/* rx_lock held, interrupts off: uart_write drains polled. */
static void tty_echo(struct n_tty *n, const u8 *buf, size_t len)
{
	struct tty_struct *tty = container_of(n, struct tty_struct, ldisc);

	uart_write(tty->port, buf, len);
}

static void tty_signal(struct n_tty *n, int sig)
{
	struct tty_struct *tty = container_of(n, struct tty_struct, ldisc);

	if (tty->signal)
		tty->signal(tty, sig, tty->pgrp);
	else
		kill_pgrp_from_tty(tty->pgrp, sig);
}

/* The port's uart_ldisc hook: rx_lock held, interrupts off. */
static void tty_receive(struct uart_port *port, const u8 *buf, size_t n, void *data)
{
	struct tty_struct *tty = data;

	n_tty_receive(&tty->ldisc, buf, n);
	wake_up(&tty->read_wait);
}

static const struct uart_ldisc tty_uart_ldisc = {
	.name = "n_tty",
	.receive = tty_receive,
};

int tty_attach(struct tty_struct *tty, struct uart_port *port)
{
	const struct uart_ldisc *old;
	void (*signal)(struct tty_struct *, int, int) = tty->signal;
	u8 junk[32];

	memset(tty, 0, sizeof(*tty));
	tty->signal = signal;
	tty->name = port->name;
	tty->port = port;
	n_tty_init(&tty->ldisc);
	tty->ldisc.echo = tty_echo;
	tty->ldisc.signal = tty_signal;
	tty->winsize.ws_row = 24;
	tty->winsize.ws_col = 80;
	tty->speed = 115200;
	init_waitqueue_head(&tty->read_wait);
	old = uart_set_ldisc(port, &tty_uart_ldisc, tty, NULL);
	if (old != &uart_raw_ldisc) {
		uart_set_ldisc(port, old, NULL, NULL);
		return -EBUSY;
	}
	while (uart_read(port, junk, sizeof(junk)))
		;
	return 0;
}

void tty_detach(struct tty_struct *tty)
{
	uart_set_ldisc(tty->port, NULL, NULL, NULL);
}

struct tty_struct *console_tty(void)
{
	return the_console_tty;
}

/* The console tty: over the first port the serial core made the console. */
static int console_tty_init(void)
{
	int i, err;

	for (i = 0; i < UART_PORTS_MAX; i++) {
		struct uart_port *port = uart_port_by_index(i);

		if (!port || !port->console_reason)
			continue;
		err = tty_attach(&console_tty_struct, port);
		if (err)
			return err;
		the_console_tty = &console_tty_struct;
		pr_info("tty: console tty on %s\n", port->name);
		if (IS_ENABLED(CONFIG_TTY_DEV))
			tty_register_console_nodes(the_console_tty);
		return 0;
	}
	return -ENODEV;
}
late_initcall(console_tty_init);

/* ---- reading ---- */

struct tty_read_timer {
	struct ktimer timer;
	struct tty_struct *tty;
	bool armed;
	bool expired;		/* written by the callback, read by the reader */
};

static void tty_vtime_expired(struct ktimer *timer)
{
	struct tty_read_timer *rt = container_of(timer, struct tty_read_timer, timer);

	WRITE_ONCE(rt->expired, true);
	wake_up(&rt->tty->read_wait);
}

/* A snapshot of what the reader waits on; a change ends the wait. */
struct tty_read_state {
	unsigned int head, tail;
	tcflag_t lflag;
	cc_t vmin, vtime;
};

static void tty_read_state(struct tty_struct *tty, struct tty_read_state *s)
{
	const struct n_tty *n = &tty->ldisc;

	memset(s, 0, sizeof(*s));	/* compared with memcmp: padding too */
	s->head = n->canon_head;
	s->tail = n->tail;
	s->lflag = n->termios.c_lflag;
	s->vmin = n->termios.c_cc[VMIN];
	s->vtime = n->termios.c_cc[VTIME];
}

static bool tty_read_changed(struct tty_struct *tty, const struct tty_read_state *was,
			     const struct tty_read_timer *rt)
{
	struct tty_read_state now;
	unsigned long flags = tty_lock(tty);

	tty_read_state(tty, &now);
	tty_unlock(tty, flags);
	return memcmp(&now, was, sizeof(now)) || READ_ONCE(rt->expired);
}

/*
 * rx_lock held.  Can the read end now?  Sets *ret (bytes, 0 or -EAGAIN
 * from N_TTY) when it can.  Raw mode, as termios(3): MIN 0 TIME 0 returns
 * what there is; MIN > 0 waits for MIN bytes (n if fewer); TIME > 0
 * with MIN 0 waits for one byte or the timer; with MIN > 0 the timer
 * restarts on each arrival and ends the read once a byte is there.
 */
static bool tty_read_done(struct tty_struct *tty, char *kbuf, size_t n,
			  const struct tty_read_timer *rt, ssize_t *ret)
{
	struct n_tty *ld = &tty->ldisc;
	cc_t vmin = ld->termios.c_cc[VMIN], vtime = ld->termios.c_cc[VTIME];
	bool expired = READ_ONCE(rt->expired), done;
	size_t avail;

	if (ld->termios.c_lflag & ICANON) {
		*ret = n_tty_read(ld, (u8 *)kbuf, n);
		return *ret != -EAGAIN;
	}
	avail = n_tty_chars_in_buffer(ld);
	if (!vtime)
		done = avail >= MIN((size_t)vmin, n);
	else if (!vmin)
		done = avail || expired;
	else
		done = avail >= MIN((size_t)vmin, n) || (avail && expired);
	if (done)
		*ret = avail ? n_tty_read(ld, (u8 *)kbuf, n) : 0;
	return done;
}

/* rx_lock held: (re)starts the VTIME timer where termios(3) says it runs. */
static void tty_arm_vtime(struct tty_struct *tty, struct tty_read_timer *rt,
			  const struct tty_read_state *s, const struct tty_read_state *before)
{
	const struct termios *t = &tty->ldisc.termios;
	bool arrived = s->head != before->head;

	if ((t->c_lflag & ICANON) || !t->c_cc[VTIME])
		return;
	if (!t->c_cc[VMIN] && rt->armed)
		return;		/* MIN 0: one timer from the start of the read */
	if (t->c_cc[VMIN] && (s->head == s->tail || (rt->armed && !arrived)))
		return;		/* MIN > 0: from each arrival, once a byte is there */
	rt->armed = true;
	WRITE_ONCE(rt->expired, false);
	ktimer_start(&rt->timer, ktime_ns() + t->c_cc[VTIME] * VTIME_NSEC, tty_vtime_expired);
}

ssize_t tty_read(struct tty_struct *tty, char *kbuf, size_t n, bool nonblock)
{
	struct tty_read_timer rt = { .tty = tty };
	struct tty_read_state s, before = { 0 };
	unsigned long flags;
	ssize_t ret;

	if (!n)
		return 0;
	for (;;) {
		flags = tty_lock(tty);
		if (tty_read_done(tty, kbuf, n, &rt, &ret))
			break;
		if (nonblock) {
			ret = -EAGAIN;
			break;
		}
		tty_read_state(tty, &s);
		tty_arm_vtime(tty, &rt, &s, &before);
		before = s;
		tty_unlock(tty, flags);
		ret = wait_event_interruptible(&tty->read_wait, tty_read_changed(tty, &s, &rt));
		if (ret)
			goto out;	/* a signal: -ERESTARTSYS */
	}
	tty_unlock(tty, flags);
out:
	if (rt.armed)
		ktimer_cancel(&rt.timer);
	return ret;
}

bool tty_poll_readable(struct tty_struct *tty)
{
	unsigned long flags = tty_lock(tty);
	const struct n_tty *n = &tty->ldisc;
	size_t amt = 1;
	bool ready;

	if (!(n->termios.c_lflag & ICANON) && !n->termios.c_cc[VTIME] && n->termios.c_cc[VMIN])
		amt = n->termios.c_cc[VMIN];
	if (n->termios.c_lflag & ICANON)
		ready = n_tty_input_available(n);
	else
		ready = n_tty_chars_in_buffer(n) >= amt;
	tty_unlock(tty, flags);
	return ready;
}

bool tty_poll_writable(struct tty_struct *tty)
{
	return uart_tx_pending(tty->port) < UART_TX_RING_SIZE;
}

/* ---- writing ---- */

/* Queues all of buf; false when the transmitter stopped taking bytes. */
static bool tty_put(struct tty_struct *tty, const u8 *buf, size_t len)
{
	unsigned int stalls = 0;

	while (len) {
		size_t done = uart_write(tty->port, buf, len);

		buf += done;
		len -= done;
		if (done)
			stalls = 0;
		else if (++stalls > TTY_STALL_MAX)
			return false;
		else
			msleep(TTY_STALL_MS);
	}
	return true;
}

ssize_t tty_write(struct tty_struct *tty, const char *kbuf, size_t n)
{
	u8 chunk[TTY_WRITE_CHUNK];
	struct termios t;
	unsigned long flags = tty_lock(tty);
	size_t done = 0;

	t = tty->ldisc.termios;
	tty_unlock(tty, flags);
	while (done < n) {
		size_t used, len = n_tty_output(&t, (const u8 *)kbuf + done, n - done, chunk,
						sizeof(chunk), &used);

		if (!tty_put(tty, chunk, len))
			return done ? (ssize_t)done : -EIO;
		done += used;
	}
	return (ssize_t)n;
}

/* Waits until the transmit ring is empty (bounded, as tty_put). */
static void tty_wait_sent(struct tty_struct *tty)
{
	unsigned int i;

	for (i = 0; i < TTY_STALL_MAX && uart_tx_pending(tty->port); i++)
		msleep(TTY_STALL_MS);
}

/* ---- ioctls ---- */

static int tty_copy_out(unsigned long arg, const void *src, size_t size, bool user)
{
	if (user)
		return copy_to_user((void __user *)arg, src, size) ? -EFAULT : 0;
	if (!arg)
		return -EFAULT;
	memcpy((void *)arg, src, size);
	return 0;
}

static int tty_copy_in(void *dst, unsigned long arg, size_t size, bool user)
{
	if (user)
		return copy_from_user(dst, (const void __user *)arg, size) ? -EFAULT : 0;
	if (!arg)
		return -EFAULT;
	memcpy(dst, (const void *)arg, size);
	return 0;
}

/* Linux's CBAUD codes: B0..B38400, then B57600..B4000000 with CBAUDEX. */
static const speed_t baud_table[] = {
	0, 50, 75, 110, 134, 150, 200, 300, 600, 1200, 1800, 2400, 4800, 9600, 19200, 38400,
	0, 57600, 115200, 230400, 460800, 500000, 576000, 921600, 1000000, 1152000, 1500000,
	2000000, 2500000, 3000000, 3500000, 4000000,
};

/* The output speed termios says, or fallback for BOTHER. */
static speed_t tty_termios_speed(const struct termios *t, speed_t fallback)
{
	unsigned int code = t->c_cflag & CBAUD;

	if (code == BOTHER)
		return fallback;
	code = (code & CBAUDEX) ? 16 + (code & 017) : code;
	return baud_table[code];
}

/*
 * TCSETS* and TCSETS2*: the W forms wait for output to drain, the F
 * forms also discard input.  The hardware's baud rate is left alone.
 */
static long tty_set_termios(struct tty_struct *tty, unsigned int cmd, unsigned long arg,
			    bool user)
{
	bool t2 = cmd == TCSETS2 || cmd == TCSETSW2 || cmd == TCSETSF2;
	struct termios2 new;
	unsigned long flags;
	int err;

	memset(&new, 0, sizeof(new));
	err = tty_copy_in(&new, arg, t2 ? sizeof(struct termios2) : sizeof(struct termios), user);
	if (err)
		return err;
	if (cmd != TCSETS && cmd != TCSETS2)
		tty_wait_sent(tty);
	flags = tty_lock(tty);
	if (cmd == TCSETSF || cmd == TCSETSF2)
		n_tty_flush_input(&tty->ldisc);
	n_tty_set_termios(&tty->ldisc, (const struct termios *)&new);
	tty->speed = tty_termios_speed((const struct termios *)&new,
				       t2 ? new.c_ospeed : tty->speed);
	tty_unlock(tty, flags);
	wake_up(&tty->read_wait);
	return 0;
}

static long tty_get_termios(struct tty_struct *tty, unsigned int cmd, unsigned long arg,
			    bool user)
{
	struct termios2 cur;
	unsigned long flags = tty_lock(tty);

	memset(&cur, 0, sizeof(cur));
	memcpy(&cur, &tty->ldisc.termios, sizeof(struct termios));
	cur.c_ispeed = cur.c_ospeed = tty->speed;
	tty_unlock(tty, flags);
	return tty_copy_out(arg, &cur, cmd == TCGETS2 ? sizeof(cur) : sizeof(struct termios),
			    user);
}

static long tty_flush(struct tty_struct *tty, unsigned long arg)
{
	unsigned long flags;

	if (arg != TCIFLUSH && arg != TCOFLUSH && arg != TCIOFLUSH)
		return -EINVAL;
	if (arg == TCOFLUSH)
		return 0;	/* queued output is not taken back: it is on its way */
	flags = tty_lock(tty);
	n_tty_flush_input(&tty->ldisc);
	tty_unlock(tty, flags);
	return 0;
}

/* A stored int (pgrp, session, a count) out, read under rx_lock. */
static long tty_get_int(struct tty_struct *tty, const int *field, unsigned long arg, bool user)
{
	unsigned long flags = tty_lock(tty);
	int v = *field;

	tty_unlock(tty, flags);
	return tty_copy_out(arg, &v, sizeof(v), user);
}

static long tty_winsize(struct tty_struct *tty, unsigned int cmd, unsigned long arg, bool user)
{
	struct winsize ws;
	unsigned long flags;
	int err;

	if (cmd == TIOCGWINSZ) {
		flags = tty_lock(tty);
		ws = tty->winsize;
		tty_unlock(tty, flags);
		return tty_copy_out(arg, &ws, sizeof(ws), user);
	}
	err = tty_copy_in(&ws, arg, sizeof(ws), user);
	if (err)
		return err;
	flags = tty_lock(tty);
	tty->winsize = ws;
	tty_unlock(tty, flags);
	return 0;
}

static long tty_set_pgrp(struct tty_struct *tty, unsigned long arg, bool user)
{
	unsigned long flags;
	int pgrp, err = tty_copy_in(&pgrp, arg, sizeof(pgrp), user);

	if (err)
		return err;
	if (pgrp < 0)
		return -EINVAL;
	flags = tty_lock(tty);
	tty->pgrp = pgrp;
	tty_unlock(tty, flags);
	return 0;
}

static long tty_inq(struct tty_struct *tty, unsigned long arg, bool user)
{
	unsigned long flags = tty_lock(tty);
	int count = (int)n_tty_chars_in_buffer(&tty->ldisc);

	tty_unlock(tty, flags);
	return tty_copy_out(arg, &count, sizeof(count), user);
}

long tty_ioctl(struct tty_struct *tty, unsigned int cmd, unsigned long arg, bool user_arg)
{
	int count;

	switch (cmd) {
	case TCGETS:
	case TCGETS2:
		return tty_get_termios(tty, cmd, arg, user_arg);
	case TCSETS:
	case TCSETSW:
	case TCSETSF:
	case TCSETS2:
	case TCSETSW2:
	case TCSETSF2:
		return tty_set_termios(tty, cmd, arg, user_arg);
	case TCFLSH:
		return tty_flush(tty, arg);
	case TIOCGWINSZ:
	case TIOCSWINSZ:
		return tty_winsize(tty, cmd, arg, user_arg);
	case TIOCGPGRP:
		return tty_get_int(tty, &tty->pgrp, arg, user_arg);
	case TIOCSPGRP:
		return tty_set_pgrp(tty, arg, user_arg);
	case TIOCGSID:
		if (!READ_ONCE(tty->session))
			return -ENOTTY;		/* Linux: no session owns it */
		return tty_get_int(tty, &tty->session, arg, user_arg);
	case FIONREAD:
		return tty_inq(tty, arg, user_arg);
	case TIOCOUTQ:
		count = (int)uart_tx_pending(tty->port);
		return tty_copy_out(arg, &count, sizeof(count), user_arg);
	case TIOCSCTTY:
	case TIOCNOTTY:
		return -ENOSYS;		/* tty_dev.c's: they need the caller's session */
	default:
		return -ENOTTY;
	}
}
