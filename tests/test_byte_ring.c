// SPDX-License-Identifier: MIT
/*
 * Host tests for lib/byte_ring.c: sizes, wrap-around of the buffer and of
 * the 32-bit counters, partial puts and gets, and a random run against a
 * simple model (an array used as a FIFO).
 */
#include "harness.h"

#include <tern/byte_ring.h>
#include <tern/errno.h>

TEST(refuses_sizes_that_are_not_powers_of_two)
{
	struct byte_ring r;
	unsigned char buf[12];

	EXPECT_EQ(byte_ring_init(&r, buf, 12), (unsigned long long)-EINVAL);
	EXPECT_EQ(byte_ring_init(&r, buf, 0), (unsigned long long)-EINVAL);
	EXPECT_EQ(byte_ring_init(&r, NULL, 8), (unsigned long long)-EINVAL);
	EXPECT_EQ(byte_ring_space(&r), 0);
	EXPECT_EQ(byte_ring_put(&r, (const unsigned char *)"x", 1), 0);
	EXPECT_EQ(byte_ring_init(&r, buf, 8), 0);
	EXPECT_EQ(byte_ring_init(&r, buf, 1), 0);
	EXPECT_EQ(byte_ring_space(&r), 1);
}

TEST(fills_whole_and_keeps_order_across_the_wrap)
{
	unsigned char buf[8], out[16];
	struct byte_ring r;

	ASSERT_EQ(byte_ring_init(&r, buf, 8), 0);
	EXPECT_EQ(byte_ring_put(&r, (const unsigned char *)"abcdef", 6), 6);
	EXPECT_EQ(byte_ring_get(&r, out, 4), 4);
	EXPECT_MEMEQ(out, "abcd", 4);
	/* 2 queued; 6 more fit, then it is full without a spare slot. */
	EXPECT_EQ(byte_ring_put(&r, (const unsigned char *)"ghijklmn", 8), 6);
	EXPECT_EQ(byte_ring_len(&r), 8);
	EXPECT_EQ(byte_ring_space(&r), 0);
	EXPECT_EQ(byte_ring_put(&r, (const unsigned char *)"z", 1), 0);
	EXPECT_EQ(byte_ring_get(&r, out, sizeof(out)), 8);
	EXPECT_MEMEQ(out, "efghijkl", 8);
	EXPECT_EQ(byte_ring_get(&r, out, 1), 0);
	byte_ring_put(&r, (const unsigned char *)"q", 1);
	byte_ring_clear(&r);
	EXPECT_EQ(byte_ring_len(&r), 0);
}

TEST(counters_wrap_at_two_to_the_32)
{
	unsigned char buf[4], out[4];
	struct byte_ring r;

	ASSERT_EQ(byte_ring_init(&r, buf, 4), 0);
	r.head = r.tail = 0xfffffffeu;
	EXPECT_EQ(byte_ring_put(&r, (const unsigned char *)"wxyz", 4), 4);
	EXPECT_EQ(r.head, 2);
	EXPECT_EQ(byte_ring_len(&r), 4);
	EXPECT_EQ(byte_ring_get(&r, out, 4), 4);
	EXPECT_MEMEQ(out, "wxyz", 4);
	EXPECT_EQ(byte_ring_len(&r), 0);
}

TEST(random_puts_and_gets_match_a_model)
{
	unsigned long long rng = 11;
	unsigned char buf[64], model[64], chunk[100], out[100];
	size_t mlen = 0;
	unsigned char next = 0;
	struct byte_ring r;
	int step;

	ASSERT_EQ(byte_ring_init(&r, buf, sizeof(buf)), 0);
	for (step = 0; step < 20000; step++) {
		size_t n = harness_rnd(&rng, 100), i, done;

		if (harness_rnd(&rng, 2)) {
			for (i = 0; i < n; i++)
				chunk[i] = next++;
			done = byte_ring_put(&r, chunk, n);
			if (!EXPECT_EQ(done, n < sizeof(model) - mlen ? n : sizeof(model) - mlen))
				return;
			memcpy(model + mlen, chunk, done);
			next = (unsigned char)(next - (n - done));
			mlen += done;
		} else {
			done = byte_ring_get(&r, out, n);
			if (!EXPECT_EQ(done, n < mlen ? n : mlen) || !EXPECT_MEMEQ(out, model, done))
				return;
			memmove(model, model + done, mlen - done);
			mlen -= done;
		}
		if (!EXPECT_EQ(byte_ring_len(&r), mlen))
			return;
	}
}

TEST_MAIN()
