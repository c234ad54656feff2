// SPDX-License-Identifier: MIT
/*
 * sync, syncfs, fsync, fdatasync: which files they accept and the
 * errors they give (nothing to write on a filesystem in memory, but the
 * calls check their fd as Linux does).
 */
#include <fcntl.h>
#include <unistd.h>
#include "difftest.h"

int main(void)
{
	char dir[] = "/tmp/difftest-sync-XXXXXX", file[64];
	int fd, dfd, pfd[2], pathfd;

	CHECK("mkdtemp", mkdtemp(dir) != NULL);
	snprintf(file, sizeof(file), "%s/f", dir);
	fd = open(file, O_CREAT | O_RDWR | O_TRUNC, 0600);
	CHECK("create", fd >= 0 && write(fd, "data", 4) == 4);
	CHECK("fsync file", fsync(fd) == 0);
	CHECK("fdatasync file", fdatasync(fd) == 0);
	CHECK("syncfs file", syncfs(fd) == 0);
	dfd = open(dir, O_RDONLY | O_DIRECTORY);
	CHECK("fsync directory", fsync(dfd) == 0);
	CHECK("pipe", !pipe(pfd));
	EXPECT_ERRNO("fsync pipe", fsync(pfd[0]), EINVAL);
	EXPECT_ERRNO("fdatasync pipe", fdatasync(pfd[1]), EINVAL);
	CHECK("syncfs pipe", syncfs(pfd[0]) == 0);
	EXPECT_ERRNO("fsync bad fd", fsync(-1), EBADF);
	EXPECT_ERRNO("fsync closed fd", fsync(999), EBADF);
	EXPECT_ERRNO("fdatasync bad fd", fdatasync(-1), EBADF);
	EXPECT_ERRNO("syncfs bad fd", syncfs(-1), EBADF);
	pathfd = open(file, O_PATH);
	EXPECT_ERRNO("fsync O_PATH", fsync(pathfd), EBADF);
	EXPECT_ERRNO("syncfs O_PATH", syncfs(pathfd), EBADF);
	sync();
	CHECK("sync returned", 1);
	close(pathfd);
	close(pfd[0]);
	close(pfd[1]);
	close(dfd);
	close(fd);
	unlink(file);
	rmdir(dir);
	return difftest_exit();
}
