// SPDX-License-Identifier: MIT
/*
 * poll tables (include/tern/poll.h), and ppoll and pselect6 on them.
 *
 * A pass asks every file for its events with a poll table, which puts
 * the task on each queue the file names (and marks it sleeping); if
 * nothing is ready, the task sleeps until one of those queues is woken
 * or the timeout's ktimer fires, then takes itself off every queue and
 * asks again.
 *
 * A signal ends the wait with -ERESTARTNOHAND (-EINTR when a handler
 * runs, else the call restarts with the time left, which is written
 * back as Linux does).  ppoll and pselect6 install their signal mask
 * for the call (set_user_sigmask); an interrupted call keeps it until
 * the handler frame saved it (restore_saved_sigmask_unless).
 */
#include <tern/bitmap.h>
#include <tern/errno.h>
#include <tern/fdtable.h>
#include <tern/kernel.h>
#include <tern/poll.h>
#include <tern/sched.h>
#include <tern/signal.h>
#include <tern/slab.h>
#include <tern/string.h>
#include <tern/syscalls.h>
#include <tern/timer.h>
#include <tern/uaccess.h>

#define POLL_NO_DEADLINE	UINT64_MAX
#define POLL_ALWAYS		(POLLERR | POLLHUP | POLLNVAL)
#define SIGSET_SIZE		8	/* Linux's kernel sigset_t on RISC-V */

void poll_table_init(struct poll_table *pt, struct poll_table_entry *entries, unsigned int max)
{
	pt->nr = 0;
	pt->max = max;
	pt->error = 0;
	pt->entries = entries;
}

void poll_wait(struct file *file, struct wait_queue_head *wq, struct poll_table *pt)
{
	struct poll_table_entry *e;

	if (!pt)
		return;
	if (pt->nr == pt->max) {
		pt->error = -ENOMEM;
		return;
	}
	e = &pt->entries[pt->nr++];
	e->wq = wq;
	e->wait.task = current;
	INIT_LIST_HEAD(&e->wait.node);
	prepare_to_wait(wq, &e->wait);
}

void poll_table_free(struct poll_table *pt)
{
	unsigned int i;

	for (i = 0; i < pt->nr; i++)
		finish_wait(pt->entries[i].wq, &pt->entries[i].wait);
	pt->nr = 0;
}

unsigned int vfs_poll(struct file *file, struct poll_table *pt)
{
	if (file->f_mode & FMODE_PATH)
		return POLLNVAL;
	if (!file->f_op->poll)
		return POLLIN | POLLOUT | POLLRDNORM | POLLWRNORM;
	return file->f_op->poll(file, pt);
}

struct poll_timeout {
	struct ktimer timer;
	struct task *task;
	bool expired;
};

static void poll_timeout_fn(struct ktimer *timer)
{
	struct poll_timeout *to = container_of(timer, struct poll_timeout, timer);

	WRITE_ONCE(to->expired, true);
	wake_up_process(to->task);
}

/* One pass over fds: how many have events. */
static int poll_pass(struct pollfd *fds, unsigned int nfds, struct poll_table *pt)
{
	unsigned int i;
	int count = 0;

	for (i = 0; i < nfds; i++) {
		struct file *f;
		unsigned int mask = 0;

		if (fds[i].fd >= 0) {
			f = fget((unsigned int)fds[i].fd);
			mask = POLLNVAL;
			if (f) {
				mask = vfs_poll(f, pt);
				fput(f);
			}
		}
		fds[i].revents = (short)(mask & ((unsigned short)fds[i].events | POLL_ALWAYS));
		if (fds[i].revents)
			count++;
	}
	return count;
}

int do_poll(struct pollfd *fds, unsigned int nfds, u64 deadline)
{
	struct poll_timeout to = { .task = current };
	struct poll_table_entry *entries;
	struct poll_table pt;
	int count;

	entries = kmalloc((nfds ? nfds : 1) * 2 * sizeof(*entries), GFP_KERNEL);
	if (!entries)
		return -ENOMEM;
	if (deadline && deadline != POLL_NO_DEADLINE)
		ktimer_start(&to.timer, deadline, poll_timeout_fn);
	for (;;) {
		poll_table_init(&pt, entries, nfds * 2);
		if (deadline)
			current->state = TASK_SLEEPING;	/* before asking: no lost wake-up */
		count = poll_pass(fds, nfds, deadline ? &pt : NULL);
		if (count || !deadline || READ_ONCE(to.expired) || pt.error ||
		    signal_pending(current)) {
			poll_table_free(&pt);
			current->state = TASK_RUNNING;
			if (!count && !pt.error && deadline && !READ_ONCE(to.expired) &&
			    signal_pending(current))
				pt.error = -ERESTARTNOHAND;
			break;
		}
		schedule();
		poll_table_free(&pt);
	}
	if (deadline && deadline != POLL_NO_DEADLINE)
		ktimer_cancel(&to.timer);
	kfree(entries);
	return count ? count : pt.error;
}

