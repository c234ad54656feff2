// SPDX-License-Identifier: MIT
/* Mutexes, semaphores and completions: sleeping on a wait queue. */
#include <tern/kernel.h>
#include <tern/mutex.h>

void mutex_init(struct mutex *m)
{
	m->owner = NULL;
	init_waitqueue_head(&m->wq);
}

bool mutex_trylock(struct mutex *m)
{
	unsigned long flags = spin_lock_irqsave(&m->wq.lock);
	bool taken = m->owner == NULL;

	if (taken)
		m->owner = current;
	spin_unlock_irqrestore(&m->wq.lock, flags);
	return taken;
}

void mutex_lock(struct mutex *m)
{
	/* A free mutex is taken without joining the wait queue. */
	if (mutex_trylock(m))
		return;
	wait_event(&m->wq, mutex_trylock(m));
}

/*
 * A waiter queues itself before it tries the mutex, both under wq.lock:
 * if the queue is empty here, a later waiter's try finds the mutex free,
 * so there is no one to wake.
 */
void mutex_unlock(struct mutex *m)
{
	unsigned long flags = spin_lock_irqsave(&m->wq.lock);
	bool waiters;

	if (m->owner != current)
		panic("mutex_unlock: %s does not hold the mutex (owner %s)",
		      current->name, m->owner ? m->owner->name : "none");
	m->owner = NULL;
	waiters = !list_empty(&m->wq.waiters);
	spin_unlock_irqrestore(&m->wq.lock, flags);
	if (waiters)
		wake_up_one(&m->wq);
}

void sema_init(struct semaphore *s, int count)
{
	s->count = count;
	init_waitqueue_head(&s->wq);
}

bool down_trylock_ok(struct semaphore *s)
{
	unsigned long flags = spin_lock_irqsave(&s->wq.lock);
	bool taken = s->count > 0;

	if (taken)
		s->count--;
	spin_unlock_irqrestore(&s->wq.lock, flags);
	return taken;
}

void down(struct semaphore *s)
{
	wait_event(&s->wq, down_trylock_ok(s));
}

void up(struct semaphore *s)
{
	unsigned long flags = spin_lock_irqsave(&s->wq.lock);

	s->count++;
	spin_unlock_irqrestore(&s->wq.lock, flags);
	wake_up_one(&s->wq);
}

void init_completion(struct completion *c)
{
	c->done = 0;
	init_waitqueue_head(&c->wq);
}

static bool try_wait_for_completion(struct completion *c)
{
	unsigned long flags = spin_lock_irqsave(&c->wq.lock);
	bool ok = c->done > 0;

	if (ok && c->done != ~0u)
		c->done--;
	spin_unlock_irqrestore(&c->wq.lock, flags);
	return ok;
}

void wait_for_completion(struct completion *c)
{
	wait_event(&c->wq, try_wait_for_completion(c));
}

void complete(struct completion *c)
{
	unsigned long flags = spin_lock_irqsave(&c->wq.lock);

	if (c->done != ~0u)
		c->done++;
	spin_unlock_irqrestore(&c->wq.lock, flags);
	wake_up_one(&c->wq);
}

void complete_all(struct completion *c)
{
	unsigned long flags = spin_lock_irqsave(&c->wq.lock);

	c->done = ~0u;
	spin_unlock_irqrestore(&c->wq.lock, flags);
	wake_up(&c->wq);
}
