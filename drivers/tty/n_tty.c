// SPDX-License-Identifier: MIT
/*
 * N_TTY, the line discipline: canonical editing, echo, signals from the
 * keyboard and raw input.  The buffer layout and the callers' rules are
 * in include/tern/n_tty.h; what is and is not done, in
 * Documentation/drivers/tty.md.
 */
#include <tern/errno.h>
#include <tern/n_tty.h>
#include <tern/string.h>

#define MASK		(N_TTY_BUF_SIZE - 1)
#define L(n, f)		((n)->termios.c_lflag & (f))
#define I(n, f)		((n)->termios.c_iflag & (f))

/* Linux's INIT_C_CC: ^C ^\ DEL ^U ^D, TIME 0, MIN 1, ... ^Z ... ^R ^O ^W ^V. */
static const cc_t default_cc[NCCS] = {
	[VINTR] = 003, [VQUIT] = 034, [VERASE] = 0177, [VKILL] = 025, [VEOF] = 004,
	[VTIME] = 0, [VMIN] = 1, [VSTART] = 021, [VSTOP] = 023, [VSUSP] = 032,
	[VREPRINT] = 022, [VDISCARD] = 017, [VWERASE] = 027, [VLNEXT] = 026,
};

void n_tty_default_termios(struct termios *t)
{
	memset(t, 0, sizeof(*t));
	t->c_iflag = ICRNL | IXON;
	t->c_oflag = OPOST | ONLCR;
	t->c_cflag = B115200 | CS8 | CREAD | HUPCL | CLOCAL;
	t->c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | ECHOCTL | ECHOKE | IEXTEN;
	memcpy(t->c_cc, default_cc, sizeof(default_cc));
}

void n_tty_init(struct n_tty *n)
{
	n_tty_default_termios(&n->termios);
	n->tail = n->canon_head = n->head = 0;
	n->lnext = false;
	n->dropped = 0;
	n->echo_len = 0;
}

static bool test_slot(const u8 *map, unsigned int i)
{
	return map[(i & MASK) / 8] & (1u << (i % 8));
}

static void set_slot(u8 *map, unsigned int i, bool on)
{
	u8 bit = (u8)(1u << (i % 8));

	if (on)
		map[(i & MASK) / 8] |= bit;
	else
		map[(i & MASK) / 8] &= (u8)~bit;
}

/* Is c the enabled control character cc[idx]?  (0 disables one.) */
static bool is_cc(const struct n_tty *n, u8 c, unsigned int idx)
{
	cc_t v = n->termios.c_cc[idx];

	return v != _POSIX_VDISABLE && c == v;
}

static bool is_cntrl(u8 c)
{
	return c < 0x20 || c == 0x7f;
}

/* ---- echo: bytes gather in echo_buf and leave through n->echo ---- */

static void echo_flush(struct n_tty *n)
{
	if (n->echo_len && n->echo)
		n->echo(n, n->echo_buf, n->echo_len);
	n->echo_len = 0;
}

/* One byte, output-processed, no ^X rendering. */
static void echo_raw(struct n_tty *n, u8 c)
{
	u8 out[2];
	size_t used, len = n_tty_output(&n->termios, &c, 1, out, sizeof(out), &used);

	if (n->echo_len + len > sizeof(n->echo_buf))
		echo_flush(n);
	memcpy(n->echo_buf + n->echo_len, out, len);
	n->echo_len += len;
}

static void echo_str(struct n_tty *n, const char *s)
{
	while (*s)
		echo_raw(n, (u8)*s++);
}

/* A typed character as the user sees it: ^X for controls under ECHOCTL. */
static void echo_char(struct n_tty *n, u8 c)
{
	if (L(n, ECHOCTL) && is_cntrl(c) && c != '\t' && c != '\n') {
		echo_raw(n, '^');
		echo_raw(n, c ^ 0100);
	} else {
		echo_raw(n, c);
	}
}

/* ---- the buffer ---- */

static unsigned int used_slots(const struct n_tty *n)
{
	return n->head - n->tail;
}

