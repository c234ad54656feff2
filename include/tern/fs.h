/* SPDX-License-Identifier: MIT */
/*
 * The virtual filesystem: the objects every filesystem shares
 * (Documentation/filesystems/vfs.md has the whole picture).
 *
 *   super_block  one mounted instance of a filesystem
 *   inode        one file, directory, symlink, device or pipe
 *   dentry       one name in a directory, bound to an inode (or to none:
 *                a negative dentry, "this name does not exist")
 *   vfsmount     where a super_block's root is grafted into the tree
 *   file         one open of an inode: position, flags, operations
 *
 * Locking (the whole contract; vfs.md explains why it is this simple):
 *   vfs_lock (a mutex, vfs_lock()/vfs_unlock())
 *       the dentry tree and hash, every d_count, d_inode, d_flags; every
 *       i_count, i_nlink, i_mode, i_uid, i_gid, the times; the mount
 *       table; super blocks.  The path walk runs with it held.  Taken
 *       last: never sleep on I/O or another task's progress under it.
 *   inode->i_mutex
 *       the file's data and i_size (both written with i_mutex and
 *       vfs_lock held, so either suffices to read them).  Order:
 *       i_mutex, then vfs_lock.
 *   file->f_pos_lock
 *       f_pos of regular files and directories.  Order: before i_mutex.
 *   f_count is atomic; fd tables have their own spinlock (fdtable.h).
 *   Pipes and devices lock themselves and are called with nothing held.
 *
 * Refcounts: a file holds its path (dentry + vfsmount); a dentry holds
 * its parent and its inode; a mount holds its mountpoint and its parent
 * mount.  Filesystems that keep their tree in the dcache (ramfs, devfs)
 * pin each positive dentry with one extra count (DCACHE_PINNED) until
 * unlink.  An inode is evicted when its last dentry goes and i_nlink is
 * 0, or when its filesystem is unmounted.
 *
 * Credentials: every task is root (uid 0) for now.  Mode bits are kept
 * and reported; access is checked as Linux checks it for root (no r/w
 * checks; execute needs some x bit on a regular file).
 */
#ifndef TERN_FS_H
#define TERN_FS_H

#include <tern/list.h>
#include <tern/mutex.h>
#include <tern/types.h>
#include <uapi/linux/fcntl.h>
#include <uapi/linux/limits.h>
#include <uapi/linux/stat.h>

typedef u16 umode_t;
typedef s64 loff_t;
typedef long off_t;
typedef u32 dev_t;
typedef u32 uid_t;
typedef u32 gid_t;

struct timespec64 {
	s64 tv_sec;
	long tv_nsec;
};

struct dentry;
struct file;
struct inode;
struct super_block;
struct vfsmount;
struct poll_table;

#define MKDEV(ma, mi)	(((dev_t)(ma) << 20) | (dev_t)(mi))
#define MAJOR(d)	((u32)(d) >> 20)
#define MINOR(d)	((u32)(d) & 0xfffff)

/* ---- data transfer: one segment of user or kernel memory ---- */

struct iov_iter {
	bool user;			/* ubuf, else kbuf */
	union {
		char __user *ubuf;
		char *kbuf;
	};
	size_t count;			/* bytes left */
};

void iov_iter_init(struct iov_iter *i, bool user, void *buf, size_t count);
/* Copies up to n bytes; returns how many (short only on a fault). */
size_t copy_to_iter(const void *src, size_t n, struct iov_iter *i);
size_t copy_from_iter(void *dst, size_t n, struct iov_iter *i);

/* ---- directory listing ---- */

/*
 * iterate() calls actor for each entry from ctx->pos on; next is the
 * position after this entry.  The actor returns false when it has no room
 * (iterate then stops, leaving ctx->pos at this entry); on true, iterate
 * sets ctx->pos = next.
 */
struct dir_context {
	bool (*actor)(struct dir_context *ctx, const char *name, int len, loff_t next,
		      u64 ino, unsigned int d_type);
	loff_t pos;
};

/* ---- operations ---- */

/*
 * Called without vfs_lock (open/release/read/write/ioctl/poll/fsync/
 * llseek) except iterate, which is called with it held.  Missing read or
 * write: -EINVAL; missing ioctl: -ENOTTY; missing poll: always ready.
 */
