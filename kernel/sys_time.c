// SPDX-License-Identifier: MIT
/*
 * The clock system calls: clock_gettime, clock_getres, gettimeofday,
 * nanosleep, clock_nanosleep, times.  Structures are Linux's: on rv64
 * struct timespec is two longs; rv32 has only the *_time64 calls, whose
 * struct __kernel_timespec is two 64-bit words -- the same layout, so one
 * struct serves both (rv32 Linux has no 32-bit-time calls).
 *
 * CLOCK_REALTIME comes from the RTC's seed (ktime_get_real_ns); without
 * an RTC it counts from the epoch at boot.  CLOCK_MONOTONIC, _RAW,
 * _COARSE and CLOCK_BOOTTIME are ktime_ns() (nothing suspends);
 * the CPU-time clocks are the task's scheduler runtime.
 */
#include <tern/errno.h>
#include <tern/kernel.h>
#include <tern/process.h>
#include <tern/rtc.h>
#include <tern/signal.h>
#include <tern/syscalls.h>
#include <tern/time.h>
#include <tern/timer.h>
#include <tern/uaccess.h>

#define CLOCK_REALTIME			0
#define CLOCK_MONOTONIC			1
#define CLOCK_PROCESS_CPUTIME_ID	2
#define CLOCK_THREAD_CPUTIME_ID		3
#define CLOCK_MONOTONIC_RAW		4
#define CLOCK_REALTIME_COARSE		5
#define CLOCK_MONOTONIC_COARSE		6
#define CLOCK_BOOTTIME			7
#define TIMER_ABSTIME			1
#define USER_HZ				100
#define U64_MAX				(~0ULL)

struct kernel_timespec {
	s64 tv_sec;
	s64 tv_nsec;
};

/* Without RTC support (RTC_CLASS) there is no seed: the epoch at boot. */
static u64 realtime_ns(void)
{
	u64 ns;

	if (!IS_ENABLED(CONFIG_RTC_CLASS) || ktime_get_real_ns(&ns))
		return ktime_ns();
	return ns;
}

/* The clock's time in ns; -EINVAL for a clock Tern does not have. */
static int clock_now(int which, u64 *ns)
{
	switch (which) {
	case CLOCK_REALTIME:
	case CLOCK_REALTIME_COARSE:
		*ns = realtime_ns();
		return 0;
	case CLOCK_MONOTONIC:
	case CLOCK_MONOTONIC_RAW:
	case CLOCK_MONOTONIC_COARSE:
	case CLOCK_BOOTTIME:
		*ns = ktime_ns();
		return 0;
	case CLOCK_PROCESS_CPUTIME_ID:
	case CLOCK_THREAD_CPUTIME_ID:
		*ns = task_runtime_ns(current);
		return 0;
	default:
		return -EINVAL;
	}
}

static int put_timespec(u64 ns, struct kernel_timespec __user *uts)
{
	struct kernel_timespec ts = { ns / NSEC_PER_SEC, ns % NSEC_PER_SEC };

	return copy_to_user(uts, &ts, sizeof(ts)) ? -EFAULT : 0;
}

