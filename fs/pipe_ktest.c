// SPDX-License-Identifier: MIT
/* Pipes through their files (create_pipe_files), and a reader another thread wakes. */
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/ktest.h>
#include <tern/mutex.h>
#include <tern/namei.h>
#include <tern/pipe.h>
#include <tern/poll.h>
#include <tern/sched.h>
#include <tern/string.h>

static void read_what_was_written(struct ktest *t)
{
	struct file *p[2];
	char buf[16];

	if (!IS_ENABLED(CONFIG_FS_PIPE))
		KTEST_SKIP(t, "FS_PIPE=n");
	KTEST_ASSERT(t, !create_pipe_files(p, 0));
	KTEST_EXPECT_EQ(t, kernel_write(p[1], "abcdef", 6, NULL), 6);
	KTEST_EXPECT_EQ(t, vfs_poll(p[0], NULL) & POLLIN, POLLIN);
	KTEST_EXPECT_EQ(t, kernel_read(p[0], buf, 4, NULL), 4);
	KTEST_EXPECT(t, !memcmp(buf, "abcd", 4));
	KTEST_EXPECT_EQ(t, kernel_read(p[0], buf, sizeof(buf), NULL), 2);
	KTEST_EXPECT(t, !memcmp(buf, "ef", 2));
	KTEST_EXPECT_EQ(t, vfs_llseek(p[0], 0, SEEK_SET), -ESPIPE);
	fput(p[1]);
	KTEST_EXPECT_EQ(t, kernel_read(p[0], buf, sizeof(buf), NULL), 0);	/* EOF */
	KTEST_EXPECT(t, vfs_poll(p[0], NULL) & POLLHUP);
	fput(p[0]);
}

/* A read that finds exactly one byte returns it (once, that byte
 * looked like the "wait" marker: the read waited and returned the count
 * of a later take, dropping a byte). */
static void one_byte_is_a_read(struct ktest *t)
{
	struct file *p[2];
	char buf[8] = "";

	if (!IS_ENABLED(CONFIG_FS_PIPE))
		KTEST_SKIP(t, "FS_PIPE=n");
	KTEST_ASSERT(t, !create_pipe_files(p, 0));
	KTEST_EXPECT_EQ(t, kernel_write(p[1], "x", 1, NULL), 1);
	fput(p[1]);
	KTEST_EXPECT_EQ(t, kernel_read(p[0], buf, sizeof(buf), NULL), 1);
	KTEST_EXPECT_EQ(t, buf[0], 'x');
	KTEST_EXPECT_EQ(t, kernel_read(p[0], buf, sizeof(buf), NULL), 0);
	fput(p[0]);
}

static void no_readers_epipe(struct ktest *t)
{
	struct file *p[2];

	if (!IS_ENABLED(CONFIG_FS_PIPE))
		KTEST_SKIP(t, "FS_PIPE=n");
	KTEST_ASSERT(t, !create_pipe_files(p, 0));
	fput(p[0]);
	KTEST_EXPECT_EQ(t, kernel_write(p[1], "x", 1, NULL), -EPIPE);
	KTEST_EXPECT(t, vfs_poll(p[1], NULL) & POLLERR);
	fput(p[1]);
}

static void nonblock_eagain_and_full(struct ktest *t)
{
	static char big[PIPE_SIZE];
	struct file *p[2];
	char c;

	if (!IS_ENABLED(CONFIG_FS_PIPE))
		KTEST_SKIP(t, "FS_PIPE=n");
	KTEST_ASSERT(t, !create_pipe_files(p, O_NONBLOCK));
	KTEST_EXPECT_EQ(t, kernel_read(p[0], &c, 1, NULL), -EAGAIN);
	KTEST_EXPECT_EQ(t, kernel_write(p[1], big, sizeof(big), NULL), (long)sizeof(big));
	KTEST_EXPECT_EQ(t, vfs_poll(p[1], NULL) & POLLOUT, 0);
	KTEST_EXPECT_EQ(t, kernel_write(p[1], "x", 1, NULL), -EAGAIN);
	KTEST_EXPECT_EQ(t, kernel_read(p[0], big, 100, NULL), 100);
	/* 100 bytes free: a 200-byte write is atomic, so none of it goes in */
	KTEST_EXPECT_EQ(t, kernel_write(p[1], big, 200, NULL), -EAGAIN);
	KTEST_EXPECT_EQ(t, kernel_write(p[1], big, 100, NULL), 100);
	fput(p[0]);
	fput(p[1]);
}

struct writer {
	struct file *f;
	struct completion started;
};

static int late_writer(void *arg)
{
	struct writer *w = arg;

	complete(&w->started);
	msleep(20);		/* the reader is asleep by now, most likely; either way works */
	kernel_write(w->f, "wake", 4, NULL);
	fput(w->f);
	return 0;
}

static void blocked_reader_woken(struct ktest *t)
{
	struct writer w;
	struct file *p[2];
	char buf[8];

	if (!IS_ENABLED(CONFIG_FS_PIPE))
		KTEST_SKIP(t, "FS_PIPE=n");
	KTEST_ASSERT(t, !create_pipe_files(p, 0));
	w.f = p[1];
	init_completion(&w.started);
	if (!kthread_run(late_writer, &w, "kt_pipe_writer")) {
		fput(p[0]);
		fput(p[1]);
		KTEST_ASSERT(t, false);
	}
	wait_for_completion(&w.started);
	KTEST_EXPECT_EQ(t, kernel_read(p[0], buf, sizeof(buf), NULL), 4);
	KTEST_EXPECT(t, !memcmp(buf, "wake", 4));
	KTEST_EXPECT_EQ(t, kernel_read(p[0], buf, sizeof(buf), NULL), 0);	/* writer closed */
	fput(p[0]);
}

KTEST_SUITE(pipe,
	    KTEST_CASE(read_what_was_written),
	    KTEST_CASE(one_byte_is_a_read),
	    KTEST_CASE(no_readers_epipe),
	    KTEST_CASE(nonblock_eagain_and_full),
	    KTEST_CASE(blocked_reader_woken));