struct file_operations {
	int (*open)(struct inode *inode, struct file *file);
	int (*release)(struct inode *inode, struct file *file);
	ssize_t (*read)(struct file *file, struct iov_iter *to, loff_t *pos);
	ssize_t (*write)(struct file *file, struct iov_iter *from, loff_t *pos);
	loff_t (*llseek)(struct file *file, loff_t offset, int whence);
	int (*iterate)(struct file *file, struct dir_context *ctx);
	long (*ioctl)(struct file *file, unsigned int cmd, unsigned long arg);
	/* Ready events (POLLIN...); registers on pt's queue when pt is given. */
	unsigned int (*poll)(struct file *file, struct poll_table *pt);
	int (*fsync)(struct file *file);
};

struct iattr {
	unsigned int ia_valid;		/* ATTR_* */
	umode_t ia_mode;
	uid_t ia_uid;
	gid_t ia_gid;
	loff_t ia_size;
	struct timespec64 ia_atime, ia_mtime;
};
#define ATTR_MODE	(1 << 0)
#define ATTR_UID	(1 << 1)
#define ATTR_GID	(1 << 2)
#define ATTR_SIZE	(1 << 3)
#define ATTR_ATIME	(1 << 4)
#define ATTR_MTIME	(1 << 5)
#define ATTR_CTIME	(1 << 6)

/*
 * Called with vfs_lock held (setattr with ATTR_SIZE also with i_mutex).
 * The VFS has checked names, types and emptiness; dir is the parent's
 * inode, dentry the (negative for create/mkdir/symlink/link, positive
 * otherwise) name.  On success create/mkdir/symlink/mknod instantiate
 * the dentry (d_instantiate).  Missing operations: -EPERM (-EOPNOTSUPP for
 * get_link).
 */
struct inode_operations {
	/* Binds dentry to the inode of that name, or leaves it negative: 0 or -errno. */
	int (*lookup)(struct inode *dir, struct dentry *dentry);
	int (*create)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*mknod)(struct inode *dir, struct dentry *dentry, umode_t mode, dev_t dev);
	int (*mkdir)(struct inode *dir, struct dentry *dentry, umode_t mode);
	int (*rmdir)(struct inode *dir, struct dentry *dentry);
	int (*unlink)(struct inode *dir, struct dentry *dentry);
	/* new_dentry is negative, or positive and to be replaced. */
	int (*rename)(struct inode *old_dir, struct dentry *old_dentry,
		      struct inode *new_dir, struct dentry *new_dentry);
	int (*link)(struct dentry *old_dentry, struct inode *dir, struct dentry *new_dentry);
	int (*symlink)(struct inode *dir, struct dentry *dentry, const char *target);
	/* The target, NUL-terminated, valid while the inode lives. */
	const char *(*get_link)(struct inode *inode);
	int (*setattr)(struct dentry *dentry, struct iattr *attr);
};

struct super_operations {
	/* Frees the filesystem's part of an inode: last reference gone. */
	void (*evict_inode)(struct inode *inode);
	/* The last mount of the super block went away. */
	void (*put_super)(struct super_block *sb);
	/* One line's options for /proc/mounts ("size=65536"), or nothing. */
	int (*show_options)(struct super_block *sb, char *buf, size_t len);
};

/* ---- objects ---- */

struct super_block {
	const struct file_system_type *s_type;
	const struct super_operations *s_op;
	struct dentry *s_root;
	dev_t s_dev;
	unsigned long s_blocksize;
	unsigned long s_next_ino;	/* vfs_lock: new_inode numbers */
	unsigned long s_inodes;		/* vfs_lock: live inodes */
	int s_active;			/* vfs_lock: mounts of it */
	void *s_fs_info;
};

struct inode {
	umode_t i_mode;
	unsigned int i_nlink;
	uid_t i_uid;
	gid_t i_gid;
	dev_t i_rdev;
	unsigned long i_ino;
	loff_t i_size;			/* i_mutex + vfs_lock */
	u64 i_blocks;			/* 512-byte units; i_mutex + vfs_lock */
	struct timespec64 i_atime, i_mtime, i_ctime;
	int i_count;			/* vfs_lock: dentries and other holders */
	struct super_block *i_sb;
	const struct inode_operations *i_op;
	const struct file_operations *i_fop;
	struct mutex i_mutex;
	void *i_private;		/* the filesystem's */
};

struct qstr {
	const char *name;
	u32 len;
	u32 hash;
};

#define DNAME_INLINE_LEN 32

