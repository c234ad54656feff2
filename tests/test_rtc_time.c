// SPDX-License-Identifier: MIT
/*
 * Host tests for lib/rtc_time.c: known dates (the epoch, leap days,
 * century years, 2038, before 1970), and every 6th hour across 1900-2400
 * plus random instants against the C library's gmtime_r and timegm.
 */
#define _GNU_SOURCE	/* timegm */
#include "harness.h"

#include <time.h>

#include "rename.h"
#include <tern/rtc.h>

static void expect_date(long long secs, const char *want, int wday, int yday)
{
	char buf[RTC_DATE_LEN];
	struct rtc_time tm;

	rtc_time64_to_tm(secs, &tm);
	rtc_format(&tm, buf, sizeof(buf));
	EXPECT_STREQ(buf, want);
	EXPECT_EQ(tm.tm_wday, wday);
	EXPECT_EQ(tm.tm_yday, yday);
	EXPECT_EQ(rtc_tm_to_time64(&tm), secs);
}

TEST(known_dates)
{
	expect_date(0, "1970-01-01 00:00:00", 4, 0);
	expect_date(86399, "1970-01-01 23:59:59", 4, 0);
	expect_date(951782400, "2000-02-29 00:00:00", 2, 59);
	expect_date(951868800, "2000-03-01 00:00:00", 3, 60);
	expect_date(1704067200, "2024-01-01 00:00:00", 1, 0);
	expect_date(1735603200, "2024-12-31 00:00:00", 2, 365);
	expect_date(1796556600, "2026-12-06 11:30:00", 0, 339);
	expect_date(2147483647, "2038-01-19 03:14:07", 2, 18);
	expect_date(4102444800LL, "2100-01-01 00:00:00", 5, 0);
	expect_date(4107542400LL, "2100-03-01 00:00:00", 1, 59);	/* 2100 is no leap year */
	expect_date(-1, "1969-12-31 23:59:59", 3, 364);
	expect_date(-2208988800LL, "1900-01-01 00:00:00", 1, 0);
	expect_date(-62167219200LL, "0000-01-01 00:00:00", 6, 0);
}

TEST(leap_years)
{
	EXPECT(rtc_is_leap_year(2024));
	EXPECT(rtc_is_leap_year(2000));
	EXPECT(!rtc_is_leap_year(1900));
	EXPECT(!rtc_is_leap_year(2100));
	EXPECT(!rtc_is_leap_year(2023));
}

static bool same_as_libc(long long secs)
{
	time_t t = (time_t)secs;
	struct rtc_time tm;
	struct tm want;

	if (!gmtime_r(&t, &want))
		return FAIL("gmtime_r(%lld) failed", secs);
	rtc_time64_to_tm(secs, &tm);
	if (tm.tm_year != want.tm_year || tm.tm_mon != want.tm_mon ||
	    tm.tm_mday != want.tm_mday || tm.tm_hour != want.tm_hour ||
	    tm.tm_min != want.tm_min || tm.tm_sec != want.tm_sec ||
	    tm.tm_wday != want.tm_wday || tm.tm_yday != want.tm_yday)
		return FAIL("%lld: got %d-%d-%d %d:%d:%d w%d y%d", secs, tm.tm_year, tm.tm_mon,
			    tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_wday, tm.tm_yday);
	return EXPECT_EQ(rtc_tm_to_time64(&tm), secs) && EXPECT_EQ(timegm(&want), secs);
}

TEST(agrees_with_libc_from_1900_to_2400)
{
	long long secs;

	for (secs = -2208988800LL; secs < 13569465600LL; secs += 6 * 3600 + 7)
		if (!same_as_libc(secs))
			return;
}

TEST(agrees_with_libc_at_random_instants)
{
	unsigned long long rng = 2026;
	int i;

	for (i = 0; i < 100000; i++) {
		long long secs = ((long long)harness_rnd(&rng, 1u << 30) << 5) -
				 (1LL << 34) + harness_rnd(&rng, 32);

		if (!same_as_libc(secs))
			return;
	}
}

TEST_MAIN()
