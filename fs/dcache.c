// SPDX-License-Identifier: MIT
/*
 * The dentry cache: every name the VFS knows, in a tree (d_parent,
 * d_subdirs) and in a hash by (parent, name).  All of it under vfs_lock.
 *
 * Lifetime: d_count counts references (the path walk's, open files',
 * children's, a mount's, and the pin of a dcache-backed fs).  A dentry
 * whose count drops to 0 stays cached while it is hashed (positive, or
 * negative up to NEG_DENTRY_MAX of them); otherwise it is freed, dropping
 * its inode and its parent.
 */
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/fs.h>
#include <tern/kernel.h>
#include <tern/slab.h>
#include <tern/string.h>

#define D_HASH_BITS	8
#define NEG_DENTRY_MAX	256

static struct list_head d_hash_table[1 << D_HASH_BITS];
static unsigned long nr_dentries, nr_negative;

u32 full_name_hash(const struct dentry *parent, const char *name, u32 len)
{
	u32 h = (u32)((uintptr_t)parent >> 4) * 0x9e3779b1u;
	u32 i;

	for (i = 0; i < len; i++)
		h = (h ^ (u8)name[i]) * 0x01000193u;	/* FNV-1a */
	return h;
}

static struct list_head *d_bucket(u32 hash)
{
	struct list_head *b = &d_hash_table[hash >> (32 - D_HASH_BITS)];

	if (!b->next)
		INIT_LIST_HEAD(b);
	return b;
}

static bool d_unhashed(const struct dentry *d)
{
	return list_empty(&d->d_hash);
}

static int d_set_name(struct dentry *d, const char *name, u32 len)
{
	char *buf = d->d_iname;

	if (len >= DNAME_INLINE_LEN) {
		buf = kmalloc(len + 1, GFP_KERNEL);
		if (!buf)
			return -ENOMEM;
	}
	memcpy(buf, name, len);
	buf[len] = '\0';
	if (d->d_name.name && d->d_name.name != d->d_iname)
		kfree(d->d_name.name);
	d->d_name.name = buf;
	d->d_name.len = len;
	return 0;
}

static struct dentry *__d_alloc(struct super_block *sb, const struct qstr *name)
{
	struct dentry *d = kzalloc(sizeof(*d), GFP_KERNEL);

	if (!d)
		return NULL;
	if (d_set_name(d, name->name, name->len)) {
		kfree(d);
		return NULL;
	}
	d->d_sb = sb;
	d->d_count = 1;
	d->d_parent = d;
	d->d_next_index = 2;		/* 0 and 1 are "." and ".." */
	INIT_LIST_HEAD(&d->d_hash);
	INIT_LIST_HEAD(&d->d_child);
	INIT_LIST_HEAD(&d->d_subdirs);
	nr_dentries++;
	nr_negative++;
	return d;
}

struct dentry *d_alloc(struct dentry *parent, const struct qstr *name)
{
	struct dentry *d = __d_alloc(parent->d_sb, name);

	if (!d)
		return NULL;
	d->d_parent = dget(parent);
	d->d_index = parent->d_next_index++;
	d->d_name.hash = full_name_hash(parent, d->d_name.name, d->d_name.len);
	list_add_tail(&d->d_child, &parent->d_subdirs);
	list_add(&d->d_hash, d_bucket(d->d_name.hash));
	return d;
}

struct dentry *d_make_root(struct super_block *sb, struct inode *inode)
{
	static const struct qstr slash = { "/", 1, 0 };
	struct dentry *d = __d_alloc(sb, &slash);

	if (d && inode)
		d_instantiate(d, inode);
	return d;
}

struct dentry *dget(struct dentry *d)
{
	d->d_count++;
	return d;
}

struct dentry *d_lookup(struct dentry *parent, const struct qstr *name)
{
	u32 hash = full_name_hash(parent, name->name, name->len);
	struct dentry *d;

	list_for_each_entry(d, d_bucket(hash), d_hash) {
		if (d->d_parent == parent && d->d_name.hash == hash &&
		    d->d_name.len == name->len && !memcmp(d->d_name.name, name->name, name->len))
			return dget(d);
	}
	return NULL;
}

void d_instantiate(struct dentry *d, struct inode *inode)
{
	BUG_ON(d->d_inode);
	d->d_inode = inode;
	nr_negative--;
}