/* A user timespec into a ktime_ns() deadline: 0, or -EFAULT / -EINVAL. */
static int timeout_to_deadline(struct __kernel_timespec __user *tsp, u64 *deadline)
{
	struct __kernel_timespec ts;

	*deadline = POLL_NO_DEADLINE;
	if (!tsp)
		return 0;
	if (copy_from_user(&ts, tsp, sizeof(ts)))
		return -EFAULT;
	if (ts.tv_sec < 0 || ts.tv_nsec < 0 || ts.tv_nsec >= (long long)NSEC_PER_SEC)
		return -EINVAL;
	if (!ts.tv_sec && !ts.tv_nsec) {
		*deadline = 0;
		return 0;
	}
	if ((u64)ts.tv_sec >= (POLL_NO_DEADLINE - ktime_ns()) / NSEC_PER_SEC - 1)
		return 0;	/* beyond any uptime: no deadline */
	*deadline = ktime_ns() + (u64)ts.tv_sec * NSEC_PER_SEC + (u64)ts.tv_nsec;
	return 0;
}

/* Writes the time left back, as Linux's ppoll and pselect6 do. */
static void deadline_to_user(u64 deadline, struct __kernel_timespec __user *tsp)
{
	struct __kernel_timespec ts = { 0, 0 };
	u64 now = ktime_ns();

	if (!tsp || !deadline || deadline == POLL_NO_DEADLINE)
		return;
	if (deadline > now) {
		ts.tv_sec = (s64)((deadline - now) / NSEC_PER_SEC);
		ts.tv_nsec = (long long)((deadline - now) % NSEC_PER_SEC);
	}
	if (copy_to_user(tsp, &ts, sizeof(ts)))
		return;		/* Linux ignores this failure too */
}

static unsigned int nofile_limit(void)
{
	return current->files ? READ_ONCE(current->files->nofile) : 0;
}

long sys_ppoll(struct pollfd __user *ufds, unsigned int nfds,
	       struct __kernel_timespec __user *tsp, const void __user *sigmask,
	       size_t sigsetsize)
{
	struct pollfd *fds;
	u64 deadline;
	long r;

	if (sigmask && sigsetsize != SIGSET_SIZE)
		return -EINVAL;
	if (nfds > nofile_limit() && nfds > 0)
		return -EINVAL;
	r = timeout_to_deadline(tsp, &deadline);
	if (r)
		return r;
	fds = kmalloc((nfds ? nfds : 1) * sizeof(*fds), GFP_KERNEL);
	if (!fds)
		return -ENOMEM;
	r = copy_from_user(fds, ufds, nfds * sizeof(*fds)) ? -EFAULT : 0;
	if (!r)
		r = set_user_sigmask(sigmask, sigsetsize);
	if (!r) {
		r = do_poll(fds, nfds, deadline);
		restore_saved_sigmask_unless(r == -ERESTARTNOHAND);
	}
	if (r >= 0) {
		unsigned int i;

		for (i = 0; i < nfds; i++)
			if (put_user(fds[i].revents, &ufds[i].revents))
				r = -EFAULT;
	}
	if (r >= 0 || r == -ERESTARTNOHAND)
		deadline_to_user(deadline, tsp);
	kfree(fds);
	return r;
}

#define SELECT_IN	(POLLIN | POLLRDNORM | POLLRDBAND | POLLHUP | POLLERR)
#define SELECT_OUT	(POLLOUT | POLLWRNORM | POLLWRBAND | POLLERR)
#define SELECT_EX	POLLPRI

struct fd_sets {
	unsigned long *in, *out, *ex;	/* each BITS_TO_LONGS(n) longs, or NULL */
};

static int get_fd_set(unsigned long __user *u, unsigned long **k, unsigned int n)
{
	size_t size = BITS_TO_LONGS(n) * sizeof(long);

	*k = NULL;
	if (!u)
		return 0;
	*k = kzalloc(size ? size : 1, GFP_KERNEL);
	if (!*k)
		return -ENOMEM;
	return copy_from_user(*k, u, size) ? -EFAULT : 0;
}

static bool in_set(const unsigned long *set, unsigned int fd)
{
	return set && bitmap_test_bit(set, fd);
}

