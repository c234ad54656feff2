// SPDX-License-Identifier: MIT
/* cmp: exit 0 when two files are the same, 1 when they differ, 2 on error. */
#include "box.h"
#include <string.h>
#include <unistd.h>

APPLET(cmp)
{
	bool silent = false;
	FILE *a, *b;
	long long byte = 1, line = 1;
	int opt, ca, cb;

	while ((opt = opt_next(argc, argv, "s")) != -1) {
		if (opt != 's')
			usage("[-s] FILE1 [FILE2]");
		silent = true;
	}
	if (argc - opt_ind < 1 || argc - opt_ind > 2)
		usage("[-s] FILE1 [FILE2]");
	const char *na = argv[opt_ind], *nb = opt_ind + 1 < argc ? argv[opt_ind + 1] : "-";

	a = open_input(na);
	if (!a)
		return 2;
	b = open_input(nb);
	if (!b)
		return 2;
	for (;; byte++) {
		ca = getc(a);
		cb = getc(b);
		if (ca == EOF || cb == EOF)
			break;
		if (ca != cb) {
			if (!silent)
				printf("%s %s differ: byte %lld, line %lld\n", na, nb, byte, line);
			return 1;
		}
		if (ca == '\n')
			line++;
	}
	if (ca == cb)
		return 0;
	if (!silent)
		fprintf(stderr, "cmp: EOF on %s after byte %lld\n", ca == EOF ? na : nb, byte - 1);
	return 1;
}
