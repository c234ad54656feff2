// SPDX-License-Identifier: MIT
/*
 * Power off and reboot through the SiFive test finisher ("sifive,test0/1"),
 * which QEMU turns into its own exit status: that is how tests see pass or
 * fail.  SBI SRST and legacy shutdown end here.
 */
#include <asm/csr.h>
#include "fw.h"

#define FINISHER_FAIL	0x3333	/* | exit code << 16 */
#define FINISHER_PASS	0x5555
#define FINISHER_RESET	0x7777

#define SRST_VENDOR	0xf0000000	/* types / reasons from here on are vendor ones */

/*
 * The DTB's finisher, then the board's if that is another one; when
 * neither stops the machine, this hart parks for good (the other harts
 * stay where they are).  Unlocked prints: we may have come from a fatal
 * trap that interrupted a printer.
 */
static __noreturn void fw_finisher(u32 value)
{
	uintptr_t tried = fw_plat.finisher;

	if (tried)
		fw_write32(tried, value);
	if (FW_BOARD_TEST_DEVICE && FW_BOARD_TEST_DEVICE != tried) {
		fw_printf_unlocked("tern-fw: the test device at %#lx did not stop the machine: "
				   "trying the board's at %#lx\n", (unsigned long)tried,
				   (unsigned long)FW_BOARD_TEST_DEVICE);
		fw_write32(FW_BOARD_TEST_DEVICE, value);
	}
	fw_printf_unlocked("tern-fw: no test device stopped the machine: hart %lu parks\n",
			   csr_read(mhartid));
	for (;;)
		__asm__ __volatile__("wfi");
}

/* QEMU exits with status 1 on failure, 0 otherwise. */
__noreturn void fw_poweroff(bool failure)
{
	fw_finisher(failure ? 1U << 16 | FINISHER_FAIL : FINISHER_PASS);
}

/*
 * system_reset(type = a0, reason = a1); both are 32-bit in the spec.
 * Shutdown for a system failure is a failing exit; any other reason passes.
 */
struct sbiret fw_sbi_srst(const struct fw_regs *regs)
{
	u32 type = regs->a0, reason = regs->a1;

	if (reason > SBI_SRST_REASON_SYSFAIL && reason < SRST_VENDOR)
		return (struct sbiret){ SBI_ERR_INVALID_PARAM, 0 };
	switch (type) {
	case SBI_SRST_TYPE_SHUTDOWN:
		fw_poweroff(reason == SBI_SRST_REASON_SYSFAIL);
	case SBI_SRST_TYPE_COLD_REBOOT:
	case SBI_SRST_TYPE_WARM_REBOOT:
		fw_finisher(FINISHER_RESET);
	}
	return (struct sbiret){ type < SRST_VENDOR ? SBI_ERR_INVALID_PARAM :
				SBI_ERR_NOT_SUPPORTED, 0 };
}
