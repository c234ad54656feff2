/* SPDX-License-Identifier: MIT */
/*
 * The architecture's half of the uaccess helpers (<tern/uaccess.h>): the
 * copy routines of arch/riscv/lib/uaccess.S and the single loads and
 * stores of get_user/put_user.  Every instruction that touches user
 * memory has an exception-table entry (asm/extable.h), so a fault there
 * resumes at a fixup that makes the helper fail; sstatus.SUM, which lets
 * S-mode reach pages marked U, is set around those instructions and
 * nowhere else (the trap entry clears it for the handler, and the
 * return restores it).  None of these checks the address: callers use
 * access_ok first.
 */
#ifndef ASM_UACCESS_H
#define ASM_UACCESS_H

#include <asm/csr.h>
#include <asm/extable.h>
#include <tern/errno.h>
#include <tern/types.h>

/* Copies n bytes between to and from (either may be user memory); the bytes not copied. */
unsigned long __asm_copy_user(void *to, const void *from, unsigned long n);

/* Zeroes n bytes of user memory; the bytes not zeroed. */
unsigned long __asm_clear_user(void __user *to, unsigned long n);

/*
 * Copies bytes from src to dst up to and including a NUL, at most count
 * (> 0): the string's length without the NUL, count when there was no
 * NUL in count bytes, -EFAULT when a byte could not be read.
 */
long __asm_strncpy_from_user(char *dst, const char __user *src, long count);

/*
 * Converts between a user word and the type T of *p, pointers included,
 * without a warning about sizes: through the integer type of (T - T).
 */
#define __uaccess_cast(p, v)	((__typeof__(*(p)))(__typeof__(*(p) - *(p)))(v))

/* One load from the user address p into x; err becomes -EFAULT (and x 0) if it faults. */
#define __get_user_insn(insn, x, p, err) do {				\
	unsigned long __v;						\
	__asm__ __volatile__(						\
		"	csrs	sstatus, %[sum]\n"			\
		"1:	" insn "	%[v], 0(%[a])\n"			\
		"	j	3f\n"					\
		"2:	li	%[e], %[efault]\n"			\
		"	li	%[v], 0\n"				\
		"3:	csrc	sstatus, %[sum]\n"			\
		ASM_EXTABLE(1b, 2b)					\
		: [e] "+r"(err), [v] "=&r"(__v)				\
		: [a] "r"(p), [sum] "r"(SR_SUM), [efault] "i"(-EFAULT)	\
		: "memory");						\
	(x) = __uaccess_cast(p, __v);					\
} while (0)

/* One store of word to the user address p; err becomes -EFAULT if it faults. */
#define __put_user_insn(insn, word, p, err)				\
	__asm__ __volatile__(						\
		"	csrs	sstatus, %[sum]\n"			\
		"1:	" insn "	%[v], 0(%[a])\n"			\
		"	j	3f\n"					\
		"2:	li	%[e], %[efault]\n"			\
		"3:	csrc	sstatus, %[sum]\n"			\
		ASM_EXTABLE(1b, 2b)					\
		: [e] "+r"(err)						\
		: [v] "r"(word), [a] "r"(p), [sum] "r"(SR_SUM),		\
		  [efault] "i"(-EFAULT)					\
		: "memory")

#if __riscv_xlen == 64
#define __UACCESS_LD	"ld"
#define __UACCESS_SD	"sd"
#else
/* A u64 on rv32 goes through the copy routine: the cases below never reach these. */
#define __UACCESS_LD	"unreachable"
#define __UACCESS_SD	"unreachable"
#endif

#define __get_user_nocheck(x, p, err) do {				\
	_Static_assert(sizeof(*(p)) <= sizeof(u64), "get_user: at most 8 bytes"); \
	switch (sizeof(*(p))) {						\
	case 1: __get_user_insn("lb", x, p, err); break;		\
	case 2: __get_user_insn("lh", x, p, err); break;		\
	case 4: __get_user_insn("lw", x, p, err); break;		\
	default:							\
		if (sizeof(*(p)) == 8 && __riscv_xlen == 64) {		\
			__get_user_insn(__UACCESS_LD, x, p, err);	\
		} else {						\
			u64 __w = 0;					\
			if (__asm_copy_user(&__w, (const void *)(p), sizeof(*(p)))) { \
				__w = 0;				\
				(err) = -EFAULT;			\
			}						\
			(x) = __uaccess_cast(p, __w);			\
		}							\
	}								\
} while (0)

#define __put_user_nocheck(x, p, err) do {				\
	__typeof__(*(p)) __pv = (x);					\
	unsigned long __pw = (unsigned long)(__typeof__(__pv - __pv))__pv; \
	_Static_assert(sizeof(*(p)) <= sizeof(u64), "put_user: at most 8 bytes"); \
	switch (sizeof(*(p))) {						\
	case 1: __put_user_insn("sb", __pw, p, err); break;		\
	case 2: __put_user_insn("sh", __pw, p, err); break;		\
	case 4: __put_user_insn("sw", __pw, p, err); break;		\
	default:							\
		if (sizeof(*(p)) == 8 && __riscv_xlen == 64)		\
			__put_user_insn(__UACCESS_SD, __pw, p, err);	\
		else if (__asm_copy_user((void *)(p), &__pv, sizeof(__pv))) \
			(err) = -EFAULT;				\
	}								\
} while (0)

#endif
