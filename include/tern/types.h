/* SPDX-License-Identifier: MIT */
/*
 * Fixed-width and kernel-wide basic types.  Only the compiler's freestanding
 * headers are used, so this builds for the kernel and for host unit tests.
 */
#ifndef TERN_TYPES_H
#define TERN_TYPES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint8_t u8;
typedef uint16_t u16;
typedef uint32_t u32;
typedef uint64_t u64;
typedef int8_t s8;
typedef int16_t s16;
typedef int32_t s32;
typedef int64_t s64;

typedef long ssize_t;
typedef s64 loff_t;		/* a file offset (the VFS, exec); s64 agrees with the host C library */
typedef u64 phys_addr_t;	/* wide enough for every RAM address on rv32 and rv64 */

#endif
