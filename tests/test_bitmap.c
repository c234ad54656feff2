// SPDX-License-Identifier: MIT
/*
 * Host tests for lib/bitmap.c, the search behind the fd table's "lowest
 * free fd": every start and size against a bit-by-bit model, sizes that
 * end inside a word, and an fd-allocator run (allocate lowest, free at
 * random) against a model array.
 */
#include "harness.h"

#include <stdlib.h>
#include <string.h>

#include <tern/bitmap.h>

#define NBITS 200

static unsigned int model_next(const unsigned long *map, unsigned int size, unsigned int start,
			       bool want)
{
	unsigned int i;

	for (i = start; i < size; i++)
		if (bitmap_test_bit(map, i) == want)
			return i;
	return size;
}

TEST(every_start_and_size_matches_the_model)
{
	unsigned long map[BITS_TO_LONGS(NBITS)];
	unsigned int round, size, start;

	srand(3);
	for (round = 0; round < 40; round++) {
		unsigned int density = (unsigned int)rand() % 4, i;

		memset(map, 0, sizeof(map));
		for (i = 0; i < NBITS; i++)
			if ((unsigned int)rand() % 4 < density)
				bitmap_set_bit(map, i);
		if (round == 0)
			memset(map, 0xff, sizeof(map));
		for (size = 0; size <= NBITS; size += 1 + size / 8)
			for (start = 0; start <= size + 2; start++) {
				unsigned int z = find_next_zero_bit(map, size, start);
				unsigned int o = find_next_bit(map, size, start);

				if (z != model_next(map, size, start, false) ||
				    o != model_next(map, size, start, true)) {
					FAIL("size %u start %u: zero %u one %u", size, start, z, o);
					return;
				}
			}
	}
}

TEST(set_and_clear_touch_one_bit)
{
	unsigned long map[BITS_TO_LONGS(NBITS)] = { 0 };

	bitmap_set_bit(map, 63);
	bitmap_set_bit(map, 64);
	EXPECT(bitmap_test_bit(map, 63));
	EXPECT(bitmap_test_bit(map, 64));
	EXPECT(!bitmap_test_bit(map, 62));
	bitmap_clear_bit(map, 63);
	EXPECT(!bitmap_test_bit(map, 63));
	EXPECT(bitmap_test_bit(map, 64));
	EXPECT_EQ(find_next_bit(map, NBITS, 0), 64);
	EXPECT_EQ(find_next_zero_bit(map, 64, 64), 64);	/* start past the end */
}

TEST(fd_allocation_takes_the_lowest_free)
{
	unsigned long map[BITS_TO_LONGS(NBITS)] = { 0 };
	bool used[NBITS] = { false };
	unsigned int round, i;

	srand(5);
	for (round = 0; round < 100000; round++) {
		if (rand() % 3) {
			unsigned int fd = find_next_zero_bit(map, NBITS, 0), want = 0;

			while (want < NBITS && used[want])
				want++;
			ASSERT_EQ(fd, want);
			if (fd < NBITS) {
				bitmap_set_bit(map, fd);
				used[fd] = true;
			}
		} else {
			i = (unsigned int)rand() % NBITS;
			bitmap_clear_bit(map, i);
			used[i] = false;
		}
	}
}

TEST_MAIN()
