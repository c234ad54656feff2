/* SPDX-License-Identifier: MIT */
/*
 * Futexes (kernel/futex.c, Documentation/threads.md): a wait queue per
 * user word, found by a key.  A private futex (FUTEX_PRIVATE_FLAG, or a
 * word in memory no other address space maps) is keyed by (mm, user
 * address); a shared one in a MAP_SHARED region by its physical
 * address, so that every process mapping the page finds it.
 */
#ifndef TERN_FUTEX_H
#define TERN_FUTEX_H

#include <tern/compiler.h>
#include <tern/types.h>

/* futex's operations and flags (Linux's values) */
#define FUTEX_WAIT		0
#define FUTEX_WAKE		1
#define FUTEX_FD		2
#define FUTEX_REQUEUE		3
#define FUTEX_CMP_REQUEUE	4
#define FUTEX_WAKE_OP		5
#define FUTEX_LOCK_PI		6
#define FUTEX_UNLOCK_PI		7
#define FUTEX_TRYLOCK_PI	8
#define FUTEX_WAIT_BITSET	9
#define FUTEX_WAKE_BITSET	10
#define FUTEX_PRIVATE_FLAG	128
#define FUTEX_CLOCK_REALTIME	256
#define FUTEX_CMD_MASK		(~(FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME))
#define FUTEX_BITSET_MATCH_ANY	0xffffffffu

/* The robust-futex word: the owner's tid and two flags */
#define FUTEX_WAITERS		0x80000000u
#define FUTEX_OWNER_DIED	0x40000000u
#define FUTEX_TID_MASK		0x3fffffffu
/* Entries the exit walk visits at most: a corrupt (looping) list ends there (Linux's). */
#define ROBUST_LIST_LIMIT	2048

/* What a waiter is keyed by: space is the mm (private), or NULL (addr is physical). */
struct futex_key {
	const void *space;
	unsigned long addr;
};

#define FUTEX_HASH_BITS		6

/* The bucket of a key: both words mixed, the top bits of a multiplicative hash. */
static inline unsigned int futex_hash(const struct futex_key *k)
{
	u64 x = (u64)(unsigned long)k->space * 0x9e3779b97f4a7c15ULL;

	x ^= (u64)k->addr;
	x *= 0x9e3779b97f4a7c15ULL;
	return (unsigned int)(x >> (64 - FUTEX_HASH_BITS));
}

static inline bool futex_key_eq(const struct futex_key *a, const struct futex_key *b)
{
	return a->space == b->space && a->addr == b->addr;
}

/*
 * A futex timeout as a ktime_ns() deadline (U64_MAX: none): op's
 * command and flags, the user's timespec in ns (rel_ns), now on
 * CLOCK_MONOTONIC and CLOCK_REALTIME.  FUTEX_WAIT's is relative, the
 * others absolute on the clock the flags name.  Pure: host-tested.
 */
static inline u64 futex_deadline(int op, u64 ts_ns, u64 mono_now, u64 real_now)
{
	u64 base = mono_now;

	if ((op & FUTEX_CMD_MASK) == FUTEX_WAIT)
		return ts_ns > ~0ULL - mono_now ? ~0ULL : mono_now + ts_ns;
	if (op & FUTEX_CLOCK_REALTIME) {
		if (ts_ns <= real_now)
			return mono_now;		/* in the past: at once */
		ts_ns -= real_now;
		return ts_ns > ~0ULL - base ? ~0ULL : base + ts_ns;
	}
	return ts_ns;
}

struct task;

/*
 * The futex system call's work: op on the word at uaddr; deadline as
 * futex_deadline made it (wait ops).  The woken count, 0 (a wait that
 * was woken), or -EAGAIN, -ETIMEDOUT, -EINTR, -EFAULT, -EINVAL, -ENOSYS.
 */
long do_futex(u32 __user *uaddr, int op, u32 val, u64 deadline, u32 val3);

/* Wakes up to nr waiters of the word at uaddr in current's mm (shared keying). */
int futex_wake_addr(u32 __user *uaddr, int nr);

/* At exit: the robust list's futexes current holds get FUTEX_OWNER_DIED, a waiter woken. */
void exit_robust_list(struct task *t);

/* At exit: 0 at t->clear_child_tid and a wake-up of one waiter there (pthread_join). */
void clear_child_tid_wake(struct task *t);

#endif
