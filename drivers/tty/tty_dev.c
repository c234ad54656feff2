// SPDX-License-Identifier: MIT
/*
 * /dev/console (5,1) and /dev/tty (5,0): the console tty (tty_io.c) as a
 * character device of devfs.  Both reach the same tty: there is one
 * terminal, and no controlling-terminal bookkeeping yet (TIOCSCTTY and
 * TIOCNOTTY answer -ENOSYS until sessions exist).
 *
 * Data moves between the user and the tty through a bounce buffer on the
 * stack, since tty_read and tty_write take kernel memory.  A read returns
 * what the first tty_read gave, plus what is already there without
 * waiting, up to the end of a line: in canonical mode one read never
 * returns more than one line, as in Linux.
 */
#include <tern/devfs.h>
#include <tern/errno.h>
#include <tern/fs.h>
#include <tern/poll.h>
#include <tern/printk.h>
#include <tern/tty.h>
#include <uapi/linux/fcntl.h>

#define TTY_CHUNK	256

static int tty_dev_open(struct inode *inode, struct file *file)
{
	file->private_data = inode->i_private;
	return 0;
}

static ssize_t tty_dev_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct tty_struct *tty = file->private_data;
	bool nonblock = file->f_flags & O_NONBLOCK;
	char buf[TTY_CHUNK];
	ssize_t done = 0, r;

	(void)pos;
	while (to->count) {
		r = tty_read(tty, buf, to->count < TTY_CHUNK ? to->count : TTY_CHUNK, nonblock);
		if (r <= 0)
			return done ? done : r;	/* -EAGAIN after data: what we have */
		if (copy_to_iter(buf, (size_t)r, to) != (size_t)r)
			return done ? done : -EFAULT;
		done += r;
		if (r < TTY_CHUNK || buf[r - 1] == '\n')
			break;
		nonblock = true;	/* only what is already there */
	}
	return done;
}

static ssize_t tty_dev_write(struct file *file, struct iov_iter *from, loff_t *pos)
{
	struct tty_struct *tty = file->private_data;
	char buf[TTY_CHUNK];
	ssize_t done = 0;

	(void)pos;
	while (from->count) {
		size_t n = copy_from_iter(buf, from->count < TTY_CHUNK ? from->count : TTY_CHUNK,
					  from);

		if (!n)
			return done ? done : -EFAULT;
		tty_write(tty, buf, n);
		done += (ssize_t)n;
	}
	return done;
}

static long tty_dev_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	return tty_ioctl(file->private_data, cmd, arg, true);
}

static unsigned int tty_dev_poll(struct file *file, struct poll_table *pt)
{
	struct tty_struct *tty = file->private_data;
	unsigned int mask = 0;

	poll_wait(file, &tty->read_wait, pt);
	if (tty_poll_readable(tty))
		mask |= POLLIN | POLLRDNORM;
	if (tty_poll_writable(tty))
		mask |= POLLOUT | POLLWRNORM;
	return mask;
}

static const struct file_operations tty_dev_fops = {
	.open = tty_dev_open,
	.read = tty_dev_read,
	.write = tty_dev_write,
	.ioctl = tty_dev_ioctl,
	.poll = tty_dev_poll,
};

void tty_register_console_nodes(struct tty_struct *tty)
{
	int err = devfs_register_chrdev("console", 0600, MKDEV(5, 1), &tty_dev_fops, tty);

	if (!err)
		err = devfs_register_chrdev("tty", 0666, MKDEV(5, 0), &tty_dev_fops, tty);
	if (err)
		pr_warn("tty: /dev/console and /dev/tty not registered (error %d)\n", err);
}
