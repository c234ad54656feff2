/* SPDX-License-Identifier: MIT */
/*
 * System call numbers of Linux's generic ABI (asm-generic), which RISC-V
 * uses: a7 holds the number, a0-a5 the arguments, a0 the result (a
 * negative errno on failure).  Written from the Linux man pages' syscall
 * tables; only the calls Tern implements or plans to are named (the
 * numbers between are Linux's too, and answer -ENOSYS).
 *
 * 32-bit RISC-V Linux has no calls with 32-bit time_t: rv32 gets the
 * *_time64 calls (403 and up) instead of clock_gettime and friends, and
 * no old-style stat or getrlimit, as glibc and musl expect.  On rv32,
 * number 222 is mmap2 (offset in 4096-byte units) and 62 is llseek in
 * Linux; Tern names them by their rv64 names.
 */
#ifndef _UAPI_ASM_GENERIC_UNISTD_H
#define _UAPI_ASM_GENERIC_UNISTD_H

#if __SIZEOF_LONG__ == 8 || defined(__riscv_xlen) && __riscv_xlen == 64
#define __SYSCALL_TIME32 1
#else
#define __SYSCALL_TIME32 0
#endif

#define __NR_getcwd		17
#define __NR_dup		23
#define __NR_dup3		24
#define __NR_fcntl		25
#define __NR_ioctl		29
#define __NR_mknodat		33
#define __NR_mkdirat		34
#define __NR_unlinkat		35
#define __NR_symlinkat		36
#define __NR_linkat		37
#define __NR_umount2		39
#define __NR_mount		40
#define __NR_statfs		43
#define __NR_fstatfs		44
#define __NR_ftruncate		46
#define __NR_faccessat		48
#define __NR_chdir		49
#define __NR_fchdir		50
#define __NR_fchmod		52
#define __NR_fchmodat		53
#define __NR_fchownat		54
#define __NR_fchown		55
#define __NR_openat		56
#define __NR_close		57
#define __NR_pipe2		59
#define __NR_getdents64		61
#define __NR_lseek		62
#define __NR_read		63
#define __NR_write		64
#define __NR_readv		65
#define __NR_writev		66
#define __NR_pread64		67
#define __NR_pwrite64		68
#if __SYSCALL_TIME32
#define __NR_pselect6		72
#endif
#if __SYSCALL_TIME32
#define __NR_ppoll		73
#endif
#define __NR_readlinkat		78
#if __SYSCALL_TIME32
#define __NR_newfstatat		79
#endif
#if __SYSCALL_TIME32
#define __NR_fstat		80
#endif
#define __NR_sync		81
#define __NR_fsync		82
#define __NR_fdatasync		83
#if __SYSCALL_TIME32
#define __NR_utimensat		88
#endif
#define __NR_exit		93
#define __NR_exit_group		94
#define __NR_waitid		95
#define __NR_set_tid_address	96
#if __SYSCALL_TIME32
#define __NR_futex		98
#endif
#define __NR_set_robust_list	99
#define __NR_get_robust_list	100
#if __SYSCALL_TIME32
#define __NR_nanosleep		101
#endif
#if __SYSCALL_TIME32
#define __NR_clock_gettime	113
#endif
#if __SYSCALL_TIME32
#define __NR_clock_getres	114
#endif
#if __SYSCALL_TIME32
#define __NR_clock_nanosleep	115
#endif
#define __NR_syslog		116
#define __NR_sched_setaffinity	122
#define __NR_sched_getaffinity	123
#define __NR_sched_yield		124
#define __NR_restart_syscall	128
#define __NR_kill		129
#define __NR_tkill		130
#define __NR_tgkill		131
#define __NR_sigaltstack		132
#define __NR_rt_sigsuspend	133
#define __NR_rt_sigaction	134
#define __NR_rt_sigprocmask	135
#define __NR_rt_sigpending	136
#if __SYSCALL_TIME32
#define __NR_rt_sigtimedwait	137
#endif
#define __NR_rt_sigreturn	139
#define __NR_reboot		142
#define __NR_times		153
#define __NR_setpgid		154
#define __NR_getpgid		155
#define __NR_getsid		156
#define __NR_setsid		157
#define __NR_uname		160
#if __SYSCALL_TIME32
#define __NR_getrlimit		163
#endif
#if __SYSCALL_TIME32
#define __NR_setrlimit		164
#endif
#define __NR_getrusage		165
#define __NR_umask		166
#if __SYSCALL_TIME32
#define __NR_gettimeofday	169
#endif
#define __NR_getpid		172
#define __NR_getppid		173
#define __NR_getuid		174
#define __NR_geteuid		175
#define __NR_getgid		176
#define __NR_getegid		177
#define __NR_gettid		178
#define __NR_sysinfo		179
#define __NR_brk		214
#define __NR_munmap		215
#define __NR_clone		220
#define __NR_execve		221
#define __NR_mmap		222
#define __NR_mprotect		226
#define __NR_madvise		233
#define __NR_wait4		260
#define __NR_prlimit64		261
#define __NR_syncfs		267
#define __NR_renameat2		276
#define __NR_getrandom		278
#define __NR_statx		291
#if !__SYSCALL_TIME32
#define __NR_clock_gettime64	403
#endif
#if !__SYSCALL_TIME32
#define __NR_clock_getres_time64	406
#endif
#if !__SYSCALL_TIME32
#define __NR_clock_nanosleep_time64	407
#endif
#if !__SYSCALL_TIME32
#define __NR_utimensat_time64	412
#endif
#if !__SYSCALL_TIME32
#define __NR_pselect6_time64	413
#endif
#if !__SYSCALL_TIME32
#define __NR_ppoll_time64	414
#endif
#if !__SYSCALL_TIME32
#define __NR_rt_sigtimedwait_time64	421
#endif
#if !__SYSCALL_TIME32
#define __NR_futex_time64	422
#endif
#define __NR_clone3		435
#define __NR_faccessat2		439

/* One above the highest number in the table. */
#define __NR_syscalls	440

#endif
