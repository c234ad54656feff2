// SPDX-License-Identifier: MIT
#include <asm/stacktrace.h>
#include <tern/kallsyms.h>
#include <tern/ktest.h>
#include <tern/string.h>

struct collected {
	unsigned long pcs[16];
	int n;
};

static void collect(unsigned long pc, void *arg)
{
	struct collected *c = arg;

	if (c->n < 16)
		c->pcs[c->n++] = pc;
}

static bool has_frame_in(const struct collected *c, const char *fn)
{
	unsigned long start = kallsyms_lookup_name(fn), off, size;
	int i;

	for (i = 0; i < c->n; i++)
		if (kallsyms_lookup(c->pcs[i] - 1, &off, &size) &&
		    c->pcs[i] - 1 - off == start)
			return true;
	return false;
}

static void __noinline stack_inner(struct collected *c)
{
	walk_stack_frames((unsigned long)__builtin_frame_address(0), collect, c);
	barrier();
}

static void __noinline stack_outer(struct collected *c)
{
	stack_inner(c);
	barrier();
}

static void walks_through_callers(struct ktest *t)
{
	struct collected c = { .n = 0 };

	stack_outer(&c);
	KTEST_ASSERT(t, c.n >= 3);
	if (!IS_ENABLED(CONFIG_KALLSYMS))
		return;
	/* Each frame's return address lies in the caller. */
	KTEST_EXPECT(t, has_frame_in(&c, "stack_outer"));
	KTEST_EXPECT(t, has_frame_in(&c, "walks_through_callers"));
	KTEST_EXPECT(t, has_frame_in(&c, "ktest_run_all"));
}

static void stops_on_bad_frame_pointer(struct ktest *t)
{
	struct collected c = { .n = 0 };

	walk_stack_frames(0, collect, &c);
	KTEST_EXPECT_EQ(t, c.n, 0);
	walk_stack_frames(3, collect, &c);	/* misaligned */
	KTEST_EXPECT_EQ(t, c.n, 0);
}

KTEST_SUITE(stacktrace,
	    KTEST_CASE(walks_through_callers),
	    KTEST_CASE(stops_on_bad_frame_pointer));
