/* SPDX-License-Identifier: MIT */
/* <sys/ioctl.h>: ioctl with Linux's request numbers. */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H
#include <uapi/asm-generic/termbits.h>
#include <uapi/asm-generic/ioctls.h>
int ioctl(int fd, unsigned long request, ...);
#endif
