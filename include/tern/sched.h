/* SPDX-License-Identifier: MIT */
/*
 * Tasks and the scheduler.  Every task is a kernel thread with its own
 * stack; the scheduler core (kernel/sched/core.c) switches between them and
 * asks the one scheduling policy linked in (Kconfig "Scheduler") which task
 * runs next (kernel/sched/policy.h).
 *
 * Each CPU has its own run queue, protected by its lock with interrupts
 * off; a task is on at most one.  Every function here may be called with
 * interrupts on or off, except where it says otherwise.
 */
#ifndef TERN_SCHED_H
#define TERN_SCHED_H

#include <asm/current.h>
#include <asm/switch.h>
#include <tern/list.h>
#include <tern/rbtree.h>
#include <tern/resource.h>
#include <tern/signal_types.h>
#include <tern/types.h>

struct rq;
struct files_struct;
struct fs_struct;

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
	unsigned long slice_left;	/* round-robin, priority, deadline background: ns left;
					   fair: granularity left; at most 1 s (Kconfig) */
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
	u64 prev_sum_runtime;		/* core: sum_runtime when last switched to */
	bool has_run;			/* core: it was switched to at least once */
	int nice;			/* NICE_MIN..NICE_MAX */
	int prio;			/* 0..SCHED_PRIO_LEVELS-1 */
	bool on_rq;			/* in the policy's queue */
};

/* __switch_to is handed a task as its context: ctx must come first. */
struct task {
	struct context ctx;		/* callee-saved registers while switched out */
	void *stack;			/* lowest address of the kernel stack; the trap */
					/* entry finds it after ctx (asm/switch.h) */
	unsigned long kernel_sp;	/* stack + THREAD_STACK_SIZE: where a trap from */
					/* user mode starts; the frame is just below */
	unsigned long user_sp;		/* entry.S only: the user sp while it saves it */
	enum task_state state;
	unsigned int cpu;		/* the CPU whose run queue owns the task */
	struct rq *rq;			/* that CPU's run queue (set_task_cpu sets both) */
	unsigned long cpus_allowed;	/* affinity: bit c set if CPU c may run it */
	int preempt_count;		/* preempt_disable() depth */
	/*
	 * Signals (<tern/signal.h>): a signal may be deliverable; written
	 * under sighand->siglock, read by the way back to user mode (here,
	 * near the start: one load from tp).
	 */
	unsigned int sigpending;
	struct sched_entity se;
	int (*fn)(void *arg);
	void *arg;
	int exit_code;
	unsigned int pid;
	struct mm_struct *mm;		/* user address space in satp while it runs; NULL: none */
	struct files_struct *files;	/* open fds (fdtable.h); NULL: none (kernel threads) */
	struct fs_struct *fs;		/* root, cwd, umask (fs_struct.h); NULL: global root */
	struct list_head tasks;		/* all_tasks: a process until it is reaped, a
					   kernel thread until it exits */
	u64 start_time;			/* ktime_ns() when it was made */
	char name[TASK_NAME_LEN];

	/*
	 * Processes (include/tern/process.h).  A task fork or exec made is a
	 * process (is_process); every task may be a parent.  tasklist_lock
	 * (kernel/exit.c) guards the fields marked "tl".
	 */
	bool is_process;		/* set before the task first runs, never cleared */
	int usage;			/* atomic: holders of the struct (see put_task) */
	struct task *parent;		/* tl; whom wait4 reports to; NULL: nobody */
	struct list_head children;	/* tl; its children, by sibling (empty or unset */
	struct list_head sibling;	/*   until the task first forks: children_init) */
	int exit_state;			/* tl; 0, EXIT_ZOMBIE, EXIT_DEAD */
	int exit_status;		/* tl; the wait status, Linux's encoding */
	int exit_signal;		/* what the parent is told at exit (SIGCHLD, 0) */
	unsigned int tgid;		/* the thread group's id: its leader's pid */
	unsigned int pgid, sid;		/* tl; process group and session */
	unsigned int uid, gid;		/* credentials: all 0 (root) for now */
	unsigned long clear_child_tid;	/* user address zeroed at exit; 0: none */
	unsigned long set_child_tid;	/* user address the child stores its pid at; 0: none */
	unsigned long robust_list;	/* set_robust_list's head; walked at exit (futex.c) */
	unsigned long robust_list_len;	/* its length as given (the head's size) */

