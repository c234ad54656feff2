// SPDX-License-Identifier: MIT
/* /proc/self: the link, stat's pid and comm fields, cmdline (what qemu-riscv64 emulates too). */
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
	return difftest_exit();
}
