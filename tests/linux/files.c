// SPDX-License-Identifier: MIT
/* Regular files: open flags, offsets shared by dup, pread/pwrite, truncate, rename, stat. */
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>
#include "difftest.h"

static char dir[] = "/tmp/difftest-files-XXXXXX";

static const char *path(const char *name)
{
	static char buf[2][128];
	static int which;

	which ^= 1;
	snprintf(buf[which], sizeof(buf[which]), "%s/%s", dir, name);
	return buf[which];
}

static void offsets_and_dup(void)
{
	char buf[16] = "";
	int fd = open(path("a"), O_CREAT | O_EXCL | O_RDWR, 0640), fd2;
	struct stat st;

	CHECK("create", fd >= 0);
	CHECK("write 10", write(fd, "0123456789", 10) == 10);
	CHECK("lseek end", lseek(fd, 0, SEEK_END) == 10);
	CHECK("lseek set 2", lseek(fd, 2, SEEK_SET) == 2);
	fd2 = dup(fd);
	CHECK("dup", fd2 > fd);
	CHECK("read through dup", read(fd2, buf, 3) == 3 && !memcmp(buf, "234", 3));
	CHECK("offset shared", lseek(fd, 0, SEEK_CUR) == 5);
	CHECK("pread leaves offset", pread(fd, buf, 4, 6) == 4 && !memcmp(buf, "6789", 4) &&
	      lseek(fd, 0, SEEK_CUR) == 5);
	CHECK("pwrite", pwrite(fd, "AB", 2, 8) == 2);
	CHECK("fstat size and mode", !fstat(fd, &st) && st.st_size == 10 && S_ISREG(st.st_mode) &&
	      (st.st_mode & 0777) == (0640 & ~umask(022)) && st.st_nlink == 1);
	close(fd2);
	close(fd);
	EXPECT_ERRNO("O_EXCL on existing", open(path("a"), O_CREAT | O_EXCL | O_RDWR, 0600), EEXIST);
	fd = open(path("a"), O_RDONLY);
	CHECK("contents", read(fd, buf, 16) == 10 && !memcmp(buf, "01234567AB", 10));
	CHECK("read at end", read(fd, buf, 16) == 0);
	EXPECT_ERRNO("write on O_RDONLY", write(fd, "x", 1), EBADF);
	close(fd);
}

static void append_truncate_rename(void)
{
	char buf[32] = "";
	struct iovec iov[2] = { { "ab", 2 }, { "cde", 3 } };
	int fd = open(path("a"), O_WRONLY | O_APPEND);
	struct stat st;

	CHECK("append goes to the end", lseek(fd, 0, SEEK_SET) == 0 && write(fd, "Z", 1) == 1 &&
	      !fstat(fd, &st) && st.st_size == 11);
	CHECK("writev", writev(fd, iov, 2) == 5);
	close(fd);
	fd = open(path("a"), O_RDWR | O_TRUNC);
	CHECK("O_TRUNC empties", !fstat(fd, &st) && st.st_size == 0);
	CHECK("ftruncate grows with zeroes", !ftruncate(fd, 5) && pread(fd, buf, 8, 0) == 5 &&
	      buf[0] == 0 && buf[4] == 0);
	close(fd);
	CHECK("rename", !rename(path("a"), path("b")));
	EXPECT_ERRNO("old name gone", open(path("a"), O_RDONLY), ENOENT);
	CHECK("link", !link(path("b"), path("c")) && !stat(path("c"), &st) && st.st_nlink == 2);
	CHECK("unlink one link", !unlink(path("b")) && !stat(path("c"), &st) && st.st_nlink == 1);
	CHECK("chmod", !chmod(path("c"), 0600) && !stat(path("c"), &st) && (st.st_mode & 0777) == 0600);
	EXPECT_ERRNO("lseek on a pipe-less bad fd", lseek(99, 0, SEEK_SET), EBADF);
	CHECK("unlink last", !unlink(path("c")));
}

static void fd_flags(void)
{
	int fd = open(path("d"), O_CREAT | O_RDWR | O_CLOEXEC, 0600), fd3;

	CHECK("O_CLOEXEC sets FD_CLOEXEC", fcntl(fd, F_GETFD) == FD_CLOEXEC);
	fd3 = fcntl(fd, F_DUPFD, 10);
	CHECK("F_DUPFD at or above 10, without FD_CLOEXEC", fd3 >= 10 && fcntl(fd3, F_GETFD) == 0);
	CHECK("F_SETFL O_APPEND", !fcntl(fd, F_SETFL, O_APPEND) && (fcntl(fd3, F_GETFL) & O_APPEND));
	CHECK("dup3 O_CLOEXEC", dup3(fd, 40, O_CLOEXEC) == 40 && fcntl(40, F_GETFD) == FD_CLOEXEC);
	EXPECT_ERRNO("dup3 same fd", dup3(fd, fd, 0), EINVAL);
	close(40);
	close(fd3);
	close(fd);
	unlink(path("d"));
}

int main(void)
{
	umask(022);
	if (!mkdtemp(dir)) {
		perror("mkdtemp");
		return 2;
	}
	offsets_and_dup();
	append_truncate_rename();
	fd_flags();
	CHECK("rmdir", !rmdir(dir));
	return difftest_exit();
}
