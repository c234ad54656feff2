// SPDX-License-Identifier: MIT
/*
 * init: the first process.  It mounts /proc, /dev and /tmp, runs the boot
 * script (rc= from the kernel command line, else /etc/rc), then keeps a
 * shell on the console: started in its own session with the console as
 * its controlling terminal, started again when it exits.  Every orphan is
 * reparented here and reaped.  SIGUSR2 or SIGUSR1 powers off and SIGTERM
 * or SIGINT reboots (busybox's convention, which poweroff and reboot
 * use): every other process gets SIGTERM, then SIGKILL, and is reaped,
 * the filesystems are synced, and reboot(2) ends the machine.  Without a
 * console (the kernel could not open /dev/console as fd 0) no one could
 * use a shell: init powers off once the boot script has run.
 *
 * Without an MMU there is no fork: children are started with vfork, and
 * between vfork and exec the child only calls async-signal-safe functions.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mount.h>
#include <sys/reboot.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define SHELL "/bin/sh"

static volatile sig_atomic_t shutdown_request;	/* RB_POWER_OFF or RB_AUTOBOOT, set by handlers */

static void on_poweroff(int sig) { (void)sig; shutdown_request = RB_POWER_OFF; }
static void on_reboot(int sig) { (void)sig; shutdown_request = RB_AUTOBOOT; }

static void say(const char *what)
{
	fprintf(stderr, "init: %s\n", what);
}

/* Mounts fstype on dir unless something is there already (the kernel mounts /dev itself). */
static void mount_if_missing(const char *fstype, const char *dir, const char *probe)
{
	struct stat st;

	if (probe && stat(probe, &st) == 0)
		return;
	mkdir(dir, 0755);
	if (mount(fstype, dir, fstype, 0, NULL) < 0)
		fprintf(stderr, "init: cannot mount %s on %s: %s\n", fstype, dir, strerror(errno));
}

/* vfork where fork does not exist (no MMU); either way the child only execs. */
static pid_t spawn(char *const argv[], int new_session)
{
	pid_t pid = TERN_NOMMU ? vfork() : fork();
	sigset_t none;

	if (pid != 0)
		return pid;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGUSR1, SIG_DFL);
	signal(SIGUSR2, SIG_DFL);
	if (new_session) {
		setsid();
		ioctl(0, TIOCSCTTY, 0);
	}
	execve(argv[0], argv, environ);
	write(2, "init: cannot run ", 17);
	write(2, argv[0], strlen(argv[0]));
	write(2, "\n", 1);
	_exit(127);
}

/*
 * Reaps children until pid (0: none in particular) has ended or a shutdown
 * is requested.  Answers pid's wait status, or -1.
 */
static int reap_until(pid_t pid)
{
	for (;;) {
		int status;
		pid_t got;

		if (shutdown_request)
			return -1;
		got = waitpid(-1, &status, 0);
		if (got == pid && pid > 0)
			return status;
		if (got < 0 && errno == ECHILD)
			return -1;
	}
}

/* The boot script: rc= from the command line (init's environment), else /etc/rc. */
static void run_rc(void)
{
	const char *rc = getenv("rc");
	struct stat st;

	if (!rc)
		rc = "/etc/rc";
	if (stat(rc, &st) < 0) {
		if (getenv("rc"))
			fprintf(stderr, "init: rc=%s: %s\n", rc, strerror(errno));
		return;
	}
	char *argv[] = { SHELL, (char *)rc, NULL };
	pid_t pid = spawn(argv, 0);

	if (pid < 0)
		fprintf(stderr, "init: cannot start %s: %s\n", rc, strerror(errno));
	else
		reap_until(pid);
}

/* Ends every process, syncs and powers off or reboots; never returns. */
static void __attribute__((noreturn)) shut_down(int how)
{
	signal(SIGCHLD, SIG_DFL);
	kill(-1, SIGTERM);
	kill(-1, SIGCONT);
	kill(-1, SIGKILL);
	while (waitpid(-1, NULL, 0) > 0 || errno == EINTR)
		;
	sync();
	fprintf(stderr, "init: %s\n", how == RB_POWER_OFF ? "powering off" : "rebooting");
	reboot(how);
	fprintf(stderr, "init: reboot failed: %s\n", strerror(errno));
	for (;;)
		pause();
}

static void handle(int sig, void (*fn)(int))
{
	struct sigaction sa = { .sa_handler = fn };	/* no SA_RESTART: waitpid returns EINTR */

	sigemptyset(&sa.sa_mask);
	sigaction(sig, &sa, NULL);
}

int main(int argc, char **argv)
{
	char *shell_argv[] = { SHELL, NULL };
	unsigned int quick_exits = 0;

	(void)argc;
	(void)argv;
	if (getpid() != 1) {
		fprintf(stderr, "init: must be run as process 1 (use poweroff or reboot)\n");
		return 1;
	}
	handle(SIGUSR1, on_poweroff);
	handle(SIGUSR2, on_poweroff);
	handle(SIGTERM, on_reboot);
	handle(SIGINT, on_reboot);
	setenv("PATH", "/bin:/sbin:/usr/bin:/usr/sbin", 0);
	mount_if_missing("proc", "/proc", "/proc/self");
	mount_if_missing("devfs", "/dev", "/dev/console");
	mount_if_missing("ramfs", "/tmp", NULL);
	run_rc();
	if (fcntl(0, F_GETFD) < 0) {
		/* The kernel found no console (its log says why): no one could use a shell. */
		shutdown_request = RB_POWER_OFF;
	}
	while (!shutdown_request) {
		pid_t sh = spawn(shell_argv, 1);
		int status;

		if (sh < 0) {
			say("cannot start " SHELL ": powering off");
			shut_down(RB_POWER_OFF);
		}
		status = reap_until(sh);
		if (status >= 0 && WIFEXITED(status) && WEXITSTATUS(status) == 127 && ++quick_exits > 3) {
			say("the shell cannot run: powering off");
			shut_down(RB_POWER_OFF);
		}
	}
	shut_down(shutdown_request);
}
