// SPDX-License-Identifier: MIT
/*
 * The system RTC and the real-time clock (<tern/rtc.h>).  system_rtc and
 * the seed are written once, by the probe of the first RTC (boot CPU,
 * before the other CPUs start), and only read afterwards.
 */
#include <tern/errno.h>
#include <tern/printk.h>
#include <tern/rtc.h>
#include <tern/timer.h>

static struct rtc_device *system_rtc;
static u64 real_seed_ns;	/* the RTC's time at ... */
static u64 mono_seed_ns;	/* ... this ktime_ns() */

int rtc_register(struct rtc_device *rtc)
{
	char date[RTC_DATE_LEN];
	struct rtc_time tm;
	u64 ns, mono;
	int err;

	if (system_rtc)
		return -EBUSY;
	err = rtc->ops->read_ns(rtc, &ns);
	mono = ktime_ns();
	if (err)
		return err;
	real_seed_ns = ns;
	mono_seed_ns = mono;
	rtc->name = "rtc0";
	system_rtc = rtc;
	rtc_time64_to_tm((s64)(ns / NSEC_PER_SEC), &tm);
	rtc_format(&tm, date, sizeof(date));
	pr_info("rtc: %s UTC\n", date);
	return 0;
}

int rtc_read_ns(u64 *ns)
{
	if (!system_rtc)
		return -ENODEV;
	return system_rtc->ops->read_ns(system_rtc, ns);
}

int rtc_read_time(struct rtc_time *tm)
{
	u64 ns;
	int err = rtc_read_ns(&ns);

	if (!err)
		rtc_time64_to_tm((s64)(ns / NSEC_PER_SEC), tm);
	return err;
}

int ktime_get_real_ns(u64 *ns)
{
	if (!system_rtc)
		return -ENODEV;
	*ns = real_seed_ns + (ktime_ns() - mono_seed_ns);
	return 0;
}
