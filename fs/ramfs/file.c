// SPDX-License-Identifier: MIT
/*
 * ramfs file data: an index block (from the page allocator, grown by
 * doubling) of pointers to data pages.  Every page is counted against
 * the super block's limit and given back on truncate and eviction.
 */
#include <tern/errno.h>
#include <tern/fs.h>
#include <tern/kernel.h>
#include <tern/pgalloc.h>
#include <tern/string.h>
#include "ramfs.h"

static unsigned long ramfs_total_pages;	/* atomic: every instance's used_pages */

unsigned long ramfs_pages_in_use(void)
{
	return __atomic_load_n(&ramfs_total_pages, __ATOMIC_RELAXED);
}

static bool charge(struct super_block *sb, unsigned long n)
{
	struct ramfs_sb *s = sb->s_fs_info;
	bool ok;

	spin_lock(&s->lock);
	ok = !s->max_pages || s->used_pages + n <= s->max_pages;
	if (ok)
		s->used_pages += n;
	spin_unlock(&s->lock);
	if (ok)
		__atomic_add_fetch(&ramfs_total_pages, n, __ATOMIC_RELAXED);
	return ok;
}

static void uncharge(struct super_block *sb, unsigned long n)
{
	struct ramfs_sb *s = sb->s_fs_info;

	spin_lock(&s->lock);
	s->used_pages -= n;
	spin_unlock(&s->lock);
	__atomic_sub_fetch(&ramfs_total_pages, n, __ATOMIC_RELAXED);
}

static int grow_index(struct inode *inode, unsigned long idx)
{
	struct ramfs_inode *ri = inode->i_private;
	unsigned int order = ri->pages ? ri->index_order + 1 : 0;
	void **pages;

	while ((PAGE_SIZE << order) / sizeof(void *) <= idx)
		order++;
	if (order > PGALLOC_MAX_ORDER)
		return -EFBIG;
	if (!charge(inode->i_sb, 1UL << order))
		return -ENOSPC;
	pages = alloc_pages(__GFP_ZERO, order);
	if (!pages) {
		uncharge(inode->i_sb, 1UL << order);
		return -ENOMEM;
	}
	if (ri->pages) {
		memcpy(pages, ri->pages, ri->nr_slots * sizeof(void *));
		free_pages(ri->pages, ri->index_order);
		uncharge(inode->i_sb, 1UL << ri->index_order);
	}
	ri->pages = pages;
	ri->index_order = order;
	ri->nr_slots = (PAGE_SIZE << order) / sizeof(void *);
	return 0;
}

/* Data page idx, allocated if absent: the page or NULL with *err set. */
static char *get_page(struct inode *inode, unsigned long idx, int *err)
{
	struct ramfs_inode *ri = inode->i_private;

	if (idx >= ri->nr_slots && (*err = grow_index(inode, idx)))
		return NULL;
	if (!ri->pages[idx]) {
		if (!charge(inode->i_sb, 1)) {
			*err = -ENOSPC;
			return NULL;
		}
		ri->pages[idx] = alloc_page(__GFP_ZERO);
		if (!ri->pages[idx]) {
			uncharge(inode->i_sb, 1);
			*err = -ENOMEM;
			return NULL;
		}
		vfs_lock();
		inode->i_blocks += PAGE_SIZE / 512;
		vfs_unlock();
	}
	return ri->pages[idx];
}

void ramfs_truncate_pages(struct inode *inode, loff_t size)
{
	struct ramfs_inode *ri = inode->i_private;
	unsigned long first = (unsigned long)((size + PAGE_SIZE - 1) >> PAGE_SHIFT), i;

	for (i = first; i < ri->nr_slots; i++) {
		if (ri->pages[i]) {
			free_page(ri->pages[i]);
			ri->pages[i] = NULL;
			uncharge(inode->i_sb, 1);
			inode->i_blocks -= PAGE_SIZE / 512;
		}
	}
	if (size % PAGE_SIZE && first && first - 1 < ri->nr_slots && ri->pages[first - 1])
		memset((char *)ri->pages[first - 1] + size % PAGE_SIZE, 0,
		       PAGE_SIZE - size % PAGE_SIZE);
	if (!size && ri->pages) {
		free_pages(ri->pages, ri->index_order);
		uncharge(inode->i_sb, 1UL << ri->index_order);
		ri->pages = NULL;
		ri->nr_slots = 0;
	}
}

static ssize_t ramfs_read(struct file *f, struct iov_iter *to, loff_t *pos)
{
	static const char zeros[256];
	struct inode *inode = f->f_inode;
	struct ramfs_inode *ri = inode->i_private;
	size_t done = 0;
	loff_t p = *pos;

	mutex_lock(&inode->i_mutex);
	while (to->count && p < inode->i_size) {
		unsigned long idx = (unsigned long)(p >> PAGE_SHIFT);
		size_t off = (size_t)(p % PAGE_SIZE), n, got;
		const char *src;

		n = MIN(MIN(PAGE_SIZE - off, to->count), (size_t)(inode->i_size - p));
		src = idx < ri->nr_slots && ri->pages[idx] ? (char *)ri->pages[idx] + off : NULL;
		if (!src)
			n = MIN(n, sizeof(zeros));
		got = copy_to_iter(src ? src : zeros, n, to);
		done += got;
		p += (loff_t)got;
		if (got < n)
			break;
	}
	*pos = p;
	mutex_unlock(&inode->i_mutex);
	return done || !to->count || p >= inode->i_size ? (ssize_t)done : -EFAULT;
}

static ssize_t ramfs_write(struct file *f, struct iov_iter *from, loff_t *pos)
{
	struct inode *inode = f->f_inode;
	size_t done = 0;
	int err = 0;
	loff_t p;

	mutex_lock(&inode->i_mutex);
	p = (f->f_flags & O_APPEND) ? inode->i_size : *pos;
	while (from->count) {
		size_t off = (size_t)(p % PAGE_SIZE), n = MIN(PAGE_SIZE - off, from->count), got;
		char *page = get_page(inode, (unsigned long)(p >> PAGE_SHIFT), &err);

		if (!page)
			break;
		got = copy_from_iter(page + off, n, from);
		done += got;
		p += (loff_t)got;
		if (got < n) {
			err = -EFAULT;
			break;
		}
	}
	vfs_lock();
	if (p > inode->i_size)
		inode->i_size = p;
	if (done)
		inode_touch(inode, false, true, true);
	vfs_unlock();
	*pos = p;
	mutex_unlock(&inode->i_mutex);
	return done ? (ssize_t)done : err;
}

const struct file_operations ramfs_file_operations = {
	.read = ramfs_read,
	.write = ramfs_write,
	.llseek = generic_file_llseek,
	.fsync = noop_fsync,
};
