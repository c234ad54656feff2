// SPDX-License-Identifier: MIT
/*
 * usertests: memory: sbrk up and down, faults, and running out.
 *
 * The out-of-memory tests allocate 1 MiB at a time, touching every page,
 * in a child of their own, until an allocation fails; they stop at a cap,
 * twice the RAM sysinfo reports where that is at most 4 GiB and 1 GiB
 * otherwise, so a big host without limits skips instead.  The child then frees everything and must be able to
 * allocate again.  RLIMIT_AS is lowered to the cap first where it is
 * honoured (Linux), so a host run fails at the limit, not in its OOM
 * killer.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/wait.h>
#include <unistd.h>

#include "usertests.h"

#define PAGE 4096
#define MB (1024 * 1024)
#define MEM_CAP_MB 1024	/* the cap's floor, and where RLIMIT_AS is put */
#define MEM_CAP_MAX_MB 8192

/* Exit codes of the out-of-memory children. */
enum { OOM_OK, OOM_BADERR, OOM_NOTFREED, OOM_NOREUSE, OOM_CAP };

static void touch(char *p, size_t len)
{
	for (size_t i = 0; i < len; i += PAGE)
		p[i] = (char)i | 1;
}

static long cap_mb(void)
{
	struct sysinfo si;
	unsigned long long ram;

	if (sysinfo(&si) < 0)
		return MEM_CAP_MB;
	ram = (unsigned long long)si.totalram * (si.mem_unit ? si.mem_unit : 1) / MB;
	if (ram > MEM_CAP_MAX_MB / 2 || 2 * (long)ram < MEM_CAP_MB)
		return MEM_CAP_MB;
	return 2 * (long)ram;
}

static void limit_as(void)
{
	struct rlimit rl;

	if (getrlimit(RLIMIT_AS, &rl) == 0 &&
	    (rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > (rlim_t)MEM_CAP_MB * MB)) {
		rl.rlim_cur = (rlim_t)MEM_CAP_MB * MB;
		setrlimit(RLIMIT_AS, &rl);
	}
}

static int h_oom_sbrk(long arg)
{
	char *start = sbrk(0), *p;
	long n;

	long cap = cap_mb();

	(void)arg;
	limit_as();
	for (n = 0; n < cap; n++) {
		p = sbrk(MB);
		if (p == (void *)-1)
			break;
		touch(p, MB);
	}
	if (n == cap)
		return OOM_CAP;
	if (errno != ENOMEM)
		return OOM_BADERR;
	/* No-MMU usr/lib answers sbrk past its fixed break with mappings a
	 * negative sbrk cannot give back: then exit does (run_oom checks). */
	if ((char *)sbrk(0) != start + n * MB)
		return OOM_OK;
	if (sbrk(-(intptr_t)n * MB) == (void *)-1 || sbrk(0) != start)
		return OOM_NOTFREED;
	/* What was given back can be had again (a page when not even 1 MiB fitted). */
	p = sbrk(n ? MB : PAGE);
	if (p == (void *)-1)
		return OOM_NOREUSE;
	touch(p, n ? MB : PAGE);
	return OOM_OK;
}

static void *chunks[MEM_CAP_MAX_MB];

static int h_oom_malloc(long arg)
{
	long n;

	long cap = cap_mb();

	(void)arg;
	limit_as();
	for (n = 0; n < cap; n++) {
		chunks[n] = malloc(MB);
		if (!chunks[n])
			break;
		touch(chunks[n], MB);
	}
	if (n == cap)
		return OOM_CAP;
	if (errno != ENOMEM)
		return OOM_BADERR;
	size_t again = n ? MB : PAGE;
	while (n--)
		free(chunks[n]);
	void *p = malloc(again);
	if (!p)
		return OOM_NOREUSE;
	touch(p, again);
	free(p);
	return OOM_OK;
}

