// SPDX-License-Identifier: MIT
#include <asm/sbi.h>
#include <tern/arch.h>
#include <tern/ktest.h>

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

static void firmware_is_the_configured_one(struct ktest *t)
{
	struct sbiret ret = sbi_ecall(SBI_EXT_BASE, SBI_BASE_GET_IMP_ID, 0, 0, 0, 0);

	KTEST_EXPECT_EQ(t, ret.error, 0);
	KTEST_EXPECT_EQ(t, ret.value,
			IS_ENABLED(CONFIG_FIRMWARE_OPENSBI) ? SBI_IMP_OPENSBI : SBI_IMP_TERN);
}

static void hsm_reports_boot_hart_started(struct ktest *t)
{
	struct sbiret ret = sbi_ecall(SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, boot_hartid, 0, 0, 0);

	KTEST_EXPECT_EQ(t, ret.error, 0);
	KTEST_EXPECT_EQ(t, ret.value, SBI_HSM_STATE_STARTED);
	ret = sbi_ecall(SBI_EXT_HSM, SBI_HSM_HART_GET_STATUS, 4096, 0, 0, 0);
	KTEST_EXPECT_EQ(t, ret.error, SBI_ERR_INVALID_PARAM);
}

static void harts_match_qemu_smp(struct ktest *t)
{
	/* make run starts QEMU with -smp CONFIG_QEMU_SMP. */
	KTEST_EXPECT_EQ(t, nr_harts_present, CONFIG_QEMU_SMP);
}

KTEST_SUITE(sbi,
	    KTEST_CASE(harts_match_qemu_smp),
	    KTEST_CASE(base_extension_answers),
	    KTEST_CASE(unknown_call_is_not_supported),
	    KTEST_CASE(firmware_is_the_configured_one),
	    KTEST_CASE(hsm_reports_boot_hart_started));
