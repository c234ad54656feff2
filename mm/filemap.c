// SPDX-License-Identifier: MIT
/*
 * File pages for private file mappings (mm/internal.h).  There is no
 * page cache yet: each fault reads a private copy of the page through
 * the filesystem's read method, so writes to the mapping never reach
 * the file, and the file's later changes reach a page only if it was
 * not touched yet (POSIX leaves that unspecified for MAP_PRIVATE).
 */
#include <tern/errno.h>
#include <tern/fs.h>
#include <tern/namei.h>
#include <tern/pgalloc.h>
#include <tern/sched.h>
#include <tern/string.h>

#include "internal.h"

int filemap_read_page(struct file *file, loff_t pos, void **pagep)
{
	struct inode *inode = file->f_inode;
	size_t done = 0;
	ssize_t n = 0;
	char *page;

	if (pos >= READ_ONCE(inode->i_size))
		return -EIO;
	if (READ_ONCE(inode->i_mutex.owner) == current)
		return -EDEADLK;
	page = alloc_page(GFP_KERNEL);
	if (!page)
		return -ENOMEM;
	while (done < PAGE_SIZE) {
		loff_t p = pos + (loff_t)done;

		n = kernel_read(file, page + done, PAGE_SIZE - done, &p);
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	if (n < 0 || !done) {
		free_page(page);
		return n < 0 ? (int)n : -EIO;	/* truncated meanwhile: beyond the end now */
	}
	memset(page + done, 0, PAGE_SIZE - done);
	*pagep = page;
	return 0;
}
