// SPDX-License-Identifier: MIT
/*
 * The first process's view of its start (scripts/test-init.sh): its pid,
 * argv, the environment the kernel made, whether fds 0-2 are open and
 * are a terminal.  One fact per line, each prefixed "showinit: " so the test
 * finds them among the kernel's lines.  Exits with 3, so that the
 * kernel's "Attempted to kill init!" names a known code.
 */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

extern char **environ;

int main(int argc, char **argv)
{
	struct stat st;

	printf("showinit: pid %d ppid %d\n", (int)getpid(), (int)getppid());
	printf("showinit: argc %d\n", argc);
	for (int i = 0; i < argc; i++)
		printf("showinit: argv[%d] %s\n", i, argv[i]);
	for (char **e = environ; *e; e++)
		printf("showinit: env %s\n", *e);
	for (int fd = 0; fd < 3; fd++)
		printf("showinit: fd %d %s%s\n", fd, fstat(fd, &st) ? "closed" : "open",
		       isatty(fd) ? " tty" : "");
	fflush(stdout);
	return 3;
}
