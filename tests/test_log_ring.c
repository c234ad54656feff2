// SPDX-License-Identifier: MIT
/*
 * Host tests for lib/log_ring.c, the kernel log's ring: whole lines drop
 * first, the reader positions follow the oldest byte kept, READ_ALL's
 * start is a line start that fits, and the 32-bit positions wrap.
 */
#include "harness.h"

#include <string.h>
#include <tern/errno.h>
#include <tern/log_ring.h>

static size_t copy_all(const struct log_ring *r, u32 from, char *out, size_t n)
{
	size_t got = log_ring_copy(r, from, out, n - 1);

	out[got] = '\0';
	return got;
}

TEST(refuses_sizes_that_are_not_powers_of_two)
{
	struct log_ring r;
	char buf[12];

	EXPECT_EQ(log_ring_init(&r, buf, 12), (unsigned long long)-EINVAL);
	log_ring_write(&r, "x\n", 2);
	EXPECT_EQ(log_ring_len(&r), 0);
	EXPECT_EQ(log_ring_init(&r, NULL, 8), (unsigned long long)-EINVAL);
	EXPECT_EQ(log_ring_init(&r, buf, 8), 0);
}

TEST(keeps_lines_in_order_until_full)
{
	struct log_ring r;
	char buf[32], out[64];

	ASSERT_EQ(log_ring_init(&r, buf, sizeof(buf)), 0);
	log_ring_write(&r, "<6>one\n", 7);
	log_ring_write(&r, "<4>two\n", 7);
	EXPECT_EQ(log_ring_len(&r), 14);
	EXPECT_EQ(log_ring_unread(&r), 14);
	EXPECT_EQ(copy_all(&r, r.first, out, sizeof(out)), 14);
	EXPECT_STREQ(out, "<6>one\n<4>two\n");
}

TEST(drops_whole_oldest_lines_for_room)
{
	struct log_ring r;
	char buf[16], out[64];

	ASSERT_EQ(log_ring_init(&r, buf, sizeof(buf)), 0);
	log_ring_write(&r, "aaaa\n", 5);
	log_ring_write(&r, "bbbb\n", 5);
	log_ring_write(&r, "cccc\n", 5);	/* 15 of 16 */
	log_ring_write(&r, "dd\n", 3);	/* "aaaa\n" goes whole */
	EXPECT_EQ(log_ring_len(&r), 13);
	copy_all(&r, r.first, out, sizeof(out));
	EXPECT_STREQ(out, "bbbb\ncccc\ndd\n");
	/* The readers' positions are never behind the oldest byte kept. */
	EXPECT_EQ(r.read, r.first);
	EXPECT_EQ(r.clear, r.first);
}

TEST(a_line_longer_than_the_ring_keeps_its_end)
{
	struct log_ring r;
	char buf[8], out[64];

	ASSERT_EQ(log_ring_init(&r, buf, sizeof(buf)), 0);
	log_ring_write(&r, "ab\n", 3);
	log_ring_write(&r, "0123456789\n", 11);
	EXPECT_EQ(log_ring_len(&r), 8);
	copy_all(&r, r.first, out, sizeof(out));
	EXPECT_STREQ(out, "3456789\n");
	/* An unfinished line that outgrows the ring is cut mid-line. */
	log_ring_write(&r, "xyzxyz", 6);
	log_ring_write(&r, "XYZ", 3);
	copy_all(&r, r.first, out, sizeof(out));
	EXPECT_STREQ(out, "yzxyzXYZ");
}

