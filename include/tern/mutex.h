/* SPDX-License-Identifier: MIT */
/*
 * Sleeping locks (kernel/locking/): a mutex has an owner and is released by
 * it; a semaphore counts; a completion says "done" once or to everyone.
 * All may sleep, so none may be taken in interrupt context (complete() and
 * up() may be called there).
 */
#ifndef TERN_MUTEX_H
#define TERN_MUTEX_H

#include <tern/sched.h>
#include <tern/wait.h>

struct mutex {
	struct task *owner;		/* NULL when free */
	struct wait_queue_head wq;
};

void mutex_init(struct mutex *m);
void mutex_lock(struct mutex *m);
bool mutex_trylock(struct mutex *m);
/* Unlocking a mutex current does not hold is a bug: panic. */
void mutex_unlock(struct mutex *m);

struct semaphore {
	int count;
	struct wait_queue_head wq;
};

void sema_init(struct semaphore *s, int count);
void down(struct semaphore *s);
bool down_trylock_ok(struct semaphore *s);	/* true if taken */
void up(struct semaphore *s);

struct completion {
	unsigned int done;		/* UINT_MAX after complete_all */
	struct wait_queue_head wq;
};

void init_completion(struct completion *c);
void wait_for_completion(struct completion *c);
void complete(struct completion *c);
void complete_all(struct completion *c);

#endif