/*
 * Stores c; false (and counted as dropped) when there is no room.  Only
 * a canonical line terminator may take the last slot.
 */
static bool put_char(struct n_tty *n, u8 c, bool line_end, bool eof)
{
	unsigned int limit = N_TTY_BUF_SIZE - 1;

	if (line_end && L(n, ICANON))
		limit = N_TTY_BUF_SIZE;
	if (used_slots(n) >= limit) {
		n->dropped++;
		return false;
	}
	n->buf[n->head & MASK] = c;
	set_slot(n->line_end, n->head, line_end);
	set_slot(n->eof, n->head, eof);
	n->head++;
	if (!L(n, ICANON) || line_end)
		n->canon_head = n->head;
	return true;
}

void n_tty_flush_input(struct n_tty *n)
{
	n->tail = n->canon_head = n->head;
	n->lnext = false;
}

/* ---- canonical editing ---- */

static bool is_utf8_cont(u8 c)
{
	return (c & 0xc0) == 0x80;
}

/* Removes the last character of the edited line (UTF-8 aware with IUTF8). */
static bool erase_one(struct n_tty *n, bool show)
{
	u8 c;

	if (n->head == n->canon_head)
		return false;
	do {
		c = n->buf[--n->head & MASK];
	} while (I(n, IUTF8) && is_utf8_cont(c) && n->head != n->canon_head);
	if (!show || !L(n, ECHO))
		return true;
	if (!L(n, ECHOE)) {
		echo_char(n, n->termios.c_cc[VERASE]);
		return true;
	}
	echo_str(n, "\b \b");
	if (L(n, ECHOCTL) && is_cntrl(c) && c != '\t')
		echo_str(n, "\b \b");	/* it was shown as ^X */
	return true;
}

/*
 * VWERASE: as Linux, erases back over non-word characters and then the
 * word before them; a word is letters, digits and '_'.
 */
