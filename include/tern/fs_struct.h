/* SPDX-License-Identifier: MIT */
/*
 * A process's root and working directory and umask (fs/fs_struct.c).
 * Shared by threads (CLONE_FS: count), copied by fork (copy_fs_struct).
 * A task's fs is NULL for kernel threads: they resolve paths from the
 * global root, with umask 022.
 *
 * Locking: fs->lock (a spinlock) guards root, pwd and umask; the paths
 * are referenced (struct path), so a reader copies one with path_get
 * under vfs_lock (get_fs_pwd, get_fs_root).
 */
#ifndef TERN_FS_STRUCT_H
#define TERN_FS_STRUCT_H

#include <tern/fs.h>
#include <tern/spinlock.h>

struct fs_struct {
	long count;		/* atomic: tasks sharing it */
	spinlock_t lock;
	struct path root, pwd;	/* lock; each referenced */
	unsigned int umask;	/* lock */
};

/* An fs_struct at the global root, umask 022 (the first process's). */
struct fs_struct *fs_struct_alloc_root(void);
struct fs_struct *copy_fs_struct(struct fs_struct *old);
/* Shares it with another task (CLONE_FS). */
static inline struct fs_struct *get_fs_struct(struct fs_struct *fs)
{
	__atomic_add_fetch(&fs->count, 1, __ATOMIC_RELAXED);
	return fs;
}
void put_fs_struct(struct fs_struct *fs);

/* current's root / working directory, referenced (the global root if no fs). */
void get_fs_root(struct path *out);
void get_fs_pwd(struct path *out);
/* Makes path (referenced by the caller, reference taken over) current's cwd. */
void set_fs_pwd(const struct path *path);
unsigned int current_umask(void);

#endif
