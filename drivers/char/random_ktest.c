// SPDX-License-Identifier: MIT
/*
 * ktest "random": get_random_bytes from the entropy source.  With no
 * source it must say -ENODEV (and the case is skipped); it names the
 * source it used ("# random: source virtio-rng") so that a test script
 * can check one was found.
 */
#include <tern/errno.h>
#include <tern/ktest.h>
#include <tern/printk.h>
#include <tern/random.h>
#include <tern/string.h>

#define NR_BYTES	200	/* more than one chunk of the source */

static bool all_equal(const u8 *b, size_t n)
{
	size_t i;

	for (i = 1; i < n; i++)
		if (b[i] != b[0])
			return false;
	return true;
}

static void random_bytes_vary(struct ktest *t)
{
	const struct hwrng *src = hwrng_current();
	u8 a[NR_BYTES], b[NR_BYTES];

	if (!src) {
		KTEST_EXPECT_EQ(t, get_random_bytes(a, sizeof(a)), -ENODEV);
		KTEST_SKIP(t, "no entropy source");
	}
	console_printf("    # random: source %s\n", src->name);
	memset(a, 0, sizeof(a));
	memset(b, 0, sizeof(b));
	KTEST_ASSERT(t, get_random_bytes(a, sizeof(a)) == 0);
	KTEST_ASSERT(t, get_random_bytes(b, sizeof(b)) == 0);
	KTEST_EXPECT(t, !all_equal(a, sizeof(a)));
	KTEST_EXPECT(t, !all_equal(b, sizeof(b)));
	KTEST_EXPECT_NE(t, memcmp(a, b, sizeof(a)), 0);
	KTEST_EXPECT_EQ(t, get_random_bytes(a, 0), 0);
}

KTEST_SUITE(random, KTEST_CASE(random_bytes_vary));
