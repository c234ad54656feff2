// SPDX-License-Identifier: MIT
#include <asm/sbi.h>
#include <tern/arch.h>
#include <tern/boot.h>
#include <tern/fdt.h>
#include <tern/kernel.h>
#include <tern/ktest.h>
#include <tern/smp.h>
#include <tern/string.h>

static void base_extension_answers(struct ktest *t)
{
	KTEST_EXPECT_GE(t, sbi_spec_version(), 0x2);	/* v0.2 or later */
	KTEST_EXPECT(t, sbi_probe_extension(SBI_EXT_BASE));
	KTEST_EXPECT(t, sbi_probe_extension(SBI_EXT_TIME));
	KTEST_EXPECT(t, sbi_probe_extension(SBI_EXT_HSM));
	KTEST_EXPECT(t, sbi_probe_extension(SBI_EXT_SRST));
	/* An extension nobody implements is reported absent. */
	KTEST_EXPECT(t, !sbi_probe_extension(0x0BADC0DE));
}

static void unknown_call_is_not_supported(struct ktest *t)
{
	struct sbiret ret = sbi_ecall(0x0BADC0DE, 0, 0, 0, 0, 0);

	KTEST_EXPECT_EQ(t, ret.error, SBI_ERR_NOT_SUPPORTED);
}

/*
 * Every Base function answers (SBI v0.2+).  Which firmware it is depends
 * on how the machine was started, not on Kconfig: scripts/test.sh checks
 * that QEMU ran the configured one.
 */
static void base_functions_answer(struct ktest *t)
{
	static const unsigned long fids[] = {
		SBI_BASE_GET_IMP_ID, SBI_BASE_GET_IMP_VERSION, SBI_BASE_GET_MVENDORID,
		SBI_BASE_GET_MARCHID, SBI_BASE_GET_MIMPID,
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(fids); i++)
		KTEST_EXPECT_EQ(t, sbi_ecall(SBI_EXT_BASE, fids[i], 0, 0, 0, 0).error, 0);
}

static void hsm_reports_boot_hart_started(struct ktest *t)
{
	struct sbiret ret = sbi_ecall(SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, boot_hartid, 0, 0, 0);

	KTEST_EXPECT_EQ(t, ret.error, 0);
	KTEST_EXPECT_EQ(t, ret.value, SBI_HSM_STATE_STARTED);
	ret = sbi_ecall(SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, 4096, 0, 0, 0);
	KTEST_EXPECT_EQ(t, ret.error, SBI_ERR_INVALID_PARAM);
}

/* Usable CPU nodes, counted by the rule of riscv_cpu_node_hartid, written out again. */
static unsigned int device_tree_harts(bool *has_boot_hart)
{
	int cpus = fdt_path_offset(&boot_fdt, "/cpus"), node, len;
	unsigned int n = 0;

	*has_boot_hart = false;
	for (node = cpus < 0 ? cpus : fdt_first_child(&boot_fdt, cpus); node >= 0;
	     node = fdt_next_sibling(&boot_fdt, node)) {
		const char *type = fdt_getprop(&boot_fdt, node, "device_type", &len);
		u64 hartid, unused;

		if (!type || len != 4 || memcmp(type, "cpu", 4) ||
		    !fdt_node_is_available(&boot_fdt, node) ||
		    !fdt_getprop(&boot_fdt, node, "mmu-type", &len) ||
		    fdt_get_reg(&boot_fdt, node, 0, &hartid, &unused))
			continue;
		n++;
		*has_boot_hart |= hartid == boot_hartid;
	}
	return n;
}

/* Whatever -smp QEMU was given: compared with the device tree, not with Kconfig. */
static void harts_match_the_device_tree(struct ktest *t)
{
	bool has_boot_hart;

	KTEST_EXPECT_EQ(t, nr_harts_present, device_tree_harts(&has_boot_hart));
	KTEST_EXPECT(t, has_boot_hart);
	KTEST_EXPECT_EQ(t, nr_cpus_possible, MIN(nr_harts_present, (unsigned int)NR_CPUS));
}

/* Each CPU's hart is started exactly when the CPU is online. */
static void hsm_agrees_with_the_online_cpus(struct ktest *t)
{
	unsigned int cpu;

	for (cpu = 0; cpu < nr_cpus_possible; cpu++) {
		struct sbiret ret = sbi_ecall(SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS,
					      cpu_to_hartid(cpu), 0, 0, 0);

		KTEST_EXPECT_EQ(t, ret.error, 0);
		KTEST_EXPECT_EQ(t, ret.value == SBI_HSM_STATE_STARTED, cpu_online(cpu));
	}
}

KTEST_SUITE(sbi,
	    KTEST_CASE(harts_match_the_device_tree),
	    KTEST_CASE(base_extension_answers),
	    KTEST_CASE(base_functions_answer),
	    KTEST_CASE(unknown_call_is_not_supported),
	    KTEST_CASE(hsm_reports_boot_hart_started),
	    KTEST_CASE(hsm_agrees_with_the_online_cpus));
