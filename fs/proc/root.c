// SPDX-License-Identifier: MIT
/*
 * procfs: the filesystem type, its one super block, the directories
 * (the top and /proc/<pid>) and the open files (fs/proc/internal.h).
 */
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/init.h>
#include <tern/kernel.h>
#include <tern/proc_fs.h>
#include <tern/slab.h>
#include <tern/string.h>
#include <uapi/linux/dirent.h>
#include "../internal.h"
#include "internal.h"

/* Readdir positions at the top: 0 ".", 1 "..", 2.. the entries, PID_POS + pid a pid. */
#define PID_POS		0x10000
/* The largest file procfs generates (the whole mount table, a long cmdline). */
#define PROC_BUF_MAX	(1UL << 20)

static struct super_block *proc_sb;	/* vfs_lock; made at the first mount, kept */

static const struct inode_operations proc_dir_iops;
static const struct inode_operations proc_link_iops;
static const struct file_operations proc_dir_fops;
static const struct file_operations proc_file_fops;

struct task *proc_task(struct inode *inode)
{
	struct proc_inode *pi = inode->i_private;

	return pi && pi->pid ? find_get_task(pi->pid) : NULL;
}

/* An inode for ent (NULL: pid's directory); vfs_lock held.  NULL without memory. */
static struct inode *proc_make_inode(const struct proc_entry *ent, unsigned int pid)
{
	umode_t mode = ent ? ent->mode : S_IFDIR | 0555;
	struct inode *inode = new_inode(proc_sb, mode);
	struct proc_inode *pi = kmalloc(sizeof(*pi), GFP_KERNEL);

	if (!inode || !pi) {
		kfree(pi);
		if (inode)
			iput(inode);
		return NULL;
	}
	pi->ent = ent;
	pi->pid = pid;
	inode->i_private = pi;
	if (S_ISDIR(mode)) {
		inode->i_op = &proc_dir_iops;
		inode->i_fop = &proc_dir_fops;
		inode->i_nlink = 2;
	} else if (S_ISLNK(mode)) {
		inode->i_op = &proc_link_iops;
	} else {
		inode->i_fop = &proc_file_fops;
	}
	return inode;
}

/* The entries of a directory inode: the top's, a pid's, or a subdirectory's. */
static const struct proc_entry *dir_entries(struct inode *dir)
{
	struct proc_inode *pi = dir->i_private;

	if (!pi)
		return proc_root_entries;
	return pi->ent ? pi->ent->entries : proc_pid_entries;
}

/* "123" as a pid, or 0. */
static unsigned int name_to_pid(const char *name, u32 len)
{
	unsigned long v = 0;
	u32 i;

	if (!len || len > 9 || name[0] == '0')
		return 0;
	for (i = 0; i < len; i++) {
		if (name[i] < '0' || name[i] > '9')
			return 0;
		v = v * 10 + (unsigned long)(name[i] - '0');
	}
	return (unsigned int)v;
}

static int proc_lookup(struct inode *dir, struct dentry *dentry)
{
	const struct proc_entry *e = dir_entries(dir);
	struct proc_inode *pi = dir->i_private;
	unsigned int pid = pi ? pi->pid : 0;
	struct inode *inode = NULL;
	struct task *t;

	dentry->d_flags |= DCACHE_DONTCACHE;
	for (; e->name; e++) {
		if (strlen(e->name) == dentry->d_name.len &&
		    !memcmp(e->name, dentry->d_name.name, dentry->d_name.len)) {
			inode = proc_make_inode(e, pid);
			if (!inode)
				return -ENOMEM;
			d_instantiate(dentry, inode);
			return 0;
		}
	}
	if (pi)
		return 0;		/* no such name */
	pid = name_to_pid(dentry->d_name.name, dentry->d_name.len);
	t = pid ? find_get_task(pid) : NULL;
	if (!t)
		return 0;
	if (task_tgid(t) != pid) {
		put_task(t);
		return 0;		/* a thread: not listed at the top */
	}
	put_task(t);
	inode = proc_make_inode(NULL, pid);
	if (!inode)
		return -ENOMEM;
	d_instantiate(dentry, inode);
	return 0;
}

static int proc_readdir(struct file *file, struct dir_context *ctx)
{
	struct dentry *dir = file->f_path.dentry;
	struct inode *inode = dir->d_inode;
	const struct proc_entry *e = dir_entries(inode);
	unsigned int i, pid;
	char name[12];

	if (ctx->pos == 0) {
		if (!ctx->actor(ctx, ".", 1, 1, inode->i_ino, DT_DIR))
			return 0;
		ctx->pos = 1;
	}
	if (ctx->pos == 1) {
		if (!ctx->actor(ctx, "..", 2, 2, dir->d_parent->d_inode->i_ino, DT_DIR))
			return 0;
		ctx->pos = 2;
	}
	for (i = 0; e[i].name; i++) {
		if ((loff_t)i + 2 < ctx->pos)
			continue;
		/* No inode is made for a listing: the number is the position's. */
		if (!ctx->actor(ctx, e[i].name, (int)strlen(e[i].name), i + 3, i + 3,
				(e[i].mode & S_IFMT) >> 12))
			return 0;
		ctx->pos = i + 3;
	}
	if (inode->i_private)
		return 0;		/* pids only at the top */
	if (ctx->pos < PID_POS)
		ctx->pos = PID_POS;
	/* PID_POS + p: the listing goes on at the first pid >= p. */
	while ((pid = next_tgid(ctx->pos > PID_POS ? (unsigned int)(ctx->pos - PID_POS) - 1
						   : 0)) != 0) {
		int len = snprintf(name, sizeof(name), "%u", pid);

		if (!ctx->actor(ctx, name, len, PID_POS + pid + 1, PID_POS + pid, DT_DIR))
			return 0;
		ctx->pos = PID_POS + pid + 1;
	}
	return 0;
}

