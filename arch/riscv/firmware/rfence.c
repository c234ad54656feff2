// SPDX-License-Identifier: MIT
/*
 * SBI RFENCE: remote fence.i, sfence.vma and sfence.vma.asid.  Every request
 * is served by a full fence.i + sfence.vma on the target, which is always
 * allowed (the ranges and ASID are hints that may be widened).
 *
 * Completion is tracked with tickets, not bits, so that two harts asking the
 * same target at once each wait for a fence that began after their request:
 * the caller takes ticket = ++target.fence_req and waits until
 * target.fence_done reaches it; the target reads fence_req before fencing
 * and publishes it as fence_done after.
 */
#include <asm/csr.h>
#include "fw.h"

static void fw_local_fence(void)
{
	__asm__ __volatile__("fence.i\n\tsfence.vma" ::: "memory");
}

void fw_fence_serve(unsigned long hartid)
{
	struct fw_hart *h = &fw_harts[hartid];
	unsigned long req = __atomic_load_n(&h->fence_req, __ATOMIC_ACQUIRE);

	fw_local_fence();
	__atomic_store_n(&h->fence_done, req, __ATOMIC_RELEASE);
}

/*
 * While waiting we keep serving our own MSIP: two harts fencing each other
 * at the same time would otherwise wait for each other forever.
 */
static void fw_fence_wait(unsigned long self, unsigned long target, unsigned long ticket)
{
	while ((long)(__atomic_load_n(&fw_harts[target].fence_done, __ATOMIC_ACQUIRE) -
		      ticket) < 0) {
		if (csr_read(mip) & MIP_MSIP)
			fw_ipi_irq(self);
	}
}

struct sbiret fw_sbi_rfence(unsigned long fid, const struct fw_regs *regs)
{
	unsigned long self = csr_read(mhartid);
	unsigned long ticket[FW_MAX_HARTS];
	u32 harts, asked = 0;
	long err;

	if (fid != SBI_RFENCE_REMOTE_FENCE_I && fid != SBI_RFENCE_REMOTE_SFENCE_VMA &&
	    fid != SBI_RFENCE_REMOTE_SFENCE_VMA_ASID)
		return (struct sbiret){ SBI_ERR_NOT_SUPPORTED, 0 };
	err = fw_hart_mask_decode(regs->a0, regs->a1, &harts);
	if (err)
		return (struct sbiret){ err, 0 };

	/* Stopped harts fence when they next start (fw_hsm_park). */
	for (unsigned long id = 0; id < FW_MAX_HARTS; id++) {
		if (!(harts & (1U << id)) || id == self ||
		    __atomic_load_n(&fw_harts[id].hsm_state, __ATOMIC_ACQUIRE) !=
		    SBI_HSM_STATE_STARTED)
			continue;
		ticket[id] = __atomic_add_fetch(&fw_harts[id].fence_req, 1, __ATOMIC_SEQ_CST);
		fw_ipi_raise(id, FW_IPI_FENCE);
		asked |= 1U << id;
	}
	if (harts & (1U << self))
		fw_local_fence();
	for (unsigned long id = 0; id < FW_MAX_HARTS; id++)
		if (asked & (1U << id))
			fw_fence_wait(self, id, ticket[id]);
	return (struct sbiret){ SBI_SUCCESS, 0 };
}
