// SPDX-License-Identifier: MIT
/*
 * Host tests for fs/proc/format.c: the stat line has Linux's 52 fields in
 * Linux's order, so that procps and busybox, which split it on spaces
 * after the last ')', read each value where they expect it; cpuinfo and
 * meminfo lines are laid out as RISC-V Linux lays them out.
 */
#include "harness.h"

#include <tern/proc_fs.h>

/* Field k (1-based) of a stat line, split as procps does: after the last ')'. */
static const char *field(const char *line, int k, char *out, size_t size)
{
	const char *p = strrchr(line, ')');
	int i;
	size_t n;

	if (!p || k < 3)
		return NULL;
	p += 2;
	for (i = 3; i < k; i++) {
		p = strchr(p, ' ');
		if (!p)
			return NULL;
		p++;
	}
	n = strcspn(p, " \n");
	if (n >= size)
		return NULL;
	memcpy(out, p, n);
	out[n] = '\0';
	return out;
}

TEST(stat_line_has_linux_fields_in_order)
{
	struct proc_stat_fields f = {
		.pid = 42, .comm = "sh", .state = 'S', .ppid = 1, .pgrp = 40, .session = 39,
		.utime = 11, .stime = 12, .priority = 20, .nice = -3, .num_threads = 1,
		.starttime = 1234567, .vsize = 8192000, .rss = 77, .rsslim = ~0UL,
		.startcode = 0x10000, .endcode = 0x20000, .startstack = 0x3ffffff000UL,
		.exit_signal = 17, .processor = 2, .start_brk = 0x30000, .arg_start = 0x100,
		.arg_end = 0x200, .env_start = 0x200, .env_end = 0x300, .exit_code = 256,
	};
	static const struct { int k; const char *v; } want[] = {
		{ 3, "S" }, { 4, "1" }, { 5, "40" }, { 6, "39" }, { 7, "0" }, { 8, "-1" },
		{ 14, "11" }, { 15, "12" }, { 18, "20" }, { 19, "-3" }, { 20, "1" },
		{ 22, "1234567" }, { 23, "8192000" }, { 24, "77" },
		{ 25, "18446744073709551615" }, { 26, "65536" }, { 27, "131072" },
		{ 28, "274877902848" }, { 38, "17" }, { 39, "2" }, { 47, "196608" },
		{ 48, "256" }, { 49, "512" }, { 50, "512" }, { 51, "768" }, { 52, "256" },
	};
	char line[1024], buf[32];
	int n = proc_format_stat(line, sizeof(line), &f), spaces = 0;
	size_t i;

	ASSERT(n > 0 && (size_t)n < sizeof(line));
	EXPECT_EQ((size_t)n, strlen(line));
	EXPECT(!strncmp(line, "42 (sh) S 1 40 39 0 -1 0 ", 25));
	EXPECT_EQ(line[n - 1], '\n');
	for (i = 0; line[i]; i++)
		spaces += line[i] == ' ';
	EXPECT_EQ(spaces, 51);		/* 52 fields (comm has no space here) */
	for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
		const char *got = field(line, want[i].k, buf, sizeof(buf));

		if (!got || strcmp(got, want[i].v))
			FAIL("field %d: got %s, want %s", want[i].k, got ? got : "(none)",
			     want[i].v);
	}
}

/* A comm with ") " inside is still found: the parser takes the last ')'. */
TEST(stat_line_comm_with_parenthesis)
{
	struct proc_stat_fields f = { .pid = 7, .comm = "a) b", .state = 'R', .ppid = 3 };
	char line[1024], buf[32];

	proc_format_stat(line, sizeof(line), &f);
	EXPECT(!strncmp(line, "7 (a) b) R 3 ", 13));
	EXPECT_STREQ(field(line, 4, buf, sizeof(buf)), "3");
}

TEST(stat_line_truncates_like_snprintf)
{
	struct proc_stat_fields f = { .pid = 1, .comm = "init", .state = 'S' };
	char small[16], full[1024];
	int need = proc_format_stat(full, sizeof(full), &f);

	EXPECT_EQ(proc_format_stat(small, sizeof(small), &f), need);
	EXPECT_EQ(strlen(small), sizeof(small) - 1);
	EXPECT(!strncmp(small, full, sizeof(small) - 1));
}

TEST(cpuinfo_paragraph_as_riscv_linux)
{
	struct cpuinfo_hart h = { 1, 3, "rv64imafdc_zicsr", "sv39", "sifive,u54" };
	char buf[256];
	int n = proc_format_cpuinfo(buf, sizeof(buf), &h);

	EXPECT_STREQ(buf, "processor\t: 1\nhart\t\t: 3\nisa\t\t: rv64imafdc_zicsr\n"
			  "mmu\t\t: sv39\nuarch\t\t: sifive,u54\n\n");
	EXPECT_EQ((size_t)n, strlen(buf));
	h.mmu = NULL;
	h.uarch = NULL;
	proc_format_cpuinfo(buf, sizeof(buf), &h);
	EXPECT_STREQ(buf, "processor\t: 1\nhart\t\t: 3\nisa\t\t: rv64imafdc_zicsr\n\n");
}

TEST(cpuinfo_length_when_truncated)
{
	struct cpuinfo_hart h = { 0, 0, "rv32ima", "sv32", NULL };
	char full[256], small[20];
	int need = proc_format_cpuinfo(full, sizeof(full), &h);

	EXPECT_EQ(proc_format_cpuinfo(small, sizeof(small), &h), need);
	EXPECT(!strncmp(small, full, sizeof(small) - 1));
}

TEST(meminfo_line_columns)
{
	char buf[64];

	proc_format_meminfo_line(buf, sizeof(buf), "MemTotal", 16303204);
	EXPECT_STREQ(buf, "MemTotal:       16303204 kB\n");
	proc_format_meminfo_line(buf, sizeof(buf), "Cached", 0);
	EXPECT_STREQ(buf, "Cached:                0 kB\n");
	proc_format_meminfo_line(buf, sizeof(buf), "SReclaimable", 123);
	EXPECT_STREQ(buf, "SReclaimable:        123 kB\n");
}

TEST_MAIN()
