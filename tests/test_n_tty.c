// SPDX-License-Identifier: MIT
/*
 * Host tests for drivers/tty/n_tty.c, the line discipline: each editing
 * rule, echo byte for byte, signals with the input flushed, end of file,
 * the buffer limit, raw mode and output processing.  The termios layout
 * is checked against the offsets Linux's RISC-V ABI gives.
 */
#include "harness.h"

#include <signal.h>
#include <stddef.h>


#include <tern/errno.h>
#include <tern/n_tty.h>

struct rec {
	struct n_tty n;			/* first: the callbacks cast back */
	char echo[8192];
	size_t echo_len;
	int sigs[8];
	int nsigs;
	size_t readable_at_signal;	/* input left when the signal came */
};

static void rec_echo(struct n_tty *n, const u8 *buf, size_t len)
{
	struct rec *r = (struct rec *)n;

	if (r->echo_len + len > sizeof(r->echo))
		abort();
	memcpy(r->echo + r->echo_len, buf, len);
	r->echo_len += len;
}

static void rec_signal(struct n_tty *n, int sig)
{
	struct rec *r = (struct rec *)n;

	r->readable_at_signal = (size_t)(n->head - n->tail);
	if (r->nsigs < 8)
		r->sigs[r->nsigs++] = sig;
}

static struct rec *new_rec(void)
{
	struct rec *r = calloc(1, sizeof(*r));

	n_tty_init(&r->n);
	r->n.echo = rec_echo;
	r->n.signal = rec_signal;
	return r;
}

static void feed(struct rec *r, const char *s)
{
	n_tty_receive(&r->n, (const u8 *)s, strlen(s));
}

/* Reads into a NUL-terminated string; returns n_tty_read's value. */
static ssize_t rd(struct rec *r, char *out, size_t len)
{
	ssize_t got = n_tty_read(&r->n, (u8 *)out, len);

	out[got > 0 ? got : 0] = '\0';
	return got;
}

static bool echo_is(struct rec *r, const char *want)
{
	bool ok = r->echo_len == strlen(want) && !memcmp(r->echo, want, r->echo_len);

	if (!ok)
		printf("# echo was %zu bytes \"%.*s\", wanted \"%s\"\n", r->echo_len,
		       (int)r->echo_len, r->echo, want);
	r->echo_len = 0;
	return ok;
}

TEST(termios_layout_is_linux_riscv)
{
	EXPECT_EQ(sizeof(struct termios), 36);
	EXPECT_EQ(offsetof(struct termios, c_line), 16);
	EXPECT_EQ(offsetof(struct termios, c_cc), 17);
	EXPECT_EQ(sizeof(struct termios2), 44);
	EXPECT_EQ(offsetof(struct termios2, c_ispeed), 36);
	EXPECT_EQ(sizeof(struct winsize), 8);
	EXPECT_EQ(N_TTY_SIGINT, SIGINT);
	EXPECT_EQ(N_TTY_SIGQUIT, SIGQUIT);
	EXPECT_EQ(N_TTY_SIGTSTP, SIGTSTP);
}

TEST(canonical_line_waits_for_newline)
{
	struct rec *r = new_rec();
	char out[64];

	feed(r, "abc");
	EXPECT(!n_tty_input_available(&r->n));
	EXPECT_EQ(rd(r, out, sizeof(out) - 1), -EAGAIN);
	feed(r, "\r");			/* the terminal sends CR: ICRNL */
	EXPECT(n_tty_input_available(&r->n));
	EXPECT_EQ(n_tty_chars_in_buffer(&r->n), 4);
	EXPECT_EQ(rd(r, out, sizeof(out) - 1), 4);
	EXPECT_STREQ(out, "abc\n");
	EXPECT(echo_is(r, "abc\r\n"));
	free(r);
}

TEST(one_line_per_read_and_short_reads)
{
	struct rec *r = new_rec();
	char out[64];

	feed(r, "one\ntwo\n");
	EXPECT_EQ(rd(r, out, 2), 2);
	EXPECT_STREQ(out, "on");
	EXPECT_EQ(rd(r, out, 63), 2);
	EXPECT_STREQ(out, "e\n");
	EXPECT_EQ(rd(r, out, 63), 4);
	EXPECT_STREQ(out, "two\n");
	EXPECT_EQ(rd(r, out, 63), -EAGAIN);
	free(r);
}

