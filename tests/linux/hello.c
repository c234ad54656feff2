// SPDX-License-Identifier: MIT
/* The smallest program: argv, the environment, stdout, and an exit status of 3. */
#include <unistd.h>
#include "difftest.h"

int main(int argc, char **argv)
{
	printf("hello from a static glibc program\n");
	printf("argc: %d\n", argc);
	for (int i = 1; i < argc; i++)
		printf("argv[%d]: %s\n", i, argv[i]);
	printf("stdout is a tty or not: %s\n", isatty(1) || !isatty(1) ? "answered" : "?");
	return 3;
}
