// SPDX-License-Identifier: MIT
/*
 * procfs read through the VFS, as user space reads it, and compared with
 * the kernel's own state: the task, the allocator, the mount table, the
 * pid table.  Every case mounts procfs on /proc (once; it stays).
 */
#include <tern/err.h>
#include <tern/errno.h>
#include <tern/fs.h>
#include <tern/ktest.h>
#include <tern/namei.h>
#include <tern/pgalloc.h>
#include <tern/printf.h>
#include <tern/process.h>
#include <tern/slab.h>
#include <tern/string.h>
#include <tern/timer.h>
#include <uapi/linux/dirent.h>

#define BUF_SIZE	4096
/* Pages one open of a procfs file may take or give back on the way. */
#define OPEN_SLACK	8

/*
 * Mounts procfs on /proc for a case, unless it is there already: 1 if
 * this call mounted it (proc_put unmounts it, so that later suites see
 * the tree as the boot left it), 0 if it was there, -1 on failure.
 */
static int proc_get(struct ktest *t)
{
	struct path p;
	int err;

	if (!kern_path("/proc/self", 0, &p)) {
		path_put(&p);
		return 0;
	}
	err = do_mkdirat(AT_FDCWD, "/proc", 0555);
	if (err && err != -EEXIST) {
		ktest_fail(t, __FILE__, __LINE__, "mkdir /proc: %d", err);
		return -1;
	}
	err = do_mount("proc", "/proc", "proc", 0, NULL);
	if (err)
		ktest_fail(t, __FILE__, __LINE__, "mount proc: %d", err);
	return err ? -1 : 1;
}

static void proc_put(struct ktest *t, int got)
{
	if (got == 1)
		KTEST_EXPECT_EQ(t, do_umount("/proc", 0), 0);
}

/* The whole file, NUL-terminated: its length or -errno. */
static long read_all(const char *path, char *buf, size_t size)
{
	struct file *f = filp_open(path, O_RDONLY, 0);
	loff_t pos = 0;
	ssize_t n;
	size_t len = 0;

	if (IS_ERR(f))
		return PTR_ERR(f);
	while ((n = kernel_read(f, buf + len, size - 1 - len, &pos)) > 0)
		len += (size_t)n;
	fput(f);
	buf[len] = '\0';
	return n < 0 ? n : (long)len;
}

/* Field k (1-based, Linux's numbering) of a stat line, as a number. */
static unsigned long long stat_field(const char *line, int k)
{
	const char *p = strrchr(line, ')');
	int i;

	if (!p || k < 3)
		return ~0ULL;
	p += 2;				/* at field 3 */
	for (i = 3; i < k && p; i++) {
		p = strchr(p, ' ');
		if (p)
			p++;
	}
	if (!p)
		return ~0ULL;
	if (*p == '-')
		return (unsigned long long)-(long long)strtoul(p + 1, NULL, 10);
	return strtoul(p, NULL, 10);
}

static int count_fields(const char *line)
{
	const char *p = strrchr(line, ')');
	int n = 2;

	for (; p && *p && *p != '\n'; p++)
		n += *p == ' ';
	return n;
}

/*
 * The boot task that runs the ktests is pid 0, which /proc does not
 * list (as Linux's swapper): a case about "self" runs in a child process.
 */
struct child_case {
	struct ktest *t;
	void (*body)(struct ktest *t);
};

static int run_case_fn(void *arg)
{
	struct child_case *c = arg;

	c->body(c->t);
	return 0;
}

static void in_child(struct ktest *t, void (*body)(struct ktest *))
{
	struct child_case arg = { t, body };
	int got = proc_get(t), status;
	long pid;

	if (got < 0)
		return;
	pid = kernel_spawn(run_case_fn, &arg, "procself");
	KTEST_EXPECT_GT(t, pid, 0);
	if (pid > 0) {
		KTEST_EXPECT_EQ(t, kernel_wait4((int)pid, &status, 0), pid);
		KTEST_EXPECT_EQ(t, status, 0);
	}
	proc_put(t, got);
}

