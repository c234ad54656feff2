/* SPDX-License-Identifier: MIT */
/*
 * Pipes (fs/pipe.c): a ring of PIPE_SIZE bytes between a read end and a
 * write end.  Writes of at most PIPE_BUF bytes are atomic; reads block
 * until data or until every write end is closed (then 0); writes block
 * until room, and fail with -EPIPE once every read end is closed (SIGPIPE
 * is the signals code's to raise).  O_NONBLOCK: -EAGAIN instead of
 * blocking.  Who may call: task context, no lock held.
 */
#ifndef TERN_PIPE_H
#define TERN_PIPE_H

#include <tern/errno.h>
#include <asm/page.h>
#include <tern/fs.h>

#define PIPE_SIZE_ORDER	2				/* ring pages, as an order */
#define PIPE_SIZE	(PAGE_SIZE << PIPE_SIZE_ORDER)	/* 16 KiB with 4 KiB pages */

/*
 * res[0] the read end, res[1] the write end; flags O_NONBLOCK, O_CLOEXEC,
 * O_DIRECT (ignored): 0, -EINVAL, -ENOMEM, or -ENOSYS without FS_PIPE.
 */
#ifdef CONFIG_FS_PIPE
int create_pipe_files(struct file **res, int flags);
#else
static inline int create_pipe_files(struct file **res, int flags)
{
	return -ENOSYS;
}
#endif

#endif
