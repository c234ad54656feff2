// SPDX-License-Identifier: MIT
/* The terminal, the system's identity and state, mounts, memory maps, poll. */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/klog.h>
#include <sys/mman.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/sysinfo.h>
#include <sys/utsname.h>
#include <termios.h>
#include <unistd.h>
#include "syscall.h"

int tcgetattr(int fd, struct termios *t) { return ioctl(fd, TCGETS, t); }

int tcsetattr(int fd, int action, const struct termios *t)
{
	static const unsigned long req[] = { TCSETS, TCSETSW, TCSETSF };

	if (action < TCSANOW || action > TCSAFLUSH) {
		errno = EINVAL;
		return -1;
	}
	return ioctl(fd, req[action], t);
}

int tcflush(int fd, int queue) { return ioctl(fd, TCFLSH, queue); }
speed_t cfgetospeed(const struct termios *t) { return t->c_cflag & CBAUD; }
speed_t cfgetispeed(const struct termios *t) { return t->c_cflag & CBAUD; }

void cfmakeraw(struct termios *t)
{
	t->c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
	t->c_oflag &= ~OPOST;
	t->c_lflag &= ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
	t->c_cflag &= ~(CSIZE | PARENB);
	t->c_cflag |= CS8;
	t->c_cc[VMIN] = 1;
	t->c_cc[VTIME] = 0;
}

int isatty(int fd)
{
	struct termios t;

	return tcgetattr(fd, &t) == 0;
}

pid_t tcgetpgrp(int fd)
{
	pid_t pgrp;

	return ioctl(fd, TIOCGPGRP, &pgrp) < 0 ? -1 : pgrp;
}

int tcsetpgrp(int fd, pid_t pgrp) { return ioctl(fd, TIOCSPGRP, &pgrp); }

pid_t tcgetsid(int fd)
{
	pid_t sid;

	return ioctl(fd, TIOCGSID, &sid) < 0 ? -1 : sid;
}

int uname(struct utsname *u) { return __ret(sys1(uname, u)); }

int gethostname(char *name, size_t len)
{
	struct utsname u;
	size_t n;

	if (uname(&u) < 0)
		return -1;
	n = strlen(u.nodename);
	if (n >= len) {
		errno = ENAMETOOLONG;
		return -1;
	}
	memcpy(name, u.nodename, n + 1);
	return 0;
}

int sysinfo(struct sysinfo *info) { return __ret(sys1(sysinfo, info)); }

int get_nprocs(void)
{
	unsigned long mask[16];
	long n = sys3(sched_getaffinity, 0, sizeof(mask), mask);
	int cpus = 0;

	for (long i = 0; i < n / (long)sizeof(long); i++)
		cpus += __builtin_popcountl(mask[i]);
	return cpus ? cpus : 1;
}

int mount(const char *src, const char *target, const char *fstype, unsigned long flags,
	  const void *data)
{
	return __ret(sys5(mount, src, target, fstype, flags, data));
}

int umount2(const char *target, int flags) { return __ret(sys2(umount2, target, flags)); }
int umount(const char *target) { return umount2(target, 0); }

/* reboot(2)'s magic numbers are glibc's to add. */
int reboot(int cmd) { return __ret(sys4(reboot, 0xfee1dead, 672274793, cmd, 0)); }

int klogctl(int type, char *buf, int len) { return __ret(sys3(syslog, type, buf, len)); }

void *mmap(void *addr, size_t len, int prot, int flags, int fd, off_t off)
{
#if __riscv_xlen == 64
	long r = sys6(mmap, addr, len, prot, flags, fd, off);
#else
	/* rv32: number 222 is mmap2, the offset in 4096-byte units. */
	long r;

	if (off & 4095)
		return __set_errno_linux(22), MAP_FAILED;
	r = sys6(mmap, addr, len, prot, flags, fd, off >> 12);
#endif
	return __ret(r) == -1 ? MAP_FAILED : (void *)r;
}

int munmap(void *addr, size_t len) { return __ret(sys2(munmap, addr, len)); }
int mprotect(void *addr, size_t len, int prot) { return __ret(sys3(mprotect, addr, len, prot)); }
int madvise(void *addr, size_t len, int advice) { return __ret(sys3(madvise, addr, len, advice)); }

/* poll over ppoll (the only form rv32 has): a negative timeout waits forever. */
int poll(struct pollfd *fds, nfds_t n, int timeout_ms)
{
	struct { long long sec, nsec; } ts = { timeout_ms / 1000, (timeout_ms % 1000) * 1000000LL };
#if __riscv_xlen == 64
	long nr = __NR_ppoll;
#else
	long nr = __NR_ppoll_time64;
#endif

	return __ret(__sys6(nr, (long)fds, (long)n, timeout_ms < 0 ? 0 : (long)&ts, 0, 8, 0));
}

/* getentropy: picolibc's arc4random asks for it; the kernel's getrandom answers. */
int getentropy(void *buf, size_t len)
{
	if (len > 256) {
		errno = EIO;
		return -1;
	}
	return __ret(sys3(getrandom, buf, len, 0)) < 0 ? -1 : 0;
}
