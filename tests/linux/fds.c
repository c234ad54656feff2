// SPDX-License-Identifier: MIT
/*
 * File descriptors and their limits: the lowest free fd, RLIMIT_NOFILE
 * (EMFILE from open, pipe, dup; EBADF or EINVAL past the limit), dup2
 * onto itself, close-on-exec flags, F_GETFL/F_SETFL, shared offsets
 * between dup'd fds, lseek errors, umask.
 */
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>
#include "difftest.h"

#define PATH	"/tmp/difftest-fds"

int main(void)
{
	struct rlimit old, low;
	int fd, fd2, p[2], i, opened = 0;
	char buf[8];
	struct stat st;

	CHECK("getrlimit NOFILE", !getrlimit(RLIMIT_NOFILE, &old) && old.rlim_cur > 16);
	fd = open(PATH, O_CREAT | O_RDWR | O_TRUNC, 0666);
	CHECK("lowest free fd", fd == 3);
	CHECK("dup takes the next", (fd2 = dup(fd)) == 4);
	CHECK("dup'd fds share the offset", write(fd, "abcdef", 6) == 6 &&
	      lseek(fd2, 0, SEEK_CUR) == 6);
	CHECK("close frees the lowest", !close(fd) && (fd = dup(fd2)) == 3);
	CHECK("dup2 onto itself", dup2(fd, fd) == fd);
	EXPECT_ERRNO("dup2 of a closed fd", dup2(42, 5), EBADF);
	EXPECT_ERRNO("dup3 onto itself", dup3(fd, fd, 0), EINVAL);
	CHECK("F_DUPFD from 10", fcntl(fd, F_DUPFD, 10) == 10 && !close(10));
	CHECK("F_DUPFD_CLOEXEC", (i = fcntl(fd, F_DUPFD_CLOEXEC, 0)) == 5 &&
	      fcntl(i, F_GETFD) == FD_CLOEXEC && !close(i));
	CHECK("F_SETFD", !fcntl(fd, F_SETFD, FD_CLOEXEC) && fcntl(fd, F_GETFD) == FD_CLOEXEC);
	CHECK("F_GETFL", (fcntl(fd, F_GETFL) & O_ACCMODE) == O_RDWR);
	CHECK("F_SETFL O_APPEND", !fcntl(fd, F_SETFL, O_APPEND) && (fcntl(fd, F_GETFL) & O_APPEND));
	CHECK("append goes to the end", lseek(fd, 0, SEEK_SET) == 0 && write(fd, "g", 1) == 1 &&
	      lseek(fd, 0, SEEK_CUR) == 7);
	EXPECT_ERRNO("lseek before 0", lseek(fd, -1, SEEK_SET), EINVAL);
	EXPECT_ERRNO("lseek bad whence", lseek(fd, 0, 42), EINVAL);
	CHECK("pipe", !pipe(p));
	EXPECT_ERRNO("lseek a pipe", lseek(p[0], 0, SEEK_SET), ESPIPE);
	CHECK("close pipe", !close(p[0]) && !close(p[1]));
	EXPECT_ERRNO("fcntl bad cmd", fcntl(fd, 12345), EINVAL);
	EXPECT_ERRNO("read a closed fd", read(77, buf, 1), EBADF);
	EXPECT_ERRNO("write O_RDONLY", write((i = open(PATH, O_RDONLY)), "x", 1), EBADF);
	close(i);

	low = old;
	low.rlim_cur = 8;
	CHECK("setrlimit NOFILE 8", !setrlimit(RLIMIT_NOFILE, &low));
	for (i = 0; i < 16; i++)
		if (open(PATH, O_RDONLY) >= 0)
			opened++;
	printf("opened under the limit: %d\n", opened);
	EXPECT_ERRNO("open at the limit", open(PATH, O_RDONLY), EMFILE);
	EXPECT_ERRNO("pipe at the limit", pipe(p), EMFILE);
	EXPECT_ERRNO("dup at the limit", dup(0), EMFILE);
	EXPECT_ERRNO("dup2 past the limit", dup2(0, 9), EBADF);
	EXPECT_ERRNO("F_DUPFD past the limit", fcntl(0, F_DUPFD, 9), EINVAL);
	for (i = 5; i < 8; i++)
		close(i);
	CHECK("room again", (i = open(PATH, O_RDONLY)) == 5);
	CHECK("setrlimit back", !setrlimit(RLIMIT_NOFILE, &old));
	low.rlim_cur = old.rlim_max + 1;
	low.rlim_max = old.rlim_max;
	EXPECT_ERRNO("soft above hard", setrlimit(RLIMIT_NOFILE, &low), EINVAL);

	CHECK("umask", umask(027) == 022 && umask(022) == 027);
	CHECK("umask applies", !unlink(PATH) && !close(creat(PATH, 0777)) && !stat(PATH, &st) &&
	      (st.st_mode & 0777) == 0755);
	unlink(PATH);
	return difftest_exit();
}
