// SPDX-License-Identifier: MIT
/*
 * The hart's S-mode timer: one deadline in time-CSR ticks, and the timer
 * interrupt (sip.STIP) pending while time >= deadline.  Two ways to set
 * the deadline, chosen once from the boot hart's device tree node (the
 * one arch_scan_harts found usable, by the rule every caller shares):
 *
 * - Sstc ("_sstc" in riscv,isa, or "sstc" in riscv,isa-extensions): the
 *   kernel writes stimecmp itself and STIP follows it in hardware.  The
 *   firmware has set menvcfg.STCE for such a hart (both OpenSBI and
 *   Tern's firmware read the same property).
 * - Otherwise SBI TIME set_timer (legacy set_timer on a v0.1 firmware):
 *   the firmware clears STIP and arms its M-mode timer for us.
 *
 * Either way a new deadline clears a pending timer interrupt, and
 * UINT64_MAX means "never".
 */
#include <asm/cpu.h>
#include <asm/cpufeature.h>
#include <asm/csr.h>
#include <asm/sbi.h>
#include <tern/arch.h>
#include <tern/boot.h>
#include <tern/fdt.h>
#include <tern/timer.h>

enum timer_method { TIMER_UNKNOWN, TIMER_SSTC, TIMER_SBI_TIME, TIMER_SBI_LEGACY };

static enum timer_method method;

static enum timer_method timer_method(void)
{
	int cpu;

	if (method != TIMER_UNKNOWN)
		return method;
	cpu = riscv_boot_cpu_node();	/* usable: arch_scan_harts checked */
	if (cpu >= 0 && riscv_node_has_extension(&boot_fdt, cpu, "sstc"))
		method = TIMER_SSTC;
	else if (sbi_probe_extension(SBI_EXT_TIME))
		method = TIMER_SBI_TIME;
	else
		method = TIMER_SBI_LEGACY;
	return method;
}

void arch_timer_irq_enable(void)
{
	csr_set(sie, SIE_STIE);
}

bool arch_timer_has_sstc(void)
{
	return timer_method() == TIMER_SSTC;
}

void arch_timer_set_next(u64 deadline)
{
	/* SBI on rv32 takes the 64-bit value in a0 (low) and a1 (high). */
	unsigned long hi = __riscv_xlen == 32 ? (unsigned long)(deadline >> 32) : 0;

	switch (timer_method()) {
	case TIMER_SSTC:
		if (__riscv_xlen == 64) {
			csr_write(CSR_STIMECMP, deadline);
		} else {
			/* Low half to all-ones first: never a moment with an early deadline. */
			csr_write(CSR_STIMECMP, -1UL);
			csr_write(CSR_STIMECMPH, hi);
			csr_write(CSR_STIMECMP, (unsigned long)deadline);
		}
		break;
	case TIMER_SBI_TIME:
		sbi_ecall(SBI_EXT_TIME, SBI_TIME_SET_TIMER, (unsigned long)deadline, hi, 0, 0);
		break;
	default:
		sbi_ecall(SBI_EXT_0_1_SET_TIMER, 0, (unsigned long)deadline, hi, 0, 0);
		break;
	}
}
