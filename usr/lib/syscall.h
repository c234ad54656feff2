/* SPDX-License-Identifier: MIT */
/*
 * usr/lib's private system-call layer: Linux's RISC-V ecall convention
 * (number in a7, arguments in a0-a5, result or -errno in a0) and the
 * conversion of a -errno result into picolibc's errno.
 */
#ifndef USR_LIB_SYSCALL_H
#define USR_LIB_SYSCALL_H

#include <sys/syscall.h>

static inline long __sys6(long n, long a, long b, long c, long d, long e, long f)
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

#define __SC(n, a, b, c, d, e, f) __sys6(__NR_##n, (long)(a), (long)(b), (long)(c), \
					 (long)(d), (long)(e), (long)(f))
#define sys0(n)			__SC(n, 0, 0, 0, 0, 0, 0)
#define sys1(n, a)		__SC(n, a, 0, 0, 0, 0, 0)
#define sys2(n, a, b)		__SC(n, a, b, 0, 0, 0, 0)
#define sys3(n, a, b, c)	__SC(n, a, b, c, 0, 0, 0)
#define sys4(n, a, b, c, d)	__SC(n, a, b, c, d, 0, 0)
#define sys5(n, a, b, c, d, e)	__SC(n, a, b, c, d, e, 0)
#define sys6(n, a, b, c, d, e, f) __SC(n, a, b, c, d, e, f)

/* Linux's errno value -> picolibc's (usr/lib/errno.c). */
int __errno_from_linux(int linux_errno);
/* Sets errno from Linux's number; answers -1. */
int __set_errno_linux(int linux_errno);

/* A raw result: -4095..-1 is -errno; sets errno and answers -1 then. */
static inline long __ret(long r)
{
	if ((unsigned long)r > -4096UL)
		return __set_errno_linux((int)-r);
	return r;
}

/* Linux's AT_FDCWD and open flags from picolibc's (usr/lib/fcntl.c). */
int __linux_dirfd(int dirfd);
int __linux_open_flags(int flags);
int __linux_at_flags(int flags);

#endif
