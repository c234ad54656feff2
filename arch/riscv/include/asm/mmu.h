/* SPDX-License-Identifier: MIT */
/*
 * Turning paging on (arch/riscv/mm/early.c, init.c), for the boot code.
 *
 * head.S calls paging_early_setup with the MMU off, at the kernel's
 * physical address: it checks the hart accepts the configured mode
 * (else stops the machine with a message naming the mode to rebuild
 * with), builds the boot page table (the linear map window in the
 * largest leaves, read/write/execute, and the fixmap with the device
 * tree when the window does not reach it) and returns its satp value;
 * head.S enables it.  paging_init, from start_kernel once memblock
 * knows RAM, builds swapper_pg_dir with its final permissions and
 * switches to it; secondary harts start on it (swapper_satp).
 */
#ifndef ASM_MMU_H
#define ASM_MMU_H

#include <tern/types.h>

#if defined(CONFIG_PAGING_SV32)
#define PAGING_MODE_NAME	"Sv32"
#elif defined(CONFIG_PAGING_SV39)
#define PAGING_MODE_NAME	"Sv39"
#elif defined(CONFIG_PAGING_SV48)
#define PAGING_MODE_NAME	"Sv48"
#elif defined(CONFIG_PAGING_SV57)
#define PAGING_MODE_NAME	"Sv57"
#else
#define PAGING_MODE_NAME	"none"
#endif

/* satp: MODE in the top bits (4 on rv64, 1 on rv32), the root's page number below. */
#if __riscv_xlen == 64
#define SATP_MODE_SHIFT		60
#else
#define SATP_MODE_SHIFT		31
#endif
#define SATP_MODE_BARE		0
#define SATP_MODE_SV32		1
#define SATP_MODE_SV39		8
#define SATP_MODE_SV48		9
#define SATP_MODE_SV57		10

/* satp.ASID: bits 44..59 on rv64, 22..30 on rv32; a hart implements the low ones. */
#if __riscv_xlen == 64
#define SATP_ASID_SHIFT		44
#define SATP_ASID_MASK		0xffffUL
#else
#define SATP_ASID_SHIFT		22
#define SATP_ASID_MASK		0x1ffUL
#endif

/*
 * How many ASID bits the boot hart keeps (paging_init writes all ones to
 * satp.ASID and reads back); 0: none, every address-space switch must
 * flush the whole TLB.  The other harts are assumed to match.
 */
extern unsigned int asid_bits;

/* Bit m set: the boot hart kept satp.MODE m when probed (early.c). */
extern unsigned long satp_modes_accepted;

/* What secondary harts load into satp (head.S: secondary_entry). */
extern unsigned long swapper_satp;

/* With the MMU off; returns the boot page table's satp value, or does not return. */
unsigned long paging_early_setup(uintptr_t dtb_pa);

/*
 * Where the device tree at dtb_pa can be read once the MMU is on: the
 * linear map, or the fixmap where paging_early_setup put it; NULL if
 * nothing maps it.  Without paging, the physical address itself.
 */
#ifdef CONFIG_MMU
const void *paging_dtb_va(uintptr_t dtb_pa);
#else
static inline const void *paging_dtb_va(uintptr_t dtb_pa)
{
	return (const void *)dtb_pa;
}
#endif

/* Builds swapper_pg_dir from memblock's RAM and switches to it; once, after memblock_init. */
void paging_init(void);

/*
 * For the trap handler (arch/riscv/mm/fault.c): true if a page fault at
 * addr was spurious (the page table allows the access) and this hart's
 * TLB entry for it is flushed, so the instruction can simply run again.
 */
bool kernel_fault_spurious(unsigned long addr, unsigned long cause);

struct pt_regs;

/*
 * For the trap handler: a page fault at a user address (below
 * TASK_SIZE), from the kernel (later also from user mode).  0 if it was
 * resolved and the access can run again; -EFAULT if nothing may be
 * there (the trap handler then tries the exception fixup, else oopses);
 * -EINVAL if the address is not a user one.  The hook for the user
 * address-space code (demand paging, copy-on-write).
 */
int do_user_page_fault(const struct pt_regs *regs);

/* "not mapped", "mapped r-x, 4 KiB page": for an oops. */
void describe_kernel_mapping(unsigned long addr, char *buf, size_t len);

#endif
