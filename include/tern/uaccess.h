/* SPDX-License-Identifier: MIT */
/*
 * Access to user memory: the only way the kernel reads or writes through
 * a __user pointer.  A bad pointer makes the helper fail, never the
 * kernel: one outside the user half [0, TASK_SIZE), or a range that wraps
 * or crosses into the kernel half, is refused before any access
 * (access_ok); an access the address space does not allow (nothing
 * mapped, a read-only page, a guard page) faults, and the exception
 * table (asm/extable.h) turns the fault into the error.
 *
 *	copy_from_user, copy_to_user, clear_user
 *		the number of bytes NOT copied (or zeroed): 0 on success;
 *		copy_from_user zero-fills what it could not copy
 *	copy_from_user_nozero
 *		copy_from_user leaving what it could not copy as it was:
 *		for copies into live data (a file's page), where zeroing
 *		the tail would destroy bytes the caller does not write
 *	strncpy_from_user
 *		the string's length without its NUL, count if it has none
 *		in count bytes (dst then unterminated), or -EFAULT
 *	get_user(x, ptr), put_user(x, ptr)
 *		one scalar of *ptr's size: 0 or -EFAULT (get_user then
 *		stores 0 in x)
 *
 * Who may call: a task, with interrupts on, not holding its mm's lock.
 * A page fault inside a helper is a demand for the page: the fault
 * handler runs handle_mm_fault on current->mm (which may sleep), then the
 * access is retried; only if that fails does the helper fail.  With
 * interrupts off, or in a task without an address space, the fault is
 * not handled and the helper fails.  The architecture sets sstatus.SUM
 * (S-mode access to user pages) inside the helpers only.
 *
 * Without an MMU (PAGING_NONE) there is one address space: access_ok
 * accepts a range only when it lies whole inside one of the current
 * process's regions (mm/nommu.c); NULL, kernel memory, the gaps between
 * regions and wrapping ranges fail.  A task with no regions (a kernel
 * thread) may pass any range that does not wrap, and an access that
 * faults (no memory there) fails.
 */
#ifndef TERN_UACCESS_H
#define TERN_UACCESS_H

#include <asm/page.h>
#include <asm/uaccess.h>
#include <tern/compiler.h>
#include <tern/string.h>
#include <tern/types.h>

#ifndef CONFIG_MMU
bool nommu_access_ok(unsigned long addr, unsigned long size);
unsigned long nommu_access_room(unsigned long addr);
#endif

/* May the kernel try [addr, addr + size)?  (It may still fault.) */
static inline bool access_ok(const void __user *addr, unsigned long size)
{
	uintptr_t a = (uintptr_t)addr;

#ifdef CONFIG_MMU
	return a <= TASK_SIZE && size <= TASK_SIZE - a;
#else
	return nommu_access_ok(a, size);
#endif
}

static inline unsigned long copy_from_user(void *to, const void __user *from, unsigned long n)
{
	unsigned long left = n;

	if (likely(access_ok(from, n)))
		left = __asm_copy_user(to, (const void *)from, n);
	if (unlikely(left))
		memset((char *)to + (n - left), 0, left);
	return left;
}

static inline unsigned long copy_from_user_nozero(void *to, const void __user *from,
						  unsigned long n)
{
	if (unlikely(!access_ok(from, n)))
		return n;
	return __asm_copy_user(to, (const void *)from, n);
}

static inline unsigned long copy_to_user(void __user *to, const void *from, unsigned long n)
{
	if (unlikely(!access_ok(to, n)))
		return n;
	return __asm_copy_user((void *)to, from, n);
}

static inline unsigned long clear_user(void __user *to, unsigned long n)
{
	if (unlikely(!access_ok(to, n)))
		return n;
	return __asm_clear_user(to, n);
}

long strncpy_from_user(char *dst, const char __user *src, long count);

#define get_user(x, ptr) ({						\
	const __typeof__(*(ptr)) __user *__gp = (ptr);			\
	int __ge = 0;							\
	if (likely(access_ok(__gp, sizeof(*__gp)))) {			\
		__get_user_nocheck(x, __gp, __ge);			\
	} else {							\
		(x) = 0;						\
		__ge = -EFAULT;						\
	}								\
	__ge;								\
})

#define put_user(x, ptr) ({						\
	__typeof__(*(ptr)) __user *__pp = (ptr);			\
	int __pe = -EFAULT;						\
	if (likely(access_ok(__pp, sizeof(*__pp)))) {			\
		__pe = 0;						\
		__put_user_nocheck(x, __pp, __pe);			\
	}								\
	__pe;								\
})

#endif
