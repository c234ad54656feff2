/* SPDX-License-Identifier: MIT */
/*
 * Wall-clock time.
 *
 * Calendar arithmetic (lib/rtc_time.c, pure, also built by the host
 * tests): seconds since 1970-01-01 00:00:00 UTC to a proleptic Gregorian
 * date and back, with Linux's struct rtc_time fields (tm_year counts from
 * 1900, tm_mon from 0).  Leap seconds do not exist here, as in POSIX time.
 *
 * Real-time clocks (drivers/rtc/): a driver registers its read method
 * with rtc_register; the first one registered is "the" RTC, read once at
 * its registration to seed the kernel's real-time clock, which then runs
 * on the monotonic clock (ktime_ns) from that seed.
 */
#ifndef TERN_RTC_H
#define TERN_RTC_H

#include <tern/types.h>

struct rtc_time {
	int tm_sec;	/* 0..59 */
	int tm_min;	/* 0..59 */
	int tm_hour;	/* 0..23 */
	int tm_mday;	/* 1..31 */
	int tm_mon;	/* 0..11 */
	int tm_year;	/* years since 1900 */
	int tm_wday;	/* 0..6, Sunday is 0 */
	int tm_yday;	/* 0..365 */
};

/* The date of time (seconds since the epoch, negative before 1970). */
void rtc_time64_to_tm(s64 time, struct rtc_time *tm);

/* Seconds since the epoch of tm; the fields must be in their ranges. */
s64 rtc_tm_to_time64(const struct rtc_time *tm);

/* Is year (the full year, 2024) a Gregorian leap year? */
bool rtc_is_leap_year(s64 year);

/* "2026-12-06 11:30:00" into buf (at least RTC_DATE_LEN bytes). */
#define RTC_DATE_LEN	32
void rtc_format(const struct rtc_time *tm, char *buf, size_t len);

struct rtc_device;

struct rtc_ops {
	/* Nanoseconds since the epoch into *ns: 0 or -errno.  May sleep. */
	int (*read_ns)(struct rtc_device *rtc, u64 *ns);
};

struct rtc_device {
	const char *name;		/* "rtc0" once registered */
	const struct rtc_ops *ops;
	void *priv;			/* the driver's */
};

/*
 * Makes rtc the system's RTC if there is none yet, and seeds the
 * real-time clock from it.  0, -EBUSY (there is one already; rtc is not
 * used), or the error of its first read.
 */
int rtc_register(struct rtc_device *rtc);

/* Reads the system RTC: 0, -ENODEV (none registered) or the driver's error. */
int rtc_read_ns(u64 *ns);
int rtc_read_time(struct rtc_time *tm);

/*
 * The real-time clock, nanoseconds since the epoch: the RTC's seed plus
 * the monotonic time since it was taken.  -ENODEV until an RTC seeded it
 * (clock_gettime(CLOCK_REALTIME) will answer from here).
 */
int ktime_get_real_ns(u64 *ns);

#endif
