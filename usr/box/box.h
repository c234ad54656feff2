/* SPDX-License-Identifier: MIT */
/*
 * box: Tern's utilities as one multi-call program.  main() (box.c) picks
 * the applet by the name it was run as (argv[0]'s last component), or by
 * its first argument when run as "box".  Every applet is an ordinary
 * main: it gets argc/argv with argv[0] its own name, returns its exit
 * status, and may exit() directly.  Options are read with opt_next, not
 * the C library's getopt (see util.c), reset before each applet.
 */
#ifndef BOX_H
#define BOX_H

#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <stdbool.h>
#include <sys/types.h>
#include <unistd.h>

/* The running applet's name, for messages ("ls: x: No such file ..."). */
extern const char *applet_name;

#define APPLET(name) int box_##name(int argc, char **argv)

/* Messages in coreutils' form on stderr: "name: path: strerror(errno)". */
void warn_errno(const char *what);
void warnx(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* As warnx, then exit(status). */
void __attribute__((noreturn, format(printf, 2, 3))) die(int status, const char *fmt, ...);
void __attribute__((noreturn)) usage(const char *text);

/*
 * POSIX getopt under another name: options end at the first operand, a
 * lone "-" is an operand and "--" ends them.  opt_ind is the next
 * argument, opt_arg an option's argument; opt_reset starts over.
 */
extern int opt_ind;
extern char *opt_arg;
int opt_next(int argc, char **argv, const char *spec);
void opt_reset(void);

/* Allocators that exit with a message when memory runs out. */
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

/* "-" means stdin; otherwise fopen(path, "r"); warns and returns NULL. */
FILE *open_input(const char *path);
void close_input(FILE *f);

/*
 * One line of f, without its '\n', in *buf (grown as needed, *cap its
 * size); returns the length, or -1 at the end.  *had_nl says whether
 * the line ended in '\n' (the last line may not).
 */
ssize_t read_line(FILE *f, char **buf, size_t *cap, bool *had_nl);

/* Copies in to out until the end; returns 0, or -1 with errno set. */
int copy_fd(int in, int out);

/* "dir" + "/" + "name" in fresh memory. */
char *path_join(const char *dir, const char *name);
/* The last component of path (no allocation; "a/b/" gives "b/"). */
const char *base_name(const char *path);

/* Where src lands: dest itself, or dest/base(src) when dest is a directory. */
char *target_path(const char *src, const char *dest, bool follow_dest);

/* cp -r's copy of src to dest (copy.c), also mv's across filesystems. */
int copy_tree(const char *src, const char *dest, bool recursive);

/* mv calls rm -rf after copying across filesystems. */
int box_rm(int argc, char **argv);

/* Parses a whole decimal integer; false when s is not one. */
bool parse_ll(const char *s, long long *out);

/* Reads a small text file (under /proc) into buf, NUL-terminated. */
ssize_t read_small_file(const char *path, char *buf, size_t size);

/* Signal names without "SIG" (kill.c). */
int signal_number(const char *name);
const char *signal_name(int sig);

/*
 * Pure logic, tested on the host (tests/box/).
 */

/* hexdump -C's line for n (1..16) bytes at offset off, with its '\n'. */
#define HEXDUMP_LINE_MAX 80
void hexdump_line(char out[HEXDUMP_LINE_MAX], unsigned long off, const uint8_t *data, size_t n);

/*
 * printf(1): formats fmt with args, reusing fmt while args remain, onto
 * out.  Returns 0, or 1 when an argument was not a valid number (the
 * output goes on, as coreutils does).
 */
int printf_format(FILE *out, const char *fmt, int argc, char **argv);
/*
 * One backslash escape at s (just after the '\'): stores the byte in
 * *c and returns how many characters of s it used.  octal_zero: echo's
 * \0NNN form rather than printf's \NNN.
 */
int parse_escape(const char *s, char *c, bool octal_zero);

/*
 * tr(1)'s sets: expands ranges (a-z), classes ([:digit:] ...), escapes
 * and [c*n] repeats into out (the byte values in order; up to 256 of a
 * class, but a set may list bytes more than once); returns the length,
 * or -1 for a malformed set (message in *err).
 */
int tr_expand_set(const char *set, unsigned char *out, size_t size, const char **err);

/* sort(1)'s comparison of two lines, by the flags below. */
#define SORT_NUMERIC 1
#define SORT_REVERSE 2
#define SORT_FOLD 4
int sort_compare(const char *a, const char *b, int flags);

#endif
