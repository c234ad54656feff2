/* SPDX-License-Identifier: MIT */
/* <sys/syscall.h>: the asm-generic numbers (SYS_x and __NR_x) and syscall(). */
#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H
#include <uapi/asm-generic/unistd.h>
#ifndef __NR_syslog
#define __NR_syslog	116
#endif
long syscall(long number, ...);
#endif
