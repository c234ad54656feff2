// SPDX-License-Identifier: MIT
/* Searching bit arrays (include/tern/bitmap.h). */
#include <tern/bitmap.h>

static unsigned int find_next(const unsigned long *map, unsigned int size, unsigned int start,
			      unsigned long invert)
{
	unsigned int i = start;

	while (i < size) {
		unsigned long word = (map[i / BITS_PER_LONG] ^ invert) >> (i % BITS_PER_LONG);

		if (word) {
			i += (unsigned int)__builtin_ctzl(word);
			return i < size ? i : size;
		}
		i = (unsigned int)((i / BITS_PER_LONG + 1) * BITS_PER_LONG);
	}
	return size;
}

unsigned int find_next_zero_bit(const unsigned long *map, unsigned int size, unsigned int start)
{
	return find_next(map, size, start, ~0UL);
}

unsigned int find_next_bit(const unsigned long *map, unsigned int size, unsigned int start)
{
	return find_next(map, size, start, 0);
}