	/*
	 * Thread groups (kernel/thread.c, Documentation/threads.md).  Every
	 * process is a group; CLONE_THREAD adds a task to current's.  The
	 * group's state lives in the leader, whose struct outlives every
	 * thread (it is reaped only after the last one).  NULL group_leader,
	 * unset thread_group: a task alone (kernel threads).
	 */
	struct task *group_leader;	/* the group's first task; itself for the leader */
	struct list_head thread_group;	/* tl; ring of the group's live threads */
	int nr_threads;			/* tl, leader only: threads not yet through exit */
	int group_exit_code;		/* tl, leader only: the wait status of a group exit */
	bool group_exiting;		/* tl, leader only: exit_group or a fatal end began */
	bool leader_exited;		/* tl, leader only: it exited, its group still runs */
	struct task *group_exec_task;	/* tl, leader only: a thread in execve, waiting for
					   the others to end (de_thread) */
	bool exit_pending;		/* zap_other_threads: end on the way to user mode */
	struct task *vfork_parent;	/* tl; sleeping in vfork until we exec or exit */
	struct thread_fpu fpu;		/* its user FP registers while not in the hart */
	struct rlimit64 rlim[RLIM_NLIMITS]; /* its resource limits; only it writes them */

	/* Signals (<tern/signal.h>): "sl" fields are sighand->siglock's. */
	struct sighand_struct *sighand;	/* tl + sl to clear; NULL: none (kernel threads) */
	struct signal_struct *signal;	/* tl + sl to clear; the thread group's */
	struct sigpending pending;	/* sl; signals sent to this task alone */
	u64 blocked;			/* sl; changed only by the task itself */
	u64 saved_sigmask;		/* the task's own: put back on the way out */
	bool restore_sigmask;		/* the task's own: saved_sigmask is to go back */
	unsigned long sas_ss_sp;	/* the task's own: the alternate stack, 0 size: none */
	unsigned long sas_ss_size;
	unsigned int sas_ss_flags;	/* SS_AUTODISARM */
	struct restart_block restart_block;	/* the task's own: restart_syscall's */
};

/* A task's kernel stack: its size, and where a trap from user mode saves the registers. */
#define THREAD_STACK_SIZE	(16 * 1024)

/* The first process's pid: no other task gets it (kernel/init.c). */
#define INIT_PID	1

/* The boot code as a task: CPU 0's first task, current from head.S on. */
extern struct task init_task;

/* The task running on this hart (kept in tp, see asm/current.h). */
#define current get_current()

/*
 * Creates a kernel thread that runs fn(arg), sleeping until
 * wake_up_process(); kthread_run also wakes it.  NULL when memory is
 * short.  When fn returns, the thread exits with its return value.
 */
struct task *kthread_create(int (*fn)(void *arg), void *arg, const char *name);
struct task *kthread_run(int (*fn)(void *arg), void *arg, const char *name);
void kthread_exit(int code) __attribute__((__noreturn__));

/* The same, bound to one CPU (affinity cpumask_of(cpu)); NULL if it is offline. */
struct task *kthread_create_on_cpu(int (*fn)(void *arg), void *arg, const char *name,
				   unsigned int cpu);
struct task *kthread_run_on_cpu(int (*fn)(void *arg), void *arg, const char *name,
				unsigned int cpu);

/*
 * Drops a hold on t's struct (task->usage): the final switch away from
 * a dead task drops one, a parent reaping a zombie the other.
 */
void put_task(struct task *t);

