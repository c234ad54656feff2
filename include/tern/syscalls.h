/* SPDX-License-Identifier: MIT */
/*
 * The system calls, with Linux's names, argument types and order
 * (include/linux/syscalls.h of Linux; asm-generic numbers on RISC-V).
 * Each returns a value >= 0 or -errno; every pointer argument is a user
 * address, reached only through <tern/uaccess.h>.
 *
 * Files (fs/).  ABI notes for the syscall table:
 *  - newfstatat (79) and fstat (80) exist on rv64 only; rv32 Linux has
 *    statx alone for stat.
 *  - rv32 passes loff_t arguments (pread64, pwrite64, ftruncate64) in two
 *    registers, low word first; lseek is llseek (62) there and
 *    ftruncate is ftruncate64 (46); fcntl is fcntl64 (25), same function.
 *  - utimensat on rv32 is utimensat_time64 (412): the same function,
 *    which always takes struct __kernel_timespec.
 *  - umount2 (39) is sys_umount.
 *  - Kernel threads (current->files == NULL) have no fds: -EBADF.
 */
#ifndef TERN_SYSCALLS_H
#define TERN_SYSCALLS_H

#include <tern/compiler.h>
#include <tern/fs.h>
#include <uapi/linux/dirent.h>
#include <uapi/linux/stat.h>
#include <uapi/linux/time_types.h>
#include <uapi/linux/uio.h>

long sys_read(unsigned int fd, char __user *buf, size_t count);
long sys_write(unsigned int fd, const char __user *buf, size_t count);
long sys_readv(unsigned long fd, const struct iovec __user *vec, unsigned long vlen);
long sys_writev(unsigned long fd, const struct iovec __user *vec, unsigned long vlen);
long sys_pread64(unsigned int fd, char __user *buf, size_t count, loff_t pos);
long sys_pwrite64(unsigned int fd, const char __user *buf, size_t count, loff_t pos);
long sys_lseek(unsigned int fd, off_t offset, unsigned int whence);
long sys_llseek(unsigned int fd, unsigned long offset_high, unsigned long offset_low,
		loff_t __user *result, unsigned int whence);
long sys_fsync(unsigned int fd);

long sys_openat(int dfd, const char __user *filename, int flags, umode_t mode);
long sys_close(unsigned int fd);
long sys_ftruncate(unsigned int fd, off_t length);
long sys_ftruncate64(unsigned int fd, loff_t length);
long sys_fchmodat(int dfd, const char __user *filename, umode_t mode);
long sys_fchmod(unsigned int fd, umode_t mode);
long sys_fchownat(int dfd, const char __user *filename, uid_t user, gid_t group, int flag);
long sys_fchown(unsigned int fd, uid_t user, gid_t group);
long sys_faccessat(int dfd, const char __user *filename, int mode);
long sys_faccessat2(int dfd, const char __user *filename, int mode, int flags);
long sys_utimensat(int dfd, const char __user *filename, struct __kernel_timespec __user *utimes,
		   int flags);
long sys_chdir(const char __user *filename);
long sys_fchdir(unsigned int fd);
long sys_getcwd(char __user *buf, unsigned long size);
long sys_umask(int mask);

long sys_newfstatat(int dfd, const char __user *filename, struct stat __user *statbuf, int flag);
long sys_newfstat(unsigned int fd, struct stat __user *statbuf);
long sys_statx(int dfd, const char __user *filename, unsigned int flags, unsigned int mask,
	       struct statx __user *buffer);
long sys_readlinkat(int dfd, const char __user *pathname, char __user *buf, int bufsiz);
long sys_getdents64(unsigned int fd, struct linux_dirent64 __user *dirent, unsigned int count);

long sys_mkdirat(int dfd, const char __user *pathname, umode_t mode);
long sys_mknodat(int dfd, const char __user *filename, umode_t mode, unsigned int dev);
long sys_unlinkat(int dfd, const char __user *pathname, int flag);
long sys_renameat2(int olddfd, const char __user *oldname, int newdfd,
		   const char __user *newname, unsigned int flags);
long sys_linkat(int olddfd, const char __user *oldname, int newdfd,
		const char __user *newname, int flags);
long sys_symlinkat(const char __user *oldname, int newdfd, const char __user *newname);

long sys_dup(unsigned int fildes);
long sys_dup3(unsigned int oldfd, unsigned int newfd, int flags);
long sys_fcntl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_ioctl(unsigned int fd, unsigned int cmd, unsigned long arg);
long sys_pipe2(int __user *fildes, int flags);

/* ppoll (rv32: ppoll_time64) and pselect6 (rv32: pselect6_time64) take
   __kernel_timespec; the signal mask is checked for size only, until the
   signals code applies it. */
struct pollfd;
long sys_ppoll(struct pollfd __user *ufds, unsigned int nfds,
	       struct __kernel_timespec __user *tsp, const void __user *sigmask,
	       size_t sigsetsize);
long sys_pselect6(int n, unsigned long __user *inp, unsigned long __user *outp,
		  unsigned long __user *exp, struct __kernel_timespec __user *tsp,
		  void __user *sig);

/* Flags: MS_RDONLY is honoured; MS_REMOUNT, MS_BIND, MS_MOVE give -EINVAL;
   the rest (nosuid, nodev, noexec, silent ...) are accepted and ignored. */
long sys_mount(char __user *dev_name, char __user *dir_name, char __user *type,
	       unsigned long flags, void __user *data);
/* MNT_FORCE and MNT_DETACH are accepted but act as a plain umount. */
long sys_umount(char __user *name, int flags);

/* The ioctl dispatch behind sys_ioctl (-ENOTTY without f_op->ioctl). */
long vfs_ioctl(struct file *f, unsigned int cmd, unsigned long arg);

#endif
