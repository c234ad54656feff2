// SPDX-License-Identifier: MIT
/*
 * The system RTC on the boot tree: when the tree has an RTC this kernel
 * drives, its time is plausible (after 2024-01-01, before 2100) and
 * never goes back, and so does the real-time clock it seeded; without
 * one, both answer -ENODEV.  The calendar arithmetic is checked on known
 * dates as built for this architecture (rv32 divides 64-bit values
 * through libgcc).
 */
#include <tern/boot.h>
#include <tern/device.h>
#include <tern/errno.h>
#include <tern/ktest.h>
#include <tern/rtc.h>
#include <tern/string.h>
#include <tern/timer.h>

#define PLAUSIBLE_FROM	1704067200LL	/* 2024-01-01 00:00:00 UTC */
#define PLAUSIBLE_UNTIL	4102444800LL	/* 2100-01-01 00:00:00 UTC */

static const char *const rtc_compatibles[] = {
	IS_ENABLED(CONFIG_RTC_DRV_GOLDFISH) ? "google,goldfish-rtc" : NULL,
};

/* Does the boot tree have a bound RTC of a driver in this kernel? */
static bool tree_has_rtc(void)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(rtc_compatibles); i++) {
		int node = -1;

		if (!rtc_compatibles[i])
			continue;
		while ((node = fdt_node_offset_by_compatible(&boot_fdt, node,
							     rtc_compatibles[i])) >= 0) {
			struct device *dev = device_find_by_node(node);

			if (dev && dev->state == DEVICE_BOUND)
				return true;
		}
	}
	return false;
}

static void rtc_time_is_plausible(struct ktest *t)
{
	struct rtc_time tm;
	u64 ns;
	int err = rtc_read_ns(&ns);

	if (!tree_has_rtc()) {
		KTEST_EXPECT_EQ(t, err, -ENODEV);
		KTEST_EXPECT_EQ(t, ktime_get_real_ns(&ns), -ENODEV);
		return;
	}
	KTEST_ASSERT(t, err == 0);
	KTEST_EXPECT_GE(t, ns / NSEC_PER_SEC, PLAUSIBLE_FROM);
	KTEST_EXPECT_LT(t, ns / NSEC_PER_SEC, PLAUSIBLE_UNTIL);
	KTEST_ASSERT(t, rtc_read_time(&tm) == 0);
	KTEST_EXPECT_GE(t, tm.tm_year + 1900, 2024);
	KTEST_EXPECT_LT(t, tm.tm_year + 1900, 2100);
	KTEST_ASSERT(t, ktime_get_real_ns(&ns) == 0);
	KTEST_EXPECT_GE(t, ns / NSEC_PER_SEC, PLAUSIBLE_FROM);
	KTEST_EXPECT_LT(t, ns / NSEC_PER_SEC, PLAUSIBLE_UNTIL);
}

static void rtc_time_never_goes_back(struct ktest *t)
{
	u64 a, b;

	if (!tree_has_rtc())
		return;
	KTEST_ASSERT(t, rtc_read_ns(&a) == 0);
	KTEST_ASSERT(t, rtc_read_ns(&b) == 0);
	KTEST_EXPECT_GE(t, b, a);
	KTEST_ASSERT(t, ktime_get_real_ns(&a) == 0);
	KTEST_ASSERT(t, ktime_get_real_ns(&b) == 0);
	KTEST_EXPECT_GE(t, b, a);
}

static void expect_date(struct ktest *t, s64 secs, const char *want, int wday, int yday)
{
	char buf[RTC_DATE_LEN];
	struct rtc_time tm;

	rtc_time64_to_tm(secs, &tm);
	rtc_format(&tm, buf, sizeof(buf));
	KTEST_EXPECT_STREQ(t, buf, want);
	KTEST_EXPECT_EQ(t, tm.tm_wday, wday);
	KTEST_EXPECT_EQ(t, tm.tm_yday, yday);
	KTEST_EXPECT_EQ(t, rtc_tm_to_time64(&tm), secs);
}

static void calendar_arithmetic_on_known_dates(struct ktest *t)
{
	expect_date(t, 0, "1970-01-01 00:00:00", 4, 0);
	expect_date(t, 951782400, "2000-02-29 00:00:00", 2, 59);
	expect_date(t, 1704067199, "2023-12-31 23:59:59", 0, 364);
	expect_date(t, 2147483648LL, "2038-01-19 03:14:08", 2, 18);
	expect_date(t, 4102444800LL, "2100-01-01 00:00:00", 5, 0);
	expect_date(t, -1, "1969-12-31 23:59:59", 3, 364);
}

KTEST_SUITE(rtc,
	    KTEST_CASE(rtc_time_is_plausible),
	    KTEST_CASE(rtc_time_never_goes_back),
	    KTEST_CASE(calendar_arithmetic_on_known_dates));
