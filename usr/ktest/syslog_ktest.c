// SPDX-License-Identifier: MIT
/*
 * syslog(2) from user mode: the embedded program usyslog.c reads the
 * kernel log this test writes marker lines to (one at KERN_DEBUG, which
 * the console hides and the log keeps), passes bad actions, lengths and
 * buffers (-EINVAL, -EFAULT), reads on until a blocking READ returns the
 * line printed once it has read everything, clears the log and sets the
 * console level.  Without an MMU its static-PIE build runs.
 */
#include <tern/binfmts.h>
#include <tern/fdtable.h>
#include <tern/fs_struct.h>
#include <tern/fs.h>
#include <tern/ktest.h>
#include <tern/log_ring.h>
#include <tern/printk.h>
#include <tern/process.h>
#include <tern/sched.h>

#define WAIT_WNOHANG	1

extern const char __user_usyslog_begin[], __user_usyslog_end[];
extern const char __user_usyslog_pie_begin[], __user_usyslog_pie_end[];

static int usyslog_fn(void *unused)
{
	static const char *const argv[] = { "/usyslog", NULL };
	struct linux_binprm bprm;

	current->files = current->files ?: files_alloc();
	current->fs = current->fs ?: fs_struct_alloc_root();
	if (!current->files || !current->fs)
		return ENOMEM;
	if (IS_ENABLED(CONFIG_MMU))
		binprm_init_mem(&bprm, "/usyslog", __user_usyslog_begin,
				__user_usyslog_end - __user_usyslog_begin);
	else
		binprm_init_mem(&bprm, "/usyslog", __user_usyslog_pie_begin,
				__user_usyslog_pie_end - __user_usyslog_pie_begin);
	return -kernel_execve(&bprm, argv, NULL);
}

static void unread_fn(struct log_ring *log, void *arg)
{
	*(u32 *)arg = log_ring_unread(log);
}

static u32 log_unread(void)
{
	u32 n;

	log_locked(unread_fn, &n);
	return n;
}

static void user_program_reads_and_clears_the_log(struct ktest *t)
{
	struct task *old_reaper;
	int level = console_get_loglevel(), status = -1;
	bool reaped = false;
	long pid;

	if (!vfs_root_mounted())
		KTEST_SKIP(t, "no root filesystem for the program's paths (FS_RAMFS=n)");
	old_reaper = set_child_reaper(current);
	pr_info("syslog ktest marker\n");
	pr_debug("syslog ktest debug\n");
	pid = kernel_spawn(usyslog_fn, NULL, "usyslog");
	KTEST_ASSERT(t, pid > 0);
	/* The wake line once the program has read all (or has exited). */
	while (log_unread() && !reaped) {
		reaped = kernel_wait4(pid, &status, WAIT_WNOHANG) == pid;
		msleep(1);
	}
	pr_info("syslog ktest wake\n");
	if (!reaped)
		KTEST_EXPECT_EQ(t, kernel_wait4(pid, &status, 0), pid);
	set_child_reaper(old_reaper);
	/* 0: every check passed; else the exit code is the check's number (usyslog.c). */
	KTEST_EXPECT_EQ(t, status >> 8, 0);
	KTEST_EXPECT_EQ(t, status & 0xff, 0);
	KTEST_EXPECT_EQ(t, console_get_loglevel(), 5);
	console_set_loglevel(level);
}

KTEST_SUITE(syslog,
	    KTEST_CASE(user_program_reads_and_clears_the_log));