/* Gives up the CPU until something else ran (or nothing else can). */
void yield(void);

/*
 * A voluntary preemption point: switches if the tick or a wake-up asked
 * for it.  Long-running kernel loops call it, so a kernel built without
 * PREEMPT still shares the CPU.
 */
void cond_resched(void);

/*
 * Whether this CPU's scheduler asked for a switch (a tick, a wake-up):
 * its run queue's need_resched, which is that struct's first member
 * (kernel/sched/policy.h; core.c checks).  Interrupts off.  For the
 * system-call return path, which tests it without a call.
 */
static inline bool need_resched(void)
{
	return *(const volatile bool *)current->rq;	/* READ_ONCE */
}

/*
 * Picks the next task and switches to it.  The caller has set
 * current->state (TASK_SLEEPING to block).  Interrupts may be on.  It may
 * return before the awaited event (a wake-up meant for an earlier sleep,
 * or a move to another CPU): sleepers re-check their condition in a loop.
 */
void schedule(void);

/* Makes a sleeping task runnable; true if it was sleeping. */
bool wake_up_process(struct task *t);

/*
 * If t is running on another CPU, interrupts that CPU (an IPI), so that
 * t passes its way back to user mode soon (zap_other_threads).
 */
void kick_process(struct task *t);

/* Sleeps at least ms milliseconds (kernel timers wake the task). */
void msleep(unsigned int ms);

/* Sleeps until ktime_ns() reaches deadline (at once if it has). */
void sleep_until_ns(u64 deadline);

/* The same, ended early by a signal (current->sigpending): 0, or -EINTR. */
int sleep_until_ns_interruptible(u64 deadline);

/* Policy knobs: nice for fair, prio for priority; others ignore them. */
int set_user_nice(struct task *t, int nice);
int sched_set_prio(struct task *t, int prio);

/*
 * CPU affinity: the CPUs t may run on (bit c for CPU c; at least one of
 * them online).  A queued task moves at once; a running one at its next
 * switch; a sleeping one when it wakes.  0 or -EINVAL.
 */
int sched_setaffinity(struct task *t, unsigned long mask);
unsigned long sched_getaffinity(const struct task *t);

/*
 * Calls fn(t, arg) for every task with a pid until fn returns nonzero,
 * which it returns (else 0).  fn runs under the task list's lock with
 * interrupts off: it must not sleep.  The lock may nest inside
 * tasklist_lock and a siglock.
 */
int for_each_task(int (*fn)(struct task *t, void *arg), void *arg);

/* Kernel threads alive (not counting the boot task and idle tasks). */
unsigned int sched_nr_threads(void);

/*
 * The pid table for /proc: find_get_task holds the struct of the task
 * with that pid (put_task it), a process until it is reaped (zombies
 * too), a kernel thread until it exits; NULL if there is none.
 * next_tgid is the smallest pid above after of a task that leads its
 * thread group (or is a kernel thread), 0 if there is none.
 */
struct task *find_get_task(unsigned int pid);
unsigned int next_tgid(unsigned int after);
/* Tasks in the table (zombies included) and the highest pid given so far. */
unsigned int nr_listed_tasks(void);
unsigned int last_pid(void);

/* A reaped process leaves the pid table (kernel/exit.c). */
void task_unlist(struct task *t);

/* ns this CPU spent in its idle task; tasks running or ready to run now. */
u64 sched_cpu_idle_ns(unsigned int cpu);
unsigned int sched_nr_running(void);

/* Context switches this CPU has made; for tests. */
unsigned long sched_nr_switches(unsigned int cpu);

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

/*
 * SMP boot, on the boot CPU: creates the idle task cpu will start on and
 * returns it (NULL without memory); the new hart calls
 * sched_start_secondary from that task's stack, and never returns.
 */
struct task *sched_prepare_secondary(unsigned int cpu);
void sched_start_secondary(void) __attribute__((__noreturn__));

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
