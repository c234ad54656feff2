// SPDX-License-Identifier: MIT
/*
 * A process for procfs_ktest.c to look at through /proc/<pid>: it maps
 * one anonymous page (so maps has a region besides the program's), then
 * waits in rt_sigsuspend until the test kills it.
 */
#include "user.h"

#define PROT_READ	1
#define PROT_WRITE	2
#define MAP_PRIVATE	2
#define MAP_ANONYMOUS	0x20

void __attribute__((noreturn)) ustart(unsigned long *sp);

void ustart(unsigned long *sp)
{
	unsigned long long mask = 0;	/* the kernel's sigset_t: 8 bytes on rv32 too */

	sys6(mmap, 0, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	for (;;)
		sys2(rt_sigsuspend, &mask, sizeof(mask));
}
