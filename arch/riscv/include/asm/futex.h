/* SPDX-License-Identifier: MIT */
/* The atomic compare-and-exchange on a user futex word (kernel/futex.c's robust list). */
#ifndef ASM_FUTEX_H
#define ASM_FUTEX_H

#include <asm/csr.h>
#include <asm/extable.h>
#include <tern/errno.h>
#include <tern/types.h>
#include <tern/uaccess.h>

/*
 * If the user word at uaddr is oldval, makes it newval, atomically
 * (lr/sc); *cur gets the value found.  0, or -EFAULT when the word
 * cannot be read or written (a fault the handler cannot serve).
 */
static inline int futex_cmpxchg_user(u32 *cur, u32 __user *uaddr, u32 oldval, u32 newval)
{
	long old = (long)(s32)oldval, val = 0;
	unsigned long fail;
	int err = 0;

	if (!access_ok(uaddr, sizeof(u32)))
		return -EFAULT;
	__asm__ __volatile__(
		"	csrs	sstatus, %[sum]\n"
		"1:	lr.w.aqrl	%[v], (%[a])\n"
		"	bne	%[v], %[o], 3f\n"
		"2:	sc.w.aqrl	%[f], %[n], (%[a])\n"
		"	bnez	%[f], 1b\n"
		"	j	3f\n"
		"4:	li	%[e], %[efault]\n"
		"3:	csrc	sstatus, %[sum]\n"
		ASM_EXTABLE(1b, 4b)
		ASM_EXTABLE(2b, 4b)
		: [e] "+r"(err), [v] "=&r"(val), [f] "=&r"(fail)
		: [a] "r"(uaddr), [o] "r"(old), [n] "r"((long)(s32)newval),
		  [sum] "r"(SR_SUM), [efault] "i"(-EFAULT)
		: "memory");
	*cur = (u32)val;
	return err;
}

#endif
