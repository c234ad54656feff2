/* SPDX-License-Identifier: MIT */
/* 64-bit arithmetic that a 32-bit or 64-bit RISC-V does in a few instructions. */
#ifndef TERN_MATH64_H
#define TERN_MATH64_H

#include <tern/types.h>

/*
 * (a * b) >> 32, the low 64 bits of it.  With 128-bit integers (rv64)
 * that is mul and mulhu; without (rv32), a is split in 32-bit halves so
 * that every product fits in 64 bits.  Both give the same result.
 */
static inline u64 mul_u64_u64_shr32(u64 a, u64 b)
{
#ifdef __SIZEOF_INT128__
	return (u64)(((unsigned __int128)a * b) >> 32);
#else
	u64 hi = a >> 32, lo = (u32)a;

	return hi * b + ((lo * (b & 0xffffffff)) >> 32) + lo * (b >> 32);
#endif
}

#endif
