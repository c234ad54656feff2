/* SPDX-License-Identifier: MIT */
/*
 * put_prev_pick_next may take shortcuts (fair.c, prio.c, deadline.c), but
 * it must end exactly as enqueue then pick_next do.  pp_compare builds two
 * run queues with the same tasks, from the same random numbers, sends the
 * previous task back into one the long way and into the other through
 * put_prev_pick_next, and requires the same next task, the same queue
 * (in next_queued order), the same run-queue counters and the same
 * policy fields in every task.
 *
 * Include after sched_sim.h, in a test that defines rnd().
 */
#ifndef TESTS_SCHED_PUT_PREV_H
#define TESTS_SCHED_PUT_PREV_H

#define PP_TASKS	8
#define PP_RANDOM	4	/* random numbers a setup gets per task */
#define PP_CLOCK	(1000 * SIM_MSEC)	/* rq->clock while the tasks are set up */

static struct rq pp_rq[2];
static struct task pp_task[2][PP_TASKS + 1];	/* [PP_TASKS] is prev */

struct pp_policy {
	/* Gives t (queued later if i < queued) its policy fields from r[]. */
	void (*setup_task)(struct task *t, int i, const unsigned int r[PP_RANDOM]);
	void (*setup_rq)(struct rq *rq, unsigned int r);	/* may be NULL */
	/* Policy-specific checks of the short way's queue; may be NULL. */
	bool (*check_rq)(struct rq *rq);
};

static int pp_index(int side, const struct task *t)
{
	return t ? (int)(t - pp_task[side]) : -1;
}

static bool pp_same_queues(void)
{
	struct task *a = sched_policy.next_queued(&pp_rq[0], NULL);
	struct task *b = sched_policy.next_queued(&pp_rq[1], NULL);

	for (; a && b; a = sched_policy.next_queued(&pp_rq[0], a),
		       b = sched_policy.next_queued(&pp_rq[1], b))
		if (pp_index(0, a) != pp_index(1, b))
			return false;
	return !a && !b && pp_rq[0].nr_queued == pp_rq[1].nr_queued &&
	       pp_rq[0].min_vruntime == pp_rq[1].min_vruntime &&
	       pp_rq[0].prio_bitmap == pp_rq[1].prio_bitmap;
}

static bool pp_same_entities(const struct sched_entity *a, const struct sched_entity *b)
{
	return a->on_rq == b->on_rq && a->vruntime == b->vruntime &&
	       a->slice_left == b->slice_left && a->prio == b->prio &&
	       a->dl_abs_deadline == b->dl_abs_deadline &&
	       a->dl_runtime_left == b->dl_runtime_left && a->dl_throttled == b->dl_throttled;
}

/* trials random cases, prev going back with each of flags[0..nflags-1]. */
static void pp_compare(const struct pp_policy *pol, int trials, const unsigned int *flags,
		       int nflags)
{
	int trial, side, i;

	for (trial = 0; trial < trials; trial++) {
		int queued = (int)rnd(PP_TASKS + 1);
		unsigned int r[PP_TASKS + 1][PP_RANDOM], rq_r = rnd(1u << 30);
		unsigned int f = flags[rnd((unsigned int)nflags)];
		struct task *next[2];
		int j;

		for (i = 0; i <= PP_TASKS; i++)
			for (j = 0; j < PP_RANDOM; j++)
				r[i][j] = rnd(1u << 30);
		for (side = 0; side < 2; side++) {
			sched_policy.init_rq(&pp_rq[side]);
			pp_rq[side].clock = PP_CLOCK;
			if (pol->setup_rq)
				pol->setup_rq(&pp_rq[side], rq_r);
			for (i = 0; i <= PP_TASKS; i++) {
				struct task *t = &pp_task[side][i];

				memset(t, 0, sizeof(*t));
				INIT_LIST_HEAD(&t->se.run_list);
				sched_policy.init_task(t);
				t->state = TASK_RUNNING;
				pol->setup_task(t, i, r[i]);
				if (i < queued)
					sched_policy.enqueue(&pp_rq[side], t, 0);
			}
			pp_rq[side].clock += rq_r % (20 * SIM_MSEC);	/* time passes */
		}
		sched_policy.enqueue(&pp_rq[0], &pp_task[0][PP_TASKS], f);
		next[0] = sched_policy.pick_next(&pp_rq[0]);
		next[1] = sched_policy.put_prev_pick_next(&pp_rq[1], &pp_task[1][PP_TASKS], f);
		if (!EXPECT_EQ(pp_index(0, next[0]), pp_index(1, next[1])) ||
		    !EXPECT(pp_same_queues()) ||
		    !EXPECT(!pol->check_rq || pol->check_rq(&pp_rq[1]))) {
			FAIL("trial %d: %d queued, flags %#x", trial, queued, f);
			return;
		}
		for (i = 0; i <= PP_TASKS; i++)
			if (!EXPECT(pp_same_entities(&pp_task[0][i].se, &pp_task[1][i].se))) {
				FAIL("trial %d: task %d differs", trial, i);
				return;
			}
	}
}

#endif
