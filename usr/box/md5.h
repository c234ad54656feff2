/* SPDX-License-Identifier: MIT */
/* MD5 (RFC 1321), written from the RFC's description. */
#ifndef BOX_MD5_H
#define BOX_MD5_H

#include <stddef.h>
#include <stdint.h>

struct md5_ctx {
	uint32_t state[4];	/* A, B, C, D */
	uint64_t length;	/* bytes hashed so far */
	uint8_t block[64];	/* pending input; length % 64 bytes of it used */
};

void md5_init(struct md5_ctx *ctx);
void md5_update(struct md5_ctx *ctx, const void *data, size_t len);
/* Pads, writes the 16-byte digest; ctx must be initialised again to reuse. */
void md5_final(struct md5_ctx *ctx, uint8_t digest[16]);
/* The digest as 32 lowercase hex digits and a NUL. */
void md5_hex(const uint8_t digest[16], char out[33]);

#endif
