/* SPDX-License-Identifier: MIT */
/*
 * The entry of the ktests' user programs: hands the initial sp (argc,
 * argv, envp, auxv as execve laid them out) to ustart, which never
 * returns.  No gp: the programs are built with -mno-relax.
 */
	.text
	.globl _start
_start:
	mv	a0, sp
	call	ustart
1:	j	1b
