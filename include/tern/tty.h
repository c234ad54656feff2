/* SPDX-License-Identifier: MIT */
/*
 * Terminals (drivers/tty/tty_io.c): a struct tty_struct is N_TTY
 * (include/tern/n_tty.h) over one UART port, attached as the port's line
 * discipline.  The console tty is the one over the port the serial core
 * made the console (console= or /chosen/stdout-path); /dev/console and
 * /dev/tty reach it through the VFS (drivers/tty/tty_dev.c), whose file
 * operations are a few lines each:
 *
 *	read:	tty_read(console_tty(), kbuf, n, file->f_flags & O_NONBLOCK)
 *		(the VFS copies kbuf to the user; tty_read never touches user
 *		memory)
 *	write:	tty_write(console_tty(), kbuf, n)
 *	ioctl:	tty_ioctl(console_tty(), cmd, arg, true)   (arg a user pointer)
 *	poll:	tty_poll_readable / tty_poll_writable, and tty->read_wait to
 *		sleep on
 *
 * The foreground process group is a stored number (TIOCGPGRP/TIOCSPGRP);
 * ^C, ^\ and ^Z send SIGINT/SIGQUIT/SIGTSTP to it (kill_pgrp_from_tty,
 * <tern/signal.h>) unless tty->signal is set (tests).  The controlling
 * tty of a session (TIOCSCTTY, TIOCNOTTY, open by a session leader) is
 * kept by drivers/tty/tty_dev.c.
 *
 * Locks: port->rx_lock (interrupts off) guards ldisc, winsize, pgrp and
 * session, and is held around every N_TTY call, so the receive interrupt
 * and readers, writers and ioctls never see a half-changed termios.
 * tty_read, tty_write and the TCSETSW/TCSETSF ioctls sleep: call them
 * from a task, with interrupts on, holding no spinlock.
 */
#ifndef TERN_TTY_H
#define TERN_TTY_H

#include <tern/n_tty.h>
#include <tern/serial.h>
#include <tern/types.h>
#include <tern/wait.h>
#include <uapi/asm-generic/ioctls.h>
#include <uapi/asm-generic/termbits.h>

struct tty_struct {
	const char *name;		/* the port's: "ttyS0" */
	struct uart_port *port;
	struct n_tty ldisc;		/* rx_lock */
	struct wait_queue_head read_wait;	/* woken when input becomes readable */
	struct winsize winsize;		/* rx_lock: 24x80 until TIOCSWINSZ */
	int pgrp;			/* rx_lock: foreground process group, 0 none */
	int session;			/* rx_lock: set by the processes code, 0 none */
	speed_t speed;			/* rx_lock: the termios2 speeds (both) */
	/*
	 * ISIG: called with the signal (Linux numbers: SIGINT 2, SIGQUIT 3,
	 * SIGTSTP 20) and the foreground group, from the receive interrupt
	 * under rx_lock with interrupts off, after the pending input was
	 * flushed: it must not sleep or take rx_lock.  NULL: the signal
	 * goes to the foreground process group.  Set before input
	 * arrives, or under rx_lock.
	 */
	void (*signal)(struct tty_struct *tty, int sig, int pgrp);
};

/*
 * Makes tty the line discipline of port: default termios, 24x80, empty
 * input.  Input that waited in the port's raw ring is discarded.  0, or
 * -EBUSY when the port has a line discipline other than the raw one.
 */
int tty_attach(struct tty_struct *tty, struct uart_port *port);

/* Gives port back to the raw line discipline; tty must have no readers. */
void tty_detach(struct tty_struct *tty);

/* The console's tty, attached by a late initcall; NULL without a UART console. */
struct tty_struct *console_tty(void);

/* /dev/console and /dev/tty for tty (drivers/tty/tty_dev.c, TTY_DEV); called once. */
void tty_register_console_nodes(struct tty_struct *tty);

/*
 * Reads into kernel memory.  Canonical mode: waits for a line (or VEOF:
 * returns 0 at end of file); raw mode: as VMIN and VTIME say
 * (Documentation/drivers/tty.md).  With nonblock, -EAGAIN instead of
 * waiting.  n == 0 returns 0 at once.  A signal ends the wait with
 * -ERESTARTSYS.
 */
ssize_t tty_read(struct tty_struct *tty, char *kbuf, size_t n, bool nonblock);

/*
 * Writes kernel memory, output-processed (OPOST, ONLCR), through the
 * port's transmit ring; waits for room.  Returns n.
 */
ssize_t tty_write(struct tty_struct *tty, const char *kbuf, size_t n);

/*
 * Terminal ioctls: TCGETS, TCSETS, TCSETSW, TCSETSF, TCGETS2, TCSETS2,
 * TCSETSW2, TCSETSF2, TCFLSH, TIOCGWINSZ, TIOCSWINSZ, TIOCGPGRP,
 * TIOCSPGRP, TIOCGSID, FIONREAD, TIOCOUTQ.  Pointer arguments are user
 * pointers (copy_{to,from}_user, -EFAULT) when user_arg, else kernel
 * pointers.  -ENOTTY for any other command (FIONBIO, FIOCLEX are the
 * VFS's), -ENOSYS for TIOCSCTTY and TIOCNOTTY, which need the session
 * of the caller: the processes code handles them before calling here.
 */
long tty_ioctl(struct tty_struct *tty, unsigned int cmd, unsigned long arg, bool user_arg);

/*
 * do_exit: a session leader's controlling tty is let go (its foreground
 * group gets SIGHUP and SIGCONT), as Linux's disassociate_ctty.
 */
#ifdef CONFIG_TTY_DEV
void tty_session_leader_exit(void);
#else
static inline void tty_session_leader_exit(void)
{
}
#endif

/* poll(): would a read return without waiting?  Can a write queue a byte? */
bool tty_poll_readable(struct tty_struct *tty);
bool tty_poll_writable(struct tty_struct *tty);

#endif
