// SPDX-License-Identifier: MIT
/* File and directory calls: thin wrappers over the *at system calls. */
#include <fcntl.h>
#include <stdarg.h>
#include <sys/stat.h>
#include <unistd.h>
#include "syscall.h"

#define L_AT_FDCWD (-100)

ssize_t read(int fd, void *buf, size_t n) { return __ret(sys3(read, fd, buf, n)); }
ssize_t write(int fd, const void *buf, size_t n) { return __ret(sys3(write, fd, buf, n)); }
int close(int fd) { return __ret(sys1(close, fd)); }
int dup(int fd) { return __ret(sys1(dup, fd)); }
int dup3(int oldfd, int newfd, int flags)
{
	return __ret(sys3(dup3, oldfd, newfd, __linux_open_flags(flags)));
}

int dup2(int oldfd, int newfd)
{
	/* dup3 refuses oldfd == newfd; dup2 answers newfd if it is open. */
	if (oldfd == newfd)
		return __ret(sys3(fcntl, oldfd, F_GETFD, 0)) < 0 ? -1 : newfd;
	return __ret(sys3(dup3, oldfd, newfd, 0));
}

int pipe2(int fds[2], int flags) { return __ret(sys2(pipe2, fds, __linux_open_flags(flags))); }
int pipe(int fds[2]) { return pipe2(fds, 0); }

off_t lseek(int fd, off_t off, int whence)
{
#if __riscv_xlen == 64
	return __ret(sys3(lseek, fd, off, whence));
#else
	/* rv32: number 62 is llseek, a 64-bit offset in two halves and a result pointer. */
	long long pos, o = off;
	long r = __ret(sys5(lseek, fd, (long)(o >> 32), (long)o, &pos, whence));

	return r < 0 ? -1 : (off_t)pos;
#endif
}

#if __riscv_xlen == 64
#define OFF_ARGS(o) (long)(o), 0L
#else
#define OFF_ARGS(o) (long)((long long)(o)), (long)((long long)(o) >> 32)
#endif

ssize_t pread(int fd, void *buf, size_t n, off_t off)
{
	return __ret(__sys6(__NR_pread64, fd, (long)buf, n, OFF_ARGS(off), 0));
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	return __ret(__sys6(__NR_pwrite64, fd, (long)buf, n, OFF_ARGS(off), 0));
}

int ftruncate(int fd, off_t len) { return __ret(__sys6(__NR_ftruncate, fd, OFF_ARGS(len), 0, 0, 0)); }

int truncate(const char *path, off_t len)
{
	int fd = open(path, O_WRONLY);
	int r;

	if (fd < 0)
		return -1;
	r = ftruncate(fd, len);
	close(fd);
	return r;
}

int fsync(int fd) { return __ret(sys1(fsync, fd)); }
int fdatasync(int fd) { return __ret(sys1(fdatasync, fd)); }
int syncfs(int fd) { return __ret(sys1(syncfs, fd)); }
void sync(void) { sys0(sync); }

int chdir(const char *path) { return __ret(sys1(chdir, path)); }
int fchdir(int fd) { return __ret(sys1(fchdir, fd)); }

char *getcwd(char *buf, size_t size)
{
	return __ret(sys2(getcwd, buf, size)) < 0 ? (char *)0 : buf;
}

int mkdir(const char *path, mode_t mode) { return __ret(sys3(mkdirat, L_AT_FDCWD, path, mode)); }
int rmdir(const char *path) { return __ret(sys3(unlinkat, L_AT_FDCWD, path, 0x200)); }
int unlink(const char *path) { return __ret(sys3(unlinkat, L_AT_FDCWD, path, 0)); }
int unlinkat(int dirfd, const char *path, int flags)
{
	return __ret(sys3(unlinkat, __linux_dirfd(dirfd), path, __linux_at_flags(flags)));
}

int link(const char *old, const char *new)
{
	return __ret(sys5(linkat, L_AT_FDCWD, old, L_AT_FDCWD, new, 0));
}

int symlink(const char *target, const char *path)
{
	return __ret(sys3(symlinkat, target, L_AT_FDCWD, path));
}

ssize_t readlink(const char *path, char *buf, size_t n)
{
	return __ret(sys4(readlinkat, L_AT_FDCWD, path, buf, n));
}

int rename(const char *old, const char *new)
{
	return __ret(sys5(renameat2, L_AT_FDCWD, old, L_AT_FDCWD, new, 0));
}

int access(const char *path, int mode) { return __ret(sys4(faccessat, L_AT_FDCWD, path, mode, 0)); }
int chmod(const char *path, mode_t mode) { return __ret(sys4(fchmodat, L_AT_FDCWD, path, mode, 0)); }
int fchmod(int fd, mode_t mode) { return __ret(sys2(fchmod, fd, mode)); }
int mknod(const char *path, mode_t mode, dev_t dev)
{
	return __ret(sys4(mknodat, L_AT_FDCWD, path, mode, (long)dev));
}

int chown(const char *path, uid_t uid, gid_t gid)
{
	return __ret(sys5(fchownat, L_AT_FDCWD, path, uid, gid, 0));
}

int lchown(const char *path, uid_t uid, gid_t gid)
{
	return __ret(sys5(fchownat, L_AT_FDCWD, path, uid, gid, 0x100));
}

mode_t umask(mode_t mask) { return (mode_t)sys1(umask, mask); }

int ioctl(int fd, unsigned long request, ...)
{
	va_list ap;
	long arg;

	va_start(ap, request);
	arg = va_arg(ap, long);
	va_end(ap);
	return __ret(sys3(ioctl, fd, request, arg));
}
