// SPDX-License-Identifier: MIT
/*
 * Clocks and sleeps.  The kernel's timespec is two 64-bit fields on rv32
 * and rv64 (rv32 has only the *_time64 calls); picolibc's has a 64-bit
 * tv_sec and a long tv_nsec, so every call converts.
 */
#include <errno.h>
#include <sys/time.h>
#include <sys/times.h>
#include <time.h>
#include <unistd.h>
#include "syscall.h"

struct kts {
	long long sec, nsec;
};

#if __riscv_xlen == 64
#define NR_CLOCK_GETTIME	__NR_clock_gettime
#define NR_CLOCK_NANOSLEEP	__NR_clock_nanosleep
#else
#define NR_CLOCK_GETTIME	__NR_clock_gettime64
#define NR_CLOCK_NANOSLEEP	__NR_clock_nanosleep_time64
#endif

int clock_gettime(clockid_t clk, struct timespec *ts)
{
	struct kts k;

	if (__ret(__sys6(NR_CLOCK_GETTIME, clk, (long)&k, 0, 0, 0, 0)) < 0)
		return -1;
	ts->tv_sec = (time_t)k.sec;
	ts->tv_nsec = (long)k.nsec;
	return 0;
}

int gettimeofday(struct timeval *restrict tv, void *restrict tz)
{
	struct timespec ts;

	(void)tz;
	if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
		return -1;
	tv->tv_sec = ts.tv_sec;
	tv->tv_usec = ts.tv_nsec / 1000;
	return 0;
}

/* nanosleep: on EINTR, rem holds what was left (CLOCK_MONOTONIC, relative). */
int nanosleep(const struct timespec *req, struct timespec *rem)
{
	struct kts k = { req->tv_sec, req->tv_nsec }, left = { 0, 0 };
	long r = __sys6(NR_CLOCK_NANOSLEEP, CLOCK_MONOTONIC, 0, (long)&k, (long)&left, 0, 0);

	if (r == -4 && rem) {
		rem->tv_sec = (time_t)left.sec;
		rem->tv_nsec = (long)left.nsec;
	}
	return r ? __set_errno_linux((int)-r) : 0;
}

unsigned int sleep(unsigned int seconds)
{
	struct timespec req = { seconds, 0 }, rem = { 0, 0 };

	if (nanosleep(&req, &rem) < 0)
		return (unsigned int)rem.tv_sec + (rem.tv_nsec > 0);
	return 0;
}

int usleep(useconds_t us)
{
	struct timespec req = { us / 1000000, (long)(us % 1000000) * 1000 };

	return nanosleep(&req, 0);
}

clock_t times(struct tms *t)
{
	struct { long utime, stime, cutime, cstime; } k;
	long r = __ret(sys1(times, &k));

	if (r == -1)
		return (clock_t)-1;
	if (t) {
		t->tms_utime = (clock_t)k.utime;
		t->tms_stime = (clock_t)k.stime;
		t->tms_cutime = (clock_t)k.cutime;
		t->tms_cstime = (clock_t)k.cstime;
	}
	return (clock_t)r;
}
