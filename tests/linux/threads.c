// SPDX-License-Identifier: MIT
/* pthread_create and join, with a mutex-protected counter (clone threads, futex, TLS). */
#include <pthread.h>
#include <unistd.h>
#include "difftest.h"

#define THREADS	4
#define ROUNDS	10000

static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static long counter;
static __thread long mine;

static void *work(void *arg)
{
	for (int i = 0; i < ROUNDS; i++) {
		pthread_mutex_lock(&lock);
		counter++;
		pthread_mutex_unlock(&lock);
		mine++;
	}
	return (void *)(long)(mine == ROUNDS ? (long)arg : -1);
}

int main(void)
{
	pthread_t t[THREADS];
	long sum = 0;
	void *ret;

	for (long i = 0; i < THREADS; i++)
		CHECK("create", !pthread_create(&t[i], NULL, work, (void *)(i + 1)));
	for (int i = 0; i < THREADS; i++) {
		CHECK("join", !pthread_join(t[i], &ret));
		sum += (long)ret;
	}
	printf("counter: %ld\n", counter);
	CHECK("every thread had its own TLS", sum == THREADS * (THREADS + 1) / 2);
	CHECK("main thread's TLS untouched", mine == 0);
	return difftest_exit();
}
