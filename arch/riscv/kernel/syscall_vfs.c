// SPDX-License-Identifier: MIT
/*
 * The table entries of the VFS's system calls: fs/ defines them as plain
 * C functions with Linux's prototypes (<tern/syscalls.h>), and these
 * wrappers take their arguments from the trap frame.  On rv32 a 64-bit
 * argument (loff_t) comes in two registers, low word first, as the
 * RISC-V calling convention passes it (no register-pair alignment), and
 * the calls with a 32-bit-time twin use the _time64 numbers, as rv32
 * Linux does.
 */
#include <tern/syscalls.h>

#define ARG64(lo, hi)	(IS_ENABLED(CONFIG_64BIT) ? (loff_t)(lo) :			\
			 (loff_t)((u64)(u32)(lo) | (u64)(hi) << 32))

SYSCALL_WRAP2(getcwd, char __user *, unsigned long)
SYSCALL_WRAP1(dup, unsigned int)
SYSCALL_WRAP3(dup3, unsigned int, unsigned int, int)
SYSCALL_WRAP3(fcntl, unsigned int, unsigned int, unsigned long)	/* rv32: fcntl64 */
SYSCALL_WRAP3(ioctl, unsigned int, unsigned int, unsigned long)
SYSCALL_WRAP4(mknodat, int, const char __user *, umode_t, unsigned int)
SYSCALL_WRAP3(mkdirat, int, const char __user *, umode_t)
SYSCALL_WRAP3(unlinkat, int, const char __user *, int)
SYSCALL_WRAP3(symlinkat, const char __user *, int, const char __user *)
SYSCALL_WRAP5(linkat, int, const char __user *, int, const char __user *, int)
SYSCALL_WRAP5(mount, char __user *, char __user *, char __user *, unsigned long, void __user *)
SYSCALL_WRAP3(faccessat, int, const char __user *, int)
SYSCALL_WRAP4(faccessat2, int, const char __user *, int, int)
SYSCALL_WRAP1(chdir, const char __user *)
SYSCALL_WRAP1(fchdir, unsigned int)
SYSCALL_WRAP2(fchmod, unsigned int, umode_t)
SYSCALL_WRAP3(fchmodat, int, const char __user *, umode_t)
SYSCALL_WRAP5(fchownat, int, const char __user *, uid_t, gid_t, int)
SYSCALL_WRAP3(fchown, unsigned int, uid_t, gid_t)
SYSCALL_WRAP4(openat, int, const char __user *, int, umode_t)
SYSCALL_WRAP1(close, unsigned int)
SYSCALL_WRAP2(pipe2, int __user *, int)
SYSCALL_WRAP3(getdents64, unsigned int, struct linux_dirent64 __user *, unsigned int)
SYSCALL_WRAP3(read, unsigned int, char __user *, size_t)
SYSCALL_WRAP3(write, unsigned int, const char __user *, size_t)
SYSCALL_WRAP3(readv, unsigned long, const struct iovec __user *, unsigned long)
SYSCALL_WRAP3(writev, unsigned long, const struct iovec __user *, unsigned long)
SYSCALL_WRAP4(readlinkat, int, const char __user *, char __user *, int)
SYSCALL_WRAP0(sync)
SYSCALL_WRAP1(fsync, unsigned int)
SYSCALL_WRAP1(fdatasync, unsigned int)
SYSCALL_WRAP1(syncfs, int)
SYSCALL_WRAP1(umask, int)
SYSCALL_WRAP5(statx, int, const char __user *, unsigned int, unsigned int,
	      struct statx __user *)
SYSCALL_WRAP5(renameat2, int, const char __user *, int, const char __user *, unsigned int)

/* umount2 (39) is Linux's sys_umount. */
long __riscv_sys_umount2(const struct pt_regs *regs);
long __riscv_sys_umount2(const struct pt_regs *regs)
{
	return sys_umount((char __user *)regs->a0, (int)regs->a1);
}

/* 46: ftruncate on rv64, ftruncate64 (a 64-bit length in a1/a2) on rv32. */
long __riscv_sys_ftruncate(const struct pt_regs *regs);
long __riscv_sys_ftruncate(const struct pt_regs *regs)
{
	return sys_ftruncate64((unsigned int)regs->a0, ARG64(regs->a1, regs->a2));
}

/* 62: lseek on rv64, llseek (high and low offset words, a result pointer) on rv32. */
long __riscv_sys_lseek(const struct pt_regs *regs);
long __riscv_sys_lseek(const struct pt_regs *regs)
{
	if (IS_ENABLED(CONFIG_64BIT))
		return sys_lseek((unsigned int)regs->a0, (off_t)regs->a1, (unsigned int)regs->a2);
	return sys_llseek((unsigned int)regs->a0, regs->a1, regs->a2,
			  (loff_t __user *)regs->a3, (unsigned int)regs->a4);
}

long __riscv_sys_pread64(const struct pt_regs *regs);
long __riscv_sys_pread64(const struct pt_regs *regs)
{
	return sys_pread64((unsigned int)regs->a0, (char __user *)regs->a1, (size_t)regs->a2,
			   ARG64(regs->a3, regs->a4));
}

long __riscv_sys_pwrite64(const struct pt_regs *regs);
long __riscv_sys_pwrite64(const struct pt_regs *regs)
{
	return sys_pwrite64((unsigned int)regs->a0, (const char __user *)regs->a1,
			    (size_t)regs->a2, ARG64(regs->a3, regs->a4));
}

/* The time-taking calls: the same functions (struct __kernel_timespec) under either number. */
#if __SYSCALL_TIME32
SYSCALL_WRAP6(pselect6, int, unsigned long __user *, unsigned long __user *,
	      unsigned long __user *, struct __kernel_timespec __user *, void __user *)
SYSCALL_WRAP5(ppoll, struct pollfd __user *, unsigned int, struct __kernel_timespec __user *,
	      const void __user *, size_t)
SYSCALL_WRAP4(utimensat, int, const char __user *, struct __kernel_timespec __user *, int)
SYSCALL_WRAP4(newfstatat, int, const char __user *, struct stat __user *, int)

long __riscv_sys_fstat(const struct pt_regs *regs);
long __riscv_sys_fstat(const struct pt_regs *regs)
{
	return sys_newfstat((unsigned int)regs->a0, (struct stat __user *)regs->a1);
}
#else
long __riscv_sys_pselect6_time64(const struct pt_regs *regs);
long __riscv_sys_pselect6_time64(const struct pt_regs *regs)
{
	return sys_pselect6((int)regs->a0, (unsigned long __user *)regs->a1,
			    (unsigned long __user *)regs->a2, (unsigned long __user *)regs->a3,
			    (struct __kernel_timespec __user *)regs->a4, (void __user *)regs->a5);
}

long __riscv_sys_ppoll_time64(const struct pt_regs *regs);
long __riscv_sys_ppoll_time64(const struct pt_regs *regs)
{
	return sys_ppoll((struct pollfd __user *)regs->a0, (unsigned int)regs->a1,
			 (struct __kernel_timespec __user *)regs->a2, (const void __user *)regs->a3,
			 (size_t)regs->a4);
}

long __riscv_sys_utimensat_time64(const struct pt_regs *regs);
long __riscv_sys_utimensat_time64(const struct pt_regs *regs)
{
	return sys_utimensat((int)regs->a0, (const char __user *)regs->a1,
			     (struct __kernel_timespec __user *)regs->a2, (int)regs->a3);
}
#endif
