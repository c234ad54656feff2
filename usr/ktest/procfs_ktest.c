// SPDX-License-Identifier: MIT
/*
 * /proc/<pid> of a user process, with and without an MMU: the embedded
 * program uproc.c waits in rt_sigsuspend while this test reads its
 * cmdline, comm, stat, status and maps, and compares them with what it
 * was started with; then kills it.  (fs/proc/proc_ktest.c covers the
 * system files and kernel threads.)  Without an MMU its static-PIE runs.
 */
#include <tern/binfmts.h>
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/fdtable.h>
#include <tern/fs.h>
#include <tern/fs_struct.h>
#include <tern/ktest.h>
#include <tern/namei.h>
#include <tern/printf.h>
#include <tern/process.h>
#include <tern/sched.h>
#include <tern/signal.h>
#include <tern/slab.h>
#include <tern/string.h>
#include <uapi/linux/signal.h>

#define BUF_SIZE	2048
#define ARGS		"/uproc\0alpha\0beta"
#define ARGS_LEN	sizeof(ARGS)	/* the last NUL too */

extern const char __user_uproc_begin[], __user_uproc_end[];
extern const char __user_uproc_pie_begin[], __user_uproc_pie_end[];

static int uproc_fn(void *unused)
{
	static const char *const argv[] = { "/uproc", "alpha", "beta", NULL };
	struct linux_binprm bprm;

	current->files = current->files ?: files_alloc();
	current->fs = current->fs ?: fs_struct_alloc_root();
	if (!current->files || !current->fs)
		return ENOMEM;
	if (IS_ENABLED(CONFIG_MMU))
		binprm_init_mem(&bprm, "/uproc", __user_uproc_begin,
				__user_uproc_end - __user_uproc_begin);
	else
		binprm_init_mem(&bprm, "/uproc", __user_uproc_pie_begin,
				__user_uproc_pie_end - __user_uproc_pie_begin);
	return -kernel_execve(&bprm, argv, NULL);
}

/* /proc/<pid>/<name> whole, NUL-terminated: its length or -errno. */
static long read_pid_file(long pid, const char *name, char *buf)
{
	char path[48];
	struct file *f;
	loff_t pos = 0;
	ssize_t n;
	size_t len = 0;

	snprintf(path, sizeof(path), "/proc/%ld/%s", pid, name);
	f = filp_open(path, O_RDONLY, 0);
	if (IS_ERR(f))
		return PTR_ERR(f);
	while ((n = kernel_read(f, buf + len, BUF_SIZE - 1 - len, &pos)) > 0)
		len += (size_t)n;
	fput(f);
	buf[len] = '\0';
	return n < 0 ? n : (long)len;
}

/* Mounts procfs on /proc unless it is there: 1 if this mounted it, 0 if not, -errno. */
static int proc_mount(void)
{
	struct path p;
	int err;

	if (!kern_path("/proc/self", 0, &p)) {
		path_put(&p);
		return 0;
	}
	err = do_mkdirat(AT_FDCWD, "/proc", 0555);
	if (err && err != -EEXIST)
		return err;
	err = do_mount("proc", "/proc", "proc", 0, NULL);
	return err ? err : 1;
}

/*
 * Until the child has exec'd (its cmdline is argv) and sleeps in
 * rt_sigsuspend (its state is S), where it stays; bounded, not timed.
 */
static bool wait_for_sigsuspend(long pid, char *buf)
{
	for (int i = 0; i < 1000; i++) {
		if (read_pid_file(pid, "cmdline", buf) == (long)ARGS_LEN &&
		    !memcmp(buf, ARGS, ARGS_LEN) && read_pid_file(pid, "stat", buf) > 0 &&
		    strstr(buf, ") S "))
			return true;
		msleep(1);
	}
	return false;
}

static void check_files(struct ktest *t, long pid, char *buf)
{
	char want[64];
	const char *p;
	unsigned long vsize;
	int i;

	KTEST_EXPECT_EQ(t, read_pid_file(pid, "comm", buf), 6);
	KTEST_EXPECT(t, !strcmp(buf, "uproc\n"));
	/* stat: "pid (comm) S ppid ..."; vsize is field 23. */
	KTEST_ASSERT(t, read_pid_file(pid, "stat", buf) > 0);
	snprintf(want, sizeof(want), "%ld (uproc) ", pid);
	KTEST_EXPECT(t, !strncmp(buf, want, strlen(want)));
	snprintf(want, sizeof(want), ") S %u ", current->tgid ? current->tgid : current->pid);
	KTEST_EXPECT(t, strstr(buf, want) != NULL);
	for (p = strrchr(buf, ')') + 2, i = 3; *p && i < 23; p++)
		i += *p == ' ';
	for (vsize = 0; *p >= '0' && *p <= '9'; p++)
		vsize = vsize * 10 + (unsigned long)(*p - '0');
	KTEST_EXPECT(t, vsize >= 2 * PAGE_SIZE);	/* the program and the mapped page at least */
	KTEST_ASSERT(t, read_pid_file(pid, "status", buf) > 0);
	KTEST_EXPECT(t, strstr(buf, "Name:\tuproc\n") != NULL);
	KTEST_EXPECT(t, strstr(buf, "State:\tS (sleeping)\n") != NULL);
	snprintf(want, sizeof(want), "VmSize:\t%8lu kB\n", vsize / 1024);
	KTEST_EXPECT(t, strstr(buf, want) != NULL);
	KTEST_ASSERT(t, read_pid_file(pid, "maps", buf) > 0);
	KTEST_EXPECT(t, strstr(buf, "[stack]\n") != NULL);
	/* No MMU: the program's block holds its heap, named as Linux names it. */
	KTEST_EXPECT(t, IS_ENABLED(CONFIG_MMU) || strstr(buf, "[heap]\n") != NULL);
	KTEST_EXPECT(t, strchr(buf, '-') && strstr(buf, " 00:00 0"));
}

static void user_process_files_say_what_it_is(struct ktest *t)
{
	struct task *old_reaper;
	char *buf;
	int mounted, status = -1;
	long pid;

	if (!IS_ENABLED(CONFIG_FS_RAMFS))
		KTEST_SKIP(t, "no root filesystem to mount /proc on (FS_RAMFS=n)");
	mounted = proc_mount();
	KTEST_ASSERT(t, mounted >= 0);
	buf = kmalloc(BUF_SIZE, GFP_KERNEL);
	old_reaper = set_child_reaper(current);
	pid = buf ? kernel_spawn(uproc_fn, NULL, "uproc") : -ENOMEM;
	KTEST_EXPECT(t, pid > 0);
	if (pid > 0) {
		if (wait_for_sigsuspend(pid, buf))
			check_files(t, pid, buf);
		else
			ktest_fail(t, __FILE__, __LINE__,
				   "/proc/%ld: cmdline never argv with the state S", pid);
		KTEST_EXPECT_EQ(t, kill_something((int)pid, SIGKILL, SI_USER), 0);
		KTEST_EXPECT_EQ(t, kernel_wait4(pid, &status, 0), pid);
		KTEST_EXPECT_EQ(t, status, W_EXITCODE(0, SIGKILL));
		/* Reaped: the directory is gone. */
		KTEST_EXPECT_EQ(t, read_pid_file(pid, "stat", buf), -ENOENT);
	}
	set_child_reaper(old_reaper);
	kfree(buf);
	if (mounted == 1)
		KTEST_EXPECT_EQ(t, do_umount("/proc", 0), 0);
}

KTEST_SUITE(procfs_user,
	    KTEST_CASE(user_process_files_say_what_it_is));
