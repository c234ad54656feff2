// SPDX-License-Identifier: MIT
/*
 * The RISC-V semihosting trap (the RISC-V semihosting specification): an
 * ebreak between "slli zero, zero, 0x1f" and "srai zero, zero, 7", all
 * three uncompressed and in one page, with the operation in a0 and the
 * parameter block's address in a1; the result comes back in a0.  Without a
 * host that answers, the ebreak is an ordinary breakpoint exception, which
 * the exception table turns into -ENOSYS.
 */
#include <asm/extable.h>
#include <tern/errno.h>
#include <tern/semihost.h>

long arch_semihost_call(unsigned long op, void *arg)
{
	register unsigned long a0 __asm__("a0") = op;
	register void *a1 __asm__("a1") = arg;

	__asm__ __volatile__(
		"	.option push\n"
		"	.option norvc\n"
		"	.balign 16\n"		/* the three in one page */
		"	slli	zero, zero, 0x1f\n"
		"1:	ebreak\n"
		"	srai	zero, zero, 7\n"
		"	.option pop\n"
		"	j	3f\n"
		"2:	li	a0, %2\n"
		"3:\n"
		ASM_EXTABLE(1b, 2b)
		: "+r"(a0)
		: "r"(a1), "i"(-ENOSYS)
		: "memory");
	return (long)a0;
}
