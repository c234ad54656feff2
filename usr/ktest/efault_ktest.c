// SPDX-License-Identifier: MIT
/*
 * Bad pointers to the file system calls, from user mode: the embedded
 * program uefault.c passes NULL, kernel-half, unmapped and wrapping
 * pointers to every pointer argument of the VFS's calls and checks that
 * each gets -EFAULT and that nothing else changed.  (The process calls'
 * pointers are process_ktest.c's bad_pointers_give_efault.)  Without an
 * MMU its static-PIE build runs, the only one that can.
 */
#include <tern/binfmts.h>
#include <tern/errno.h>
#include <tern/fdtable.h>
#include <tern/fs_struct.h>
#include <tern/ktest.h>
#include <tern/pgalloc.h>
#include <tern/process.h>
#include <tern/sched.h>

extern const char __user_uefault_begin[], __user_uefault_end[];
extern const char __user_uefault_pie_begin[], __user_uefault_pie_end[];

/* The new process: an empty fd table and "/" as root and cwd, then the program. */
static int uefault_fn(void *unused)
{
	/* "nopipe": pipe2 is -ENOSYS in a kernel without pipes (FS_PIPE=n). */
	static const char *const argv[] = { "/uefault", IS_ENABLED(CONFIG_FS_PIPE) ? NULL : "nopipe",
					    NULL };
	struct linux_binprm bprm;

	current->files = current->files ?: files_alloc();
	current->fs = current->fs ?: fs_struct_alloc_root();
	if (!current->files || !current->fs)
		return ENOMEM;
	if (IS_ENABLED(CONFIG_MMU))
		binprm_init_mem(&bprm, "/uefault", __user_uefault_begin,
				__user_uefault_end - __user_uefault_begin);
	else
		binprm_init_mem(&bprm, "/uefault", __user_uefault_pie_begin,
				__user_uefault_pie_end - __user_uefault_pie_begin);
	return -kernel_execve(&bprm, argv, NULL);
}

static int run_uefault(struct ktest *t)
{
	struct task *old_reaper = set_child_reaper(current);
	int status = -1;
	long pid = kernel_spawn(uefault_fn, NULL, "uefault");

	if (pid > 0 && kernel_wait4(pid, &status, 0) != pid)
		ktest_fail(t, __FILE__, __LINE__, "wait4 did not reap pid %ld", pid);
	set_child_reaper(old_reaper);
	return pid > 0 ? status : (int)pid;
}

static unsigned long free_pages_now(void)
{
	struct pgalloc_stats s;

	pgalloc_get_stats(&s);
	return s.free_pages;
}

/*
 * Twice: the first run warms the caches (dentries, slabs); after the
 * second, which removes what it made, every page is back.
 */
static void file_calls_give_efault_and_change_nothing(struct ktest *t)
{
	unsigned long before = 0;

	if (!IS_ENABLED(CONFIG_FS_RAMFS))
		KTEST_SKIP(t, "FS_RAMFS=n: no root filesystem to make files in");
	for (int round = 0; round < 2; round++) {
		if (round)
			before = free_pages_now();
		/* 0: every check passed; else the exit code is the check's number (uefault.c). */
		KTEST_EXPECT_EQ(t, run_uefault(t), 0);
	}
	if (!IS_ENABLED(CONFIG_PGALLOC_BUMP) && !IS_ENABLED(CONFIG_KMEM_BUMP))
		KTEST_EXPECT_EQ(t, free_pages_now(), before);
}

KTEST_SUITE(vfs_efault,
	    KTEST_CASE(file_calls_give_efault_and_change_nothing));
