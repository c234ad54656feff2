// SPDX-License-Identifier: MIT
/* mmap: anonymous and private file mappings, MAP_FIXED, munmap of a middle page, mprotect, brk. */
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>
#include "difftest.h"

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
	brk0 = sbrk(0);
	CHECK("sbrk grows", sbrk(3 * ps) == brk0 && sbrk(0) == brk0 + 3 * ps);
	brk0[3 * ps - 1] = 1;
	CHECK("sbrk shrinks", sbrk(-3 * ps) == brk0 + 3 * ps && sbrk(0) == brk0);
	return difftest_exit();
}
