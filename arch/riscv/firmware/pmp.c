// SPDX-License-Identifier: MIT
/*
 * Physical memory protection.  Without a matching PMP entry QEMU denies
 * S/U-mode every access, so two entries are programmed on each hart:
 *
 *	entry 0:  FW_BASE .. fw_region_end(), NAPOT, no permissions: the
 *		  firmware (code, data, stacks) is out of S/U-mode's reach.
 *		  Not locked, so M-mode is unaffected.
 *	entry 15: everything, NAPOT all ones, RWX.  The lowest matching entry
 *		  wins, so it only covers what entry 0 does not.  Entry 15 is the
 *		  last one when PMP is there at all (0, 16 or 64 entries), which
 *		  leaves 1..14 for future firmware regions.
 */
#include <asm/csr.h>
#include "fw.h"

#define FW_PMP_ALL_CFG	(PMP_A_NAPOT | PMP_R | PMP_W | PMP_X)

/* NAPOT needs a power-of-two size; FW_BASE is aligned to any size we use. */
unsigned long fw_region_end(void)
{
	unsigned long used = _fw_end - _fw_start, size = 4096;

	while (size < used)
		size <<= 1;
	return (unsigned long)_fw_start + size;
}

void fw_pmp_init(void)
{
	unsigned long size = fw_region_end() - (unsigned long)_fw_start;

	csr_write(pmpaddr0, ((unsigned long)_fw_start >> 2) | ((size >> 3) - 1));
	csr_write(pmpaddr15, -1UL);
#if __riscv_xlen == 64
	csr_write(pmpcfg0, PMP_A_NAPOT);
	csr_write(pmpcfg2, (unsigned long)FW_PMP_ALL_CFG << 56);
#else
	csr_write(pmpcfg0, PMP_A_NAPOT);
	csr_write(pmpcfg3, (unsigned long)FW_PMP_ALL_CFG << 24);
#endif
	/* The spec asks for this after changing PMP settings. */
	__asm__ __volatile__("sfence.vma" ::: "memory");
}

/*
 * May the firmware touch [base, base + size) on S-mode's behalf?  Only RAM
 * that PMP gives S-mode: in a /memory range and outside the firmware.
 */
bool fw_s_memory_ok(phys_addr_t base, phys_addr_t size)
{
	phys_addr_t end = base + size;

	if (end < base || (base < fw_region_end() && end > (unsigned long)_fw_start))
		return false;
	for (unsigned int i = 0; i < fw_plat.nr_mem; i++)
		if (base >= fw_plat.mem[i].base &&
		    end <= fw_plat.mem[i].base + fw_plat.mem[i].size)
			return __riscv_xlen == 64 || end <= 1ULL << 32;	/* M-mode reach */
	return false;
}
