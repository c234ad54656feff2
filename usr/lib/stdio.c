// SPDX-License-Identifier: MIT
/*
 * stdin, stdout and stderr for picolibc's tinystdio, over file
 * descriptors 0, 1 and 2.  stdout is line-buffered on a terminal and
 * fully buffered otherwise (decided at start-up); stderr is unbuffered
 * (a one-byte buffer); everything is flushed at exit.
 */
#include <stdio.h>
#include <stdio-bufio.h>
#include <stdlib.h>
#include <unistd.h>

static char in_buf[BUFSIZ], out_buf[BUFSIZ], err_buf[1];

static off_t lseek_wrap(int fd, off_t off, int whence) { return lseek(fd, off, whence); }

static struct __file_bufio in_file = FDEV_SETUP_BUFIO(0, in_buf, BUFSIZ, read, write,
						     lseek_wrap, close, __SRD, 0);
static struct __file_bufio out_file = FDEV_SETUP_BUFIO(1, out_buf, BUFSIZ, read, write,
						      lseek_wrap, close, __SWR, 0);
static struct __file_bufio err_file = FDEV_SETUP_BUFIO(2, err_buf, 1, read, write,
						      lseek_wrap, close, __SWR, 0);

FILE *const stdin = &in_file.xfile.cfile.file;
FILE *const stdout = &out_file.xfile.cfile.file;
FILE *const stderr = &err_file.xfile.cfile.file;

static void flush_std(void)
{
	fflush(stdout);
	fflush(stderr);
}

void __tern_stdio_init(void)
{
	if (isatty(1))
		out_file.bflags |= __BLBF;
	atexit(flush_std);
}