TEST(erase_backspace_and_ctrl_h)
{
	struct rec *r = new_rec();
	char out[64];

	feed(r, "ab\x7f" "c\n");
	EXPECT_EQ(rd(r, out, 63), 3);
	EXPECT_STREQ(out, "ac\n");
	EXPECT(echo_is(r, "ab\b \bc\r\n"));

	/* ^H is not VERASE by default: it is stored and shown as ^H ... */
	feed(r, "x\b\n");
	EXPECT_EQ(rd(r, out, 63), 3);
	EXPECT_STREQ(out, "x\b\n");
	EXPECT(echo_is(r, "x^H\r\n"));
	/* ... unless VERASE is ^H (stty erase ^H). */
	r->n.termios.c_cc[VERASE] = '\b';
	feed(r, "xy\b\n");
	EXPECT_EQ(rd(r, out, 63), 2);
	EXPECT_STREQ(out, "x\n");
	EXPECT(echo_is(r, "xy\b \b\r\n"));
	free(r);
}

TEST(erase_at_line_start_and_of_control_chars)
{
	struct rec *r = new_rec();
	char out[64];

	feed(r, "\x7f\x7f");
	EXPECT(echo_is(r, ""));
	feed(r, "a\x01\x7f\n");		/* ^A shown as two columns: erased as two */
	EXPECT(echo_is(r, "a^A\b \b\b \b\r\n"));
	EXPECT_EQ(rd(r, out, 63), 2);
	EXPECT_STREQ(out, "a\n");
	/* Without ECHOE the erase character itself is echoed. */
	r->n.termios.c_lflag &= ~ECHOE;
	feed(r, "ab\x7f\n");
	EXPECT(echo_is(r, "ab^?\r\n"));
	EXPECT_EQ(rd(r, out, 63), 2);
	/* Erase does not reach into a finished line. */
	feed(r, "x\n\x7f\x7fy\n");
	EXPECT_EQ(rd(r, out, 63), 2);
	EXPECT_STREQ(out, "x\n");
	EXPECT_EQ(rd(r, out, 63), 2);
	EXPECT_STREQ(out, "y\n");
	free(r);
}

TEST(utf8_erase_removes_whole_character)
{
	struct rec *r = new_rec();
	char out[64];

	r->n.termios.c_iflag |= IUTF8;
	feed(r, "a\xc3\xa9\x7f\n");	/* a, e-acute, erase */
	EXPECT_EQ(rd(r, out, 63), 2);
	EXPECT_STREQ(out, "a\n");
	EXPECT(echo_is(r, "a\xc3\xa9\b \b\r\n"));
	free(r);
}

TEST(kill_erases_the_line)
{
	struct rec *r = new_rec();
	char out[64];

	feed(r, "abc\x15" "d\n");
	EXPECT_EQ(rd(r, out, 63), 2);
	EXPECT_STREQ(out, "d\n");
	EXPECT(echo_is(r, "abc\b \b\b \b\b \bd\r\n"));
	/* Without ECHOKE: the kill character, then a newline (ECHOK). */
	r->n.termios.c_lflag &= ~ECHOKE;
	feed(r, "ab\x15" "e\n");
	EXPECT(echo_is(r, "ab^U\r\ne\r\n"));
	EXPECT_EQ(rd(r, out, 63), 2);
	EXPECT_STREQ(out, "e\n");
	free(r);
}

TEST(word_erase_needs_iexten)
{
	struct rec *r = new_rec();
	char out[64];

	/* "--x  ": the spaces and x go, then "--" and "foo_1 " ... */
	feed(r, "ls foo_1 --x  \x17\x17" "bar\n");
	EXPECT_EQ(rd(r, out, 63), 7);
	EXPECT_STREQ(out, "ls bar\n");
	free(r);

	r = new_rec();
	feed(r, "one two  \x17" "\n");
	EXPECT_EQ(rd(r, out, 63), 5);
	EXPECT_STREQ(out, "one \n");
	feed(r, "one, two\x17\x17" "\n");
	EXPECT_EQ(rd(r, out, 63), 1);
	EXPECT_STREQ(out, "\n");
	r->n.termios.c_lflag &= ~IEXTEN;
	feed(r, "ab\x17\n");
	EXPECT_EQ(rd(r, out, 63), 4);
	EXPECT_STREQ(out, "ab\x17\n");
	free(r);
}

TEST(lnext_quotes_the_next_character)
{
	struct rec *r = new_rec();
	char out[64];

	feed(r, "a\x16\x03\x16\x7f\n");
	EXPECT_EQ(r->nsigs, 0);
	EXPECT_EQ(rd(r, out, 63), 4);
	EXPECT(!memcmp(out, "a\x03\x7f\n", 4));
	EXPECT(echo_is(r, "a^\b^C^\b^?\r\n"));
	free(r);
}

