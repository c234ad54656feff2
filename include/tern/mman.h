/* SPDX-License-Identifier: MIT */
/*
 * Arguments of mmap, mprotect and munmap (mm/mmap.c), with the values of
 * Linux's generic ABI (RISC-V uses it), so that a C library built for
 * Linux agrees with the system calls the processes issue adds.
 */
#ifndef TERN_MMAN_H
#define TERN_MMAN_H

/* prot: what the program may do with the pages */
#define PROT_NONE	0x0
#define PROT_READ	0x1
#define PROT_WRITE	0x2
#define PROT_EXEC	0x4

/* flags: exactly one of MAP_SHARED and MAP_PRIVATE, then any of the others */
#define MAP_SHARED		0x01		/* fork shares the pages */
#define MAP_PRIVATE		0x02		/* fork copies them (copy-on-write) */
#define MAP_TYPE		0x0f
#define MAP_FIXED		0x10		/* exactly at addr, replacing what is there */
#define MAP_ANONYMOUS		0x20		/* zero-filled memory, no file */
#define MAP_GROWSDOWN		0x0100		/* a stack: grows down on faults below it */
#define MAP_NORESERVE		0x4000		/* no swap reserved: nothing to do here */
#define MAP_STACK		0x20000		/* a thread's stack (glibc): a hint, nothing to do */
#define MAP_FIXED_NOREPLACE	0x100000	/* exactly at addr, -EEXIST if taken */

#endif
