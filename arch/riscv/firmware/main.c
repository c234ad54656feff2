// SPDX-License-Identifier: MIT
/*
 * Boot flow of the Tern firmware.  Every hart arrives in fw_main() from
 * head.S.  One of them, the boot hart, clears .bss, reads the DTB, checks
 * what QEMU's fw_dynamic_info says about the next stage and then releases
 * the others.  Every hart then sets up its own M-mode CSRs; the boot hart
 * enters the kernel in S-mode and the others park until HSM hart_start.
 */
#include <asm/csr.h>
#include <tern/string.h>
#include "fw.h"

/* Delegated to S-mode: what a kernel handles itself. */
#define FW_MEDELEG ((1UL << EXC_INST_MISALIGNED) | (1UL << EXC_INST_ACCESS) |	\
		    (1UL << EXC_ILLEGAL_INST) | (1UL << EXC_BREAKPOINT) |	\
		    (1UL << EXC_LOAD_ACCESS) | (1UL << EXC_STORE_ACCESS) |	\
		    (1UL << EXC_ECALL_U) | (1UL << EXC_INST_PAGE_FAULT) |	\
		    (1UL << EXC_LOAD_PAGE_FAULT) | (1UL << EXC_STORE_PAGE_FAULT))
#define FW_MIDELEG (MIP_SSIP | MIP_STIP | MIP_SEIP)

/*
 * Read by harts before the boot hart has cleared .bss, so they live in
 * .data.  QEMU reloads the image on reset, so they start at 0 every boot.
 */
static int fw_lottery __section(".data");
static int fw_booted __section(".data");

static bool fw_info_valid(const struct fw_dynamic_info *info)
{
	uintptr_t p = (uintptr_t)info;

	return p && !(p % sizeof(long)) && info->magic == FW_DYNAMIC_MAGIC;
}

/* The hart named by fw_dynamic_info boots; without one, the first to ask. */
static bool fw_is_boot_hart(unsigned long hartid, const struct fw_dynamic_info *info)
{
	if (fw_info_valid(info) && info->version >= 2 &&
	    info->boot_hart != FW_DYNAMIC_ANY_HART && info->boot_hart < FW_MAX_HARTS)
		return hartid == info->boot_hart;
	return __atomic_exchange_n(&fw_lottery, 1, __ATOMIC_ACQ_REL) == 0;
}

/* Next stage entry point, or 0 (with the reason printed) if we cannot boot. */
static unsigned long fw_next_stage(const struct fw_dynamic_info *info)
{
	if (!fw_info_valid(info)) {
		fw_printf("tern-fw: no fw_dynamic_info at a2=%p (bad magic): cannot find the kernel\n",
			  info);
		return 0;
	}
	if (info->next_mode != FW_DYNAMIC_NEXT_MODE_S) {
		fw_printf("tern-fw: next stage mode %lu is not S-mode\n", info->next_mode);
		return 0;
	}
	if (!info->next_addr) {
		fw_printf("tern-fw: no next stage in fw_dynamic_info (QEMU without -kernel?)\n");
		return 0;
	}
	if (info->next_addr < fw_region_end()) {
		fw_printf("tern-fw: next stage %#lx overlaps the firmware (ends %#lx)\n",
			  info->next_addr, fw_region_end());
		return 0;
	}
	return info->next_addr;
}

static unsigned int fw_nr_harts(void)
{
	return __builtin_popcount(fw_plat.hart_mask);
}

/* Returns the kernel entry point; powers off if there is nothing to boot. */
static unsigned long fw_cold_boot(unsigned long hartid, const void *dtb,
				  const struct fw_dynamic_info *info)
{
	unsigned long next;

	memset(_fw_bss_start, 0, _fw_bss_end - _fw_bss_start);
	if (fw_platform_init(dtb))
		fw_poweroff(true);	/* it said why */
	fw_hsm_init(hartid);

	next = fw_next_stage(info);
	if (!next)
		fw_poweroff(true);
	fw_printf("Tern firmware: SBI v2.0, rv%d, %u hart%s, next stage %#lx\n",
		  __riscv_xlen, fw_nr_harts(), fw_nr_harts() == 1 ? "" : "s", next);
	return next;
}

/* M-mode state every hart needs before running S-mode code. */
static void fw_hart_init(unsigned long hartid)
{
	csr_write(medeleg, FW_MEDELEG);
	csr_write(mideleg, FW_MIDELEG);
	/* S and U may read cycle, time and instret (rdtime must not trap). */
	csr_write(mcounteren, -1UL);
	csr_write(scounteren, -1UL);
	fw_pmp_init();
	fw_timer_hart_init(hartid);
	csr_write(mie, MIP_MSIP);
}

__noreturn void fw_main(unsigned long hartid, unsigned long dtb,
			const struct fw_dynamic_info *info)
{
	unsigned long next = 0;
	bool boot = fw_is_boot_hart(hartid, info);

	if (boot) {
		next = fw_cold_boot(hartid, (const void *)dtb, info);
		/*
		 * Always: PMP denies the kernel this region, so a kernel that
		 * did not know of it would hand it out and fault.
		 */
		dtb = fw_reserved_memory_publish(dtb, next);
		if (!dtb)
			fw_poweroff(true);
		__atomic_store_n(&fw_booted, 1, __ATOMIC_RELEASE);
	} else {
		while (!__atomic_load_n(&fw_booted, __ATOMIC_ACQUIRE))
			;
	}

	fw_hart_init(hartid);
	if (boot)
		fw_enter_supervisor(hartid, next, dtb);
	fw_hsm_park(hartid);
}

/*
 * Leaves M-mode for S-mode at addr with a0 = hartid, a1 = arg, MMU off and
 * S interrupts disabled: the Linux boot protocol, and HSM's hart_start.
 */
__noreturn void fw_enter_supervisor(unsigned long hartid, unsigned long addr,
				    unsigned long arg)
{
	register unsigned long a0 __asm__("a0") = hartid;
	register unsigned long a1 __asm__("a1") = arg;

	csr_clear(mstatus, SR_MPP | SR_MPIE | SR_SIE | SR_SPIE);
	csr_set(mstatus, SR_MPP_S);
	csr_write(mepc, addr);
	csr_write(satp, 0);
	csr_write(sie, 0);
	__asm__ __volatile__("mret" :: "r"(a0), "r"(a1) : "memory");
	__builtin_unreachable();
}
