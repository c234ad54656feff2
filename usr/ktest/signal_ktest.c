// SPDX-License-Identifier: MIT
/*
 * Signals from the outside: each case runs the embedded user program
 * sigtest.c in a new process and checks its wait status (0: every check
 * inside passed; an exit code names the failed check; a signal number
 * says what killed it).  The ktest thread is the parent and, for the
 * case, the child reaper.  The ^C cases feed the console tty's receive
 * path as the UART's interrupt would.
 */
#include <tern/binfmts.h>
#include <tern/errno.h>
#include <tern/fdtable.h>
#include <tern/kernel.h>
#include <tern/ktest.h>
#include <tern/fs.h>
#include <tern/process.h>
#include <tern/sched.h>
#include <tern/signal.h>
#include <tern/string.h>
#include <tern/tty.h>

extern const char __user_sigtest_begin[], __user_sigtest_end[];
extern const char __user_sigtest_pie_begin[], __user_sigtest_pie_end[];

/* Without an MMU only a static-PIE runs, and the cases that fork skip. */
#define SIGTEST_BEGIN	(IS_ENABLED(CONFIG_MMU) ? __user_sigtest_begin : __user_sigtest_pie_begin)
#define SIGTEST_END	(IS_ENABLED(CONFIG_MMU) ? __user_sigtest_end : __user_sigtest_pie_end)
#define NEEDS_FORK(t)	do {								\
	if (!IS_ENABLED(CONFIG_MMU))							\
		KTEST_SKIP(t, "needs fork, which is -ENOSYS without an MMU");		\
} while (0)

#define WNOHANG		1
#define WAIT_MS		10
#define WAITS		500	/* a deadlock guard, not a timing check */

static int run_fn(void *arg)
{
	static const char *const envp[] = { "HOME=/", NULL };
	const char *const *argv = arg;
	struct linux_binprm bprm;

	if (!current->files)
		current->files = files_alloc();	/* an empty fd table: pipe2 works */
	binprm_init_mem(&bprm, "/sigtest", SIGTEST_BEGIN, SIGTEST_END - SIGTEST_BEGIN);
	return -kernel_execve(&bprm, argv, envp);
}

static long spawn(struct ktest *t, const char *const *argv)
{
	long pid = kernel_spawn(run_fn, (void *)argv, "sigtest");

	if (pid < 0)
		ktest_fail(t, __FILE__, __LINE__, "kernel_spawn: %ld", pid);
	return pid;
}

static void expect_status(struct ktest *t, const char *name, const char *arg, int want)
{
	const char *argv[] = { "/sigtest", name, arg, NULL };
	struct task *old = set_child_reaper(current);
	int st = -1;
	long pid = spawn(t, argv);

	if (pid > 0 && kernel_wait4(pid, &st, 0) != pid)
		ktest_fail(t, __FILE__, __LINE__, "wait4 did not reap pid %ld", pid);
	if (st != want)
		ktest_fail(t, __FILE__, __LINE__, "sigtest %s %s: status %#x, want %#x", name,
			   arg ? arg : "", st, want);
	KTEST_EXPECT_EQ(t, kernel_wait4(-1, &st, WNOHANG), -ECHILD);
	set_child_reaper(old);
}

static void a_handler_runs_and_returns(struct ktest *t)
{
	expect_status(t, "handler", NULL, 0);
}

static void every_register_survives_a_handler(struct ktest *t)
{
	expect_status(t, "regs", NULL, 0);
}

static void the_mask_during_a_handler_and_sa_nodefer(struct ktest *t)
{
	expect_status(t, "mask", NULL, 0);
	expect_status(t, "resethand", NULL, 0);
	expect_status(t, "timedwait", NULL, 0);
}

static void a_blocked_read_gets_eintr_or_restarts(struct ktest *t)
{
	NEEDS_FORK(t);
	expect_status(t, "eintr", NULL, 0);
	expect_status(t, "restart", NULL, 0);
	expect_status(t, "nanosleep", NULL, 0);
}

static void sigaltstack_and_sa_onstack(struct ktest *t)
{
	expect_status(t, "altstack", NULL, 0);
}

static void sigsegv_carries_si_addr(struct ktest *t)
{
	if (!IS_ENABLED(CONFIG_MMU))
		KTEST_SKIP(t, "without an MMU a bad address is not always a fault");
	expect_status(t, "segv", "map", 0);
	expect_status(t, "segv", "acc", 0);
}

static void sigchld_stop_and_continue(struct ktest *t)
{
	NEEDS_FORK(t);
	expect_status(t, "chld", NULL, 0);
	expect_status(t, "stop", NULL, 0);
	expect_status(t, "waitid", NULL, 0);
}

