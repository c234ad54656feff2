// SPDX-License-Identifier: MIT
/*
 * The console tty, driven through the serial core's receive path
 * (uart_receive, as the UART's interrupt would): line editing, the signal
 * callback, raw mode with VMIN/VTIME, a reader on another thread woken
 * by input, and the ioctls.  Each case turns echo off (the console shows
 * the KTAP log) and puts the termios, process group and callback back.
 * Without a UART console (no console tty), the cases skip.
 */
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/fs.h>
#include <tern/namei.h>
#include <tern/poll.h>
#include <tern/kconfig.h>
#include <tern/ktest.h>
#include <tern/sched.h>
#include <tern/string.h>
#include <tern/syscalls.h>
#include <tern/tty.h>
#include <uapi/linux/fcntl.h>

#define WAIT_MS		10
#define WAITS		500	/* a deadlock guard, not a timing check */

struct saved {
	struct termios termios;
	int pgrp;
	void (*signal)(struct tty_struct *tty, int sig, int pgrp);
};

static void feed(struct tty_struct *tty, const char *s)
{
	uart_receive(tty->port, (const u8 *)s, strlen(s));
}

/* Saves the state, sets termios with lflag changed, empties the input. */
static void setup(struct tty_struct *tty, struct saved *sv, tcflag_t clear, tcflag_t set,
		  cc_t vmin, cc_t vtime)
{
	struct termios t;

	tty_ioctl(tty, TCGETS, (unsigned long)&sv->termios, false);
	tty_ioctl(tty, TIOCGPGRP, (unsigned long)&sv->pgrp, false);
	sv->signal = tty->signal;
	t = sv->termios;
	t.c_lflag = (t.c_lflag & ~(clear | ECHO)) | set;
	t.c_cc[VMIN] = vmin;
	t.c_cc[VTIME] = vtime;
	tty_ioctl(tty, TCSETSF, (unsigned long)&t, false);
}

static void restore(struct tty_struct *tty, struct saved *sv)
{
	tty->signal = sv->signal;
	tty_ioctl(tty, TIOCSPGRP, (unsigned long)&sv->pgrp, false);
	tty_ioctl(tty, TCSETSF, (unsigned long)&sv->termios, false);
}

static void the_console_tty_is_the_console_port(struct ktest *t)
{
	struct tty_struct *tty = console_tty();
	int i;

	if (!tty) {
		for (i = 0; i < UART_PORTS_MAX; i++)
			KTEST_EXPECT(t, !uart_port_by_index(i) ||
					!uart_port_by_index(i)->console_reason);
		KTEST_SKIP(t, "no UART console");
	}
	KTEST_EXPECT(t, tty->port->console_reason != NULL);
	KTEST_EXPECT(t, tty->port->ldisc_data == tty);
	KTEST_EXPECT_STREQ(t, tty->name, tty->port->name);
}

static void a_line_is_edited_then_read(struct ktest *t)
{
	struct tty_struct *tty = console_tty();
	struct saved sv;
	char buf[16];
	int inq = -1;

	if (!tty)
		KTEST_SKIP(t, "no UART console");
	setup(tty, &sv, 0, 0, 1, 0);
	feed(tty, "ab\x7f" "c");
	KTEST_EXPECT_EQ(t, tty_read(tty, buf, sizeof(buf), true), -EAGAIN);
	KTEST_EXPECT(t, !tty_poll_readable(tty));
	feed(tty, "\r");		/* ICRNL: a terminal's Enter */
	KTEST_EXPECT(t, tty_poll_readable(tty));
	KTEST_EXPECT_EQ(t, tty_ioctl(tty, FIONREAD, (unsigned long)&inq, false), 0);
	KTEST_EXPECT_EQ(t, inq, 3);
	KTEST_EXPECT_EQ(t, tty_read(tty, buf, sizeof(buf), true), 3);
	KTEST_EXPECT(t, !memcmp(buf, "ac\n", 3));
	feed(tty, "zap\x15" "\x04");	/* killed line, then end of file */
	KTEST_EXPECT_EQ(t, tty_read(tty, buf, sizeof(buf), false), 0);
	restore(tty, &sv);
}

