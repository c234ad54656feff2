// SPDX-License-Identifier: MIT
/*
 * Futexes (include/tern/futex.h, Documentation/threads.md): FUTEX_WAIT,
 * FUTEX_WAKE, FUTEX_WAIT_BITSET, FUTEX_WAKE_BITSET, private or shared,
 * with FUTEX_CLOCK_REALTIME; set_robust_list, get_robust_list and the
 * robust list walk at exit; the wake-up at clear_child_tid.  The other
 * operations (REQUEUE, CMP_REQUEUE, WAKE_OP, the PI ones, FD) get -ENOSYS.
 *
 * Waiters are on the lists of a fixed hash table of buckets, by key.
 *
 * Locking and no lost wake-ups: a waiter takes its bucket's lock
 * (interrupts off), reads the user word, queues itself and marks itself
 * sleeping, all before it drops the lock; a waker changes the word in
 * user mode first, then takes the bucket lock to dequeue and wake.
 * Either the waker finds the waiter queued, or the waiter read the new
 * value and returned -EAGAIN.  The word is read under the lock without
 * faulting (interrupts are off, so the uaccess fixup fails the read);
 * on a failure the waiter drops the lock, faults the page in with an
 * ordinary read, and tries again.  A waker dequeues a waiter before it
 * wakes it, under the lock: a waiter that finds itself off the queue
 * was woken.  Bucket locks nest inside nothing and hold nothing else
 * except the run-queue locks of wake_up_process; mm->lock and the timer
 * locks are taken only with no bucket lock held (shared keys; a wait's
 * timeout is armed before the bucket lock is taken).
 */
#include <asm/futex.h>
#include <tern/errno.h>
#include <tern/futex.h>
#include <tern/kernel.h>
#include <tern/list.h>
#include <tern/mm.h>
#include <tern/process.h>
#include <tern/rtc.h>
#include <tern/sched.h>
#include <tern/signal.h>
#include <tern/spinlock.h>
#include <tern/syscalls.h>
#include <tern/timer.h>
#include <tern/uaccess.h>

struct futex_bucket {
	spinlock_t lock;
	struct list_head waiters;	/* lock; struct futex_waiter, by node */
};

struct futex_waiter {
	struct list_head node;		/* bucket lock */
	struct futex_key key;
	struct task *task;
	u32 bitset;
	bool queued;			/* bucket lock; cleared by the waker */
};

struct futex_sleeper {
	struct ktimer timer;
	struct task *task;
};

static struct futex_bucket futex_table[1u << FUTEX_HASH_BITS];

static struct futex_bucket *futex_bucket(const struct futex_key *key)
{
	struct futex_bucket *b = &futex_table[futex_hash(key)];

	if (!b->waiters.next) {		/* first use: zeroed lock, lazily made list */
		unsigned long flags = spin_lock_irqsave(&b->lock);

		if (!b->waiters.next)
			INIT_LIST_HEAD(&b->waiters);
		spin_unlock_irqrestore(&b->lock, flags);
	}
	return b;
}

#ifdef CONFIG_MMU
/* Is the word at addr in a MAP_SHARED region of mm? */
static bool in_shared_region(struct mm_struct *mm, unsigned long addr)
{
	struct vm_area_struct *vma;
	bool shared;

	mutex_lock(&mm->lock);
	vma = find_vma(mm, addr);
	shared = vma && vma->vm_start <= addr && (vma->vm_flags & VM_SHARED);
	mutex_unlock(&mm->lock);
	return shared;
}

/* A shared futex's key: the word's physical address.  0 or -EFAULT. */
static int shared_futex_key(struct mm_struct *mm, u32 __user *uaddr, struct futex_key *key)
{
	unsigned long addr = (unsigned long)uaddr;
	pteval_t pte;
	u32 probe;

	/* Shared regions are filled when mapped; a read makes sure of it. */
	if (get_user(probe, uaddr))
		return -EFAULT;
	(void)probe;
	pte = mm_follow_pte(mm, addr);
	if (!pte_present(pte))
		return -EFAULT;
	key->space = NULL;
	key->addr = (unsigned long)pte_phys(pte) + (addr & ~PAGE_MASK);
	return 0;
}
#else
/*
 * Without an MMU an address is the same word in every process that
 * shares the memory (vfork): the (mm, address) key serves all.
 */
