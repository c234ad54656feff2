// SPDX-License-Identifier: MIT
/*
 * Bad pointers to the file system calls (efault_ktest.c runs it): each
 * pointer argument of each call gets NULL, a kernel-half address, an
 * unmapped page and a range that wraps past the end, and must fail with
 * -EFAULT; afterwards nothing may have changed: no fd was taken, the
 * file offset, size and contents are as before, no name was created,
 * renamed or removed, the working directory is the same.  The exit
 * status is 0, or the number of the first check that failed (for the
 * per-pointer checks: 4 * call + which pointer).
 */
#include "user.h"

#define EFAULT		14
#define ENOENT		2
#define AT_FDCWD	(-100)
#define O_RDONLY	0
#define O_WRONLY	1
#define O_RDWR		2
#define O_CREAT		0100
#define O_DIRECTORY	0200000
#define PROT_READ	1
#define MAP_PRIVATE	2
#define MAP_ANONYMOUS	0x20
#define TCGETS		0x5401
#define STATX_SIZE_AT	40	/* stx_size's offset in struct statx */
#define PAGE		4096UL
#define DIR		"/tmp/efault"
#define FILE		DIR "/f"
#define LINK		DIR "/l"
#define MNT		DIR "/m"

#define CHECK(n, cond)	do { if (!(cond)) sys_exit(n); } while (0)
#define FAULTS(k, call)	CHECK(4 * (k) + i, (call) == -EFAULT)
/* NULL means "none" (or is not copied) for this argument: only the other three. */
#define FAULTS_NN(k, call) CHECK(4 * (k) + i, i == 0 || (call) == -EFAULT)

struct iovec {
	void *base;
	size_t len;
};

static char buf[256];
static int have_pipes = 1;	/* argv[1] "nopipe": a kernel without pipes */
static unsigned long long statx_buf[32];

static long file_size(void)
{
	if (sys5(statx, AT_FDCWD, FILE, 0, 0x7ff, statx_buf))
		return -1;
	return (long)statx_buf[STATX_SIZE_AT / 8];
}

static int exists(const char *path)
{
	return sys3(faccessat, AT_FDCWD, path, 0) != -ENOENT;
}

/* The calls on paths, with path b: nothing may be created, removed or renamed. */
static void path_calls(long b, int i)
{
	FAULTS(1, sys4(openat, AT_FDCWD, b, O_RDONLY, 0));
	FAULTS(2, sys4(openat, AT_FDCWD, b, O_CREAT | O_WRONLY, 0644));
	FAULTS(3, sys5(statx, AT_FDCWD, b, 0, 0x7ff, statx_buf));
	FAULTS(4, sys3(mkdirat, AT_FDCWD, b, 0755));
	FAULTS(5, sys3(unlinkat, AT_FDCWD, b, 0));
	FAULTS(6, sys5(renameat2, AT_FDCWD, b, AT_FDCWD, DIR "/g", 0));
	FAULTS(7, sys5(renameat2, AT_FDCWD, FILE, AT_FDCWD, b, 0));
	FAULTS(8, sys5(linkat, AT_FDCWD, b, AT_FDCWD, DIR "/h", 0));
	FAULTS(9, sys5(linkat, AT_FDCWD, FILE, AT_FDCWD, b, 0));
	FAULTS(10, sys3(symlinkat, b, AT_FDCWD, DIR "/s"));
	FAULTS(11, sys3(symlinkat, "/x", AT_FDCWD, b));
	FAULTS(12, sys4(readlinkat, AT_FDCWD, b, buf, sizeof(buf)));
	FAULTS(13, sys4(readlinkat, AT_FDCWD, LINK, b, 16));
	FAULTS(14, sys3(faccessat, AT_FDCWD, b, 0));
	FAULTS(15, sys3(fchmodat, AT_FDCWD, b, 0600));
	FAULTS(16, sys5(fchownat, AT_FDCWD, b, 0, 0, 0));
	FAULTS(17, sys1(chdir, b));
	FAULTS(18, sys2(umount2, b, 0));
	FAULTS_NN(19, sys5(mount, b, MNT, "ramfs", 0, 0));
	FAULTS(20, sys5(mount, "none", b, "ramfs", 0, 0));
	FAULTS_NN(21, sys5(mount, "none", MNT, b, 0, 0));
#if __SYSCALL_TIME32
	FAULTS(22, sys4(newfstatat, AT_FDCWD, b, statx_buf, 0));
	FAULTS(23, sys4(newfstatat, AT_FDCWD, FILE, b, 0));
	FAULTS_NN(24, sys4(utimensat, AT_FDCWD, FILE, b, 0));
#else
	FAULTS_NN(24, sys4(utimensat_time64, AT_FDCWD, FILE, b, 0));
#endif
	FAULTS(25, sys5(statx, AT_FDCWD, FILE, 0, 0x7ff, b));
}

