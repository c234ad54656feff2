// SPDX-License-Identifier: MIT
/*
 * Backtraces by frame pointers.  RISC-V gcc frames: s0 (fp) points just
 * above the frame; the return address is at fp - 1 word and the caller's
 * fp at fp - 2 words.  A walk stops at the first return address outside
 * the kernel's text, so garbage is never printed as a frame.
 */
#include <asm/sections.h>
#include <asm/stacktrace.h>
#include <tern/kallsyms.h>
#include <tern/printk.h>

#define MAX_FRAMES 64

struct frame_record {
	unsigned long fp;
	unsigned long ra;
};

static bool in_text(unsigned long pc)
{
	return pc >= (unsigned long)_stext && pc < (unsigned long)_etext;
}

static bool plausible_fp(unsigned long fp, unsigned long prev)
{
	/* Stacks grow down, so each outer frame is above the inner one. */
	return fp && !(fp & (sizeof(long) - 1)) && fp > prev;
}

/*
 * entry.S leaves a frame record {trapped s0, trapped pc} right above the
 * saved registers; recognise it to continue the walk into trapped code.
 */
static const struct pt_regs *trap_regs_of(const struct frame_record *rec)
{
	const struct pt_regs *regs = (const struct pt_regs *)rec - 1;

	return rec->ra == regs->epc && rec->fp == regs->s0 ? regs : NULL;
}

/*
 * The trapped function's frame.  A leaf function saves s0 but not ra, so
 * the ra slot then holds the caller's fp: report regs->ra as the caller
 * and go on from the caller's frame.  Returns the next fp to walk.
 */
static unsigned long unwind_trapped(const struct pt_regs *regs,
				    void (*fn)(unsigned long pc, void *arg), void *arg)
{
	const struct frame_record *rec = (const struct frame_record *)regs->s0 - 1;

	if (!plausible_fp(regs->s0, regs->sp - 1) || in_text(rec->ra) || !in_text(regs->ra))
		return regs->s0;
	fn(regs->ra, arg);
	return rec->ra;		/* the saved s0 sits where ra would be */
}

void walk_stack_frames(unsigned long fp, void (*fn)(unsigned long pc, void *arg), void *arg)
{
	unsigned long prev = 0;
	int n;

	for (n = 0; n < MAX_FRAMES && plausible_fp(fp, prev); n++) {
		const struct frame_record *rec = (const struct frame_record *)fp - 1;
		const struct pt_regs *regs;

		if (!in_text(rec->ra))
			break;
		fn(rec->ra, arg);
		prev = fp;
		regs = trap_regs_of(rec);
		fp = regs ? unwind_trapped(regs, fn, arg) : rec->fp;
	}
}

static void print_frame(unsigned long pc, void *arg)
{
	char buf[KSYM_NAME_LEN + 32];

	sprint_backtrace(buf, sizeof(buf), pc);
	console_printf("  [<%0*lx>] %s\n", (int)(2 * sizeof(long)), pc, buf);
}

void dump_backtrace(unsigned long fp)
{
	console_printf("Call trace:\n");
	walk_stack_frames(fp, print_frame, NULL);
}

void dump_trap_backtrace(const struct pt_regs *regs)
{
	console_printf("Call trace:\n");
	print_frame(regs->epc, NULL);
	walk_stack_frames(unwind_trapped(regs, print_frame, NULL), print_frame, NULL);
}

void __noinline dump_backtrace_here(void)
{
	dump_backtrace((unsigned long)__builtin_frame_address(0));
}

void show_regs(const struct pt_regs *regs)
{
	static const char *const names[PT_NR_GPRS] = {
		"epc", "ra", "sp", "gp", "tp", "t0", "t1", "t2",
		"s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
		"a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7",
		"s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
	};
	const unsigned long *r = (const unsigned long *)regs;
	int width = (int)(2 * sizeof(long));
	char buf[KSYM_NAME_LEN + 32];
	int i;

	sprint_symbol(buf, sizeof(buf), regs->epc);
	console_printf("epc : %s\n", buf);
	sprint_symbol(buf, sizeof(buf), regs->ra);
	console_printf(" ra : %s\n", buf);
	for (i = 0; i < PT_NR_GPRS; i++)
		console_printf("%4s: %0*lx%s", names[i], width, r[i], i % 3 == 2 ? "\n" : " ");
	console_printf("\nstatus: %0*lx badaddr: %0*lx cause: %0*lx\n",
		       width, regs->status, width, regs->badaddr, width, regs->cause);
}
