// SPDX-License-Identifier: MIT
/*
 * The buddy allocator on several CPUs at once, with its per-CPU lists or
 * without (PGALLOC_PCP): one kernel thread pinned to each online CPU
 * allocates single pages, then frees the pages another CPU's thread
 * allocated, so pages end on other CPUs' lists than they came from.  The
 * counts must come back to where they started, and memory left on other
 * CPUs' lists must still be there for an allocation that needs it.  With
 * one CPU the threads take turns; nothing here assumes a CPU count.
 *
 * The threads are created before the statistics are read and exit only
 * after, so their own stacks stay out of the figures.
 */
#include <tern/ktest.h>
#include <tern/mutex.h>
#include <tern/page.h>
#include <tern/pgalloc.h>
#include <tern/sched.h>
#include <tern/smp.h>

#define PAGES_EACH	100		/* more than a per-CPU list holds */

struct pcp_worker {
	unsigned int cpu, id;
	void *pages[PAGES_EACH];
	void **theirs;			/* the pages this one frees */
	unsigned long failed, corrupt;
	struct completion allocated, freed;
};

static struct pcp_worker pcp_workers[NR_CPUS];
static struct completion may_free, may_exit;
static unsigned int nr_workers;

/* Each page carries its owner and index in its first two words. */
static void mark(void *p, unsigned int id, unsigned int i)
{
	((unsigned long *)p)[0] = id;
	((unsigned long *)p)[1] = i;
}

static bool marked(const void *p, unsigned int id, unsigned int i)
{
	return ((const unsigned long *)p)[0] == id && ((const unsigned long *)p)[1] == i;
}

static int pcp_work(void *arg)
{
	struct pcp_worker *w = arg;
	unsigned int i, owner = (w->id + 1) % nr_workers;

	for (i = 0; i < PAGES_EACH; i++) {
		w->pages[i] = alloc_page(GFP_KERNEL);
		if (w->pages[i])
			mark(w->pages[i], w->id, i);
		else
			w->failed++;
	}
	w->corrupt += smp_processor_id() != w->cpu;
	complete(&w->allocated);
	wait_for_completion(&may_free);
	for (i = 0; i < PAGES_EACH; i++) {
		if (!w->theirs[i])
			continue;
		w->corrupt += !marked(w->theirs[i], owner, i);
		free_page(w->theirs[i]);
	}
	complete(&w->freed);
	wait_for_completion(&may_exit);
	return 0;
}

static struct task *pcp_tasks[NR_CPUS];

/* Makes a pinned worker for every online CPU; false if one could not be made. */
static bool create_workers(struct ktest *t, int (*fn)(void *arg))
{
	unsigned int cpu, i;

	nr_workers = 0;
	init_completion(&may_free);
	init_completion(&may_exit);
	for_each_online_cpu(cpu) {
		struct pcp_worker *w = &pcp_workers[nr_workers];

		*w = (struct pcp_worker){ .cpu = cpu, .id = nr_workers };
		init_completion(&w->allocated);
		init_completion(&w->freed);
		pcp_tasks[nr_workers] = kthread_create_on_cpu(fn, w, "ktest-pcp", cpu);
		KTEST_EXPECT(t, pcp_tasks[nr_workers] != NULL);
		if (!pcp_tasks[nr_workers])
			return false;	/* the others were never started */
		nr_workers++;
	}
	for (i = 0; i < nr_workers; i++)
		pcp_workers[i].theirs = pcp_workers[(i + 1) % nr_workers].pages;
	return true;
}

static void wake_workers(void)
{
	unsigned int i;

	for (i = 0; i < nr_workers; i++)
		wake_up_process(pcp_tasks[i]);
}

static void pages_freed_on_other_cpus_come_back(struct ktest *t)
{
	struct pgalloc_stats s0, s1, s2;
	unsigned long failed = 0, corrupt = 0;
	unsigned int i;

	if (!create_workers(t, pcp_work))
		return;
	pgalloc_get_stats(&s0);
	wake_workers();
	for (i = 0; i < nr_workers; i++)
		wait_for_completion(&pcp_workers[i].allocated);
	pgalloc_get_stats(&s1);
	for (i = 0; i < nr_workers; i++)
		failed += pcp_workers[i].failed;
	KTEST_EXPECT_EQ(t, failed, 0);
	KTEST_EXPECT_EQ(t, s1.free_pages, s0.free_pages - nr_workers * PAGES_EACH);
	KTEST_EXPECT_EQ(t, s1.alloc_calls - s0.alloc_calls, nr_workers * PAGES_EACH);
	complete_all(&may_free);
	for (i = 0; i < nr_workers; i++) {
		wait_for_completion(&pcp_workers[i].freed);
		corrupt += pcp_workers[i].corrupt;
	}
	pgalloc_get_stats(&s2);
	KTEST_EXPECT_EQ(t, corrupt, 0);
	KTEST_EXPECT_EQ(t, s2.free_pages, s0.free_pages);
	KTEST_EXPECT_EQ(t, s2.free_calls - s0.free_calls, nr_workers * PAGES_EACH);
	KTEST_EXPECT_EQ(t, s2.largest_free_order_pages, s0.largest_free_order_pages);
	complete_all(&may_exit);
}

/* Fills its CPU's list: allocates a few pages and frees them there, then waits. */
static int fill_list(void *arg)
{
	struct pcp_worker *w = arg;
	unsigned int i, n = PAGES_EACH / 2;

	for (i = 0; i < n; i++)
		w->pages[i] = alloc_page(GFP_KERNEL);
	for (i = 0; i < n; i++)
		free_page(w->pages[i]);
	complete(&w->allocated);
	wait_for_completion(&may_exit);
	return 0;
}

struct held_block {
	struct held_block *next;
	unsigned int order;
};

static void memory_on_other_cpus_lists_is_not_lost(struct ktest *t)
{
	struct held_block *list = NULL, *b;
	struct pgalloc_stats s0, s;
	unsigned long taken = 0;
	unsigned int i;
	int order;

	if (!create_workers(t, fill_list))
		return;
	wake_workers();
	for (i = 0; i < nr_workers; i++)
		wait_for_completion(&pcp_workers[i].allocated);
	pgalloc_get_stats(&s0);
	/* Largest blocks first, so it is quick. */
	for (order = PGALLOC_MAX_ORDER; order >= 0; order--) {
		while ((b = alloc_pages(GFP_KERNEL, order)) != NULL) {
			b->next = list;
			b->order = order;
			list = b;
			taken += 1UL << order;
		}
	}
	pgalloc_get_stats(&s);
	KTEST_EXPECT_EQ(t, taken, s0.free_pages);
	KTEST_EXPECT_EQ(t, s.free_pages, 0);
	while (list) {
		b = list;
		list = b->next;
		free_pages(b, b->order);
	}
	pgalloc_get_stats(&s);
	KTEST_EXPECT_EQ(t, s.free_pages, s0.free_pages);
	KTEST_EXPECT_EQ(t, s.largest_free_order_pages, s0.largest_free_order_pages);
	complete_all(&may_exit);
}

KTEST_SUITE(pcp,
	    KTEST_CASE(pages_freed_on_other_cpus_come_back),
	    KTEST_CASE(memory_on_other_cpus_lists_is_not_lost));