struct dentry {
	struct qstr d_name;		/* vfs_lock */
	char d_iname[DNAME_INLINE_LEN];	/* short names live here */
	struct dentry *d_parent;	/* vfs_lock; itself for a root */
	struct inode *d_inode;		/* vfs_lock; NULL: negative */
	struct super_block *d_sb;
	struct list_head d_hash;	/* vfs_lock: hash chain, empty if unhashed */
	struct list_head d_child;	/* vfs_lock: in d_parent->d_subdirs */
	struct list_head d_subdirs;	/* vfs_lock: children, oldest first */
	int d_count;			/* vfs_lock */
	unsigned int d_flags;		/* vfs_lock: DCACHE_* */
	loff_t d_index;			/* readdir position, unique in the parent */
	loff_t d_next_index;		/* the next child's d_index */
	void *d_fsdata;
};
#define DCACHE_MOUNTED	(1 << 0)	/* something is mounted here */
#define DCACHE_PINNED	(1 << 1)	/* the fs holds one d_count for the tree */
#define DCACHE_DEAD	(1 << 2)	/* removed from the tree */
#define DCACHE_DONTCACHE (1 << 3)	/* freed when unused (procfs: made by each lookup) */

struct vfsmount {
	struct dentry *mnt_root;
	struct super_block *mnt_sb;
	struct vfsmount *mnt_parent;	/* itself for the root mount */
	struct dentry *mnt_mountpoint;	/* in mnt_parent */
	struct list_head mnt_list;	/* vfs_lock: all mounts, in mount order */
	int mnt_count;			/* vfs_lock: paths held in it (+1 for the table) */
	unsigned long mnt_flags;	/* MS_* as given (only MS_RDONLY is acted on) */
	char mnt_devname[32];
};

struct path {
	struct vfsmount *mnt;
	struct dentry *dentry;
};

/* f_mode */
#define FMODE_READ	(1 << 0)
#define FMODE_WRITE	(1 << 1)
#define FMODE_LSEEK	(1 << 2)
#define FMODE_PATH	(1 << 3)	/* O_PATH: no I/O */

struct file {
	struct path f_path;
	struct inode *f_inode;
	const struct file_operations *f_op;
	unsigned int f_flags;		/* O_* (O_APPEND, O_NONBLOCK changeable by F_SETFL) */
	unsigned int f_mode;		/* FMODE_* */
	loff_t f_pos;			/* f_pos_lock */
	struct mutex f_pos_lock;
	long f_count;			/* atomic */
	void *private_data;		/* the file_operations' */
};

struct file_system_type {
	const char *name;
	/*
	 * Makes (or finds, for a single-instance fs) a super block with its
	 * root dentry; data is the mount options string or NULL.  Called with
	 * vfs_lock held.  ERR_PTR on failure.
	 */
	struct super_block *(*mount)(struct file_system_type *type, const char *data);
	/* Frees the super block of an unmounted instance; vfs_lock held. */
	void (*kill_sb)(struct super_block *sb);
	struct file_system_type *next;	/* vfs_lock: the registered list */
};

/* ---- locking ---- */

void vfs_lock(void);
void vfs_unlock(void);
bool vfs_lock_held(void);

/* ---- super.c: filesystems and mounts ---- */

/* 0, or -EBUSY if a filesystem of that name is registered already. */
int register_filesystem(struct file_system_type *type);
struct file_system_type *get_fs_type(const char *name);

/* A new super block with a fresh anonymous device number; NULL without memory. */
struct super_block *sget_anon(struct file_system_type *type,
			      const struct super_operations *ops);
/* Frees what sget_anon made (after its inodes are gone). */
void free_anon_sb(struct super_block *sb);

/*
 * Mounts a new instance of fstype on the directory at path (a kernel
 * string); devname is what /proc/mounts shows.  0 or -errno (-ENODEV: no
 * such filesystem, -ENOTDIR, -EBUSY: the root exists already).
 */
int do_mount(const char *devname, const char *path, const char *fstype,
	     unsigned long flags, const char *data);
/* Unmounts what is mounted at path; -EBUSY if in use, -EINVAL if not a mount point. */
int do_umount(const char *path, int flags);

/* An internal instance (pipefs), in no directory and not in the table. */
struct vfsmount *kern_mount(struct file_system_type *type);

/* The root mount, for tasks without an fs_struct; NULL before vfs_init. */
extern struct vfsmount *root_mnt;
void get_root_path(struct path *root);
/* Is there a root filesystem (the boot mounted one)?  Before any path walk. */
bool vfs_root_mounted(void);

/*
 * /proc/mounts: calls fn for each mount in mount order, with vfs_lock
 * held (fn may allocate memory, but must not take vfs_lock or wait for
 * another task), and stops at the first non-zero return.
 */