static bool in_shared_region(struct mm_struct *mm, unsigned long addr)
{
	return false;
}

static int shared_futex_key(struct mm_struct *mm, u32 __user *uaddr, struct futex_key *key)
{
	return 0;
}
#endif

/* The key of the word at uaddr: -EINVAL unaligned, -EFAULT unmapped. */
static int futex_get_key(u32 __user *uaddr, bool private, struct futex_key *key)
{
	unsigned long addr = (unsigned long)uaddr;
	struct mm_struct *mm = current->mm;

	if (addr & (sizeof(u32) - 1))
		return -EINVAL;
	if (!mm || !access_ok(uaddr, sizeof(u32)))
		return -EFAULT;
	key->space = mm;
	key->addr = addr;
	if (private || !in_shared_region(mm, addr))
		return 0;
	return shared_futex_key(mm, uaddr, key);
}

static void futex_timeout(struct ktimer *timer)
{
	struct futex_sleeper *s = container_of(timer, struct futex_sleeper, timer);

	wake_up_process(s->task);
}

/*
 * Reads the word under b's lock (taken here, held on success with the
 * flags in *flags): 0, or -EFAULT when it cannot be read at all.
 */
static int futex_lock_and_read(struct futex_bucket *b, u32 __user *uaddr, u32 *val,
			       unsigned long *flags)
{
	for (;;) {
		*flags = spin_lock_irqsave(&b->lock);
		if (!get_user(*val, uaddr))
			return 0;
		spin_unlock_irqrestore(&b->lock, *flags);
		if (get_user(*val, uaddr))	/* interrupts on: the fault is served */
			return -EFAULT;
	}
}

static long futex_wait(u32 __user *uaddr, bool private, u32 val, u64 deadline, u32 bitset)
{
	struct futex_waiter w = { .task = current, .bitset = bitset };
	struct futex_sleeper s = { .task = current };
	struct futex_bucket *b;
	unsigned long flags;
	long ret = 0;
	u32 cur;
	int err;

	if (!bitset)
		return -EINVAL;
	err = futex_get_key(uaddr, private, &w.key);
	if (err)
		return err;
	b = futex_bucket(&w.key);
	/*
	 * The timeout's timer is armed once, before the bucket lock (the
	 * timer's lock never nests inside it): firing early only wakes us
	 * while we run, and the deadline is checked after we mark ourselves
	 * sleeping, so its wake-up is never lost.
	 */
	if (deadline != ~0ULL)
		ktimer_start(&s.timer, deadline, futex_timeout);
	err = futex_lock_and_read(b, uaddr, &cur, &flags);
	if (!err && cur != val) {
		spin_unlock_irqrestore(&b->lock, flags);
		err = -EAGAIN;
	}
	if (err) {
		if (deadline != ~0ULL)
			ktimer_cancel(&s.timer);
		return err;
	}
	list_add_tail(&w.node, &b->waiters);
	w.queued = true;
	for (;;) {
		current->state = TASK_SLEEPING;
		__atomic_thread_fence(__ATOMIC_SEQ_CST);	/* against signal_wake_up */
		if (signal_pending(current)) {
			/*
			 * A signal, or the group's end (zap_other_threads sets
			 * sigpending too).  Without a timeout the call restarts
			 * under SA_RESTART; with one it is -EINTR (futex(2)
			 * allows it), not a restart with the whole timeout.
			 */
			ret = deadline == ~0ULL ? -ERESTARTSYS : -EINTR;
			break;
		}
		if (deadline != ~0ULL && ktime_ns() >= deadline) {
			ret = -ETIMEDOUT;
			break;
		}
		spin_unlock(&b->lock);
		schedule();		/* interrupts still off, as sleep_until_ns does */
		spin_lock(&b->lock);
		if (!w.queued)
			break;		/* a waker dequeued us: woken */
	}
	current->state = TASK_RUNNING;
	if (w.queued)
		list_del(&w.node);
	spin_unlock_irqrestore(&b->lock, flags);
	if (deadline != ~0ULL)
		ktimer_cancel(&s.timer);	/* waits if its callback runs elsewhere */
	return ret;
}

