// SPDX-License-Identifier: MIT
/*
 * SiFive CLINT: one software-interrupt (MSIP) word per hart and one 64-bit
 * mtimecmp per hart; mtime is shared.  Each hart writes only its own
 * mtimecmp; any hart may write any MSIP.
 *
 *	+0x0000 + 4 * hart	msip (bit 0)
 *	+0x4000 + 8 * hart	mtimecmp
 *	+0xbff8			mtime
 */
#include "fw.h"

#define CLINT_MSIP(h)		(0x0000 + 4 * (h))
#define CLINT_MTIMECMP(h)	(0x4000 + 8 * (h))

void fw_clint_set_msip(unsigned long hartid)
{
	fw_write32(fw_plat.clint + CLINT_MSIP(hartid), 1);
}

void fw_clint_clear_msip(unsigned long hartid)
{
	fw_write32(fw_plat.clint + CLINT_MSIP(hartid), 0);
}

/*
 * Two 32-bit stores on rv32: the low word goes to all ones first, so that
 * no intermediate value lies below both the old and the new deadline and
 * fires a spurious interrupt (the sequence the privileged spec gives).
 */
void fw_clint_set_timecmp(unsigned long hartid, u64 when)
{
	uintptr_t cmp = fw_plat.clint + CLINT_MTIMECMP(hartid);

	if (__riscv_xlen == 64) {
		__asm__ __volatile__("fence w, o" ::: "memory");
		*(volatile u64 *)cmp = when;
		return;
	}
	fw_write32(cmp, 0xffffffff);
	fw_write32(cmp + 4, when >> 32);
	fw_write32(cmp, (u32)when);
}