static int h_oom_mmap(long arg)
{
	long n;

	long cap = cap_mb();

	(void)arg;
	limit_as();
	for (n = 0; n < cap; n++) {
		chunks[n] = mmap(NULL, MB, PROT_READ | PROT_WRITE,
				 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (chunks[n] == MAP_FAILED)
			break;
		touch(chunks[n], MB);
	}
	if (n == cap)
		return OOM_CAP;
	if (errno != ENOMEM)
		return OOM_BADERR;
	size_t again = n ? MB : PAGE;
	while (n--)
		if (munmap(chunks[n], MB))
			return OOM_NOTFREED;
	void *p = mmap(NULL, again, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return OOM_NOREUSE;
	touch(p, again);
	return munmap(p, again) ? OOM_NOTFREED : OOM_OK;
}

static enum result run_oom(int (*fn)(long), const char *what)
{
	static const char *const why[] = {
		"ok", "the failure was not ENOMEM", "freeing failed",
		"could not allocate again after freeing",
	};
	int st;
	pid_t pid = spawn(fn, 0);

	CHECK(pid > 0, "spawn: %s", strerror(errno));
	CHECK(waitpid(pid, &st, 0) == pid, "waitpid: %s", strerror(errno));
	if (WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL)
		return skip("%s: out-of-memory kill (overcommit allowed)", what);
	CHECK(WIFEXITED(st), "%s: child killed by signal %d", what,
	      WIFSIGNALED(st) ? WTERMSIG(st) : -1);
	if (WEXITSTATUS(st) == OOM_CAP)
		return skip("%s: %ld MiB allocated without failing", what, cap_mb());
	CHECK(WEXITSTATUS(st) == OOM_OK, "%s: %s", what,
	      WEXITSTATUS(st) < 4 ? why[WEXITSTATUS(st)] : "exec failed?");
	/* The memory came back: this process can map and touch 1 MiB. */
	char *p = mmap(NULL, MB, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(p != MAP_FAILED, "mmap after the child ran out: %s", strerror(errno));
	touch(p, MB);
	CHECK_OK(munmap(p, MB));
	return PASS;
}

static enum result oom_sbrk(void)
{
	return run_oom(h_oom_sbrk, "sbrk");
}

static enum result oom_malloc(void)
{
	return run_oom(h_oom_malloc, "malloc");
}

static enum result oom_mmap(void)
{
	return run_oom(h_oom_mmap, "mmap");
}

static enum result sbrk_grow_shrink(void)
{
	size_t len = 16 * PAGE;	/* within a no-MMU heap (Tern: 128 KiB) */
	char *start = sbrk(0), *p;

	CHECK(start != (void *)-1, "sbrk(0): %s", strerror(errno));
	/* Start on a page: only whole pages given back must read zero again. */
	if ((uintptr_t)start % PAGE) {
		CHECK(sbrk(PAGE - (uintptr_t)start % PAGE) == start, "align the break");
		start = sbrk(0);
	}
	p = sbrk(len);
	CHECK(p == start, "sbrk returned %p, want the old break %p", (void *)p,
	      (void *)start);
	CHECK((char *)sbrk(0) == start + len, "break did not move");
	for (size_t i = 0; i < len; i++)
		CHECK(p[i] == 0, "new heap byte %zu is %d", i, p[i]);
	memset(p, 0x5a, len);
	CHECK(sbrk(-(intptr_t)len) == start + len, "shrink");
	CHECK(sbrk(0) == start, "break after shrink");
	/* Memory given back and taken again reads zero. */
	p = sbrk(len);
	CHECK(p == start, "grow again");
	for (size_t i = 0; i < len; i += 97)
		CHECK(p[i] == 0, "regrown byte %zu is %#x, want 0", i, p[i] & 0xff);
	CHECK(sbrk(-(intptr_t)len) != (void *)-1, "shrink again");
	/* Below the program's start: refused, break unchanged. */
	CHECK(sbrk(-((intptr_t)1 << (sizeof(long) * 8 - 2))) == (void *)-1,
	      "sbrk far below the heap succeeded");
	CHECK(sbrk(0) == start, "a refused sbrk moved the break");
	return PASS;
}

static int h_read_at(long addr)
{
	return *(volatile char *)(uintptr_t)addr;
}

static int h_write_at(long addr)
{
	*(volatile char *)(uintptr_t)addr = 1;
	return 0;
}

static enum result mem_fault(void)
{
	long kernel = sizeof(long) == 8 ? (long)0xffffffc000001000ull : (long)0xc0001000ul;
	char *m;
	pid_t pid;

	if (!have_fork)
		return skip("no MMU: no faults on stray accesses");
	pid = spawn(h_read_at, 0);
	CHECK(pid > 0 && killed_by(pid, SIGSEGV), "reading NULL");
	pid = spawn(h_write_at, kernel);
	CHECK(pid > 0 && killed_by(pid, SIGSEGV), "writing the kernel's half");
	pid = spawn(h_read_at, kernel);
	CHECK(pid > 0 && killed_by(pid, SIGSEGV), "reading the kernel's half");
	m = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(m != MAP_FAILED, "mmap: %s", strerror(errno));
	CHECK_OK(munmap(m, PAGE));
	pid = spawn(h_write_at, (long)(uintptr_t)m);
	CHECK(pid > 0 && killed_by(pid, SIGSEGV), "writing an unmapped page");
	m = mmap(NULL, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(m != MAP_FAILED, "mmap: %s", strerror(errno));
	pid = spawn(h_write_at, (long)(uintptr_t)m);
	CHECK(pid > 0 && killed_by(pid, SIGSEGV), "writing a read-only page");
	return PASS;
}

static enum result mmap_basic(void)
{
	size_t len = 16 * PAGE;
	char *m = mmap(NULL, len, PROT_READ | PROT_WRITE,
		       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	CHECK(m != MAP_FAILED, "mmap: %s", strerror(errno));
	CHECK(((uintptr_t)m & (PAGE - 1)) == 0, "mmap address %p not page aligned",
	      (void *)m);
	for (size_t i = 0; i < len; i++)
		CHECK(m[i] == 0, "anonymous byte %zu is %d", i, m[i]);
	memset(m, 0xa5, len);
	CHECK_OK(munmap(m, len));
	CHECK_ERR(mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) ==
		  MAP_FAILED ? -1 : 0, EINVAL);
	CHECK_ERR(munmap((char *)m + 1, PAGE), EINVAL);
	return PASS;
}

const struct helper mem_helpers[] = {
	{ "oom-sbrk", h_oom_sbrk },
	{ "oom-malloc", h_oom_malloc },
	{ "oom-mmap", h_oom_mmap },
	{ "read-at", h_read_at },
	{ "write-at", h_write_at },
	{ NULL, NULL },
};

const struct test mem_tests[] = {
	{ "sbrk_grow_shrink", sbrk_grow_shrink },
	{ "mmap_basic", mmap_basic },
	{ "mem_fault", mem_fault },
	{ "oom_sbrk", oom_sbrk },
	{ "oom_malloc", oom_malloc },
	{ "oom_mmap", oom_mmap },
	{ NULL, NULL },
};
