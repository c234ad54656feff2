// SPDX-License-Identifier: MIT
/*
 * M-mode trap dispatch.  What reaches M-mode: ecalls from S-mode (SBI), the
 * M software interrupt (IPIs, rfence, HSM), the M timer interrupt (the S
 * timer of non-Sstc harts) and the access fault of a device probe.
 * Everything else was delegated to S-mode or is a bug, in the firmware or
 * the kernel, or a device the DTB put where there is none, and stops the
 * machine.
 */
#include <asm/csr.h>
#include "fw.h"

/* Fatal traps taken by each hart: more than one is a fault while stopping. */
static unsigned char fw_fatal_depth[FW_MAX_HARTS];

/*
 * Reports and stops.  A fault on the way (the DTB's UART or test device is
 * not where it said) comes back here: the second time, report and stop
 * through the board's own devices; after that, touch no device and park.
 */
static __noreturn void fw_trap_fatal(unsigned long cause)
{
	static const char *const mode[] = { "U", "S", "?", "M" };
	unsigned long mpp = (csr_read(mstatus) & SR_MPP) >> SR_MPP_SHIFT;
	unsigned long hartid = csr_read(mhartid);

	switch (fw_fatal_depth[hartid]++) {
	case 0:
		fw_printf_unlocked("tern-fw: unexpected trap mcause=%#lx mepc=%#lx mtval=%#lx "
				   "(hart %lu, from %s-mode)\n", cause, csr_read(mepc),
				   csr_read(mtval), hartid, mode[mpp]);
		break;
	case 1:
		fw_plat.uart = FW_BOARD_UART;
		fw_plat.finisher = FW_BOARD_TEST_DEVICE;
		fw_console_init();
		fw_printf_unlocked("tern-fw: fault while stopping (mcause=%#lx mtval=%#lx): "
				   "the UART or test device does not answer\n",
				   cause, csr_read(mtval));
		break;
	default:
		for (;;)
			__asm__ __volatile__("wfi");
	}
	fw_poweroff(true);
}

/* An access fault on a probing load: the probe returns false. */
static bool fw_probe_fault(unsigned long cause, struct fw_regs *regs)
{
	unsigned long epc = csr_read(mepc);

	if (cause != EXC_LOAD_ACCESS ||
	    (epc != (unsigned long)fw_probe_lbu_insn && epc != (unsigned long)fw_probe_lw_insn))
		return false;
	regs->a0 = 0;
	csr_write(mepc, epc + 4);
	return true;
}

void fw_trap(struct fw_regs *regs)
{
	unsigned long cause = csr_read(mcause);
	unsigned long hartid = csr_read(mhartid);

	if (cause == (CAUSE_IRQ_FLAG | IRQ_M_SOFT)) {
		fw_ipi_irq(hartid);
	} else if (cause == (CAUSE_IRQ_FLAG | IRQ_M_TIMER)) {
		fw_timer_irq();
	} else if (cause == EXC_ECALL_S) {
		csr_write(mepc, csr_read(mepc) + 4);
		fw_sbi_ecall(regs, hartid);
	} else if (!fw_probe_fault(cause, regs)) {
		fw_trap_fatal(cause);
	}
}
