/* SPDX-License-Identifier: MIT */
/*
 * N_TTY, the line discipline (drivers/tty/n_tty.c), as pure logic: a
 * termios, an input buffer, and two callbacks for what leaves it (echo
 * bytes, signals).  It never sleeps, allocates or locks; the tty layer
 * (drivers/tty/tty_io.c) holds port->rx_lock with interrupts off around
 * every call, and host tests (tests/test_n_tty.c) call it directly.
 *
 * The input buffer is a ring of N_TTY_BUF_SIZE bytes with three free-
 * running indices, tail <= canon_head <= head (compared as differences):
 *
 *	[tail, canon_head)	readable: complete lines in canonical mode,
 *				everything in raw mode (canon_head == head)
 *	[canon_head, head)	the line being edited (canonical mode only)
 *
 * Each slot has two bits: line_end (the slot ends a line: '\n', VEOL,
 * VEOL2 or VEOF) and eof (the slot is the VEOF character, which ends the
 * line but is never copied to the reader: at line start a read returns 0).
 *
 * Input limit, as Linux: at most N_TTY_BUF_SIZE - 1 bytes wait; further
 * ordinary bytes are dropped (counted in dropped, not echoed), but in
 * canonical mode a line terminator may still take the last slot, so a
 * full line can always be finished.
 *
 * Callbacks (either may be NULL):
 *	echo(n, buf, len)	bytes to show the user, already output-
 *				processed (OPOST/ONLCR); called at most once
 *				per n_tty_receive call plus once before each
 *				signal, in order.
 *	signal(n, sig)		ISIG: VINTR -> N_TTY_SIGINT, VQUIT ->
 *				N_TTY_SIGQUIT, VSUSP -> N_TTY_SIGTSTP.  Called
 *				after the pending input is flushed (unless
 *				NOFLSH) and before the character is echoed.
 */
#ifndef TERN_N_TTY_H
#define TERN_N_TTY_H

#include <tern/types.h>
#include <uapi/asm-generic/termbits.h>

#define N_TTY_BUF_SIZE		4096	/* a power of two */
#define N_TTY_ECHO_BUF		64

/* Linux's signal numbers (signal(7)) for the three the keyboard raises. */
#define N_TTY_SIGINT		2
#define N_TTY_SIGQUIT		3
#define N_TTY_SIGTSTP		20

struct n_tty {
	struct termios termios;
	u8 buf[N_TTY_BUF_SIZE];
	u8 line_end[N_TTY_BUF_SIZE / 8];
	u8 eof[N_TTY_BUF_SIZE / 8];
	unsigned int tail;		/* next byte to read */
	unsigned int canon_head;	/* end of the readable bytes */
	unsigned int head;		/* next free slot */
	bool lnext;			/* VLNEXT seen: the next byte is literal */
	unsigned long dropped;		/* bytes lost to a full buffer */
	u8 echo_buf[N_TTY_ECHO_BUF];	/* echo bytes not yet handed to echo() */
	size_t echo_len;
	void (*echo)(struct n_tty *n, const u8 *buf, size_t len);
	void (*signal)(struct n_tty *n, int sig);
};

/* Linux's defaults for a new tty (tty_std_termios), at 115200 baud. */
void n_tty_default_termios(struct termios *t);

/* Empties n and sets the default termios; keeps the callbacks. */
void n_tty_init(struct n_tty *n);

/* Takes received bytes through the input rules of the current termios. */
void n_tty_receive(struct n_tty *n, const u8 *buf, size_t len);

/*
 * Takes up to len (> 0) readable bytes.  Canonical mode: at most one
 * line; 0 when the line is a VEOF at its start (end of file).  Returns
 * the count, or -EAGAIN when nothing is readable (no complete line in
 * canonical mode).
 */
ssize_t n_tty_read(struct n_tty *n, u8 *buf, size_t len);

/* Would n_tty_read return something other than -EAGAIN? */
bool n_tty_input_available(const struct n_tty *n);

/* FIONREAD: readable bytes, VEOF slots not counted. */
size_t n_tty_chars_in_buffer(const struct n_tty *n);

/*
 * New termios.  Leaving canonical mode makes the partial line readable;
 * entering it makes what is buffered one line, as Linux does.
 */
void n_tty_set_termios(struct n_tty *n, const struct termios *t);

/* Discards all input, read or being edited (TCIFLUSH). */
void n_tty_flush_input(struct n_tty *n);

/*
 * Output processing (c_oflag with OPOST: ONLCR "\n" -> "\r\n", OCRNL
 * "\r" -> "\n", OLCUC): converts bytes of in into out while they fit;
 * returns the bytes written to out and sets *used to the bytes of in
 * consumed (a "\r\n" pair is never split).
 */
size_t n_tty_output(const struct termios *t, const u8 *in, size_t len, u8 *out, size_t room,
		    size_t *used);

#endif
