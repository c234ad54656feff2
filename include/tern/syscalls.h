/* SPDX-License-Identifier: MIT */
/*
 * System calls: how one is written, and the table that finds it.
 *
 * A system call is defined with SYSCALL_DEFINEn (n arguments, each a
 * type and a name, in the order of the C library's prototype):
 *
 *	SYSCALL_DEFINE2(munmap, unsigned long, addr, size_t, len)
 *	{
 *		return do_munmap(current->mm, addr, len);
 *	}
 *
 * which makes long __riscv_sys_munmap(const struct pt_regs *regs), taking
 * the arguments from a0..a5 (Linux's name for it); its entry in arch/riscv/kernel/syscall_table.c
 * (indexed by <uapi/asm-generic/unistd.h>) makes it reachable.  The
 * result goes to a0: >= 0, or a negative errno.  Contract for every
 * system call: it runs in the calling task with interrupts on and may
 * sleep; every pointer argument is a user address and is touched only
 * through <tern/uaccess.h>, so a bad pointer gives -EFAULT, never an
 * oops.  Unknown numbers answer -ENOSYS and are logged once each.
 *
 * The VFS's calls (fs/) are plain C functions with Linux's prototypes
 * (sys_read(fd, buf, count) below), which fs/ code and ktests call
 * directly; arch/riscv/kernel/syscall_vfs.c makes their __riscv_sys_
 * entries with SYSCALL_WRAPn, putting 64-bit arguments of rv32 back
 * together from two registers.
 *
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

#include <asm/ptrace.h>
#include <tern/compiler.h>
#include <tern/fs.h>
#include <uapi/linux/dirent.h>
#include <uapi/linux/stat.h>
#include <uapi/linux/time_types.h>
#include <uapi/linux/uio.h>
#include <uapi/asm-generic/unistd.h>

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


typedef long (*syscall_fn_t)(const struct pt_regs *regs);

#define __SYSCALL_HEAD(name, ...)					\
	long __riscv_sys_##name(const struct pt_regs *regs);		\
	static long __do_sys_##name(__VA_ARGS__);			\
	long __riscv_sys_##name(const struct pt_regs *regs)

#define SYSCALL_DEFINE0(name)						\
	__SYSCALL_HEAD(name, void)					\
	{ (void)regs; return __do_sys_##name(); }			\
	static long __do_sys_##name(void)

#define SYSCALL_DEFINE1(name, t1, p1)					\
	__SYSCALL_HEAD(name, t1)					\
	{ return __do_sys_##name((t1)regs->a0); }			\
	static long __do_sys_##name(t1 p1)

#define SYSCALL_DEFINE2(name, t1, p1, t2, p2)				\
	__SYSCALL_HEAD(name, t1, t2)					\
	{ return __do_sys_##name((t1)regs->a0, (t2)regs->a1); }		\
	static long __do_sys_##name(t1 p1, t2 p2)

#define SYSCALL_DEFINE3(name, t1, p1, t2, p2, t3, p3)			\
	__SYSCALL_HEAD(name, t1, t2, t3)				\
	{ return __do_sys_##name((t1)regs->a0, (t2)regs->a1, (t3)regs->a2); }	\
	static long __do_sys_##name(t1 p1, t2 p2, t3 p3)

#define SYSCALL_DEFINE4(name, t1, p1, t2, p2, t3, p3, t4, p4)		\
	__SYSCALL_HEAD(name, t1, t2, t3, t4)				\
	{ return __do_sys_##name((t1)regs->a0, (t2)regs->a1, (t3)regs->a2,	\
				 (t4)regs->a3); }			\
	static long __do_sys_##name(t1 p1, t2 p2, t3 p3, t4 p4)

#define SYSCALL_DEFINE5(name, t1, p1, t2, p2, t3, p3, t4, p4, t5, p5)	\
	__SYSCALL_HEAD(name, t1, t2, t3, t4, t5)			\
	{ return __do_sys_##name((t1)regs->a0, (t2)regs->a1, (t3)regs->a2,	\
				 (t4)regs->a3, (t5)regs->a4); }		\
	static long __do_sys_##name(t1 p1, t2 p2, t3 p3, t4 p4, t5 p5)

#define SYSCALL_DEFINE6(name, t1, p1, t2, p2, t3, p3, t4, p4, t5, p5, t6, p6)	\
	__SYSCALL_HEAD(name, t1, t2, t3, t4, t5, t6)			\
	{ return __do_sys_##name((t1)regs->a0, (t2)regs->a1, (t3)regs->a2,	\
				 (t4)regs->a3, (t5)regs->a4, (t6)regs->a5); }	\
	static long __do_sys_##name(t1 p1, t2 p2, t3 p3, t4 p4, t5 p5, t6 p6)

/*
 * Calls that need the whole frame (clone copies it, execve replaces it)
 * reach it as task_pt_regs(current) (<tern/process.h>): the same frame.
 */

/*
 * An ecall from user mode (entry.S calls it with interrupts off; they are
 * off again on return): dispatches on a7, result in a0.
 */
void do_user_syscall(struct pt_regs *regs);


/* The table entry for a plain sys_name(t1 ...) of fs/ (syscall_vfs.c). */
#define __SYSCALL_WRAP_HEAD(name)					\
	long __riscv_sys_##name(const struct pt_regs *regs);		\
	long __riscv_sys_##name(const struct pt_regs *regs)
#define SYSCALL_WRAP1(name, t1)						\
	__SYSCALL_WRAP_HEAD(name) { return sys_##name((t1)regs->a0); }
#define SYSCALL_WRAP2(name, t1, t2)					\
	__SYSCALL_WRAP_HEAD(name) { return sys_##name((t1)regs->a0, (t2)regs->a1); }
#define SYSCALL_WRAP3(name, t1, t2, t3)					\
	__SYSCALL_WRAP_HEAD(name)					\
	{ return sys_##name((t1)regs->a0, (t2)regs->a1, (t3)regs->a2); }
#define SYSCALL_WRAP4(name, t1, t2, t3, t4)				\
	__SYSCALL_WRAP_HEAD(name)					\
	{ return sys_##name((t1)regs->a0, (t2)regs->a1, (t3)regs->a2, (t4)regs->a3); }
#define SYSCALL_WRAP5(name, t1, t2, t3, t4, t5)				\
	__SYSCALL_WRAP_HEAD(name)					\
	{ return sys_##name((t1)regs->a0, (t2)regs->a1, (t3)regs->a2, (t4)regs->a3,	\
			    (t5)regs->a4); }
#define SYSCALL_WRAP6(name, t1, t2, t3, t4, t5, t6)			\
	__SYSCALL_WRAP_HEAD(name)					\
	{ return sys_##name((t1)regs->a0, (t2)regs->a1, (t3)regs->a2, (t4)regs->a3,	\
			    (t5)regs->a4, (t6)regs->a5); }

#endif
