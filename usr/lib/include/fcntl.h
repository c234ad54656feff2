/* SPDX-License-Identifier: MIT */
/*
 * <fcntl.h>: picolibc's O_, F_ and AT_ values (its own stdio passes them
 * to open), translated to Linux's in usr/lib/fcntl.c, plus the calls
 * picolibc leaves undeclared.
 */
#ifndef _TERN_FCNTL_H
#define _TERN_FCNTL_H
#include_next <fcntl.h>
int openat(int dirfd, const char *path, int flags, ...);
#endif
