/* SPDX-License-Identifier: MIT */
/*
 * Bit arrays of unsigned longs (lib/bitmap.c), as the fd table keeps its
 * open and close-on-exec sets.  No locking: the owner's lock guards them.
 * Pure logic, also built by the host tests.
 */
#ifndef TERN_BITMAP_H
#define TERN_BITMAP_H

#include <tern/types.h>

#define BITS_PER_LONG		(8 * sizeof(unsigned long))
#define BITS_TO_LONGS(n)	(((n) + BITS_PER_LONG - 1) / BITS_PER_LONG)

static inline void bitmap_set_bit(unsigned long *map, unsigned int bit)
{
	map[bit / BITS_PER_LONG] |= 1UL << (bit % BITS_PER_LONG);
}

static inline void bitmap_clear_bit(unsigned long *map, unsigned int bit)
{
	map[bit / BITS_PER_LONG] &= ~(1UL << (bit % BITS_PER_LONG));
}

static inline bool bitmap_test_bit(const unsigned long *map, unsigned int bit)
{
	return map[bit / BITS_PER_LONG] >> (bit % BITS_PER_LONG) & 1;
}

/* The first clear bit at or after start, below size; size if none. */
unsigned int find_next_zero_bit(const unsigned long *map, unsigned int size, unsigned int start);
/* The first set bit at or after start, below size; size if none. */
unsigned int find_next_bit(const unsigned long *map, unsigned int size, unsigned int start);

#endif
