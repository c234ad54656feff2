// SPDX-License-Identifier: MIT
/* poll tables (include/tern/poll.h): what ppoll and pselect6 will sleep on. */
#include <tern/errno.h>
#include <tern/poll.h>
#include <tern/sched.h>

void poll_table_init(struct poll_table *pt)
{
	pt->nr = 0;
	pt->error = 0;
}

void poll_wait(struct file *file, struct wait_queue_head *wq, struct poll_table *pt)
{
	struct poll_table_entry *e;

	if (!pt)
		return;
	if (pt->nr == POLL_TABLE_ENTRIES) {
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
