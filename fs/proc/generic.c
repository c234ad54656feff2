// SPDX-License-Identifier: MIT
/*
 * The files at the top of /proc: self, mounts, meminfo, uptime, loadavg,
 * stat, cpuinfo, version, filesystems (Documentation/filesystems/proc.md).
 */
#include <tern/errno.h>
#include <tern/kernel.h>
#include <tern/pgalloc.h>
#include <tern/process.h>
#include <tern/proc_fs.h>
#include <tern/rtc.h>
#include <tern/slab.h>
#include <tern/smp.h>
#include <tern/string.h>
#include <tern/time.h>
#include <tern/timer.h>
#include <generated/utsrelease.h>
#include "internal.h"

#define USER_HZ		100
#define NS_PER_TICK	(NSEC_PER_SEC / USER_HZ)



static void self_link(char *buf, size_t len)
{
	snprintf(buf, len, "%u", task_tgid(current));
}

static void mounts_link(char *buf, size_t len)
{
	strlcpy(buf, "self/mounts", len);
}

static void meminfo_line(struct proc_buf *b, const char *name, unsigned long pages)
{
	char line[64];
	int n = proc_format_meminfo_line(line, sizeof(line), name, pages * (PAGE_SIZE / 1024));

	pb_write(b, line, (size_t)MIN(n, (int)sizeof(line) - 1));
}

/*
 * What the allocators know: free pages are all there is to have (ramfs
 * pages cannot be dropped, slab pages are not reclaimed on demand).
 */
static int show_meminfo(struct proc_buf *b, struct task *t)
{
	struct pgalloc_stats pages;
	struct kmem_stats objects;

	pgalloc_get_stats(&pages);
	kmem_get_stats(&objects);
	meminfo_line(b, "MemTotal", pages.total_pages);
	meminfo_line(b, "MemFree", pages.free_pages);
	meminfo_line(b, "MemAvailable", pages.free_pages);
	meminfo_line(b, "Buffers", 0);
	meminfo_line(b, "Cached", IS_ENABLED(CONFIG_FS_RAMFS) ? ramfs_pages_in_use() : 0);
	meminfo_line(b, "SwapCached", 0);
	meminfo_line(b, "SwapTotal", 0);
	meminfo_line(b, "SwapFree", 0);
	meminfo_line(b, "Shmem", 0);
	meminfo_line(b, "Slab", objects.pages);
	meminfo_line(b, "SReclaimable", 0);
	meminfo_line(b, "SUnreclaim", objects.pages);
	return 0;
}

/* Seconds with two decimals, as Linux prints them. */
static void pb_seconds(struct proc_buf *b, u64 ns, const char *after)
{
	pb_printf(b, "%llu.%02llu%s", (unsigned long long)(ns / NSEC_PER_SEC),
		  (unsigned long long)(ns % NSEC_PER_SEC / (NSEC_PER_SEC / 100)), after);
}

static u64 idle_ns_all(void)
{
	unsigned int cpu;
	u64 idle = 0;

	for_each_online_cpu(cpu)
		idle += sched_cpu_idle_ns(cpu);
	return idle;
}

static int show_uptime(struct proc_buf *b, struct task *t)
{
	pb_seconds(b, ktime_ns(), " ");
	pb_seconds(b, idle_ns_all(), "\n");
	return 0;
}

/* Load averages are not tracked yet: they read 0.00 (the last two fields are real). */
static int show_loadavg(struct proc_buf *b, struct task *t)
{
	pb_printf(b, "0.00 0.00 0.00 %u/%u %u\n", sched_nr_running(), nr_listed_tasks(),
		  last_pid());
	return 0;
}

/* One "cpu" line: busy time is user time (system time is not told apart). */
static void stat_cpu_line(struct proc_buf *b, const char *name, u64 busy, u64 idle)
{
	pb_printf(b, "%s %llu 0 0 %llu 0 0 0 0 0 0\n", name,
		  (unsigned long long)(busy / NS_PER_TICK), (unsigned long long)(idle / NS_PER_TICK));
}

/* The wall-clock second of boot: 0 without an RTC (the clock starts at the epoch). */
static u64 boot_time_s(u64 now)
{
	u64 real;

	if (!IS_ENABLED(CONFIG_RTC_CLASS) || ktime_get_real_ns(&real) || real < now)
		return 0;
	return (real - now) / NSEC_PER_SEC;
}

static int show_stat(struct proc_buf *b, struct task *t)
{
	u64 now = ktime_ns(), idle_all = idle_ns_all(), switches = 0;
	unsigned int cpu, online = num_online_cpus();
	char name[16];

	stat_cpu_line(b, "cpu ", now * online > idle_all ? now * online - idle_all : 0, idle_all);
	for_each_online_cpu(cpu) {
		u64 idle = sched_cpu_idle_ns(cpu);

		snprintf(name, sizeof(name), "cpu%u", cpu);
		stat_cpu_line(b, name, now > idle ? now - idle : 0, idle);
		switches += sched_nr_switches(cpu);
	}
	pb_printf(b, "intr 0\nctxt %llu\nbtime %llu\nprocesses %u\n",
		  (unsigned long long)switches,
		  (unsigned long long)boot_time_s(now), last_pid());
	pb_printf(b, "procs_running %u\nprocs_blocked 0\n", sched_nr_running());
	return 0;
}

static int show_cpuinfo(struct proc_buf *b, struct task *t)
{
	struct cpuinfo_hart h;
	unsigned int cpu;
	char para[512];

	for_each_online_cpu(cpu) {
		int n;

		if (!arch_cpuinfo_hart(cpu, &h))
			continue;
		n = proc_format_cpuinfo(para, sizeof(para), &h);
		pb_write(b, para, (size_t)MIN(n, (int)sizeof(para) - 1));
	}
	return 0;
}

static int show_version(struct proc_buf *b, struct task *t)
{
	pb_printf(b, "Tern version %s (%s) #1 %s\n", TERN_RELEASE, TERN_COMPILER,
		  __riscv_xlen == 64 ? "riscv64" : "riscv32");
	return 0;
}

/* Every filesystem Tern has needs no block device yet: all are "nodev". */
static void fs_line(const char *name, void *arg)
{
	pb_printf(arg, "nodev\t%s\n", name);
}

static int show_filesystems(struct proc_buf *b, struct task *t)
{
	filesystems_for_each(fs_line, b);
	return 0;
}

const struct proc_entry proc_root_entries[] = {
	PROC_FILE("cpuinfo", show_cpuinfo),
	PROC_FILE("filesystems", show_filesystems),
	PROC_FILE("loadavg", show_loadavg),
	PROC_FILE("meminfo", show_meminfo),
	PROC_LINK("mounts", mounts_link),
	PROC_LINK("self", self_link),
	PROC_FILE("stat", show_stat),
	PROC_FILE("uptime", show_uptime),
	PROC_FILE("version", show_version),
	PROC_END
};
