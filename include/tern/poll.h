/* SPDX-License-Identifier: MIT */
/*
 * Readiness for poll/select (f_op->poll).  A poll method returns the
 * events ready now (POLLIN ...); when given a poll_table, it first calls
 * poll_wait(file, wq, pt) for each wait queue whose wake_up may change
 * the answer, so that ppoll can sleep on all of them:
 *
 *	unsigned int pipe_poll(struct file *f, struct poll_table *pt)
 *	{
 *		poll_wait(f, &pipe->wait, pt);
 *		return ready_bits;
 *	}
 *
 * The table's owner (a poll loop) supplies the queue callback and removes
 * its entries when done (poll_table_free).
 */
#ifndef TERN_POLL_H
#define TERN_POLL_H

#include <tern/fs.h>
#include <tern/wait.h>

#define POLLIN		0x0001
#define POLLPRI		0x0002
#define POLLOUT		0x0004
#define POLLERR		0x0008
#define POLLHUP		0x0010
#define POLLNVAL	0x0020
#define POLLRDNORM	0x0040
#define POLLWRNORM	0x0100
#define POLLRDBAND	0x0080
#define POLLWRBAND	0x0200

struct poll_table_entry {
	struct wait_queue_head *wq;
	struct wait_entry wait;
};

/* The entries of one poll pass (one table per polling task). */
struct poll_table {
	unsigned int nr, max;
	int error;			/* -ENOMEM when more queues than entries */
	struct poll_table_entry *entries;
};

struct pollfd {				/* poll(2) */
	int fd;
	short events;
	short revents;
};

void poll_table_init(struct poll_table *pt, struct poll_table_entry *entries, unsigned int max);
/* Adds current to wq (pt NULL: nothing to do). */
void poll_wait(struct file *file, struct wait_queue_head *wq, struct poll_table *pt);
/* Removes current from every queue pt added it to. */
void poll_table_free(struct poll_table *pt);
/* The file's ready events (f_op->poll, or POLLIN|POLLOUT without one). */
unsigned int vfs_poll(struct file *file, struct poll_table *pt);

/*
 * poll(2) on kernel memory, with current's fds: fills each revents and
 * returns how many are non-zero, waiting until one is or until the
 * ktime_ns() deadline passes (0: do not wait; U64_MAX: no deadline).
 * -ENOMEM.  Signals do not interrupt it yet (the signals code adds that).
 */
int do_poll(struct pollfd *fds, unsigned int nfds, u64 deadline);

/*
 * select(2) on kernel fd sets of n bits (any may be NULL), rewritten in
 * place to the ready fds: the number of bits set, -EBADF for a set fd
 * that is not open, -ENOMEM.  Same deadline as do_poll.
 */
int do_select(unsigned int n, unsigned long *in, unsigned long *out, unsigned long *ex,
	      u64 deadline);

#endif
