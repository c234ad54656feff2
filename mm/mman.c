// SPDX-License-Identifier: MIT
/*
 * The memory system calls: brk, mmap, munmap, mprotect, madvise, over
 * the address-space code of mm/mmap.c, or without an MMU the region
 * lists of mm/nommu.c (include/tern/mm.h).
 *
 * mmap maps anonymous memory only: an fd-backed mapping answers -ENODEV
 * until the VFS merge adds file mappings.  On rv32, Linux's number 222
 * is mmap2, whose offset counts 4096-byte units: for anonymous mappings
 * the offset is ignored either way.
 */
#include <tern/errno.h>
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

SYSCALL_DEFINE6(mmap, unsigned long, addr, unsigned long, len, unsigned long, prot,
		unsigned long, flags, int, fd, unsigned long, off)
{
	unsigned long result;
	int err;

	if (!(flags & MAP_ANONYMOUS))
		return -ENODEV;		/* file mappings: after the VFS merge */
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