/* The pollfds for the fds in any set: how many, or -EBADF / -ENOMEM. */
static int sets_to_pollfds(const struct fd_sets *s, unsigned int n, struct pollfd **out)
{
	struct pollfd *fds = kmalloc((n ? n : 1) * sizeof(*fds), GFP_KERNEL);
	unsigned int fd, k = 0;

	if (!fds)
		return -ENOMEM;
	for (fd = 0; fd < n; fd++) {
		short ev = (short)((in_set(s->in, fd) ? POLLIN : 0) |
				   (in_set(s->out, fd) ? POLLOUT : 0) |
				   (in_set(s->ex, fd) ? POLLPRI : 0));
		struct file *f;

		if (!ev)
			continue;
		f = fget(fd);
		if (!f) {
			kfree(fds);
			return -EBADF;
		}
		fput(f);
		fds[k++] = (struct pollfd){ (int)fd, ev, 0 };
	}
	*out = fds;
	return (int)k;
}

/* The ready fds back into the sets (cleared first): the number of bits set. */
static int pollfds_to_sets(const struct pollfd *fds, int nr, struct fd_sets *s, unsigned int n)
{
	size_t size = BITS_TO_LONGS(n) * sizeof(long);
	int i, count = 0;

	if (s->in)
		memset(s->in, 0, size);
	if (s->out)
		memset(s->out, 0, size);
	if (s->ex)
		memset(s->ex, 0, size);
	for (i = 0; i < nr; i++) {
		unsigned int fd = (unsigned int)fds[i].fd;

		if ((fds[i].events & POLLIN) && (fds[i].revents & SELECT_IN)) {
			bitmap_set_bit(s->in, fd);
			count++;
		}
		if ((fds[i].events & POLLOUT) && (fds[i].revents & SELECT_OUT)) {
			bitmap_set_bit(s->out, fd);
			count++;
		}
		if ((fds[i].events & POLLPRI) && (fds[i].revents & SELECT_EX)) {
			bitmap_set_bit(s->ex, fd);
			count++;
		}
	}
	return count;
}

static long put_fd_sets(const struct fd_sets *s, unsigned long __user *inp,
			unsigned long __user *outp, unsigned long __user *exp, unsigned int n)
{
	size_t size = BITS_TO_LONGS(n) * sizeof(long);

	if ((inp && copy_to_user(inp, s->in, size)) || (outp && copy_to_user(outp, s->out, size)) ||
	    (exp && copy_to_user(exp, s->ex, size)))
		return -EFAULT;
	return 0;
}

int do_select(unsigned int n, unsigned long *in, unsigned long *out, unsigned long *ex,
	      u64 deadline)
{
	struct fd_sets sets = { in, out, ex };
	struct pollfd *fds = NULL;
	int nr = sets_to_pollfds(&sets, n, &fds), r;

	if (nr < 0)
		return nr;
	r = do_poll(fds, (unsigned int)nr, deadline);
	if (r >= 0)
		r = pollfds_to_sets(fds, nr, &sets, n);
	kfree(fds);
	return r;
}

static long do_pselect(unsigned int n, unsigned long __user *inp, unsigned long __user *outp,
		       unsigned long __user *exp, u64 deadline, struct fd_sets *s)
{
	long r = get_fd_set(inp, &s->in, n);

	if (!r)
		r = get_fd_set(outp, &s->out, n);
	if (!r)
		r = get_fd_set(exp, &s->ex, n);
	return r ? r : do_select(n, s->in, s->out, s->ex, deadline);
}

long sys_pselect6(int n, unsigned long __user *inp, unsigned long __user *outp,
		  unsigned long __user *exp, struct __kernel_timespec __user *tsp,
		  void __user *sig)
{
	struct fd_sets s = { NULL, NULL, NULL };
	u64 deadline;
	long r;

	struct { const void __user *ss; size_t ss_len; } sm = { NULL, 0 };

	if (n < 0)
		return -EINVAL;
	if ((unsigned int)n > nofile_limit())
		n = (int)nofile_limit();
	/* sig: NULL, or {const sigset_t *ss; size_t ss_len} (Linux's pselect6 ABI) */
	if (sig && copy_from_user(&sm, sig, sizeof(sm)))
		return -EFAULT;
	r = timeout_to_deadline(tsp, &deadline);
	if (!r)
		r = set_user_sigmask(sm.ss, sm.ss_len);
	if (!r) {
		r = do_pselect((unsigned int)n, inp, outp, exp, deadline, &s);
		restore_saved_sigmask_unless(r == -ERESTARTNOHAND);
	}
	if (r >= 0) {
		long e = put_fd_sets(&s, inp, outp, exp, (unsigned int)n);

		r = e ? e : r;
	}
	if (r >= 0 || r == -ERESTARTNOHAND)
		deadline_to_user(deadline, tsp);
	kfree(s.in);
	kfree(s.out);
	kfree(s.ex);
	return r;
}
