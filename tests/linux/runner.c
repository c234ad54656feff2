// SPDX-License-Identifier: MIT
/*
 * The differential tests' /init on Tern: runs the programs named in its
 * arguments (the words after "--" on the kernel command line), or else
 * every program in the folder it was started from (sorted, itself
 * excluded), one at a time, with the console as stdin/stdout/stderr,
 * framing each one's output:
 *
 *	@@@ begin <name>
 *	<the program's output>
 *	@@@ end <name> exit <status> | signal <number>
 *
 * then powers the machine off.  scripts/test-linux.sh prints the same
 * frames for qemu-riscv64 on the host and compares them.  As an init
 * does, it mounts procfs on /proc first when nothing is there (the
 * kernel leaves that to user space, as Linux does).
 */
#include <dirent.h>
#include <libgen.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "difftest.h"

#define MAX_PROGRAMS	64

extern char **environ;

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The executable files of dir, sorted, except self. */
static int list_programs(const char *dir, const char *self, char **names)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	if (!d) {
		printf("@@@ runner: cannot open %s: %s\n", dir, errno_name(errno));
		return 0;
	}
	while ((e = readdir(d)) && n < MAX_PROGRAMS) {
		char path[512];
		struct stat st;

		snprintf(path, sizeof(path), "%s/%s", dir, e->d_name);
		if (strcmp(e->d_name, self) && !stat(path, &st) && S_ISREG(st.st_mode) &&
		    (st.st_mode & 0111))
			names[n++] = strdup(e->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), by_name);
	return n;
}

/* /proc for the programs that read /proc/self; a failure shows in their output. */
static void mount_proc(void)
{
	if (!access("/proc/self", F_OK))
		return;
	mkdir("/proc", 0555);
	if (mount("proc", "/proc", "proc", 0, NULL))
		printf("@@@ runner: mount proc: %s\n", errno_name(errno));
}

static void run_one(const char *dir, const char *name)
{
	char path[512];
	int status;
	pid_t pid;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	printf("@@@ begin %s\n", name);
	fflush(stdout);
	pid = fork();
	if (pid == 0) {
		char *args[] = { path, NULL };

		execve(path, args, environ);
		printf("@@@ runner: execve %s: %s\n", path, errno_name(errno));
		_exit(127);
	}
	if (pid < 0 || waitpid(pid, &status, 0) != pid)
		printf("@@@ end %s runner-error %s\n", name, errno_name(errno));
	else if (WIFSIGNALED(status))
		printf("@@@ end %s signal %d\n", name, WTERMSIG(status));
	else
		printf("@@@ end %s exit %d\n", name, WEXITSTATUS(status));
	fflush(stdout);
}

int main(int argc, char **argv)
{
	char *names[MAX_PROGRAMS], *self = strdup(argv[0]), *me = strdup(argv[0]);
	const char *dir = dirname(self);
	int n;

	if (argc > 1) {
		for (n = 0; n < argc - 1 && n < MAX_PROGRAMS; n++)
			names[n] = argv[n + 1];
	} else {
		n = list_programs(dir, basename(me), names);
	}
	chdir("/");
	mount_proc();
	for (int i = 0; i < n; i++)
		run_one(dir, names[i]);
	printf("@@@ done: %d programs\n", n);
	fflush(stdout);
	sync();
	if (getpid() == 1)
		reboot(RB_POWER_OFF);
	return 0;
}
