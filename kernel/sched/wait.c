// SPDX-License-Identifier: MIT
/* Wait queues (include/tern/wait.h). */
#include <tern/wait.h>

void init_waitqueue_head(struct wait_queue_head *wq)
{
	spin_lock_init(&wq->lock);
	INIT_LIST_HEAD(&wq->waiters);
}

void prepare_to_wait(struct wait_queue_head *wq, struct wait_entry *e)
{
	unsigned long flags = spin_lock_irqsave(&wq->lock);

	if (!e->node.next || list_empty(&e->node))
		list_add_tail(&e->node, &wq->waiters);
	/* Sleeping before the caller checks its condition: no lost wake-up. */
	current->state = TASK_SLEEPING;
	spin_unlock_irqrestore(&wq->lock, flags);
}

void finish_wait(struct wait_queue_head *wq, struct wait_entry *e)
{
	unsigned long flags = spin_lock_irqsave(&wq->lock);

	current->state = TASK_RUNNING;
	if (e->node.next && !list_empty(&e->node))
		list_del_init(&e->node);
	spin_unlock_irqrestore(&wq->lock, flags);
}

/* Wakes up to max waiters, leaving them queued: finish_wait dequeues. */
static int wake_some(struct wait_queue_head *wq, int max)
{
	unsigned long flags = spin_lock_irqsave(&wq->lock);
	struct wait_entry *e, *next;
	int woken = 0;

	list_for_each_entry_safe(e, next, &wq->waiters, node) {
		if (woken == max)
			break;
		/* Dequeue so a second wake-up reaches the next waiter. */
		list_del_init(&e->node);
		if (wake_up_process(e->task))
			woken++;
	}
	spin_unlock_irqrestore(&wq->lock, flags);
	return woken;
}

int wake_up(struct wait_queue_head *wq)
{
	return wake_some(wq, -1);
}

int wake_up_one(struct wait_queue_head *wq)
{
	return wake_some(wq, 1);
}
