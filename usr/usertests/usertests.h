/* SPDX-License-Identifier: MIT */
/*
 * usertests: what every test file shares.
 *
 * A test is a function returning PASS, FAIL or SKIP; it runs in a child
 * process of its own (fork, or vfork + exec of this program with "-t
 * name" where fork does not exist), so a crash fails one test only.
 * CHECK() prints a "# file:line: ..." diagnostic and returns FAIL.
 *
 * Children a test starts go through spawn(): a fork where fork exists,
 * else vfork + exec of this program with "-c helper arg".  A helper
 * therefore sees only its long argument and the inherited descriptors,
 * signal mask and ignored signals, never the parent's memory.
 */
#ifndef USERTESTS_H
#define USERTESTS_H

#include <errno.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

enum result { PASS = 0, FAIL = 1, SKIP = 2 };

struct test {
	const char *name;
	enum result (*fn)(void);
};

struct helper {
	const char *name;
	int (*fn)(long arg);
};

/* Test tables, one per file, each ending in a NULL name. */
extern const struct test proc_tests[], pipe_tests[], signal_tests[],
	badptr_tests[], mem_tests[], fs_tests[], elf_tests[];
extern const struct helper proc_helpers[], pipe_helpers[], signal_helpers[],
	fs_helpers[], mem_helpers[];

/* This program's path, for exec of itself. */
extern const char *self_path;
/* Set before any test runs: fork works here; exec of self works here. */
extern bool have_fork, have_exec;

enum result skip(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void diag(const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

#define CHECK(cond, ...)						\
	do {								\
		if (!(cond)) {						\
			diag(__FILE__, __LINE__, __VA_ARGS__);		\
			return FAIL;					\
		}							\
	} while (0)

/* A call expected to fail with errno e. */
#define CHECK_ERR(call, e)						\
	do {								\
		errno = 0;						\
		long r_ = (long)(call);					\
		int e_ = errno;						\
		CHECK(r_ == -1 && e_ == (e), "%s: got %ld (%s), want %s",\
		      #call, r_, strerror(e_), #e);			\
	} while (0)

/* A call expected to succeed (return >= 0). */
#define CHECK_OK(call)							\
	do {								\
		errno = 0;						\
		long r_ = (long)(call);					\
		CHECK(r_ >= 0, "%s: %s", #call, strerror(errno));	\
	} while (0)

/*
 * Start fn(arg) in a child; returns its pid, or -1 with errno (EAGAIN,
 * ENOMEM) when no child could be made.  The child exits with fn's value.
 */
pid_t spawn(int (*fn)(long), long arg);
/* vfork + exec of this program running helper(arg), even where fork works. */
pid_t spawn_exec(const char *helper, long arg);
/* "usertests -a ...": the exec_long_args test's child (proc.c). */
int check_long_args(int argc, char **argv);
/*
 * A helper that exits with its argument (proc.c).  Hidden: its address
 * is taken in other files, and a static-PIE (no-MMU) must hold only
 * R_RISCV_RELATIVE relocations, which a preemptible symbol's GOT slot
 * is not.
 */
__attribute__((visibility("hidden"))) int helper_exit(long code);
/* Wait for pid; true if it exited with code.  Prints why not otherwise. */
bool exited_with(pid_t pid, int code);
/* Wait for pid; true if a signal sig killed it. */
bool killed_by(pid_t pid, int sig);

/* A scratch directory for this test's files: cd into it; 0 or -1. */
int enter_scratch(const char *test);
/* Remove the tree at path (relative to cwd), best effort. */
void remove_tree(const char *path);
/* Write/read exactly n bytes or fail; return n or -1. */
ssize_t write_all(int fd, const void *buf, size_t n);
ssize_t read_all(int fd, void *buf, size_t n);

#endif
