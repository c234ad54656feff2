// SPDX-License-Identifier: MIT
/*
 * The memory system calls: brk, mmap, munmap, mprotect, madvise, over
 * the address-space code of mm/mmap.c, or without an MMU the region
 * lists of mm/nommu.c (include/tern/mm.h).
 *
 * mmap maps anonymous memory and private file mappings (of regular
 * files with a read method: others answer -ENODEV, as do shared file
 * mappings, which need a page cache).  On rv32, Linux's number 222 is
 * mmap2, whose offset counts 4096-byte units; on rv64 it is in bytes
 * and must be page-aligned.  For anonymous mappings the offset is
 * ignored either way.
 */
#include <tern/errno.h>
#include <tern/fdtable.h>
#include <tern/fs.h>
#include <tern/mm.h>
#include <tern/mman.h>
#include <tern/sched.h>
#include <tern/syscalls.h>

#define MADV_NORMAL	0
#define MADV_RANDOM	1
#define MADV_SEQUENTIAL	2
#define MADV_WILLNEED	3
#define MADV_DONTNEED	4
#define MADV_FREE	8

SYSCALL_DEFINE1(brk, unsigned long, brk)
{
	return do_brk(current->mm, brk);
}

/*
 * The file side of mmap, in Linux's order: the fd (-EBADF, O_PATH
 * too), then what it is (-ENODEV: not a regular file, or no read
 * method), then its access mode (-EACCES: every mapping reads the file,
 * a shared writable one would write it).
 */
static long mmap_file(unsigned long addr, unsigned long len, unsigned long prot,
		      unsigned long flags, int fd, unsigned long pgoff)
{
	struct file *f = fd >= 0 ? fget((unsigned int)fd) : NULL;
	unsigned long result;
	long err = 0;

	if (!f || (f->f_mode & FMODE_PATH))
		err = -EBADF;
	else if (!S_ISREG(f->f_inode->i_mode) || !f->f_op || !f->f_op->read)
		err = -ENODEV;
	else if (!(f->f_mode & FMODE_READ) ||
		 ((flags & MAP_TYPE) == MAP_SHARED && (prot & PROT_WRITE) &&
		  !(f->f_mode & FMODE_WRITE)))
		err = -EACCES;
	if (!err)
		err = do_mmap_file(current->mm, addr, len, prot, flags, f, pgoff, &result);
	if (f)
		fput(f);
	return err ? err : (long)result;
}

SYSCALL_DEFINE6(mmap, unsigned long, addr, unsigned long, len, unsigned long, prot,
		unsigned long, flags, int, fd, unsigned long, off)
{
	unsigned long result, pgoff = off;
	int err;

	if (IS_ENABLED(CONFIG_64BIT)) {		/* rv32's mmap2 counts pages already */
		if (off & ~PAGE_MASK)
			return -EINVAL;
		pgoff = off >> PAGE_SHIFT;
	}
	if (!(flags & MAP_ANONYMOUS))
		return mmap_file(addr, len, prot, flags, fd, pgoff);
	err = do_mmap(current->mm, addr, len, prot, flags, &result);
	return err ? err : (long)result;
}

SYSCALL_DEFINE2(munmap, unsigned long, addr, size_t, len)
{
	return do_munmap(current->mm, addr, len);
}

SYSCALL_DEFINE3(mprotect, unsigned long, start, size_t, len, unsigned long, prot)
{
	return do_mprotect(current->mm, start, len, prot);
}

/*
 * The hints that need nothing done are accepted; MADV_DONTNEED and
 * MADV_FREE drop the pages (private memory only), so the next touch
 * sees zeros, as Linux's DONTNEED does (FREE may keep them in Linux:
 * dropping them at once is one of its allowed outcomes).  Others:
 * -EINVAL.
 */
SYSCALL_DEFINE3(madvise, unsigned long, start, size_t, len, int, advice)
{
	if (start & ~PAGE_MASK)
		return -EINVAL;
	switch (advice) {
	case MADV_NORMAL:
	case MADV_RANDOM:
	case MADV_SEQUENTIAL:
	case MADV_WILLNEED:
		return 0;
	case MADV_DONTNEED:
	case MADV_FREE:
		return do_madvise_dontneed(current->mm, start, len);
	default:
		return -EINVAL;
	}
}
