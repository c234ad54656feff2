/* SPDX-License-Identifier: MIT */
/*
 * Resource limits (kernel/rlimit.c): Linux's resource numbers and its
 * struct rlimit64.  Each process has its own table, inherited at fork
 * and kept across exec, read and set by prlimit64 (and getrlimit and
 * setrlimit on rv64).
 */
#ifndef TERN_RESOURCE_H
#define TERN_RESOURCE_H

#include <tern/types.h>

#define RLIMIT_CPU		0
#define RLIMIT_FSIZE		1
#define RLIMIT_DATA		2
#define RLIMIT_STACK		3
#define RLIMIT_CORE		4
#define RLIMIT_RSS		5
#define RLIMIT_NPROC		6
#define RLIMIT_NOFILE		7
#define RLIMIT_MEMLOCK		8
#define RLIMIT_AS		9
#define RLIM_NLIMITS		16
#define RLIM64_INFINITY		(~0ULL)

struct rlimit64 {
	u64 rlim_cur, rlim_max;
};

struct task;

/* A new process's limits: its parent's, or the defaults when the parent is no process. */
void rlimits_inherit(struct task *child, const struct task *parent);

#endif
