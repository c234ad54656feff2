// SPDX-License-Identifier: MIT
/*
 * /dev/console (5,1) and /dev/tty (5,0): the console tty (tty_io.c) as a
 * character device of devfs.  Both reach the same tty: there is one
 * terminal.  The controlling tty (Linux's rules): a session leader
 * without one that opens the tty without O_NOCTTY, or asks with
 * TIOCSCTTY, gets it when no other session has it; TIOCNOTTY gives it
 * up (the leader's session loses it: its foreground group gets SIGHUP
 * and SIGCONT), and so does the leader's exit; setsid leaves it behind.  A read from a background
 * process group of the controlling tty sends SIGTTIN to that group
 * (-EIO if the reader blocks or ignores SIGTTIN).  Orphaned process
 * groups are not told apart (Linux answers -EIO to them).
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
#include <tern/process.h>
#include <tern/signal.h>
#include <tern/tty.h>
#include <uapi/linux/fcntl.h>

#define TTY_CHUNK	256

static bool is_session_leader(void)
{
	return current->is_process && current->sid == current->pid;
}

/* Makes tty the caller's controlling tty; steal: even if another session has it. */
static int tty_set_ctty(struct tty_struct *tty, bool steal)
{
	unsigned long flags;
	int err = 0;

	if (is_session_leader() && READ_ONCE(tty->session) == (int)current->sid)
		return 0;		/* already the session's */
	if (!is_session_leader() || get_current_tty())
		return -EPERM;
	flags = spin_lock_irqsave(&tty->port->rx_lock);
	if (tty->session && tty->session != (int)current->sid && !steal) {
		err = -EPERM;
	} else {
		tty->session = (int)current->sid;
		tty->pgrp = (int)current->pgid;
	}
	spin_unlock_irqrestore(&tty->port->rx_lock, flags);
	if (!err)
		set_current_tty(tty);
	return err;
}

static int tty_drop_ctty(struct tty_struct *tty)
{
	unsigned long flags;
	int pgrp;

	if (get_current_tty() != tty)
		return -ENOTTY;
	set_current_tty(NULL);
	if (!is_session_leader())
		return 0;
	flags = spin_lock_irqsave(&tty->port->rx_lock);
	pgrp = tty->pgrp;
	tty->session = 0;
	tty->pgrp = 0;
	spin_unlock_irqrestore(&tty->port->rx_lock, flags);
	if (pgrp > 0) {
		kill_something(-pgrp, SIGHUP, SI_KERNEL);
		kill_something(-pgrp, SIGCONT, SI_KERNEL);
	}
	return 0;
}

void tty_session_leader_exit(void)
{
	struct tty_struct *tty = get_current_tty();

	if (tty && is_session_leader())
		tty_drop_ctty(tty);
}

static int tty_dev_open(struct inode *inode, struct file *file)
{
	struct tty_struct *tty = inode->i_private;

	file->private_data = tty;
	if (IS_ENABLED(CONFIG_PROCESSES) && !(file->f_flags & O_NOCTTY) && is_session_leader() &&
	    !get_current_tty())
		(void)tty_set_ctty(tty, false);		/* taken by another session: open anyway */
	return 0;
}

/*
 * A read from a background group of the controlling tty: SIGTTIN to the
 * group and -ERESTARTSYS, or -EIO if the reader will not stop for it.
 * 0: go on.
 */
static int tty_check_background(struct tty_struct *tty)
{
	int pgrp = READ_ONCE(tty->pgrp);

	if (!IS_ENABLED(CONFIG_PROCESSES) || get_current_tty() != tty || !pgrp ||
	    pgrp == (int)current->pgid)
		return 0;
	if (sig_blocked_or_ignored(SIGTTIN))
		return -EIO;
	kill_something(-(int)current->pgid, SIGTTIN, SI_KERNEL);
	return -ERESTARTSYS;
}

static ssize_t tty_dev_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct tty_struct *tty = file->private_data;
	bool nonblock = file->f_flags & O_NONBLOCK;
	char buf[TTY_CHUNK];
	ssize_t done = 0, r;

	(void)pos;
	r = tty_check_background(tty);
	if (r)
		return r;
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
	struct tty_struct *tty = file->private_data;

	if (IS_ENABLED(CONFIG_PROCESSES) && cmd == TIOCSCTTY)
		return tty_set_ctty(tty, arg == 1);
	if (IS_ENABLED(CONFIG_PROCESSES) && cmd == TIOCNOTTY)
		return tty_drop_ctty(tty);
	if (IS_ENABLED(CONFIG_PROCESSES) && cmd == TIOCSPGRP && READ_ONCE(tty->session) &&
	    (get_current_tty() != tty || READ_ONCE(tty->session) != (int)current->sid))
		return -ENOTTY;		/* not the caller's controlling tty */
	return tty_ioctl(tty, cmd, arg, true);
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
