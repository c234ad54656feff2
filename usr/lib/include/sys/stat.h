/* SPDX-License-Identifier: MIT */
/*
 * <sys/stat.h>: picolibc's struct stat and mode bits (the S_IF* values
 * are Linux's), plus the calls picolibc leaves undeclared.  usr/lib/stat.c
 * fills struct stat from statx.
 */
#ifndef _TERN_SYS_STAT_H
#define _TERN_SYS_STAT_H
#include_next <sys/stat.h>
int lstat(const char *__restrict path, struct stat *__restrict st);
int fstatat(int dirfd, const char *__restrict path, struct stat *__restrict st, int flags);
int mknod(const char *path, mode_t mode, dev_t dev);
#endif
