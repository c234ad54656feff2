// SPDX-License-Identifier: MIT
/*
 * Host tests for mm/memblock.c's range table: random adds checked against
 * a byte map of a small address space, with a table of
 * CONFIG_MEMBLOCK_MAX_REGIONS (8 here) entries, so that it fills often.
 */
#include "harness.h"
#include <setjmp.h>

#include "rename.h"
#include <tern/errno.h>
#include <tern/kernel.h>
#include <tern/memblock.h>
#include <tern/string.h>

#define SPACE	4096	/* addresses 0..SPACE-1, one map byte each */

static jmp_buf panicked;

int printk(const char *fmt, ...)
{
	return 0;
}

void panic(const char *fmt, ...)
{
	longjmp(panicked, 1);
}

/* The table is sorted, merged (no two entries touch) and inside the map. */
static bool table_matches(const struct memblock_type *type, const unsigned char *map)
{
	unsigned char seen[SPACE] = { 0 };
	unsigned int i;

	for (i = 0; i < type->count; i++) {
		const struct memblock_region *r = &type->regions[i];

		if (!r->size || r->base + r->size > SPACE)
			return FAIL("entry %u: %llx+%llx", i, (unsigned long long)r->base,
				    (unsigned long long)r->size);
		if (i && type->regions[i - 1].base + type->regions[i - 1].size >= r->base)
			return FAIL("entries %u and %u touch or are out of order", i - 1, i);
		memset(seen + r->base, 1, r->size);
	}
	return EXPECT_MEMEQ(seen, map, SPACE);
}

TEST(random_reservations_match_a_byte_map)
{
	unsigned long long rng = 0x3e3b10c;
	int round, step;

	for (round = 0; round < 300; round++) {
		unsigned char map[SPACE] = { 0 };

		memblock_reserved.count = 0;
		for (step = 0; step < 40; step++) {
			phys_addr_t base = harness_rnd(&rng, SPACE - 1);
			phys_addr_t size = 1 + harness_rnd(&rng, harness_rnd(&rng, 4) ? 64 : 600);
			unsigned int before = memblock_reserved.count;
			int err;

			if (base + size > SPACE)
				size = SPACE - base;
			err = memblock_reserve(base, size, "r");
			if (err == -ENOSPC) {
				/* Only a range that touches nothing may be refused, and only when full. */
				EXPECT_EQ(before, CONFIG_MEMBLOCK_MAX_REGIONS);
				EXPECT(!memchr(map + (base ? base - 1 : 0), 1,
					       size + (base ? 1 : 0) + (base + size < SPACE)));
			} else if (EXPECT_EQ(err, 0)) {
				memset(map + base, 1, size);
			}
			if (!table_matches(&memblock_reserved, map))
				return;
		}
	}
}

TEST(bad_ranges_are_refused)
{
	memblock_reserved.count = 0;
	EXPECT_EQ(memblock_reserve(10, 0, "empty"), -EINVAL);
	EXPECT_EQ(memblock_reserve(~(phys_addr_t)0 - 10, 100, "wraps"), -EINVAL);
	EXPECT_EQ(memblock_reserved.count, 0);
}

TEST(reserve_or_panic_panics_only_when_full)
{
	unsigned int i;

	memblock_reserved.count = 0;
	if (setjmp(panicked)) {
		FAIL("panicked with room left");
		return;
	}
	for (i = 0; i < CONFIG_MEMBLOCK_MAX_REGIONS; i++)
		memblock_reserve_or_panic(100 * i, 10, "r");
	memblock_reserve_or_panic(5, 0, "nothing");	/* size 0: nothing to keep */
	memblock_reserve_or_panic(5, 10, "merges");	/* needs no new entry */
	EXPECT_EQ(memblock_reserved.count, CONFIG_MEMBLOCK_MAX_REGIONS);
	if (!setjmp(panicked)) {
		memblock_reserve_or_panic(50, 10, "no room");
		FAIL("no panic with the table full");
	}
	EXPECT_EQ(memblock_reserved.count, CONFIG_MEMBLOCK_MAX_REGIONS);
}

TEST_MAIN()