TEST(eof_at_line_start_and_mid_line)
{
	struct rec *r = new_rec();
	char out[64];

	feed(r, "\x04");
	EXPECT(n_tty_input_available(&r->n));
	EXPECT_EQ(n_tty_chars_in_buffer(&r->n), 0);
	EXPECT_EQ(rd(r, out, 63), 0);			/* end of file */
	EXPECT_EQ(rd(r, out, 63), -EAGAIN);		/* and only once */
	feed(r, "ab\x04");
	EXPECT_EQ(n_tty_chars_in_buffer(&r->n), 2);
	EXPECT_EQ(rd(r, out, 63), 2);			/* the line, no EOF char */
	EXPECT_STREQ(out, "ab");
	EXPECT_EQ(rd(r, out, 63), -EAGAIN);
	feed(r, "cd\x04");
	EXPECT_EQ(rd(r, out, 2), 2);			/* exactly fits: EOF consumed too */
	EXPECT_EQ(rd(r, out, 63), -EAGAIN);
	EXPECT(echo_is(r, "abcd"));			/* ^D is not echoed */
	free(r);
}

TEST(eol_character_ends_a_line)
{
	struct rec *r = new_rec();
	char out[64];

	r->n.termios.c_cc[VEOL] = ';';
	feed(r, "ab;cd");
	EXPECT_EQ(rd(r, out, 63), 3);
	EXPECT_STREQ(out, "ab;");
	EXPECT_EQ(rd(r, out, 63), -EAGAIN);
	EXPECT(echo_is(r, "ab;cd"));
	free(r);
}

TEST(intr_signals_flushes_and_echoes)
{
	struct rec *r = new_rec();
	char out[64];

	feed(r, "done\npartial\x03");
	EXPECT_EQ(r->nsigs, 1);
	EXPECT_EQ(r->sigs[0], SIGINT);
	EXPECT_EQ(r->readable_at_signal, 0);		/* flushed before the signal */
	EXPECT_EQ(rd(r, out, 63), -EAGAIN);
	EXPECT(echo_is(r, "done\r\npartial^C"));
	feed(r, "x\x1c" "y\x1a");
	EXPECT_EQ(r->nsigs, 3);
	EXPECT_EQ(r->sigs[1], SIGQUIT);
	EXPECT_EQ(r->sigs[2], SIGTSTP);
	EXPECT(echo_is(r, "x^\\y^Z"));
	free(r);
}

TEST(noflsh_keeps_input_and_isig_off_stores)
{
	struct rec *r = new_rec();
	char out[64];

	r->n.termios.c_lflag |= NOFLSH;
	feed(r, "keep\n\x03");
	EXPECT_EQ(r->nsigs, 1);
	EXPECT_EQ(rd(r, out, 63), 5);
	EXPECT_STREQ(out, "keep\n");
	r->n.termios.c_lflag &= ~(ISIG | ECHOCTL);
	feed(r, "\x03\n");
	EXPECT_EQ(r->nsigs, 1);
	EXPECT_EQ(rd(r, out, 63), 2);
	EXPECT_EQ(out[0], 3);
	free(r);
}

TEST(echo_off_and_echonl)
{
	struct rec *r = new_rec();
	char out[64];

	r->n.termios.c_lflag &= ~ECHO;
	feed(r, "secret\x7f\x03");
	EXPECT(echo_is(r, ""));
	r->n.termios.c_lflag |= ECHONL;
	feed(r, "pw\n");
	EXPECT(echo_is(r, "\r\n"));
	EXPECT_EQ(rd(r, out, 63), 3);
	free(r);
}

TEST(input_carriage_return_rules)
{
	struct rec *r = new_rec();
	char out[64];

	r->n.termios.c_iflag = IGNCR;
	feed(r, "a\rb\n");
	EXPECT_EQ(rd(r, out, 63), 3);
	EXPECT_STREQ(out, "ab\n");
	r->n.termios.c_iflag = INLCR;
	r->n.termios.c_lflag &= ~ICANON;
	n_tty_set_termios(&r->n, &r->n.termios);
	feed(r, "\n");
	EXPECT_EQ(rd(r, out, 63), 1);
	EXPECT_EQ(out[0], '\r');
	r->n.termios.c_iflag = ISTRIP;
	feed(r, "\xe1");
	EXPECT_EQ(rd(r, out, 63), 1);
	EXPECT_EQ(out[0], 'a');
	free(r);
}

TEST(canonical_buffer_limit_keeps_the_newline)
{
	struct rec *r = new_rec();
	char *big = malloc(N_TTY_BUF_SIZE + 100), *out = malloc(N_TTY_BUF_SIZE + 1);

	r->n.termios.c_lflag &= ~ECHO;
	memset(big, 'x', N_TTY_BUF_SIZE + 99);
	big[N_TTY_BUF_SIZE + 99] = '\0';
	feed(r, big);
	EXPECT_EQ(r->n.dropped, 100);
	EXPECT_EQ(r->n.head - r->n.tail, N_TTY_BUF_SIZE - 1);
	feed(r, "\n");
	EXPECT_EQ(r->n.dropped, 100);
	EXPECT_EQ(rd(r, out, N_TTY_BUF_SIZE), N_TTY_BUF_SIZE);
	EXPECT_EQ(out[N_TTY_BUF_SIZE - 1], '\n');
	EXPECT_EQ(out[N_TTY_BUF_SIZE - 2], 'x');
	/* The ring wrapped: another line works, and erase still does. */
	feed(r, "ab\x7f\n");
	EXPECT_EQ(rd(r, out, 63), 2);
	EXPECT_STREQ(out, "a\n");
	free(big);
	free(out);
	free(r);
}

