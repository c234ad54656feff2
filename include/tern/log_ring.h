/* SPDX-License-Identifier: MIT */
/*
 * The kernel log: a ring of text lines, each "<level>[seconds.micros] text\n"
 * as printk stores them, read back by syslog(2) (kernel/syslog.c).  The
 * positions count bytes written since log_ring_init and wrap at 2^32; the
 * ring keeps the bytes [first, head).  When a write needs room, the oldest
 * whole lines go, so first stays at the start of a line (unless one line
 * is longer than the ring).  Two readers' positions follow it: read (what
 * SYSLOG_ACTION_READ consumed) and clear (where SYSLOG_ACTION_CLEAR left
 * READ_ALL's start); neither is ever behind first or ahead of head.
 *
 * No locking of its own: printk's console lock guards the ring.  Pure
 * logic, also built by the host tests.
 */
#ifndef TERN_LOG_RING_H
#define TERN_LOG_RING_H

#include <tern/types.h>

struct log_ring {
	char *buf;
	u32 size;	/* a power of two */
	u32 head;	/* bytes ever written */
	u32 first;	/* the oldest byte kept */
	u32 read;	/* SYSLOG_ACTION_READ's next byte */
	u32 clear;	/* SYSLOG_ACTION_READ_ALL's start */
};

/* 0, or -EINVAL when size is not a power of two (the ring then stays empty). */
int log_ring_init(struct log_ring *r, char *buf, u32 size);

/* Appends n bytes, dropping the oldest lines to make room. */
void log_ring_write(struct log_ring *r, const char *s, size_t n);

/* Bytes kept; bytes not yet consumed by log_ring_read. */
static inline u32 log_ring_len(const struct log_ring *r)
{
	return r->head - r->first;
}

static inline u32 log_ring_unread(const struct log_ring *r)
{
	return r->head - r->read;
}

/* Copies up to n bytes from position pos (clamped to what is kept); returns how many. */
size_t log_ring_copy(const struct log_ring *r, u32 pos, char *dst, size_t n);

/*
 * Where READ_ALL starts for a buffer of n bytes: the first line start at
 * or after clear from which the rest fits in n (or head - n when even the
 * last line does not fit).
 */
u32 log_ring_tail_start(const struct log_ring *r, size_t n);

/* Marks everything written so far as cleared (READ_ALL starts after it). */
static inline void log_ring_clear(struct log_ring *r)
{
	r->clear = r->head;
}

#endif