static void self_stat_body(struct ktest *t)
{
	char *buf = kmalloc(BUF_SIZE, GFP_KERNEL), want[40];
	struct task *self = current;

	KTEST_ASSERT(t, buf);
	KTEST_ASSERT(t, read_all("/proc/self/stat", buf, BUF_SIZE) > 0);
	snprintf(want, sizeof(want), "%u (%s) R ", self->pid, self->name);
	KTEST_EXPECT(t, !strncmp(buf, want, strlen(want)));
	KTEST_EXPECT_EQ(t, count_fields(buf), 52);
	KTEST_EXPECT_EQ(t, stat_field(buf, 20), 1);			/* num_threads */
	KTEST_EXPECT_EQ(t, stat_field(buf, 19), self->se.nice);	/* nice */
	KTEST_EXPECT_EQ(t, stat_field(buf, 22), self->start_time / (NSEC_PER_SEC / 100));
	KTEST_EXPECT_EQ(t, stat_field(buf, 23), 0);			/* no mm: vsize 0 */
	KTEST_EXPECT(t, buf[strlen(buf) - 1] == '\n');
	KTEST_EXPECT_GT(t, read_all("/proc/self/status", buf, BUF_SIZE), 0);
	snprintf(want, sizeof(want), "Name:\t%s\n", self->name);
	KTEST_EXPECT(t, !strncmp(buf, want, strlen(want)));
	snprintf(want, sizeof(want), "\nPid:\t%u\n", self->pid);
	KTEST_EXPECT(t, strstr(buf, want));
	KTEST_EXPECT_EQ(t, read_all("/proc/self/cmdline", buf, BUF_SIZE), 0);	/* no mm */
	kfree(buf);
}

static void self_stat_is_the_task(struct ktest *t)
{
	if (!vfs_root_mounted())
		KTEST_SKIP(t, "no root filesystem to mount /proc on (FS_RAMFS=n)");
	in_child(t, self_stat_body);
}

/* The value of "Name:" in a meminfo text, in kB; ~0 if absent. */
static unsigned long meminfo_kb(const char *text, const char *name)
{
	const char *p = strstr(text, name);

	if (!p)
		return ~0UL;
	p += strlen(name);
	while (*p == ' ')
		p++;
	return strtoul(p, NULL, 10);
}

static void meminfo_is_the_allocators(struct ktest *t)
{
	if (!vfs_root_mounted())
		KTEST_SKIP(t, "no root filesystem to mount /proc on (FS_RAMFS=n)");
	char *buf = kmalloc(BUF_SIZE, GFP_KERNEL);
	struct pgalloc_stats before, after;
	unsigned long kb = PAGE_SIZE / 1024, free;
	int got;

	KTEST_ASSERT(t, buf);
	got = proc_get(t);
	if (got < 0)
		goto out;
	pgalloc_get_stats(&before);
	KTEST_ASSERT(t, read_all("/proc/meminfo", buf, BUF_SIZE) > 0);
	pgalloc_get_stats(&after);
	KTEST_EXPECT_EQ(t, meminfo_kb(buf, "MemTotal:"), before.total_pages * kb);
	free = meminfo_kb(buf, "MemFree:");
	/*
	 * Generated at open, between the two snapshots; the open itself
	 * takes and gives back a few pages (the file, its buffer, dentries,
	 * slab pages), so the figure is within OPEN_SLACK pages of both.
	 */
	KTEST_EXPECT_LE(t, free, (before.free_pages + OPEN_SLACK) * kb);
	KTEST_EXPECT_GE(t, free + OPEN_SLACK * kb, after.free_pages * kb);
	KTEST_EXPECT_LE(t, free, meminfo_kb(buf, "MemTotal:"));
	KTEST_EXPECT_EQ(t, meminfo_kb(buf, "SwapTotal:"), 0);
	KTEST_EXPECT(t, !strncmp(buf, "MemTotal:       ", 16));	/* Linux's columns */
	proc_put(t, got);
out:
	kfree(buf);
}