TEST(raw_mode_bytes_are_readable_at_once)
{
	struct rec *r = new_rec();
	struct termios t = r->n.termios;
	char out[64];

	feed(r, "pa");			/* a partial line ... */
	t.c_lflag &= ~(ICANON | ECHO);
	t.c_cc[VMIN] = 1;
	n_tty_set_termios(&r->n, &t);
	EXPECT_EQ(rd(r, out, 63), 2);	/* ... becomes readable */
	EXPECT_STREQ(out, "pa");
	feed(r, "\x7f\x15\x04q");	/* no editing, no EOF in raw mode */
	EXPECT_EQ(n_tty_chars_in_buffer(&r->n), 4);
	EXPECT_EQ(rd(r, out, 1), 1);
	EXPECT_EQ(out[0], 0x7f);
	EXPECT_EQ(rd(r, out, 63), 3);
	EXPECT(!memcmp(out, "\x15\x04q", 3));
	EXPECT(echo_is(r, "pa"));
	feed(r, "\x03");		/* ISIG still on */
	EXPECT_EQ(r->nsigs, 1);
	/* Back to canonical: what waits becomes one line. */
	feed(r, "zz");
	t.c_lflag |= ICANON;
	n_tty_set_termios(&r->n, &t);
	EXPECT_EQ(rd(r, out, 63), 2);
	EXPECT_STREQ(out, "zz");
	free(r);
}

TEST(raw_mode_limit_and_echo)
{
	struct rec *r = new_rec();
	struct termios t = r->n.termios;
	char *big = malloc(N_TTY_BUF_SIZE + 10);

	t.c_lflag &= ~ICANON;
	n_tty_set_termios(&r->n, &t);
	memset(big, 'r', N_TTY_BUF_SIZE + 9);
	big[N_TTY_BUF_SIZE + 9] = '\0';
	feed(r, big);
	EXPECT_EQ(n_tty_chars_in_buffer(&r->n), N_TTY_BUF_SIZE - 1);
	EXPECT_EQ(r->n.dropped, 10);
	EXPECT_EQ(r->echo_len, N_TTY_BUF_SIZE - 1);	/* dropped bytes are not echoed */
	r->echo_len = 0;
	n_tty_flush_input(&r->n);
	feed(r, "\n\x01");
	EXPECT(echo_is(r, "\r\n^A"));
	free(big);
	free(r);
}

TEST(output_processing)
{
	struct termios t;
	u8 out[16];
	size_t used, len;

	n_tty_default_termios(&t);
	len = n_tty_output(&t, (const u8 *)"a\nb\n", 4, out, sizeof(out), &used);
	EXPECT_EQ(len, 6);
	EXPECT_EQ(used, 4);
	EXPECT(!memcmp(out, "a\r\nb\r\n", 6));
	/* A pair is never split: room for 2 takes "a" only. */
	len = n_tty_output(&t, (const u8 *)"a\n", 2, out, 2, &used);
	EXPECT_EQ(len, 1);
	EXPECT_EQ(used, 1);
	t.c_oflag = ONLCR;		/* no OPOST: nothing changes */
	len = n_tty_output(&t, (const u8 *)"a\n", 2, out, sizeof(out), &used);
	EXPECT_EQ(len, 2);
	t.c_oflag = OPOST | OCRNL | OLCUC;
	len = n_tty_output(&t, (const u8 *)"a\r", 2, out, sizeof(out), &used);
	EXPECT(len == 2 && !memcmp(out, "A\n", 2));
}

TEST(default_termios_matches_linux)
{
	struct termios t;

	n_tty_default_termios(&t);
	EXPECT_EQ(t.c_cc[VINTR], 3);
	EXPECT_EQ(t.c_cc[VERASE], 0177);
	EXPECT_EQ(t.c_cc[VEOF], 4);
	EXPECT_EQ(t.c_cc[VMIN], 1);
	EXPECT_EQ(t.c_cc[VSUSP], 032);
	EXPECT(t.c_lflag & ICANON && t.c_lflag & ECHO && t.c_lflag & ISIG);
	EXPECT(t.c_oflag & ONLCR && t.c_iflag & ICRNL);
	EXPECT_EQ(t.c_cflag & CBAUD, B115200);
}

TEST_MAIN()
