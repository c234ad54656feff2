// SPDX-License-Identifier: MIT
/*
 * Pipes (include/tern/pipe.h).  Each pipe is an inode of the internal
 * pipefs, with its two ends as files of that inode.  The ring is a
 * byte_ring over PIPE_SIZE bytes of pages; pipe->lock (a mutex) guards the
 * ring and the counts, and user memory is copied with it held (in
 * chunks through a small buffer).  Readers and writers sleep on one wait
 * queue, woken after every change.  Waits end on a signal
 * (-ERESTARTSYS, or the bytes moved so far); writing with no reader left
 * is -EPIPE and SIGPIPE to the writer, as Linux.
 */
#include <tern/byte_ring.h>
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/init.h>
#include <tern/kernel.h>
#include <tern/pgalloc.h>
#include <tern/pipe.h>
#include <tern/poll.h>
#include <tern/process.h>
#include <tern/signal.h>
#include <tern/slab.h>
#include "internal.h"

#define CHUNK	256

struct pipe {
	struct mutex lock;
	struct byte_ring ring;		/* lock */
	unsigned int readers, writers;	/* lock: open ends */
	struct wait_queue_head wait;
};

static struct vfsmount *pipe_mnt;

static bool pipe_readable(struct pipe *p)
{
	return byte_ring_len(&p->ring) || !READ_ONCE(p->writers);
}

static bool pipe_writable(struct pipe *p, size_t need)
{
	return byte_ring_space(&p->ring) >= need || !READ_ONCE(p->readers);
}

/* Moves up to the count of to from the ring (lock held): bytes or -EFAULT. */
static ssize_t pipe_take(struct pipe *p, struct iov_iter *to)
{
	char buf[CHUNK];
	size_t done = 0;

	while (to->count && byte_ring_len(&p->ring)) {
		size_t n = byte_ring_get(&p->ring, (u8 *)buf, MIN(to->count, sizeof(buf)));
		size_t got = copy_to_iter(buf, n, to);

		done += got;
		if (got < n)
			return done ? (ssize_t)done : -EFAULT;
	}
	return (ssize_t)done;
}

static ssize_t pipe_read(struct file *f, struct iov_iter *to, loff_t *pos)
{
	struct pipe *p = f->f_inode->i_private;
	ssize_t r;

	if (!to->count)
		return 0;
	for (;;) {
		bool empty = false;

		mutex_lock(&p->lock);
		if (byte_ring_len(&p->ring))
			r = pipe_take(p, to);
		else if (!p->writers)
			r = 0;
		else if (f->f_flags & O_NONBLOCK)
			r = -EAGAIN;
		else
			empty = true;
		mutex_unlock(&p->lock);
		/* Any bytes end the read: one byte is a count, not a reason to wait. */
		if (!empty)
			break;
		r = wait_event_interruptible(&p->wait, pipe_readable(p));
		if (r)
			break;
	}
	if (r > 0)
		wake_up(&p->wait);
	return r;
}

/* Puts as much of from as fits (lock held): bytes, or -EFAULT. */
static ssize_t pipe_put(struct pipe *p, struct iov_iter *from)
{
	char buf[CHUNK];
	size_t done = 0;

	while (from->count && byte_ring_space(&p->ring)) {
		size_t n = MIN(MIN(from->count, sizeof(buf)), (size_t)byte_ring_space(&p->ring));
		size_t got = copy_from_iter(buf, n, from);

		byte_ring_put(&p->ring, (u8 *)buf, got);
		done += got;
		if (got < n)
			return done ? (ssize_t)done : -EFAULT;
	}
	return (ssize_t)done;
}

static ssize_t pipe_write(struct file *f, struct iov_iter *from, loff_t *pos)
{
	struct pipe *p = f->f_inode->i_private;
	size_t need = from->count <= PIPE_BUF ? from->count : 1;
	ssize_t done = 0, r = 0;

	while (from->count) {
		mutex_lock(&p->lock);
		if (!p->readers)
			r = -EPIPE;
		else if (byte_ring_space(&p->ring) >= need)
			r = pipe_put(p, from);
		else
			r = (f->f_flags & O_NONBLOCK) ? -EAGAIN : 0;
		mutex_unlock(&p->lock);
		if (r > 0) {
			done += r;
			need = 1;
			wake_up(&p->wait);
			continue;
		}
		if (r < 0)
			break;
		r = wait_event_interruptible(&p->wait, pipe_writable(p, need));
		if (r)
			break;
	}
	if (r == -EPIPE && !done && current->sighand) {
		struct ksiginfo info = { .code = SI_USER, .pid = (int)current->tgid };

		send_signal(SIGPIPE, &info, current, true);
	}
	return done ? done : r;
}

