// SPDX-License-Identifier: MIT
/* md5sum: "<32 hex digits>  <name>" per file, as coreutils prints it. */
#include "box.h"
#include "md5.h"

static int md5_file(const char *path)
{
	static uint8_t buf[4096];
	FILE *f = open_input(path);
	struct md5_ctx ctx;
	uint8_t digest[16];
	char hex[33];
	size_t n;
	int status = 0;

	if (!f)
		return 1;
	md5_init(&ctx);
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		md5_update(&ctx, buf, n);
	if (ferror(f)) {
		warn_errno(path);
		status = 1;
	} else {
		md5_final(&ctx, digest);
		md5_hex(digest, hex);
		printf("%s  %s\n", hex, path);
	}
	close_input(f);
	return status;
}

APPLET(md5sum)
{
	int status = 0;

	if (argc < 2)
		return md5_file("-");
	for (int i = 1; i < argc; i++)
		status |= md5_file(argv[i]);
	return status;
}
