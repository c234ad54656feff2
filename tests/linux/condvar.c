// SPDX-License-Identifier: MIT
/*
 * Many threads on condition variables, a barrier and semaphores
 * (futex bitset waits and wakes, clear_child_tid joins, detached
 * threads, a timed wait that times out, gettid against getpid).
 */
#include <pthread.h>
#include <semaphore.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include "difftest.h"

#define WORKERS	8
#define ITEMS	2000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t nonempty = PTHREAD_COND_INITIALIZER;
static pthread_cond_t nonfull = PTHREAD_COND_INITIALIZER;
static pthread_barrier_t barrier;
static sem_t done;
static int queue[16], head, count, produced;
static long consumed_sum, consumed_items;
static int tid_differs = 1, pid_same = 1;

/* Takes items until the producer's -1; the sum of what it took. */
static void *consumer(void *arg)
{
	long mine = 0;

	(void)arg;
	pthread_mutex_lock(&lock);
	if (syscall(SYS_gettid) == getpid())
		tid_differs = 0;
	pthread_mutex_unlock(&lock);
	pthread_barrier_wait(&barrier);
	for (;;) {
		int v;

		pthread_mutex_lock(&lock);
		while (count == 0)
			pthread_cond_wait(&nonempty, &lock);
		v = queue[head];
		if (v < 0) {		/* the end: leave it for the others */
			pthread_cond_broadcast(&nonempty);
			pthread_mutex_unlock(&lock);
			break;
		}
		head = (head + 1) % 16;
		count--;
		consumed_sum += v;
		consumed_items++;
		pthread_cond_signal(&nonfull);
		pthread_mutex_unlock(&lock);
		mine += v;
	}
	return (void *)mine;
}

static void put(int v)
{
	pthread_mutex_lock(&lock);
	while (count == 16)
		pthread_cond_wait(&nonfull, &lock);
	queue[(head + count) % 16] = v;
	count++;
	if (v >= 0)
		produced++;
	pthread_cond_signal(&nonempty);
	pthread_mutex_unlock(&lock);
}

static void *detached(void *arg)
{
	(void)arg;
	if (getpid() != (pid_t)(long)arg)
		pid_same = 0;
	sem_post(&done);
	return NULL;
}

int main(void)
{
	pthread_t t[WORKERS];
	long sum = 0, expect = 0;
	struct timespec ts;
	int r;

	CHECK("barrier init", !pthread_barrier_init(&barrier, NULL, WORKERS + 1));
	CHECK("sem init", !sem_init(&done, 0, 0));
	for (int i = 0; i < WORKERS; i++)
		CHECK("create", !pthread_create(&t[i], NULL, consumer, NULL));
	pthread_barrier_wait(&barrier);
	for (int i = 1; i <= ITEMS; i++) {
		put(i);
		expect += i;
	}
	put(-1);
	for (int i = 0; i < WORKERS; i++) {
		void *ret;

		CHECK("join", !pthread_join(t[i], &ret));
		sum += (long)ret;
	}
	printf("produced %d, consumed %ld\n", produced, consumed_items);
	CHECK("every item consumed once", sum == expect && consumed_sum == expect);
	CHECK("threads have their own tid", tid_differs);

	for (int i = 0; i < WORKERS; i++) {
		pthread_t d;
		pthread_attr_t a;

		pthread_attr_init(&a);
		pthread_attr_setdetachstate(&a, PTHREAD_CREATE_DETACHED);
		CHECK("create detached", !pthread_create(&d, &a, detached, (void *)(long)getpid()));
		pthread_attr_destroy(&a);
	}
	for (int i = 0; i < WORKERS; i++)
		sem_wait(&done);
	CHECK("detached threads share the pid", pid_same);

	/* A timed wait whose deadline passed: ETIMEDOUT, the mutex held again. */
	clock_gettime(CLOCK_REALTIME, &ts);
	ts.tv_sec -= 1;
	pthread_mutex_lock(&lock);
	r = pthread_cond_timedwait(&nonempty, &lock, &ts);
	printf("timedwait: %s\n", r == ETIMEDOUT ? "ETIMEDOUT" : "other");
	CHECK("mutex held after the wait", pthread_mutex_trylock(&lock) == EBUSY);
	pthread_mutex_unlock(&lock);
	return difftest_exit();
}
