// SPDX-License-Identifier: MIT
/*
 * Host tests for the pure parts of the futex code (include/tern/futex.h):
 * the key hash spreads keys over every bucket and tells address spaces
 * apart, and futex_deadline turns each operation's timeout into a
 * monotonic deadline (relative for FUTEX_WAIT, absolute on the chosen
 * clock for the bitset wait).
 */
/* First: the system headers of harness.h may then redefine what compiler.h defines. */
#include <tern/futex.h>

#include "harness.h"

#define BUCKETS	(1u << FUTEX_HASH_BITS)
#define NS	1000000000ULL

TEST(the_hash_stays_in_the_table_and_uses_every_bucket)
{
	unsigned int seen[BUCKETS] = { 0 };
	static int mm_a;

	for (unsigned long a = 0x10000; a < 0x10000 + 4 * 4096; a += 4) {
		struct futex_key k = { &mm_a, a };
		unsigned int h = futex_hash(&k);

		ASSERT(h < BUCKETS);
		seen[h]++;
	}
	for (unsigned int b = 0; b < BUCKETS; b++)
		EXPECT(seen[b] > 0);
}

TEST(the_same_address_in_two_spaces_is_two_keys)
{
	static int mm_a, mm_b;
	struct futex_key a = { &mm_a, 0x12340 }, b = { &mm_b, 0x12340 }, c = { &mm_a, 0x12340 };
	struct futex_key phys = { NULL, 0x12340 };
	unsigned int differ = 0;

	EXPECT(futex_key_eq(&a, &c));
	EXPECT(!futex_key_eq(&a, &b));
	EXPECT(!futex_key_eq(&a, &phys));
	EXPECT_EQ(futex_hash(&a), futex_hash(&c));
	/* Over many addresses the two spaces do not land in the same buckets. */
	for (unsigned long x = 0; x < 256; x++) {
		struct futex_key p = { &mm_a, 0x20000 + 4 * x }, q = { &mm_b, 0x20000 + 4 * x };

		differ += futex_hash(&p) != futex_hash(&q);
	}
	EXPECT(differ > 128);
}

TEST(futex_wait_timeouts_are_relative_to_the_monotonic_clock)
{
	EXPECT_EQ(futex_deadline(FUTEX_WAIT, 5 * NS, 100 * NS, 7777 * NS), 105 * NS);
	EXPECT_EQ(futex_deadline(FUTEX_WAIT | FUTEX_PRIVATE_FLAG, 0, 100, 0), 100);
	/* Even with FUTEX_CLOCK_REALTIME, as Linux does. */
	EXPECT_EQ(futex_deadline(FUTEX_WAIT | FUTEX_CLOCK_REALTIME, 5, 100, 999999), 105);
	/* Overflow saturates: forever. */
	EXPECT_EQ(futex_deadline(FUTEX_WAIT, ~0ULL - 10, 100, 0), ~0ULL);
}

TEST(bitset_wait_deadlines_are_absolute_on_their_clock)
{
	/* CLOCK_MONOTONIC: the deadline as given. */
	EXPECT_EQ(futex_deadline(FUTEX_WAIT_BITSET, 300 * NS, 100 * NS, 0), 300 * NS);
	EXPECT_EQ(futex_deadline(FUTEX_WAIT_BITSET, 1, 100 * NS, 0), 1);	/* past: at once */
	/* CLOCK_REALTIME: moved onto the monotonic clock. */
	EXPECT_EQ(futex_deadline(FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 1000 * NS, 100 * NS,
				 990 * NS), 110 * NS);
	EXPECT_EQ(futex_deadline(FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 10 * NS, 100 * NS,
				 990 * NS), 100 * NS);	/* past: now */
	EXPECT_EQ(futex_deadline(FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, ~0ULL, 100, 1), ~0ULL);
}

TEST_MAIN()
