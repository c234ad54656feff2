// SPDX-License-Identifier: MIT
/*
 * Small process system calls: identities (pids, process groups,
 * sessions, credentials), uname, resource limits, sysinfo, getrandom,
 * sched_yield, set_tid_address and reboot.
 *
 * Simplifications, until the VFS and /proc bring a pid table:
 * getpgid/getsid find only the caller, its parent and its children
 * (-ESRCH for others), and setpgid accepts a group that is the target's
 * own pid or the caller's group.  Resource limits are kernel/rlimit.c's.
 */
#include <asm/page.h>
#include <tern/errno.h>
#include <tern/kernel.h>
#include <tern/mm.h>
#include <tern/pgalloc.h>
#include <tern/process.h>
#include <tern/random.h>
#include <tern/reboot.h>
#include <tern/signal.h>
#include <tern/smp.h>
#include <tern/string.h>
#include <tern/syscalls.h>
#include <tern/timer.h>
#include <tern/uaccess.h>
#include <generated/utsrelease.h>

SYSCALL_DEFINE0(getpid)
{
	return current->tgid;
}

SYSCALL_DEFINE0(gettid)
{
	return current->pid;
}

SYSCALL_DEFINE0(getppid)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	struct task *p = group_leader_of(current)->parent;
	long pid = p ? (p->tgid ? p->tgid : p->pid) : 0;

	spin_unlock_irqrestore(&tasklist_lock, flags);
	return pid;
}

SYSCALL_DEFINE0(getuid)
{
	return current->uid;
}

SYSCALL_DEFINE0(geteuid)
{
	return current->uid;
}

SYSCALL_DEFINE0(getgid)
{
	return current->gid;
}

SYSCALL_DEFINE0(getegid)
{
	return current->gid;
}

SYSCALL_DEFINE1(set_tid_address, int __user *, tidptr)
{
	current->clear_child_tid = (unsigned long)tidptr;
	return current->pid;
}

/*
 * The CPUs the caller may run on, as a bitmap of longs: len must hold
 * one long at least (Linux asks for nr_cpu_ids bits rounded to longs);
 * returns the bytes written.  pid 0 only, or the caller's own.
 */
/* A thread of current's group by tid (0: current), with a hold on its struct; NULL if none. */
static struct task *get_group_thread(int tid)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	struct task *t = NULL, *it;

	if (!tid || tid == (int)current->pid)
		t = current;
	else if (current->thread_group.next)
		list_for_each_entry(it, &current->thread_group, thread_group)
			if ((int)it->pid == tid && !it->leader_exited && !it->exit_state)
				t = it;
	if (t)
		__atomic_add_fetch(&t->usage, 1, __ATOMIC_RELAXED);
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return t;
}

/*
 * Sets the CPUs a thread of the caller's process (pid 0: the caller)
 * may run on, from a bitmap of longs; only its first long counts (CPUs
 * above BITS_PER_LONG do not exist here).  -EINVAL when no allowed CPU
 * is online, -ESRCH for a task outside the caller's process.
 */
SYSCALL_DEFINE3(sched_setaffinity, int, pid, unsigned int, len, unsigned long __user *, mask)
{
	unsigned long m;
	struct task *t;
	long err;

	if (len < sizeof(long))
		return -EINVAL;
	if (get_user(m, mask))
		return -EFAULT;
	m &= cpu_online_mask;
	if (!m)
		return -EINVAL;
	t = get_group_thread(pid);
	if (!t)
		return -ESRCH;
	err = sched_setaffinity(t, m);
	put_task(t);
	return err;
}

SYSCALL_DEFINE3(sched_getaffinity, int, pid, unsigned int, len, unsigned long __user *, mask)
{
	unsigned long m;
	struct task *t;

	if (len < sizeof(long) || (len & (sizeof(long) - 1)))
		return -EINVAL;
	t = get_group_thread(pid);
	if (!t)
		return -ESRCH;
	m = sched_getaffinity(t) & cpu_online_mask;
	put_task(t);
	if (put_user(m, mask))
		return -EFAULT;
	return sizeof(long);
}

