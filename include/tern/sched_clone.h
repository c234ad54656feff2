/* SPDX-License-Identifier: MIT */
/* clone's flags and clone3's arguments, with Linux's values (kernel/fork.c says which are supported). */
#ifndef TERN_SCHED_CLONE_H
#define TERN_SCHED_CLONE_H

#define CSIGNAL			0x000000ff	/* the signal sent to the parent at exit */
#define CLONE_VM		0x00000100
#define CLONE_FS		0x00000200
#define CLONE_FILES		0x00000400
#define CLONE_SIGHAND		0x00000800
#define CLONE_PIDFD		0x00001000
#define CLONE_VFORK		0x00004000
#define CLONE_PARENT		0x00008000
#define CLONE_THREAD		0x00010000
#define CLONE_SYSVSEM		0x00040000
#define CLONE_SETTLS		0x00080000
#define CLONE_PARENT_SETTID	0x00100000
#define CLONE_CHILD_CLEARTID	0x00200000
#define CLONE_CHILD_SETTID	0x01000000

#ifndef __ASSEMBLER__
#include <tern/compiler.h>
#include <tern/types.h>

/* clone3's argument (Linux's struct clone_args: every field 64 bits). */
struct clone_args {
	u64 flags;		/* CLONE_*, without CSIGNAL */
	u64 pidfd;
	u64 child_tid;
	u64 parent_tid;
	u64 exit_signal;
	u64 stack;		/* the lowest address of the child's stack */
	u64 stack_size;
	u64 tls;
	u64 set_tid;
	u64 set_tid_size;
	u64 cgroup;
};

#define CLONE_ARGS_SIZE_VER0	64	/* the first version's size: up to tls */

/* Linux's validity rules for clone's flags: 0 or -EINVAL (kernel/fork.c). */
int check_clone_flags(unsigned long flags);

/*
 * clone3: copies size bytes of the user's struct (a larger one only if
 * the tail is zero: -E2BIG otherwise or above a page, -EINVAL below
 * VER0, -EFAULT), then checks the fields: 0 or -EINVAL.
 */
int clone3_args_copy(struct clone_args *args, const void __user *uargs, size_t size);
int clone3_args_check(const struct clone_args *args);
#endif

#endif