/* A user timespec as ns: -EFAULT, or -EINVAL when out of range. */
static int get_timespec(const struct kernel_timespec __user *uts, u64 *ns)
{
	struct kernel_timespec ts;

	if (copy_from_user(&ts, uts, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (s64)NSEC_PER_SEC)
		return -EINVAL;
	if ((u64)ts.tv_sec >= U64_MAX / NSEC_PER_SEC - 1)
		*ns = U64_MAX;		/* forever, as far as anyone will wait */
	else
		*ns = ts.tv_sec * NSEC_PER_SEC + ts.tv_nsec;
	return 0;
}

static long clock_gettime(int which, struct kernel_timespec __user *tp)
{
	u64 ns;
	int err = clock_now(which, &ns);

	return err ? err : put_timespec(ns, tp);
}

static long clock_getres(int which, struct kernel_timespec __user *tp)
{
	u64 ns;
	int err = clock_now(which, &ns);

	if (err || !tp)
		return err;
	return put_timespec((NSEC_PER_SEC + timebase_frequency() - 1) / timebase_frequency(), tp);
}

static long clock_sleep_restart(struct restart_block *rb);

/*
 * Sleeps until the monotonic deadline, or a signal.  Interrupted, a
 * relative sleep stores the time left in rmtp and goes on through
 * restart_syscall (-ERESTART_RESTARTBLOCK) if no handler runs; an
 * absolute one simply restarts (-ERESTARTNOHAND), as Linux.
 */
static long do_clock_sleep(u64 deadline, bool absolute, void __user *rmtp)
{
	struct restart_block *rb = &current->restart_block;
	u64 now;

	if (!sleep_until_ns_interruptible(deadline))
		return 0;
	if (absolute)
		return -ERESTARTNOHAND;
	now = ktime_ns();
	if (rmtp && put_timespec(deadline > now ? deadline - now : 0, rmtp))
		return -EFAULT;
	rb->fn = clock_sleep_restart;
	rb->deadline = deadline;
	rb->rmtp = (unsigned long)rmtp;
	return -ERESTART_RESTARTBLOCK;
}

static long clock_sleep_restart(struct restart_block *rb)
{
	return do_clock_sleep(rb->deadline, false, (void __user *)rb->rmtp);
}

/* Sleeps until the clock reads ns (abs) or for ns. */
static long clock_sleep(int which, int flags, const struct kernel_timespec __user *rqtp,
			void __user *rmtp)
{
	u64 ns, now, mono = ktime_ns();
	int err;

	if (which == CLOCK_PROCESS_CPUTIME_ID || which == CLOCK_THREAD_CPUTIME_ID)
		return -EOPNOTSUPP;
	err = clock_now(which, &now);
	if (!err)
		err = get_timespec(rqtp, &ns);
	if (err)
		return err;
	if (flags & TIMER_ABSTIME)
		ns = ns > now ? ns - now : 0;
	return do_clock_sleep(ns > U64_MAX - mono ? U64_MAX : mono + ns, flags & TIMER_ABSTIME,
			      rmtp);
}

#if __SYSCALL_TIME32
SYSCALL_DEFINE2(clock_gettime, int, which, struct kernel_timespec __user *, tp)
{
	return clock_gettime(which, tp);
}

SYSCALL_DEFINE2(clock_getres, int, which, struct kernel_timespec __user *, tp)
{
	return clock_getres(which, tp);
}

SYSCALL_DEFINE4(clock_nanosleep, int, which, int, flags,
		const struct kernel_timespec __user *, rqtp, void __user *, rmtp)
{
	return clock_sleep(which, flags, rqtp, rmtp);
}

SYSCALL_DEFINE2(nanosleep, const struct kernel_timespec __user *, rqtp, void __user *, rmtp)
{
	return clock_sleep(CLOCK_MONOTONIC, 0, rqtp, rmtp);
}

/* struct timeval {long, long}; the timezone, if asked for, is UTC. */
SYSCALL_DEFINE2(gettimeofday, long __user *, tv, int __user *, tz)
{
	u64 ns = realtime_ns();
	long val[2] = { ns / NSEC_PER_SEC, (ns % NSEC_PER_SEC) / 1000 };
	int zone[2] = { 0, 0 };

	if (tv && copy_to_user(tv, val, sizeof(val)))
		return -EFAULT;
	if (tz && copy_to_user(tz, zone, sizeof(zone)))
		return -EFAULT;
	return 0;
}
#else
SYSCALL_DEFINE2(clock_gettime64, int, which, struct kernel_timespec __user *, tp)
{
	return clock_gettime(which, tp);
}

SYSCALL_DEFINE2(clock_getres_time64, int, which, struct kernel_timespec __user *, tp)
{
	return clock_getres(which, tp);
}

SYSCALL_DEFINE4(clock_nanosleep_time64, int, which, int, flags,
		const struct kernel_timespec __user *, rqtp, void __user *, rmtp)
{
	return clock_sleep(which, flags, rqtp, rmtp);
}
#endif

/*
 * struct tms, in USER_HZ ticks: the process's CPU time all counted as
 * user time; children's times are not kept (0).  Returns ticks since boot.
 */
SYSCALL_DEFINE1(times, long __user *, buf)
{
	long tms[4] = { task_runtime_ns(current) / (NSEC_PER_SEC / USER_HZ), 0, 0, 0 };

	if (buf && copy_to_user(buf, tms, sizeof(tms)))
		return -EFAULT;
	return ktime_ns() / (NSEC_PER_SEC / USER_HZ);
}