void d_pin(struct dentry *d)
{
	if (!(d->d_flags & DCACHE_PINNED)) {
		d->d_flags |= DCACHE_PINNED;
		dget(d);
	}
}

void d_unpin(struct dentry *d)
{
	if (d->d_flags & DCACHE_PINNED) {
		d->d_flags &= ~DCACHE_PINNED;
		dput_locked(d);
	}
}

static void d_free(struct dentry *d)
{
	struct dentry *parent = d->d_parent;

	list_del_init(&d->d_hash);
	list_del_init(&d->d_child);
	if (d->d_inode)
		iput(d->d_inode);
	else
		nr_negative--;
	if (d->d_name.name != d->d_iname)
		kfree(d->d_name.name);
	nr_dentries--;
	kfree(d);
	if (parent != d)
		dput_locked(parent);
}

void dput_locked(struct dentry *d)
{
	BUG_ON(d->d_count <= 0);
	if (--d->d_count)
		return;
	if (!d_unhashed(d) && (d->d_inode || nr_negative <= NEG_DENTRY_MAX))
		return;		/* stays cached */
	d_free(d);
}

void dput(struct dentry *d)
{
	vfs_lock();
	dput_locked(d);
	vfs_unlock();
}

/*
 * Out of the hash and off its parent's list at once, so that lookups,
 * readdir and rmdir's emptiness check no longer see the name, even while
 * an open file keeps the dentry alive (it keeps its d_parent reference
 * until d_free).
 */
void d_delete(struct dentry *d)
{
	d->d_flags |= DCACHE_DEAD;
	list_del_init(&d->d_hash);
	list_del_init(&d->d_child);
	d_unpin(d);
}

int d_move(struct dentry *d, struct dentry *new_parent, const struct qstr *new_name)
{
	struct dentry *old_parent = d->d_parent;
	int err = d_set_name(d, new_name->name, new_name->len);

	if (err)
		return err;
	list_del(&d->d_hash);
	list_del(&d->d_child);
	d->d_parent = dget(new_parent);
	d->d_index = new_parent->d_next_index++;
	d->d_name.hash = full_name_hash(new_parent, d->d_name.name, d->d_name.len);
	list_add_tail(&d->d_child, &new_parent->d_subdirs);
	list_add(&d->d_hash, d_bucket(d->d_name.hash));
	dput_locked(old_parent);
	return 0;
}

bool d_has_children(struct dentry *dir)
{
	struct dentry *c;

	list_for_each_entry(c, &dir->d_subdirs, d_child)
		if (c->d_inode)
			return true;
	return false;
}

void d_prune_negative(struct dentry *dir)
{
	struct dentry *c, *n;

	list_for_each_entry_safe(c, n, &dir->d_subdirs, d_child) {
		if (!c->d_inode && !c->d_count) {
			dget(c);
			list_del_init(&c->d_hash);
			dput_locked(c);
		}
	}
}

void dcache_counts(unsigned long *total, unsigned long *negative)
{
	vfs_lock();
	*total = nr_dentries;
	*negative = nr_negative;
	vfs_unlock();
}

/* Prepends "/name" to the string ending at *end (start at buf): 0 or -ENAMETOOLONG. */
static int prepend(char **end, char *buf, const char *name, size_t len)
{
	if ((size_t)(*end - buf) < len + 1)
		return -ENAMETOOLONG;
	*end -= len;
	memcpy(*end, name, len);
	*--*end = '/';
	return 0;
}

char *d_path(const struct path *path, const struct path *root, char *buf, size_t len)
{
	struct dentry *d = path->dentry;
	struct vfsmount *mnt = path->mnt;
	char *end = buf + len;

	if (len < 2)
		return ERR_PTR(-ENAMETOOLONG);
	*--end = '\0';
	while (!(d == root->dentry && mnt == root->mnt)) {
		if (d == mnt->mnt_root) {
			if (mnt->mnt_parent == mnt)
				break;		/* outside root: from the global root */
			d = mnt->mnt_mountpoint;
			mnt = mnt->mnt_parent;
			continue;
		}
		if (prepend(&end, buf, d->d_name.name, d->d_name.len))
			return ERR_PTR(-ENAMETOOLONG);
		d = d->d_parent;
	}
	if (!*end)
		*--end = '/';
	return end;
}