int mounts_for_each(int (*fn)(struct vfsmount *mnt, void *arg), void *arg);
/* The mount point's path as seen from the global root, into buf: 0 or -ENAMETOOLONG. */
int mount_path(struct vfsmount *mnt, char *buf, size_t len);
/*
 * mnt's line of /proc/mounts ("rootfs / ramfs rw 0 0\n", options after
 * rw/ro as ",size=64k") into buf, vfs_lock held: its length, or
 * -ENAMETOOLONG / -ENOMEM.
 */
int mount_show(struct vfsmount *mnt, char *buf, size_t len);

/* The mount stacked on (mnt, dentry), if any; vfs_lock held, no reference taken. */
struct vfsmount *lookup_mnt(struct vfsmount *mnt, struct dentry *dentry);

/* ---- dcache.c ---- */

struct dentry *dget(struct dentry *d);		/* vfs_lock held */
void dput(struct dentry *d);			/* takes vfs_lock */
void dput_locked(struct dentry *d);		/* vfs_lock held */
/* A negative child of parent, hashed, with one reference; NULL without memory. */
struct dentry *d_alloc(struct dentry *parent, const struct qstr *name);
/* A root (its own parent), unhashed; for s_root and anonymous files. */
struct dentry *d_make_root(struct super_block *sb, struct inode *inode);
/* The child of parent named name from the cache, referenced, or NULL. */
struct dentry *d_lookup(struct dentry *parent, const struct qstr *name);
/* Binds a negative dentry to inode (whose reference it takes). */
void d_instantiate(struct dentry *d, struct inode *inode);
/* Pins d for a dcache-backed fs (one d_count kept until d_unpin). */
void d_pin(struct dentry *d);
void d_unpin(struct dentry *d);
/* After unlink/rmdir: d leaves the tree (the last dput frees it). */
void d_delete(struct dentry *d);
/* Moves d to new_parent under new_name (rename); new_name is copied. */
int d_move(struct dentry *d, struct dentry *new_parent, const struct qstr *new_name);
/* Positive children of a directory dentry. */
bool d_has_children(struct dentry *dir);
u32 full_name_hash(const struct dentry *parent, const char *name, u32 len);
/* Drops the negative children nobody holds (rmdir, umount). */
void d_prune_negative(struct dentry *dir);
/* Dentries alive (for tests); negative ones among them. */
void dcache_counts(unsigned long *total, unsigned long *negative);
/* The path of (mnt, d) relative to root, into buf (from its end): its start or ERR_PTR. */
char *d_path(const struct path *path, const struct path *root, char *buf, size_t len);

/* ---- inode.c ---- */

/* A new inode of sb, i_count 1, i_nlink 1, times now; NULL without memory. */
struct inode *new_inode(struct super_block *sb, umode_t mode);
struct inode *igrab(struct inode *inode);	/* vfs_lock held */
void iput(struct inode *inode);			/* vfs_lock held */
struct timespec64 current_time(void);
/* The changes setattr asks for, applied to the inode (no ATTR_SIZE). */
void setattr_copy(struct inode *inode, const struct iattr *attr);
void inode_touch(struct inode *inode, bool atime, bool mtime, bool ctime);
static inline unsigned int inode_dt_type(const struct inode *inode)
{
	return (inode->i_mode & S_IFMT) >> 12;
}

/* ---- file.c: open files ---- */

/* A file of path (referenced by the file), f_count 1; ERR_PTR(-ENOMEM). */
struct file *alloc_file(const struct path *path, unsigned int flags,
			const struct file_operations *fops);
struct file *get_file(struct file *f);
/* Drops a reference; the last one calls release and drops the path. */
void fput(struct file *f);

/* Calls fn with each registered filesystem's name (/proc/filesystems), vfs_lock held. */
void filesystems_for_each(void (*fn)(const char *name, void *arg), void *arg);

/* Pages every ramfs instance holds (data and index): /proc/meminfo's Cached. */
unsigned long ramfs_pages_in_use(void);

/* ---- libfs.c: a directory kept only in the dcache (ramfs, devfs) ---- */

int simple_lookup(struct inode *dir, struct dentry *dentry);
int dcache_readdir(struct file *file, struct dir_context *ctx);
extern const struct file_operations simple_dir_operations;
/* fsync of a file whose data lives in memory only: nothing to do, 0. */
int noop_fsync(struct file *file);
loff_t generic_file_llseek(struct file *file, loff_t offset, int whence);
/* Creates name (a kernel string) under dir of a dcache-backed fs; vfs_lock held. */
struct dentry *simple_create_child(struct dentry *dir, const char *name, struct inode *inode);

#endif
