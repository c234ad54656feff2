/* SPDX-License-Identifier: MIT */
/*
 * SYS_x for the raw calls badptr.c makes, from __NR_x where the
 * <sys/syscall.h> at hand defines only those (usr/lib's, today).
 */
#ifndef USERTESTS_SYSNR_H
#define USERTESTS_SYSNR_H

#include <sys/syscall.h>

#if !defined(SYS_read) && defined(__NR_read)
#define SYS_read __NR_read
#endif
#if !defined(SYS_write) && defined(__NR_write)
#define SYS_write __NR_write
#endif
#if !defined(SYS_pread64) && defined(__NR_pread64)
#define SYS_pread64 __NR_pread64
#endif
#if !defined(SYS_pwrite64) && defined(__NR_pwrite64)
#define SYS_pwrite64 __NR_pwrite64
#endif
#if !defined(SYS_getdents64) && defined(__NR_getdents64)
#define SYS_getdents64 __NR_getdents64
#endif
#if !defined(SYS_ioctl) && defined(__NR_ioctl)
#define SYS_ioctl __NR_ioctl
#endif
#if !defined(SYS_execve) && defined(__NR_execve)
#define SYS_execve __NR_execve
#endif
#if !defined(SYS_openat) && defined(__NR_openat)
#define SYS_openat __NR_openat
#endif
#if !defined(SYS_newfstatat) && defined(__NR_newfstatat)
#define SYS_newfstatat __NR_newfstatat
#endif
#if !defined(SYS_statx) && defined(__NR_statx)
#define SYS_statx __NR_statx
#endif
#if !defined(SYS_fstat) && defined(__NR_fstat)
#define SYS_fstat __NR_fstat
#endif
#if !defined(SYS_mkdirat) && defined(__NR_mkdirat)
#define SYS_mkdirat __NR_mkdirat
#endif
#if !defined(SYS_unlinkat) && defined(__NR_unlinkat)
#define SYS_unlinkat __NR_unlinkat
#endif
#if !defined(SYS_chdir) && defined(__NR_chdir)
#define SYS_chdir __NR_chdir
#endif
#if !defined(SYS_faccessat) && defined(__NR_faccessat)
#define SYS_faccessat __NR_faccessat
#endif
#if !defined(SYS_fchmodat) && defined(__NR_fchmodat)
#define SYS_fchmodat __NR_fchmodat
#endif
#if !defined(SYS_truncate) && defined(__NR_truncate)
#define SYS_truncate __NR_truncate
#endif
#if !defined(SYS_symlinkat) && defined(__NR_symlinkat)
#define SYS_symlinkat __NR_symlinkat
#endif
#if !defined(SYS_linkat) && defined(__NR_linkat)
#define SYS_linkat __NR_linkat
#endif
#if !defined(SYS_renameat2) && defined(__NR_renameat2)
#define SYS_renameat2 __NR_renameat2
#endif
#if !defined(SYS_readlinkat) && defined(__NR_readlinkat)
#define SYS_readlinkat __NR_readlinkat
#endif
#if !defined(SYS_wait4) && defined(__NR_wait4)
#define SYS_wait4 __NR_wait4
#endif
#if !defined(SYS_waitid) && defined(__NR_waitid)
#define SYS_waitid __NR_waitid
#endif
#if !defined(SYS_pipe2) && defined(__NR_pipe2)
#define SYS_pipe2 __NR_pipe2
#endif
#if !defined(SYS_getcwd) && defined(__NR_getcwd)
#define SYS_getcwd __NR_getcwd
#endif
#if !defined(SYS_uname) && defined(__NR_uname)
#define SYS_uname __NR_uname
#endif
#if !defined(SYS_sysinfo) && defined(__NR_sysinfo)
#define SYS_sysinfo __NR_sysinfo
#endif
#if !defined(SYS_prlimit64) && defined(__NR_prlimit64)
#define SYS_prlimit64 __NR_prlimit64
#endif
#if !defined(SYS_getrlimit) && defined(__NR_getrlimit)
#define SYS_getrlimit __NR_getrlimit
#endif
#if !defined(SYS_getrusage) && defined(__NR_getrusage)
#define SYS_getrusage __NR_getrusage
#endif
#if !defined(SYS_syslog) && defined(__NR_syslog)
#define SYS_syslog __NR_syslog
#endif
#if !defined(SYS_clock_gettime) && defined(__NR_clock_gettime)
#define SYS_clock_gettime __NR_clock_gettime
#endif
#if !defined(SYS_clock_nanosleep) && defined(__NR_clock_nanosleep)
#define SYS_clock_nanosleep __NR_clock_nanosleep
#endif
#if !defined(SYS_clock_gettime64) && defined(__NR_clock_gettime64)
#define SYS_clock_gettime64 __NR_clock_gettime64
#endif
#if !defined(SYS_clock_nanosleep_time64) && defined(__NR_clock_nanosleep_time64)
#define SYS_clock_nanosleep_time64 __NR_clock_nanosleep_time64
#endif
#if !defined(SYS_nanosleep) && defined(__NR_nanosleep)
#define SYS_nanosleep __NR_nanosleep
#endif
#if !defined(SYS_gettimeofday) && defined(__NR_gettimeofday)
#define SYS_gettimeofday __NR_gettimeofday
#endif
#if !defined(SYS_ppoll) && defined(__NR_ppoll)
#define SYS_ppoll __NR_ppoll
#endif
#if !defined(SYS_ppoll_time64) && defined(__NR_ppoll_time64)
#define SYS_ppoll_time64 __NR_ppoll_time64
#endif
#if !defined(SYS_rt_sigaction) && defined(__NR_rt_sigaction)
#define SYS_rt_sigaction __NR_rt_sigaction
#endif
#if !defined(SYS_rt_sigprocmask) && defined(__NR_rt_sigprocmask)
#define SYS_rt_sigprocmask __NR_rt_sigprocmask
#endif
#if !defined(SYS_rt_sigpending) && defined(__NR_rt_sigpending)
#define SYS_rt_sigpending __NR_rt_sigpending
#endif

#endif
