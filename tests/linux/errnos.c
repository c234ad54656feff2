// SPDX-License-Identifier: MIT
/* The errno of failing calls, bad pointers included. */
#include <fcntl.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>
#include "difftest.h"

int main(void)
{
	char buf[8];
	struct stat st;
	int fd;

	EXPECT_ERRNO("open missing", open("/no/such/file", O_RDONLY), ENOENT);
	EXPECT_ERRNO("close bad fd", close(-1), EBADF);
	EXPECT_ERRNO("read bad fd", read(1234, buf, 1), EBADF);
	fd = open("/", O_RDONLY | O_DIRECTORY);
	EXPECT_ERRNO("read a directory", read(fd, buf, 1), EISDIR);
	close(fd);
	EXPECT_ERRNO("write NULL buffer", syscall(SYS_write, 1, NULL, 10), EFAULT);
	EXPECT_ERRNO("stat NULL path", syscall(SYS_newfstatat, AT_FDCWD, NULL, &st, 0), EFAULT);
	EXPECT_ERRNO("stat into NULL", syscall(SYS_newfstatat, AT_FDCWD, "/", NULL, 0), EFAULT);
	EXPECT_ERRNO("open path at a kernel address",
		     syscall(SYS_openat, AT_FDCWD, (char *)-4096L, O_RDONLY), EFAULT);
	EXPECT_ERRNO("unknown syscall", syscall(1999), ENOSYS);
	EXPECT_ERRNO("lseek a pipe", ({ int p[2]; pipe(p) ? -2 : lseek(p[0], 0, SEEK_SET); }),
		     ESPIPE);
	EXPECT_ERRNO("ioctl not a tty", ({ int p[2]; pipe(p) ? -2 : ioctl(p[0], 0x5401, buf); }),
		     ENOTTY);
	EXPECT_ERRNO("getcwd too small", (long)getcwd(buf, 1) ? 0 : -1, ERANGE);
	EXPECT_ERRNO("mkdir in missing dir", mkdir("/no/such/dir", 0755), ENOENT);
	EXPECT_ERRNO("chdir to a file", chdir("/dev/null"), ENOTDIR);
	EXPECT_ERRNO("dup2 to a bad fd", dup2(0, -1), EBADF);
	return difftest_exit();
}