SYSCALL_DEFINE0(sched_yield)
{
	yield();
	return 0;
}

/* pid 0 is the caller; else the caller, its parent or a child of it.  tasklist_lock held. */
static struct task *find_near_task(int pid)
{
	struct task *self = current, *c;

	if (pid == 0 || pid == (int)self->pid)
		return self;
	if (self->parent && (int)self->parent->pid == pid)
		return self->parent;
	list_for_each_entry(c, &self->children, sibling)
		if ((int)c->pid == pid)
			return c;
	return NULL;
}

static long get_group_or_session(int pid, bool session)
{
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	struct task *t = pid >= 0 ? find_near_task(pid) : NULL;
	long ret = t ? (long)(session ? t->sid : t->pgid) : -ESRCH;

	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

SYSCALL_DEFINE1(getpgid, int, pid)
{
	return get_group_or_session(pid, false);
}

SYSCALL_DEFINE1(getsid, int, pid)
{
	return get_group_or_session(pid, true);
}

SYSCALL_DEFINE2(setpgid, int, pid, int, pgid)
{
	struct task *self = current, *t;
	unsigned long flags;
	long ret = 0;

	if (pid < 0 || pgid < 0)
		return -EINVAL;
	flags = spin_lock_irqsave(&tasklist_lock);
	t = find_near_task(pid);
	if (!t || (t != self && t->parent != self))
		ret = -ESRCH;
	else if (t->sid != self->sid || t->sid == t->pid)
		ret = -EPERM;		/* another session, or a session leader */
	else if (pgid && (unsigned int)pgid != t->pid && (unsigned int)pgid != self->pgid)
		ret = -EPERM;
	else
		t->pgid = pgid ? (unsigned int)pgid : t->pid;
	spin_unlock_irqrestore(&tasklist_lock, flags);
	return ret;
}

SYSCALL_DEFINE0(setsid)
{
	struct task *self = current;
	unsigned long flags = spin_lock_irqsave(&tasklist_lock);
	long ret;

	if (self->pgid == self->pid) {
		ret = -EPERM;		/* already a group leader */
	} else {
		self->pgid = self->sid = self->pid;
		ret = self->pid;
	}
	spin_unlock_irqrestore(&tasklist_lock, flags);
	if (ret > 0)
		set_current_tty(NULL);	/* a new session has no controlling tty */
	return ret;
}

/*
 * uname: sysname "Tern" (not "Linux": programs that test for Linux learn
 * the truth), release the kernel's version, machine riscv64 or riscv32.
 * glibc dropped its start-up kernel-version check in 2.36 (Debian 12's);
 * an older static glibc would refuse to run on release 0.x.
 */
#define UTS_LEN		65

struct new_utsname {
	char sysname[UTS_LEN], nodename[UTS_LEN], release[UTS_LEN];
	char version[UTS_LEN], machine[UTS_LEN], domainname[UTS_LEN];
};

SYSCALL_DEFINE1(uname, struct new_utsname __user *, name)
{
	struct new_utsname u;

	memset(&u, 0, sizeof(u));
	strlcpy(u.sysname, "Tern", UTS_LEN);
	strlcpy(u.nodename, "tern", UTS_LEN);
	strlcpy(u.release, TERN_RELEASE, UTS_LEN);
	strlcpy(u.version, "#1", UTS_LEN);
	strlcpy(u.machine, __riscv_xlen == 64 ? "riscv64" : "riscv32", UTS_LEN);
	strlcpy(u.domainname, "(none)", UTS_LEN);
	return copy_to_user(name, &u, sizeof(u)) ? -EFAULT : 0;
}

/* struct sysinfo, Linux's layout (mem_unit 1: sizes in bytes... or pages if they overflow). */
struct sysinfo {
	long uptime;
	unsigned long loads[3];
	unsigned long totalram, freeram, sharedram, bufferram, totalswap, freeswap;
	unsigned short procs, pad;
	unsigned long totalhigh, freehigh;
	unsigned int mem_unit;
	char _f[20 - 2 * sizeof(long) - sizeof(int)];
};

SYSCALL_DEFINE1(sysinfo, struct sysinfo __user *, info)
{
	struct pgalloc_stats st;
	struct sysinfo si;

	pgalloc_get_stats(&st);
	memset(&si, 0, sizeof(si));
	si.uptime = ktime_ns() / NSEC_PER_SEC;
	si.totalram = st.total_pages;
	si.freeram = st.free_pages;
	si.procs = MIN(nr_processes(), 0xffffu);
	si.mem_unit = PAGE_SIZE;
	return copy_to_user(info, &si, sizeof(si)) ? -EFAULT : 0;
}

#define GRND_NONBLOCK	0x1
#define GRND_RANDOM	0x2
#define GRND_INSECURE	0x4

/*
 * Fills the user buffer from get_random_bytes, a chunk at a time; short
 * on a fault.  With no entropy source on the board (there is no CRNG
 * yet) the answer is -EAGAIN, as a Linux not yet seeded gives with
 * GRND_NONBLOCK.
 */
SYSCALL_DEFINE3(getrandom, char __user *, buf, size_t, len, unsigned int, flags)
{
	u8 chunk[64];
	size_t done = 0;
	int err;

	if (flags & ~(GRND_NONBLOCK | GRND_RANDOM | GRND_INSECURE) ||
	    (flags & GRND_INSECURE && flags & GRND_RANDOM))
		return -EINVAL;
	len = MIN(len, (size_t)0x1ffffff);	/* Linux's cap per call */
	if (!access_ok(buf, len) || (len && clear_user(buf, 1)))
		return -EFAULT;		/* a bad buffer says so even with no source */
	while (done < len) {
		size_t n = MIN(len - done, sizeof(chunk));

		err = get_random_bytes(chunk, n);
		if (err)
			return done ? (long)done : (err == -ENODEV ? -EAGAIN : err);
		if (copy_to_user(buf + done, chunk, n))
			return done ? (long)done : -EFAULT;
		done += n;
		cond_resched();
	}
	memset(chunk, 0, sizeof(chunk));
	return done;
}

#define LINUX_REBOOT_MAGIC1		0xfee1dead
#define LINUX_REBOOT_MAGIC2		672274793
#define LINUX_REBOOT_MAGIC2A		85072278
#define LINUX_REBOOT_MAGIC2B		369367448
#define LINUX_REBOOT_MAGIC2C		537993216
#define LINUX_REBOOT_CMD_RESTART	0x01234567
#define LINUX_REBOOT_CMD_HALT		0xcdef0123
#define LINUX_REBOOT_CMD_POWER_OFF	0x4321fedc
#define LINUX_REBOOT_CMD_CAD_ON		0x89abcdef
#define LINUX_REBOOT_CMD_CAD_OFF	0x00000000

/* HALT powers off too: there is nothing to halt into. */
SYSCALL_DEFINE4(reboot, int, magic1, int, magic2, unsigned int, cmd, void __user *, arg)
{
	if ((unsigned int)magic1 != LINUX_REBOOT_MAGIC1 ||
	    (magic2 != LINUX_REBOOT_MAGIC2 && magic2 != LINUX_REBOOT_MAGIC2A &&
	     magic2 != LINUX_REBOOT_MAGIC2B && magic2 != LINUX_REBOOT_MAGIC2C))
		return -EINVAL;
	switch (cmd) {
	case LINUX_REBOOT_CMD_RESTART:
		machine_restart();
	case LINUX_REBOOT_CMD_HALT:
	case LINUX_REBOOT_CMD_POWER_OFF:
		/* Said by the kernel: user space may have no console to say it on. */
		pr_notice("reboot: %s[%d] asked to power off: powering off\n", current->name,
			  current->pid);
		kernel_power_off(0);
	case LINUX_REBOOT_CMD_CAD_ON:
	case LINUX_REBOOT_CMD_CAD_OFF:
		return 0;
	default:
		return -EINVAL;
	}
}