/* Wakes up to nr (at least one, as Linux) waiters of key whose bitset meets bitset. */
static int futex_wake_key(const struct futex_key *key, int nr, u32 bitset)
{
	struct futex_bucket *b = futex_bucket(key);
	struct futex_waiter *w, *n;
	unsigned long flags;
	int woken = 0;

	flags = spin_lock_irqsave(&b->lock);
	list_for_each_entry_safe(w, n, &b->waiters, node) {
		if (!futex_key_eq(&w->key, key) || !(w->bitset & bitset))
			continue;
		list_del(&w->node);
		WRITE_ONCE(w->queued, false);
		wake_up_process(w->task);	/* under the lock: w is still there */
		if (++woken >= nr)
			break;
	}
	spin_unlock_irqrestore(&b->lock, flags);
	return woken;
}

static long futex_wake(u32 __user *uaddr, bool private, int nr, u32 bitset)
{
	struct futex_key key;
	int err;

	if (!bitset)
		return -EINVAL;
	err = futex_get_key(uaddr, private, &key);
	return err ? err : futex_wake_key(&key, nr, bitset);
}

int futex_wake_addr(u32 __user *uaddr, int nr)
{
	return futex_wake(uaddr, false, nr, FUTEX_BITSET_MATCH_ANY);
}

long do_futex(u32 __user *uaddr, int op, u32 val, u64 deadline, u32 val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	bool private = op & FUTEX_PRIVATE_FLAG;

	if ((op & FUTEX_CLOCK_REALTIME) && cmd != FUTEX_WAIT && cmd != FUTEX_WAIT_BITSET)
		return -ENOSYS;
	switch (cmd) {
	case FUTEX_WAIT:
		return futex_wait(uaddr, private, val, deadline, FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAIT_BITSET:
		return futex_wait(uaddr, private, val, deadline, val3);
	case FUTEX_WAKE:
		return futex_wake(uaddr, private, (int)val, FUTEX_BITSET_MATCH_ANY);
	case FUTEX_WAKE_BITSET:
		return futex_wake(uaddr, private, (int)val, val3);
	default:
		return -ENOSYS;	/* REQUEUE, CMP_REQUEUE, WAKE_OP, the PI ops, FD */
	}
}

/* CLOCK_REALTIME now, as clock_gettime reads it. */
static u64 futex_realtime_ns(void)
{
	u64 ns;

	if (!IS_ENABLED(CONFIG_RTC_CLASS) || ktime_get_real_ns(&ns))
		return ktime_ns();
	return ns;
}

/* struct timespec on rv64, struct __kernel_timespec on rv32: two 64-bit words either way. */
struct futex_timespec {
	s64 tv_sec;
	s64 tv_nsec;
};

static long sys_futex_common(u32 __user *uaddr, int op, u32 val,
			     const struct futex_timespec __user *utime, u32 val3)
{
	int cmd = op & FUTEX_CMD_MASK;
	u64 deadline = ~0ULL;

	if (utime && (cmd == FUTEX_WAIT || cmd == FUTEX_WAIT_BITSET)) {
		struct futex_timespec ts;
		u64 ns;

		if (copy_from_user(&ts, utime, sizeof(ts)))
			return -EFAULT;
		if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (s64)NSEC_PER_SEC)
			return -EINVAL;
		ns = (u64)ts.tv_sec >= ~0ULL / NSEC_PER_SEC - 1 ? ~0ULL :
		     (u64)ts.tv_sec * NSEC_PER_SEC + (u64)ts.tv_nsec;
		deadline = futex_deadline(op, ns, ktime_ns(),
					  op & FUTEX_CLOCK_REALTIME ? futex_realtime_ns() : 0);
	}
	return do_futex(uaddr, op, val, deadline, val3);
}

