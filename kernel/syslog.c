// SPDX-License-Identifier: MIT
/*
 * syslog(2), the Linux call behind klogctl(3) and dmesg: reads and clears
 * the kernel log that printk keeps (<tern/log_ring.h>) and sets the
 * console log level.  The actions and their answers are Linux's (man 2
 * syslog); there are no capabilities, so every process may use every
 * action.  Lines read as "<level>[seconds.micros] text\n".
 *
 * A read copies a moment of the log into a kernel buffer under the log's
 * lock, then to user space without it; READ consumes only what reached
 * user space.
 */
#include <tern/errno.h>
#include <tern/kernel.h>
#include <tern/log_ring.h>
#include <tern/printk.h>
#include <tern/sched.h>
#include <tern/slab.h>
#include <tern/syscalls.h>
#include <tern/timer.h>
#include <tern/uaccess.h>
#include <tern/wait.h>

#define SYSLOG_ACTION_CLOSE		0
#define SYSLOG_ACTION_OPEN		1
#define SYSLOG_ACTION_READ		2
#define SYSLOG_ACTION_READ_ALL		3
#define SYSLOG_ACTION_READ_CLEAR	4
#define SYSLOG_ACTION_CLEAR		5
#define SYSLOG_ACTION_CONSOLE_OFF	6
#define SYSLOG_ACTION_CONSOLE_ON	7
#define SYSLOG_ACTION_CONSOLE_LEVEL	8
#define SYSLOG_ACTION_SIZE_UNREAD	9
#define SYSLOG_ACTION_SIZE_BUFFER	10

#define MINIMUM_CONSOLE_LOGLEVEL	1
/* A blocked READ looks again this often: printk with interrupts off does not wake it. */
#define READ_RECHECK_NS			(100 * NSEC_PER_MSEC)

/* The level CONSOLE_OFF saved, or -1; console_level_lock. */
static int saved_console_loglevel = -1;
static spinlock_t console_level_lock = SPINLOCK_INIT;

struct log_snapshot {
	int action;
	char *buf;
	size_t len;	/* in: the room in buf; out: the bytes copied */
	u32 start;	/* where they started in the log */
	u32 size;	/* SIZE_*: the answer */
};

static void snapshot_fn(struct log_ring *log, void *arg)
{
	struct log_snapshot *s = arg;

	switch (s->action) {
	case SYSLOG_ACTION_READ:
		s->start = log->read;
		break;
	case SYSLOG_ACTION_READ_ALL:
	case SYSLOG_ACTION_READ_CLEAR:
		s->start = log_ring_tail_start(log, s->len);
		break;
	case SYSLOG_ACTION_SIZE_UNREAD:
		s->size = log_ring_unread(log);
		return;
	case SYSLOG_ACTION_SIZE_BUFFER:
		s->size = log->size;
		return;
	}
	if (s->buf)
		s->len = log_ring_copy(log, s->start, s->buf, s->len);
}

static void consume_fn(struct log_ring *log, void *arg)
{
	struct log_snapshot *s = arg;

	if (s->action == SYSLOG_ACTION_READ) {
		/* Unless another reader moved it meanwhile, or the log outran it. */
		if (log->read == s->start)
			log->read = s->start + (u32)s->len;
	} else if (s->action == SYSLOG_ACTION_READ_CLEAR || s->action == SYSLOG_ACTION_CLEAR) {
		log_ring_clear(log);
	}
}

static u32 log_query(int action)
{
	struct log_snapshot s = { .action = action };

	log_locked(snapshot_fn, &s);
	return s.size;
}

struct read_waiter {
	struct ktimer timer;
	struct task *task;
};

static void read_recheck(struct ktimer *timer)
{
	wake_up_process(container_of(timer, struct read_waiter, timer)->task);
}

/* Until the log has unread bytes: 0, or -ERESTARTSYS for a signal. */
static int wait_for_unread(void)
{
	struct read_waiter w = { .task = current };
	struct wait_entry we = { .task = current };
	int ret = 0;

	for (;;) {
		prepare_to_wait(&log_wait, &we);
		if (log_query(SYSLOG_ACTION_SIZE_UNREAD))
			break;
		if (READ_ONCE(current->sigpending)) {
			ret = -ERESTARTSYS;
			break;
		}
		ktimer_start(&w.timer, ktime_ns() + READ_RECHECK_NS, read_recheck);
		schedule();
		ktimer_cancel(&w.timer);
	}
	finish_wait(&log_wait, &we);
	return ret;
}

static long syslog_read(int action, char __user *buf, int len)
{
	struct log_snapshot s = { .action = action };
	long ret;

	if (!buf || len < 0)
		return -EINVAL;
	if (!len)
		return 0;
	if (!access_ok(buf, (unsigned long)len))
		return -EFAULT;
	if (action == SYSLOG_ACTION_READ) {
		ret = wait_for_unread();
		if (ret)
			return ret;
	}
	s.len = MIN((size_t)len, (size_t)1 << CONFIG_LOG_BUF_SHIFT);
	s.buf = kmalloc(s.len, GFP_KERNEL);
	if (!s.buf)
		return -ENOMEM;
	log_locked(snapshot_fn, &s);
	if (copy_to_user(buf, s.buf, s.len)) {
		ret = -EFAULT;
	} else {
		log_locked(consume_fn, &s);
		ret = (long)s.len;
	}
	kfree(s.buf);
	return ret;
}

static long syslog_console(int action, int len)
{
	unsigned long flags;
	long ret = 0;

	if (action == SYSLOG_ACTION_CONSOLE_LEVEL && (len < 1 || len > 8))
		return -EINVAL;
	flags = spin_lock_irqsave(&console_level_lock);
	switch (action) {
	case SYSLOG_ACTION_CONSOLE_OFF:
		if (saved_console_loglevel < 0)
			saved_console_loglevel = console_get_loglevel();
		console_set_loglevel(MINIMUM_CONSOLE_LOGLEVEL);
		break;
	case SYSLOG_ACTION_CONSOLE_ON:
		if (saved_console_loglevel >= 0)
			console_set_loglevel(saved_console_loglevel);
		saved_console_loglevel = -1;
		break;
	default:	/* CONSOLE_LEVEL: also ends a CONSOLE_OFF */
		console_set_loglevel(MAX(len, MINIMUM_CONSOLE_LOGLEVEL));
		saved_console_loglevel = -1;
		break;
	}
	spin_unlock_irqrestore(&console_level_lock, flags);
	return ret;
}

SYSCALL_DEFINE3(syslog, int, type, char __user *, buf, int, len)
{
	struct log_snapshot s = { .action = type };

	switch (type) {
	case SYSLOG_ACTION_CLOSE:
	case SYSLOG_ACTION_OPEN:
		return 0;
	case SYSLOG_ACTION_READ:
	case SYSLOG_ACTION_READ_ALL:
	case SYSLOG_ACTION_READ_CLEAR:
		return syslog_read(type, buf, len);
	case SYSLOG_ACTION_CLEAR:
		log_locked(consume_fn, &s);
		return 0;
	case SYSLOG_ACTION_CONSOLE_OFF:
	case SYSLOG_ACTION_CONSOLE_ON:
	case SYSLOG_ACTION_CONSOLE_LEVEL:
		return syslog_console(type, len);
	case SYSLOG_ACTION_SIZE_UNREAD:
	case SYSLOG_ACTION_SIZE_BUFFER:
		return (long)log_query(type);
	default:
		return -EINVAL;
	}
}
