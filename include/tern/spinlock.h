/* SPDX-License-Identifier: MIT */
/*
 * Spinlocks: a word taken with an atomic swap (acquire) and released with
 * a store (release), so they are correct across harts.  The _irqsave
 * variants also turn interrupts off on this hart, for data an interrupt
 * handler shares.  Never sleep while holding one.
 */
#ifndef TERN_SPINLOCK_H
#define TERN_SPINLOCK_H

#include <tern/irqflags.h>
#include <tern/types.h>

typedef struct {
	u32 locked;
} spinlock_t;

#define SPINLOCK_INIT	{ 0 }

static inline void spin_lock_init(spinlock_t *lock)
{
	lock->locked = 0;
}

static inline void spin_lock(spinlock_t *lock)
{
	while (__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(&lock->locked, __ATOMIC_RELAXED))
			;
}

static inline bool spin_trylock(spinlock_t *lock)
{
	return !__atomic_exchange_n(&lock->locked, 1, __ATOMIC_ACQUIRE);
}

static inline void spin_unlock(spinlock_t *lock)
{
	__atomic_store_n(&lock->locked, 0, __ATOMIC_RELEASE);
}

static inline unsigned long spin_lock_irqsave(spinlock_t *lock)
{
	unsigned long flags = local_irq_save();

	spin_lock(lock);
	return flags;
}

static inline void spin_unlock_irqrestore(spinlock_t *lock, unsigned long flags)
{
	spin_unlock(lock);
	local_irq_restore(flags);
}

#endif