#if __SYSCALL_TIME32
SYSCALL_DEFINE6(futex, u32 __user *, uaddr, int, op, u32, val,
		const struct futex_timespec __user *, utime, u32 __user *, uaddr2, u32, val3)
{
	return sys_futex_common(uaddr, op, val, utime, val3);
}
#else
SYSCALL_DEFINE6(futex_time64, u32 __user *, uaddr, int, op, u32, val,
		const struct futex_timespec __user *, utime, u32 __user *, uaddr2, u32, val3)
{
	return sys_futex_common(uaddr, op, val, utime, val3);
}
#endif

/* ---- robust lists and clear_child_tid ---- */

/* Linux's struct robust_list_head: the list, the word's offset from an entry, the pending one. */
struct robust_list_head {
	unsigned long next;
	long futex_offset;
	unsigned long list_op_pending;
};

SYSCALL_DEFINE2(set_robust_list, void __user *, head, size_t, len)
{
	if (len != sizeof(struct robust_list_head))
		return -EINVAL;
	current->robust_list = (unsigned long)head;
	current->robust_list_len = len;
	return 0;
}

/* A task of current's thread group by tid (0: current); NULL if none.  tasklist_lock held. */
static struct task *group_task_by_tid(int tid)
{
	struct task *t;

	if (!tid || tid == (int)current->pid)
		return current;
	if (!current->thread_group.next)
		return NULL;
	list_for_each_entry(t, &current->thread_group, thread_group)
		if ((int)t->pid == tid && !t->leader_exited)
			return t;
	return NULL;
}

/* Another process's list is not shown: Linux asks for ptrace rights, not done here. */
SYSCALL_DEFINE3(get_robust_list, int, pid, unsigned long __user *, head_ptr,
		size_t __user *, len_ptr)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	struct task *t = group_task_by_tid(pid);
	unsigned long head = t ? t->robust_list : 0;
	size_t len = sizeof(struct robust_list_head);

	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (!t)
		return -ESRCH;
	if (put_user(len, len_ptr) || put_user(head, head_ptr))
		return -EFAULT;
	return 0;
}

/* The owner (tid) of the word at uaddr died: FUTEX_OWNER_DIED, and one waiter woken. */
static void futex_owner_died(u32 __user *uaddr, u32 tid)
{
	for (int tries = 0; tries < 16; tries++) {
		u32 val, cur;

		if (get_user(val, uaddr) || (val & FUTEX_TID_MASK) != tid)
			return;
		if (futex_cmpxchg_user(&cur, uaddr, val, (val & FUTEX_WAITERS) | FUTEX_OWNER_DIED))
			return;
		if (cur != val)
			continue;	/* a waiter set FUTEX_WAITERS meanwhile */
		if (val & FUTEX_WAITERS)
			futex_wake_addr(uaddr, 1);
		return;
	}
}

void exit_robust_list(struct task *t)
{
	struct robust_list_head __user *head = (void __user *)t->robust_list;
	struct robust_list_head h;
	unsigned long entry, pending;
	unsigned int n;

	if (!head || copy_from_user(&h, head, sizeof(h)))
		return;
	t->robust_list = 0;
	pending = h.list_op_pending & ~1UL;
	/* Bit 0 of an entry marks a PI futex: masked off, handled the same. */
	for (entry = h.next & ~1UL, n = 0; entry != (unsigned long)head && n < ROBUST_LIST_LIMIT;
	     n++) {
		unsigned long next;

		if (get_user(next, (unsigned long __user *)entry))
			return;
		if (entry != pending)
			futex_owner_died((u32 __user *)(entry + h.futex_offset), t->pid);
		entry = next & ~1UL;
	}
	if (pending)
		futex_owner_died((u32 __user *)(pending + h.futex_offset), t->pid);
}

void clear_child_tid_wake(struct task *t)
{
	u32 __user *tidp = (u32 __user *)t->clear_child_tid;

	t->clear_child_tid = 0;
	if (!put_user(0, tidp))
		futex_wake_addr(tidp, 1);
}