/* /dev/console through the VFS: the same tty, a line in, the poll mask, and a write out. */
static void dev_console_is_the_console_tty(struct ktest *t)
{
	if (!vfs_root_mounted())
		KTEST_SKIP(t, "no root filesystem, so no /dev (FS_RAMFS=n)");
	struct tty_struct *tty = console_tty();
	struct saved sv;
	struct file *f;
	char buf[8];
	loff_t pos = 0;

	if (!tty)
		KTEST_SKIP(t, "no UART console");
	if (!IS_ENABLED(CONFIG_TTY_DEV))
		KTEST_SKIP(t, "TTY_DEV is off (no devfs)");
	f = filp_open("/dev/console", O_RDWR | O_NONBLOCK, 0);
	KTEST_ASSERT(t, !IS_ERR(f));
	setup(tty, &sv, 0, 0, 1, 0);
	KTEST_EXPECT_EQ(t, vfs_poll(f, NULL) & (POLLIN | POLLOUT), POLLOUT);
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), -EAGAIN);
	feed(tty, "hi\r");
	KTEST_EXPECT_EQ(t, vfs_poll(f, NULL) & POLLIN, POLLIN);
	KTEST_EXPECT_EQ(t, kernel_read(f, buf, sizeof(buf), &pos), 3);
	KTEST_EXPECT(t, !memcmp(buf, "hi\n", 3));
	KTEST_EXPECT_EQ(t, kernel_write(f, "", 0, &pos), 0);
	KTEST_EXPECT_EQ(t, vfs_ioctl(f, TIOCGPGRP, 0), -EFAULT);	/* a NULL user pointer */
	restore(tty, &sv);
	fput(f);
	KTEST_EXPECT(t, !IS_ERR(f = filp_open("/dev/tty", O_RDONLY, 0)));
	if (!IS_ERR(f)) {
		KTEST_EXPECT(t, f->private_data == tty);
		fput(f);
	}
}

static int got_sig, got_pgrp;

static void record_signal(struct tty_struct *tty, int sig, int pgrp)
{
	got_sig = sig;
	got_pgrp = pgrp;
}

static void ctrl_c_signals_the_foreground_group(struct ktest *t)
{
	struct tty_struct *tty = console_tty();
	struct saved sv;
	int pgrp = 42, back = 0;
	char buf[8];

	if (!tty)
		KTEST_SKIP(t, "no UART console");
	setup(tty, &sv, 0, 0, 1, 0);
	tty->signal = record_signal;
	KTEST_EXPECT_EQ(t, tty_ioctl(tty, TIOCSPGRP, (unsigned long)&pgrp, false), 0);
	KTEST_EXPECT_EQ(t, tty_ioctl(tty, TIOCGPGRP, (unsigned long)&back, false), 0);
	KTEST_EXPECT_EQ(t, back, 42);
	got_sig = got_pgrp = 0;
	feed(tty, "done\npending\x03");
	KTEST_EXPECT_EQ(t, got_sig, N_TTY_SIGINT);
	KTEST_EXPECT_EQ(t, got_pgrp, 42);
	KTEST_EXPECT_EQ(t, tty_read(tty, buf, sizeof(buf), true), -EAGAIN);	/* flushed */
	feed(tty, "\x1c");
	KTEST_EXPECT_EQ(t, got_sig, N_TTY_SIGQUIT);
	restore(tty, &sv);
}

static void raw_mode_gives_single_bytes(struct ktest *t)
{
	struct tty_struct *tty = console_tty();
	struct termios cur;
	struct saved sv;
	char buf[8];

	if (!tty)
		KTEST_SKIP(t, "no UART console");
	setup(tty, &sv, ICANON, 0, 1, 0);
	KTEST_EXPECT_EQ(t, tty_ioctl(tty, TCGETS, (unsigned long)&cur, false), 0);
	KTEST_EXPECT(t, !(cur.c_lflag & ICANON));
	feed(tty, "q");
	KTEST_EXPECT(t, tty_poll_readable(tty));
	KTEST_EXPECT_EQ(t, tty_read(tty, buf, sizeof(buf), false), 1);
	KTEST_EXPECT_EQ(t, buf[0], 'q');
	feed(tty, "\x7f");
	KTEST_EXPECT_EQ(t, tty_read(tty, buf, sizeof(buf), false), 1);
	KTEST_EXPECT_EQ(t, (u8)buf[0], 0x7f);
	restore(tty, &sv);
	/* MIN 0, TIME 0: a poll that returns 0 at once. */
	setup(tty, &sv, ICANON, 0, 0, 0);
	KTEST_EXPECT_EQ(t, tty_read(tty, buf, sizeof(buf), false), 0);
	restore(tty, &sv);
	/* MIN 0, TIME 1: nothing comes, the timer ends the read with 0. */
	setup(tty, &sv, ICANON, 0, 0, 1);
	KTEST_EXPECT_EQ(t, tty_read(tty, buf, sizeof(buf), false), 0);
	restore(tty, &sv);
}

struct reader {
	struct tty_struct *tty;
	char buf[16];
	ssize_t ret;
	bool started, done;
};

