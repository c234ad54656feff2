// SPDX-License-Identifier: MIT
/*
 * The first process, started as Linux starts it (init/main.c's
 * kernel_init): a kernel thread with pid 1 becomes the child reaper,
 * gets the root filesystem as root and working directory and
 * /dev/console as fds 0, 1 and 2, then execs the first program that
 * works of:
 *
 *	rdinit= (default /init, from the initramfs), then
 *	init= if given (its failure is a panic, as in Linux), else
 *	/sbin/init, /etc/init, /bin/init, /bin/sh.
 *
 * Its arguments are the program's path, then each command-line
 * parameter nobody handles that has no '=', then the words after "--";
 * its environment is HOME=/ and TERM=linux, then each unhandled
 * "name=value".  When none of the programs exists (a kernel without user
 * space yet), the boot says so and powers off, where Linux would panic:
 * until Tern's own init is in the rootfs, that is how a boot without
 * ktest ends.
 */
#include <tern/boot.h>
#include <tern/cmdline.h>
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/fdtable.h>
#include <tern/fs.h>
#include <tern/fs_struct.h>
#include <tern/init.h>
#include <tern/kernel.h>
#include <tern/namei.h>
#include <tern/params.h>
#include <tern/printk.h>
#include <tern/process.h>
#include <tern/reboot.h>
#include <tern/sched.h>
#include <tern/slab.h>
#include <tern/string.h>
#include <uapi/linux/fcntl.h>

#define INIT_ARGS_MAX	32
#define INIT_ENVS_MAX	32

static char *rdinit_path = "/init";
static char *init_path;

/* A NUL-terminated copy of a parameter's value (the command line stays in place). */
static char *dup_value(const char *value, size_t len)
{
	char *s = value ? kmalloc(len + 1, GFP_KERNEL) : NULL;

	if (s) {
		memcpy(s, value, len);
		s[len] = '\0';
	}
	return s;
}

static int rdinit_setup(const char *value, size_t len)
{
	char *s = dup_value(value, len);

	if (!s || s[0] != '/')
		return -EINVAL;
	rdinit_path = s;
	return 0;
}
__setup("rdinit=", rdinit_setup);

static int init_setup(const char *value, size_t len)
{
	char *s = dup_value(value, len);

	if (!s || s[0] != '/')
		return -EINVAL;
	init_path = s;
	return 0;
}
__setup("init=", init_setup);

static const char *init_argv[INIT_ARGS_MAX + 2];
static const char *init_envp[INIT_ENVS_MAX + 1] = { "HOME=/", "TERM=linux" };

/* argv[1..] and envp[2..] from the command line (see the top of the file). */
static void collect_args_and_env(void)
{
	const char *pos = boot_command_line, *w;
	struct cmdline_param p;
	unsigned int argc = 1, envc = 2;

	while (cmdline_next_param(&pos, &p)) {
		char *s;

		if (boot_param_find(p.name, p.name_len))
			continue;
		s = kmalloc(p.name_len + (p.value ? p.value_len + 1 : 0) + 1, GFP_KERNEL);
		if (!s)
			break;
		memcpy(s, p.name, p.name_len);
		s[p.name_len] = '\0';
		if (p.value) {
			s[p.name_len] = '=';
			memcpy(s + p.name_len + 1, p.value, p.value_len);
			s[p.name_len + 1 + p.value_len] = '\0';
			if (envc < INIT_ENVS_MAX)
				init_envp[envc++] = s;
		} else if (argc < INIT_ARGS_MAX) {
			init_argv[argc++] = s;
		}
	}
	for (w = boot_init_args; *w && argc < INIT_ARGS_MAX;) {
		size_t n = 0;
		char *s;

		while (w[n] && w[n] != ' ' && w[n] != '\t')
			n++;
		s = n ? dup_value(w, n) : NULL;
		if (s)
			init_argv[argc++] = s;
		w += n;
		while (*w == ' ' || *w == '\t')
			w++;
	}
}

/* Root and cwd at "/", an empty fd table, then /dev/console as 0, 1 and 2. */
static void init_files(void)
{
	struct task *self = current;
	struct file *console;

	self->fs = fs_struct_alloc_root();
	self->files = files_alloc();
	if (!self->fs || !self->files)
		panic("init: no memory for its file table");
	console = filp_open("/dev/console", O_RDWR, 0);
	if (IS_ERR(console)) {
		pr_warn("init: unable to open an initial console (error %d)\n",
			(int)PTR_ERR(console));
		return;
	}
	if (fd_install_new(console, 0) != 0) {
		fput(console);
		return;
	}
	dup_to(self->files, 0, 1, false);
	dup_to(self->files, 0, 2, false);
}

/* kernel_execve_path of path; returns only on failure, with -errno. */
static long try_init(const char *path)
{
	long err;

	init_argv[0] = path;
	err = kernel_execve_path(path, init_argv, init_envp);
	if (err != -ENOENT)
		pr_err("init: %s failed (error %ld)\n", path, err);
	return err;
}

static int init_process(void *unused)
{
	static const char *const defaults[] = {
		"/sbin/init", "/etc/init", "/bin/init", "/bin/sh",
	};
	unsigned int i;
	long err;

	(void)unused;
	if (!vfs_root_mounted()) {
		pr_notice("No root filesystem (none could be mounted: see above): nothing more "
			  "to do: powering off.\n");
		kernel_power_off(POWEROFF_OK);
		return 0;
	}
	(void)set_child_reaper(current);
	init_files();
	if (rdinit_path && !try_init(rdinit_path))
		return 0;
	if (init_path) {
		err = try_init(init_path);
		panic("Requested init %s failed (error %ld).", init_path, err);
	}
	for (i = 0; i < ARRAY_SIZE(defaults); i++)
		if (!try_init(defaults[i]))
			return 0;
	pr_notice("No init found (tried %s, /sbin/init, /etc/init, /bin/init, /bin/sh): "
		  "nothing more to do: powering off.\n", rdinit_path);
	kernel_power_off(POWEROFF_OK);
	return 0;
}

void start_init(void)
{
	long pid;

	collect_args_and_env();
	pid = kernel_spawn_init(init_process, NULL);
	if (pid == -ENOSYS) {
		pr_notice("No processes in this kernel (PROCESSES=n): nothing more to do: "
			  "powering off.\n");
		kernel_power_off(POWEROFF_OK);
	}
	if (pid < 0)
		panic("cannot start the init process (error %ld)", pid);
	for (;;) {		/* the boot task has done its part */
		current->state = TASK_SLEEPING;
		schedule();
	}
}
