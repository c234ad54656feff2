// SPDX-License-Identifier: MIT
/*
 * The ktests' user program (kernel/process_ktest.c runs it): argv[1]
 * names a test, and the exit status says how it went: 0 passed, any
 * other value the number of the check that failed (each test numbers
 * its checks from 1).  Built twice, as a static executable (ET_EXEC)
 * and as a static-PIE (ET_DYN), from the same source.  Only the "reloc"
 * test reads absolute addresses from data: with an MMU the PIE is not
 * relocated (no C library start-up code does it), so it runs there only
 * as ET_EXEC; without an MMU the kernel relocates the PIE
 * (USER_NOMMU: then fork is -ENOSYS, children come from vfork, and
 * nothing faults on a protection the kernel cannot enforce).
 */
#include "user.h"

#define EFAULT		14
#define ENOENT		2
#define ENOEXEC		8
#define ENOSYS		38
#define ECHILD		10
#define EAGAIN		11
#define ENOMEM		12
#define EBADF		9
#define ENODEV		19
#define EINVAL		22
#define ELOOP		40
#define PAGE		4096UL
#define PROT_READ	1
#define PROT_WRITE	2
#define MAP_SHARED	1
#define MAP_PRIVATE	2
#define MAP_FIXED	0x10
#define MAP_ANONYMOUS	0x20
#define MADV_DONTNEED	4
#define RLIMIT_NPROC	6
#define AT_PHDR		3
#define AT_PHENT	4
#define AT_PHNUM	5
#define AT_PAGESZ	6
#define AT_ENTRY	9
#define AT_UID		11
#define AT_HWCAP	16
#define AT_SECURE	23
#define AT_RANDOM	25
#define AT_EXECFN	31

#define CHECK(n, cond)	do { if (!(cond)) sys_exit(n); } while (0)

extern char _start[] __attribute__((visibility("hidden")));
static unsigned long initial_sp, at_hwcap;
static volatile int vfork_mark;

static int memcmp_(const char *a, const char *b, size_t n)
{
	for (; n; n--, a++, b++)
		if (*a != *b)
			return *a - *b;
	return 0;
}

/* n in decimal, in buf (24 bytes); returns the string's start. */
static char *utoa(unsigned long n, char *buf)
{
	char *p = buf + 24;

	*--p = 0;
	do
		*--p = (char)('0' + n % 10);
	while (n /= 10);
	return p;
}

static int *shared_page(void)
{
	long p = sys6(mmap, 0, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);

	if (p < 0 && p > -4096)
		sys_exit(100);
	return (int *)p;
}

/* A child that runs fn; the parent gets its wait status. */
static int child_status(void (*fn)(void *), void *arg)
{
	long pid = fork_or_vfork();
	int st = -1;

	if (pid == 0) {
		fn(arg);
		sys_exit(0);
	}
	if (pid < 0 || waitpid(pid, &st, 0) != pid)
		sys_exit(101);
	return st;
}

/* An address the compiler cannot see through (it would warn about constants). */
static void *launder(unsigned long a)
{
	volatile unsigned long v = a;

	return (void *)v;
}

static void write_byte(void *p)
{
	*(volatile char *)p = 1;
}

static void read_byte(void *p)
{
	(void)*(volatile char *)p;
}

