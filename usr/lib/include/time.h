/* SPDX-License-Identifier: MIT */
/*
 * <time.h>: picolibc's, with Linux's clock ids (picolibc numbers
 * CLOCK_REALTIME 1 and CLOCK_MONOTONIC 4) and the POSIX clock calls it
 * leaves undeclared on a bare-metal target.
 */
#ifndef _TERN_TIME_H
#define _TERN_TIME_H
#include_next <time.h>

#undef CLOCK_REALTIME
#undef CLOCK_MONOTONIC
#undef CLOCK_PROCESS_CPUTIME_ID
#undef CLOCK_THREAD_CPUTIME_ID
#undef CLOCK_MONOTONIC_RAW
#undef CLOCK_REALTIME_COARSE
#undef CLOCK_MONOTONIC_COARSE
#undef CLOCK_BOOTTIME
#define CLOCK_REALTIME			((clockid_t)0)
#define CLOCK_MONOTONIC			((clockid_t)1)
#define CLOCK_PROCESS_CPUTIME_ID	((clockid_t)2)
#define CLOCK_THREAD_CPUTIME_ID		((clockid_t)3)
#define CLOCK_MONOTONIC_RAW		((clockid_t)4)
#define CLOCK_REALTIME_COARSE		((clockid_t)5)
#define CLOCK_MONOTONIC_COARSE		((clockid_t)6)
#define CLOCK_BOOTTIME			((clockid_t)7)

int clock_gettime(clockid_t clk, struct timespec *ts);
int clock_getres(clockid_t clk, struct timespec *ts);
int nanosleep(const struct timespec *req, struct timespec *rem);
#endif
