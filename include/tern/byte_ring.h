/* SPDX-License-Identifier: MIT */
/*
 * A ring of bytes over a caller's buffer whose size is a power of two:
 * the transmit and receive queues of the UART drivers.  head and tail
 * count bytes written and read since ring_init and wrap at 2^32, so the
 * ring holds head - tail bytes and can be full without a spare slot.
 *
 * No locking of its own: one lock of the caller guards each ring (the
 * UART's port lock).  Pure logic, also built by the host tests.
 */
#ifndef TERN_BYTE_RING_H
#define TERN_BYTE_RING_H

#include <tern/types.h>

struct byte_ring {
	u8 *buf;
	u32 size;	/* a power of two, at least 1 */
	u32 head;	/* bytes ever put */
	u32 tail;	/* bytes ever taken */
};

/* 0, or -EINVAL when size is not a power of two (the ring is then unusable). */
int byte_ring_init(struct byte_ring *r, u8 *buf, u32 size);

static inline u32 byte_ring_len(const struct byte_ring *r)
{
	return r->head - r->tail;
}

static inline u32 byte_ring_space(const struct byte_ring *r)
{
	return r->size - byte_ring_len(r);
}

/* Appends as many of the n bytes as fit; returns how many did. */
size_t byte_ring_put(struct byte_ring *r, const u8 *src, size_t n);

/* Takes up to n of the oldest bytes into dst; returns how many. */
size_t byte_ring_get(struct byte_ring *r, u8 *dst, size_t n);

/* Drops everything queued. */
static inline void byte_ring_clear(struct byte_ring *r)
{
	r->tail = r->head;
}

#endif
