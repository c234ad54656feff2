// SPDX-License-Identifier: MIT
/*
 * syslog(2) from user mode (syslog_ktest.c runs it, after printing the
 * marker lines): the log holds the kernel's lines as "<level>[time] text",
 * the debug line the console hides included; bad actions and lengths are
 * -EINVAL, bad buffers -EFAULT; READ consumes and then blocks until the
 * kernel prints the wake line; CLEAR empties what READ_ALL sees; the
 * console actions answer 0.  The exit status is 0, or the number of the
 * first check that failed.
 */
#include "user.h"

#define EINVAL		22
#define EFAULT		14
#define PROT_READ	1
#define MAP_PRIVATE	2
#define MAP_ANONYMOUS	0x20
#define PAGE		4096UL

#define CHECK(n, cond)	do { if (!(cond)) sys_exit(n); } while (0)

static char buf[1 << 16], acc[1 << 16];

/* The line that ends with text, and its level digit; -1 if none. */
static int level_of_line(const char *s, long n, const char *text)
{
	long i, j, line = 0;

	for (i = 0; i < n; i++) {
		if (s[i] != '\n')
			continue;
		for (j = 0; text[j] && i - 1 - j >= line; j++)
			if (s[i - 1 - j] != text[j])	/* text is reversed */
				break;
		if (!text[j] && s[line] == '<' && s[line + 2] == '>')
			return s[line + 1] - '0';
		line = i + 1;
	}
	return -1;
}

/* Every line but maybe the last starts with "<digit>" and ends with a newline. */
static int lines_are_well_formed(const char *s, long n)
{
	long i = 0;

	while (i < n) {
		if (n - i < 3 || s[i] != '<' || s[i + 1] < '0' || s[i + 1] > '7' || s[i + 2] != '>')
			return 0;
		while (i < n && s[i] != '\n')
			i++;
		i++;
	}
	return 1;
}

static long syslog(int type, void *b, long len)
{
	return sys3(syslog, type, b, len);
}

static void bad_buffers(void)
{
	long unmapped = sys6(mmap, 0, PAGE, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	long unread = syslog(9, 0, 0), n;
	int i;

	CHECK(30, (unsigned long)unmapped < -PAGE && sys2(munmap, unmapped, PAGE) == 0);
	/* ulib.c's kernel-half, unmapped and wrapping pointers (NULL is -EINVAL here). */
	for (i = 1; i < 4; i++) {
		void *b = (void *)bad_pointer(i, (unsigned long)unmapped, 0);

		CHECK(27 + 4 * i, syslog(3, b, 16) == -EFAULT);
		CHECK(28 + 4 * i, syslog(4, b, 16) == -EFAULT);
		CHECK(29 + 4 * i, syslog(2, b, 16) == -EFAULT);
	}
	/* READ_CLEAR and READ that failed neither cleared nor consumed anything. */
	CHECK(44, syslog(9, 0, 0) >= unread);
	n = syslog(3, buf, sizeof(buf));
	CHECK(45, n > 0 && level_of_line(buf, n, "rekram tsetk golsys") == 6);
}

static void bad_arguments(void)
{
	CHECK(50, syslog(11, buf, 16) == -EINVAL);
	CHECK(51, syslog(-1, buf, 16) == -EINVAL);
	CHECK(52, syslog(3, 0, 16) == -EINVAL);
	CHECK(53, syslog(3, buf, -1) == -EINVAL);
	CHECK(54, syslog(2, 0, 16) == -EINVAL);
	CHECK(55, syslog(2, buf, -1) == -EINVAL);
	CHECK(56, syslog(8, 0, 0) == -EINVAL);
	CHECK(57, syslog(8, 0, 9) == -EINVAL);
	CHECK(58, syslog(3, buf, 0) == 0);
	CHECK(59, syslog(0, 0, 0) == 0 && syslog(1, 0, 0) == 0);
}

static void reads(void)
{
	long size = syslog(10, 0, 0), n, i, len;

	CHECK(1, size >= 1024 && !(size & (size - 1)));
	n = syslog(3, buf, sizeof(buf));
	CHECK(2, n > 0 && n <= size);
	CHECK(3, lines_are_well_formed(buf, n));
	CHECK(4, level_of_line(buf, n, "rekram tsetk golsys") == 6);
	CHECK(5, level_of_line(buf, n, "gubed tsetk golsys") == 7);
	/* A short buffer gets the newest whole lines that fit, or a tail. */
	n = syslog(3, buf, 64);
	CHECK(6, n > 0 && n <= 64);
	/*
	 * READ consumes: read on (blocking once all is read) until the wake
	 * line comes, which the kernel prints once nothing is unread.  acc
	 * holds what was read, a stream whose lines stay whole.
	 */
	CHECK(7, syslog(9, 0, 0) > 0);
	n = syslog(2, acc, 100);
	CHECK(8, n > 0 && n <= 100);
	for (len = n; level_of_line(acc, len, "ekaw tsetk golsys") != 6; len += n) {
		if (len > (long)sizeof(acc) - 8192) {	/* keep the last lines */
			for (i = 0; i < 1024; i++)
				acc[i] = acc[len - 1024 + i];
			len = 1024;
		}
		n = syslog(2, acc + len, (long)sizeof(acc) - len);
		CHECK(9, n > 0);
	}
	/* CLEAR: READ_ALL no longer sees the marker. */
	CHECK(11, syslog(5, 0, 0) == 0);
	n = syslog(3, buf, sizeof(buf));
	CHECK(12, n >= 0 && level_of_line(buf, n, "rekram tsetk golsys") < 0);
	n = syslog(4, buf, sizeof(buf));
	CHECK(13, n >= 0 && level_of_line(buf, n, "ekaw tsetk golsys") < 0);
}

/* The kernel checks the level this leaves (5) and puts its own back. */
static void console_levels(void)
{
	CHECK(20, syslog(6, 0, 0) == 0);
	CHECK(21, syslog(6, 0, 0) == 0);
	CHECK(22, syslog(7, 0, 0) == 0);
	CHECK(23, syslog(8, 0, 3) == 0);
	CHECK(24, syslog(6, 0, 0) == 0);
	CHECK(25, syslog(7, 0, 0) == 0);	/* back to 3 */
	CHECK(26, syslog(8, 0, 5) == 0);
}

void __attribute__((noreturn)) ustart(unsigned long *sp);

void ustart(unsigned long *sp)
{
	bad_arguments();
	bad_buffers();
	reads();
	console_levels();
	sys_exit(0);
}
