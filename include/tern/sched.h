/* SPDX-License-Identifier: MIT */
/*
 * Tasks and the scheduler.  Every task is a kernel thread with its own
 * stack; the scheduler core (kernel/sched/core.c) switches between them and
 * asks the one scheduling policy linked in (Kconfig "Scheduler") which task
 * runs next (kernel/sched/policy.h).
 *
 * Locking: the run queue is protected by interrupts being off on this hart
 * (single hart for now); every function here may be called with
 * interrupts on or off, except where it says otherwise.
 */
#ifndef TERN_SCHED_H
#define TERN_SCHED_H

#include <asm/switch.h>
#include <tern/list.h>
#include <tern/rbtree.h>
#include <tern/types.h>

#define TASK_NAME_LEN		16
#define SCHED_PRIO_LEVELS	32	/* priority policy: 0 lowest .. 31 highest */
#define SCHED_PRIO_DEFAULT	16
#define NICE_MIN		(-20)
#define NICE_MAX		19
#define SCHED_DL_PERIOD_MAX_NS	4000000000ULL	/* deadline policy: 4 s, below 2^32 */

enum task_state {
	TASK_RUNNING,		/* running, or in the policy's queue */
	TASK_SLEEPING,		/* blocked until wake_up_process() */
	TASK_DEAD,		/* exited; its stack is freed by the next switch */
};

/* What the policies keep per task (a superset: each uses its fields). */
struct sched_entity {
	struct list_head run_list;	/* cooperative, round-robin, priority; deadline: background */
	struct rb_node rb_node;		/* fair; deadline: in rq->dl_tree or rq->dl_throttled */
	u64 vruntime;			/* fair: weighted runtime, ns */
	u32 weight;			/* fair: from nice (Linux's table) */
	u64 slice_left;			/* round-robin, priority, deadline background: ns left;
					   fair: granularity left */
	/* deadline: the reservation, all 0 for a background task (sched_set_deadline) */
	u64 dl_runtime;			/* ns of CPU time in each period */
	u64 dl_deadline;		/* ns from the start of a period to its job's deadline */
	u64 dl_period;			/* ns, at most SCHED_DL_PERIOD_MAX_NS */
	u32 dl_bw;			/* dl_runtime / dl_period in units of 2^-20, rounded up */
	/* deadline: the current job, kept by the constant bandwidth server */
	u64 dl_abs_deadline;		/* rq clock, ns: the key in rq->dl_tree */
	s64 dl_runtime_left;		/* ns of dl_runtime not used yet; > 0 outside update_curr */
	bool dl_throttled;		/* ran ahead of the reservation: background until
					   the period of its job begins */
	u64 sum_runtime;		/* every policy: ns run, accounted by the core */
	u64 exec_start;			/* core: clock when this run began */
	int nice;			/* NICE_MIN..NICE_MAX */
	int prio;			/* 0..SCHED_PRIO_LEVELS-1 */
	bool on_rq;			/* in the policy's queue */
};

struct task {
	struct context ctx;		/* callee-saved registers while switched out */
	enum task_state state;
	struct sched_entity se;
	void *stack;			/* lowest address of the kernel stack */
	int (*fn)(void *arg);
	void *arg;
	int exit_code;
	unsigned int pid;
	struct list_head tasks;		/* all_tasks */
	char name[TASK_NAME_LEN];
};

/* The task running on this hart. */
struct task *current_task(void);
#define current current_task()

/*
 * Creates a kernel thread that runs fn(arg), sleeping until
 * wake_up_process(); kthread_run also wakes it.  NULL when memory is
 * short.  When fn returns, the thread exits with its return value.
 */
struct task *kthread_create(int (*fn)(void *arg), void *arg, const char *name);
struct task *kthread_run(int (*fn)(void *arg), void *arg, const char *name);
void kthread_exit(int code) __attribute__((__noreturn__));

/* Gives up the CPU until something else ran (or nothing else can). */
void yield(void);

/*
 * A voluntary preemption point: switches if the tick or a wake-up asked
 * for it.  Long-running kernel loops call it, so a kernel built without
 * PREEMPT still shares the CPU.
 */
void cond_resched(void);

/*
 * Picks the next task and switches to it.  The caller has set
 * current->state (TASK_SLEEPING to block).  Interrupts may be on.
 */
void schedule(void);

/* Makes a sleeping task runnable; true if it was sleeping. */
bool wake_up_process(struct task *t);

/* Sleeps at least ms milliseconds (kernel timers wake the task). */
void msleep(unsigned int ms);

/* Policy knobs: nice for fair, prio for priority; others ignore them. */
int set_user_nice(struct task *t, int nice);
int sched_set_prio(struct task *t, int prio);

/*
 * Deadline policy: reserves runtime_ns of CPU time for t in every
 * period_ns, each period's share due deadline_ns after the period begins;
 * runtime_ns 0 makes t a background task again and gives its bandwidth
 * back (the other two are then ignored).  A task's bandwidth is also
 * given back when it exits.  Returns 0; -EINVAL unless 0 < runtime <=
 * deadline <= period <= SCHED_DL_PERIOD_MAX_NS, or for the idle task;
 * -EBUSY when the reservations would add up to more than
 * SCHED_DEADLINE_BW_PERCENT of one CPU (t keeps what it had);
 * -EOPNOTSUPP when the policy linked in is not deadline.
 */
int sched_set_deadline(struct task *t, u64 runtime_ns, u64 deadline_ns, u64 period_ns);

/* Scheduler-accounted runtime of a task, in ns. */
u64 task_runtime_ns(const struct task *t);

/* The policy's name for the banner ("fair"). */
const char *sched_policy_name(void);

/* Boot: turns the boot code into the first task and creates the idle task. */
void sched_init(void);

/* From the timer interrupt, every tick, with interrupts off. */
void scheduler_tick(void);

/*
 * On the way out of an interrupt: switch if the tick or a wake-up asked
 * for it (CONFIG_PREEMPT), with interrupts off.
 */
void preempt_on_irq_exit(void);

/* Preemption can be held off around short critical sections. */
void preempt_disable(void);
void preempt_enable(void);

#endif
