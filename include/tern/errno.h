/* SPDX-License-Identifier: MIT */
/*
 * Error numbers, with the values of Linux's asm-generic/errno-base.h and
 * errno.h so that user space built for Linux reads them correctly.
 * Kernel functions return the negated value (-EINVAL).
 */
#ifndef TERN_ERRNO_H
#define TERN_ERRNO_H

#define EPERM		1
#define ENOENT		2
#define ESRCH		3
#define EINTR		4
#define EIO		5
#define ENXIO		6
#define E2BIG		7
#define ENOEXEC		8
#define EBADF		9
#define ECHILD		10
#define EAGAIN		11
#define ENOMEM		12
#define EACCES		13
#define EFAULT		14
#define EBUSY		16
#define EEXIST		17
#define EXDEV		18
#define ENODEV		19
#define ENOTDIR		20
#define EISDIR		21
#define EINVAL		22
#define ENFILE		23
#define EMFILE		24
#define ENOTTY		25
#define EFBIG		27
#define ENOSPC		28
#define ESPIPE		29
#define EROFS		30
#define EMLINK		31
#define EPIPE		32
#define EDOM		33
#define ERANGE		34
#define EDEADLK		35
#define ENAMETOOLONG	36
#define ENOSYS		38
#define ENOTEMPTY	39
#define ELOOP		40
#define ENODATA		61
#define EOVERFLOW	75
#define EOPNOTSUPP	95
#define ENOBUFS		105
#define ETIMEDOUT	110

/* Kernel-internal, never seen by user space (Linux's values). */
/*
 * A system call a signal interrupted (Documentation/signals.md): the way
 * back to user mode restarts it or makes it -EINTR.
 */
#define ERESTARTSYS		512	/* restart if the handler has SA_RESTART */
#define ERESTARTNOINTR		513	/* always restart */
#define ERESTARTNOHAND		514	/* restart only if no handler ran */
#define ERESTART_RESTARTBLOCK	516	/* restart through restart_syscall */
#define EPROBE_DEFER	517	/* a driver's probe: not yet, try again later */

#endif