static int reader_thread(void *arg)
{
	struct reader *r = arg;

	WRITE_ONCE(r->started, true);
	r->ret = tty_read(r->tty, r->buf, sizeof(r->buf), false);
	WRITE_ONCE(r->done, true);
	return 0;
}

static void a_blocked_reader_is_woken(struct ktest *t)
{
	struct tty_struct *tty = console_tty();
	static struct reader r;
	struct task *reader;
	struct saved sv;
	unsigned int i;

	if (!tty)
		KTEST_SKIP(t, "no UART console");
	setup(tty, &sv, 0, 0, 1, 0);
	memset(&r, 0, sizeof(r));
	r.tty = tty;
	reader = kthread_run(reader_thread, &r, "ktest-tty");
	KTEST_ASSERT(t, reader);
	/* It sleeps in the wait queue (a reader that spun would not stay asleep). */
	for (i = 0; i < WAITS && READ_ONCE(reader->state) != TASK_SLEEPING; i++)
		msleep(WAIT_MS);
	KTEST_EXPECT_EQ(t, READ_ONCE(reader->state), TASK_SLEEPING);
	KTEST_EXPECT(t, !READ_ONCE(r.done));	/* no line yet */
	feed(tty, "wake\n");
	for (i = 0; i < WAITS && !READ_ONCE(r.done); i++)
		msleep(WAIT_MS);
	KTEST_EXPECT(t, READ_ONCE(r.done));
	KTEST_EXPECT_EQ(t, r.ret, 5);
	KTEST_EXPECT(t, !memcmp(r.buf, "wake\n", 5));
	if (!READ_ONCE(r.done)) {
		feed(tty, "\n");	/* never leave the thread blocked */
		for (i = 0; i < WAITS && !READ_ONCE(r.done); i++)
			msleep(WAIT_MS);
	}
	restore(tty, &sv);
}

static void the_ioctls(struct ktest *t)
{
	struct tty_struct *tty = console_tty();
	struct winsize ws, set = { .ws_row = 50, .ws_col = 132 };
	struct termios2 t2;
	int n;

	if (!tty)
		KTEST_SKIP(t, "no UART console");
	KTEST_EXPECT_EQ(t, tty_ioctl(tty, TIOCGWINSZ, (unsigned long)&ws, false), 0);
	KTEST_EXPECT(t, ws.ws_row && ws.ws_col);
	KTEST_EXPECT_EQ(t, tty_ioctl(tty, TIOCSWINSZ, (unsigned long)&set, false), 0);
	memset(&set, 0, sizeof(set));
	KTEST_EXPECT_EQ(t, tty_ioctl(tty, TIOCGWINSZ, (unsigned long)&set, false), 0);
	KTEST_EXPECT(t, set.ws_row == 50 && set.ws_col == 132);
	KTEST_EXPECT_EQ(t, tty_ioctl(tty, TIOCSWINSZ, (unsigned long)&ws, false), 0);
	KTEST_EXPECT_EQ(t, tty_ioctl(tty, TCGETS2, (unsigned long)&t2, false), 0);
	KTEST_EXPECT_EQ(t, t2.c_ospeed, 115200);
	KTEST_EXPECT_EQ(t, tty_ioctl(tty, 0x5499, 0, false), -ENOTTY);
	KTEST_EXPECT_EQ(t, tty_ioctl(tty, TCFLSH, 7, false), -EINVAL);
	KTEST_EXPECT_EQ(t, tty_ioctl(tty, TCGETS, 0, false), -EFAULT);
	/* A kernel address as a user pointer: refused where there is a user half. */
	KTEST_EXPECT_EQ(t, tty_ioctl(tty, TIOCGWINSZ, (unsigned long)&ws, true),
			IS_ENABLED(CONFIG_MMU) ? -EFAULT : 0);
	n = -1;
	KTEST_EXPECT_EQ(t, tty_ioctl(tty, TIOCOUTQ, (unsigned long)&n, false), 0);
	KTEST_EXPECT_GE(t, n, 0);
	/* Output is processed: the bytes reach the transmitter. */
	KTEST_EXPECT_EQ(t, tty_write(tty, "# tty ktest: a line through tty_write\n", 38), 38);
}

KTEST_SUITE(tty,
	    KTEST_CASE(the_console_tty_is_the_console_port),
	    KTEST_CASE(a_line_is_edited_then_read),
	    KTEST_CASE(dev_console_is_the_console_tty),
	    KTEST_CASE(ctrl_c_signals_the_foreground_group),
	    KTEST_CASE(raw_mode_gives_single_bytes),
	    KTEST_CASE(a_blocked_reader_is_woken),
	    KTEST_CASE(the_ioctls));
