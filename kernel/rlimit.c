// SPDX-License-Identifier: MIT
/*
 * Resource limits: prlimit64 and (rv64) getrlimit/setrlimit, with Linux's
 * resource numbers and struct rlimit.  One table for the whole system
 * (every process is uid 0), guarded by rlimit_lock; RLIMIT_NPROC is the
 * process cap fork enforces (nproc_limit).  What is enforced today:
 * NPROC (fork), STACK (how far a stack grows is STACK_LIMIT whatever
 * the value says: reported, not yet adjustable; without an MMU a lower
 * value makes exec's fixed stacks smaller, stack_rlimit).  The others are kept
 * and reported for programs that read them (NOFILE: the fd table's own
 * limit, NR_OPEN_MAX, applies; the value is not consulted yet).
 */
#include <tern/errno.h>
#include <tern/kernel.h>
#include <tern/mm.h>
#include <tern/process.h>
#include <tern/spinlock.h>
#include <tern/syscalls.h>
#include <tern/uaccess.h>

#define RLIMIT_STACK	3
#define RLIMIT_CORE	4
#define RLIMIT_NPROC	6
#define RLIMIT_NOFILE	7
#define RLIM_NLIMITS	16
#define RLIM64_INFINITY	(~0ULL)
#define NR_OPEN_DEFAULT	1024
#define NR_OPEN_MAX	4096

struct rlimit64 {
	u64 rlim_cur, rlim_max;
};

static spinlock_t rlimit_lock = SPINLOCK_INIT;
static struct rlimit64 rlimits[RLIM_NLIMITS];	/* rlimit_lock */
static bool rlimits_ready;			/* rlimit_lock */

static void rlimits_init(void)
{
	unsigned int i;

	for (i = 0; i < RLIM_NLIMITS; i++)
		rlimits[i] = (struct rlimit64){ RLIM64_INFINITY, RLIM64_INFINITY };
	rlimits[RLIMIT_STACK].rlim_cur = STACK_LIMIT;
	rlimits[RLIMIT_CORE].rlim_cur = 0;
	rlimits[RLIMIT_NOFILE] = (struct rlimit64){ NR_OPEN_DEFAULT, NR_OPEN_MAX };
	if (!nproc_limit)
		nproc_limit = nproc_default();
	rlimits_ready = true;
}

/* Reads resource's limit into *old and, if new is set, replaces it.  0, -EINVAL, -EPERM. */
static int do_prlimit(unsigned int resource, const struct rlimit64 *new, struct rlimit64 *old)
{
	unsigned long flags;
	int err = 0;

	if (resource >= RLIM_NLIMITS)
		return -EINVAL;
	if (new && new->rlim_cur > new->rlim_max)
		return -EINVAL;
	if (new && resource == RLIMIT_NOFILE && new->rlim_max > NR_OPEN_MAX)
		return -EPERM;
	flags = spin_lock_irqsave(&rlimit_lock);
	if (!rlimits_ready)
		rlimits_init();
	if (resource == RLIMIT_NPROC)
		rlimits[resource].rlim_cur = rlimits[resource].rlim_max = nproc_limit;
	*old = rlimits[resource];
	if (new) {
		rlimits[resource] = *new;
		if (resource == RLIMIT_NPROC)	/* one number: the soft limit is the cap */
			nproc_limit = new->rlim_cur == RLIM64_INFINITY ? ~0UL :
				      (unsigned long)MIN(new->rlim_cur, (u64)~0UL);
	}
	spin_unlock_irqrestore(&rlimit_lock, flags);
	return err;
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
