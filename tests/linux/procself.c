// SPDX-License-Identifier: MIT
/*
 * /proc/self: the link, stat's pid, comm and ppid fields, cmdline
 * (what qemu-riscv64 emulates too); and what the host's /proc shares
 * with Tern's under qemu-riscv64: our pid listed in /proc, the first
 * meminfo lines, uptime's two numbers, a mount on "/", and -ENOENT for
 * a pid that cannot exist.
 */
#include <dirent.h>
#include <stdbool.h>
#include <fcntl.h>
#include <libgen.h>
#include <unistd.h>
#include "difftest.h"

/* argv as /proc/self/cmdline holds it: each argument and its NUL. */
static size_t join_argv(int argc, char **argv, char *out, size_t size)
{
	size_t n = 0;

	for (int i = 0; i < argc; i++) {
		size_t len = strlen(argv[i]) + 1;

		if (n + len > size)
			break;
		memcpy(out + n, argv[i], len);
		n += len;
	}
	return n;
}

/* The whole of a small file, NUL-terminated; -1 on error. */
static ssize_t slurp(const char *path, char *buf, size_t size)
{
	int fd = open(path, O_RDONLY);
	ssize_t n, len = 0;

	if (fd < 0)
		return -1;
	while ((n = read(fd, buf + len, size - 1 - len)) > 0)
		len += n;
	close(fd);
	buf[len] = 0;
	return n < 0 ? -1 : len;
}

static bool lists_pid(int pid)
{
	DIR *d = opendir("/proc");
	struct dirent *e;
	char want[16];
	bool found = false;

	snprintf(want, sizeof(want), "%d", pid);
	while (d && (e = readdir(d)))
		found |= !strcmp(e->d_name, want) && e->d_type == DT_DIR;
	if (d)
		closedir(d);
	return found;
}

static void other_files(void)
{
	static char buf[65536];
	int pid, ppid;
	double up, idle;

	/* qemu-riscv64 writes 0 for the state: only ppid is compared. */
	CHECK("/proc/self/stat: ppid",
	      slurp("/proc/self/stat", buf, sizeof(buf)) > 0 &&
	      sscanf(strrchr(buf, ')') + 1, " %*s %d", &ppid) == 1 && ppid == getppid());
	CHECK("/proc lists our pid as a directory", lists_pid(getpid()));
	CHECK("/proc/meminfo: MemTotal, MemFree, MemAvailable in kB",
	      slurp("/proc/meminfo", buf, sizeof(buf)) > 0 &&
	      !strncmp(buf, "MemTotal:", 9) && strstr(buf, "\nMemFree:") &&
	      strstr(buf, "\nMemAvailable:") && strstr(buf, " kB\n"));
	CHECK("/proc/uptime: two numbers",
	      slurp("/proc/uptime", buf, sizeof(buf)) > 0 &&
	      sscanf(buf, "%lf %lf", &up, &idle) == 2 && up >= 0 && idle >= 0);
	CHECK("/proc/mounts: something is mounted on /",
	      slurp("/proc/mounts", buf, sizeof(buf)) > 0 &&
	      (strstr(buf, " / ") != NULL));
	pid = open("/proc/999999999/stat", O_RDONLY);
	CHECK("/proc/<no such pid>/stat: ENOENT", pid < 0 && errno == ENOENT);
}

int main(int argc, char **argv)
{
	char buf[4096], want[4096], comm[64], name[16];
	ssize_t n;
	size_t wn;
	int fd, pid;

	snprintf(want, sizeof(want), "%d", getpid());
	n = readlink("/proc/self", buf, sizeof(buf) - 1);
	CHECK("/proc/self names our pid", n > 0 && (buf[n] = 0, !strcmp(buf, want)));
	fd = open("/proc/self/stat", O_RDONLY);
	n = fd >= 0 ? read(fd, buf, sizeof(buf) - 1) : -1;
	snprintf(name, sizeof(name), "%s", basename(strdup(argv[0])));
	CHECK("/proc/self/stat: pid and comm", n > 0 &&
	      (buf[n] = 0, sscanf(buf, "%d (%63[^)])", &pid, comm) == 2) &&
	      pid == getpid() && !strcmp(comm, name));
	close(fd);
	fd = open("/proc/self/cmdline", O_RDONLY);
	n = fd >= 0 ? read(fd, buf, sizeof(buf)) : -1;
	wn = join_argv(argc, argv, want, sizeof(want));
	CHECK("/proc/self/cmdline is argv", n == (ssize_t)wn && !memcmp(buf, want, wn));
	close(fd);
	other_files();
	return difftest_exit();
}
