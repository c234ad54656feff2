/* SPDX-License-Identifier: MIT */
/*
 * The implemented system calls, one SYSCALL(name) each, included twice
 * by syscall_table.c (declarations, then the table).  Keep it sorted by
 * number; the rv64-only and rv32-only ones follow __SYSCALL_TIME32.
 */
SYSCALL(exit)
SYSCALL(exit_group)
SYSCALL(set_tid_address)
SYSCALL(set_robust_list)
#if __SYSCALL_TIME32
SYSCALL(nanosleep)
SYSCALL(clock_gettime)
SYSCALL(clock_getres)
SYSCALL(clock_nanosleep)
#endif
SYSCALL(sched_getaffinity)
SYSCALL(sched_yield)
SYSCALL(reboot)
SYSCALL(times)
SYSCALL(setpgid)
SYSCALL(getpgid)
SYSCALL(getsid)
SYSCALL(setsid)
SYSCALL(uname)
#if __SYSCALL_TIME32
SYSCALL(getrlimit)
SYSCALL(setrlimit)
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
SYSCALL(getrandom)
#if !__SYSCALL_TIME32
SYSCALL(clock_gettime64)
SYSCALL(clock_getres_time64)
SYSCALL(clock_nanosleep_time64)
#endif
