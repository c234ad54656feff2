// SPDX-License-Identifier: MIT
/*
 * The thread ktests' user program (usr/ktest/thread_ktest.c runs it):
 * threads made with raw clone/clone3 as glibc's pthread_create makes
 * them, futexes, joins through CLONE_CHILD_CLEARTID, robust lists.
 * argv[1] names a test; the exit status is 0 when every check passed,
 * else the number of the failed check.  Built as a static executable
 * and as a static-PIE, like utest.c.
 */
#include "user.h"

#define EFAULT		14
#define EAGAIN		11
#define EINVAL		22
#define ENOSYS		38
#define E2BIG		7
#define ECHILD		10
#define ETIMEDOUT	110
#define PAGE		4096UL
#define PROT_RW		3
#define MAP_PRIVATE	2
#define MAP_ANONYMOUS	0x20

#define CLONE_FS		0x200
#define CLONE_FILES		0x400
#define CLONE_THREAD		0x10000
#define CLONE_SYSVSEM		0x40000
#define CLONE_SETTLS		0x80000
#define CLONE_PARENT_SETTID	0x100000
#define CLONE_CHILD_CLEARTID	0x200000
/* glibc's pthread_create */
#define THREAD_FLAGS	(CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD | \
			 CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID)

#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_REQUEUE		3
#define FUTEX_WAIT_BITSET	9
#define FUTEX_WAKE_BITSET	10
#define FUTEX_PRIVATE		128
#define FUTEX_CLOCK_REALTIME	256
#define FUTEX_WAITERS		0x80000000u
#define FUTEX_OWNER_DIED	0x40000000u
#define CLOCK_MONOTONIC		1

#if __riscv_xlen == 64
#define __NR_FUTEX	__NR_futex
#else
#define __NR_FUTEX	__NR_futex_time64
#endif

#define CHECK(n, cond)	do { if (!(cond)) sys_exit_group(n); } while (0)

struct ts64 {
	long long sec, nsec;
};

struct clone_args {
	unsigned long long flags, pidfd, child_tid, parent_tid, exit_signal, stack, stack_size,
			   tls, set_tid, set_tid_size, cgroup;
};

static void __attribute__((noreturn)) sys_exit_group(int code)
{
	sys1(exit_group, code);
	for (;;)
		;
}

static char *utoa(unsigned long v, char *end)
{
	*--end = 0;
	do
		*--end = (char)('0' + v % 10);
	while (v /= 10);
	return end;
}

static long futex(volatile int *w, int op, int val, const struct ts64 *ts, int val3)
{
	return sys6(FUTEX, w, op, val, ts, 0, val3);
}

/*
 * Waits a little for another thread, asleep (a 100 us futex timeout).
 * Not a busy loop of sched_yield: with one, a new thread placed on
 * another hart was seen never to start (Documentation/threads.md, not
 * done), and these tests are about threads, not that.
 */
static void relax(void)
{
	static volatile int never;
	struct ts64 t = { 0, 100000 };

	futex(&never, FUTEX_WAIT | FUTEX_PRIVATE, 0, &t, 0);
}

/*
 * clone_thread(flags, stack_top, ptid, tls, ctid, fn, arg): the child
 * starts on stack_top with fn and arg pushed there, runs fn(arg) and
 * exits (the thread alone) with its result.  The parent gets the tid.
 */
long clone_thread(unsigned long flags, void *stack, volatile int *ptid, void *tls,
		  volatile int *ctid, int (*fn)(void *), void *arg);
#if __riscv_xlen == 64
#define SZ	"8"
#define LDR	"ld"
#define STR	"sd"
#else
#define SZ	"4"
#define LDR	"lw"
#define STR	"sw"
#endif
__asm__(".text\n"
	".globl clone_thread\n"
	"clone_thread:\n"
	"	addi	a1, a1, -16\n"
	"	" STR "	a5, 0(a1)\n"
	"	" STR "	a6, " SZ "(a1)\n"
	"	li	a7, 220\n"
	"	ecall\n"
	"	beqz	a0, 1f\n"
	"	ret\n"
	"1:	" LDR "	a1, 0(sp)\n"
	"	" LDR "	a0, " SZ "(sp)\n"
	"	jalr	a1\n"
	"	li	a7, 93\n"
	"	ecall\n"
	"2:	j	2b\n");

