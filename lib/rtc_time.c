// SPDX-License-Identifier: MIT
/*
 * Calendar arithmetic for <tern/rtc.h>.  Days are counted in eras of
 * 400 Gregorian years (146097 days, the period of the leap-year rule),
 * with years that start on March 1, so that February's leap day is the
 * last day of its year and the month lengths before it never change.
 */
#include <tern/printf.h>
#include <tern/rtc.h>

#define SECS_PER_DAY		86400
#define DAYS_PER_ERA		146097	/* 400 years */
#define DAYS_1970_FROM_0000_03	719468	/* 1970-01-01 counted from 0000-03-01 */

bool rtc_is_leap_year(s64 year)
{
	return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/* Floor division for a positive divisor. */
static s64 div_floor(s64 a, s64 b)
{
	s64 q = a / b;

	return (a % b < 0) ? q - 1 : q;
}

/* Days before month m (0 = March) of a March-based year. */
static int days_before_march_month(int m)
{
	return (153 * m + 2) / 5;
}

void rtc_time64_to_tm(s64 time, struct rtc_time *tm)
{
	s64 days = div_floor(time, SECS_PER_DAY);
	s64 secs = time - days * SECS_PER_DAY;
	s64 z = days + DAYS_1970_FROM_0000_03, era, year;
	int doe, yoe, doy, mp, mday, mon;

	tm->tm_hour = (int)(secs / 3600);
	tm->tm_min = (int)(secs / 60 % 60);
	tm->tm_sec = (int)(secs % 60);
	/* 1970-01-01 was a Thursday (4). */
	tm->tm_wday = (int)(((days + 4) % 7 + 7) % 7);

	era = div_floor(z, DAYS_PER_ERA);
	doe = (int)(z - era * DAYS_PER_ERA);				/* 0..146096 */
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;	/* 0..399 */
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);			/* 0..365 */
	mp = (5 * doy + 2) / 153;					/* 0 = March */
	mday = doy - days_before_march_month(mp) + 1;
	mon = mp < 10 ? mp + 2 : mp - 10;				/* 0 = January */
	year = era * 400 + yoe + (mon <= 1);

	tm->tm_mday = mday;
	tm->tm_mon = mon;
	tm->tm_year = (int)(year - 1900);
	/* March-based day of year: January 1 is day 306. */
	tm->tm_yday = mon <= 1 ? doy - 306 : doy + 59 + rtc_is_leap_year(year);
}

s64 rtc_tm_to_time64(const struct rtc_time *tm)
{
	s64 year = (s64)tm->tm_year + 1900 - (tm->tm_mon <= 1);
	int mp = tm->tm_mon >= 2 ? tm->tm_mon - 2 : tm->tm_mon + 10;
	s64 era = div_floor(year, 400);
	int yoe = (int)(year - era * 400);
	int doy = days_before_march_month(mp) + tm->tm_mday - 1;
	int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	s64 days = era * DAYS_PER_ERA + doe - DAYS_1970_FROM_0000_03;

	return days * SECS_PER_DAY + tm->tm_hour * 3600 + tm->tm_min * 60 + tm->tm_sec;
}

void rtc_format(const struct rtc_time *tm, char *buf, size_t len)
{
	snprintf(buf, len, "%04d-%02d-%02d %02d:%02d:%02d", tm->tm_year + 1900,
		 tm->tm_mon + 1, tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec);
}
