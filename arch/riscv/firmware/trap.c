// SPDX-License-Identifier: MIT
/*
 * M-mode trap dispatch.  What reaches M-mode: ecalls from S-mode (SBI), the
 * M software interrupt (IPIs, rfence, HSM) and the M timer interrupt (the
 * S timer of non-Sstc harts).  Everything else was delegated to S-mode or
 * is a bug, in the firmware or the kernel, and stops the machine.
 */
#include <asm/csr.h>
#include "fw.h"

static __noreturn void fw_trap_fatal(unsigned long cause)
{
	static const char *const mode[] = { "U", "S", "?", "M" };
	unsigned long mpp = (csr_read(mstatus) & SR_MPP) >> SR_MPP_SHIFT;

	fw_printf_unlocked("tern-fw: unexpected trap mcause=%#lx mepc=%#lx mtval=%#lx "
			   "(hart %lu, from %s-mode)\n", cause, csr_read(mepc),
			   csr_read(mtval), csr_read(mhartid), mode[mpp]);
	fw_poweroff(true);
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
	} else {
		fw_trap_fatal(cause);
	}
}
