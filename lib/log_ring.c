// SPDX-License-Identifier: MIT
/* The kernel log's ring of lines: the rules are in include/tern/log_ring.h. */
#include <tern/errno.h>
#include <tern/log_ring.h>

int log_ring_init(struct log_ring *r, char *buf, u32 size)
{
	r->buf = buf;
	r->head = r->first = r->read = r->clear = 0;
	if (!buf || !size || (size & (size - 1))) {
		r->size = 0;
		return -EINVAL;
	}
	r->size = size;
	return 0;
}

static inline char byte_at(const struct log_ring *r, u32 pos)
{
	return r->buf[pos & (r->size - 1)];
}

/* a is before b in the ring's order (positions wrap at 2^32). */
static inline bool before(u32 a, u32 b)
{
	return (s32)(a - b) < 0;
}

/* Moves first past whole lines until room bytes are free; mid-line if it must. */
static void make_room(struct log_ring *r, u32 room)
{
	while (r->size - log_ring_len(r) < room) {
		u32 p = r->first;

		while (p != r->head && byte_at(r, p) != '\n')
			p++;
		if (p == r->head) {	/* one unfinished line fills the ring */
			r->first = r->head + room - r->size;
			break;
		}
		r->first = p + 1;
	}
	if (before(r->read, r->first))
		r->read = r->first;
	if (before(r->clear, r->first))
		r->clear = r->first;
}

void log_ring_write(struct log_ring *r, const char *s, size_t n)
{
	u32 i;

	if (!r->size)
		return;
	if (n > r->size) {		/* only the last size bytes can stay */
		s += n - r->size;
		n = r->size;
	}
	make_room(r, (u32)n);
	for (i = 0; i < n; i++)
		r->buf[(r->head + i) & (r->size - 1)] = s[i];
	r->head += (u32)n;
}

size_t log_ring_copy(const struct log_ring *r, u32 pos, char *dst, size_t n)
{
	size_t i;

	if (before(pos, r->first))
		pos = r->first;
	if (before(r->head, pos))
		return 0;
	if (n > r->head - pos)
		n = r->head - pos;
	for (i = 0; i < n; i++)
		dst[i] = byte_at(r, pos + (u32)i);
	return n;
}

u32 log_ring_tail_start(const struct log_ring *r, size_t n)
{
	u32 start = before(r->clear, r->first) ? r->first : r->clear;
	u32 p;

	if (r->head - start <= n)
		return start;
	p = r->head - (u32)n;		/* after start: is it a line start? */
	while (p != r->head && byte_at(r, p - 1) != '\n')
		p++;
	return p == r->head ? r->head - (u32)n : p;
}