/* The calls on fds and buffers, with buffer b. */
static void buffer_calls(long b, int i, long fd, long dir, long tty)
{
	struct iovec iov = { (void *)b, 16 };

	FAULTS(30, sys3(read, fd, b, 16));
	FAULTS(31, sys3(write, fd, b, 16));
	FAULTS(32, sys3(readv, fd, b, 1));
	FAULTS(33, sys3(writev, fd, b, 1));
	FAULTS(34, sys3(readv, fd, &iov, 1));
	FAULTS(35, sys3(writev, fd, &iov, 1));
	FAULTS(36, sys4(pread64, fd, b, 16, 0));
	FAULTS(37, sys4(pwrite64, fd, b, 16, 0));
	FAULTS(38, sys3(getdents64, dir, b, sizeof(buf)));
	if (have_pipes)
		FAULTS(39, sys2(pipe2, b, 0));
	FAULTS(40, sys2(getcwd, b, 16));
#if __SYSCALL_TIME32
	FAULTS(41, sys2(fstat, fd, b));
	FAULTS(42, sys5(ppoll, b, 1, 0, 0, 0));
	FAULTS_NN(43, sys6(pselect6, 1, b, 0, 0, 0, 0));
#else
	FAULTS(42, sys5(ppoll_time64, b, 1, 0, 0, 0));
	FAULTS_NN(43, sys6(pselect6_time64, 1, b, 0, 0, 0, 0));
#endif
	if (tty >= 0)
		FAULTS(44, sys3(ioctl, tty, TCGETS, b));
}

static int run(void)
{
	long unmapped = sys6(mmap, 0, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long fd, dir, tty, next;
	int i;

	CHECK(200, sys2(munmap, unmapped, PAGE) == 0);
	CHECK(201, sys3(mkdirat, AT_FDCWD, DIR, 0755) == 0);
	CHECK(202, sys3(mkdirat, AT_FDCWD, MNT, 0755) == 0);
	CHECK(203, sys3(symlinkat, FILE, AT_FDCWD, LINK) == 0);
	fd = sys4(openat, AT_FDCWD, FILE, O_CREAT | O_RDWR, 0644);
	CHECK(204, fd >= 0 && sys3(write, fd, "hello", 5) == 5 && sys1(close, fd) == 0);
	/*
	 * At offset 0, so that there is data to copy: Linux lets a read of
	 * NULL at the end of the file return 0, as access_ok passes it.
	 */
	fd = sys4(openat, AT_FDCWD, FILE, O_RDWR, 0);
	CHECK(205, fd >= 0);
	dir = sys4(openat, AT_FDCWD, DIR, O_RDONLY | O_DIRECTORY, 0);
	CHECK(206, dir >= 0);
	tty = sys4(openat, AT_FDCWD, "/dev/console", O_RDWR, 0);
	next = sys4(openat, AT_FDCWD, FILE, O_RDONLY, 0);
	CHECK(207, next >= 0 && sys1(close, next) == 0);
	/* The failed calls must not move the offset (0) or write anything. */
	for (i = 0; i < 4; i++) {
		long b = bad_pointer(i, unmapped, 0);

		path_calls(b, i);
		buffer_calls(b, i, fd, dir, tty);
	}
	/* Nothing changed. */
	CHECK(210, sys4(openat, AT_FDCWD, FILE, O_RDONLY, 0) == next);
	CHECK(211, sys1(close, next) == 0);
	CHECK(212, sys3(write, fd, "j", 1) == 1);
	CHECK(213, file_size() == 5);
	CHECK(214, sys4(pread64, fd, buf, 16, 0) == 5 && buf[0] == 'j' && buf[1] == 'e' &&
		   buf[4] == 'o');
	CHECK(215, !exists(DIR "/g") && !exists(DIR "/h") && !exists(DIR "/s"));
	CHECK(216, exists(FILE) && exists(LINK) && exists(MNT));
	CHECK(217, sys2(getcwd, buf, sizeof(buf)) == 2 && buf[0] == '/' && buf[1] == 0);
	CHECK(218, sys2(umount2, MNT, 0) != 0);	/* nothing was mounted */
	/* Clean up, so that the test can run again. */
	CHECK(220, sys3(unlinkat, AT_FDCWD, LINK, 0) == 0 && sys3(unlinkat, AT_FDCWD, FILE, 0) == 0);
	CHECK(221, sys3(unlinkat, AT_FDCWD, MNT, 0x200) == 0);
	CHECK(222, sys3(unlinkat, AT_FDCWD, DIR, 0x200) == 0);
	return 0;
}

void __attribute__((noreturn)) ustart(unsigned long *sp);

void ustart(unsigned long *sp)
{
	const char *a = sp[0] > 1 ? (const char *)sp[2] : "";

	have_pipes = !(a[0] == 'n' && a[1] == 'o' && a[2] == 'p');
	sys_exit(run());
}
