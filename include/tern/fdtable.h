/* SPDX-License-Identifier: MIT */
/*
 * A process's open files (fs/file.c): fd -> struct file, with a
 * close-on-exec bit per fd.  Shared by threads (CLONE_FILES, count),
 * copied by fork (dup_files: the copy references the same files).
 *
 * Locking: files->lock (a spinlock) guards the table, the bitmaps and
 * max_fds; the struct file itself is reference-counted (fget takes a
 * reference under the lock, so a concurrent close cannot free it).
 * fput and release happen outside the lock.
 *
 * A task's files is NULL for kernel threads: they have no fds (every fd
 * call on them gives -EBADF).
 */
#ifndef TERN_FDTABLE_H
#define TERN_FDTABLE_H

#include <tern/fs.h>
#include <tern/spinlock.h>

#define NR_OPEN_DEFAULT	64	/* the first table's size */
#define NR_OPEN_MAX	1024	/* RLIMIT_NOFILE's default in Linux */

struct files_struct {
	long count;			/* atomic: tasks sharing it */
	spinlock_t lock;
	unsigned int max_fds;		/* lock: size of fd[] and the bitmaps */
	unsigned int nofile;		/* lock: fds must be below this (rlimit) */
	struct file **fd;		/* lock */
	unsigned long *open_fds;	/* lock: bit set = fd in use (also reserved) */
	unsigned long *close_on_exec;	/* lock */
};

/* A new empty table (count 1), limit NR_OPEN_MAX; NULL without memory. */
struct files_struct *files_alloc(void);
/* fork: a copy sharing every open file (each gets a reference). */
struct files_struct *dup_files(struct files_struct *old);
/* Shares the table with another task (CLONE_FILES). */
static inline struct files_struct *get_files(struct files_struct *files)
{
	__atomic_add_fetch(&files->count, 1, __ATOMIC_RELAXED);
	return files;
}
/* Drops a reference; the last one closes every fd (exit). */
void put_files(struct files_struct *files);
/* exec: closes every fd marked close-on-exec. */
void files_close_on_exec(struct files_struct *files);

/* Reserves the lowest free fd >= start: the fd, -EMFILE or -ENOMEM. */
int fd_alloc(struct files_struct *files, unsigned int start, bool cloexec);
/* Fills a reserved fd (the table takes over the caller's reference). */
void fd_install(struct files_struct *files, unsigned int fd, struct file *file);
/* Gives back a reserved fd that was never installed. */
void fd_unreserve(struct files_struct *files, unsigned int fd);
/* The file at fd, referenced, or NULL. */
struct file *fget_files(struct files_struct *files, unsigned int fd);
/* Closes fd: 0 or -EBADF. */
int close_fd_files(struct files_struct *files, unsigned int fd);
/* dup3: newfd now names oldfd's file (closing what it named): newfd or -errno. */
int dup_to(struct files_struct *files, unsigned int oldfd, unsigned int newfd, bool cloexec);
int fd_get_cloexec(struct files_struct *files, unsigned int fd);	/* 0/1 or -EBADF */
int fd_set_cloexec(struct files_struct *files, unsigned int fd, bool on);

/* The same on current->files (-EBADF/NULL when the task has none). */
struct file *fget(unsigned int fd);
int close_fd(unsigned int fd);
/* Installs file at the lowest free fd of current: the fd (the table takes
   the reference) or -errno (the caller still owns file). */
int fd_install_new(struct file *file, unsigned int flags);

#endif
