// SPDX-License-Identifier: MIT
/*
 * hexdump -C: util-linux's canonical "hex+ASCII" format.  A line that
 * repeats the one before is shown as one "*" (unless -v); the last line
 * is the total length.
 */
#include "box.h"
#include <string.h>
#include <unistd.h>

void hexdump_line(char out[HEXDUMP_LINE_MAX], unsigned long off, const uint8_t *data, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	char *p = out + snprintf(out, HEXDUMP_LINE_MAX, "%08lx  ", off);

	for (size_t i = 0; i < 16; i++) {
		if (i < n) {
			*p++ = hex[data[i] >> 4];
			*p++ = hex[data[i] & 15];
			*p++ = ' ';
		} else {
			memcpy(p, "   ", 3);
			p += 3;
		}
		if (i == 7)
			*p++ = ' ';
	}
	*p++ = ' ';
	*p++ = '|';
	for (size_t i = 0; i < n; i++)
		*p++ = data[i] >= 0x20 && data[i] < 0x7f ? (char)data[i] : '.';
	*p++ = '|';
	*p++ = '\n';
	*p = '\0';
}

struct dump {
	uint8_t line[16], prev[16];
	size_t fill;		/* bytes in line */
	unsigned long off;	/* offset of line[0] */
	bool have_prev, starred, all;
};

static void dump_flush(struct dump *d)
{
	char text[HEXDUMP_LINE_MAX];

	if (!d->all && d->fill == 16 && d->have_prev && !memcmp(d->line, d->prev, 16)) {
		if (!d->starred)
			fputs("*\n", stdout);
		d->starred = true;
	} else {
		hexdump_line(text, d->off, d->line, d->fill);
		fputs(text, stdout);
		d->starred = false;
	}
	memcpy(d->prev, d->line, 16);
	d->have_prev = true;
	d->off += d->fill;
	d->fill = 0;
}

static int dump_file(struct dump *d, const char *path)
{
	FILE *f = open_input(path);
	int c;

	if (!f)
		return 1;
	while ((c = getc(f)) != EOF) {
		d->line[d->fill++] = (uint8_t)c;
		if (d->fill == 16)
			dump_flush(d);
	}
	close_input(f);
	return 0;
}

APPLET(hexdump)
{
	struct dump d = { .fill = 0 };
	int opt, status = 0;

	while ((opt = opt_next(argc, argv, "Cv")) != -1) {
		if (opt == 'v')
			d.all = true;
		else if (opt != 'C')
			usage("[-Cv] [FILE...]");
	}
	if (opt_ind == argc)
		status |= dump_file(&d, "-");
	for (int i = opt_ind; i < argc; i++)
		status |= dump_file(&d, argv[i]);
	if (d.fill)
		dump_flush(&d);
	if (d.off)
		printf("%08lx\n", d.off);
	return status;
}