static const char *proc_get_link(struct inode *inode)
{
	/* Called with vfs_lock held; the walk uses the target before dropping it. */
	static char target[32];
	struct proc_inode *pi = inode->i_private;

	pi->ent->link(target, sizeof(target));
	return target;
}

static const struct inode_operations proc_dir_iops = {
	.lookup = proc_lookup,
};

static const struct inode_operations proc_link_iops = {
	.get_link = proc_get_link,
};

static const struct file_operations proc_dir_fops = {
	.iterate = proc_readdir,
	.llseek = generic_file_llseek,
};

/* ---- files ---- */

void pb_write(struct proc_buf *b, const void *data, size_t n)
{
	if (b->len < b->size)
		memcpy(b->buf + b->len, data, MIN(n, b->size - b->len));
	b->len += n;
}

void pb_printf(struct proc_buf *b, const char *fmt, ...)
{
	size_t room = b->len < b->size ? b->size - b->len : 0;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(room ? b->buf + b->len : NULL, room, fmt, ap);
	va_end(ap);
	/* vsnprintf wrote a NUL in the last byte on overflow: len > size says "again". */
	b->len += (size_t)n + (room && (size_t)n >= room);
}

/* Runs show into a buffer that grows until the text fits: 0 or -errno. */
static int proc_generate(const struct proc_entry *ent, struct task *t, struct proc_buf *b)
{
	size_t size = PAGE_SIZE;
	int err;

	for (;;) {
		b->buf = kmalloc(size, GFP_KERNEL);
		if (!b->buf)
			return -ENOMEM;
		b->size = size;
		b->len = 0;
		err = ent->show(b, t);
		if (err || b->len <= b->size)
			break;
		kfree(b->buf);
		b->buf = NULL;
		if (size >= PROC_BUF_MAX)
			return -EFBIG;
		size *= 2;
	}
	if (err) {
		kfree(b->buf);
		b->buf = NULL;
	}
	return err;
}

static int proc_file_open(struct inode *inode, struct file *file)
{
	struct proc_inode *pi = inode->i_private;
	struct proc_buf *b;
	struct task *t = NULL;
	int err;

	if (file->f_mode & FMODE_WRITE)
		return -EACCES;
	if (pi->pid) {
		t = proc_task(inode);
		if (!t)
			return -ESRCH;
	}
	b = kzalloc(sizeof(*b), GFP_KERNEL);
	err = b ? proc_generate(pi->ent, t, b) : -ENOMEM;
	if (t)
		put_task(t);
	if (err) {
		kfree(b);
		return err;
	}
	file->private_data = b;
	return 0;
}

static int proc_file_release(struct inode *inode, struct file *file)
{
	struct proc_buf *b = file->private_data;

	if (b) {
		kfree(b->buf);
		kfree(b);
	}
	return 0;
}

static ssize_t proc_file_read(struct file *file, struct iov_iter *to, loff_t *pos)
{
	struct proc_buf *b = file->private_data;
	size_t n, done;

	if (*pos < 0)
		return -EINVAL;
	if ((u64)*pos >= b->len)
		return 0;
	n = MIN(to->count, b->len - (size_t)*pos);
	done = copy_to_iter(b->buf + *pos, n, to);
	if (!done && n)
		return -EFAULT;
	*pos += (loff_t)done;
	return (ssize_t)done;
}

static const struct file_operations proc_file_fops = {
	.open = proc_file_open,
	.release = proc_file_release,
	.read = proc_file_read,
	.llseek = generic_file_llseek,
};

/* ---- the filesystem ---- */

static void proc_evict_inode(struct inode *inode)
{
	kfree(inode->i_private);
}

static const struct super_operations proc_sops = {
	.evict_inode = proc_evict_inode,
};

static struct super_block *proc_mount(struct file_system_type *type, const char *data)
{
	struct super_block *sb;
	struct inode *root;

	if (proc_sb)
		return proc_sb;
	sb = sget_anon(type, &proc_sops);
	root = sb ? new_inode(sb, S_IFDIR | 0555) : NULL;
	if (!root) {
		if (sb)
			free_anon_sb(sb);
		return ERR_PTR(-ENOMEM);
	}
	root->i_op = &proc_dir_iops;
	root->i_fop = &proc_dir_fops;
	root->i_nlink = 2;
	sb->s_root = d_make_root(sb, root);
	if (!sb->s_root) {
		iput(root);
		free_anon_sb(sb);
		return ERR_PTR(-ENOMEM);
	}
	proc_sb = sb;
	return sb;
}

static void proc_kill_sb(struct super_block *sb)
{
	/* Kept for the next mount: there is one procfs, as in Linux's one pid namespace. */
}

static struct file_system_type proc_fs_type = {
	.name = "proc",
	.mount = proc_mount,
	.kill_sb = proc_kill_sb,
};

void proc_flush_pid(unsigned int pid)
{
	char name[12];
	struct qstr q = { name, 0, 0 };
	struct dentry *d;

	q.len = (u32)snprintf(name, sizeof(name), "%u", pid);
	vfs_lock();
	d = proc_sb ? d_lookup(proc_sb->s_root, &q) : NULL;
	if (d) {
		d_delete(d);
		dput_locked(d);
	}
	vfs_unlock();
}

static int proc_fs_init(void)
{
	return register_filesystem(&proc_fs_type);
}
core_initcall(proc_fs_init);
