/* SPDX-License-Identifier: MIT */
/*
 * The entry of every Tern user program, and the two calls that cannot be
 * C functions.  execve leaves sp at argc, then argv[], NULL, envp[], NULL
 * and the auxiliary vector (the Linux RISC-V process ABI); __tern_start
 * (start.c) takes that pointer and never returns.  No gp: programs are
 * linked with --no-relax, so nothing addresses through it.
 */
#include <uapi/asm-generic/unistd.h>

#if __riscv_xlen == 64
#define REG_S sd
#else
#define REG_S sw
#endif

	.text
	.globl	_start
	.type	_start, @function
_start:
	mv	a0, sp
	andi	sp, sp, -16
	call	__tern_start
1:	j	1b
	.size	_start, . - _start

/*
 * pid_t vfork(void): clone(CLONE_VM | CLONE_VFORK | SIGCHLD).  The child
 * runs on the parent's stack until it execs or exits, so this must not
 * touch the stack: it would overwrite the frame the parent returns
 * through.  ra stays in its register; a failure tail-calls
 * __set_errno_linux, which answers -1 to our caller.
 */
	.globl	vfork
	.type	vfork, @function
vfork:
	li	a0, 0x4000 | 0x100 | 17
	li	a1, 0
	li	a2, 0
	li	a3, 0
	li	a4, 0
	li	a7, __NR_clone
	ecall
	li	t0, -4096
	bgtu	a0, t0, 1f
	ret
1:	neg	a0, a0
	tail	__set_errno_linux
	.size	vfork, . - vfork

	.section .note.GNU-stack, "", @progbits
