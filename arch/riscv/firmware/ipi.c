// SPDX-License-Identifier: MIT
/*
 * Work between harts through M software interrupts (CLINT MSIP).
 *
 * The sender sets bits in the target's fw_hart.pending with an AMO, then
 * raises the target's MSIP.  The target clears MSIP first and only then
 * takes all the bits with one amoswap, so a request that lands in between
 * raises MSIP again and is never lost.  Harts that are running (S-mode)
 * take the interrupt in fw_ipi_irq(); parked harts poll in fw_hsm_park().
 */
#include <asm/csr.h>
#include "fw.h"

/*
 * SBI hart_mask / hart_mask_base to a set of harts (bit n = hart n).
 * base == -1 means every hart; any named hart that does not exist is an
 * error, as the spec asks.
 */
long fw_hart_mask_decode(unsigned long mask, unsigned long base, u32 *harts)
{
	*harts = 0;
	if (base == -1UL) {
		*harts = fw_plat.hart_mask;
		return SBI_SUCCESS;
	}
	for (; mask; mask &= mask - 1) {
		unsigned long id = base + __builtin_ctzl(mask);

		if (id < base || !fw_hart_valid(id))
			return SBI_ERR_INVALID_PARAM;
		*harts |= 1U << id;
	}
	return SBI_SUCCESS;
}

void fw_ipi_raise(unsigned long hartid, unsigned int bits)
{
	__atomic_fetch_or(&fw_harts[hartid].pending, bits, __ATOMIC_RELEASE);
	fw_clint_set_msip(hartid);	/* fw_write32 orders it after the AMO */
}

/* Acknowledges MSIP and returns the FW_IPI_* bits sent since the last call. */
unsigned int fw_ipi_take(unsigned long hartid)
{
	fw_clint_clear_msip(hartid);
	__asm__ __volatile__("fence o, rw" ::: "memory");
	return __atomic_exchange_n(&fw_harts[hartid].pending, 0, __ATOMIC_ACQUIRE);
}

/* M software interrupt on a running hart. */
void fw_ipi_irq(unsigned long hartid)
{
	unsigned int bits = fw_ipi_take(hartid);

	if (bits & FW_IPI_SSIP)
		csr_set(mip, MIP_SSIP);
	if (bits & FW_IPI_FENCE)
		fw_fence_serve(hartid);
}

static bool fw_hart_started(unsigned long hartid)
{
	return __atomic_load_n(&fw_harts[hartid].hsm_state, __ATOMIC_ACQUIRE) ==
	       SBI_HSM_STATE_STARTED;
}

/* SBI send_ipi.  Harts that are not started do not get it (nor keep it). */
struct sbiret fw_sbi_send_ipi(unsigned long mask, unsigned long base)
{
	u32 harts;
	long err = fw_hart_mask_decode(mask, base, &harts);

	if (err)
		return (struct sbiret){ err, 0 };
	for (unsigned long id = 0; id < FW_MAX_HARTS; id++)
		if ((harts & (1U << id)) && fw_hart_started(id))
			fw_ipi_raise(id, FW_IPI_SSIP);
	return (struct sbiret){ SBI_SUCCESS, 0 };
}