struct mount_text {
	char *buf;
	size_t len, size;
	int count;
};

static int add_mount(struct vfsmount *mnt, void *arg)
{
	struct mount_text *m = arg;
	int n = mount_show(mnt, m->buf + m->len, m->size - m->len);

	if (n < 0)
		return n;
	m->len += (size_t)n;
	m->count++;
	return 0;
}

static void mounts_body(struct ktest *t)
{
	char *buf = kmalloc(BUF_SIZE, GFP_KERNEL), *want = kmalloc(BUF_SIZE, GFP_KERNEL);
	struct mount_text m = { want, 0, BUF_SIZE, 0 };

	KTEST_ASSERT(t, buf && want);
	KTEST_ASSERT(t, read_all("/proc/mounts", buf, BUF_SIZE) > 0);
	KTEST_ASSERT(t, !mounts_for_each(add_mount, &m));
	KTEST_EXPECT_GE(t, m.count, 2);		/* / and /proc at least */
	KTEST_EXPECT_STREQ(t, buf, want);
	KTEST_EXPECT(t, strstr(buf, "proc /proc proc rw 0 0\n"));
	KTEST_EXPECT(t, !strncmp(buf, "rootfs / ramfs rw", 17));
	kfree(buf);
	kfree(want);
}

/* /proc/mounts is a link to self/mounts: read from a process. */
static void mounts_lists_every_mount(struct ktest *t)
{
	if (!vfs_root_mounted())
		KTEST_SKIP(t, "no root filesystem to mount /proc on (FS_RAMFS=n)");
	in_child(t, mounts_body);
}

static int exit_at_once(void *arg)
{
	return 7;
}

struct find_name {
	struct dir_context ctx;
	const char *want;
	bool found;
};

static bool match_name(struct dir_context *ctx, const char *name, int len, loff_t next,
		       u64 ino, unsigned int d_type)
{
	struct find_name *f = (struct find_name *)ctx;

	if ((int)strlen(f->want) == len && !memcmp(name, f->want, (size_t)len))
		f->found = true;
	return true;
}

static bool proc_lists(const char *name)
{
	struct file *dir = filp_open("/proc", O_RDONLY | O_DIRECTORY, 0);
	struct find_name f = { .ctx.actor = match_name, .want = name };

	if (IS_ERR(dir))
		return false;
	vfs_iterate_dir(dir, &f.ctx);
	fput(dir);
	return f.found;
}

/* A zombie shows as Z; once reaped, /proc/<pid> is gone, even for one who held it. */
static void reaped_pid_is_gone(struct ktest *t)
{
	if (!vfs_root_mounted())
		KTEST_SKIP(t, "no root filesystem to mount /proc on (FS_RAMFS=n)");
	char *buf = kmalloc(BUF_SIZE, GFP_KERNEL), path[32], name[16];
	struct file *dir;
	long pid;
	int status, got;

	KTEST_ASSERT(t, buf);
	got = proc_get(t);
	if (got < 0)
		goto out;
	pid = kernel_spawn(exit_at_once, NULL, "procvictim");
	KTEST_EXPECT_GT(t, pid, 0);
	if (pid <= 0)
		goto put;
	snprintf(path, sizeof(path), "/proc/%ld/stat", pid);
	snprintf(name, sizeof(name), "%ld", pid);
	/* Until it has exited it may be R or S; then it stays Z until the reap. */
	while (read_all(path, buf, BUF_SIZE) > 0 && !strstr(buf, ") Z "))
		yield();
	KTEST_EXPECT(t, strstr(buf, "(procvictim) Z "));
	KTEST_EXPECT_EQ(t, stat_field(buf, 52), W_EXITCODE(7, 0));
	KTEST_EXPECT(t, proc_lists(name));
	snprintf(path, sizeof(path), "/proc/%ld", pid);
	dir = filp_open(path, O_RDONLY | O_DIRECTORY, 0);
	KTEST_EXPECT(t, !IS_ERR(dir));
	KTEST_EXPECT_EQ(t, kernel_wait4((int)pid, &status, 0), pid);
	KTEST_EXPECT_EQ(t, status, W_EXITCODE(7, 0));
	KTEST_EXPECT_EQ(t, read_all(path, buf, BUF_SIZE), -ENOENT);
	snprintf(path, sizeof(path), "/proc/%ld/stat", pid);
	KTEST_EXPECT_EQ(t, read_all(path, buf, BUF_SIZE), -ENOENT);
	if (!IS_ERR(dir))
		fput(dir);
	KTEST_EXPECT(t, !proc_lists(name));
	KTEST_EXPECT(t, proc_lists("self"));
put:
	proc_put(t, got);
out:
	kfree(buf);
}