static int test_args(int argc, char **argv, char **envp, unsigned long *auxv)
{
	const unsigned long ehdr_size = sizeof(long) == 8 ? 64 : 52;	/* ELF64, ELF32 */
	unsigned long seen = 0;

	CHECK(1, argc == 3 && !strcmp(argv[2], "alpha") && argv[3] == 0);
	CHECK(2, envp[0] && !strcmp(envp[0], "HOME=/") && !strcmp(envp[1], "TERM=tern"));
	CHECK(3, envp[2] == 0);
	CHECK(4, (initial_sp & 15) == 0 && (unsigned long)argv[0] > initial_sp);
	for (; auxv[0]; auxv += 2) {
		unsigned long v = auxv[1];

		switch (auxv[0]) {
		case AT_PAGESZ:
			CHECK(5, v == PAGE);
			break;
		case AT_ENTRY:
			CHECK(6, v == (unsigned long)_start);
			break;
		case AT_PHENT:
			CHECK(7, v == (sizeof(long) == 8 ? 56 : 32));
			break;
		case AT_PHNUM:
			CHECK(8, v > 0);
			break;
		case AT_UID:
		case AT_SECURE:
			CHECK(9, v == 0);
			break;
		case AT_HWCAP:
			CHECK(10, (v & (1UL << ('i' - 'a'))) && (v & (1UL << ('a' - 'a'))));
			break;
		case AT_RANDOM:
			CHECK(11, v > initial_sp);
			break;
		case AT_EXECFN:
			CHECK(12, !strcmp((const char *)v, "/utest"));
			break;
		case AT_PHDR:	/* both builds load their headers, right after the ELF header */
			CHECK(14, v > ehdr_size && !memcmp_((const char *)v - ehdr_size, "\177ELF", 4));
			break;
		default:
			continue;
		}
		seen |= 1UL << auxv[0];
	}
	CHECK(13, seen == (1UL << AT_PHDR | 1UL << AT_PAGESZ | 1UL << AT_ENTRY | 1UL << AT_PHENT | 1UL << AT_PHNUM |
			   1UL << AT_UID | 1UL << AT_SECURE | 1UL << AT_HWCAP | 1UL << AT_RANDOM |
			   1UL << AT_EXECFN));
	return 0;
}

static int test_brk(void)
{
	unsigned long cur = sys1(brk, 0), want = cur + 3 * PAGE + 100, a;

	CHECK(1, cur != 0 && (cur & (PAGE - 1)) == 0);
	CHECK(2, (unsigned long)sys1(brk, want) == want);
	for (a = cur; a < want; a += PAGE / 2)
		*(volatile char *)a = 7;
	CHECK(3, *(volatile char *)(want - 1) == 0 || *(volatile char *)(want - 1) == 7);
	CHECK(4, (unsigned long)sys1(brk, cur) == cur);
	CHECK(5, (unsigned long)sys1(brk, 0) == cur);
	CHECK(6, USER_NOMMU || child_status(write_byte, (void *)(cur + PAGE)) == 11);
	CHECK(7, (unsigned long)sys1(brk, cur + PAGE) == cur + PAGE);
	CHECK(8, *(volatile char *)cur == 0);	/* fresh pages are zero again */
	return 0;
}