static unsigned long tp_now(void)
{
	unsigned long tp;

	__asm__ __volatile__("mv %0, tp" : "=r"(tp));
	return tp;
}

static void *map_pages(unsigned long n)
{
	long p = sys6(mmap, 0, n * PAGE, PROT_RW, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	return p < 0 && p > -4096 ? 0 : (void *)p;
}

struct thread {
	volatile int tid;	/* as glibc's: CLONE_PARENT_SETTID sets it before the */
				/* thread runs, CLONE_CHILD_CLEARTID clears it at its exit */
	char *stack;		/* its top */
};

/* A thread as pthread_create makes one; the tid or -errno. */
static long spawn(struct thread *t, int (*fn)(void *), void *arg, void *tls)
{
	if (!t->stack) {
		char *s = map_pages(4);

		if (!s)
			return -12;
		t->stack = s + 4 * PAGE;
	}
	t->tid = -1;
	return clone_thread(THREAD_FLAGS, t->stack, &t->tid, tls, &t->tid, fn, arg);
}

/* pthread_join: waits (shared futex, as glibc) until the kernel zeroed the tid. */
static void join(struct thread *t)
{
	int tid;

	while ((tid = t->tid) != 0)
		futex(&t->tid, FUTEX_WAIT, tid, 0, 0);
}

/* ---- a futex mutex (0 free, 1 taken, 2 taken with waiters) ---- */

/* Compare-and-swap: the value found (old when it swapped). */
static int cas(volatile int *p, int old, int new)
{
	__atomic_compare_exchange_n(p, &old, new, 0, __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST);
	return old;
}

static void lock(volatile int *m)
{
	int c = cas(m, 0, 1);

	if (c == 0)
		return;
	if (c != 2)
		c = __atomic_exchange_n(m, 2, __ATOMIC_SEQ_CST);
	while (c != 0) {
		futex(m, FUTEX_WAIT | FUTEX_PRIVATE, 2, 0, 0);
		c = __atomic_exchange_n(m, 2, __ATOMIC_SEQ_CST);
	}
}

static void unlock(volatile int *m)
{
	if (__atomic_fetch_sub(m, 1, __ATOMIC_SEQ_CST) != 1) {
		*m = 0;
		futex(m, FUTEX_WAKE | FUTEX_PRIVATE, 1, 0, 0);
	}
}

/* ---- counter: threads on a futex mutex, joined through CLONE_CHILD_CLEARTID ---- */

#define ROUNDS		3000
#define WORKERS		3

static volatile int mutex;
static volatile long counter, racy;
static volatile int seen_pid[WORKERS + 1], seen_tid[WORKERS + 1], tls_ok[WORKERS + 1];
static int tids[WORKERS + 1];
static unsigned long tls_blocks[WORKERS + 1][4];

static int worker(void *arg)
{
	long i = (long)arg;

	seen_pid[i] = (int)sys0(getpid);
	seen_tid[i] = (int)sys0(gettid);
	tls_ok[i] = tp_now() == (unsigned long)tls_blocks[i];
	for (int n = 0; n < ROUNDS; n++) {
		lock(&mutex);
		racy = racy + 1;	/* a plain read-modify-write: the lock must hold */
		counter++;
		unlock(&mutex);
		if (!(n & 63))
			sys0(sched_yield);
	}
	return 0;
}

static int test_counter(void)
{
	static struct thread t[WORKERS + 1];
	int pid = (int)sys0(getpid), st;

	for (long i = 1; i <= WORKERS; i++) {
		long tid = spawn(&t[i], worker, (void *)i, tls_blocks[i]);

		CHECK(1, tid > 0);
		/* CLONE_PARENT_SETTID wrote it before the thread ran; 0 if it is gone */
		CHECK(2, t[i].tid == tid || t[i].tid == 0);
		tids[i] = (int)tid;
	}
	worker((void *)0);
	for (int i = 1; i <= WORKERS; i++)
		join(&t[i]);
	CHECK(3, counter == (WORKERS + 1) * ROUNDS && racy == counter);
	for (int i = 1; i <= WORKERS; i++) {
		CHECK(4, seen_pid[i] == pid);
		CHECK(5, seen_tid[i] == tids[i] && seen_tid[i] != pid);
		CHECK(6, tls_ok[i]);
	}
	CHECK(7, sys0(gettid) == pid);
	CHECK(8, waitpid(-1, &st, WNOHANG) == -ECHILD);	/* threads are nobody's children */
	return 0;
}

/* ---- futex calls and their errors ---- */

static volatile int word, started, woken_ok;

static int waiter(void *arg)
{
	int bitset = (int)(long)arg;

	started = 1;
	while (word == 0) {
		long r = bitset ? futex(&word, FUTEX_WAIT_BITSET | FUTEX_PRIVATE, 0, 0, bitset)
				: futex(&word, FUTEX_WAIT, 0, 0, 0);

		if (r == 0)
			woken_ok = 1;
	}
	return 0;
}

/* Wakes (op) the waiter on word until one is woken; then lets it go. */
static int wake_one(int op, int bitset)
{
	long r;

	while ((r = futex(&word, op, 1, 0, bitset)) == 0)
		relax();
	word = 1;
	futex(&word, FUTEX_WAKE, 1 << 30, 0, 0);
	return (int)r;
}

/*
 * A shared futex in a MAP_SHARED page wakes a waiter in another process
 * (keyed by the physical page, not by address space).  The child waits
 * in short timed waits, so that a wake that cannot reach it still ends.
 */
static int shared_futex_across_processes(void)
{
	volatile int *w = (volatile int *)sys6(mmap, 0, PAGE, PROT_RW, 1 /* MAP_SHARED */ |
						   MAP_ANONYMOUS, -1, 0);
	struct ts64 ms = { 0, 1000000 };
	long pid, r = 0;
	int st = -1;

	if ((long)w < 0 && (long)w > -4096)
		return 0;
	w[0] = 0;	/* the futex */
	w[1] = 0;	/* the child was woken */
	pid = fork();
	if (pid == 0) {
		while (w[0] == 0)
			if (futex(&w[0], FUTEX_WAIT, 0, &ms, 0) == 0)
				w[1] = 1;
		sys_exit(0);
	}
	for (long i = 0; i < 100000 && (r = futex(&w[0], FUTEX_WAKE, 1, 0, 0)) == 0; i++)
		relax();
	w[0] = 1;
	futex(&w[0], FUTEX_WAKE, 1, 0, 0);
	return pid > 0 && r == 1 && waitpid(pid, &st, 0) == pid && st == 0 && w[1] == 1;
}

static int test_futex(void)
{
	static struct thread t;
	struct ts64 ms = { 0, 1000000 }, past = { 0, 1 }, bad = { 0, 2000000000 };
	volatile int *unmapped = (volatile int *)16;

	word = 5;
	CHECK(1, futex(&word, FUTEX_WAIT, 4, 0, 0) == -EAGAIN);
	CHECK(2, futex(&word, FUTEX_WAIT | FUTEX_PRIVATE, 5, &ms, 0) == -ETIMEDOUT);
	CHECK(3, futex(unmapped, FUTEX_WAIT, 0, 0, 0) == -EFAULT);
	CHECK(4, futex((volatile int *)((char *)&word + 1), FUTEX_WAKE, 1, 0, 0) == -EINVAL);
	CHECK(5, futex(&word, FUTEX_REQUEUE, 1, 0, 0) == -ENOSYS);
	CHECK(6, futex(&word, 99, 1, 0, 0) == -ENOSYS);
	CHECK(7, futex(&word, FUTEX_WAKE | FUTEX_CLOCK_REALTIME, 1, 0, 0) == -ENOSYS);
	CHECK(8, futex(&word, FUTEX_WAKE, 1, 0, 0) == 0);
	CHECK(9, futex(&word, FUTEX_WAIT_BITSET, 5, 0, 0) == -EINVAL);	/* bitset 0 */
	/* absolute deadlines, long past, on both clocks */
	CHECK(10, futex(&word, FUTEX_WAIT_BITSET, 5, &past, -1) == -ETIMEDOUT);
	CHECK(11, futex(&word, FUTEX_WAIT_BITSET | FUTEX_CLOCK_REALTIME, 5, &past, -1) ==
		  -ETIMEDOUT);
	CHECK(12, futex(&word, FUTEX_WAIT, 5, &bad, 0) == -EINVAL);
	CHECK(13, futex(&word, FUTEX_WAIT, 5, (struct ts64 *)16, 0) == -EFAULT);
	/* a waiter is woken by FUTEX_WAKE */
	word = 0;
	started = woken_ok = 0;
	CHECK(20, spawn(&t, waiter, 0, 0) > 0);
	while (!started)
		relax();
	CHECK(21, wake_one(FUTEX_WAKE, 0) == 1);
	join(&t);
	CHECK(22, woken_ok);
	/* bitsets: a wake for other bits leaves the waiter asleep */
	word = 0;
	started = woken_ok = 0;
	CHECK(30, spawn(&t, waiter, (void *)2L, 0) > 0);
	while (!started)
		relax();
	for (int i = 0; i < 50; i++)
		CHECK(31, futex(&word, FUTEX_WAKE_BITSET | FUTEX_PRIVATE, 1, 0, 1) == 0);
	CHECK(32, wake_one(FUTEX_WAKE_BITSET | FUTEX_PRIVATE, 2 | 4) == 1);
	join(&t);
	CHECK(33, woken_ok);
	CHECK(40, shared_futex_across_processes());
	return 0;
}

/* ---- exit_group ends threads asleep in futex waits and spinning ---- */

static volatile int forever, spinning, spinning_stop;	/* stop: never set */

static int sleeper(void *arg)
{
	__atomic_add_fetch(&started, 1, __ATOMIC_SEQ_CST);
	while (!spinning_stop)
		futex(&forever, FUTEX_WAIT | FUTEX_PRIVATE, 0, 0, 0);
	return 0;
}

static int spinner(void *arg)
{
	__atomic_add_fetch(&started, 1, __ATOMIC_SEQ_CST);
	while (!spinning_stop)
		spinning++;
	return 0;
}

static int group_exiter(void *arg)
{
	while (started < 3)
		relax();
	sys_exit_group(9);
}

static int test_exit_group(int from_thread)
{
	static struct thread t[4];

	started = 0;
	CHECK(1, spawn(&t[0], sleeper, 0, 0) > 0);
	CHECK(2, spawn(&t[1], sleeper, 0, 0) > 0);
	CHECK(3, spawn(&t[2], spinner, 0, 0) > 0);
	if (from_thread) {
		CHECK(4, spawn(&t[3], group_exiter, 0, 0) > 0);
		for (;;)	/* the leader asleep too: a thread ends the group */
			futex(&forever, FUTEX_WAIT, 0, 0, 0);
	}
	while (started < 3)
		relax();
	sys_exit_group(7);
}

/* The leader exits first; the group's status is the last thread's group exit. */
static int late(void *arg)
{
	for (int i = 0; i < 100; i++)
		relax();
	sys_exit_group(5);
}

static int test_leader_first(void)
{
	static struct thread t;

	CHECK(1, spawn(&t, late, 0, 0) > 0);
	sys_exit(0);	/* the leader alone: no zombie for the parent yet */
}

/* ---- execve from a thread that is not the leader ---- */

static char pidbuf[24];

static int execer(void *arg)
{
	char *pid = utoa((unsigned long)sys0(getpid), pidbuf + sizeof(pidbuf));
	const char *argv[] = { "/uthread", "checkpid", pid, 0 };

	while (started < 1)
		relax();
	sys3(execve, "/uthread", argv, 0);
	sys_exit_group(90);	/* the exec failed */
}

static int test_exec_thread(void)
{
	static struct thread t[3];

	started = 0;
	CHECK(1, spawn(&t[0], sleeper, 0, 0) > 0);
	CHECK(2, spawn(&t[1], execer, 0, 0) > 0);
	for (;;)
		futex(&forever, FUTEX_WAIT | FUTEX_PRIVATE, 0, 0, 0);
}

static int test_checkpid(long pid)
{
	CHECK(1, sys0(getpid) == pid);
	CHECK(2, sys0(gettid) == pid);	/* the exec'ing thread took the group's pid */
	return 0;
}

/* ---- robust lists: a lock whose owner died gets FUTEX_OWNER_DIED ---- */

struct robust_head {
	void *next;
	long offset;
	void *pending;
};

struct robust_lock {
	void *next;		/* the list entry */
	volatile int word;	/* the futex: owner's tid */
};

static struct robust_lock rlock;
static volatile int rstage;

static int robust_owner(void *arg)
{
	static struct robust_head head;
	struct robust_lock *loop = arg;

	head.offset = (long)((char *)&rlock.word - (char *)&rlock);
	head.pending = 0;
	if (loop) {
		loop->next = loop;	/* a list that never ends: the walk is bounded */
		head.next = loop;
	} else {
		rlock.word = (int)sys0(gettid);
		rlock.next = &head;
		head.next = &rlock;
	}
	if (sys2(set_robust_list, &head, sizeof(head)) != 0)
		sys_exit_group(50);
	rstage = 1;
	while (rstage == 1 && !loop)	/* until the leader waits for the lock */
		relax();
	return 0;
}

static int test_robust(void)
{
	static struct thread t, u;
	static struct robust_lock loop;
	void *head = 0;
	size_t len = 0;
	int w;

	CHECK(1, sys2(set_robust_list, &rlock, 1) == -EINVAL);
	CHECK(2, sys3(get_robust_list, 0, &head, &len) == 0 && len == 3 * sizeof(long));
	CHECK(3, sys3(get_robust_list, 1 << 28, &head, &len) == -3 /* ESRCH */);
	CHECK(4, spawn(&t, robust_owner, 0, 0) > 0);
	while (rstage == 0)
		relax();
	w = rlock.word;
	CHECK(5, w == t.tid || t.tid == 0);
	/* as glibc: mark waiters, sleep until the owner's death wakes us */
	CHECK(6, __atomic_compare_exchange_n(&rlock.word, &w, w | (int)FUTEX_WAITERS, 0,
					     __ATOMIC_SEQ_CST, __ATOMIC_SEQ_CST));
	rstage = 2;
	while (!(rlock.word & FUTEX_OWNER_DIED))
		futex(&rlock.word, FUTEX_WAIT, w | (int)FUTEX_WAITERS, 0, 0);
	CHECK(7, (unsigned)rlock.word == (FUTEX_OWNER_DIED | FUTEX_WAITERS));
	join(&t);
	/* a looping list: the owner's exit still ends */
	CHECK(8, spawn(&u, robust_owner, &loop, 0) > 0);
	join(&u);
	return 0;
}

/* ---- clone and clone3: invalid flags and arguments ---- */

static int test_einval(void)
{
	struct clone_args a;
	static char big[PAGE + 8];

	CHECK(1, sys5(clone, CLONE_THREAD | CLONE_VM, 0, 0, 0, 0) == -EINVAL);
	CHECK(2, sys5(clone, CLONE_SIGHAND, 0, 0, 0, 0) == -EINVAL);
	CHECK(3, sys5(clone, CLONE_THREAD, 0, 0, 0, 0) == -EINVAL);
	CHECK(4, sys5(clone, 0x80000000UL /* CLONE_IO */, 0, 0, 0, 0) == -EINVAL);
	memset(&a, 0, sizeof(a));
	a.flags = CLONE_THREAD | CLONE_VM;
	CHECK(5, sys2(clone3, &a, sizeof(a)) == -EINVAL);
	a.flags = CLONE_VM | CLONE_SIGHAND | CLONE_THREAD | 17;	/* CSIGNAL bits in flags */
	CHECK(6, sys2(clone3, &a, sizeof(a)) == -EINVAL);
	a.flags = 0;
	CHECK(7, sys2(clone3, &a, 32) == -EINVAL);		/* below the first version */
	CHECK(8, sys2(clone3, big, PAGE + 8) == -E2BIG);	/* above a page */
	memset(big, 0, sizeof(big));
	big[sizeof(a) + 3] = 1;					/* an unknown field set */
	CHECK(9, sys2(clone3, big, sizeof(a) + 8) == -E2BIG);
	a.stack = 0x10000;					/* a stack without a size */
	CHECK(10, sys2(clone3, &a, sizeof(a)) == -EINVAL);
	CHECK(11, sys2(clone3, (void *)16, sizeof(a)) == -EFAULT);
	a.stack = 0;
	a.exit_signal = 300;
	CHECK(12, sys2(clone3, &a, sizeof(a)) == -EINVAL);
	return 0;
}

/* ---- clone3 makes a thread as glibc's pthread_create does ---- */

static int clone3_child_ok;

static int test_clone3(void)
{
	static struct thread t;
	static volatile int ptid;
	struct clone_args a;
	char *stack = map_pages(4);
	long tid;

	CHECK(1, stack != 0);
	memset(&a, 0, sizeof(a));
	a.flags = THREAD_FLAGS;
	a.stack = (unsigned long)stack;
	a.stack_size = 4 * PAGE;
	a.parent_tid = (unsigned long)&ptid;
	a.child_tid = (unsigned long)&t.tid;
	a.tls = 0x1234;
	t.tid = -1;
	tid = sys2(clone3, &a, sizeof(a));
	if (tid == 0) {
		/* The child, on its own stack: no locals of the parent's frame are safe. */
		clone3_child_ok = tp_now() == 0x1234 && sys0(gettid) != sys0(getpid);
		sys_exit(0);
	}
	CHECK(2, tid > 0 && ptid == tid);
	cas(&t.tid, -1, (int)tid);	/* unless the child is gone already */
	join(&t);
	CHECK(3, clone3_child_ok);
	return 0;
}

/* ---- threads until -EAGAIN; the ktest checks every page came back ---- */

#define MAX_LOOP_THREADS	4096

static volatile int gate;

static int gated(void *arg)
{
	while (!gate)
		futex(&gate, FUTEX_WAIT | FUTEX_PRIVATE, 0, 0, 0);
	return 0;
}

static int test_thread_loop(void)
{
	struct thread *t = map_pages((MAX_LOOP_THREADS * sizeof(*t) + PAGE - 1) / PAGE);
	long n, r = 0;

	CHECK(1, t != 0);
	for (n = 0; n < MAX_LOOP_THREADS; n++) {
		char *s = map_pages(1);

		CHECK(2, s != 0);
		t[n].stack = s + PAGE;
		r = spawn(&t[n], gated, 0, 0);
		if (r < 0)
			break;
	}
	CHECK(3, r == -EAGAIN && n > 0);
	gate = 1;
	futex(&gate, FUTEX_WAKE | FUTEX_PRIVATE, 1 << 30, 0, 0);
	for (long i = 0; i < n; i++)
		join(&t[i]);
	/* after the joins (their slots come free just after), a thread can be made again */
	for (long i = 0; (r = spawn(&t[0], gated, 0, 0)) == -EAGAIN && i < 100000; i++)
		relax();
	CHECK(4, r > 0);
	join(&t[0]);
	return 0;
}

static int run(int argc, char **argv)
{
	const char *t = argc > 1 ? argv[1] : "";

	if (!strcmp(t, "counter"))
		return test_counter();
	if (!strcmp(t, "futex"))
		return test_futex();
	if (!strcmp(t, "exitgroup"))
		return test_exit_group(0);
	if (!strcmp(t, "exitgroup-thread"))
		return test_exit_group(1);
	if (!strcmp(t, "leaderfirst"))
		return test_leader_first();
	if (!strcmp(t, "exec"))
		return test_exec_thread();
	if (!strcmp(t, "checkpid"))
		return test_checkpid(atol(argv[2]));
	if (!strcmp(t, "robust"))
		return test_robust();
	if (!strcmp(t, "einval"))
		return test_einval();
	if (!strcmp(t, "clone3"))
		return test_clone3();
	if (!strcmp(t, "threadloop"))
		return test_thread_loop();
	return 99;
}

void __attribute__((noreturn)) ustart(unsigned long *sp);

void ustart(unsigned long *sp)
{
	int argc = (int)sp[0];

	sys_exit_group(run(argc, (char **)(sp + 1)));
}