static void sigpipe_and_sigkill(struct ktest *t)
{
	NEEDS_FORK(t);
	expect_status(t, "sigpipe", NULL, 0);
	expect_status(t, "kill9", NULL, 0);
}

static void bad_pointers_give_efault_and_change_nothing(struct ktest *t)
{
	expect_status(t, "efault", NULL, 0);
}

/*
 * The console's ^C reaches the foreground group: a process that made
 * its own group (pgid = pid) catches SIGINT (and exits 0), one without
 * a handler dies of it.  The ktest makes that group the foreground and
 * feeds ^C until the process is gone.
 */
static int ctrl_c_until_exit(struct ktest *t, const char *name)
{
	const char *argv[] = { "/sigtest", name, NULL };
	struct tty_struct *tty = console_tty();
	struct termios saved, raw;
	void (*saved_signal)(struct tty_struct *, int, int) = tty->signal;
	int pgrp, saved_pgrp = 0, st = -1, i;
	long pid;

	tty_ioctl(tty, TCGETS, (unsigned long)&saved, false);
	tty_ioctl(tty, TIOCGPGRP, (unsigned long)&saved_pgrp, false);
	raw = saved;
	raw.c_lflag = (raw.c_lflag & ~ECHO) | ISIG;
	tty_ioctl(tty, TCSETSF, (unsigned long)&raw, false);
	tty->signal = NULL;
	pid = spawn(t, argv);
	pgrp = (int)pid;
	tty_ioctl(tty, TIOCSPGRP, (unsigned long)&pgrp, false);
	for (i = 0; pid > 0 && i < WAITS; i++) {
		if (kernel_wait4(pid, &st, WNOHANG) == pid)
			break;
		uart_receive(tty->port, (const u8 *)"\x03", 1);
		msleep(WAIT_MS);
	}
	if (i == WAITS) {
		ktest_fail(t, __FILE__, __LINE__, "^C never reached pid %ld", pid);
		kill_something((int)pid, SIGKILL, SI_KERNEL);
		kernel_wait4(pid, &st, 0);
	}
	tty->signal = saved_signal;
	tty_ioctl(tty, TIOCSPGRP, (unsigned long)&saved_pgrp, false);
	tty_ioctl(tty, TCSETSF, (unsigned long)&saved, false);
	return st;
}

static void ctrl_c_reaches_the_foreground_group(struct ktest *t)
{
	NEEDS_FORK(t);
	struct task *old;

	if (!console_tty())
		KTEST_SKIP(t, "no UART console");
	old = set_child_reaper(current);
	KTEST_EXPECT_EQ(t, ctrl_c_until_exit(t, "waitint"), 0);
	KTEST_EXPECT_EQ(t, ctrl_c_until_exit(t, "loop"), SIGINT);
	set_child_reaper(old);
}

/* TIOCSCTTY, TIOCNOTTY, TIOCGSID, TIOCSPGRP from a session leader; its exit lets the tty go. */
static void the_controlling_tty(struct ktest *t)
{
	if (!vfs_root_mounted())
		KTEST_SKIP(t, "no root filesystem, so no /dev/console (FS_RAMFS=n)");
	NEEDS_FORK(t);
	struct tty_struct *tty = console_tty();
	int pgrp = 0, session;

	if (!tty || !IS_ENABLED(CONFIG_TTY_DEV))
		KTEST_SKIP(t, "no console tty device");
	session = READ_ONCE(tty->session);
	tty_ioctl(tty, TIOCGPGRP, (unsigned long)&pgrp, false);
	if (session)
		KTEST_SKIP(t, "a session owns the console");
	expect_status(t, "ctty", NULL, 0);
	KTEST_EXPECT_EQ(t, READ_ONCE(tty->session), 0);
	tty_ioctl(tty, TIOCSPGRP, (unsigned long)&pgrp, false);
}

KTEST_SUITE(signal,
	    KTEST_CASE(a_handler_runs_and_returns),
	    KTEST_CASE(every_register_survives_a_handler),
	    KTEST_CASE(the_mask_during_a_handler_and_sa_nodefer),
	    KTEST_CASE(a_blocked_read_gets_eintr_or_restarts),
	    KTEST_CASE(sigaltstack_and_sa_onstack),
	    KTEST_CASE(sigsegv_carries_si_addr),
	    KTEST_CASE(sigchld_stop_and_continue),
	    KTEST_CASE(sigpipe_and_sigkill),
	    KTEST_CASE(bad_pointers_give_efault_and_change_nothing),
	    KTEST_CASE(ctrl_c_reaches_the_foreground_group),
	    KTEST_CASE(the_controlling_tty));
