/* SPDX-License-Identifier: MIT */
/* <unistd.h>: picolibc's, plus the Linux calls it leaves undeclared. */
#ifndef _TERN_UNISTD_H
#define _TERN_UNISTD_H
#include_next <unistd.h>
int brk(void *addr);
pid_t gettid(void);
pid_t getsid(pid_t pid);
int dup3(int oldfd, int newfd, int flags);
int syncfs(int fd);
int fsync(int fd);
int fdatasync(int fd);
int lchown(const char *path, uid_t uid, gid_t gid);
int unlinkat(int dirfd, const char *path, int flags);
int execvpe(const char *file, char *const argv[], char *const envp[]);
long syscall(long number, ...);
#endif
