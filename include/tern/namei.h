/* SPDX-License-Identifier: MIT */
/*
 * The path walk (fs/namei.c) and the kernel-side file API built on it,
 * for code that has kernel strings: the initramfs unpacker, the ELF
 * loader, mount at boot, ktests.  The sys_* calls (syscalls.h) are these
 * plus the copy from user memory.
 *
 * Walk rules (Linux's path_resolution(7)): "/" starts at the task's root,
 * anything else at dfd (AT_FDCWD: the working directory); "." stays, ".."
 * goes up but never above the root, and crosses back over a mount point;
 * symlinks are followed in the middle of a path always and at its end
 * unless told not to, 40 at most per walk (-ELOOP); a trailing slash
 * asks for a directory (-ENOTDIR) and follows a final symlink; a
 * component over 255 bytes or a path of 4096 bytes or more:
 * -ENAMETOOLONG; an empty path: -ENOENT (unless LOOKUP_EMPTY).
 *
 * Tasks without an fs_struct (kernel threads) walk from the global root;
 * without a files_struct they have no dfd but AT_FDCWD.  Who may call:
 * any task context, no lock held.
 */
#ifndef TERN_NAMEI_H
#define TERN_NAMEI_H

#include <tern/fs.h>

#define LOOKUP_FOLLOW		(1u << 0)	/* follow a final symlink */
#define LOOKUP_DIRECTORY	(1u << 1)	/* the result must be a directory */
#define LOOKUP_EMPTY		(1u << 2)	/* "" means dfd itself (AT_EMPTY_PATH) */

void path_get(const struct path *p);		/* vfs_lock held */
void path_put(const struct path *p);		/* takes vfs_lock */
void path_put_locked(const struct path *p);	/* vfs_lock held */

/* Resolves name to a referenced path: 0 or -errno. */
int kern_path_at(int dfd, const char *name, unsigned int flags, struct path *out);
static inline int kern_path(const char *name, unsigned int flags, struct path *out)
{
	return kern_path_at(AT_FDCWD, name, flags, out);
}

/* ---- the kernel-side file API (fs/open.c, fs/read_write.c ...) ---- */

/* Opens like openat(AT_FDCWD, path, flags, mode): the file or ERR_PTR(-errno). */
struct file *filp_open(const char *path, int flags, umode_t mode);
struct file *file_open_at(int dfd, const char *path, int flags, umode_t mode);
ssize_t kernel_read(struct file *file, void *buf, size_t count, loff_t *pos);
ssize_t kernel_write(struct file *file, const void *buf, size_t count, loff_t *pos);
/* The same, for either kind of memory, at f_pos (and updating it). */
ssize_t vfs_read(struct file *file, struct iov_iter *to, loff_t *pos);
ssize_t vfs_write(struct file *file, struct iov_iter *from, loff_t *pos);
loff_t vfs_llseek(struct file *file, loff_t offset, int whence);
int vfs_truncate_file(struct file *file, loff_t length);
int vfs_fsync(struct file *file);

/* dfd-relative directory operations on kernel strings: 0 or -errno. */
int do_mkdirat(int dfd, const char *path, umode_t mode);
int do_mknodat(int dfd, const char *path, umode_t mode, dev_t dev);
int do_rmdirat(int dfd, const char *path);
int do_unlinkat(int dfd, const char *path);
int do_renameat2(int olddfd, const char *oldpath, int newdfd, const char *newpath,
		 unsigned int flags);
int do_linkat(int olddfd, const char *oldpath, int newdfd, const char *newpath, int flags);
int do_symlinkat(const char *target, int newdfd, const char *linkpath);
/* The target of a symlink into buf (not NUL-terminated): its length or -errno. */
int do_readlinkat(int dfd, const char *path, char *buf, int bufsiz);
int do_fchmodat(int dfd, const char *path, umode_t mode, int flags);
int do_fchownat(int dfd, const char *path, uid_t uid, gid_t gid, int flags);
/* times NULL: both now; UTIME_NOW / UTIME_OMIT in tv_nsec as utimensat. */
int do_utimensat(int dfd, const char *path, const struct timespec64 times[2], int flags);
int do_faccessat(int dfd, const char *path, int mode, int flags);

/* Short forms on absolute or cwd-relative kernel paths (initramfs). */
static inline int vfs_mkdir_path(const char *path, umode_t mode)
{
	return do_mkdirat(AT_FDCWD, path, mode);
}
static inline int vfs_symlink_path(const char *target, const char *linkpath)
{
	return do_symlinkat(target, AT_FDCWD, linkpath);
}
static inline int vfs_mknod_path(const char *path, umode_t mode, dev_t dev)
{
	return do_mknodat(AT_FDCWD, path, mode, dev);
}
static inline int vfs_link_path(const char *oldpath, const char *newpath)
{
	return do_linkat(AT_FDCWD, oldpath, AT_FDCWD, newpath, 0);
}
static inline int vfs_chmod_path(const char *path, umode_t mode)
{
	return do_fchmodat(AT_FDCWD, path, mode, 0);
}
static inline int vfs_chown_path(const char *path, uid_t uid, gid_t gid)
{
	return do_fchownat(AT_FDCWD, path, uid, gid, AT_SYMLINK_NOFOLLOW);
}
/* mtime for a path (not following a final symlink); atime set to it too. */
int vfs_utimes_path(const char *path, s64 mtime_sec);
int vfs_unlink_path(const char *path);

/* stat of an inode as statx fills it (all STATX_BASIC_STATS). */
void vfs_getattr(const struct path *path, struct statx *stx);
int vfs_statx(int dfd, const char *path, int flags, struct statx *stx);

/* getdents64 into a kernel buffer: bytes used, 0 at the end, or -errno. */
long getdents64_kernel(struct file *f, void *buf, size_t size);
/* Lists a directory through ctx (readdir.c). */
int vfs_iterate_dir(struct file *file, struct dir_context *ctx);

#endif