static void top_files_body(struct ktest *t)
{
	char *buf = kmalloc(BUF_SIZE, GFP_KERNEL), want[16];

	KTEST_ASSERT(t, buf);
	snprintf(want, sizeof(want), "%u", current->pid);
	KTEST_EXPECT(t, proc_lists(want));
	KTEST_EXPECT_EQ(t, do_readlinkat(AT_FDCWD, "/proc/self", buf, BUF_SIZE),
			(long)strlen(want));
	KTEST_EXPECT(t, !strncmp(buf, want, strlen(want)));
	KTEST_EXPECT_GT(t, read_all("/proc/uptime", buf, BUF_SIZE), 0);
	KTEST_EXPECT(t, strchr(buf, '.') && buf[strlen(buf) - 1] == '\n');
	KTEST_EXPECT_GT(t, read_all("/proc/stat", buf, BUF_SIZE), 0);
	KTEST_EXPECT(t, !strncmp(buf, "cpu  ", 5) && strstr(buf, "\ncpu0 ") &&
		     strstr(buf, "\nbtime ") && strstr(buf, "\nprocs_running "));
	KTEST_EXPECT_GT(t, read_all("/proc/cpuinfo", buf, BUF_SIZE), 0);
	KTEST_EXPECT(t, !strncmp(buf, "processor\t: 0\nhart\t\t: ", 20));
	KTEST_EXPECT_GT(t, read_all("/proc/filesystems", buf, BUF_SIZE), 0);
	KTEST_EXPECT(t, strstr(buf, "nodev\tproc\n") && strstr(buf, "nodev\tramfs\n"));
	KTEST_EXPECT_GT(t, read_all("/proc/version", buf, BUF_SIZE), 0);
	KTEST_EXPECT(t, !strncmp(buf, "Tern version ", 13));
	KTEST_EXPECT_EQ(t, read_all("/proc/nosuch", buf, BUF_SIZE), -ENOENT);
	KTEST_EXPECT_EQ(t, read_all("/proc/999999999/stat", buf, BUF_SIZE), -ENOENT);
	KTEST_EXPECT(t, IS_ERR(filp_open("/proc/meminfo", O_WRONLY, 0)));
	kfree(buf);
}

static void self_link_and_top_files(struct ktest *t)
{
	if (!vfs_root_mounted())
		KTEST_SKIP(t, "no root filesystem to mount /proc on (FS_RAMFS=n)");
	in_child(t, top_files_body);
}

KTEST_SUITE(procfs,
	    KTEST_CASE(self_stat_is_the_task),
	    KTEST_CASE(meminfo_is_the_allocators),
	    KTEST_CASE(mounts_lists_every_mount),
	    KTEST_CASE(reaped_pid_is_gone),
	    KTEST_CASE(self_link_and_top_files));
