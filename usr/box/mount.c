// SPDX-License-Identifier: MIT
/* mount (no arguments: /proc/mounts; or -t TYPE [-o ro] SOURCE DIR) and umount. */
#include "box.h"
#include <string.h>
#include <sys/mount.h>
#include <unistd.h>

APPLET(mount)
{
	const char *type = NULL;
	unsigned long flags = 0;
	int opt;

	while ((opt = opt_next(argc, argv, "t:o:r")) != -1) {
		if (opt == 't')
			type = opt_arg;
		else if (opt == 'r' || (opt == 'o' && !strcmp(opt_arg, "ro")))
			flags |= MS_RDONLY;
		else if (opt != 'o' || strcmp(opt_arg, "rw"))
			usage("[-t TYPE] [-o ro|rw] SOURCE DIR");
	}
	if (opt_ind == argc) {
		static char buf[4096];
		FILE *f = fopen("/proc/mounts", "r");
		size_t n;

		if (!f) {
			warn_errno("/proc/mounts");
			return 1;
		}
		while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
			fwrite(buf, 1, n, stdout);
		fclose(f);
		return 0;
	}
	if (argc - opt_ind != 2 || !type)
		usage("-t TYPE [-o ro|rw] SOURCE DIR");
	if (mount(argv[opt_ind], argv[opt_ind + 1], type, flags, NULL) < 0) {
		warn_errno(argv[opt_ind + 1]);
		return 1;
	}
	return 0;
}

APPLET(umount)
{
	int status = 0;

	if (argc < 2)
		usage("DIR...");
	for (int i = 1; i < argc; i++) {
		if (umount(argv[i]) < 0) {
			warn_errno(argv[i]);
			status = 1;
		}
	}
	return status;
}
