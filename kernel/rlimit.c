// SPDX-License-Identifier: MIT
/*
 * Resource limits: prlimit64 and (rv64) getrlimit/setrlimit, with Linux's
 * resource numbers and struct rlimit (<tern/resource.h>).  Each process
 * has its own table, its group leader's task->rlim, shared by its
 * threads, inherited at fork, kept across exec; only the process itself
 * reads or changes it (prlimit64 names no other process).  Two of its
 * threads setting one limit at once race as plain stores do.
 *
 * What is enforced:
 *	NOFILE	the fd table's limit (files->nofile): open, pipe, dup get
 *		EMFILE at it, dup2 EBADF and F_DUPFD EINVAL past it;
 *	NPROC	the process cap fork enforces: one number for the one user
 *		(everyone is uid 0), nproc_limit, which setting the soft
 *		limit changes for everyone;
 *	STACK	reported; how far a stack grows is STACK_LIMIT (without an
 *		MMU a lower value makes exec's fixed stacks smaller,
 *		stack_rlimit).
 * The others are kept and reported for programs that read them.
 */
#include <tern/errno.h>
#include <tern/fdtable.h>
#include <tern/kernel.h>
#include <tern/mm.h>
#include <tern/process.h>
#include <tern/resource.h>
#include <tern/sched.h>
#include <tern/spinlock.h>
#include <tern/string.h>
#include <tern/syscalls.h>
#include <tern/uaccess.h>

/* NOFILE: Linux's defaults; the soft one is the fd table's first limit (fdtable.h). */
#define NOFILE_SOFT	NR_OPEN_MAX
#define NR_OPEN_HARD	4096

static spinlock_t nproc_lock = SPINLOCK_INIT;	/* guards nproc_limit's updates here */

static void rlimits_default(struct rlimit64 *rlim)
{
	unsigned int i;

	for (i = 0; i < RLIM_NLIMITS; i++)
		rlim[i] = (struct rlimit64){ RLIM64_INFINITY, RLIM64_INFINITY };
	rlim[RLIMIT_STACK].rlim_cur = STACK_LIMIT;
	rlim[RLIMIT_CORE].rlim_cur = 0;
	rlim[RLIMIT_NOFILE] = (struct rlimit64){ NOFILE_SOFT, NR_OPEN_HARD };
}

void rlimits_inherit(struct task *child, const struct task *parent)
{
	if (parent->is_process)
		memcpy(child->rlim, parent->rlim, sizeof(child->rlim));
	else
		rlimits_default(child->rlim);
}

/*
 * Reads resource's limit into *old and, if new is set, replaces it.
 * Everyone is root, so a hard limit may be raised (to NR_OPEN_HARD for
 * NOFILE, as Linux's nr_open).  0, -EINVAL, -EPERM.
 */
static int do_prlimit(unsigned int resource, const struct rlimit64 *new, struct rlimit64 *old)
{
	struct rlimit64 *rlim = group_leader_of(current)->rlim;	/* the group's */
	unsigned long flags;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new && new->rlim_cur > new->rlim_max)
		return -EINVAL;
	if (new && resource == RLIMIT_NOFILE && new->rlim_max > NR_OPEN_HARD)
		return -EPERM;
	if (resource == RLIMIT_NPROC) {
		flags = spin_lock_irqsave(&nproc_lock);
		if (!nproc_limit)
			nproc_limit = nproc_default();
		rlim[resource].rlim_cur = rlim[resource].rlim_max = nproc_limit;
		if (new)	/* one number: the soft limit is the cap */
			nproc_limit = new->rlim_cur == RLIM64_INFINITY ? ~0UL :
				      (unsigned long)MIN(new->rlim_cur, (u64)~0UL);
		spin_unlock_irqrestore(&nproc_lock, flags);
	}
	*old = rlim[resource];
	if (!new)
		return 0;
	rlim[resource] = *new;
	if (resource == RLIMIT_NOFILE && current->files) {
		spin_lock(&current->files->lock);
		current->files->nofile = (unsigned int)MIN(new->rlim_cur, (u64)NR_OPEN_HARD);
		spin_unlock(&current->files->lock);
	}
	return 0;
}

unsigned long stack_rlimit(void)
{
	struct rlimit64 cur;

	do_prlimit(RLIMIT_STACK, NULL, &cur);
	return (unsigned long)MIN(cur.rlim_cur, (u64)~0UL);
}

SYSCALL_DEFINE4(prlimit64, int, pid, unsigned int, resource,
		const struct rlimit64 __user *, new_rlim, struct rlimit64 __user *, old_rlim)
{
	struct rlimit64 new, old;
	int err;

	if (pid && pid != (int)current->tgid)
		return -ESRCH;		/* the limits are everyone's: only "self" is named */
	if (new_rlim && copy_from_user(&new, new_rlim, sizeof(new)))
		return -EFAULT;
	if (old_rlim && !access_ok(old_rlim, sizeof(old)))
		return -EFAULT;
	err = do_prlimit(resource, new_rlim ? &new : NULL, &old);
	if (!err && old_rlim && copy_to_user(old_rlim, &old, sizeof(old)))
		return -EFAULT;
	return err;
}

#if __SYSCALL_TIME32
/* rv64's struct rlimit: two unsigned longs, RLIM_INFINITY ~0UL -- the same as rlimit64. */
SYSCALL_DEFINE2(getrlimit, unsigned int, resource, struct rlimit64 __user *, rlim)
{
	struct rlimit64 old;
	int err = do_prlimit(resource, NULL, &old);

	if (!err && copy_to_user(rlim, &old, sizeof(old)))
		return -EFAULT;
	return err;
}

SYSCALL_DEFINE2(setrlimit, unsigned int, resource, const struct rlimit64 __user *, rlim)
{
	struct rlimit64 new, old;

	if (copy_from_user(&new, rlim, sizeof(new)))
		return -EFAULT;
	return do_prlimit(resource, &new, &old);
}
#endif