TEST(tail_start_is_a_line_start_that_fits)
{
	struct log_ring r;
	char buf[64], out[64];

	ASSERT_EQ(log_ring_init(&r, buf, sizeof(buf)), 0);
	log_ring_write(&r, "first\nsecond\nthird\n", 19);
	EXPECT_EQ(log_ring_tail_start(&r, 100), r.first);
	EXPECT_EQ(log_ring_tail_start(&r, 19), r.first);
	/* 13 bytes: "second\n" does not fit with "third\n" (7 + 6). */
	EXPECT_EQ(log_ring_tail_start(&r, 13), r.first + 6);
	EXPECT_EQ(log_ring_tail_start(&r, 12), r.first + 13);
	copy_all(&r, log_ring_tail_start(&r, 12), out, sizeof(out));
	EXPECT_STREQ(out, "third\n");
	/* Not even the last line fits: its last n bytes. */
	EXPECT_EQ(log_ring_tail_start(&r, 3), r.head - 3);
	/* After a clear, nothing; then only what came later. */
	log_ring_clear(&r);
	EXPECT_EQ(log_ring_tail_start(&r, 64), r.head);
	log_ring_write(&r, "fourth\n", 7);
	copy_all(&r, log_ring_tail_start(&r, 64), out, sizeof(out));
	EXPECT_STREQ(out, "fourth\n");
}

TEST(copy_clamps_to_what_is_kept)
{
	struct log_ring r;
	char buf[8], out[16];

	ASSERT_EQ(log_ring_init(&r, buf, sizeof(buf)), 0);
	log_ring_write(&r, "aaa\nbbb\n", 8);
	log_ring_write(&r, "cc\n", 3);		/* "aaa\n" goes */
	EXPECT_EQ(log_ring_copy(&r, 0, out, sizeof(out)), 7);	/* from first */
	EXPECT_MEMEQ(out, "bbb\ncc\n", 7);
	EXPECT_EQ(log_ring_copy(&r, r.head, out, sizeof(out)), 0);
	EXPECT_EQ(log_ring_copy(&r, r.head + 5, out, sizeof(out)), 0);	/* ahead of head */
	EXPECT_EQ(log_ring_copy(&r, r.first + 4, out, 2), 2);
	EXPECT_MEMEQ(out, "cc", 2);
}

TEST(positions_wrap_at_2_to_the_32)
{
	struct log_ring r;
	char buf[16], out[64];
	int i;

	ASSERT_EQ(log_ring_init(&r, buf, sizeof(buf)), 0);
	r.head = r.first = r.read = r.clear = 0xfffffff8u;
	for (i = 0; i < 5; i++)
		log_ring_write(&r, "line\n", 5);
	EXPECT_EQ(log_ring_len(&r), 15);
	EXPECT_EQ(log_ring_unread(&r), 15);
	copy_all(&r, r.first, out, sizeof(out));
	EXPECT_STREQ(out, "line\nline\nline\n");
	EXPECT_EQ(log_ring_tail_start(&r, 10), r.head - 10);
}

/* Random lines against a model: the kept text is always the newest whole lines. */
TEST(random_lines_match_a_model)
{
	static char model[1 << 16];
	size_t mlen = 0, mfirst = 0;
	unsigned long long rng = 5;
	struct log_ring r;
	char buf[256], line[80], out[256];
	int step;

	ASSERT_EQ(log_ring_init(&r, buf, sizeof(buf)), 0);
	for (step = 0; step < 600; step++) {
		size_t n = 1 + harness_rnd(&rng, 60), i;

		for (i = 0; i + 1 < n; i++)
			line[i] = (char)('a' + harness_rnd(&rng, 26));
		line[n - 1] = '\n';
		log_ring_write(&r, line, n);
		memcpy(model + mlen, line, n);
		mlen += n;
		while (mlen - mfirst > sizeof(buf))
			mfirst = (size_t)((char *)memchr(model + mfirst, '\n', mlen - mfirst) - model) + 1;
		if (!EXPECT_EQ(log_ring_len(&r), mlen - mfirst))
			return;
		log_ring_copy(&r, r.first, out, sizeof(out));
		if (!EXPECT_MEMEQ(out, model + mfirst, mlen - mfirst))
			return;
	}
}

TEST_MAIN()