static void erase_word(struct n_tty *n)
{
	bool seen_word = false;

	while (n->head != n->canon_head) {
		u8 c = n->buf[(n->head - 1) & MASK];
		bool word = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
			    (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;

		if (!word && seen_word)
			break;
		seen_word |= word;
		erase_one(n, true);
	}
}

static void kill_line(struct n_tty *n)
{
	if (L(n, ECHO) && L(n, ECHOE) && L(n, ECHOK) && L(n, ECHOKE)) {
		while (erase_one(n, true))
			;
		return;
	}
	n->head = n->canon_head;
	if (!L(n, ECHO))
		return;
	echo_char(n, n->termios.c_cc[VKILL]);
	if (L(n, ECHOK))
		echo_raw(n, '\n');
}

/* ISIG: flush (unless NOFLSH), signal, then echo the character. */
static void raise_signal(struct n_tty *n, u8 c, int sig)
{
	echo_flush(n);
	if (!L(n, NOFLSH))
		n_tty_flush_input(n);
	if (n->signal)
		n->signal(n, sig);
	if (L(n, ECHO))
		echo_char(n, c);
}

static bool receive_signal_char(struct n_tty *n, u8 c)
{
	if (!L(n, ISIG))
		return false;
	if (is_cc(n, c, VINTR))
		raise_signal(n, c, N_TTY_SIGINT);
	else if (is_cc(n, c, VQUIT))
		raise_signal(n, c, N_TTY_SIGQUIT);
	else if (is_cc(n, c, VSUSP))
		raise_signal(n, c, N_TTY_SIGTSTP);
	else
		return false;
	return true;
}

/* Canonical-mode specials; true when c was consumed. */
static bool receive_canon_char(struct n_tty *n, u8 c)
{
	if (is_cc(n, c, VERASE)) {
		erase_one(n, true);
	} else if (is_cc(n, c, VKILL)) {
		kill_line(n);
	} else if (L(n, IEXTEN) && is_cc(n, c, VWERASE)) {
		erase_word(n);
	} else if (L(n, IEXTEN) && is_cc(n, c, VLNEXT)) {
		n->lnext = true;
		if (L(n, ECHO) && L(n, ECHOCTL))
			echo_str(n, "^\b");
	} else if (c == '\n') {
		if (put_char(n, c, true, false) && (L(n, ECHO) || L(n, ECHONL)))
			echo_raw(n, '\n');
	} else if (is_cc(n, c, VEOF)) {
		put_char(n, c, true, true);
	} else if (is_cc(n, c, VEOL) || is_cc(n, c, VEOL2)) {
		if (put_char(n, c, true, false) && L(n, ECHO))
			echo_char(n, c);
	} else {
		return false;
	}
	return true;
}

static void receive_char(struct n_tty *n, u8 c)
{
	if (I(n, ISTRIP))
		c &= 0x7f;
	if (n->lnext) {
		n->lnext = false;	/* taken as it is; its echo covers the '^' */
	} else {
		if (c == '\r') {
			if (I(n, IGNCR))
				return;
			if (I(n, ICRNL))
				c = '\n';
		} else if (c == '\n' && I(n, INLCR)) {
			c = '\r';
		}
		if (receive_signal_char(n, c))
			return;
		if (L(n, ICANON) && receive_canon_char(n, c))
			return;
	}
	if (!put_char(n, c, false, false))
		return;
	if (L(n, ECHO))
		echo_char(n, c);
}

void n_tty_receive(struct n_tty *n, const u8 *buf, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		receive_char(n, buf[i]);
	echo_flush(n);
}

/* ---- reading ---- */

bool n_tty_input_available(const struct n_tty *n)
{
	return n->canon_head != n->tail;
}

size_t n_tty_chars_in_buffer(const struct n_tty *n)
{
	unsigned int i;
	size_t count = 0;

	for (i = n->tail; i != n->canon_head; i++)
		count += !(L(n, ICANON) && test_slot(n->eof, i));
	return count;
}

ssize_t n_tty_read(struct n_tty *n, u8 *buf, size_t len)
{
	size_t copied = 0;

	if (n->canon_head == n->tail)
		return -EAGAIN;
	if (!L(n, ICANON)) {
		while (copied < len && n->tail != n->canon_head)
			buf[copied++] = n->buf[n->tail++ & MASK];
		return (ssize_t)copied;
	}
	while (copied < len && n->tail != n->canon_head) {
		unsigned int i = n->tail++;

		if (test_slot(n->eof, i))
			return (ssize_t)copied;
		buf[copied++] = n->buf[i & MASK];
		if (test_slot(n->line_end, i))
			return (ssize_t)copied;
	}
	/* A VEOF right after what fitted ends this read's line (Linux). */
	if (n->tail != n->canon_head && test_slot(n->eof, n->tail))
		n->tail++;
	return (ssize_t)copied;
}

void n_tty_set_termios(struct n_tty *n, const struct termios *t)
{
	bool was_canon = L(n, ICANON);

	n->termios = *t;
	if (was_canon && !L(n, ICANON)) {
		n->canon_head = n->head;
		n->lnext = false;
	} else if (!was_canon && L(n, ICANON) && n->head != n->tail) {
		set_slot(n->line_end, n->head - 1, true);
		n->canon_head = n->head;
	}
}

/* ---- output ---- */

size_t n_tty_output(const struct termios *t, const u8 *in, size_t len, u8 *out, size_t room,
		    size_t *used)
{
	bool post = t->c_oflag & OPOST;
	size_t i, o = 0;

	for (i = 0; i < len; i++) {
		u8 c = in[i];

		if (post && c == '\n' && (t->c_oflag & ONLCR)) {
			if (o + 2 > room)
				break;
			out[o++] = '\r';
		} else if (post && c == '\r' && (t->c_oflag & OCRNL)) {
			c = '\n';
		} else if (post && (t->c_oflag & OLCUC) && c >= 'a' && c <= 'z') {
			c = (u8)(c - 'a' + 'A');
		}
		if (o + 1 > room)
			break;
		out[o++] = c;
	}
	*used = i;
	return o;
}
