/* SPDX-License-Identifier: MIT */
/* The 64-bit time the syscalls take on rv32 and rv64 alike (utimensat). */
#ifndef _UAPI_LINUX_TIME_TYPES_H
#define _UAPI_LINUX_TIME_TYPES_H

#include "types.h"

struct __kernel_timespec {
	__s64 tv_sec;
	long long tv_nsec;
};

#endif
