// SPDX-License-Identifier: MIT
/*
 * AT_HWCAP (asm/elf.h): the single-letter extensions every hart shares
 * (riscv_isa, asm/cpufeature.h), limited as Linux limits it to those a
 * user program may use: I, M, A, F, D and C.  V is left out although the
 * kernel may use it for its page routines: user mode never gets
 * sstatus.VS, so a program that believed AT_HWCAP and used V would die
 * with SIGILL.
 */
#include <asm/cpufeature.h>
#include <asm/elf.h>

#define LETTER(c)	(1UL << ((c) - 'a'))
#define USER_LETTERS	(LETTER('i') | LETTER('m') | LETTER('a') | LETTER('f') | LETTER('d') | \
			 LETTER('c'))

unsigned long elf_hwcap(void)
{
	return riscv_isa & USER_LETTERS;
}
