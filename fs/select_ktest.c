// SPDX-License-Identifier: MIT
/*
 * do_poll and do_select (fs/select.c) on pipes, with a table of fds the
 * test installs as current->files: ready at once, not ready with no
 * wait, woken by a writer thread, a deadline that passes, closed fds.
 * No case measures time: a deadline only has to end the wait.
 */
#include <tern/bitmap.h>
#include <tern/errno.h>
#include <tern/fdtable.h>
#include <tern/ktest.h>
#include <tern/mutex.h>
#include <tern/namei.h>
#include <tern/pipe.h>
#include <tern/poll.h>
#include <tern/sched.h>
#include <tern/syscalls.h>
#include <tern/timer.h>

#define NO_DEADLINE	UINT64_MAX

struct pipe_fds {
	struct files_struct *files, *saved;
	int rd, wr;
};

/* A pipe at fds rd and wr of a fresh table installed as current's: 0 or -errno. */
static int setup(struct ktest *t, struct pipe_fds *p)
{
	struct file *f[2];
	int err;

	p->files = files_alloc();
	if (!p->files)
		return -ENOMEM;
	err = create_pipe_files(f, 0);
	if (err) {
		put_files(p->files);
		return err;
	}
	p->saved = current->files;
	current->files = p->files;
	p->rd = fd_install_new(f[0], 0);
	p->wr = fd_install_new(f[1], 0);
	return 0;
}

static void teardown(struct pipe_fds *p)
{
	current->files = p->saved;
	put_files(p->files);
}

static void ready_or_not(struct ktest *t)
{
	struct pipe_fds p;
	struct pollfd fds[3];
	struct file *f;

	if (!IS_ENABLED(CONFIG_FS_PIPE))
		KTEST_SKIP(t, "FS_PIPE=n");
	KTEST_ASSERT(t, !setup(t, &p));
	fds[0] = (struct pollfd){ p.rd, POLLIN, 0 };
	fds[1] = (struct pollfd){ p.wr, POLLOUT, 0 };
	fds[2] = (struct pollfd){ 77, POLLIN, 0 };	/* not open */
	KTEST_EXPECT_EQ(t, do_poll(fds, 3, 0), 2);
	KTEST_EXPECT_EQ(t, fds[0].revents, 0);
	KTEST_EXPECT_EQ(t, fds[1].revents, POLLOUT);
	KTEST_EXPECT_EQ(t, fds[2].revents, POLLNVAL);
	KTEST_EXPECT_EQ(t, sys_write((unsigned int)p.wr, NULL, 0), 0);
	f = fget((unsigned int)p.wr);
	KTEST_EXPECT(t, f);
	if (f) {
		KTEST_EXPECT_EQ(t, kernel_write(f, "x", 1, NULL), 1);
		fput(f);
	}
	KTEST_EXPECT_EQ(t, do_poll(fds, 1, NO_DEADLINE), 1);	/* ready: no wait */
	KTEST_EXPECT_EQ(t, fds[0].revents, POLLIN);
	KTEST_EXPECT_EQ(t, sys_close((unsigned int)p.wr), 0);
	KTEST_EXPECT_EQ(t, do_poll(fds, 1, 0), 1);
	KTEST_EXPECT_EQ(t, fds[0].revents, POLLIN | POLLHUP);
	teardown(&p);
}

struct waker {
	struct file *f;
	struct completion started;
};

static int late_writer(void *arg)
{
	struct waker *w = arg;

	complete(&w->started);
	msleep(20);
	kernel_write(w->f, "y", 1, NULL);
	fput(w->f);
	return 0;
}

static void woken_by_writer_and_deadline(struct ktest *t)
{
	struct pipe_fds p;
	struct pollfd fd;
	struct waker w;
	unsigned long in[1] = { 0 }, out[1] = { 0 };

	if (!IS_ENABLED(CONFIG_FS_PIPE))
		KTEST_SKIP(t, "FS_PIPE=n");
	KTEST_ASSERT(t, !setup(t, &p));
	/* a deadline that passes ends the wait with nothing ready */
	fd = (struct pollfd){ p.rd, POLLIN, 0 };
	KTEST_EXPECT_EQ(t, do_poll(&fd, 1, ktime_ns() + 2 * NSEC_PER_MSEC), 0);
	KTEST_EXPECT_EQ(t, do_poll(NULL, 0, ktime_ns() + NSEC_PER_MSEC), 0);
	/* a writer on another thread wakes a poller with no deadline */
	w.f = fget((unsigned int)p.wr);
	init_completion(&w.started);
	if (!kthread_run(late_writer, &w, "kt_poll_writer")) {
		fput(w.f);
		teardown(&p);
		KTEST_ASSERT(t, false);
	}
	wait_for_completion(&w.started);
	KTEST_EXPECT_EQ(t, do_poll(&fd, 1, NO_DEADLINE), 1);
	KTEST_EXPECT_EQ(t, fd.revents, POLLIN);
	/* select: readable and writable sets, and a closed fd */
	bitmap_set_bit(in, (unsigned int)p.rd);
	bitmap_set_bit(out, (unsigned int)p.wr);
	bitmap_set_bit(out, (unsigned int)p.rd);	/* a read end is never writable */
	KTEST_EXPECT_EQ(t, do_select(8, in, out, NULL, 0), 2);
	KTEST_EXPECT(t, bitmap_test_bit(in, (unsigned int)p.rd));
	KTEST_EXPECT(t, bitmap_test_bit(out, (unsigned int)p.wr));
	KTEST_EXPECT(t, !bitmap_test_bit(out, (unsigned int)p.rd));
	bitmap_set_bit(in, 7);
	KTEST_EXPECT_EQ(t, do_select(8, in, NULL, NULL, 0), -EBADF);
	teardown(&p);
}

KTEST_SUITE(poll,
	    KTEST_CASE(ready_or_not),
	    KTEST_CASE(woken_by_writer_and_deadline));
