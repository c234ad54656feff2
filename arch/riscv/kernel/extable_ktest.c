// SPDX-License-Identifier: MIT
/* Exception fixups: a probe survives an access fault, and says so. */
#include <asm/extable.h>
#include <asm/sections.h>
#include <tern/errno.h>
#include <tern/ktest.h>
#include <tern/page.h>

/* Below every RAM and MMIO range on the boards we support (see crashtest). */
#define NOTHING_THERE	0x0

static void probe_reports_a_fault(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, probe_read_word(NOTHING_THERE), -EFAULT);
	KTEST_EXPECT_EQ(t, probe_read_word(NOTHING_THERE), -EFAULT);	/* and again */
}

static void probe_reads_memory(struct ktest *t)
{
	KTEST_EXPECT_EQ(t, probe_read_word((uintptr_t)_start), 0);
	/* The last word of RAM the page map covers, through the linear map. */
	KTEST_EXPECT_EQ(t, probe_read_word((uintptr_t)pfn_to_virt(mem_map_end_pfn - 1) +
					   PAGE_SIZE - 4), 0);
}

/* Only an instruction with an entry is fixed up: a fault elsewhere stays an oops. */
static void only_listed_instructions_are_fixed(struct ktest *t)
{
	struct pt_regs regs = { .epc = (unsigned long)_start };

	KTEST_EXPECT(t, !fixup_exception(&regs));
	KTEST_EXPECT_EQ(t, regs.epc, (unsigned long)_start);
}

KTEST_SUITE(extable,
	    KTEST_CASE(probe_reports_a_fault),
	    KTEST_CASE(probe_reads_memory),
	    KTEST_CASE(only_listed_instructions_are_fixed));