static unsigned int pipe_poll(struct file *f, struct poll_table *pt)
{
	struct pipe *p = f->f_inode->i_private;
	unsigned int mask = 0;

	poll_wait(f, &p->wait, pt);
	if (f->f_mode & FMODE_READ) {
		if (byte_ring_len(&p->ring))
			mask |= POLLIN | POLLRDNORM;
		if (!READ_ONCE(p->writers))
			mask |= POLLHUP;
	}
	if (f->f_mode & FMODE_WRITE) {
		if (byte_ring_space(&p->ring) >= PIPE_BUF)
			mask |= POLLOUT | POLLWRNORM;
		if (!READ_ONCE(p->readers))
			mask |= POLLERR;
	}
	return mask;
}

static int pipe_release(struct inode *inode, struct file *f)
{
	struct pipe *p = inode->i_private;

	mutex_lock(&p->lock);
	if (f->f_mode & FMODE_READ)
		p->readers--;
	if (f->f_mode & FMODE_WRITE)
		p->writers--;
	mutex_unlock(&p->lock);
	wake_up(&p->wait);
	return 0;
}

static const struct file_operations pipe_fops = {
	.read = pipe_read,
	.write = pipe_write,
	.poll = pipe_poll,
	.release = pipe_release,
};

static void pipefs_evict_inode(struct inode *inode)
{
	struct pipe *p = inode->i_private;

	if (!p)
		return;
	free_pages(p->ring.buf, PIPE_SIZE_ORDER);
	kfree(p);
}

static const struct super_operations pipefs_sops = {
	.evict_inode = pipefs_evict_inode,
};

static struct super_block *pipefs_mount(struct file_system_type *type, const char *data)
{
	struct super_block *sb = sget_anon(type, &pipefs_sops);

	if (!sb)
		return ERR_PTR(-ENOMEM);
	sb->s_root = d_make_root(sb, new_inode(sb, S_IFDIR | 0700));
	return sb;
}

static void pipefs_kill_sb(struct super_block *sb)
{
	BUG();		/* never unmounted */
}

static struct file_system_type pipefs_type = {
	.name = "pipefs",
	.mount = pipefs_mount,
	.kill_sb = pipefs_kill_sb,
};

/* A pipe inode with its anonymous dentry (vfs_lock held): the path, or -ENOMEM. */
static int pipe_path(struct path *out)
{
	struct super_block *sb = pipe_mnt->mnt_sb;
	struct inode *inode = new_inode(sb, S_IFIFO | 0600);
	struct pipe *p = kzalloc(sizeof(*p), GFP_KERNEL);
	void *buf = alloc_pages(GFP_KERNEL, PIPE_SIZE_ORDER);

	if (!inode || !p || !buf) {
		if (buf)
			free_pages(buf, PIPE_SIZE_ORDER);
		kfree(p);
		if (inode)
			iput(inode);
		return -ENOMEM;
	}
	mutex_init(&p->lock);
	init_waitqueue_head(&p->wait);
	byte_ring_init(&p->ring, buf, PIPE_SIZE);
	p->readers = p->writers = 1;
	inode->i_private = p;
	inode->i_fop = &pipe_fops;
	out->dentry = d_make_root(sb, inode);
	if (!out->dentry) {
		iput(inode);
		return -ENOMEM;
	}
	out->mnt = mntget(pipe_mnt);
	return 0;
}

int create_pipe_files(struct file **res, int flags)
{
	struct path path;
	int err;

	if (flags & ~(O_CLOEXEC | O_NONBLOCK | O_DIRECT))
		return -EINVAL;
	if (IS_ERR_OR_NULL(pipe_mnt))
		return -ENOSYS;
	vfs_lock();
	err = pipe_path(&path);
	vfs_unlock();
	if (err)
		return err;
	flags &= O_NONBLOCK;
	res[0] = alloc_file(&path, O_RDONLY | (unsigned int)flags, &pipe_fops);
	res[1] = IS_ERR(res[0]) ? res[0] : alloc_file(&path, O_WRONLY | (unsigned int)flags,
						      &pipe_fops);
	path_put(&path);
	if (IS_ERR(res[1])) {
		if (!IS_ERR(res[0])) {
			res[0]->f_mode = FMODE_PATH;	/* not counted as a reader yet */
			fput(res[0]);
		}
		return (int)PTR_ERR(res[1]);
	}
	return 0;
}

/* pipefs is internal: not registered, so mount(2) cannot name it. */
static int pipe_init(void)
{
	pipe_mnt = kern_mount(&pipefs_type);
	return IS_ERR(pipe_mnt) ? (int)PTR_ERR(pipe_mnt) : 0;
}
core_initcall(pipe_init);
