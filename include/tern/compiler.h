/* SPDX-License-Identifier: MIT */
/* Compiler attributes and helpers used all over the tree. */
#ifndef TERN_COMPILER_H
#define TERN_COMPILER_H

#define __used		__attribute__((__used__))
#define __unused	__attribute__((__unused__))
#define __noreturn	__attribute__((__noreturn__))
#define __packed	__attribute__((__packed__))
#define __aligned(x)	__attribute__((__aligned__(x)))
#define __section(s)	__attribute__((__section__(s)))
#define __printf(a, b)	__attribute__((__format__(printf, a, b)))
#define __noinline	__attribute__((__noinline__))
/* Rarely run: out of line, optimised for size, its callers for the other path. */
#define __cold		__attribute__((__cold__, __noinline__))
#define __always_inline	inline __attribute__((__always_inline__))
/*
 * A pointer to device registers (ioremap): reach them only through
 * readl/writel and friends (<tern/io.h>).  For the reader; the compiler
 * checks nothing.
 */
#define __iomem
/*
 * A pointer into a user address space: reach it only through the
 * uaccess helpers (<tern/uaccess.h>).  For the reader, like __iomem.
 */
#define __user

#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)

#define ARRAY_SIZE(a)	(sizeof(a) / sizeof((a)[0]))
#define ALIGN_UP(x, a)	(((x) + ((a) - 1)) & ~((__typeof__(x))(a) - 1))
#define ALIGN_DOWN(x, a) ((x) & ~((__typeof__(x))(a) - 1))
#define MIN(a, b)	((a) < (b) ? (a) : (b))
#define MAX(a, b)	((a) > (b) ? (a) : (b))

#define __stringify_1(x)	#x
#define __stringify(x)		__stringify_1(x)

/* Compiler-only barrier: stops gcc from caching memory across it. */
#define barrier()	__asm__ __volatile__("" ::: "memory")

#define READ_ONCE(x)	(*(const volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

#endif
