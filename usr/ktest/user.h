/* SPDX-License-Identifier: MIT */
/*
 * A tiny system-call layer for the ktests' user programs (usr/ktest/):
 * the ecall convention of Linux on RISC-V (number in a7, arguments in
 * a0-a5, result or -errno in a0), and the few C-library functions the
 * compiler may call on its own.  No C library: the programs must run on
 * the bare system-call ABI, so they test exactly it.
 */
#ifndef USR_KTEST_USER_H
#define USR_KTEST_USER_H

#include <uapi/asm-generic/unistd.h>

typedef unsigned long size_t;

static inline long __syscall6(long n, long a, long b, long c, long d, long e, long f)
{
	register long a0 __asm__("a0") = a;
	register long a1 __asm__("a1") = b;
	register long a2 __asm__("a2") = c;
	register long a3 __asm__("a3") = d;
	register long a4 __asm__("a4") = e;
	register long a5 __asm__("a5") = f;
	register long a7 __asm__("a7") = n;

	__asm__ __volatile__("ecall" : "+r"(a0) : "r"(a1), "r"(a2), "r"(a3), "r"(a4), "r"(a5),
			     "r"(a7) : "memory");
	return a0;
}

#define sys0(n)			__syscall6(__NR_##n, 0, 0, 0, 0, 0, 0)
#define sys1(n, a)		__syscall6(__NR_##n, (long)(a), 0, 0, 0, 0, 0)
#define sys2(n, a, b)		__syscall6(__NR_##n, (long)(a), (long)(b), 0, 0, 0, 0)
#define sys3(n, a, b, c)	__syscall6(__NR_##n, (long)(a), (long)(b), (long)(c), 0, 0, 0)
#define sys4(n, a, b, c, d)	__syscall6(__NR_##n, (long)(a), (long)(b), (long)(c), (long)(d), 0, 0)
#define sys5(n, a, b, c, d, e)	__syscall6(__NR_##n, (long)(a), (long)(b), (long)(c), (long)(d), \
					   (long)(e), 0)
#define sys6(n, a, b, c, d, e, f) __syscall6(__NR_##n, (long)(a), (long)(b), (long)(c), (long)(d), \
					     (long)(e), (long)(f))

static inline void __attribute__((noreturn)) sys_exit(int code)
{
	sys1(exit, code);
	for (;;)
		;
}

#define SIGCHLD		17
#define CLONE_VM	0x100
#define CLONE_VFORK	0x4000
#define CLONE_SIGHAND	0x800
#define WNOHANG		1

static inline long fork(void)
{
	return sys5(clone, SIGCHLD, 0, 0, 0, 0);
}

/*
 * vfork must not return in the child from a function the parent then
 * returns from as well: a macro, so the ecall is in the caller's frame.
 */
#define vfork()		sys5(clone, CLONE_VM | CLONE_VFORK | SIGCHLD, 0, 0, 0, 0)

/* A child process: fork with an MMU, vfork without one (fork is -ENOSYS there). */
#define fork_or_vfork()	(USER_NOMMU ? vfork() : fork())

static inline long waitpid(long pid, int *status, int options)
{
	return sys4(wait4, pid, status, options, 0);
}

/* ulib.c, linked into every program. */
void *memset(void *s, int c, size_t n);
void *memcpy(void *d, const void *s, size_t n);
int strcmp(const char *a, const char *b);
size_t strlen(const char *s);
long atol(const char *s);
/*
 * The i-th bad pointer for the -EFAULT tests: 0 NULL, 1 the top page
 * (the kernel half), 2 unmapped (the caller's), 3 one that wraps past
 * the end of the address space, 4 and up kernel (the caller's: its text).
 */
long bad_pointer(int i, unsigned long unmapped, unsigned long kernel);

#endif
