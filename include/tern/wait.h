/* SPDX-License-Identifier: MIT */
/*
 * Wait queues: a task sleeps until a condition holds and another task or an
 * interrupt handler calls wake_up.  The condition is checked after the task
 * has marked itself sleeping, so a wake-up between the check and the sleep
 * is never lost.
 *
 *	wait_event(wq, READ_ONCE(data_ready));
 *	...
 *	data_ready = true;
 *	wake_up(&wq);
 */
#ifndef TERN_WAIT_H
#define TERN_WAIT_H

#include <tern/errno.h>
#include <tern/list.h>
#include <tern/sched.h>
#include <tern/spinlock.h>

struct wait_queue_head {
	spinlock_t lock;
	struct list_head waiters;
};

struct wait_entry {
	struct task *task;
	struct list_head node;
};

void init_waitqueue_head(struct wait_queue_head *wq);

/* Queues e (if not queued) and marks current sleeping. */
void prepare_to_wait(struct wait_queue_head *wq, struct wait_entry *e);
/* Marks current running and dequeues e. */
void finish_wait(struct wait_queue_head *wq, struct wait_entry *e);

/* Wakes every waiter / the first one; returns how many were woken. */
int wake_up(struct wait_queue_head *wq);
int wake_up_one(struct wait_queue_head *wq);

#define wait_event(wq, cond) do {					\
	struct wait_entry __we = { .task = current };			\
	for (;;) {							\
		prepare_to_wait(wq, &__we);				\
		if (cond)						\
			break;						\
		schedule();						\
	}								\
	finish_wait(wq, &__we);						\
} while (0)

/*
 * The same, ended early by a signal (<tern/signal.h>): 0 when cond
 * holds, -ERESTARTSYS when a signal is pending first.
 */
#define wait_event_interruptible(wq, cond) ({				\
	struct wait_entry __we = { .task = current };			\
	int __ret = 0;							\
	for (;;) {							\
		prepare_to_wait(wq, &__we);				\
		if (cond)						\
			break;						\
		if (READ_ONCE(current->sigpending)) {			\
			__ret = -ERESTARTSYS;				\
			break;						\
		}							\
		schedule();						\
	}								\
	finish_wait(wq, &__we);						\
	__ret;								\
})

#endif
