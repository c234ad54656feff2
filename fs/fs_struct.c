// SPDX-License-Identifier: MIT
/* Root, working directory and umask of a process (include/tern/fs_struct.h). */
#include <tern/fs_struct.h>
#include <tern/kernel.h>
#include <tern/namei.h>
#include <tern/sched.h>
#include <tern/slab.h>
#include "internal.h"

#define DEFAULT_UMASK 0022

struct fs_struct *fs_struct_alloc_root(void)
{
	struct fs_struct *fs = kzalloc(sizeof(*fs), GFP_KERNEL);

	if (!fs)
		return NULL;
	fs->count = 1;
	spin_lock_init(&fs->lock);
	fs->umask = DEFAULT_UMASK;
	get_root_path(&fs->root);
	get_root_path(&fs->pwd);
	return fs;
}

struct fs_struct *copy_fs_struct(struct fs_struct *old)
{
	struct fs_struct *fs = kzalloc(sizeof(*fs), GFP_KERNEL);

	if (!fs)
		return NULL;
	fs->count = 1;
	spin_lock_init(&fs->lock);
	vfs_lock();
	spin_lock(&old->lock);
	fs->root = old->root;
	fs->pwd = old->pwd;
	fs->umask = old->umask;
	path_get(&fs->root);
	path_get(&fs->pwd);
	spin_unlock(&old->lock);
	vfs_unlock();
	return fs;
}

void put_fs_struct(struct fs_struct *fs)
{
	if (__atomic_sub_fetch(&fs->count, 1, __ATOMIC_ACQ_REL))
		return;
	vfs_lock();
	path_put_locked(&fs->root);
	path_put_locked(&fs->pwd);
	vfs_unlock();
	kfree(fs);
}

static void get_fs_path(struct path *out, bool root)
{
	struct fs_struct *fs = current->fs;

	if (!fs) {
		get_root_path(out);
		return;
	}
	vfs_lock();
	spin_lock(&fs->lock);
	*out = root ? fs->root : fs->pwd;
	path_get(out);
	spin_unlock(&fs->lock);
	vfs_unlock();
}

void get_fs_root(struct path *out)
{
	get_fs_path(out, true);
}

void get_fs_pwd(struct path *out)
{
	get_fs_path(out, false);
}

void set_fs_pwd(const struct path *path)
{
	struct fs_struct *fs = current->fs;
	struct path old;

	if (!fs) {
		path_put(path);
		return;
	}
	spin_lock(&fs->lock);
	old = fs->pwd;
	fs->pwd = *path;
	spin_unlock(&fs->lock);
	path_put(&old);
}

unsigned int current_umask(void)
{
	return current->fs ? READ_ONCE(current->fs->umask) : DEFAULT_UMASK;
}

umode_t mode_after_umask(umode_t type, umode_t mode)
{
	return (umode_t)(type | (mode & S_IALLUGO & ~current_umask()));
}
