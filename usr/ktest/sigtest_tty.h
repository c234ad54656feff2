/* SPDX-License-Identifier: MIT */
/*
 * sigtest.c's console cases (the controlling tty, SIGTTIN, ^C), in a file of its own to keep sigtest.c short.
 * Included once, by sigtest.c, after its helpers.
 */

#define TIOCSCTTY	0x540E
#define TIOCGPGRP	0x540F
#define TIOCSPGRP	0x5410
#define TIOCNOTTY	0x5422
#define TIOCGSID	0x5429
#define AT_FDCWD	-100
#define O_RDWR		2
#define ENOTTY		25
#define EPERM		1

/* The controlling tty: a new session's leader opens the console and gets it. */
static int test_ctty(void)
{
	long pid = sys0(getpid), fd, child;
	int v = 0, st;

	CHECK(1, set_action(SIGHUP, (void *)SIG_IGN, 0, 0) == 0);	/* TIOCNOTTY's */
	CHECK(2, sys0(setsid) == pid);
	fd = sys4(openat, AT_FDCWD, "/dev/console", O_RDWR, 0);
	CHECK(3, fd >= 0);
	CHECK(4, sys3(ioctl, fd, TIOCGSID, &v) == 0 && v == pid);
	CHECK(5, sys3(ioctl, fd, TIOCGPGRP, &v) == 0 && v == pid);
	child = fork();
	if (child == 0) {
		int w = 0;

		if (sys3(ioctl, fd, TIOCSCTTY, 0) != -EPERM)	/* not a session leader */
			sys_exit(1);
		if (sys2(setpgid, 0, 0) != 0)
			sys_exit(2);
		w = (int)sys0(getpid);
		if (sys3(ioctl, fd, TIOCSPGRP, &w) != 0)
			sys_exit(3);
		sys_exit(0);
	}
	CHECK(6, waitpid(child, &st, 0) == child && st == 0);
	CHECK(7, sys3(ioctl, fd, TIOCGPGRP, &v) == 0 && v == child);
	v = (int)pid;
	CHECK(8, sys3(ioctl, fd, TIOCSPGRP, &v) == 0);
	/* A background group's read: SIGTTIN (caught: -EINTR), or -EIO when ignored. */
	child = fork();
	if (child == 0) {
		char c;

		if (sys2(setpgid, 0, 0) != 0 || set_action(SIGTTIN, count_handler, 0, 0) != 0)
			sys_exit(1);
		if (sys3(read, fd, &c, 1) != -EINTR || hits != 1 || last_sig != SIGTTIN)
			sys_exit(2);
		set_action(SIGTTIN, (void *)SIG_IGN, 0, 0);
		sys_exit(sys3(read, fd, &c, 1) == -5 ? 0 : 3);	/* EIO */
	}
	CHECK(20, waitpid(child, &st, 0) == child && st == 0);
	CHECK(9, sys3(ioctl, fd, TIOCNOTTY, 0) == 0);
	CHECK(10, sys3(ioctl, fd, TIOCGSID, &v) == -ENOTTY);
	CHECK(11, sys3(ioctl, fd, TIOCNOTTY, 0) == -ENOTTY);	/* not ours now */
	CHECK(12, sys3(ioctl, fd, TIOCSCTTY, 0) == 0);
	CHECK(13, sys3(ioctl, fd, TIOCGSID, &v) == 0 && v == pid);
	return 0;	/* the exit lets it go */
}

/* ^C from the console: the ktest feeds it until this foreground group's handler ran. */
static volatile int got_int;

static void int_handler(int sig)
{
	got_int = sig;
}

static int test_waitint(void)
{
	CHECK(1, set_action(SIGINT, int_handler, 0, 0) == 0);
	CHECK(2, sys2(setpgid, 0, 0) == 0);
	while (!got_int)
		sys0(sched_yield);
	CHECK(3, got_int == SIGINT);
	return 0;
}
