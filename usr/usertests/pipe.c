// SPDX-License-Identifier: MIT
/* usertests: pipes: big transfers, closed ends, SIGPIPE, many writers. */
#define _GNU_SOURCE	/* pipe2 on glibc */
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "usertests.h"

/* Helper arguments pack descriptors: low byte, next byte, then an id. */
#define FD0(a) ((int)((a) & 0xff))
#define FD1(a) ((int)(((a) >> 8) & 0xff))
#define ID(a) ((int)((a) >> 16))
#define PACK(a, b, id) ((long)(a) | (long)(b) << 8 | (long)(id) << 16)

#define BIG_TOTAL (256 * 1024)
#define BIG_ONE_WRITE (128 * 1024)

/* A byte of position i, different enough from its neighbours' to tell a shift. */
static unsigned char pattern(size_t i)
{
	uint32_t h = (uint32_t)i;

	h ^= h >> 7;
	h *= 0x9e3779b1u;
	return (unsigned char)(h >> 24);
}

/* Writes BIG_TOTAL bytes: one write of BIG_ONE_WRITE, then odd chunks. */
static int h_big_writer(long fds)
{
	/* mmap, not malloc: a no-MMU heap (brk) may be smaller than this. */
	unsigned char *buf = mmap(NULL, BIG_TOTAL, PROT_READ | PROT_WRITE,
				  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	size_t off;

	close(FD0(fds));
	if (buf == MAP_FAILED)
		return 2;
	for (size_t i = 0; i < BIG_TOTAL; i++)
		buf[i] = pattern(i);
	/* A blocking write to a pipe returns only when all is written. */
	if (write(FD1(fds), buf, BIG_ONE_WRITE) != BIG_ONE_WRITE)
		return 3;
	for (off = BIG_ONE_WRITE; off < BIG_TOTAL; off += 3001) {
		size_t n = BIG_TOTAL - off < 3001 ? BIG_TOTAL - off : 3001;

		if (write_all(FD1(fds), buf + off, n) != (ssize_t)n)
			return 4;
	}
	return 0;
}

/* For a report: how far the stream skipped or repeated at off. */
static const char *describe_shift(const unsigned char *b, size_t n, size_t off)
{
	static char msg[64];

	n = n < 16 ? n : 16;
	for (long k = 1; k <= 2 * 65536; k++) {
		long s = k & 1 ? (k + 1) / 2 : -k / 2;
		size_t i;

		if ((long)off + s < 0)
			continue;
		for (i = 0; i < n && b[i] == pattern(off + s + i); i++)
			;
		if (i == n) {
			snprintf(msg, sizeof(msg), "%ld bytes %s", labs(s),
				 s > 0 ? "lost" : "repeated");
			return msg;
		}
	}
	return "not a shifted copy";
}

static enum result pipe_big(void)
{
	static unsigned char buf[1000];
	size_t total = 0;
	int p[2];
	ssize_t r, last = 0;

	CHECK_OK(pipe(p));
	pid_t pid = spawn(h_big_writer, PACK(p[0], p[1], 0));
	CHECK(pid > 0, "spawn: %s", strerror(errno));
	close(p[1]);
	while ((r = read(p[0], buf, sizeof(buf))) > 0) {
		for (ssize_t i = 0; i < r; i++)
			CHECK(buf[i] == pattern(total + i),
			      "byte %zu is %#x, want %#x (read of %zd at %zu after one of %zd; %s)",
			      total + i, buf[i], pattern(total + i), r, total, last,
			      describe_shift(buf + i, r - i, total + i));
		total += r;
		last = r;
		CHECK(total <= BIG_TOTAL, "more bytes than written");
	}
	CHECK(r == 0, "read: %s", strerror(errno));
	CHECK(total == BIG_TOTAL, "read %zu of %d bytes", total, BIG_TOTAL);
	CHECK(exited_with(pid, 0), "writer (2: no memory, 3: short single write)");
	close(p[0]);
	return PASS;
}

static enum result pipe_eof(void)
{
	char buf[8];
	int p[2];

	CHECK_OK(pipe(p));
	CHECK(write(p[1], "abc", 3) == 3, "write: %s", strerror(errno));
	close(p[1]);
	CHECK(read(p[0], buf, sizeof(buf)) == 3, "buffered data after close");
	CHECK(!memcmp(buf, "abc", 3), "data changed");
	CHECK(read(p[0], buf, sizeof(buf)) == 0, "EOF once the writer is gone");
	CHECK(read(p[0], buf, sizeof(buf)) == 0, "EOF again");
	close(p[0]);
	return PASS;
}

static int h_sigpipe_default(long fd)
{
	signal(SIGPIPE, SIG_DFL);
	write((int)fd, "x", 1);
	return 0;	/* survived: wrong */
}

static volatile sig_atomic_t sigpipe_seen;

static void on_sigpipe(int sig)
{
	(void)sig;
	sigpipe_seen++;
}

static enum result pipe_epipe(void)
{
	struct sigaction sa;
	int p[2];

	CHECK_OK(pipe(p));
	close(p[0]);
	CHECK(signal(SIGPIPE, SIG_IGN) != SIG_ERR, "signal: %s", strerror(errno));
	CHECK_ERR(write(p[1], "x", 1), EPIPE);

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigpipe;
	sigemptyset(&sa.sa_mask);
	CHECK_OK(sigaction(SIGPIPE, &sa, NULL));
	CHECK_ERR(write(p[1], "x", 1), EPIPE);
	CHECK(sigpipe_seen == 1, "SIGPIPE handler ran %d times, want 1",
	      (int)sigpipe_seen);

	pid_t pid = spawn(h_sigpipe_default, p[1]);
	CHECK(pid > 0, "spawn: %s", strerror(errno));
	CHECK(killed_by(pid, SIGPIPE), "write to a closed pipe must kill");
	close(p[1]);
	return PASS;
}

/* Writes until EPIPE; the reader closes its end mid-way. */
static int h_until_epipe(long fds)
{
	static char buf[16384];

	close(FD0(fds));
	signal(SIGPIPE, SIG_IGN);
	for (;;) {
		ssize_t r = write(FD1(fds), buf, sizeof(buf));

		if (r < 0)
			return errno == EPIPE ? 0 : 1;
	}
}

static enum result pipe_reader_gone(void)
{
	char buf[100];
	int p[2];

	CHECK_OK(pipe(p));
	pid_t pid = spawn(h_until_epipe, PACK(p[0], p[1], 0));
	CHECK(pid > 0, "spawn: %s", strerror(errno));
	close(p[1]);
	/* The writer fills the pipe and blocks; closing wakes it. */
	CHECK(read_all(p[0], buf, sizeof(buf)) == sizeof(buf), "read");
	close(p[0]);
	CHECK(exited_with(pid, 0), "blocked writer must get EPIPE");
	return PASS;
}

static enum result pipe_nonblock(void)
{
	static char buf[4096];
	size_t cap = 0, back = 0;
	int p[2];
	ssize_t r;

	CHECK_OK(pipe2(p, O_NONBLOCK));
	CHECK(fcntl(p[0], F_GETFL) & O_NONBLOCK, "F_GETFL lacks O_NONBLOCK");
	CHECK_ERR(read(p[0], buf, 1), EAGAIN);
	memset(buf, 'n', sizeof(buf));
	while (cap < 16 * 1024 * 1024 && (r = write(p[1], buf, 100)) > 0)
		cap += r;
	CHECK(errno == EAGAIN, "full pipe: %s, want EAGAIN", strerror(errno));
	CHECK(cap >= 512, "pipe holds only %zu bytes", cap);
	while ((r = read(p[0], buf, sizeof(buf))) > 0)
		back += r;
	CHECK(r == -1 && errno == EAGAIN, "emptied pipe: %s", strerror(errno));
	CHECK(back == cap, "wrote %zu, read back %zu", cap, back);
	close(p[1]);
	CHECK(read(p[0], buf, 1) == 0, "EOF on a non-blocking pipe");
	close(p[0]);
	return PASS;
}

#define WRITERS 8
#define RECORDS 300
#define RECLEN 64

static void record(char *rec, int id, int seq)
{
	int n = snprintf(rec, RECLEN, "w%d s%05d ", id, seq);

	for (int i = n; i < RECLEN - 1; i++)
		rec[i] = 'a' + (id + seq + i) % 26;
	rec[RECLEN - 1] = '\n';
}

static int h_record_writer(long a)
{
	char rec[RECLEN];

	close(FD0(a));
	for (int s = 0; s < RECORDS; s++) {
		record(rec, ID(a), s);
		/* Writes of at most PIPE_BUF bytes are atomic. */
		if (write(FD1(a), rec, RECLEN) != RECLEN)
			return 1;
	}
	return 0;
}

static enum result pipe_many_writers(void)
{
	int next[WRITERS] = { 0 }, p[2], w, s;
	char rec[RECLEN], want[RECLEN];
	pid_t pids[WRITERS];
	ssize_t r;

	CHECK_OK(pipe(p));
	for (w = 0; w < WRITERS; w++) {
		pids[w] = spawn(h_record_writer, PACK(p[0], p[1], w));
		CHECK(pids[w] > 0, "spawn: %s", strerror(errno));
	}
	close(p[1]);
	while ((r = read_all(p[0], rec, RECLEN)) == RECLEN) {
		CHECK(sscanf(rec, "w%d s%d", &w, &s) == 2 && w >= 0 && w < WRITERS,
		      "garbled record %.20s", rec);
		CHECK(s == next[w], "writer %d: record %d after %d", w, s, next[w] - 1);
		record(want, w, s);
		CHECK(!memcmp(rec, want, RECLEN), "record w%d s%d torn", w, s);
		next[w]++;
	}
	for (w = 0; w < WRITERS; w++) {
		CHECK(next[w] == RECORDS, "writer %d: %d of %d records", w, next[w],
		      RECORDS);
		CHECK(exited_with(pids[w], 0), "writer %d", w);
	}
	close(p[0]);
	return PASS;
}

const struct helper pipe_helpers[] = {
	{ "big-writer", h_big_writer },
	{ "sigpipe-default", h_sigpipe_default },
	{ "until-epipe", h_until_epipe },
	{ "record-writer", h_record_writer },
	{ NULL, NULL },
};

const struct test pipe_tests[] = {
	{ "pipe_big", pipe_big },
	{ "pipe_eof", pipe_eof },
	{ "pipe_epipe", pipe_epipe },
	{ "pipe_reader_gone", pipe_reader_gone },
	{ "pipe_nonblock", pipe_nonblock },
	{ "pipe_many_writers", pipe_many_writers },
	{ NULL, NULL },
};
