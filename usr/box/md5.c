// SPDX-License-Identifier: MIT
/*
 * MD5 as RFC 1321 describes it: 64-byte blocks, four rounds of sixteen
 * steps, words little-endian, the message padded with 0x80, zeros and
 * its bit length (64 bits, little-endian) to a multiple of 64 bytes.
 */
#include "md5.h"
#include <string.h>

/* Per-step shift amounts, four per round. */
static const uint8_t shifts[4][4] = {
	{ 7, 12, 17, 22 }, { 5, 9, 14, 20 }, { 4, 11, 16, 23 }, { 6, 10, 15, 21 },
};

/* T[i] = floor(2^32 * |sin(i + 1)|), the RFC's table. */
static const uint32_t T[64] = {
	0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a,
	0xa8304613, 0xfd469501, 0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be,
	0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821, 0xf61e2562, 0xc040b340,
	0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
	0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8,
	0x676f02d9, 0x8d2a4c8a, 0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c,
	0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70, 0x289b7ec6, 0xeaa127fa,
	0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
	0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92,
	0xffeff47d, 0x85845dd1, 0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1,
	0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
};

static uint32_t rotl(uint32_t x, unsigned n)
{
	return (x << n) | (x >> (32 - n));
}

static void md5_block(uint32_t state[4], const uint8_t *p)
{
	uint32_t X[16], a = state[0], b = state[1], c = state[2], d = state[3];

	for (int i = 0; i < 16; i++)
		X[i] = (uint32_t)p[4 * i] | (uint32_t)p[4 * i + 1] << 8 |
		       (uint32_t)p[4 * i + 2] << 16 | (uint32_t)p[4 * i + 3] << 24;
	for (int i = 0; i < 64; i++) {
		uint32_t f, tmp;
		int k, round = i / 16;

		switch (round) {
		case 0: f = (b & c) | (~b & d); k = i; break;
		case 1: f = (b & d) | (c & ~d); k = (5 * i + 1) % 16; break;
		case 2: f = b ^ c ^ d; k = (3 * i + 5) % 16; break;
		default: f = c ^ (b | ~d); k = (7 * i) % 16; break;
		}
		tmp = d;
		d = c;
		c = b;
		b = b + rotl(a + f + X[k] + T[i], shifts[round][i % 4]);
		a = tmp;
	}
	state[0] += a;
	state[1] += b;
	state[2] += c;
	state[3] += d;
}

void md5_init(struct md5_ctx *ctx)
{
	ctx->state[0] = 0x67452301;
	ctx->state[1] = 0xefcdab89;
	ctx->state[2] = 0x98badcfe;
	ctx->state[3] = 0x10325476;
	ctx->length = 0;
}

void md5_update(struct md5_ctx *ctx, const void *data, size_t len)
{
	const uint8_t *p = data;
	size_t used = ctx->length % 64;

	ctx->length += len;
	if (used) {
		size_t take = 64 - used < len ? 64 - used : len;

		memcpy(ctx->block + used, p, take);
		p += take;
		len -= take;
		if (used + take < 64)
			return;
		md5_block(ctx->state, ctx->block);
	}
	for (; len >= 64; p += 64, len -= 64)
		md5_block(ctx->state, p);
	memcpy(ctx->block, p, len);
}

void md5_final(struct md5_ctx *ctx, uint8_t digest[16])
{
	static const uint8_t pad[64] = { 0x80 };
	uint64_t bits = ctx->length * 8;
	size_t used = ctx->length % 64;
	uint8_t len_le[8];

	for (int i = 0; i < 8; i++)
		len_le[i] = (uint8_t)(bits >> (8 * i));
	md5_update(ctx, pad, used < 56 ? 56 - used : 120 - used);
	md5_update(ctx, len_le, 8);
	for (int i = 0; i < 16; i++)
		digest[i] = (uint8_t)(ctx->state[i / 4] >> (8 * (i % 4)));
}

void md5_hex(const uint8_t digest[16], char out[33])
{
	static const char hex[] = "0123456789abcdef";

	for (int i = 0; i < 16; i++) {
		out[2 * i] = hex[digest[i] >> 4];
		out[2 * i + 1] = hex[digest[i] & 15];
	}
	out[32] = '\0';
}
