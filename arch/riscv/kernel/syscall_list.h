/* SPDX-License-Identifier: MIT */
/*
 * The implemented system calls, one SYSCALL(name) each, included twice
 * by syscall_table.c (declarations, then the table).  Keep it sorted by
 * number; the rv64-only and rv32-only ones follow __SYSCALL_TIME32.
 */
SYSCALL(getcwd)
SYSCALL(dup)
SYSCALL(dup3)
SYSCALL(fcntl)
SYSCALL(ioctl)
SYSCALL(mknodat)
SYSCALL(mkdirat)
SYSCALL(unlinkat)
SYSCALL(symlinkat)
SYSCALL(linkat)
SYSCALL(umount2)
SYSCALL(mount)
SYSCALL(ftruncate)
SYSCALL(faccessat)
SYSCALL(chdir)
SYSCALL(fchdir)
SYSCALL(fchmod)
SYSCALL(fchmodat)
SYSCALL(fchownat)
SYSCALL(fchown)
SYSCALL(openat)
SYSCALL(close)
SYSCALL(pipe2)
SYSCALL(getdents64)
SYSCALL(lseek)
SYSCALL(read)
SYSCALL(write)
SYSCALL(readv)
SYSCALL(writev)
SYSCALL(pread64)
SYSCALL(pwrite64)
#if __SYSCALL_TIME32
SYSCALL(pselect6)
#endif
#if __SYSCALL_TIME32
SYSCALL(ppoll)
#endif
SYSCALL(readlinkat)
#if __SYSCALL_TIME32
SYSCALL(newfstatat)
#endif
#if __SYSCALL_TIME32
SYSCALL(fstat)
#endif
SYSCALL(sync)
SYSCALL(fsync)
SYSCALL(fdatasync)
#if __SYSCALL_TIME32
SYSCALL(utimensat)
#endif
SYSCALL(exit)
SYSCALL(exit_group)
SYSCALL(waitid)
SYSCALL(set_tid_address)
#if __SYSCALL_TIME32
SYSCALL(futex)
#endif
SYSCALL(set_robust_list)
SYSCALL(get_robust_list)
#if __SYSCALL_TIME32
SYSCALL(nanosleep)
#endif
#if __SYSCALL_TIME32
SYSCALL(clock_gettime)
#endif
#if __SYSCALL_TIME32
SYSCALL(clock_getres)
#endif
#if __SYSCALL_TIME32
SYSCALL(clock_nanosleep)
#endif
SYSCALL(syslog)
SYSCALL(sched_setaffinity)
SYSCALL(sched_getaffinity)
SYSCALL(sched_yield)
SYSCALL(restart_syscall)
SYSCALL(kill)
SYSCALL(tkill)
SYSCALL(tgkill)
SYSCALL(sigaltstack)
SYSCALL(rt_sigsuspend)
SYSCALL(rt_sigaction)
SYSCALL(rt_sigprocmask)
SYSCALL(rt_sigpending)
#if __SYSCALL_TIME32
SYSCALL(rt_sigtimedwait)
#endif
SYSCALL(rt_sigreturn)
SYSCALL(reboot)
SYSCALL(times)
SYSCALL(setpgid)
SYSCALL(getpgid)
SYSCALL(getsid)
SYSCALL(setsid)
SYSCALL(uname)
#if __SYSCALL_TIME32
SYSCALL(getrlimit)
#endif
#if __SYSCALL_TIME32
SYSCALL(setrlimit)
#endif
SYSCALL(umask)
#if __SYSCALL_TIME32
SYSCALL(gettimeofday)
#endif
SYSCALL(getpid)
SYSCALL(getppid)
SYSCALL(getuid)
SYSCALL(geteuid)
SYSCALL(getgid)
SYSCALL(getegid)
SYSCALL(gettid)
SYSCALL(sysinfo)
SYSCALL(brk)
SYSCALL(munmap)
SYSCALL(clone)
SYSCALL(execve)
SYSCALL(mmap)
SYSCALL(mprotect)
SYSCALL(madvise)
SYSCALL(wait4)
SYSCALL(prlimit64)
SYSCALL(syncfs)
SYSCALL(renameat2)
SYSCALL(getrandom)
SYSCALL(statx)
#if !__SYSCALL_TIME32
SYSCALL(clock_gettime64)
#endif
#if !__SYSCALL_TIME32
SYSCALL(clock_getres_time64)
#endif
#if !__SYSCALL_TIME32
SYSCALL(clock_nanosleep_time64)
#endif
#if !__SYSCALL_TIME32
SYSCALL(utimensat_time64)
#endif
#if !__SYSCALL_TIME32
SYSCALL(pselect6_time64)
#endif
#if !__SYSCALL_TIME32
SYSCALL(ppoll_time64)
#endif
#if !__SYSCALL_TIME32
SYSCALL(rt_sigtimedwait_time64)
SYSCALL(futex_time64)
#endif
SYSCALL(clone3)
SYSCALL(faccessat2)
