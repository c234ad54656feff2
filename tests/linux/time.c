// SPDX-License-Identifier: MIT
/*
 * Clocks and sleeps: clock_gettime for each clock Linux has, that
 * monotonic time never goes back and a sleep lasts at least what it
 * asked, clock_getres, gettimeofday against CLOCK_REALTIME, TIMER_ABSTIME
 * in the past, and the errors (EINVAL for a bad clock or nanoseconds).
 * Values differ between machines: only comparisons are printed.
 */
#include <sys/time.h>
#include <sys/times.h>
#include <sys/sysinfo.h>
#include <time.h>
#include <unistd.h>
#include "difftest.h"

static long long ns(const struct timespec *t)
{
	return t->tv_sec * 1000000000LL + t->tv_nsec;
}

int main(void)
{
	static const struct { clockid_t id; const char *name; } clocks[] = {
		{ CLOCK_REALTIME, "REALTIME" }, { CLOCK_MONOTONIC, "MONOTONIC" },
		{ CLOCK_PROCESS_CPUTIME_ID, "PROCESS_CPUTIME_ID" },
		{ CLOCK_THREAD_CPUTIME_ID, "THREAD_CPUTIME_ID" },
		{ CLOCK_MONOTONIC_RAW, "MONOTONIC_RAW" }, { CLOCK_REALTIME_COARSE, "REALTIME_COARSE" },
		{ CLOCK_MONOTONIC_COARSE, "MONOTONIC_COARSE" }, { CLOCK_BOOTTIME, "BOOTTIME" },
	};
	struct timespec a, b, res, req;
	struct timeval tv;
	struct tms tms;
	struct sysinfo si;
	char line[64];
	int ok = 1;

	for (unsigned int i = 0; i < sizeof(clocks) / sizeof(clocks[0]); i++) {
		snprintf(line, sizeof(line), "clock %s", clocks[i].name);
		CHECK(line, !clock_gettime(clocks[i].id, &a) && a.tv_nsec >= 0 &&
		      a.tv_nsec < 1000000000 && !clock_getres(clocks[i].id, &res) &&
		      ns(&res) > 0 && ns(&res) <= 10000000);
	}
	for (int i = 0; i < 1000; i++) {
		clock_gettime(CLOCK_MONOTONIC, &a);
		clock_gettime(CLOCK_MONOTONIC, &b);
		if (ns(&b) < ns(&a))
			ok = 0;
	}
	CHECK("monotonic never goes back", ok);
	clock_gettime(CLOCK_MONOTONIC, &a);
	req = (struct timespec){ 0, 20000000 };
	CHECK("nanosleep 20 ms", !nanosleep(&req, NULL));
	clock_gettime(CLOCK_MONOTONIC, &b);
	CHECK("it lasted at least 20 ms", ns(&b) - ns(&a) >= 20000000);
	/* Time 0 is always past (a second ago may be negative, EINVAL, just after boot). */
	a = (struct timespec){ 0, 0 };
	CHECK("TIMER_ABSTIME in the past returns at once",
	      !clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &a, NULL));
	a = (struct timespec){ -1, 0 };
	printf("clock_nanosleep negative: %s\n",
	       errno_name(clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &a, NULL)));
	clock_gettime(CLOCK_REALTIME, &a);
	CHECK("gettimeofday agrees with REALTIME", !gettimeofday(&tv, NULL) &&
	      tv.tv_sec - a.tv_sec >= 0 && tv.tv_sec - a.tv_sec <= 2);
	req = (struct timespec){ 0, 1000000000 };
	EXPECT_ERRNO("nanosleep with 1e9 ns", nanosleep(&req, NULL), EINVAL);
	req = (struct timespec){ -1, 0 };
	EXPECT_ERRNO("nanosleep negative", nanosleep(&req, NULL), EINVAL);
	EXPECT_ERRNO("clock_gettime bad clock", clock_gettime(12345, &a), EINVAL);
	EXPECT_ERRNO("clock_getres bad clock", clock_getres(12345, &a), EINVAL);
	printf("clock_nanosleep bad clock: %s\n",
	       errno_name(clock_nanosleep(12345, 0, &(struct timespec){ 0, 1 }, NULL)));
	CHECK("times", times(&tms) != (clock_t)-1);
	CHECK("sysinfo", !sysinfo(&si) && si.mem_unit > 0 && si.totalram > 0 &&
	      si.freeram <= si.totalram && si.procs > 0);
	return difftest_exit();
}