static int test_mmap(void)
{
	long p = sys6(mmap, 0, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	char *c = (char *)p;

	CHECK(1, p > 0 || p < -4096);
	c[0] = 1;
	c[3 * PAGE - 1] = 2;
	CHECK(2, c[0] == 1 && c[PAGE] == 0);
	CHECK(3, sys3(mprotect, c, PAGE, PROT_READ) == 0);
	CHECK(4, c[0] == 1);
	CHECK(5, USER_NOMMU || child_status(write_byte, c) == 11);
	CHECK(6, child_status(write_byte, c + PAGE) == 0);
	c[PAGE] = 3;
	CHECK(12, sys3(madvise, c + PAGE, PAGE, MADV_DONTNEED) == 0 && c[PAGE] == 0);
	CHECK(13, sys3(madvise, c + PAGE, PAGE, 77) == -EINVAL);
	if (USER_NOMMU) {	/* only whole mappings go; no fixed addresses */
		CHECK(14, sys2(munmap, c, PAGE) == -EINVAL);
		CHECK(15, sys6(mmap, c, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
			       -1, 0) == -EINVAL);
	}
	CHECK(7, sys2(munmap, c, 3 * PAGE) == 0);
	CHECK(8, USER_NOMMU || child_status(read_byte, c + PAGE) == 11);
	/* no such fd; without an MMU no file is mapped at all */
	CHECK(9, sys6(mmap, 0, PAGE, PROT_READ, MAP_PRIVATE, 3, 0) == -EBADF);	/* no such fd */
	CHECK(10, sys3(madvise, c, PAGE, MADV_DONTNEED) == -ENOMEM);	/* unmapped now */
	CHECK(11, sys2(munmap, c + 1, PAGE) == -EINVAL);
	return 0;
}

/*
 * Fills a pointer vector at run time: an initialised array of pointers
 * would be data needing relocation, which a static-PIE without a C
 * library does not do.
 */
static const char **vec(const char **v, const char *a, const char *b, const char *c)
{
	v[0] = a;
	v[1] = b;
	v[2] = c;
	v[3] = 0;
	return v;
}

static void noop(void *unused)
{
}

/* Every pointer-taking call, with each bad pointer: -EFAULT, nothing else. */
static int test_efault(unsigned long kernel)
{
	long u = sys6(mmap, 0, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	const char *argv[4];
	int i, st;
	long pid;

	vec(argv, "/utest", 0, 0);
	CHECK(1, sys2(munmap, u, PAGE) == 0);
	pid = fork_or_vfork();
	if (pid == 0)
		sys_exit(9);
	for (i = 0; i < 5; i++) {
		long b = bad_pointer(i, u, kernel);

		CHECK(10 + i, sys1(uname, b) == -EFAULT);
		CHECK(20 + i, sys1(sysinfo, b) == -EFAULT);
		/* NULL is a valid "none" for some: those skip i == 0 */
		CHECK(30 + i, i == 0 || sys1(times, b) == -EFAULT);
		CHECK(40 + i, sys3(getrandom, b, 16, 0) == -EFAULT);
		CHECK(50 + i, i == 0 || sys4(prlimit64, 0, RLIMIT_NPROC, 0, b) == -EFAULT);
		CHECK(60 + i, i == 0 || sys4(prlimit64, 0, RLIMIT_NPROC, b, 0) == -EFAULT);
		CHECK(70 + i, i == 0 || sys4(wait4, pid, b, 0, 0) == -EFAULT);
		CHECK(80 + i, sys3(execve, b, argv, 0) == -EFAULT);
		CHECK(85 + i, sys3(sched_getaffinity, 0, sizeof(long), b) == -EFAULT);
		CHECK(90 + i, i == 0 || sys3(execve, "/utest", b, 0) == -EFAULT);
#if __SYSCALL_TIME32
		CHECK(100 + i, sys2(clock_gettime, 0, b) == -EFAULT);
		CHECK(110 + i, sys2(nanosleep, b, 0) == -EFAULT);
		CHECK(120 + i, i == 0 || sys2(gettimeofday, b, 0) == -EFAULT);
		CHECK(130 + i, sys2(getrlimit, RLIMIT_NPROC, b) == -EFAULT);
#else
		CHECK(100 + i, sys2(clock_gettime64, 0, b) == -EFAULT);
		CHECK(110 + i, sys4(clock_nanosleep_time64, 1, 0, b, 0) == -EFAULT);
#endif
	}
	/* The child was not reaped by the failed calls. */
	CHECK(140, waitpid(pid, &st, 0) == pid && st == 9 << 8);
	{
		unsigned long mask = 0;

		CHECK(142, sys3(sched_getaffinity, 0, sizeof(mask), &mask) == sizeof(mask));
		CHECK(143, mask != 0);
		CHECK(144, sys2(set_robust_list, &mask, 3 * sizeof(long)) == 0);
		CHECK(145, sys2(set_robust_list, &mask, 1) == -EINVAL);
	}
	CHECK(141, child_status(noop, 0) == 0);
	return 0;
}

static int test_fork(void)
{
	int *flag = shared_page(), st = -1;
	long pid = fork();

	if (pid == 0)
		sys_exit(42);
	CHECK(1, pid > 0);
	CHECK(2, waitpid(pid, &st, 0) == pid && st == 42 << 8);
	CHECK(3, waitpid(-1, &st, 0) == -ECHILD);
	pid = fork();
	if (pid == 0) {
		while (!*(volatile int *)flag)
			sys0(sched_yield);
		sys_exit(7);
	}
	CHECK(4, waitpid(pid, &st, WNOHANG) == 0);
	*(volatile int *)flag = 1;
	CHECK(5, waitpid(-1, &st, 0) == pid && st == 7 << 8);
	CHECK(6, waitpid(pid, &st, 0x1000) == -EINVAL);
	CHECK(7, sys0(getppid) >= 0 && sys0(getpid) == sys0(gettid));
	return 0;
}

static int test_vfork(void)
{
	int st = -1;
	long pid;

	vfork_mark = 0;
	pid = sys5(clone, CLONE_VM | CLONE_VFORK | SIGCHLD, 0, 0, 0, 0);
	if (pid == 0) {
		vfork_mark = 1;		/* the parent's memory: it sleeps until we exit */
		sys_exit(3);
	}
	CHECK(1, pid > 0 && vfork_mark == 1);
	CHECK(2, waitpid(pid, &st, 0) == pid && st == 3 << 8);
	/* A vfork with its own memory is not done; handlers need the memory (Linux). */
	CHECK(3, sys5(clone, CLONE_VFORK | SIGCHLD, 0, 0, 0, 0) == -EINVAL);
	CHECK(4, sys5(clone, CLONE_SIGHAND | SIGCHLD, 0, 0, 0, 0) == -EINVAL);
	return 0;
}

/*
 * Without an MMU: the child and grandchild are new programs (vfork +
 * exec: /utest orphan-mid <reaper>, which starts /utest orphan-leaf
 * <reaper> <its pid>); the leaf waits to be orphaned and exits 0 if the
 * reaper got it, and the ktest reaps it.
 */
static int test_orphan_nommu(const char *reaper, char **envp)
{
	const char *v[5];
	int st = -1;
	long child;

	vec(v, "/utest", "orphan-mid", reaper);
	child = vfork();
	if (child == 0) {
		sys3(execve, "/utest", v, envp);
		sys_exit(98);
	}
	CHECK(1, child > 0 && waitpid(child, &st, 0) == child && st == 0);
	CHECK(3, waitpid(-1, &st, 0) == -ECHILD);	/* the grandchild is not ours */
	return 0;
}

static int test_orphan_mid(const char *reaper, char **envp)
{
	char self[24];
	const char *v[5];

	vec(v, "/utest", "orphan-leaf", reaper);
	v[3] = utoa(sys0(getpid), self);
	v[4] = 0;
	if (vfork() == 0) {
		sys3(execve, "/utest", v, envp);
		sys_exit(98);
	}
	return 0;	/* the leaf has exec'd: it outlives us */
}

static int test_orphan_leaf(long reaper, long parent)
{
	while (sys0(getppid) == parent)
		sys0(sched_yield);
	CHECK(1, sys0(getppid) == reaper);
	return 0;
}

/* The grandchild outlives its parent and is handed to the reaper (pid in argv[2]). */
static int test_orphan(long reaper)
{
	int *shm = shared_page(), st = -1;
	long child = fork();

	if (child == 0) {
		long parent = sys0(getpid);

		if (fork() == 0) {
			while (sys0(getppid) == parent)
				sys0(sched_yield);
			shm[1] = sys0(getppid);
			*(volatile int *)shm = 1;
			sys_exit(0);
		}
		sys_exit(0);
	}
	CHECK(1, waitpid(child, &st, 0) == child && st == 0);
	while (!*(volatile int *)shm)
		sys0(sched_yield);
	CHECK(2, shm[1] == reaper);
	CHECK(3, waitpid(-1, &st, 0) == -ECHILD);	/* the grandchild is not ours */
	return 0;
}

static int test_forkbomb(void)
{
	unsigned long long lim[2] = { 16, 16 };	/* struct rlimit64 */
	int *flag = shared_page(), st;
	long pid, n = 0, reaped = 0;

	CHECK(1, sys4(prlimit64, 0, RLIMIT_NPROC, lim, 0) == 0);
	for (;;) {
		pid = fork();
		if (pid == 0) {
			while (!*(volatile int *)flag)
				sys0(sched_yield);
			sys_exit(0);
		}
		if (pid < 0)
			break;
		n++;
	}
	CHECK(2, pid == -EAGAIN && n > 0 && n < 16);
	*(volatile int *)flag = 1;
	while (waitpid(-1, &st, 0) > 0)
		reaped++;
	CHECK(3, reaped == n);
	return 0;
}

static int test_exec(char **envp)
{
	const char *v[4];

	CHECK(1, sys3(execve, "/missing", vec(v, "/missing", 0, 0), envp) == -ENOENT);
	CHECK(2, sys3(execve, "/bad", vec(v, "/bad", 0, 0), envp) == -ENOEXEC);
	CHECK(5, sys3(execve, "/loop", vec(v, "/loop", 0, 0), envp) == -ELOOP);
	if (fork_or_vfork() == 0) {
		sys3(execve, "/script", vec(v, "/script", "x", 0), envp);
		sys_exit(3);
	}
	sys3(execve, "/utest", vec(v, "/utest", "exit", "5"), envp);
	return 4;
}

/* #!/utest script: argv is /utest, script, /script, x */
static int test_script(int argc, char **argv)
{
	CHECK(1, argc == 4 && !strcmp(argv[2], "/script") && !strcmp(argv[3], "x"));
	return 0;
}

/*
 * Maps and touches memory until the kernel has none left: it must kill
 * us (SIGKILL) -- or, without an MMU, where mmap hands out the memory
 * at once, refuse with -ENOMEM (then the exit status is 0).
 */
static int test_hog(void)
{
	const unsigned long chunk = 1UL << 20;
	long n = 0;

	for (;;) {
		long p = sys6(mmap, 0, chunk, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS,
			      -1, 0);
		unsigned long a;

		if (p < 0 && p > -4096 && USER_NOMMU)
			return p == -ENOMEM && n > 0 ? 0 : 3;
		if (p < 0 && p > -4096)
			return p == -ENOMEM ? 2 : 1;	/* the commit limit, or no room */
		n++;
		for (a = 0; a < chunk; a += PAGE)
			*(volatile char *)(p + a) = 1;
	}
}

/* The benchmarks' loops (process_bench.c): n getpid calls, or n fork (vfork) + exit + wait. */
static int bench_loop(int forks, long n)
{
	long i, pid;
	int st;

	for (i = 0; i < n; i++) {
		if (!forks) {
			sys0(getpid);
			continue;
		}
		pid = fork_or_vfork();
		if (pid == 0)
			sys_exit(0);
		if (pid < 0 || waitpid(pid, &st, 0) != pid)
			return 1;
	}
	return 0;
}

static void set_f8(unsigned long long v)
{
	__asm__ __volatile__(".option push\n.option arch, +d\nfld f8, 0(%0)\n.option pop"
			     :: "r"(&v) : "memory");
}

static unsigned long long get_f8(void)
{
	unsigned long long v;

	__asm__ __volatile__(".option push\n.option arch, +d\nfsd f8, 0(%0)\n.option pop"
			     :: "r"(&v) : "memory");
	return v;
}

/* FP registers: zero after exec, each process's own across switches, copied by fork. */
static int test_fp(void)
{
	int i, st;
	long pid;

	if (!(at_hwcap & (1UL << ('d' - 'a'))))
		return 0;	/* no D extension: nothing to keep */
	CHECK(1, get_f8() == 0);
	set_f8(0x1111);
	pid = fork();
	if (pid == 0) {
		if (get_f8() != 0x1111)
			sys_exit(5);
		set_f8(0x2222);
		for (i = 0; i < 20; i++)
			sys0(sched_yield);
		sys_exit(get_f8() == 0x2222 ? 0 : 6);
	}
	for (i = 0; i < 20; i++)
		sys0(sched_yield);
	CHECK(2, get_f8() == 0x1111);
	CHECK(3, waitpid(pid, &st, 0) == pid);
	CHECK(4, st == 0);
	return 0;
}

/* Without an MMU: fork is -ENOSYS, and clone with CLONE_VM alone (a thread) -EINVAL. */
static int test_nofork(void)
{
	int st;

	CHECK(1, fork() == -ENOSYS);
	CHECK(2, sys5(clone, CLONE_VM | SIGCHLD, 0, 0, 0, 0) == -EINVAL);
	CHECK(3, waitpid(-1, &st, WNOHANG) == -ECHILD);
	return 0;
}

/*
 * vfork, then exec in the child (argv[2] == "where": the child is
 * /utest where <our _start>, which must be elsewhere) and wait: the
 * parent's memory is as it left it, and both programs ran at once.
 */
static int test_vforkexec(char **envp, int where)
{
	char here[24];
	volatile int mark = 5;
	const char *v[4];
	int st = -1;
	long pid;

	vec(v, "/utest", where ? "where" : "exit", where ? utoa((unsigned long)_start, here) : "7");
	pid = vfork();
	if (pid == 0) {
		sys3(execve, "/utest", v, envp);
		sys_exit(99);
	}
	CHECK(1, pid > 0 && mark == 5);
	CHECK(2, waitpid(pid, &st, 0) == pid);
	CHECK(3, st == (where ? 0 : 7 << 8));
	return 0;
}

/* The child of test_vforkexec: another copy of the program, at another address. */
static int test_where(unsigned long parent_start)
{
	CHECK(1, parent_start != 0 && (unsigned long)_start != parent_start);
	return 0;
}

static int one(void)
{
	return 1;
}

static int two(void)
{
	return 2;
}

/*
 * Absolute addresses in initialised data: R_RISCV_RELATIVE relocations
 * in a PIE.  Not static and not const, so the compiler must load them.
 */
const char *reloc_words[] = { "alpha", "beta" };
int (*reloc_fns[])(void) = { one, two };
const char **reloc_words_p = reloc_words;

static int test_reloc(void)
{
	CHECK(1, !strcmp(reloc_words[0], "alpha") && !strcmp(reloc_words[1], "beta"));
	CHECK(2, reloc_fns[0]() == 1 && reloc_fns[1]() == 2);
	CHECK(3, reloc_words_p == reloc_words && reloc_words_p[1] == reloc_words[1]);
	CHECK(4, (unsigned long)reloc_fns[1] == (unsigned long)two);
	return 0;
}

/*
 * The counters user mode may read (the kernel's scounteren): rdinstret
 * counts the instructions between two reads, rdcycle and rdtime do not
 * go back.  A counter the kernel left off is an illegal instruction:
 * SIGILL, not this exit status.
 */
static int test_counters(void)
{
	unsigned long i0, i1, c0, c1, t0, t1;

	__asm__ __volatile__("rdinstret %0" : "=r"(i0));
	__asm__ __volatile__("rdcycle %0" : "=r"(c0));
	__asm__ __volatile__("rdtime %0" : "=r"(t0));
	__asm__ __volatile__("rdinstret %0" : "=r"(i1));
	__asm__ __volatile__("rdcycle %0" : "=r"(c1));
	__asm__ __volatile__("rdtime %0" : "=r"(t1));
	CHECK(1, (long)(i1 - i0) >= 3);		/* the reads in between, at least */
	CHECK(2, (long)(c1 - c0) >= 0);
	CHECK(3, (long)(t1 - t0) >= 0);
	return 0;
}

static int run(int argc, char **argv, char **envp, unsigned long *auxv)
{
	const char *t = argc > 1 ? argv[1] : "";

	if (!strcmp(t, "exit"))
		return atol(argv[2]);
	if (!strcmp(t, "args"))
		return test_args(argc, argv, envp, auxv);
	if (!strcmp(t, "segv"))
		write_byte(launder(16));
	if (!strcmp(t, "kernel"))
		read_byte(launder(~0UL - 0xfff));
	if (!strcmp(t, "ill"))
		__asm__ __volatile__(".word 0");
	if (!strcmp(t, "brk"))
		return test_brk();
	if (!strcmp(t, "mmap"))
		return test_mmap();
	if (!strcmp(t, "efault"))
		return test_efault(argc > 2 ? (unsigned long)atol(argv[2]) : 0);
	if (!strcmp(t, "nofork"))
		return test_nofork();
	if (!strcmp(t, "vforkexec"))
		return test_vforkexec(envp, argc > 2);
	if (!strcmp(t, "where"))
		return test_where((unsigned long)atol(argv[2]));
	if (!strcmp(t, "reloc"))
		return test_reloc();
	if (!strcmp(t, "counters"))
		return test_counters();
	if (!strcmp(t, "fork"))
		return test_fork();
	if (!strcmp(t, "vfork"))
		return test_vfork();
	if (!strcmp(t, "orphan") && USER_NOMMU)
		return test_orphan_nommu(argv[2], envp);
	if (!strcmp(t, "orphan"))
		return test_orphan(atol(argv[2]));
	if (!strcmp(t, "orphan-mid"))
		return test_orphan_mid(argv[2], envp);
	if (!strcmp(t, "orphan-leaf"))
		return test_orphan_leaf(atol(argv[2]), atol(argv[3]));
	if (!strcmp(t, "forkbomb"))
		return test_forkbomb();
	if (!strcmp(t, "exec"))
		return test_exec(envp);
	if (!strcmp(t, "hog"))
		return test_hog();
	if (!strcmp(t, "fp"))
		return test_fp();
	if (!strcmp(t, "script"))
		return test_script(argc, argv);
	if (!strcmp(t, "getpid") || !strcmp(t, "forkloop"))
		return bench_loop(t[0] == 'f', atol(argv[2]));
	return 99;
}

void __attribute__((noreturn)) ustart(unsigned long *sp);

void ustart(unsigned long *sp)
{
	int argc = (int)sp[0];
	char **argv = (char **)(sp + 1), **envp = argv + argc + 1, **e = envp;

	initial_sp = (unsigned long)sp;
	while (*e)
		e++;
	for (unsigned long *a = (unsigned long *)(e + 1); a[0]; a += 2)
		if (a[0] == AT_HWCAP)
			at_hwcap = a[1];
	sys_exit(run(argc, argv, envp, (unsigned long *)(e + 1)));
}
