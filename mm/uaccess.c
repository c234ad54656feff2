// SPDX-License-Identifier: MIT
/* The uaccess helpers that are not inline (<tern/uaccess.h>). */
#include <tern/sched.h>
#include <tern/uaccess.h>

long strncpy_from_user(char *dst, const char __user *src, long count)
{
	uintptr_t s = (uintptr_t)src;
	unsigned long room;		/* bytes of user space from src on; 0: all of it */
	long n;

	if (count <= 0)
		return 0;
#ifdef CONFIG_MMU
	if (s >= TASK_SIZE)
		return -EFAULT;
	room = TASK_SIZE - s;
#else
	room = nommu_access_room(s);	/* 0 from a process: no region holds s */
	if (!room && current->mm)
		return -EFAULT;
#endif
	if (!room || (unsigned long)count <= room)
		return __asm_strncpy_from_user(dst, src, count);
	/* The string must end before the user half does. */
	n = __asm_strncpy_from_user(dst, src, (long)room);
	return n == (long)room ? -EFAULT : n;
}
