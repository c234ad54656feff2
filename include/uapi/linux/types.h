/* SPDX-License-Identifier: MIT */
/*
 * Fixed-width types of the Linux user ABI (__u32, __s64 ...), from the
 * compiler's freestanding <stdint.h>, so that these headers build in the
 * kernel, in host tests and in user programs alike.
 */
#ifndef _UAPI_LINUX_TYPES_H
#define _UAPI_LINUX_TYPES_H

#include <stdint.h>

typedef uint8_t __u8;
typedef uint16_t __u16;
typedef uint32_t __u32;
typedef uint64_t __u64;
typedef int8_t __s8;
typedef int16_t __s16;
typedef int32_t __s32;
typedef int64_t __s64;

#endif
