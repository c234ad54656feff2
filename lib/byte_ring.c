// SPDX-License-Identifier: MIT
/* A ring of bytes: the rules are in include/tern/byte_ring.h. */
#include <tern/byte_ring.h>
#include <tern/errno.h>

int byte_ring_init(struct byte_ring *r, u8 *buf, u32 size)
{
	r->buf = buf;
	r->head = 0;
	r->tail = 0;
	if (!buf || !size || (size & (size - 1))) {
		r->size = 0;
		return -EINVAL;
	}
	r->size = size;
	return 0;
}

size_t byte_ring_put(struct byte_ring *r, const u8 *src, size_t n)
{
	u32 i, room = byte_ring_space(r);

	if (n > room)
		n = room;
	for (i = 0; i < n; i++)
		r->buf[(r->head + i) & (r->size - 1)] = src[i];
	r->head += (u32)n;
	return n;
}

size_t byte_ring_get(struct byte_ring *r, u8 *dst, size_t n)
{
	u32 i, len = byte_ring_len(r);

	if (n > len)
		n = len;
	for (i = 0; i < n; i++)
		dst[i] = r->buf[(r->tail + i) & (r->size - 1)];
	r->tail += (u32)n;
	return n;
}
