/* SPDX-License-Identifier: MIT */
/*
 * CRC-32 as Ethernet, zlib and GPT compute it (reflected polynomial
 * 0xedb88320, initial value and final xor 0xffffffff).  Pure: any context.
 *
 *	crc = crc32(0, buf, len);		one buffer
 *	crc = crc32(crc32(0, a, n), b, m);	the same as over a then b
 */
#ifndef TERN_CRC32_H
#define TERN_CRC32_H

#include <tern/types.h>

u32 crc32(u32 crc, const void *buf, size_t len);

#endif
