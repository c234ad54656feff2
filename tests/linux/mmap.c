// SPDX-License-Identifier: MIT
/*
 * mmap: anonymous and private file mappings (offsets, the zeros after
 * the end of the file, SIGBUS beyond it, the errors of bad fds and
 * modes), MAP_FIXED, munmap of a middle page, mprotect, brk.
 */
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "difftest.h"

/* How a child that reads *p ends: "exit 0" or "signal N". */
static void child_reads(const char *name, volatile char *p)
{
	int status;
	pid_t pid = fork();

	if (pid == 0)
		_exit(p[0] == 0x7f);
	waitpid(pid, &status, 0);
	if (WIFSIGNALED(status))
		printf("%s: signal %d\n", name, WTERMSIG(status));
	else
		printf("%s: exit %d\n", name, WEXITSTATUS(status));
}

static void file_mappings(long ps)
{
	char path[] = "/tmp/difftest-mmap2-XXXXXX", *p, *buf = malloc(2 * ps);
	int fd = mkstemp(path), ro, wo, pfd[2];

	CHECK("file of 1.5 pages", fd >= 0 && buf);
	memset(buf, 'x', 2 * ps);
	memcpy(buf + ps, "second", 6);
	CHECK("written", write(fd, buf, ps + ps / 2) == ps + ps / 2);
	p = mmap(NULL, 3 * ps, PROT_READ, MAP_PRIVATE, fd, 0);
	CHECK("map 3 pages of it", p != MAP_FAILED);
	CHECK("second page", !memcmp(p + ps, "second", 6) && p[ps + ps / 2 - 1] == 'x');
	CHECK("zeros after the end", p[ps + ps / 2] == 0 && p[2 * ps - 1] == 0);
	child_reads("read in the file", p);
	child_reads("read wholly beyond the end", p + 2 * ps);
	munmap(p, 3 * ps);
	p = mmap(NULL, ps, PROT_READ, MAP_PRIVATE, fd, ps);
	CHECK("map at offset one page", p != MAP_FAILED && !memcmp(p, "second", 6));
	munmap(p, ps);
	EXPECT_ERRNO("unaligned offset", (long)mmap(NULL, ps, PROT_READ, MAP_PRIVATE, fd, 1),
		     EINVAL);
	EXPECT_ERRNO("bad fd", (long)mmap(NULL, ps, PROT_READ, MAP_PRIVATE, 99, 0), EBADF);
	EXPECT_ERRNO("negative fd", (long)mmap(NULL, ps, PROT_READ, MAP_PRIVATE, -1, 0), EBADF);
	ro = open(path, O_RDONLY);
	wo = open(path, O_WRONLY);
	EXPECT_ERRNO("shared writable map of a read-only fd",
		     (long)mmap(NULL, ps, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0), EACCES);
	EXPECT_ERRNO("private map of a write-only fd",
		     (long)mmap(NULL, ps, PROT_READ, MAP_PRIVATE, wo, 0), EACCES);
	p = mmap(NULL, ps, PROT_READ | PROT_WRITE, MAP_PRIVATE, ro, 0);
	CHECK("private writable map of a read-only fd", p != MAP_FAILED);
	p[0] = 'P';
	CHECK("its write stays private", pread(ro, buf, 1, 0) == 1 && buf[0] == 'x');
	CHECK("fork copies it", (child_reads("child of a written map", p), 1));
	munmap(p, ps);
	CHECK("pipe", !pipe(pfd));
	EXPECT_ERRNO("map a pipe", (long)mmap(NULL, ps, PROT_READ, MAP_PRIVATE, pfd[0], 0), ENODEV);
	close(pfd[0]);
	close(pfd[1]);
	close(ro);
	close(wo);
	close(fd);
	unlink(path);
	free(buf);
}

int main(void)
{
	long ps = sysconf(_SC_PAGESIZE);
	char *p, *q, *brk0;
	char path[] = "/tmp/difftest-mmap-XXXXXX";
	int fd;

	printf("page size: %ld\n", ps);
	p = mmap(NULL, 4 * ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK("anonymous map", p != MAP_FAILED);
	CHECK("zero-filled", p[0] == 0 && p[4 * ps - 1] == 0);
	memset(p, 'a', 4 * ps);
	CHECK("munmap the second page", !munmap(p + ps, ps));
	q = mmap(p + ps, ps, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
	CHECK("MAP_FIXED into the hole", q == p + ps && q[0] == 0 && p[2 * ps] == 'a');
	CHECK("mprotect read-only", !mprotect(p, ps, PROT_READ) && p[0] == 'a');
	CHECK("munmap all", !munmap(p, 4 * ps));
	EXPECT_ERRNO("munmap unaligned", munmap(p + 1, ps), EINVAL);
	EXPECT_ERRNO("mmap length 0", (long)mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS,
						  -1, 0), EINVAL);
	fd = mkstemp(path);
	CHECK("file", fd >= 0 && write(fd, "file contents", 13) == 13);
	p = mmap(NULL, ps, PROT_READ | PROT_WRITE, MAP_PRIVATE, fd, 0);
	CHECK("private file map", p != MAP_FAILED && !memcmp(p, "file contents", 13) && p[13] == 0);
	p[0] = 'F';
	CHECK("private write not in the file", pread(fd, path + 20, 1, 0) == 1 && path[20] == 'f');
	munmap(p, ps);
	close(fd);
	unlink(path);
	file_mappings(ps);
	brk0 = sbrk(0);
	CHECK("sbrk grows", sbrk(3 * ps) == brk0 && sbrk(0) == brk0 + 3 * ps);
	brk0[3 * ps - 1] = 1;
	CHECK("sbrk shrinks", sbrk(-3 * ps) == brk0 + 3 * ps && sbrk(0) == brk0);
	return difftest_exit();
}
