// SPDX-License-Identifier: MIT
/*
 * The S-mode timer (SBI TIME and legacy set_timer), two ways:
 *
 * - Sstc harts: menvcfg.STCE is set, so the kernel may write stimecmp
 *   itself and mip.STIP follows stimecmp in hardware (writes to it are
 *   ignored).  set_timer just writes stimecmp for the kernel.
 * - Others: set_timer arms this hart's CLINT mtimecmp and M timer interrupt;
 *   when it fires, fw_timer_irq() hands it on as mip.STIP and masks MTIE.
 *   The next set_timer clears STIP and unmasks MTIE.
 */
#include <asm/csr.h>
#include "fw.h"

/* Same ordering as fw_clint_set_timecmp(): never a spurious early value. */
static void fw_write_stimecmp(u64 when)
{
	if (__riscv_xlen == 64) {
		csr_write(CSR_STIMECMP, when);
		return;
	}
	csr_write(CSR_STIMECMP, -1UL);
	csr_write(CSR_STIMECMPH, when >> 32);
	csr_write(CSR_STIMECMP, (unsigned long)when);
}

void fw_timer_hart_init(unsigned long hartid)
{
	unsigned long stce = 1UL << (ENVCFG_STCE_BIT % __riscv_xlen);

	if (!fw_harts[hartid].sstc)
		return;
	if (__riscv_xlen == 32)
		csr_set(CSR_MENVCFGH, stce);
	else
		csr_set(CSR_MENVCFG, stce);
	fw_write_stimecmp(~0ULL);	/* reset value is 0: STIP would be pending */
}

void fw_timer_set(unsigned long hartid, u64 when)
{
	if (fw_harts[hartid].sstc) {
		fw_write_stimecmp(when);
		return;
	}
	fw_clint_set_timecmp(hartid, when);
	csr_clear(mip, MIP_STIP);
	csr_set(mie, MIP_MTIP);
}

/* For HSM hart_stop: leave nothing pending for the hart's next start. */
void fw_timer_stop(unsigned long hartid)
{
	if (fw_harts[hartid].sstc) {
		fw_write_stimecmp(~0ULL);
		return;
	}
	csr_clear(mie, MIP_MTIP);
	csr_clear(mip, MIP_STIP);
}

/* M timer interrupt (non-Sstc harts only: MTIE is never set otherwise). */
void fw_timer_irq(void)
{
	csr_clear(mie, MIP_MTIP);
	csr_set(mip, MIP_STIP);
}
