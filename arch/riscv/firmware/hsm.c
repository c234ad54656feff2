// SPDX-License-Identifier: MIT
/*
 * SBI HSM: hart start, stop and status.  A stopped hart waits in M-mode in
 * fw_hsm_park(), woken only by MSIP.  State changes that race (two callers
 * starting one hart) go through compare-and-swap on fw_hart.hsm_state:
 *
 *	STOPPED --hart_start--> START_PENDING --park loop--> STARTED
 *	STARTED --hart_stop---> STOP_PENDING --(own hart)--> STOPPED
 */
#include <asm/csr.h>
#include "fw.h"

struct fw_hart fw_harts[FW_MAX_HARTS];

void fw_hsm_init(unsigned long boot_hart)
{
	fw_plat.hart_mask |= 1U << boot_hart;	/* even if the DTB forgot it */
	for (int i = 0; i < FW_MAX_HARTS; i++)
		fw_harts[i].hsm_state = SBI_HSM_STATE_STOPPED;
	fw_harts[boot_hart].hsm_state = SBI_HSM_STATE_STARTED;
}

static bool fw_hsm_change(unsigned long hartid, int from, int to)
{
	return __atomic_compare_exchange_n(&fw_harts[hartid].hsm_state, &from, to, false,
					   __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE);
}

/*
 * Parks a stopped hart until hart_start, then enters S-mode where it asks.
 * Runs on the hart's own stack from wherever it was, never returns: the
 * next trap starts again at the stack top (mscratch).
 */
__noreturn void fw_hsm_park(unsigned long hartid)
{
	struct fw_hart *h = &fw_harts[hartid];

	csr_write(mie, MIP_MSIP);
	for (;;) {
		unsigned int bits = fw_ipi_take(hartid);

		/* An SBI IPI is dropped: it would fire spuriously at the next start. */
		if (bits & FW_IPI_FENCE)
			fw_fence_serve(hartid);
		if (bits & FW_IPI_START)
			break;
		/* mstatus.MIE is 0: a pending MSIP ends wfi without a trap. */
		while (!(csr_read(mip) & MIP_MSIP))
			__asm__ __volatile__("wfi");
	}

	__atomic_store_n(&h->hsm_state, SBI_HSM_STATE_STARTED, __ATOMIC_SEQ_CST);
	/* The TLB may still hold what the kernel mapped before this hart stopped. */
	__asm__ __volatile__("fence.i\n\tsfence.vma" ::: "memory");
	fw_enter_supervisor(hartid, h->start_addr, h->start_arg);
}

static struct sbiret fw_hsm_start(unsigned long hartid, unsigned long addr,
				  unsigned long arg)
{
	if (!fw_hart_valid(hartid))
		return (struct sbiret){ SBI_ERR_INVALID_PARAM, 0 };
	if (!fw_s_memory_ok(addr, 1))
		return (struct sbiret){ SBI_ERR_INVALID_ADDRESS, 0 };
	if (!fw_hsm_change(hartid, SBI_HSM_STATE_STOPPED, SBI_HSM_STATE_START_PENDING))
		return (struct sbiret){ SBI_ERR_ALREADY_AVAILABLE, 0 };
	fw_harts[hartid].start_addr = addr;
	fw_harts[hartid].start_arg = arg;
	fw_ipi_raise(hartid, FW_IPI_START);	/* releases start_addr and start_arg */
	return (struct sbiret){ SBI_SUCCESS, 0 };
}

/* Returns only on failure. */
static struct sbiret fw_hsm_stop(unsigned long hartid)
{
	if (!fw_hsm_change(hartid, SBI_HSM_STATE_STARTED, SBI_HSM_STATE_STOP_PENDING))
		return (struct sbiret){ SBI_ERR_FAILED, 0 };
	fw_timer_stop(hartid);
	csr_clear(mip, MIP_SSIP);
	__atomic_store_n(&fw_harts[hartid].hsm_state, SBI_HSM_STATE_STOPPED, __ATOMIC_RELEASE);
	fw_hsm_park(hartid);
}

struct sbiret fw_sbi_hsm(unsigned long fid, const struct fw_regs *regs)
{
	switch (fid) {
	case SBI_HSM_HART_START:
		return fw_hsm_start(regs->a0, regs->a1, regs->a2);
	case SBI_HSM_HART_STOP:
		return fw_hsm_stop(csr_read(mhartid));
	case SBI_HSM_HART_GET_STATUS:
		if (!fw_hart_valid(regs->a0))
			return (struct sbiret){ SBI_ERR_INVALID_PARAM, 0 };
		return (struct sbiret){ SBI_SUCCESS,
			__atomic_load_n(&fw_harts[regs->a0].hsm_state, __ATOMIC_ACQUIRE) };
	}
	return (struct sbiret){ SBI_ERR_NOT_SUPPORTED, 0 };	/* suspend included */
}
